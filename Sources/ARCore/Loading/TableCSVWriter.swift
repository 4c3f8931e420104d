import Foundation

/// Streams a database table or query into a canonical CSV file, row by row, so a database
/// source goes through exactly the same loader and validation as a CSV folder.
///
/// It remembers where rows and physical lines part (a value holding a line end spans several
/// lines), so the loader's rejects can name the table's row again (`rowMap`).
public final class TableCSVWriter {
    public let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var fieldsInRow = 0
    /// Rows written so far (the header not counted).
    public private(set) var rows = 0
    private var nextLine = 1
    /// The line the row being written starts on (values with line ends move `nextLine` on).
    private var rowStartLine = 1
    private var map = TableRowMap()

    /// Creates (or truncates) `path` and writes the header.
    public init(path: String, columns: [String]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw InputError.unreadable(path: path, reason: "cannot create a temporary file")
        }
        self.path = path
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(1 << 20)
        for column in columns { field(column) }
        try endRecord()
    }

    deinit { try? handle.close() }

    /// Appends the next value of the current row, quoted per RFC 4180 when it needs it.
    public func field(_ text: String) {
        var text = text
        text.withUTF8 { field(utf8: $0) }
    }

    /// Appends the next value of the current row from its UTF-8 bytes.
    public func field(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if fieldsInRow > 0 { buffer.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
        let needsQuotes = bytes.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            if byte == UInt8(ascii: "\n") { nextLine += 1 }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Ends the current row; the buffer goes to disk once it holds a megabyte.
    public func endRow() throws {
        rows += 1
        map.record(row: rows, startsOn: rowStartLine)
        try endRecord()
    }

    private func endRecord() throws {
        buffer.append(UInt8(ascii: "\n"))
        nextLine += 1
        rowStartLine = nextLine
        fieldsInRow = 0
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered and closes the file; returns how its lines map to rows.
    public func finish() throws -> TableRowMap {
        try flush()
        try handle.close()
        return map
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Which row of a table starts on which line of its canonical CSV file. Rows start on
/// line row + 1 until a value spans lines; only the rows where that shifts are stored.
public struct TableRowMap: Sendable, Equatable {
    /// (first line, row) at each shift, in order; row 1 starts on line 2 (the header is line 1).
    private var shifts: [(line: Int, row: Int)] = [(2, 1)]

    public init() {}

    mutating func record(row: Int, startsOn line: Int) {
        let last = shifts[shifts.count - 1]
        if line - last.line != row - last.row { shifts.append((line, row)) }
    }

    /// The 1-based row whose record starts on `line`, or nil for a line inside a record.
    public func row(startingOn line: Int) -> Int? {
        var low = 0
        var high = shifts.count
        while low < high {
            let middle = (low + high) / 2
            if shifts[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let shift = shifts[low - 1]
        let row = shift.row + (line - shift.line)
        // A line between this shift and the next that is not a row start lies inside a record.
        if low < shifts.count, row >= shifts[low].row { return nil }
        return row
    }

    public static func == (lhs: TableRowMap, rhs: TableRowMap) -> Bool {
        lhs.shifts.elementsEqual(rhs.shifts) { $0.line == $1.line && $0.row == $1.row }
    }
}
