import ARCore
import Foundation
import Testing

/// A data folder in a fresh temporary directory, removed when the value goes away.
/// Each test gets its own, so tests can run in parallel.
final class TempDataFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "arcore-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` as UTF-8, byte for byte (no line-end translation).
    func write(_ file: String, _ text: String) throws {
        try write(file, bytes: Array(text.utf8))
    }

    func write(_ file: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: filePath(file)))
    }

    func filePath(_ file: String) -> String { path + "/" + file }

    /// Loads the folder at as-of `asOf` in `currency` (defaults: 2024-06-30, USD).
    func load(asOf: String = "2024-06-30", currency: String = "USD") throws -> LoadResult {
        let day = try #require(CivilCalendar.parseISO(asOf))
        return try DataFolderLoader.load(
            folder: path, settings: LoadSettings(asOf: day, reportingCurrency: Currency(code: currency)))
    }
}

/// The parts of a reject a test pins down (the message is free text and left out).
struct RejectRow: Equatable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: String
    var reason: RejectReason
    /// The raw record bytes, without the line end.
    var record: [UInt8]

    init(_ file: String, line: Int, column: String, _ reason: RejectReason, record: String) {
        self.init(file, line: line, column: column, reason, bytes: Array(record.utf8))
    }

    init(_ file: String, line: Int, column: String, _ reason: RejectReason, bytes: [UInt8]) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.record = bytes
    }

    init(_ reject: Reject) {
        self.init(reject.file, line: reject.line, column: reject.column, reject.reason, bytes: reject.record)
    }

    var description: String {
        "\(file):\(line) [\(column)] \(reason.rawValue) \(String(decoding: record, as: UTF8.self).debugDescription)"
    }
}

extension LoadResult {
    /// Every reject, without messages, in the loader's order (file order, then line).
    var rejectRows: [RejectRow] { rejects.map(RejectRow.init) }

    /// Invoice ids in ledger order.
    var invoiceIDs: [String] { ledger.invoices.ids.keys }

    /// The ledger index of invoice `id`, or nil when it was not loaded.
    func invoice(_ id: String) -> Int? { ledger.invoices.ids.find(id).map(Int.init) }

    /// The ledger index of customer `id`, or nil.
    func customer(_ id: String) -> Int? { ledger.customers.ids.firstIndex(of: id) }

    /// The applications of invoice `id` as (date, amount in the invoice's minor units).
    func applications(of id: String) -> [(date: String, amount: Int64)] {
        guard let index = invoice(id) else { return [] }
        let table = ledger.applications
        return (Int(table.start[index])..<Int(table.start[index + 1])).map {
            (CivilCalendar.format(table.date[$0]), table.amount[$0])
        }
    }
}

/// A one-customer customers.csv most reject tests start from: C1 in USD, 30 days.
let oneCustomerUSD = """
    customer_id,name,currency,credit_limit,terms_days
    C1,Acme,,,

    """

/// The invoices.csv header most tests use.
let invoiceHeader = "invoice_id,customer_id,issue_date,due_date,amount,currency\n"

/// The day number of `YYYY-MM-DD`, for expectations (crashes the test on a typo).
func day(_ text: String) -> Day {
    guard let value = CivilCalendar.parseISO(text) else { fatalError("bad test date \(text)") }
    return value
}
