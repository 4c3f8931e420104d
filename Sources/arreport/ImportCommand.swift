import ARCore
import ARReport
import ARSQLite
import ArgumentParser
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a canonical CSV folder into a new SQLite database, with the same validation as a run.",
        discussion: """
            Rejected rows are listed and not imported. Every column is stored as TEXT exactly as
            validated (amounts as decimals); `arreport run --db FILE` then reads it. An existing
            database file is replaced.

            Example:
              arreport import --data ./ar --db ar.sqlite --as-of 2025-12-31
            """)

    @Option(help: "Folder with invoices.csv and the other canonical files.")
    var data: String

    @Option(help: "The SQLite database to write.")
    var db: String

    @Option(help: "As-of date YYYY-MM-DD for the fx-rate check (default: today).")
    var asOf: String?

    @Option(help: "Reporting currency, ISO 4217 (default: USD).")
    var currency: String?

    func run() throws {
        do {
            let settings = try RunOptions(data: data, asOf: asOf, currency: currency, noHistory: true)
                .resolve(today: CivilCalendar.today())
            let summary = try SQLiteImport.run(folder: data, database: db, settings: settings.load)
            print(ImportReport.text(summary), terminator: "")
        } catch {
            throw fail(error)
        }
    }
}
