import ARCore
import Foundation

@testable import ARGenerate

/// A small generated data set, its summary and its six files parsed.
struct GeneratedDataset {
    static let settings = GeneratorSettings(
        customers: 50, invoices: 2_000, seed: 42, currencies: ["USD", "EUR", "GBP", "JPY"])

    /// Generated once per test process, whose exit removes it; every test only reads it.
    static let shared: GeneratedDataset = {
        do {
            atexit { removeFolder(GeneratedDataset.shared.folder) }
            return try GeneratedDataset(settings: settings, folder: temporaryFolder("shared"))
        } catch {
            fatalError("generation failed: \(error)")
        }
    }()

    let settings: GeneratorSettings
    let folder: String
    let summary: GenerationSummary
    let customers: CSVTable
    let invoices: CSVTable
    let payments: CSVTable
    let creditNotes: CSVTable
    let disputes: CSVTable
    let fxRates: CSVTable

    init(settings: GeneratorSettings, folder: String) throws {
        self.settings = settings
        self.folder = folder
        summary = try generateDataset(settings, into: folder)
        customers = try CSVTable(path: folder + "/customers.csv")
        invoices = try CSVTable(path: folder + "/invoices.csv")
        payments = try CSVTable(path: folder + "/payments.csv")
        creditNotes = try CSVTable(path: folder + "/credit_notes.csv")
        disputes = try CSVTable(path: folder + "/disputes.csv")
        fxRates = try CSVTable(path: folder + "/fx_rates.csv")
    }

    /// customer_id -> currency code.
    var customerCurrency: [String: String] {
        Dictionary(
            uniqueKeysWithValues: customers.rows.map {
                (customers.value($0, "customer_id"), customers.value($0, "currency"))
            })
    }

    /// Invoice facts keyed by invoice_id, with blank currency resolved to the customer's.
    var invoiceFacts: [String: (customer: String, currency: String, amount: Int64, issue: Day)] {
        let currencies = customerCurrency
        var facts: [String: (customer: String, currency: String, amount: Int64, issue: Day)] = [:]
        for row in invoices.rows {
            let customer = invoices.value(row, "customer_id")
            let written = invoices.value(row, "currency")
            let currency = written.isEmpty ? currencies[customer] ?? "?" : written
            let amount = minorUnits(invoices.value(row, "amount"), currency: currency) ?? -1
            facts[invoices.value(row, "invoice_id")] = (
                customer, currency, amount, CivilCalendar.parseISO(invoices.value(row, "issue_date")) ?? 0
            )
        }
        return facts
    }
}

/// A fresh folder under the system's temporary directory.
func temporaryFolder(_ name: String) -> String {
    let base = FileManager.default.temporaryDirectory.path
    return
        "\(base)/argenerate-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)-\(UUID().uuidString.prefix(8))"
}

/// Removes a test folder; a leftover in the temporary directory is harmless, so errors are ignored.
func removeFolder(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

/// Minor units of an amount in `currency`, or nil when it is not a valid amount for it.
func minorUnits(_ text: String, currency: String) -> Int64? {
    if case .value(let minor) = MinorUnits.parse(text, minorDigits: Currency(code: currency).minorDigits) {
        return minor
    }
    return nil
}
