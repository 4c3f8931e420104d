import ARReport
import ArgumentParser
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Load, validate and analyse AR data; write the reports into an output folder.",
        discussion: """
            Writes the CSV tables (kpis.csv, aging_summary.csv, aging_detail.csv,
            trend.csv, ...), report.html, the weekly email (email.html, email.txt,
            email.eml with chart_*.png), the board pack (board_pack.pdf) and run.json
            into output/<as-of>/ (or --out), replacing the folder only when every file
            is complete. The email's sender and recipients come from the config file's
            email: section.

            Example:
              arreport run --data ./ar --as-of 2025-12-31 --buckets 30,60,90,120
              arreport run --data ibm.csv --profile ibm --as-of 2013-06-30
              arreport run --data ./ar --formats csv,html --templates ./my-templates
              arreport run --db ar.sqlite --as-of 2025-12-31
              PGPASSWORD=... arreport run --pg postgresql://ar@db/erp --as-of 2025-12-31
            """)

    @OptionGroup var settings: SettingsOptions

    @Option(help: "Output folder (default: output/<as-of>).")
    var out: String?

    @Option(
        help: """
            Outputs to write, comma-separated: csv, html (report.html), email (email.html, email.txt, \
            email.eml), pdf (board_pack.pdf) (default: all).
            """)
    var formats: String?

    @Option(help: "Board-pack paper, landscape: a4 or letter (default: a4; config page_size).")
    var pageSize: String?

    @Option(
        help: """
            Folder with your own report.html, email.html and email.txt (default: ./templates, else the \
            project's, else the built-in copies). An unknown key is an error (exit 78).
            """)
    var templates: String?

    @Option(help: "Run history file to append to (default: history.sqlite beside the output folder; config history:).")
    var history: String?

    @Flag(help: "Record nothing in the run history.")
    var noHistory = false

    func run() throws {
        do {
            let resolved = try settings.resolve(
                out: out, formats: formats, templates: templates, pageSize: pageSize, history: history, noHistory: noHistory)
            // The run's clock is read here, at the edge: it dates the email, never the analysis.
            let outcome = try Batch.run(resolved, showProgress: stderrIsTerminal, now: Date())
            print(outcome.summary)
            // The process ends holding the run's memory: the system reclaims it at once.
            withExtendedLifetime(outcome) { Foundation.exit(0) }
        } catch {
            throw fail(error)
        }
    }
}
