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
