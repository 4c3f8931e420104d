import ARCore
import ARGenerate
import ARReport
import ArgumentParser
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the fixed demo data set and run the full batch on it into output/demo/.",
        discussion: """
            Example:
              arreport demo
            """)

    @Option(help: "Where the demo data set is written.") var data: String = "output/demo-data"
    @Option(help: "Output folder.") var out: String = "output/demo"

    /// The demo's fixed data set: two years, four currencies, as of its last day.
    static let settings = GeneratorSettings(
        customers: 240, invoices: 12_000, seed: 2026, start: CivilCalendar.day(year: 2024, month: 1, day: 1),
        end: CivilCalendar.day(year: 2025, month: 12, day: 31), currencies: ["USD", "EUR", "GBP", "JPY"])

    func run() throws {
        do {
            let generated = try generateDataset(Self.settings, into: data)
            print("demo data: \(generated.invoices) invoices of \(generated.customers) customers in \(data)")
            let options = RunOptions(data: data, asOf: CivilCalendar.format(Self.settings.end), out: out)
            let outcome = try Batch.run(
                try options.resolve(today: CivilCalendar.today()), showProgress: stderrIsTerminal, now: Date())
            print(outcome.summary)
            let files = try FileManager.default.contentsOfDirectory(atPath: outcome.outputFolder).sorted()
            print("outputs:")
            for file in files { print("  \(outcome.outputFolder)/\(file)") }
            print("report: open \(outcome.outputFolder)/report.html in a browser")
            print("email:  \(outcome.outputFolder)/email.eml (send with: sendmail -t < \(outcome.outputFolder)/email.eml)")
            print("board:  \(outcome.outputFolder)/board_pack.pdf (the board pack, A4 landscape)")
        } catch {
            throw fail(error)
        }
    }
}
