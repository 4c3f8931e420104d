import CPrefetch

/// Where one field of a record lies in the scanner's buffer.
public struct CSVField: Sendable {
    /// Offset of the first byte of the value (inside the quotes for a quoted field).
    public var start: Int
    /// Offset one past the last byte of the value.
    public var end: Int
    /// A quoted field holding doubled quotes (`""`) that must be collapsed to read it.
    public var hasEscapedQuotes: Bool
}

/// One RFC 4180 record found by `CSVScanner`.
public struct CSVRecord {
    /// Physical line where the record starts (the header is line 1).
    public var line: Int
    /// Offsets of the raw record in the buffer, without its line terminator.
    public var rawStart: Int
    public var rawEnd: Int
    /// Some field of the record holds doubled quotes (see `CSVField.hasEscapedQuotes`), so a
    /// reader checks its fields only for the rare record that has any.
    public var hasEscapedQuotes: Bool
}

/// What stopped a scan of a buffer.
public enum CSVScanStop: Equatable, Sendable {
    /// Every complete record was delivered; the bytes from `offset` on start an incomplete one.
    case needMoreData(offset: Int)
    /// The buffer was the end of the file and every record was delivered.
    case endOfInput
    /// A quoted field is never closed: the file is not valid CSV from `line` on.
    case unterminatedQuote(line: Int)
    /// The callback asked to stop; the next record starts at `offset`.
    case stopped(offset: Int)
}

/// A byte-level RFC 4180 scanner: quoted commas, doubled quotes, newlines in
/// quotes, CRLF or LF line ends. It finds field boundaries without copying;
/// callers read the values they need through `CSVFieldReader`.
///
/// Chosen over CSV packages for speed: it scans a buffer once, with no
/// allocation per record (see docs/METRICS.md, "Input").
public enum CSVScanner {
    /// Scans complete records in `bytes[from..<bytes.count]`, calling `onRecord`
    /// with the record and its fields (at most `fields.count` are filled; the
    /// rest of a longer record is skipped, a shorter one gets empty fields).
    /// `onRecord` returns false to stop after that record.
    ///
    /// - Parameters:
    ///   - isLastChunk: the buffer ends the file, so a record without a final
    ///     line end is complete.
    ///   - line: the physical line number of the first record; updated.
    public static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from startOffset: Int,
        isLastChunk: Bool,
        line: inout Int,
        fields: UnsafeMutableBufferPointer<CSVField>,
        onRecord: (CSVRecord, Int) throws -> Bool
    ) rethrows -> CSVScanStop {
        let count = bytes.count
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        let maxFields = fields.count
        var pos = startOffset
        while pos < count {
            let recordStart = pos
            var newlinesInside = 0
            var escapedQuotes = false
            var fieldIndex = 0
            var recordEnd = -1
            var next = -1
            // One field per iteration until the record's line end.
            fieldLoop: while true {
                var field = CSVField(start: pos, end: pos, hasEscapedQuotes: false)
                if pos < count, bytes[pos] == quote {
                    pos += 1
                    field.start = pos
                    while true {
                        if pos >= count {
                            if isLastChunk { return .unterminatedQuote(line: line) }
                            return .needMoreData(offset: recordStart)
                        }
                        let c = bytes[pos]
                        if c == quote {
                            if pos + 1 < count {
                                if bytes[pos + 1] == quote {
                                    field.hasEscapedQuotes = true
                                    escapedQuotes = true
                                    pos += 2
                                    continue
                                }
                            } else if !isLastChunk {
                                return .needMoreData(offset: recordStart)
                            }
                            field.end = pos
                            pos += 1
                            break
                        }
                        if c == lf { newlinesInside += 1 }
                        pos += 1
                    }
                    // Lenient: bytes between the closing quote and the separator are ignored.
                    while pos < count, bytes[pos] != comma, bytes[pos] != lf {
                        pos += 1
                    }
                } else {
                    // The field's end: sixteen bytes at a time (see ar_scan.h).
                    if pos < count { pos = ar_field_end(bytes.baseAddress!, pos, count) }
                    field.end = pos
                    // A CR right before LF belongs to the line end.
                    if field.end > field.start, bytes[field.end - 1] == cr, pos >= count || bytes[pos] == lf {
                        field.end -= 1
                    }
                }
                if fieldIndex < maxFields { fields[fieldIndex] = field }
                fieldIndex += 1
                if pos >= count {
                    if !isLastChunk { return .needMoreData(offset: recordStart) }
                    recordEnd = pos
                    // Strip a trailing CR at end of file.
                    if recordEnd > recordStart, bytes[recordEnd - 1] == cr { recordEnd -= 1 }
                    next = count
                    break fieldLoop
                }
                if bytes[pos] == comma {
                    pos += 1
                    if pos >= count, !isLastChunk { return .needMoreData(offset: recordStart) }
                    continue
                }
                // Line feed: the record ends here.
                recordEnd = pos
                if recordEnd > recordStart, bytes[recordEnd - 1] == cr { recordEnd -= 1 }
                next = pos + 1
                break fieldLoop
            }
            var filled = fieldIndex
            while filled < maxFields {
                fields[filled] = CSVField(start: recordEnd, end: recordEnd, hasEscapedQuotes: false)
                filled += 1
            }
            let record = CSVRecord(
                line: line, rawStart: recordStart, rawEnd: recordEnd, hasEscapedQuotes: escapedQuotes)
            line += 1 + newlinesInside
            pos = next
            // A blank line is not a record.
            if recordEnd == recordStart { continue }
            if try !onRecord(record, fieldIndex) { return .stopped(offset: pos) }
        }
        return isLastChunk ? .endOfInput : .needMoreData(offset: pos)
    }
}
