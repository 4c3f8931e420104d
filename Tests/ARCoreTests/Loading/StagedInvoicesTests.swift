import Foundation
import Testing

@testable import ARCore

/// Staged invoice rows wait for their duplicate check with their records copied into a fixed
/// buffer, or kept aside when too long or when doubled quotes were collapsed. Whatever the
/// reader's chunks, every invoice, every duplicate and every rejected record must be the same.
@Suite("StagedInvoices: duplicate checks of staged rows")
struct StagedInvoicesTests {
    struct Loaded: Equatable {
        var ids: [String]
        var amounts: [Int64]
        var issues: [Day]
        var rejects: [String]
    }

    func load(_ path: String, chunkSize: Int) throws -> Loaded {
        let book = CurrencyBook(reporting: Currency(code: "USD"), latestRates: [:])
        let resolver = CustomerResolver(known: nil, table: CustomerTable())
        let result = try InvoicesLoader.load(
            SharedFileHash(path: path), book: book, resolver: resolver, progress: nil, chunkSize: chunkSize)
        return Loaded(
            ids: result.table.ids.keys, amounts: result.table.amount, issues: result.table.issue,
            rejects: result.rejects.map { "\($0.line) \($0.reason.rawValue) \(String(decoding: $0.record, as: UTF8.self))" })
    }

    @Test("records short, long and quoted, in chunks of 64 bytes to 1 MB: the same invoices and rejects")
    func acrossRefills() throws {
        var text = "invoice_id,customer_id,issue_date,due_date,amount,currency,note\n"
        var expectedRejects: [String] = []
        var line = 1
        // Every eleventh id is quoted with doubled quotes, collapsed in place in the buffer (the
        // raw record is then kept aside); every seventh row repeats an id from about 40 rows back.
        // Notes of 1,000 bytes fill the staging buffer before 16 rows; of 5,000, they do not fit it.
        func note(_ n: Int) -> String { n % 17 == 0 ? String(repeating: "x", count: 5_000) : (n % 5 == 0 ? String(repeating: "y", count: 1_000) : "") }
        // Quoted without doubled quotes, with blanks around, the id is a slice of the record, not its start.
        func idText(_ k: Int) -> String {
            k % 11 == 0 ? "\"I\"\"\(k)\"" : (k % 11 == 5 ? " \"I\(k)\" " : "I\(k)")
        }
        for n in 0..<300 {
            line += 1
            let repeated = n - 40 + n % 3
            let row = "\(n % 7 == 6 ? idText(repeated) : idText(n)),C\(n % 5),2024-01-\(String(format: "%02d", n % 28 + 1)),,\(n + 1).25,,\(note(n))"
            text += row + (n % 13 == 0 ? "\r\n" : "\n")
            if n % 7 == 6, repeated >= 0, repeated % 7 != 6 { expectedRejects.append("\(line) duplicate_key \(row)") }
        }
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", text)
        let whole = try load(folder.filePath("invoices.csv"), chunkSize: 1 << 20)
        #expect(whole.rejects == expectedRejects)
        #expect(whole.ids.count + whole.rejects.count == 300)
        #expect(whole.rejects.contains { $0.contains("duplicate_key \"I\"\"") })
        #expect(whole.rejects.contains { $0.hasSuffix(String(repeating: "x", count: 5_000)) })
        #expect(whole.rejects.contains { $0.hasSuffix(String(repeating: "y", count: 1_000)) })
        #expect(whole.ids.contains("I\"11"))
        // A blank before the quote makes the field unquoted: the id keeps its quotes.
        #expect(whole.ids.contains("\"I5\""))
        #expect(whole.rejects.contains { $0.contains("duplicate_key  \"I") })
        for chunkSize in [64, 100, 257, 1_031] {
            #expect(try load(folder.filePath("invoices.csv"), chunkSize: chunkSize) == whole, "chunk \(chunkSize)")
        }
    }
}
