/// A plain record's fields by header position, for a `CSVRowHandler`'s `plainRow`: read all at
/// once, then looked up by the positions of the columns the loader wants.
struct PlainFields {
    /// One slot per header column, and one more that stays empty: where an optional column that
    /// is not in the header is read.
    private let slots: FixedSlots<UnsafeBufferPointer<UInt8>>
    private let width: Int

    init(headerWidth: Int) {
        width = headerWidth
        slots = FixedSlots(headerWidth + 1, repeating: UnsafeBufferPointer(start: nil, count: 0))
    }

    /// Where `column`'s value is read: its header position, or the empty slot.
    func position(of column: ColumnRef) -> Int { column.index ?? width }

    /// Reads every field of `record`; false when one cannot be read at once, or when the record
    /// has fewer or more fields than the header.
    @inline(__always)
    func read(_ record: inout PlainRecord) -> Bool {
        for column in 0..<width {
            guard let field = record.next() else { return false }
            slots[column] = field
        }
        return record.isComplete
    }

    subscript(position: Int) -> UnsafeBufferPointer<UInt8> { slots[position] }
}
