/// A fixed number of values in memory allocated once and written through a pointer: the staging
/// area of a row loop, where appending each row's values to arrays checked every array's
/// uniqueness on every row (a call through the PLT each). Used by one thread at a time.
final class FixedSlots<Element> {
    private let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ count: Int, repeating value: Element) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: value, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// The first `length` values, valid while this object lives.
    func prefix(_ length: Int) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base, count: length)
    }

    /// Copies `source` in from slot `offset` on (it must fit).
    func copy(_ source: UnsafeBufferPointer<Element>, to offset: Int) {
        guard let start = source.baseAddress else { return }
        precondition(offset >= 0 && offset + source.count <= count, "FixedSlots.copy past the end")
        (base + offset).update(from: start, count: source.count)
    }

    /// The values in `range`, valid while this object lives and until they are overwritten.
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}

/// Bytes copied one after another into a buffer allocated once: the staging area for a row
/// loop's strings and records, where appending each to an array checked its uniqueness and room
/// every time. `removeAll()` starts over in the same memory. Used by one thread at a time.
struct StagedBytes {
    private let storage: FixedSlots<UInt8>
    /// Bytes in use, from the start.
    private(set) var used = 0

    init(capacity: Int) {
        storage = FixedSlots(capacity, repeating: 0)
    }

    var capacity: Int { storage.count }

    /// Whether `count` more bytes fit.
    func fits(_ count: Int) -> Bool { count <= storage.count - used }

    /// Copies `value` in after the bytes in use (it must fit); returns where it lies.
    mutating func append(_ value: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        storage.copy(value, to: used)
        used += value.count
        return (used - value.count)..<used
    }

    /// The bytes in `range`, valid until they are overwritten.
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { storage.slice(range) }

    /// Every byte in use.
    var all: UnsafeBufferPointer<UInt8> { storage.prefix(used) }

    mutating func removeAll() { used = 0 }
}
