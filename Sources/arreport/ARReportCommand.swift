import ARCore
import ArgumentParser

@main
struct ARReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arreport",
        abstract: "Accounts receivable analytics: aging, DSO, CEI and the reports finance acts on.",
        discussion: """
            Examples:
              arreport demo
              arreport run --data ./ar --as-of 2025-12-31
              arreport aging --data ./ar --as-of 2025-12-31 --top 20
            """,
        subcommands: [
            RunCommand.self, AgingCommand.self, KPIsCommand.self, GenerateCommand.self, DemoCommand.self,
            ImportCommand.self, HistoryCommand.self,
        ]
    )

    static func main() {
        AllocatorPolicy.reuseFreedMemory()
        main(nil)
    }
}
