/// A canonical CSV file being written from a table or query, remembering the physical
/// line each row starts on so the loader's rejects can name the row again
/// (the same approach as ARProfiles' CanonicalFile, but line ends inside values are kept).
struct TableCSVFile {
    private(set) var bytes: [UInt8] = []
    /// rowStarts[k] = the physical line row k + 1 starts on (header = line 1).
    private(set) var rowStarts: [Int] = []
    private var nextLine = 1

    init(columns: [String]) {
        append(columns, isHeader: true)
    }

    /// The 1-based row of the table or query whose record starts on `line`.
    func row(startingOn line: Int) -> Int? {
        var low = 0
        var high = rowStarts.count
        while low < high {
            let middle = (low + high) / 2
            if rowStarts[middle] < line { low = middle + 1 } else { high = middle }
        }
        return low < rowStarts.count && rowStarts[low] == line ? low + 1 : nil
    }

    /// Appends one record with RFC 4180 quoting where a field needs it.
    mutating func append(_ fields: [String]) {
        append(fields, isHeader: false)
    }

    private mutating func append(_ fields: [String], isHeader: Bool) {
        if !isHeader { rowStarts.append(nextLine) }
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let utf8 = field.utf8
            let needsQuotes = utf8.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
            }
            guard needsQuotes else {
                bytes.append(contentsOf: utf8)
                continue
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                if byte == UInt8(ascii: "\n") { nextLine += 1 }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "\n"))
        nextLine += 1
    }
}
