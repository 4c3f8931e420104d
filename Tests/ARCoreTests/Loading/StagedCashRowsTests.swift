import Foundation
import Testing

@testable import ARCore

/// Cash rows wait in batches of 16 with their ids copied into a 1 KB buffer: ids that fill it
/// flush the batch early, and ids longer than it go to their arenas on their own. Either way the
/// rows' ids and values must come out in file order, each id with its own row.
@Suite("StagedCashRows: ids and values in file order")
struct StagedCashRowsTests {
    @Test("ids of 0 to 1,500 bytes, batches cut early and ids too long to stage")
    func longIDs() throws {
        func length(_ n: Int) -> Int { n % 9 == 0 ? 1_500 : (n % 4 == 0 ? 600 : 8) }
        var text = "payment_id,customer_id,invoice_id,date,amount,currency\n"
        var expected: [(reference: String, invoice: String, amount: Int64, line: Int32)] = []
        for n in 0..<100 {
            let reference = "P\(n)-" + String(repeating: "p", count: length(n))
            let invoice = n % 5 == 0 ? "" : "I\(n)-" + String(repeating: "i", count: length(n + 1))
            text += "\(reference),C1,\(invoice),2024-02-01,\(n + 1).00,\n"
            expected.append((reference, invoice, Int64(n + 1) * 100, Int32(n + 2)))
        }
        let folder = try TempDataFolder()
        try folder.write("payments.csv", text)
        let book = CurrencyBook(reporting: Currency(code: "USD"), latestRates: [:])
        let result = try CashLoader.load(
            payments: SharedFileHash(path: folder.filePath("payments.csv")), creditNotesPath: nil, book: book,
            resolver: CustomerResolver(known: nil, table: CustomerTable()), progress: nil)
        let rows = result.rows
        #expect(result.rejects.isEmpty)
        #expect(rows.count == 100)
        #expect(rows.reference.count == 100 && rows.invoiceKey.count == 100)
        #expect((0..<rows.count).map { rows.reference.string($0) } == expected.map(\.reference))
        #expect((0..<rows.count).map { rows.invoiceKey.string($0) } == expected.map(\.invoice))
        #expect(rows.amount == expected.map(\.amount))
        #expect(rows.line == expected.map(\.line))
    }
}
