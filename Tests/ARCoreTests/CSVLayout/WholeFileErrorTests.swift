import ARCore
import Foundation
import Testing

/// SPEC 2: a file that is not CSV at all, or lacks a required column, is a clear
/// error naming the file and the column; optional files may be absent.
@Suite("whole-file errors stop the load")
struct WholeFileErrorTests {
    @Test("a data folder that does not exist")
    func missingFolder() throws {
        let folder = try TempDataFolder()
        let gone = folder.path + "/nope"
        #expect(throws: InputError.missingFile(path: gone)) {
            try DataFolderLoader.load(folder: gone, settings: LoadSettings(asOf: day("2024-06-30"), reportingCurrency: Currency(code: "USD")))
        }
    }

    @Test("a folder without invoices.csv names the missing file")
    func missingInvoices() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        let error = try #require(throws: InputError.self) { try folder.load() }
        guard case .missingFile(let path) = error else { Issue.record("expected missingFile, got \(error)"); return }
        #expect(path.hasSuffix("/invoices.csv"))
        #expect(error.description.contains("invoices.csv"))
    }

    @Test(
        "a required column missing from the header names the file and the column",
        arguments: [
            ("invoices.csv", "invoice_id,customer_id,issue_date,due_date\n", "amount"),
            ("invoices.csv", "invoice_id,customer,issue_date,amount\n", "customer_id"),
            ("customers.csv", "id,name\n", "customer_id"),
            ("payments.csv", "payment_id,customer_id,invoice_id,amount\n", "date"),
            ("credit_notes.csv", "credit_id,customer_id,date,amount_usd\n", "amount"),
            ("disputes.csv", "invoice_id,resolved\n", "opened"),
            ("fx_rates.csv", "date,currency,value\n", "rate"),
        ])
    func missingColumn(_ file: String, _ header: String, _ column: String) throws {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", invoiceHeader)
        try folder.write(file, header + "x,y,z,w\n")
        let error = try #require(throws: InputError.self) { try folder.load() }
        #expect(error == .missingColumn(path: folder.filePath(file), column: column))
        #expect(error.description.contains(file) && error.description.contains("'\(column)'"))
    }

    /// invoices.csv and the cash files load side by side, and disputes.csv on the cash side:
    /// with several bad files, the error named is still the first in SPEC's file order.
    @Test(
        "with several files missing a required column, the first in file order is named",
        arguments: [
            (["invoices.csv", "payments.csv", "disputes.csv"], "invoices.csv"),
            (["invoices.csv", "disputes.csv"], "invoices.csv"),
            (["payments.csv", "credit_notes.csv", "disputes.csv"], "payments.csv"),
            (["credit_notes.csv", "disputes.csv"], "credit_notes.csv"),
        ])
    func severalBadFiles(_ bad: [String], _ named: String) throws {
        let headers = [
            "invoices.csv": (invoiceHeader, "invoice_id,customer_id,issue_date\n"),
            "payments.csv": ("payment_id,customer_id,invoice_id,date,amount\n", "payment_id,customer_id,date\n"),
            "credit_notes.csv": ("credit_id,customer_id,invoice_id,date,amount\n", "credit_id,customer_id,date\n"),
            "disputes.csv": ("invoice_id,opened\n", "invoice_id,resolved\n"),
        ]
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        for (file, (good, missingAColumn)) in headers {
            try folder.write(file, bad.contains(file) ? missingAColumn : good)
        }
        let error = try #require(throws: InputError.self) { try folder.load() }
        guard case .missingColumn(let path, _) = error else { Issue.record("expected missingColumn, got \(error)"); return }
        #expect(path == folder.filePath(named))
    }

    @Test("a binary file (NUL bytes) is not CSV")
    func binaryFile() throws {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48])
        let error = try #require(throws: InputError.self) { try folder.load() }
        guard case .notCSV(let path, _, _) = error else { Issue.record("expected notCSV, got \(error)"); return }
        #expect(path == folder.filePath("invoices.csv"))
    }

    @Test("a NUL byte in a data row of an otherwise valid file is not CSV either")
    func nulInRow() throws {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", bytes: Array((invoiceHeader + "I1,C1,2024-01-10,,1").utf8) + [0x00] + Array(".00,\n".utf8))
        let error = try #require(throws: InputError.self) { try folder.load() }
        #expect(error == .notCSV(path: folder.filePath("invoices.csv"), line: 2, reason: "binary content (NUL byte)"))
    }

    @Test("a NUL byte far into the file is found whatever the read chunk size", arguments: [1_024, 4_096, 4 << 20])
    func nulPastFirstChunk(_ chunkSize: Int) throws {
        // 200 good rows (about 5 KB), then a row with a NUL: binary content, wherever it lies.
        var bytes = Array(invoiceHeader.utf8)
        for n in 0..<200 { bytes += Array("I\(n),C1,2024-01-10,,100.00,\n".utf8) }
        bytes += Array("I200,C1,2024-01-10,,1".utf8) + [0x00] + Array(".00,\n".utf8)
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", bytes: bytes)
        let error = try #require(throws: InputError.self) {
            let reader = try CSVFileReader(path: folder.filePath("invoices.csv"), chunkSize: chunkSize)
            try reader.forEachRow { _ in true }
        }
        guard case .notCSV(let path, let line, _) = error else { Issue.record("expected notCSV, got \(error)"); return }
        #expect(path == folder.filePath("invoices.csv"))
        // Header on line 1, rows I0...I199 on lines 2...201: the NUL is on line 202.
        #expect(line == 202)
    }

    @Test("an unterminated quote is not CSV and names the line where the quote opens")
    func unterminatedQuote() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\nI2,C1,\"2024-01-10,,100.00,\nI3,C1,2024-01-10,,1.00,\n")
        let error = try #require(throws: InputError.self) { try folder.load() }
        guard case .notCSV(let path, let line, _) = error else { Issue.record("expected notCSV, got \(error)"); return }
        #expect(path == folder.filePath("invoices.csv"))
        #expect(line == 3)
    }

    @Test("an unterminated quote in an optional file stops the load too")
    func unterminatedQuoteInPayments() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader)
        try folder.write("payments.csv", "payment_id,customer_id,invoice_id,date,amount\n\"P1,C1,,2024-02-01,1.00\n")
        let error = try #require(throws: InputError.self) { try folder.load() }
        guard case .notCSV(let path, let line, _) = error else { Issue.record("expected notCSV, got \(error)"); return }
        #expect(path == folder.filePath("payments.csv"))
        #expect(line == 2)
    }

    @Test("an empty file, or one holding only a byte-order mark or blank lines, has no header: not CSV",
          arguments: [[], [0xEF, 0xBB, 0xBF], Array("\n\r\n\n".utf8)] as [[UInt8]])
    func emptyFile(_ bytes: [UInt8]) throws {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", bytes: bytes)
        let error = try #require(throws: InputError.self) { try folder.load() }
        guard case .notCSV(let path, _, _) = error else { Issue.record("expected notCSV, got \(error)"); return }
        #expect(path == folder.filePath("invoices.csv"))
    }

    @Test("optional files absent are fine: only invoices.csv is read")
    func optionalFilesAbsent() throws {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.inputs.map(\.file) == ["invoices.csv"])
        #expect(result.ledger.invoices.count == 1)
        #expect(result.ledger.unapplied.count == 0)
        #expect(result.ledger.disputes.count == 0)
        #expect(result.ledger.applications.start == [0, 0])
    }

    @Test("a header-only invoices.csv is valid and empty")
    func headerOnly() throws {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", "invoice_id,customer_id,issue_date,amount")
        let result = try folder.load()
        #expect(result.ledger.invoices.count == 0)
        #expect(result.inputs.map(\.rows) == [0])
    }

    @Test("inputs are listed in SPEC's file order with rows and rejected counts")
    func inputsInFileOrder() throws {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,EUR,1.1\n")
        try folder.write("disputes.csv", "invoice_id,opened\nI1,2024-02-01\n")
        try folder.write("credit_notes.csv", "credit_id,customer_id,date,amount\nCN1,C1,2024-02-01,1\n")
        try folder.write("payments.csv", "payment_id,customer_id,date,amount\nP1,C1,2024-02-01,1\nP2,C1,2024-02-01,x\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write("customers.csv", oneCustomerUSD)
        let result = try folder.load()
        #expect(result.inputs.map(\.file) == ["customers.csv", "invoices.csv", "payments.csv", "credit_notes.csv", "disputes.csv", "fx_rates.csv"])
        #expect(result.inputs.map(\.rows) == [1, 1, 2, 1, 1, 1])
        #expect(result.inputs.map(\.rejected) == [0, 0, 1, 0, 0, 0])
        #expect(result.inputs.map(\.path) == result.inputs.map { folder.filePath($0.file) })
    }
}
