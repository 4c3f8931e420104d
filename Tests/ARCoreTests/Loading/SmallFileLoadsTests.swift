import Foundation
import Testing

@testable import ARCore

/// credit_notes.csv and disputes.csv go to whichever loading thread is free first: each file
/// must be read by one thread only, and its result and errors come back whichever thread read it.
@Suite("SmallFileLoads: the small files, taken by the first free thread")
struct SmallFileLoadsTests {
    @Test("two threads working at once read each file once")
    func eachFileOnce() throws {
        let folder = try TempDataFolder()
        var credits = "credit_id,customer_id,invoice_id,date,amount\n"
        for n in 0..<5_000 { credits += "CN\(100_000 + n),C1,I\(n),2024-02-0\(n % 9 + 1),1.00\n" }
        try folder.write("credit_notes.csv", credits)
        try folder.write("disputes.csv", "invoice_id,opened,resolved,reason\nI1,2024-03-01,,damaged\n")
        try folder.write("customers.csv", oneCustomerUSD)
        let book = CurrencyBook(reporting: Currency(code: "USD"), latestRates: [:])
        let known = try CustomersLoader.load(path: folder.filePath("customers.csv"), book: book, progress: nil)
        let progress = LoadProgress(totalBytes: 0)
        let loads = SmallFileLoads(
            creditNotesPath: folder.filePath("credit_notes.csv"), disputesPath: folder.filePath("disputes.csv"),
            book: book, resolver: CustomerResolver(known: known.index, table: known.table), progress: progress)
        // As the loader does: one thread looks the disputes up once it is done, whichever read them.
        var invoices = KeyIndex()
        invoices.insert("I0")
        invoices.insert("I1")
        let (disputes, _) = try inParallel(
            { [invoices] () -> DisputesLoader.Result? in
                var ids = invoices
                loads.work()
                return loads.resolveDisputes(invoices: &ids)
            },
            { loads.work() })
        let creditsLoaded = try #require(try loads.results())
        #expect(creditsLoaded.rows.count == 5_000)
        #expect(creditsLoaded.rejects.isEmpty)
        let resolved = try #require(disputes)
        #expect(resolved.table.invoice == [1])
        #expect(resolved.table.reason == ["damaged"])
        #expect(resolved.rejects.isEmpty)
        let sizes = try ["credit_notes.csv", "disputes.csv"].map {
            try #require(FileManager.default.attributesOfItem(atPath: folder.filePath($0))[.size] as? Int)
        }
        #expect(progress.bytesRead == sizes.reduce(0, +))
    }

    @Test("absent files give nil; an error is kept for results(), credit notes' before disputes'")
    func absentAndErrors() throws {
        let folder = try TempDataFolder()
        let book = CurrencyBook(reporting: Currency(code: "USD"), latestRates: [:])
        let resolver = CustomerResolver(known: nil, table: CustomerTable())
        let none = SmallFileLoads(
            creditNotesPath: nil, disputesPath: nil, book: book, resolver: resolver, progress: nil)
        none.work()
        var ids = KeyIndex()
        #expect(try none.results() == nil)
        #expect(none.resolveDisputes(invoices: &ids) == nil)

        try folder.write("credit_notes.csv", "credit_id,customer_id,date\n")
        try folder.write("disputes.csv", "invoice_id,resolved\n")
        let bad = SmallFileLoads(
            creditNotesPath: folder.filePath("credit_notes.csv"), disputesPath: folder.filePath("disputes.csv"),
            book: book, resolver: resolver, progress: nil)
        bad.work()
        // A failed parse resolves to nothing; its error comes from results().
        #expect(bad.resolveDisputes(invoices: &ids) == nil)
        let error = try #require(throws: InputError.self) { try bad.results() }
        guard case .missingColumn(let path, _) = error else {
            Issue.record("expected missingColumn, got \(error)")
            return
        }
        #expect(path == folder.filePath("credit_notes.csv"))
    }
}
