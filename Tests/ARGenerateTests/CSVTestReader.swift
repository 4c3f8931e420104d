import Foundation

/// A whole CSV file read into memory: small test data only.
struct CSVTable {
    let header: [String]
    let rows: [[String]]
    private let columns: [String: Int]

    init(path: String) throws {
        let records = try CSVTestReader.records(of: Data(contentsOf: URL(fileURLWithPath: path)))
        header = records.first ?? []
        rows = Array(records.dropFirst())
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() { columns[name] = index }
        self.columns = columns
    }

    /// The value of `column` in `row`; traps on an unknown column (a test bug).
    func value(_ row: [String], _ column: String) -> String {
        guard let index = columns[column] else { preconditionFailure("no column \(column) in \(header)") }
        return row[index]
    }
}

/// An independent RFC 4180 reader, so the generator is checked against the format, not against itself.
enum CSVTestReader {
    static func records(of data: Data) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldWasQuoted = false
        let bytes = [UInt8](data)
        var index = 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll()
            fieldWasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    precondition(field.isEmpty && !fieldWasQuoted, "quote inside an unquoted field")
                    inQuotes = true
                    fieldWasQuoted = true
                case UInt8(ascii: ","):
                    endField()
                case UInt8(ascii: "\n"):
                    endField()
                    records.append(record)
                    record = []
                default:
                    field.append(byte)
                }
            }
            index += 1
        }
        if !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}
