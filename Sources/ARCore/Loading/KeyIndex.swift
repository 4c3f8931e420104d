import CPrefetch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A hash map from identifier bytes to dense indices (0, 1, 2, ... in order of
/// insertion), with the identifiers kept in one byte arena. Millions of
/// invoice ids cost a few arrays instead of millions of Strings.
///
/// A slot is eight bytes: 32 bits of the hash and the key's index. Inserting a
/// new key compares hash bits only (two keys share them about once in four
/// billion probes), so it touches one slot; a key is compared byte for byte, in
/// the arena, only when its hash bits match. Small slots keep the table of five
/// million invoices at 64 MB: less memory to zero, fewer cache and TLB misses.
public struct KeyIndex: Sendable {
    private var arena: [UInt8] = []
    /// Start of key i in the arena; key i ends where key i+1 starts (32 bits: arenas stay under 4 GB).
    private var starts: [UInt32] = [0]
    /// High 32 bits of the hash | index + 1 (low 32 bits); 0 = empty.
    private var slots: [UInt64]
    private var mask: Int

    /// A key's hash, computed once for a prefetch and the insert or lookup after it.
    struct Probe {
        var hash: UInt64

        @inline(__always)
        init(_ key: UnsafeBufferPointer<UInt8>) {
            let raw = UnsafeRawBufferPointer(key)
            let count = key.count
            func word(_ offset: Int) -> UInt64 {
                if offset + 8 <= count { return raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
                var value: UInt64 = 0
                var shift: UInt64 = 0
                var index = offset
                while index < count {
                    value |= UInt64(key[index]) << shift
                    shift += 8
                    index += 1
                }
                return value
            }
            // Multiply-mix eight bytes at a time, then avalanche so both the
            // low bits (slot) and the high bits (tag) spread well.
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
            h = (h ^ word(0)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            h = (h ^ word(8)) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 31
            var offset = 16
            while offset < count {
                h = (h ^ word(offset)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 29
                offset += 8
            }
            h = h &* 0x94D0_49BB_1331_11EB
            h ^= h >> 32
            hash = h
        }

        @inline(__always)
        var tag: UInt64 { hash & 0xFFFF_FFFF_0000_0000 }
    }

    public init(capacity: Int = 16) {
        // The table grows past 70% full, so this capacity fits without growing.
        var size = 16
        while size * 7 < capacity * 10 { size <<= 1 }
        slots = KeyIndex.emptySlots(size)
        mask = size - 1
        starts.reserveCapacity(capacity + 1)
        arena.reserveCapacity(capacity * 10)
    }

    public var count: Int { starts.count - 1 }

    /// The key at `index` as a String.
    public func key(_ index: Int) -> String {
        withKey(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of the key at `index`.
    public func withKey<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try arena.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[Int(starts[index])..<Int(starts[index + 1])]))
        }
    }

    /// Every key in index order.
    public var keys: [String] { (0..<count).map(key) }

    /// The index of `key`, or nil.
    public func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(key, Probe(key)).index
    }

    /// Looks up many keys: `key(i)` gives key i of `count`, `found(i, index)` receives each result.
    /// Keys go in batches whose first slots are prefetched together, so their cache misses
    /// overlap instead of queueing one after another (the table is far larger than the cache).
    public func findAll(count: Int, key: (Int) -> UnsafeBufferPointer<UInt8>, found: (Int, Int32?) -> Void) {
        let batch = 16
        var probes = [Probe](repeating: Probe(UnsafeBufferPointer(start: nil, count: 0)), count: batch)
        var start = 0
        while start < count {
            let end = min(start + batch, count)
            for i in start..<end {
                probes[i - start] = Probe(key(i))
                prefetch(probes[i - start])
            }
            for i in start..<end { found(i, find(key(i), probes[i - start]).index) }
            start = end
        }
    }

    /// Prefetches the probe's first slot, so a later lookup or insert of that key finds it in the
    /// cache. A prefetch, unlike a load, does not hold back the work after it while the miss is served.
    @inline(__always)
    func prefetch(_ probe: Probe) {
        slots.withUnsafeBufferPointer { ar_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: probe.hash) & mask)) }
    }

    /// Prefetches where key `index` starts; `prefetchKey(_:)` a few keys later then finds it cached.
    /// For reading keys in a random order (the worklist's oldest invoices): two misses per key
    /// otherwise, one in `starts` and one in the arena.
    @inline(__always)
    public func prefetchStart(_ index: Int) {
        starts.withUnsafeBufferPointer { ar_prefetch($0.baseAddress! + index) }
    }

    /// Prefetches key `index`'s bytes (reads its start: prefetch that first).
    @inline(__always)
    public func prefetchKey(_ index: Int) {
        arena.withUnsafeBufferPointer { arena in
            guard let base = arena.baseAddress else { return }
            ar_prefetch(base + Int(starts[index]))
        }
    }

    public func find(_ key: String) -> Int32? {
        var bytes = Array(key.utf8)
        return bytes.withUnsafeMutableBufferPointer { find(UnsafeBufferPointer($0)) }
    }

    /// The key's index if present, else the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UnsafeBufferPointer<UInt8>, _ probe: Probe) -> (index: Int32?, emptySlot: Int) {
        let tag = probe.tag
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: probe.hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return (nil, slot) }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let index = Int(entry & 0xFFFF_FFFF) - 1
                    if keyEquals(index, key) { return (Int32(index), slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether key `index` in the arena is `key`, byte for byte.
    func keyEquals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[index])
        let length = Int(starts[index + 1]) - start
        guard length == key.count else { return false }
        return length == 0
            || arena.withUnsafeBufferPointer { ShortBytes.equal($0.baseAddress! + start, key.baseAddress!, count: length) }
    }

    /// Inserts `key` if new; returns its index and whether it was inserted.
    @discardableResult
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
        insert(key, Probe(key))
    }

    /// Inserts `key`, whose probe is already computed (see `prefetch`).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ probe: Probe) -> (index: Int32, inserted: Bool) {
        var (found, slot) = find(key, probe)
        if let found { return (found, false) }
        if (count + 1) * 10 > slots.count * 7 {
            grow()
            slot = find(key, probe).emptySlot
        }
        let index = Int32(count)
        arena.append(contentsOf: key)
        starts.append(UInt32(arena.count))
        slots[slot] = probe.tag | UInt64(index + 1)
        return (index, true)
    }

    @discardableResult
    public mutating func insert(_ key: String) -> (index: Int32, inserted: Bool) {
        var bytes = Array(key.utf8)
        return bytes.withUnsafeMutableBufferPointer { insert(UnsafeBufferPointer($0)) }
    }

    /// A zeroed slot table. Large tables ask for transparent huge pages before the
    /// first touch: lookups are random, and 4 KB pages would make most of them TLB misses.
    static func emptySlots(_ count: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            let hugePage = 2 << 20
            if raw.count >= 4 * hugePage, let base = raw.baseAddress {
                let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
                let end = (Int(bitPattern: base) + raw.count) & ~(hugePage - 1)
                if end > start {
                    _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, 14 /* MADV_HUGEPAGE */)
                }
            }
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            initialized = count
        }
    }

    /// Doubles the table and places every key again.
    private mutating func grow() {
        let size = slots.count * 2
        var grown = KeyIndex.emptySlots(size)
        let newMask = size - 1
        for index in 0..<count {
            withKey(index) { key in
                let probe = Probe(key)
                var slot = Int(truncatingIfNeeded: probe.hash) & newMask
                while grown[slot] != 0 { slot = (slot + 1) & newMask }
                grown[slot] = probe.tag | UInt64(index + 1)
            }
        }
        slots = grown
        mask = newMask
    }
}
