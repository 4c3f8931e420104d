import ARAnalysis
import ARCore

extension OutputTables {
    /// worklist.csv: customers that reached a policy stage, by priority descending, then customer_id
    /// (docs/METRICS.md, "Collections worklist"). `stage` numbers the policy's stages from 1.
    public static func worklist(ledger: Ledger, analysis: AnalysisResult) -> [UInt8] {
        let digits = ledger.reportingCurrency.minorDigits
        let customers = ledger.customers
        var csv = CSVBuffer()
        csv.header([
            "customer_id", "name", "stage", "action", "oldest_invoice", "days_past_due", "past_due_amount", "risk_score",
            "risk_band", "priority", "email", "phone",
        ])
        for item in analysis.worklist {
            csv.field(customers.ids[item.customer])
            csv.field(customers.names[item.customer])
            csv.integer(item.stage + 1)
            csv.field(item.action)
            ledger.invoices.ids.withKey(Int(item.oldestInvoice)) { csv.field(utf8: $0) }
            csv.integer(Int(item.daysPastDue))
            csv.money(item.pastDueAmount, digits: digits)
            csv.field(item.risk.map { Format.score(tenths: $0.scoreTenths) } ?? "")
            csv.field(item.risk?.band.rawValue ?? "")
            csv.money(item.priority, digits: digits)
            csv.field(customers.emails[item.customer])
            csv.field(customers.phones[item.customer])
            csv.endRow()
        }
        return csv.bytes
    }

    /// credit_holds.csv: by customer_id; reasons joined by `;` (docs/METRICS.md, "Credit holds").
    public static func creditHolds(ledger: Ledger, analysis: AnalysisResult) -> [UInt8] {
        let digits = ledger.reportingCurrency.minorDigits
        let customers = ledger.customers
        var csv = CSVBuffer()
        csv.header(["customer_id", "name", "reason", "net_balance", "credit_limit", "days_past_due"])
        for hold in analysis.creditHolds {
            csv.field(customers.ids[hold.customer])
            csv.field(customers.names[hold.customer])
            csv.field(hold.reasons.map(\.rawValue).joined(separator: ";"))
            csv.money(hold.netBalance, digits: digits)
            if let limit = hold.creditLimit { csv.money(limit, digits: digits) } else { csv.field("") }
            if let days = hold.daysPastDue { csv.integer(Int(days)) } else { csv.field("") }
            csv.endRow()
        }
        return csv.bytes
    }
}
