import ARCore
import ARReport
import ArgumentParser
import Foundation

/// The settings every command that reads AR data shares.
struct SettingsOptions: ParsableArguments {
    @Option(help: "Folder with invoices.csv and the other canonical files (with --profile: the export file).")
    var data: String?

    @Option(help: "A SQLite database with the canonical tables (instead of --data; config sqlite: {path:, queries:}).")
    var db: String?

    @Option(
        help: ArgumentHelp(
            "A PostgreSQL database with the canonical tables (instead of --data; config postgres: {url:, queries:}).",
            discussion: "postgresql://USER@HOST:PORT/DB?sslmode=require; the PG* variables fill what the URL leaves out (postgresql:// alone uses only them). The password comes from PGPASSWORD or ~/.pgpass.",
            valueName: "url"))
    var pg: String?

    @Option(help: "Read --data as a foreign export through a profile: NAME (profiles/NAME.yml) or a .yml path.")
    var profile: String?

    @Option(help: "With --profile: a fx_rates CSV (date,currency,rate) whose dated rates replace the profile's fixed ones.")
    var fx: String?

    @Option(help: "As-of date YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "Reporting currency, ISO 4217 (default: USD).")
    var currency: String?

    @Option(help: "DSO window in days (default: 90).")
    var dsoDays: Int?

    @Option(help: "Aging bucket edges in days (default: 30,60,90,120).")
    var buckets: String?

    @Option(help: "Aging basis: due or issue (default: due).")
    var basis: String?

    @Option(help: "YAML file with the same settings; flags override it.")
    var config: String?

    @Flag(help: "Fail with exit status 65 and write no report if any row is rejected.")
    var strict = false

    /// Flags over the config file over defaults.
    func resolve(
        out: String? = nil, formats: String? = nil, templates: String? = nil, pageSize: String? = nil,
        history: String? = nil, noHistory: Bool = false
    ) throws -> RunSettings
    {
        var options = RunOptions()
        if let config { options = try RunOptions.load(configFile: config) }
        let flags = RunOptions(
            data: data, asOf: asOf, currency: currency, dsoDays: dsoDays, buckets: buckets, basis: basis, out: out,
            strict: strict ? true : nil, profile: profile, fx: fx, formats: formats, templates: templates, pageSize: pageSize,
            sqlite: db.map { SQLiteOptions(path: $0) }, postgres: pg.map { PostgresOptions(url: $0) }, history: history, noHistory: noHistory ? true : nil)
        return try options.overridden(by: flags).resolve(today: CivilCalendar.today())
    }
}

/// Prints a run-ending error as one line and exits with its documented status.
func fail(_ error: Error) -> ExitCode {
    FileHandle.standardError.write(Data("arreport: \(error)\n".utf8))
    return ExitCode(ExitStatus.of(error))
}

var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
