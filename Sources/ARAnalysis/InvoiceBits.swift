/// A set of invoice indexes, one bit each: the disputed invoices at a date, looked up for each
/// invoice a computation visits. At 5M invoices a `[Bool]` was 5 MB of fresh pages to fault in
/// for each such set (five a run); these take 625 KB, which also stays in cache.
struct InvoiceBits {
    /// Indexes run below it (the bits past it in the last word stay unused).
    let count: Int
    private var words: [UInt64]

    /// An empty set of indexes below `count`.
    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    @inline(__always)
    mutating func insert(_ index: Int) {
        precondition(index >= 0 && index < count, "invoice index \(index) out of 0..<\(count)")
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        precondition(index >= 0 && index < count, "invoice index \(index) out of 0..<\(count)")
        return words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }
}
