import Foundation

/// An axis range and its ticks at round numbers: steps of 1, 2, 2.5 or 5 times a power of ten
/// (Heckbert's "nice numbers" from Graphics Gems, 1990, with 2.5 added so money axes can step by 250k).
///
/// `NiceScale(covering: [0, 1_234_567])` gives ticks 0, 250k, 500k, 750k, 1M, 1.25M.
public struct NiceScale: Hashable, Sendable {
    /// The first and last tick: the axis runs exactly from `lower` to `upper`.
    public let lower: Double
    public let upper: Double
    /// The distance between ticks.
    public let step: Double

    /// The multiples of ten a step may be, smallest first.
    public static let stepMultiples: [Double] = [1, 2, 2.5, 5, 10]

    /// A scale whose ticks cover `min...max` with at most `maxIntervals` steps between them.
    public init(min dataMin: Double, max dataMax: Double, maxIntervals: Int = 6) {
        let intervals = Swift.max(1, maxIntervals)
        var low = Swift.min(dataMin, dataMax)
        var high = Swift.max(dataMin, dataMax)
        if !low.isFinite || !high.isFinite {
            low = 0
            high = 1
        }
        if high - low < Swift.max(abs(high), abs(low), 1) * 1e-12 {
            // A single value: give it some room, keeping zero on the axis when the value is zero.
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low = low == 0 ? 0 : low - pad
            high += pad
        }
        var step = NiceScale.niceStep(atLeast: (high - low) / Double(intervals))
        var lowerIndex = (low / step).rounded(.down)
        var upperIndex = (high / step).rounded(.up)
        // Snapping both ends outwards can add an interval; take the next nice step when it does.
        while upperIndex - lowerIndex > Double(intervals) {
            step = NiceScale.niceStep(atLeast: step * 1.000001)
            lowerIndex = (low / step).rounded(.down)
            upperIndex = (high / step).rounded(.up)
        }
        self.step = step
        self.lower = lowerIndex * step
        self.upper = upperIndex * step
    }

    /// A scale running exactly over `domain` (e.g. 0.5...1 for a percentage), with the interval count
    /// (3 to 6) that puts ticks at nice numbers; falls back to covering the domain when none does.
    public init(exactly domain: ClosedRange<Double>) {
        for intervals in [4, 5, 3, 6] {
            let candidate = NiceScale(min: domain.lowerBound, max: domain.upperBound, maxIntervals: intervals)
            if abs(candidate.lower - domain.lowerBound) < candidate.step * 1e-9,
                abs(candidate.upper - domain.upperBound) < candidate.step * 1e-9
            {
                self = candidate
                return
            }
        }
        self.init(min: domain.lowerBound, max: domain.upperBound, maxIntervals: 5)
    }

    /// A scale covering `values` (non-finite ones ignored); with `includingZero`, zero is always on the
    /// axis, as bars need it.
    public init(covering values: some Sequence<Double>, includingZero: Bool = true, maxIntervals: Int = 6) {
        var low = includingZero ? 0.0 : Double.infinity
        var high = includingZero ? 0.0 : -Double.infinity
        for value in values where value.isFinite {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        if low > high {
            low = 0
            high = 1
        }
        self.init(min: low, max: high, maxIntervals: maxIntervals)
    }

    /// The tick values from `lower` to `upper`, computed from integer multiples so they carry no
    /// accumulated floating-point error.
    public var ticks: [Double] {
        let first = (lower / step).rounded()
        let count = Int(((upper - lower) / step).rounded())
        // For steps below 1, divide by a power of ten instead of multiplying by 0.1…, which is inexact:
        // 3 × 0.2 is 0.6000000000000001, but 3 × 2 / 10 is 0.6.
        let exponent = log10(step).rounded(.down)
        let multiple = (step / pow(10, exponent) * 10).rounded() / 10
        return (0...Swift.max(0, count)).map { index in
            let units = (first + Double(index)) * multiple
            let value = exponent < 0 ? units / pow(10, -exponent) : units * pow(10, exponent)
            return value == 0 ? 0 : value  // no "-0"
        }
    }

    /// Where `value` falls between `lower` (0) and `upper` (1).
    public func fraction(of value: Double) -> Double {
        upper == lower ? 0 : (value - lower) / (upper - lower)
    }

    /// The smallest nice step (1, 2, 2.5 or 5 times a power of ten) not below `rawStep`.
    public static func niceStep(atLeast rawStep: Double) -> Double {
        guard rawStep > 0, rawStep.isFinite else { return 1 }
        let magnitude = pow(10, (log10(rawStep)).rounded(.down))
        let fraction = rawStep / magnitude
        let multiple = stepMultiples.first { $0 >= fraction * (1 - 1e-9) } ?? 10
        return multiple * magnitude
    }
}
