import ARReport
import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Load, validate and analyse AR data; write the reports into an output folder.",
        discussion: """
            Writes kpis.csv, aging_summary.csv, aging_detail.csv, trend.csv, unapplied.csv,
            rollforward.csv, rejects.csv and run.json into output/<as-of>/ (or --out),
            replacing the folder only when every file is complete.

            Example:
              arreport run --data ./ar --as-of 2025-12-31 --currency USD --buckets 30,60,90,120
            """)

    @OptionGroup var settings: SettingsOptions

    @Option(help: "Output folder (default: output/<as-of>).")
    var out: String?

    func run() throws {
        do {
            let outcome = try Batch.run(try settings.resolve(out: out), showProgress: stderrIsTerminal)
            print(outcome.summary)
        } catch {
            throw fail(error)
        }
    }
}
