import ARCore
import ARGenerate
import ArgumentParser

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic AR data set in the canonical layout.",
        discussion: """
            Payer behaviours (prompt, slow, deteriorating, defaulting), seasonality, partial,
            split and multi-invoice payments, on-account cash, overpayments, credit notes,
            disputes and several currencies with fx_rates.csv. Streams: 5M invoices need
            little memory. The same settings always give the same bytes.

            Example:
              arreport generate --customers 2000 --invoices 100000 --seed 7 --out ./ar --currencies USD,EUR,JPY
            """)

    @Option(help: "Number of customers.") var customers: Int = 200
    @Option(help: "Number of invoices.") var invoices: Int = 5_000
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: "Output folder.") var out: String
    @Option(help: "First issue date YYYY-MM-DD (default 2024-01-01).") var start: String?
    @Option(help: "Data cut-off YYYY-MM-DD (default 2025-12-31).") var end: String?
    @Option(help: "Currencies, the first is the reporting currency (default USD).") var currencies: String = "USD"

    func run() throws {
        var settings = GeneratorSettings(customers: customers, invoices: invoices, seed: seed)
        settings.currencies = currencies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for (value, name) in [(start, "--start"), (end, "--end")] {
            guard let value else { continue }
            guard let day = CivilCalendar.parseISO(value) else {
                throw ValidationError("\(name) '\(value)' is not a real YYYY-MM-DD date")
            }
            if name == "--start" { settings.start = day } else { settings.end = day }
        }
        do {
            let summary = try generateDataset(settings, into: out)
            print(
                "generated \(summary.customers) customers, \(summary.invoices) invoices, \(summary.payments) payments, "
                    + "\(summary.creditNotes) credit notes, \(summary.disputes) disputes, \(summary.fxRates) fx rates "
                    + "(\(summary.bytesWritten / 1_000_000) MB) in \(out)")
        } catch {
            throw fail(error)
        }
    }
}
