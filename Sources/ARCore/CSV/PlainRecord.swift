import CPrefetch

/// A record without quotes, read field by field straight from a reader's buffer: the fast path
/// of the large files' loaders (see `CSVRowHandler`). Scanning each record into field offsets
/// and then reading every value again through `CSVRow`, trimmed, cost about as much as the
/// loaders' checks themselves.
///
/// Its fields are exactly what `CSVRow.value` would give for the same record as long as the
/// reader of a field refuses one that starts or ends with a blank (`hasBlankEdge`): a quote
/// anywhere ends the fast path for the record, and a CR before the line feed belongs to the line
/// end, as in `CSVScanner`.
public struct PlainRecord {
    private let base: UnsafePointer<UInt8>
    private let start: Int
    /// One past the last byte read from the file.
    private let limit: Int
    /// Where the next field starts.
    private(set) var position: Int
    /// One past the record's last byte, without its line end; set once the line feed is read.
    private var end = -1
    /// Physical line of the record.
    public let line: Int
    /// The commas, line feeds and quotes not yet read among the 64 bytes from `start` (bit i: byte
    /// start + i); 0 once all are read, or when fewer than 64 bytes were left to look at.
    private var separators: UInt64

    init(base: UnsafePointer<UInt8>, start: Int, limit: Int, line: Int) {
        self.base = base
        self.start = start
        self.limit = limit
        self.position = start
        self.line = line
        separators = ar_separator_mask64(base, start, limit)
    }

    /// The record's line feed has been read: no field is left.
    public var isComplete: Bool { end >= 0 }

    /// The next field, up to its comma or the record's line feed. nil when no field is left, when
    /// the field holds a quote, or when the buffer ends first: the reader then scans the record in full.
    @inline(__always)
    public mutating func next() -> UnsafeBufferPointer<UInt8>? {
        guard end < 0 else { return nil }
        let fieldStart = position
        let cursor: Int
        if separators != 0 {
            cursor = start + separators.trailingZeroBitCount
            separators &= separators &- 1
        } else {
            // Past the first 64 bytes, or near the buffer's end: sixteen bytes at a time (ar_scan.h).
            cursor = ar_plain_field_end(base, fieldStart, limit)
            guard cursor < limit else { return nil }
        }
        let byte = base[cursor]
        position = cursor + 1
        if byte == UInt8(ascii: ",") {
            return UnsafeBufferPointer(start: base + fieldStart, count: cursor - fieldStart)
        }
        guard byte == UInt8(ascii: "\n") else { return nil }
        let fieldEnd = cursor > fieldStart && base[cursor - 1] == UInt8(ascii: "\r") ? cursor - 1 : cursor
        end = fieldEnd
        return UnsafeBufferPointer(start: base + fieldStart, count: fieldEnd - fieldStart)
    }

    /// The raw record as read, without its line end (once `isComplete`), valid during the row's call.
    public var raw: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: max(end, start) - start)
    }

    /// Whether `field` is a required value the fast path can take as it stands: not empty, and
    /// without a blank at either end (`hasBlankEdge`). Required keys and amounts ask it.
    @inline(__always)
    public static func isPlainRequired(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        !field.isEmpty && !hasBlankEdge(field)
    }

    /// Whether `field` starts or ends with a space, tab or CR, which `CSVRow.value` trims: a key's
    /// reader declines such a field, so a fast-path key is always the key as trimmed.
    @inline(__always)
    public static func hasBlankEdge(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = field.first, let last = field.last else { return false }
        return CSVRow.isBlank(first) || CSVRow.isBlank(last)
    }
}
