import ARCore
import Testing

/// The byte-level reader must give the same records whatever its chunk size:
/// quotes, doubled quotes and CRLFs split across reads, records longer than a chunk.
@Suite("CSV scanning across chunk boundaries")
struct CSVScannerTests {
    /// A file of tricky records; `padding` bytes in the first row move every chunk boundary.
    static func trickyFile(padding: Int, lineEnd: String) -> [UInt8] {
        var rows = ["id,name,memo,amount", "R0,\(String(repeating: "p", count: padding)),,1"]
        for n in 1...60 {
            switch n % 6 {
            case 0: rows.append("R\(n),\"Smith, Jones & \"\"Co\"\"\",\"a\(lineEnd)b\(lineEnd)c\",\(n).50")
            case 1: rows.append("R\(n),  spaced  ,\"\",\(n)")
            case 2:
                rows.append(
                    "R\(n),\"\(String(repeating: "long,\"\"x\"\" ", count: 40 + n))\",\(String(repeating: "m", count: 1_500)),\(n)"
                )
            case 3: rows.append("R\(n),short")
            case 4: rows.append("")
            default: rows.append("R\(n),\"\"\"\",\"\(lineEnd)\",\"end\"")
            }
        }
        return Array((rows.joined(separator: lineEnd) + lineEnd).utf8)
    }

    /// Every data record as (line, raw, trimmed fields padded to the header's width).
    func readAll(_ path: String, chunkSize: Int) throws -> [ReferenceRecord] {
        let reader = try CSVFileReader(path: path, chunkSize: chunkSize)
        let width = reader.header.count
        var records: [ReferenceRecord] = []
        try reader.forEachRow { row in
            records.append(ReferenceRecord(line: row.line, raw: row.raw, fields: (0..<width).map { row.string($0) }))
            return true
        }
        #expect(reader.recordCount == records.count)
        return records
    }

    @Test(
        "small, odd and large chunks give the reference parser's records",
        arguments: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987])
    func chunkBoundaries(_ padding: Int) throws {
        let folder = try TempDataFolder()
        for lineEnd in ["\n", "\r\n"] {
            let bytes = Self.trickyFile(padding: padding, lineEnd: lineEnd)
            try folder.write("tricky.csv", bytes: bytes)
            var expected = referenceParse(bytes)
            let header = expected.removeFirst()
            #expect(header.fields == ["id", "name", "memo", "amount"])
            expected = expected.map { record in
                var padded = record
                padded.fields += Array(repeating: "", count: max(0, 4 - record.fields.count))
                return padded
            }
            #expect(expected.count == 51)
            for chunkSize in [16, 64, 1_024, 1_031, 4_096, 1 << 20] {
                let records = try readAll(folder.filePath("tricky.csv"), chunkSize: chunkSize)
                #expect(
                    records == expected, "chunk \(chunkSize), padding \(padding), line end \(lineEnd.debugDescription)")
            }
        }
    }

    /// Unquoted field ends are found sixteen bytes at a time (ar_scan.h): fields of every length
    /// around one and two blocks, ending with a comma, a line end or the end of the file.
    @Test("unquoted fields of 0 to 40 bytes end where the reference parser ends them")
    func fieldLengthsAroundBlocks() throws {
        let folder = try TempDataFolder()
        var rows = ["a,b,c"]
        for length in 0...40 {
            let field = String(repeating: "x", count: length)
            rows.append("\(field),\(String(repeating: "y", count: 40 - length)),\(field)")
        }
        for withFinalLineEnd in [true, false] {
            let bytes = Array((rows.joined(separator: "\n") + (withFinalLineEnd ? "\n" : "")).utf8)
            try folder.write("lengths.csv", bytes: bytes)
            var expected = referenceParse(bytes)
            expected.removeFirst()
            #expect(expected.count == 41)
            for chunkSize in [16, 17, 64, 1 << 20] {
                let records = try readAll(folder.filePath("lengths.csv"), chunkSize: chunkSize)
                #expect(records == expected, "chunk \(chunkSize), final line end \(withFinalLineEnd)")
            }
        }
    }

    @Test("the reference records of the tricky file are what a reader of the CSV expects")
    func referenceIsRight() {
        let records = referenceParse(Self.trickyFile(padding: 0, lineEnd: "\r\n"))
        #expect(records[1] == ReferenceRecord(line: 2, raw: Array("R0,,,1".utf8), fields: ["R0", "", "", "1"]))
        #expect(records[2].fields == ["R1", "spaced", "", "1"])
        #expect(records[3].fields[1].hasPrefix("long,\"x\" long,"))
        #expect(records[4] == ReferenceRecord(line: 5, raw: Array("R3,short".utf8), fields: ["R3", "short"]))
        // Line 6 is blank; R5 starts on line 7 and its quoted CRLF makes it span lines 7-8.
        #expect(records[5].line == 7)
        // A quoted lone line end survives trimming as "\n" (only spaces, tabs and CRs are trimmed).
        #expect(records[5].fields == ["R5", "\"", "\n", "end"])
        #expect(records[6].line == 9)
        #expect(records[6].fields == ["R6", "Smith, Jones & \"Co\"", "a\r\nb\r\nc", "6.50"])
        #expect(records[7].line == 12)
    }

    /// Scans `text` from line 2 with room for `width` fields: why it stopped, the records
    /// delivered, and the line after them.
    static func scanRecords(_ text: String, last: Bool, width: Int = 4) -> (
        stop: CSVScanStop, records: [CSVRecord], line: Int
    ) {
        let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: width)
        defer { fields.deallocate() }
        var records: [CSVRecord] = []
        var line = 2
        let bytes = Array(text.utf8)
        let stop = bytes.withUnsafeBufferPointer { buffer in
            CSVScanner.scan(buffer, from: 0, isLastChunk: last, line: &line, fields: fields) { record, _ in
                records.append(record)
                return true
            }
        }
        return (stop, records, line)
    }

    @Test("a record arriving in pieces: the scanner asks for more data instead of guessing")
    func scannerNeedsMoreData() {
        func scan(_ text: String, last: Bool) -> (stop: CSVScanStop, lines: [Int], line: Int) {
            let scanned = Self.scanRecords(text, last: last)
            return (scanned.stop, scanned.records.map(\.line), scanned.line)
        }
        // A complete record, then one cut off in its last field.
        let cut = scan("a,b\n1,2", last: false)
        #expect(cut.stop == .needMoreData(offset: 4))
        #expect(cut.lines == [2])
        #expect(cut.line == 3)
        // A closing quote at the end of a chunk could be the first half of "": wait.
        #expect(scan("a,\"b\"", last: false).stop == .needMoreData(offset: 0))
        #expect(scan("a,\"b\"", last: true).stop == .endOfInput)
        // A CR at the end of a chunk may be half of a CRLF.
        #expect(scan("a,b\r", last: false).stop == .needMoreData(offset: 0))
        // A quoted newline is not a record end; the line count follows it.
        let quoted = scan("\"x\ny\",1\nz,2\n", last: true)
        #expect(quoted.lines == [2, 4])
        #expect(quoted.line == 5)
        #expect(scan("\"x\ny,1\n", last: true).stop == .unterminatedQuote(line: 2))
    }

    @Test("a record is flagged for doubled quotes only when one of its fields holds some")
    func escapedQuotesFlag() {
        // The third record's doubled quotes are in a field past the two read: still flagged.
        let scanned = Self.scanRecords("a,\"b\"\"c\"\nd,\"e\"\nf,g,\"h\"\"\"\n\"\",i\n", last: true, width: 2)
        #expect(scanned.stop == .endOfInput)
        #expect(scanned.records.map(\.hasEscapedQuotes) == [true, false, true, false])
    }
}
