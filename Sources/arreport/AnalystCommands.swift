import ARCore
import ARReport
import ArgumentParser

/// How an analyst's table is printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Filters shared by `aging` and `kpis`.
struct FilterOptions: ParsableArguments {
    @Option(help: "A customer_id, or text in the customer name.")
    var customer: String?

    @Option(help: "Only customers of this segment.")
    var segment: String?

    @Option(help: "Only customers of this region.")
    var region: String?

    @Option(help: "Show the N customers with the largest balance.")
    var top: Int?

    @Option(help: "table, csv or json.")
    var format: OutputFormat = .table

    @Option(
        help: "One row per value of a customer attribute (segment, region, currency, customer) or an invoice attribute a profile keeps (e.g. paperless, country)."
    )
    var groupBy: String?

    var filter: CustomerFilter { CustomerFilter(customer: customer, segment: segment, region: region) }

    func print(_ table: TextTable) {
        switch format {
        case .table: Swift.print(table.renderAligned(), terminator: "")
        case .csv: Swift.print(table.renderCSV(), terminator: "")
        case .json: Swift.print(table.renderJSON(), terminator: "")
        }
    }
}

struct AgingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aging",
        abstract: "Print the aging by customer at the as-of date.",
        discussion: """
            Example:
              arreport aging --data ./ar --as-of 2025-12-31 --segment Enterprise --top 10
              arreport aging --data export.csv --profile highradius --as-of 2020-05-22 --group-by currency
            """)

    @OptionGroup var settings: SettingsOptions
    @OptionGroup var filters: FilterOptions

    func run() throws {
        do {
            let view = try Batch.analyse(try settings.resolve(), showProgress: stderrIsTerminal, filter: filters.filter)
            if let attribute = filters.groupBy {
                let grouping = try InvoiceGrouping(ledger: view.ledger, attribute: attribute)
                filters.print(
                    AnalystViews.agingByGroup(
                        ledger: view.ledger, analysis: view.analysis, grouping: grouping,
                        forPeople: filters.format == .table))
                return
            }
            filters.print(
                AnalystViews.aging(
                    ledger: view.ledger, analysis: view.analysis, top: filters.top, forPeople: filters.format == .table))
        } catch {
            throw fail(error)
        }
    }
}

struct KPIsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "Print the headline KPIs at the as-of date (with --top N: per customer).",
        discussion: """
            Examples:
              arreport kpis --data ./ar --as-of 2025-12-31
              arreport kpis --data ./ar --region EMEA --format json
              arreport kpis --data ./ar --top 10
              arreport kpis --data ibm_accounts_receivable.csv --profile ibm --as-of 2013-12-31 --group-by paperless
            """)

    @OptionGroup var settings: SettingsOptions
    @OptionGroup var filters: FilterOptions

    func run() throws {
        do {
            let view = try Batch.analyse(try settings.resolve(), showProgress: stderrIsTerminal, filter: filters.filter)
            if let attribute = filters.groupBy {
                let grouping = try InvoiceGrouping(ledger: view.ledger, attribute: attribute)
                filters.print(
                    AnalystViews.kpisByGroup(
                        ledger: view.ledger, analysis: view.analysis, grouping: grouping, hasHistory: view.hasHistory,
                        forPeople: filters.format == .table))
            } else if let top = filters.top {
                filters.print(
                    AnalystViews.customerKPIs(
                        ledger: view.ledger, analysis: view.analysis, top: top, forPeople: filters.format == .table))
            } else {
                filters.print(
                    AnalystViews.kpis(view.analysis.kpis, rejectedRows: view.rejectedRows, hasHistory: view.hasHistory))
            }
        } catch {
            throw fail(error)
        }
    }
}
