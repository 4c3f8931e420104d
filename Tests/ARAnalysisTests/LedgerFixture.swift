import ARAnalysis
import ARCore
import Foundation
import Testing

/// A small AR data folder in the canonical CSV layout (SPEC section 1), loaded
/// the way users load theirs: each file is CSV text with its header row; nil = file absent.
struct LedgerFixture {
    var customers: String? = nil
    var invoices: String
    var payments: String? = nil
    var creditNotes: String? = nil
    var disputes: String? = nil
    var fxRates: String? = nil

    /// Writes the files to a fresh temporary folder, loads them with USD as the
    /// reporting currency, and records an issue if any row was rejected.
    func load(asOf: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> LoadedLedger {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("arreport-analysis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files: [(String, String?)] = [
            ("customers.csv", customers), ("invoices.csv", invoices), ("payments.csv", payments),
            ("credit_notes.csv", creditNotes), ("disputes.csv", disputes), ("fx_rates.csv", fxRates),
        ]
        for case let (name, text?) in files {
            try Data((text + "\n").utf8).write(to: folder.appendingPathComponent(name))
        }
        let load = try DataFolderLoader.load(
            folder: folder.path, settings: LoadSettings(asOf: day(asOf), reportingCurrency: Currency(code: "USD")))
        #expect(
            load.rejects.isEmpty,
            "fixture rows were rejected: \(load.rejects.map { "\($0.file):\($0.line) \($0.reason.rawValue)" })",
            sourceLocation: sourceLocation)
        return LoadedLedger(load: load)
    }
}

/// A loaded fixture with lookups by the ids written in the CSV text.
struct LoadedLedger {
    let load: LoadResult
    var ledger: Ledger { load.ledger }

    func customer(_ id: String) -> Int {
        guard let index = ledger.customers.ids.firstIndex(of: id) else {
            Issue.record("no customer \(id) in the ledger")
            return -1
        }
        return index
    }

    func invoice(_ id: String) -> Int32 {
        guard let index = ledger.invoices.ids.find(id) else {
            Issue.record("no invoice \(id) in the ledger")
            return -1
        }
        return index
    }

    func analyze(
        asOf: String, dsoDays: Int32 = 90, buckets: AgingBuckets = .standard, basis: AgingBasis = .due
    ) throws -> AnalysisResult {
        try Analysis.run(
            ledger: ledger,
            settings: AnalysisSettings(asOf: day(asOf), dsoDays: dsoDays, buckets: buckets, basis: basis))
    }

    /// The aged open item of an invoice at the as-of date; nil when the invoice is not open.
    func openItem(_ invoiceID: String, in result: AnalysisResult) -> OpenItem? {
        let index = invoice(invoiceID)
        return result.position.openItems.first { $0.invoice == index }
    }

    /// Unapplied items as `customer:source:reference:amount`, in the position's order.
    func unappliedSummary(_ result: AnalysisResult) -> [String] {
        result.position.unappliedItems.map {
            "\(ledger.customers.ids[Int($0.customer)]):\($0.source.rawValue):\($0.reference):\($0.amount)"
        }
    }
}

/// The day number of an ISO date written in a test.
func day(_ iso: String) -> Day {
    guard let day = CivilCalendar.parseISO(iso) else {
        Issue.record("not a date: \(iso)")
        return 0
    }
    return day
}

/// Ratios are doubles: compare them to the hand-computed value with a tolerance.
func isClose(_ value: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}

/// A ratio as printed in the outputs: 2 decimals.
func rounded2(_ value: Double?) -> Double? {
    value.map { ($0 * 100).rounded() / 100 }
}
