/// A deliberately simple RFC 4180 reader, written from the RFC rather than from
/// `CSVScanner`, to check the scanner's records against: LF or CRLF line ends,
/// quoted fields with `""`, commas and newlines; blank lines are not records;
/// values are unquoted, then trimmed of spaces, tabs and CRs.
struct ReferenceRecord: Equatable, CustomStringConvertible {
    var line: Int
    var raw: [UInt8]
    var fields: [String]

    var description: String { "line \(line): \(fields)" }
}

func referenceParse(_ bytes: [UInt8]) -> [ReferenceRecord] {
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    var records: [ReferenceRecord] = []
    var line = 1
    var i = 0
    while i < bytes.count {
        let start = i
        let startLine = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var inQuotes = false
        var end = bytes.count
        var next = bytes.count
        while i < bytes.count {
            let c = bytes[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if c == lf { line += 1 }
                    field.append(c)
                }
                i += 1
            } else if c == quote && field.isEmpty {
                inQuotes = true
                i += 1
            } else if c == comma {
                fields.append(field)
                field = []
                i += 1
            } else if c == lf {
                end = i
                next = i + 1
                break
            } else {
                field.append(c)
                i += 1
            }
        }
        fields.append(field)
        line += 1
        i = next
        if end > start, bytes[end - 1] == cr { end -= 1 }
        if end == start { continue }
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0D]
        let trimmed = fields.map { value -> String in
            var slice = value[...]
            while let first = slice.first, blanks.contains(first) { slice = slice.dropFirst() }
            while let last = slice.last, blanks.contains(last) { slice = slice.dropLast() }
            return String(decoding: slice, as: UTF8.self)
        }
        records.append(ReferenceRecord(line: startLine, raw: Array(bytes[start..<end]), fields: trimmed))
    }
    return records
}
