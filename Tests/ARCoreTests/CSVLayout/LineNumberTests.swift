import ARCore
import Testing

/// SPEC 2: a reject names the physical line where its record starts (header = 1)
/// and keeps the record byte for byte, without its line end.
@Suite("line numbers and raw records")
struct LineNumberTests {
    /// Five records over eight physical lines: I1's memo spans lines 2-4 and I3's spans 6-7.
    static let multiLine = [
        "invoice_id,customer_id,issue_date,amount,memo",  // 1
        "I1,C1,2024-01-10,100.00,\"line one",  // 2
        "line two, with a comma",  // 3
        "line three\"",  // 4
        "I2,C1,2024-01-10,abc,plain",  // 5
        "I3,C1,2024-01-10,,\"a",  // 6
        "b\"",  // 7
        "I4,C1,2024-13-01,1.00,x",  // 8
    ]

    func load(_ lines: [String], lineEnd: String) throws -> LoadResult {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", lines.joined(separator: lineEnd) + lineEnd)
        return try folder.load()
    }

    @Test("quoted newlines shift later records: rejects start on lines 5, 6 and 8")
    func quotedNewlinesLF() throws {
        let result = try load(Self.multiLine, lineEnd: "\n")
        #expect(
            result.rejectRows == [
                RejectRow("invoices.csv", line: 5, column: "amount", .badAmount, record: "I2,C1,2024-01-10,abc,plain"),
                RejectRow("invoices.csv", line: 6, column: "amount", .missingRequired, record: "I3,C1,2024-01-10,,\"a\nb\""),
                RejectRow("invoices.csv", line: 8, column: "issue_date", .badDate, record: "I4,C1,2024-13-01,1.00,x"),
            ])
        #expect(result.invoiceIDs == ["I1"])
        #expect(result.inputs.first?.file == "customers.csv")
        #expect(result.inputs.first { $0.file == "invoices.csv" }?.rows == 4)
    }

    @Test("CRLF files: the same lines; records lose the final CR but keep CRLFs inside quotes")
    func quotedNewlinesCRLF() throws {
        let result = try load(Self.multiLine, lineEnd: "\r\n")
        #expect(
            result.rejectRows == [
                RejectRow("invoices.csv", line: 5, column: "amount", .badAmount, record: "I2,C1,2024-01-10,abc,plain"),
                RejectRow("invoices.csv", line: 6, column: "amount", .missingRequired, record: "I3,C1,2024-01-10,,\"a\r\nb\""),
                RejectRow("invoices.csv", line: 8, column: "issue_date", .badDate, record: "I4,C1,2024-13-01,1.00,x"),
            ])
        #expect(result.ledger.invoices.amount == [10_000])
    }

    @Test("a CRLF file whose last line has no line end: the last field has no CR")
    func crlfWithoutFinalLineEnd() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,name\r\nC1,Acme\r\n")
        try folder.write("invoices.csv", "invoice_id,customer_id,issue_date,amount\r\nI1,C1,2024-01-10,100.00\r\nI2,C1,2024-01-10,1e2")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 3, column: "amount", .badAmount, record: "I2,C1,2024-01-10,1e2")])
        #expect(result.ledger.invoices.amount == [10_000])
    }

    @Test("blank lines are not records but still count as lines")
    func blankLines() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write(
            "invoices.csv",
            "invoice_id,customer_id,issue_date,amount\n\nI1,C1,2024-01-10,100.00\n\r\n\nI2,C1,2024-01-10,0\n\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 6, column: "amount", .nonPositiveAmount, record: "I2,C1,2024-01-10,0")])
        #expect(result.invoiceIDs == ["I1"])
        // Chosen (SPEC is silent): blank lines are not counted as rows.
        #expect(result.inputs.first { $0.file == "invoices.csv" }?.rows == 2)
    }

    @Test("a byte-order mark is skipped: the header matches and lines are unchanged")
    func byteOrderMark() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(oneCustomerUSD.utf8))
        try folder.write("invoices.csv", bytes: [0xEF, 0xBB, 0xBF] + Array((invoiceHeader + "I1,C1,2024-01-10,,100.00,\nI2,C1,x,,1,\n").utf8))
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 3, column: "issue_date", .badDate, record: "I2,C1,x,,1,")])
        #expect(result.ledger.customers.ids == ["C1"])
        // The BOM is part of the bytes read and hashed.
        #expect(result.inputs.first { $0.file == "invoices.csv" }?.bytes == 3 + (invoiceHeader + "I1,C1,2024-01-10,,100.00,\nI2,C1,x,,1,\n").utf8.count)
    }

    @Test("the raw record keeps doubled quotes, spaces and non-UTF-8 bytes exactly")
    func rawRecordIsByteExact() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        let bad: [UInt8] = Array("I1 , C1 ,2024-01-10,, \"1\"\"0\" ,\"".utf8) + [0xFF, 0xFE] + Array("\"".utf8)
        try folder.write("invoices.csv", bytes: Array(invoiceHeader.utf8) + bad + [0x0D, 0x0A])
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "amount", .badAmount, bytes: bad)])
    }

    @Test("a reject in the record after a long quoted field reports the right line in a file larger than one 4 MB read chunk")
    func linesAcrossLargeFile() throws {
        // 120,000 invoices, every 7th with a memo holding two newlines; each such record spans 3 lines.
        var text = "invoice_id,customer_id,issue_date,amount,memo\n"
        var line = 2
        var expected: [RejectRow] = []
        for n in 0..<120_000 {
            let memo = n % 7 == 0 ? "\"first\nsecond, \"\"quoted\"\"\nthird\"" : "note \(n)"
            let amount = n % 1_000 == 999 ? "bad" : "\(n + 1).25"
            let record = "I\(n),C1,2024-01-10,\(amount),\(memo)"
            if amount == "bad" { expected.append(RejectRow("invoices.csv", line: line, column: "amount", .badAmount, record: record)) }
            text += record + "\n"
            line += n % 7 == 0 ? 3 : 1
        }
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", text)
        let result = try folder.load()
        #expect(expected.count == 120)
        #expect(try #require(result.inputs.first { $0.file == "invoices.csv" }).bytes > 4 << 20)
        #expect(result.rejectRows == expected)
        #expect(result.ledger.invoices.count == 119_880)
        // I1 is "2.25": 225 cents.
        #expect(result.invoice("I1").map { result.ledger.invoices.amount[$0] } == 225)
    }
}
