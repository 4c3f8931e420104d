import Foundation
import Testing

@testable import ARCore

/// Staged invoice rows wait for their duplicate check with their records copied into an 8 KB
/// buffer: a batch ends early once half of it is used, and a record is kept aside when
/// it does not fit the room left, is longer than the buffer, or had doubled quotes collapsed
/// (its id is then not a slice of the record as read). Whatever the path and the reader's
/// chunks, every invoice, every duplicate and every rejected record must be the same.
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
            rejects: result.rejects.map {
                "\($0.line) \($0.reason.rawValue) \($0.message) | \(String(decoding: $0.record, as: UTF8.self))"
            })
    }

    /// `text` written as invoices.csv in a new folder (kept alive by the caller), loaded in 1 MB chunks.
    func loadWritten(_ text: String) throws -> (TempDataFolder, Loaded) {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", text)
        return (folder, try load(folder.filePath("invoices.csv"), chunkSize: 1 << 20))
    }

    @Test("records short, long and quoted, batches cut early, records kept aside: the same invoices and rejects")
    func everyPath() throws {
        // invoice_id is the second column, so an id starts well inside its record.
        var text = "customer_id,invoice_id,issue_date,due_date,amount,currency,note\n"
        var expectedRejects: [String] = []
        var expectedIDs: [String] = []
        var line = 1
        // Ids: every eleventh has doubled quotes (collapsed in place: the record is kept aside),
        // the one after it is quoted plainly (the id starts inside the quotes).
        func idField(_ k: Int) -> String { k % 11 == 0 ? "\"I\"\"\(k)\"" : (k % 11 == 1 ? "\"I\(k)\"" : "I\(k)") }
        func id(_ k: Int) -> String { k % 11 == 0 ? "I\"\(k)" : "I\(k)" }
        // Notes: three rows of 1,500 bytes pass the buffer's 4,096-byte mark (the batch ends
        // early); after two of 2,000, one of 4,500 does not fit the room left (kept aside); every
        // seventeenth row's 9,000 bytes never fit the buffer. (Counted by replaying the rows:
        // 74 early ends, 10 records aside for room, 16 too long, 27 with doubled quotes.)
        func note(_ n: Int) -> String {
            if n % 17 == 0 { return String(repeating: "x", count: 9_000) }
            return String(repeating: "y", count: [0, 1_500, 1_500, 1_500, 0, 2_000, 2_000, 4_500][n % 8])
        }
        for n in 0..<300 {
            line += 1
            // Every seventh row repeats the id of a row about 40 rows back.
            let repeated = n - 40 + n % 3
            let k = n % 7 == 6 ? repeated : n
            let row = "C\(n % 5),\(idField(k)),2024-01-\(String(format: "%02d", n % 28 + 1)),,\(n + 1).25,,\(note(n))"
            text += row + (n % 13 == 0 ? "\r\n" : "\n")
            if n % 7 == 6, repeated >= 0, repeated % 7 != 6 {
                expectedRejects.append("\(line) duplicate_key invoice_id '\(id(k))' appears on an earlier row | \(row)")
            } else {
                expectedIDs.append(id(k))
            }
        }
        let (folder, whole) = try loadWritten(text)
        #expect(whole.rejects == expectedRejects)
        #expect(whole.ids == expectedIDs)
        #expect(whole.amounts.count == expectedIDs.count)
        // Each kind of duplicate row is among them: collapsed quotes, plain quotes, each note length.
        for marker in ["\"I\"\"", ",\"I", String(repeating: "x", count: 9_000), String(repeating: "y", count: 4_500)] {
            #expect(whole.rejects.contains { $0.contains(marker) }, "a duplicate with \(marker.prefix(8))")
        }
        // The reader's buffer is at least 1 KB: these chunks cut records at many places.
        for chunkSize in [1_024, 1_031, 4_096, 16_411] {
            #expect(try load(folder.filePath("invoices.csv"), chunkSize: chunkSize) == whole, "chunk \(chunkSize)")
        }
    }

    /// Ids in order need no hash table until one repeats or comes out of order (KeyIndex's
    /// deferred hash): the switch may fall anywhere in a staged batch of 16, the key that causes
    /// it may be new or a repeat, and a repeat of it may follow in the same batch.
    @Test(
        "ids in order, then a repeat or a step back anywhere in a batch: the same invoices and duplicates",
        arguments: [
            // (rows in order before the break, the keys that follow: an earlier row's number, or a new one)
            (20, [20, 21, 22]),  // the last id again, in the second batch
            (16, [3, 3, 17]),  // a step back that repeats row 3, then again, right at a batch's start
            (7, [100, 50, 50, 8]),  // new ids out of order, a repeat in the same batch, then 8 (new, behind 100)
            (30, [31, 32, 33]),  // in order throughout: no break at all
            // 50 is inserted as it is staged; 20 waits for the flush, so 60 must wait too, though after 50
            (10, [50, 20, 60]),
        ])
    func deferredHash(before: Int, then: [Int]) throws {
        // Zero-padded, so numeric order is byte order.
        let keys = Array(1...before) + then
        var text = invoiceHeader
        var seen = Set<Int>()
        var expectedIDs: [String] = []
        var expectedRejects: [String] = []
        for (row, k) in keys.enumerated() {
            let id = "INV" + String(repeating: "0", count: 5 - String(k).count) + String(k)
            let record = "\(id),C1,2024-01-05,,\(row + 1).00,"
            text += record + "\n"
            if seen.insert(k).inserted {
                expectedIDs.append(id)
            } else {
                expectedRejects.append(
                    "\(row + 2) duplicate_key invoice_id '\(id)' appears on an earlier row | \(record)")
            }
        }
        let (_, loaded) = try loadWritten(text)
        #expect(loaded.ids == expectedIDs)
        #expect(loaded.rejects == expectedRejects)
        #expect(loaded.amounts.count == expectedIDs.count)
    }
}
