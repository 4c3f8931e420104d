/// SplitMix64: expands one 64-bit seed into well-mixed words (seeds xoshiro). Public for the
/// tests that draw random cases from a seed, so that a failure can be replayed.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256**: the generator behind every random choice of the data set.
///
/// Our own implementation, and our own helpers below, rather than the standard
/// library's `random(in:using:)`: its algorithm is not promised to stay the same
/// across toolchains, and the data set must be byte-identical everywhere.
/// Only integer operations and IEEE +, -, *, / are used, never libm.
struct Xoshiro256StarStar {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// An independent stream for one entity (a customer, a currency), so that
    /// each can be generated on its own and in any order.
    init(seed: UInt64, stream: UInt64, salt: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ (salt &* 0x8CB9_2BA7_2F3D_8DD7))
        self.init(seed: mixer.next())
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    /// A uniform integer in 0..<bound (bound > 0); multiply-shift, bias < 2^-32 for our bounds.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in lower...upper (lower <= upper).
    @inline(__always)
    mutating func between(_ lower: Int, _ upper: Int) -> Int {
        lower + below(upper - lower + 1)
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform Double in [lower, upper).
    @inline(__always)
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A roughly standard-normal value from the sum of four uniforms (Irwin-Hall):
    /// no libm, bounded tails (|z| < 3.5), which is what realistic noise needs.
    mutating func normalish() -> Double {
        // The sum of 4 uniforms has mean 2 and variance 1/3: scale by sqrt(3).
        (unit() + unit() + unit() + unit() - 2.0) * 1.732_050_807_568_877_2
    }

    /// A triangular integer in lower...upper peaking in the middle (sum of two uniforms).
    mutating func triangular(_ lower: Int, _ upper: Int) -> Int {
        let width = upper - lower
        return lower + (below(width + 1) + below(width + 1) + below(2)) / 2
    }

    /// An index drawn with the given integer weights (cumulative walk; lists are short).
    mutating func weightedIndex(_ weights: [Int]) -> Int {
        var total = 0
        for weight in weights { total += weight }
        var pick = below(total)
        for (index, weight) in weights.enumerated() {
            if pick < weight { return index }
            pick -= weight
        }
        return weights.count - 1
    }

    /// An element of a non-empty array, uniformly.
    mutating func element<T>(of items: [T]) -> T {
        items[below(items.count)]
    }
}
