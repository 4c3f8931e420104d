import ARAnalysis
import ARCore

extension OutputTables {
    /// worklist.csv: customers that reached a policy stage, by priority descending, then customer_id
    /// (docs/METRICS.md, "Collections worklist"). `stage` numbers the policy's stages from 1.
    /// Written into `csv`, a buffer or a file as it is made (`CSVBuffer(streamingTo:)`).
    static func worklist(ledger: Ledger, analysis: AnalysisResult, into csv: inout CSVBuffer) {
        let digits = ledger.reportingCurrency.minorDigits
        let customers = ledger.customers
        csv.header([
            "customer_id", "name", "stage", "action", "oldest_invoice", "days_past_due", "past_due_amount",
            "risk_score", "risk_band", "priority", "email", "phone",
        ])
        // Read in place: copying an item (its action is a string) or the invoice table
        // (a dozen arrays) per row cost more reference counting than the row's formatting.
        let invoiceIDs = ledger.invoices.ids
        let worklist = analysis.worklist
        // Rows come by priority, so their invoice ids are spread over the whole arena, and their
        // customers over the customer table: each id is prefetched (its start, then its bytes)
        // and each customer's slots a few rows before they are written.
        let count = worklist.count
        for index in worklist.indices {
            if index + 16 < count { invoiceIDs.prefetchStart(Int(worklist[index + 16].oldestInvoice)) }
            if index + 8 < count {
                invoiceIDs.prefetchKey(Int(worklist[index + 8].oldestInvoice))
                customers.prefetchRow(worklist[index + 8].customer)
            }
            let customer = worklist[index].customer
            csv.field(customers.ids[customer])
            csv.field(customers.names[customer])
            csv.integer(worklist[index].stage + 1)
            csv.field(worklist[index].action)
            invoiceIDs.withKey(Int(worklist[index].oldestInvoice)) { csv.field(utf8: $0) }
            csv.integer(Int(worklist[index].daysPastDue))
            csv.money(worklist[index].pastDueAmount, digits: digits)
            if let risk = worklist[index].risk {
                csv.money(Int64(risk.scoreTenths), digits: 1)  // Format.score, without a String
                csv.field(risk.band.rawValue)
            } else {
                csv.field("")
                csv.field("")
            }
            csv.money(worklist[index].priority, digits: digits)
            csv.field(customers.emails[customer])
            csv.field(customers.phones[customer])
            csv.endRow()
        }
    }

    /// credit_holds.csv: by customer_id; reasons joined by `;` (docs/METRICS.md, "Credit holds").
    /// Written into `csv`, a buffer or a file as it is made (`CSVBuffer(streamingTo:)`).
    static func creditHolds(ledger: Ledger, analysis: AnalysisResult, into csv: inout CSVBuffer) {
        let digits = ledger.reportingCurrency.minorDigits
        let customers = ledger.customers
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
    }
}
