/// A loader's work per row, for `CSVFileReader.forEachRow(_:)`. The reader offers every record
/// to `plainRow` first; the records it declines are scanned in full and given to `row`.
public protocol CSVRowHandler {
    /// Reads `record` through `next()` and returns true once it has taken the row, having read
    /// its line end (`isComplete`). Returns false to decline it, having changed nothing that `row`
    /// would not change the same way for that record (a customer discovered before a later check
    /// fails, say): a quote, a field it cannot read at once, or a row that fails any check (`row`
    /// then writes the reject).
    mutating func plainRow(_ record: inout PlainRecord) -> Bool
    /// A record scanned in full (quotes collapsed); false stops the reading.
    mutating func row(_ row: CSVRow) throws -> Bool
}
