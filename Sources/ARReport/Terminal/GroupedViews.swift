import ARAnalysis
import ARCore

/// `--group-by`: which group each invoice belongs to, by a customer or invoice attribute.
public struct InvoiceGrouping: Sendable {
    public var attribute: String
    /// Group labels, sorted; an empty value is `(blank)`.
    public var names: [String]
    /// Per invoice, the index into `names`.
    public var groupOf: [Int32]

    /// Customer attributes every ledger has.
    public static let customerAttributes = ["customer", "segment", "region", "currency"]

    /// The grouping by `attribute`: an invoice attribute kept by a profile, else a customer
    /// attribute (segment, region, currency = the customer's currency, customer).
    public init(ledger: Ledger, attribute: String) throws {
        let name = attribute.lowercased()
        let invoices = ledger.invoices
        let customers = ledger.customers
        let labels: [String]
        if let values = invoices.attributes[name] {
            labels = values
        } else {
            let perCustomer: [String]
            switch name {
            case "customer": perCustomer = customers.ids
            case "segment": perCustomer = customers.segments
            case "region": perCustomer = customers.regions
            case "currency": perCustomer = customers.currency.map { ledger.currencies[Int($0)].code }
            default:
                let known = (InvoiceGrouping.customerAttributes + invoices.attributes.keys.sorted()).joined(
                    separator: ", ")
                throw ReportError.settings("--group-by '\(attribute)': no such attribute (known: \(known))")
            }
            labels = invoices.customer.map { perCustomer[Int($0)] }
        }
        let shown = labels.map { $0.isEmpty ? "(blank)" : $0 }
        names = Array(Set(shown)).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
        groupOf = shown.map { index[$0]! }
        self.attribute = name
    }
}

extension AnalystViews {
    /// Aging by group: one row per group with its buckets, total and open invoices.
    public static func agingByGroup(
        ledger: Ledger, analysis: AnalysisResult, grouping: InvoiceGrouping, forPeople: Bool
    ) -> TextTable {
        let money = moneyFormatter(ledger.reportingCurrency, forPeople: forPeople)
        let labels = analysis.settings.buckets.labels
        let figures = GroupBreakdown.compute(
            ledger: ledger, position: analysis.position, asOf: analysis.settings.asOf, bucketCount: labels.count,
            groupOf: grouping.groupOf, names: grouping.names)
        var table = TextTable(
            columns: [grouping.attribute] + labels + ["total", "open_invoices"],
            alignments: [.left] + Array(repeating: .right, count: labels.count + 2))
        var totals = [Int64](repeating: 0, count: labels.count + 1)
        var openInvoices = 0
        for group in figures {
            let amounts = group.buckets + [group.openTotal]
            for (index, amount) in amounts.enumerated() { totals[index] += amount }
            openInvoices += group.openInvoices
            table.rows.append([group.group] + amounts.map(money) + [String(group.openInvoices)])
        }
        table.footer = ["Total"] + totals.map(money) + [String(openInvoices)]
        return table
    }

    /// Days to pay, days late and settled amount by group, over invoices settled in (T-365, T],
    /// with each group's open AR; without history the settlement columns say n/a.
    public static func kpisByGroup(
        ledger: Ledger, analysis: AnalysisResult, grouping: InvoiceGrouping, hasHistory: Bool, forPeople: Bool
    ) -> TextTable {
        let money = moneyFormatter(ledger.reportingCurrency, forPeople: forPeople)
        let figures = GroupBreakdown.compute(
            ledger: ledger, position: analysis.position, asOf: analysis.settings.asOf,
            bucketCount: analysis.settings.buckets.count, groupOf: grouping.groupOf, names: grouping.names)
        var table = TextTable(
            columns: [
                grouping.attribute, "invoices", "total_ar", "past_due", "settled_invoices", "settled_amount",
                "avg_days_to_pay", "avg_days_late",
            ],
            alignments: [.left] + Array(repeating: .right, count: 7))
        for group in figures {
            let settled: [String] =
                hasHistory
                ? [
                    String(group.settlement.invoices), money(Int64(group.settlement.weight)),
                    Format.ratio(group.settlement.averageDaysToPay), Format.ratio(group.settlement.averageDaysLate),
                ] : Array(repeating: KPIRow.noHistory, count: 4)
            table.rows.append(
                [
                    group.group, String(group.invoices), money(group.openTotal),
                    money(group.openTotal - (group.buckets.first ?? 0)),
                ] + settled)
        }
        return table
    }
}
