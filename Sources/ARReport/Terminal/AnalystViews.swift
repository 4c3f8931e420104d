import ARAnalysis
import ARCore

/// Which customers an analyst's question is about.
public struct CustomerFilter: Sendable, Equatable {
    /// A customer_id, or text found in the name (case-insensitive).
    public var customer: String?
    public var segment: String?
    public var region: String?

    public init(customer: String? = nil, segment: String? = nil, region: String? = nil) {
        self.customer = customer
        self.segment = segment
        self.region = region
    }

    public var isEmpty: Bool { customer == nil && segment == nil && region == nil }

    /// One flag per customer of the ledger: true when the customer matches every given filter.
    public func matches(_ customers: CustomerTable) -> [Bool] {
        customers.ids.indices.map { index in
            if let customer {
                let needle = customer.lowercased()
                guard customers.ids[index] == customer || customers.names[index].lowercased().contains(needle)
                else { return false }
            }
            if let segment, customers.segments[index].lowercased() != segment.lowercased() { return false }
            if let region, customers.regions[index].lowercased() != region.lowercased() { return false }
            return true
        }
    }
}

/// The tables `arreport aging` and `arreport kpis` print.
public enum AnalystViews {
    /// Aging by customer, largest total first; `top` keeps the first N. The footer totals the rows shown.
    /// `forPeople` groups thousands (for the terminal); otherwise amounts are plain, as in the CSVs.
    public static func aging(ledger: Ledger, analysis: AnalysisResult, top: Int?, forPeople: Bool) -> TextTable {
        let money = moneyFormatter(ledger.reportingCurrency, forPeople: forPeople)
        let position = analysis.position
        let labels = analysis.settings.buckets.labels
        var customers = ledger.customerOrder.filter {
            position.openTotal[$0] != 0 || position.unapplied[$0] != 0
        }
        customers.sort { position.openTotal[$0] > position.openTotal[$1] }
        if let top { customers = Array(customers.prefix(top)) }
        var table = TextTable(
            columns: ["customer_id", "name"] + labels + ["total", "unapplied", "net_balance"],
            alignments: [.left, .left] + Array(repeating: .right, count: labels.count + 3))
        var totals = [Int64](repeating: 0, count: labels.count + 3)
        for customer in customers {
            let amounts = Array(position.buckets(of: customer))
                + [position.openTotal[customer], position.unapplied[customer], position.netBalance(customer)]
            for (index, amount) in amounts.enumerated() { totals[index] += amount }
            table.rows.append(
                [ledger.customers.ids[customer], ledger.customers.names[customer]]
                    + amounts.map(money))
        }
        table.footer = ["Total", "\(customers.count) customers"] + totals.map(money)
        return table
    }

    /// The headline figures as label and value.
    /// Without history (an open-items source) the metrics that need it say so.
    public static func kpis(_ kpis: KPIs, rejectedRows: Int, hasHistory: Bool = true) -> TextTable {
        let rows = KPIRow.rows(kpis, rejectedRows: rejectedRows)
        return TextTable(
            columns: ["metric", "value"], alignments: [.left, .right],
            rows: rows.map { row in
                [row.metric, !hasHistory && KPIRow.historyMetrics.contains(row.metric) ? KPIRow.noHistory : row.value]
            })
    }

    /// Per-customer figures for the N customers with the largest AR.
    public static func customerKPIs(ledger: Ledger, analysis: AnalysisResult, top: Int, forPeople: Bool) -> TextTable {
        let money = moneyFormatter(ledger.reportingCurrency, forPeople: forPeople)
        let position = analysis.position
        let customers = ledger.customerOrder
            .filter { position.openTotal[$0] != 0 }
            .sorted { position.openTotal[$0] > position.openTotal[$1] }
            .prefix(top)
        var table = TextTable(
            columns: ["customer_id", "name", "total_ar", "past_due", "over_90", "disputed", "avg_days_to_pay", "avg_days_late"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right])
        for customer in customers {
            let current = position.buckets(of: customer).first ?? 0
            let settlement = analysis.settlementByCustomer[customer]
            table.rows.append([
                ledger.customers.ids[customer], ledger.customers.names[customer],
                money(position.openTotal[customer]), money(position.openTotal[customer] - current),
                money(position.over90[customer]), money(position.disputed[customer]),
                Format.ratio(settlement.averageDaysToPay), Format.ratio(settlement.averageDaysLate),
            ])
        }
        return table
    }

    static func moneyFormatter(_ currency: Currency, forPeople: Bool) -> (Int64) -> String {
        forPeople ? { Format.moneyGrouped($0, currency) } : { Format.money($0, currency) }
    }
}
