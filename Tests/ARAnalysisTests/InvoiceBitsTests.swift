import Testing

@testable import ARAnalysis

/// The disputed invoices of a date as bits, 64 to a word: indexes on either side of the word
/// boundaries hold apart, and only those inserted are in.
@Suite("Invoice bits")
struct InvoiceBitsTests {
    @Test("indexes at and around the 64-bit word boundaries, and the last below the count")
    func wordBoundaries() {
        var bits = InvoiceBits(count: 130)
        let inserted = [0, 63, 64, 127, 128, 129]
        for index in inserted { bits.insert(index) }
        for index in 0..<130 {
            #expect(bits.contains(index) == inserted.contains(index), "\(index)")
        }
        let empty = InvoiceBits(count: 0)
        #expect(empty.count == 0)
    }
}
