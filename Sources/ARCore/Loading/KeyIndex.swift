/// A hash map from identifier bytes to dense indices (0, 1, 2, ... in order of
/// insertion), with the identifiers kept in one byte arena. Millions of
/// invoice ids cost two arrays instead of millions of Strings.
public struct KeyIndex: Sendable {
    private var arena: [UInt8] = []
    /// Start of key i in the arena; key i ends where key i+1 starts.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open-addressed table: the high 32 bits of the key's hash, then index + 1 in the
    /// low 32 bits (0 = empty slot). The hash bits settle most mismatches without
    /// touching the arena, which keeps lookups to one cache miss in the usual case.
    private var slots: [UInt64]
    private var mask: Int

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
    }

    public var count: Int { hashes.count }

    /// The key at `index` as a String.
    public func key(_ index: Int) -> String {
        arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[starts[index]..<starts[index + 1]]), as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of the key at `index`.
    public func withKey<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try arena.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[starts[index]..<starts[index + 1]]))
        }
    }

    /// Every key in index order.
    public var keys: [String] { (0..<count).map(key) }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        // Eight bytes at a time, multiply-mixed, then a final avalanche so both the
        // low bits (slot) and the high bits (tag) spread well.
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var offset = 0
        let raw = UnsafeRawBufferPointer(key)
        while offset + 8 <= key.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < key.count {
            tail |= UInt64(key[offset]) << shift
            shift += 8
            offset += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h
    }

    /// The index of `key`, or nil.
    public func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(key, hash: KeyIndex.hash(key))
    }

    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        return arena.withUnsafeBufferPointer { arena in
            slots.withUnsafeBufferPointer { slots in
                starts.withUnsafeBufferPointer { starts in
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return nil }
                        if entry & 0xFFFF_FFFF_0000_0000 == tag {
                            let index = Int(entry & 0xFFFF_FFFF) - 1
                            let start = starts[index]
                            let length = starts[index + 1] - start
                            if length == key.count,
                                length == 0 || memcmp(arena.baseAddress! + start, key.baseAddress!, length) == 0
                            {
                                return Int32(index)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    public func find(_ key: String) -> Int32? {
        var bytes = Array(key.utf8)
        return bytes.withUnsafeMutableBufferPointer { find(UnsafeBufferPointer($0)) }
    }

    /// Inserts `key` if new; returns its index and whether it was inserted.
    @discardableResult
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
        let hash = KeyIndex.hash(key)
        if let existing = find(key, hash: hash) { return (existing, false) }
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let index = Int32(count)
        arena.append(contentsOf: key)
        starts.append(arena.count)
        hashes.append(hash)
        place(index, hash: hash)
        return (index, true)
    }

    @discardableResult
    public mutating func insert(_ key: String) -> (index: Int32, inserted: Bool) {
        var bytes = Array(key.utf8)
        return bytes.withUnsafeMutableBufferPointer { insert(UnsafeBufferPointer($0)) }
    }

    private mutating func place(_ index: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for index in 0..<count { place(Int32(index), hash: hashes[index]) }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
