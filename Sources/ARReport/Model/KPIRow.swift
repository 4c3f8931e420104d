import ARAnalysis
import ARCore

/// One headline figure, formatted for output: `metric` is the kpis.csv key.
public struct KPIRow: Sendable, Equatable {
    public var metric: String
    public var label: String
    public var value: String

    /// The rows of kpis.csv, in order (SPEC section 6 plus the countback flag).
    /// What people see for a metric an open-items source cannot give (docs/METRICS.md, "Profiles").
    public static let noHistory = "n/a (open-items source: no history)"

    /// The metrics that need payment history: empty in kpis.csv for an open-items source.
    public static let historyMetrics: Set<String> = [
        "sales_window", "dso", "dso_countback", "dso_countback_lower_bound", "bpdso", "add", "cei", "turnover",
        "avg_days_to_pay", "avg_days_late",
    ]

    /// The rows of kpis.csv; without history the history metrics are empty and a
    /// `history_available,false` row follows.
    public static func rows(_ kpis: KPIs, rejectedRows: Int, hasHistory: Bool) -> [KPIRow] {
        let all = rows(kpis, rejectedRows: rejectedRows)
        guard !hasHistory else { return all }
        return all.map { row in
            var row = row
            if historyMetrics.contains(row.metric) { row.value = "" }
            return row
        } + [KPIRow(metric: "history_available", label: "Payment history in the source", value: "false")]
    }

    public static func rows(_ kpis: KPIs, rejectedRows: Int) -> [KPIRow] {
        let currency = kpis.currency
        func money(_ minor: Int64) -> String { Format.money(minor, currency) }
        return [
            KPIRow(metric: "as_of", label: "As of", value: Format.date(kpis.asOf)),
            KPIRow(metric: "currency", label: "Currency", value: currency.code),
            KPIRow(metric: "total_ar", label: "Total AR", value: money(kpis.totalAR)),
            KPIRow(metric: "current_ar", label: "Current AR", value: money(kpis.currentAR)),
            KPIRow(metric: "past_due_ar", label: "Past due AR", value: money(kpis.pastDueAR)),
            KPIRow(metric: "over_90_ar", label: "Over 90 days", value: money(kpis.over90AR)),
            KPIRow(metric: "disputed_ar", label: "Disputed AR", value: money(kpis.disputedAR)),
            KPIRow(metric: "unapplied", label: "Unapplied cash", value: money(kpis.unapplied)),
            KPIRow(metric: "sales_window", label: "Sales in DSO window", value: money(kpis.salesWindow)),
            KPIRow(metric: "dso", label: "DSO", value: Format.ratio(kpis.dso)),
            KPIRow(metric: "dso_countback", label: "Countback DSO", value: Format.ratio(kpis.dsoCountback.days)),
            KPIRow(
                metric: "dso_countback_lower_bound", label: "Countback DSO is a lower bound",
                value: kpis.dsoCountback.isLowerBound ? "true" : "false"),
            KPIRow(metric: "bpdso", label: "Best possible DSO", value: Format.ratio(kpis.bpdso)),
            KPIRow(metric: "add", label: "Average days delinquent", value: Format.ratio(kpis.add)),
            KPIRow(metric: "cei", label: "Collection effectiveness (CEI %)", value: Format.ratio(kpis.cei)),
            KPIRow(metric: "turnover", label: "AR turnover", value: Format.ratio(kpis.turnover)),
            KPIRow(metric: "avg_days_to_pay", label: "Avg days to pay", value: Format.ratio(kpis.avgDaysToPay)),
            KPIRow(metric: "avg_days_late", label: "Avg days late", value: Format.ratio(kpis.avgDaysLate)),
            KPIRow(metric: "customers_with_balance", label: "Customers with a balance", value: String(kpis.customersWithBalance)),
            KPIRow(metric: "rejected_rows", label: "Rejected rows", value: String(rejectedRows)),
        ]
    }
}
