import Testing

@testable import ARCore

/// The loaders' fast path reads records without quotes straight from the buffer (PlainRecord)
/// and leaves the rest to the full scan. Together they must give exactly the full scan's records:
/// same fields, raw bytes and line numbers, whatever the chunk size.
@Suite("plain records and the full scan")
struct PlainRecordTests {
    /// Records each row as the closure reader would see it; takes a plain record only when
    /// none of its fields has a blank edge (the rule of the loaders' keys), counting both kinds.
    struct RecordingHandler: CSVRowHandler {
        let width: Int
        var records: [ReferenceRecord] = []
        var plain = 0
        var scanned = 0

        mutating func plainRow(_ record: inout PlainRecord) -> Bool {
            var fields: [String] = []
            for _ in 0..<width {
                guard let field = record.next(), !PlainRecord.hasBlankEdge(field) else { return false }
                fields.append(String(decoding: field, as: UTF8.self))
            }
            guard record.isComplete else { return false }
            records.append(ReferenceRecord(line: record.line, raw: Array(record.raw), fields: fields))
            plain += 1
            return true
        }

        mutating func row(_ row: CSVRow) throws -> Bool {
            records.append(ReferenceRecord(line: row.line, raw: row.raw, fields: (0..<width).map { row.string($0) }))
            scanned += 1
            return true
        }
    }

    /// Plain records around every kind of record the fast path must decline.
    static func mixedFile(lineEnd: String) -> [UInt8] {
        var rows = ["id,name,memo,amount"]
        for n in 1...120 {
            switch n % 10 {
            case 0: rows.append("R\(n),\"quoted, with comma\",\"two\(lineEnd)lines\",\(n)")
            case 1: rows.append("R\(n), spaced ,memo,\(n)")
            case 2: rows.append("R\(n),short")
            case 3: rows.append("R\(n),a,b,c,extra,fields")
            case 4: rows.append("")
            case 5: rows.append("R\(n),in\"side,memo,\(n)")
            case 6: rows.append("R\(n),,,")
            default: rows.append("R\(n),name \(n),memo \(n),\(n).25")
            }
        }
        return Array((rows.joined(separator: lineEnd) + lineEnd).utf8)
    }

    func readPlain(_ path: String, chunkSize: Int) throws -> (records: [ReferenceRecord], handler: RecordingHandler) {
        let reader = try CSVFileReader(path: path, chunkSize: chunkSize)
        var handler = RecordingHandler(width: reader.header.count)
        try reader.forEachRow(&handler)
        #expect(reader.recordCount == handler.records.count)
        return (handler.records, handler)
    }

    func expected(_ bytes: [UInt8], width: Int) -> [ReferenceRecord] {
        referenceParse(bytes).dropFirst().map { record in
            var padded = record
            padded.fields = Array((record.fields + Array(repeating: "", count: width)).prefix(width))
            return padded
        }
    }

    @Test("mixed plain and declined records, LF and CRLF, any chunk size", arguments: [16, 64, 100, 1_031, 1 << 20])
    func mixed(_ chunkSize: Int) throws {
        let folder = try TempDataFolder()
        for lineEnd in ["\n", "\r\n"] {
            let bytes = Self.mixedFile(lineEnd: lineEnd)
            try folder.write("mixed.csv", bytes: bytes)
            let (records, handler) = try readPlain(folder.filePath("mixed.csv"), chunkSize: chunkSize)
            let reference = expected(bytes, width: 4)
            #expect(records == reference, "chunk \(chunkSize), line end \(lineEnd.debugDescription)")
            #expect(records.count == 108)
            // Six in ten records are declined here: the plain ones between them still go the fast way.
            #expect(handler.plain >= 20, "chunk \(chunkSize): \(handler.plain) plain records")
            #expect(handler.scanned >= 60)
        }
    }

    @Test("the scanner's tricky file: the same records through the fast path", arguments: [0, 7, 89, 610])
    func tricky(_ padding: Int) throws {
        let folder = try TempDataFolder()
        for lineEnd in ["\n", "\r\n"] {
            let bytes = CSVScannerTests.trickyFile(padding: padding, lineEnd: lineEnd)
            try folder.write("tricky.csv", bytes: bytes)
            for chunkSize in [16, 1_024, 1 << 20] {
                let (records, _) = try readPlain(folder.filePath("tricky.csv"), chunkSize: chunkSize)
                #expect(records == expected(bytes, width: 4), "chunk \(chunkSize), padding \(padding)")
            }
        }
    }

    @Test("records that all have quotes are scanned in longer runs; plain ones after them go the fast way again")
    func runs() throws {
        let folder = try TempDataFolder()
        let quoted = (1...300).map { "\"Q\($0)\",\"\($0)\"" }
        let plain = (1...300).map { "P\($0),\($0)" }
        let text = "id,amount\n" + (quoted + plain).joined(separator: "\n") + "\n"
        try folder.write("runs.csv", text)
        let (records, handler) = try readPlain(folder.filePath("runs.csv"), chunkSize: 1 << 20)
        #expect(records == expected(Array(text.utf8), width: 2))
        #expect(handler.scanned >= 300 && handler.scanned < 300 + CSVFileReader.longestScanRun)
        #expect(handler.plain == 600 - handler.scanned)
    }

    @Test("a file of plain records only is read without the scanner, the last line end optional")
    func allPlain() throws {
        let folder = try TempDataFolder()
        for ending in ["\n", ""] {
            let text = "id,amount\n" + (1...500).map { "R\($0),\($0)" }.joined(separator: "\n") + ending
            try folder.write("plain.csv", text)
            let (records, handler) = try readPlain(folder.filePath("plain.csv"), chunkSize: 1 << 20)
            #expect(records == expected(Array(text.utf8), width: 2))
            // Without a final line end the last record can only be finished by the scanner.
            #expect(handler.plain == (ending.isEmpty ? 499 : 500))
            #expect(records.last?.line == 501)
        }
    }

    @Test("records longer than the 64 bytes looked at first: the same fields, at any chunk size")
    func longRecords() throws {
        let folder = try TempDataFolder()
        // 30 columns: fields of 0 to 12 bytes, so separators fall on every side of byte 64, and
        // now and then a 100-byte field or a quote well past the first 64 bytes.
        var rows = [(0..<30).map { "c\($0)" }.joined(separator: ",")]
        for n in 0..<200 {
            var fields = (0..<30).map { column in String(repeating: "x", count: (n + column * 7) % 13) }
            if n % 9 == 0 { fields[n % 30] = String(repeating: "L", count: 100) }
            if n % 11 == 0 { fields[20 + n % 10] = "q\"uote" }
            rows.append(fields.joined(separator: ","))
        }
        let text = rows.joined(separator: "\n") + "\n"
        try folder.write("wide.csv", text)
        for chunkSize in [1_024, 1_031, 4_096, 1 << 20] {
            let (records, handler) = try readPlain(folder.filePath("wide.csv"), chunkSize: chunkSize)
            #expect(records == expected(Array(text.utf8), width: 30), "chunk \(chunkSize)")
            #expect(handler.plain > 100, "chunk \(chunkSize)")
        }
    }

    @Test("next(): fields up to commas and the line feed; CR belongs to the line end; a quote declines")
    func fields() {
        func split(_ text: String) -> (fields: [String]?, raw: String) {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                var record = PlainRecord(base: buffer.baseAddress!, start: 0, limit: buffer.count, line: 2)
                var fields: [String] = []
                while !record.isComplete {
                    guard let field = record.next() else { return (nil, "") }
                    fields.append(String(decoding: field, as: UTF8.self))
                }
                return (fields, String(decoding: record.raw, as: UTF8.self))
            }
        }
        #expect(split("a,b,c\nnext").fields == ["a", "b", "c"])
        #expect(split("a,b,c\nnext").raw == "a,b,c")
        #expect(split("a,,\r\n").fields == ["a", "", ""])
        #expect(split("a,,\r\n").raw == "a,,")
        #expect(split("a\rb,c\r\n").fields == ["a\rb", "c"])
        #expect(split("\n").fields == [""])
        #expect(split("a,\"b\",c\n").fields == nil)
        #expect(split("a,b\"c\n").fields == nil)
        // Longer than the 64 bytes looked at first: the fields after them are found one by one.
        let long = (0..<20).map { "f\($0)xyz" }
        #expect(split(long.joined(separator: ",") + "\r\nnext").fields == long)
        #expect(split(long.joined(separator: ",") + "\r\nnext").raw == long.joined(separator: ","))
        #expect(split(long.joined(separator: ",") + ",\"q\"\n").fields == nil)
        let wide = String(repeating: "w", count: 70)
        #expect(split("a,\(wide),b\n" + String(repeating: "-", count: 64)).fields == ["a", wide, "b"])
        // No line feed in the buffer: the record is not complete, so it is declined.
        #expect(split("a,b,c").fields == nil)
        #expect(PlainRecord.hasBlankEdge(UnsafeBufferPointer(start: nil, count: 0)) == false)
        for (text, blank) in [(" a", true), ("a\t", true), ("a\r", true), ("a b", false), ("ab", false)] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { PlainRecord.hasBlankEdge($0) } == blank, "\(text.debugDescription)")
        }
    }
}
