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
///
/// Made with `deferringHash`, the index builds no slots while each key comes after the one
/// before in byte order, as exports sorted by id do: a key after the last cannot be a repeat,
/// and the arena is itself sorted, so lookups search it (`findAll` walks a finger along it).
/// The first key out of order builds the slots from the keys so far, and the index hashes from
/// then on; so can `buildHash()`, when lookups come in an order the finger cannot follow.
public struct KeyIndex: Sendable {
    private var arena: [UInt8] = []
    /// Start of key i in the arena; key i ends where key i+1 starts (32 bits: arenas stay under 4 GB).
    private var starts: [UInt32] = [0]
    /// High 32 bits of the hash | index + 1 (low 32 bits); 0 = empty. Empty while the hash is
    /// deferred: the keys are then in ascending byte order.
    private var slots: [UInt64]
    private var mask: Int
    /// The number of slots for the capacity asked for, built when the hash is.
    private let plannedSlots: Int

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

    /// - Parameter deferringHash: build no slots while the keys come in ascending byte order.
    public init(capacity: Int = 16, deferringHash: Bool = false) {
        plannedSlots = KeyIndex.slotCount(for: capacity)
        slots = deferringHash ? [] : KeyIndex.emptySlots(plannedSlots)
        mask = deferringHash ? 0 : plannedSlots - 1
        starts.reserveCapacity(capacity + 1)
        arena.reserveCapacity(capacity * 10)
    }

    /// The table grows past 70% full: this many slots hold `capacity` keys without growing.
    private static func slotCount(for capacity: Int) -> Int {
        var size = 16
        while size * 7 < capacity * 10 { size <<= 1 }
        return size
    }

    public var count: Int { starts.count - 1 }

    /// Whether keys are found through the slots; if not, every key came after the one before.
    public var isHashed: Bool { !slots.isEmpty }

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

    /// Whether key `a` sorts before key `b` as their Strings do (`key(a) < key(b)`): in byte
    /// order when both are ASCII, which is the same order without making two Strings (open
    /// items and the worklist break ties of due dates by invoice id, often).
    public func keyPrecedes(_ a: Int, _ b: Int) -> Bool {
        let first = Int(starts[a])..<Int(starts[a + 1])
        let second = Int(starts[b])..<Int(starts[b + 1])
        let ordered = arena.withUnsafeBufferPointer { arena -> Bool? in
            var ascii: UInt8 = 0
            for index in first { ascii |= arena[index] }
            for index in second { ascii |= arena[index] }
            guard ascii < 0x80 else { return nil }
            return arena[first].lexicographicallyPrecedes(arena[second])
        }
        return ordered ?? (key(a) < key(b))
    }

    /// Every key in index order.
    public var keys: [String] { (0..<count).map(key) }

    /// The index of `key`, or nil.
    public func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard isHashed else { return sortedFind(key) }
        return find(key, Probe(key)).index
    }

    /// Looks up keys `range` in turn: `key(i)` gives key i, `found(i, index)` receives each result.
    /// Returns where it stopped: `range.upperBound` once every key is looked up.
    ///
    /// With slots, keys go in batches whose first slots are prefetched together, so their cache
    /// misses overlap instead of queueing one after another (the table is far larger than the
    /// cache). Without, a finger walks the sorted keys from each key's place to the next one's,
    /// a few comparisons when the keys come nearly in order. When they do not (a window of
    /// `fingerWindow` keys costs more comparisons than keys in order would, see `walkFinger`),
    /// the walk stops early: build the hash and look up the rest. `findEvery` does both.
    /// Inlined, with the walk, so the caller's closures are too: the cash matcher calls them for
    /// each of millions of rows.
    @inline(__always)
    public func findAll(
        _ range: Range<Int>, key: (Int) -> UnsafeBufferPointer<UInt8>, found: (Int, Int32?) -> Void
    ) -> Int {
        guard isHashed else { return walkFinger(range, key: key, found: found) }
        let batch = 16
        var probes = [Probe](repeating: Probe(UnsafeBufferPointer(start: nil, count: 0)), count: batch)
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + batch, range.upperBound)
            for i in start..<end {
                probes[i - start] = Probe(key(i))
                prefetch(probes[i - start])
            }
            for i in start..<end { found(i, find(key(i), probes[i - start]).index) }
            start = end
        }
        return range.upperBound
    }

    /// Looks up keys `0..<count` (see `findAll`), building the hash first if the finger cannot follow them.
    public mutating func findEvery(
        count: Int, key: (Int) -> UnsafeBufferPointer<UInt8>, found: (Int, Int32?) -> Void
    ) {
        let done = findAll(0..<count, key: key, found: found)
        guard done < count else { return }
        buildHash()
        _ = findAll(done..<count, key: key, found: found)
    }

    /// Keys a window of the finger walk counts comparisons over.
    static let fingerWindow = 1024

    /// `findAll` on the sorted keys: each search starts where the last one ended, and gallops
    /// (1, 2, 4, ... keys away) to bracket the key before a binary search inside the bracket.
    ///
    /// Keys looked up in ascending order cost at most about 2 log2(gap) + 2 comparisons each,
    /// where gap is the average distance between their places: `count / range.count` keys. The
    /// walk allows that plus 10 a key over each window; keys in no order cost about 2 log2(count)
    /// and stop it within a window once the index holds more than a few thousand keys (on fewer,
    /// the walk may go on: a search of so few keys is cheap anyway). An empty key is looked up
    /// without moving the finger: empty references (cash on account) sort first, and chasing them
    /// would cost two long gallops each.
    @inline(__always)
    private func walkFinger(
        _ range: Range<Int>, key: (Int) -> UnsafeBufferPointer<UInt8>, found: (Int, Int32?) -> Void
    ) -> Int {
        let gap = max(1, count / max(1, range.count))
        let budget = KeyIndex.fingerWindow * (2 * (Int.bitWidth - gap.leadingZeroBitCount) + 10)
        let emptyKey: Int32? = count > 0 && starts[1] == 0 ? 0 : nil
        var finger = 0
        var comparisons = 0
        var windowEnd = range.lowerBound + KeyIndex.fingerWindow
        for i in range {
            if i == windowEnd {
                if comparisons > budget { return i }
                comparisons = 0
                windowEnd += KeyIndex.fingerWindow
            }
            let key = key(i)
            guard !key.isEmpty else {
                found(i, emptyKey)
                continue
            }
            // Most often, cash rows in invoice order name the invoice after the last one.
            let next = finger + 1
            comparisons += 1
            if next < count, keyEquals(next, key) {
                found(i, Int32(next))
                finger = next
                continue
            }
            let (index, place) = gallop(key, from: finger, comparisons: &comparisons)
            found(i, index)
            finger = place
        }
        return range.upperBound
    }

    /// Finds `key` in the sorted keys, searching out from key `finger`: its index if present, and
    /// where the search ended (the key's place, or the last key's index when it sorts after all).
    private func gallop(_ key: UnsafeBufferPointer<UInt8>, from finger: Int, comparisons: inout Int) -> (
        index: Int32?, place: Int
    ) {
        let count = count
        guard count > 0 else { return (nil, 0) }
        let start = min(finger, count - 1)
        comparisons += 1
        let order = compare(start, key)
        if order == 0 { return (Int32(start), start) }
        // Bracket the key between `low` (before it, or -1) and `high` (not before it, or `count`).
        var low = -1
        var high = count
        var step = 1
        if order < 0 {
            low = start
            while start + step < count {
                comparisons += 1
                if compare(start + step, key) >= 0 {
                    high = start + step
                    break
                }
                low = start + step
                step <<= 1
            }
        } else {
            high = start
            while start - step >= 0 {
                comparisons += 1
                if compare(start - step, key) < 0 {
                    low = start - step
                    break
                }
                high = start - step
                step <<= 1
            }
        }
        let place = lowerBound(key, after: low, before: high, comparisons: &comparisons)
        guard place < count else { return (nil, count - 1) }
        comparisons += 1
        return (compare(place, key) == 0 ? Int32(place) : nil, place)
    }

    /// The first index in `low + 1...high` whose key is not before `key`, given that key `low` is
    /// before it (or `low` is -1) and key `high` is not (or `high` is `count`).
    private func lowerBound(_ key: UnsafeBufferPointer<UInt8>, after low: Int, before high: Int, comparisons: inout Int)
        -> Int
    {
        var low = low
        var high = high
        while high - low > 1 {
            let middle = low + (high - low) / 2
            comparisons += 1
            if compare(middle, key) < 0 { low = middle } else { high = middle }
        }
        return high
    }

    /// A binary search of the sorted keys.
    private func sortedFind(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        var comparisons = 0
        let place = lowerBound(key, after: -1, before: count, comparisons: &comparisons)
        return place < count && compare(place, key) == 0 ? Int32(place) : nil
    }

    /// Key `index` against `key` in byte order: negative if it comes before, zero if equal.
    @inline(__always)
    private func compare(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let start = Int(starts[index])
        let length = Int(starts[index + 1]) - start
        return arena.withUnsafeBufferPointer { arena in
            guard let base = arena.baseAddress else { return length - key.count }
            guard let other = key.baseAddress else { return length }
            return ShortBytes.compare(base + start, length, other, key.count)
        }
    }

    /// Prefetches the probe's first slot, so a later lookup or insert of that key finds it in the
    /// cache. A prefetch, unlike a load, does not hold back the work after it while the miss is served.
    @inline(__always)
    func prefetch(_ probe: Probe) {
        slots.withUnsafeBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            ar_prefetch(base + (Int(truncatingIfNeeded: probe.hash) & mask))
        }
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

    /// The key's index if present, else the empty slot where it would go (with slots only).
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
            || arena.withUnsafeBufferPointer {
                ShortBytes.equal($0.baseAddress! + start, key.baseAddress!, count: length)
            }
    }

    /// Inserts `key` if new; returns its index and whether it was inserted.
    @discardableResult
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int32, inserted: Bool) {
        insert(key, nil)
    }

    /// Appends `key` while the index has no hash and `key` sorts after the last key (or the index
    /// is empty): a new key, which needs no hash. Its index, or nil, having changed nothing.
    mutating func appendInOrder(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !isHashed, count == 0 || compare(count - 1, key) < 0 else { return nil }
        let index = Int32(count)
        arena.append(contentsOf: key)
        starts.append(UInt32(arena.count))
        return index
    }

    /// Inserts `key`, whose probe may be computed already (see `prefetch`).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ computed: Probe?) -> (index: Int32, inserted: Bool) {
        if !isHashed {
            if let index = appendInOrder(key) { return (index, true) }
            buildHash()
        }
        let probe = computed ?? Probe(key)
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

    /// Builds the slots of a deferred hash from the keys so far (nothing if built already), with
    /// room for the capacity asked for at first or, if more, for the keys there are and a few more.
    public mutating func buildHash() {
        guard !isHashed else { return }
        place(size: max(plannedSlots, KeyIndex.slotCount(for: count + 16)))
    }

    /// Doubles the table and places every key again.
    private mutating func grow() {
        place(size: slots.count * 2)
    }

    /// Places every key in a new table of `size` slots. The keys are distinct, so each goes in
    /// the first empty slot of its probe; the first slots of 16 keys at a time are prefetched.
    private mutating func place(size: Int) {
        var table = KeyIndex.emptySlots(size)
        let newMask = size - 1
        let count = count
        let batch = 16
        var probes = [Probe](repeating: Probe(UnsafeBufferPointer(start: nil, count: 0)), count: batch)
        table.withUnsafeMutableBufferPointer { table in
            guard let base = table.baseAddress else { return }
            var first = 0
            while first < count {
                let end = min(first + batch, count)
                for index in first..<end {
                    probes[index - first] = withKey(index) { Probe($0) }
                    ar_prefetch(base + (Int(truncatingIfNeeded: probes[index - first].hash) & newMask))
                }
                for index in first..<end {
                    let probe = probes[index - first]
                    var slot = Int(truncatingIfNeeded: probe.hash) & newMask
                    while table[slot] != 0 { slot = (slot + 1) & newMask }
                    table[slot] = probe.tag | UInt64(index + 1)
                }
                first = end
            }
        }
        slots = table
        mask = newMask
    }
}
