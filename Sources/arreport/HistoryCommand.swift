import ARReport
import ArgumentParser

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print the recorded runs: as-of, AR, current, past due, over 90, DSO, CEI...",
        discussion: """
            Every `arreport run` appends its KPIs and aging totals to a history file
            (default output/history.sqlite: history.sqlite beside the output folder).

            Examples:
              arreport history
              arreport history --history output/history.sqlite --format csv
            """)

    @Option(help: "The history file (default: output/history.sqlite).")
    var history = "output/history.sqlite"

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        do {
            let table = try HistoryView.table(historyFile: history)
            switch format {
            case .table: print(table.renderAligned(), terminator: "")
            case .csv: print(table.renderCSV(), terminator: "")
            case .json: print(table.renderJSON(), terminator: "")
            }
        } catch {
            throw fail(error)
        }
    }
}
