import ARAnalysis
import ARCore

/// The machine-readable CSV outputs of SPEC section 6, rendered to bytes.
public enum OutputTables {
    /// kpis.csv: `metric,value`.
    public static func kpis(_ rows: [KPIRow]) -> [UInt8] {
        var csv = CSVBuffer()
        csv.header(["metric", "value"])
        for row in rows {
            csv.field(row.metric)
            csv.field(row.value)
            csv.endRow()
        }
        return csv.bytes
    }

    /// aging_summary.csv: one row per customer with a non-zero total or unapplied cash, by customer_id.
    public static func agingSummary(ledger: Ledger, analysis: AnalysisResult) -> [UInt8] {
        let currency = ledger.reportingCurrency
        let digits = currency.minorDigits
        let position = analysis.position
        let customers = ledger.customers
        let toReporting = ledger.toReporting
        var csv = CSVBuffer(capacity: customers.count * 128 + 256)
        csv.header(
            ["customer_id", "name"] + analysis.settings.buckets.labels + [
                "total", "unapplied", "net_balance", "credit_limit",
            ])
        for customer in ledger.customerOrder
        where position.openTotal[customer] != 0 || position.unapplied[customer] != 0 {
            csv.field(customers.ids[customer])
            csv.field(customers.names[customer])
            for amount in position.buckets(of: customer) { csv.money(amount, digits: digits) }
            csv.money(position.openTotal[customer], digits: digits)
            csv.money(position.unapplied[customer], digits: digits)
            csv.money(position.netBalance(customer), digits: digits)
            if let limit = customers.creditLimit[customer],
                let converted = toReporting[Int(customers.currency[customer])].convert(limit)
            {
                csv.money(converted, digits: digits)
            } else {
                csv.field("")
            }
            csv.endRow()
        }
        return csv.bytes
    }

    /// aging_detail.csv: open invoices at T, by customer, due date, invoice.
    /// The largest output (every open invoice): ids are copied as bytes, nothing is allocated per row.
    /// Written into `csv`, a buffer or a file as it is made (`CSVBuffer(streamingTo:)`).
    static func agingDetail(ledger: Ledger, analysis: AnalysisResult, into csv: inout CSVBuffer) {
        let digits = ledger.reportingCurrency.minorDigits
        let invoices = ledger.invoices
        let labels = analysis.settings.buckets.labels
        let toReporting = ledger.toReporting
        let customerIDs = ledger.customers.ids
        csv.header([
            "invoice_id", "customer_id", "issue_date", "due_date", "days_past_due", "bucket", "amount", "open_amount",
            "disputed",
        ])
        // Items come by customer: the customer's field is prepared once per customer, the
        // bucket labels and flags once per file.
        let bucketFields = labels.map(CSVBuffer.prepared)
        let flagFields = [CSVBuffer.prepared("false"), CSVBuffer.prepared("true")]
        var customer = -1
        var customerField: [UInt8] = []
        for item in analysis.position.openItems {
            let invoice = Int(item.invoice)
            invoices.ids.withKey(invoice) { csv.field(utf8: $0) }
            if Int(item.customer) != customer {
                customer = Int(item.customer)
                customerField = CSVBuffer.prepared(customerIDs[customer])
            }
            csv.field(prepared: customerField)
            csv.date(invoices.issue[invoice])
            csv.date(invoices.due[invoice])
            csv.integer(Int(item.daysPastDue))
            csv.field(prepared: bucketFields[item.bucket])
            csv.money(
                toReporting[Int(invoices.currency[invoice])].convert(invoices.amount[invoice]) ?? 0, digits: digits)
            csv.money(item.open, digits: digits)
            csv.field(prepared: flagFields[item.disputed ? 1 : 0])
            csv.endRow()
        }
    }

    /// trend.csv: date, total_ar, one column per bucket, dso, cei.
    public static func trend(ledger: Ledger, analysis: AnalysisResult) -> [UInt8] {
        let digits = ledger.reportingCurrency.minorDigits
        var csv = CSVBuffer()
        csv.header(["date", "total_ar"] + analysis.settings.buckets.labels + ["dso", "cei"])
        for point in analysis.trend {
            csv.date(point.date)
            csv.money(point.totalAR, digits: digits)
            for amount in point.buckets { csv.money(amount, digits: digits) }
            csv.ratio(point.dso)
            csv.ratio(point.cei)
            csv.endRow()
        }
        return csv.bytes
    }

    /// rejects.csv: file, line, column, reason, message, record (the raw record).
    public static func rejects(_ rejects: [Reject]) -> [UInt8] {
        var csv = CSVBuffer()
        csv.header(["file", "line", "column", "reason", "message", "record"])
        for reject in rejects {
            csv.field(reject.file)
            csv.integer(reject.line)
            csv.field(reject.column)
            csv.field(reject.reason.rawValue)
            csv.field(reject.message)
            csv.field(bytes: reject.record)
            csv.endRow()
        }
        return csv.bytes
    }

    /// unapplied.csv: every unapplied item at T (on account, unknown invoice, prepayment, excess).
    /// Written into `csv`, a buffer or a file as it is made (`CSVBuffer(streamingTo:)`).
    static func unapplied(ledger: Ledger, analysis: AnalysisResult, into csv: inout CSVBuffer) {
        let digits = ledger.reportingCurrency.minorDigits
        csv.header(["customer_id", "source", "reference", "date", "amount"])
        for item in analysis.position.unappliedItems {
            csv.field(ledger.customers.ids[Int(item.customer)])
            csv.field(item.source.rawValue)
            csv.field(item.reference)
            csv.date(item.date)
            csv.money(item.amount, digits: digits)
            csv.endRow()
        }
    }

    /// rollforward.csv: the per-currency roll-forward over the DSO window, in each currency's own units.
    public static func rollForward(_ lines: [RollForwardLine]) -> [UInt8] {
        var csv = CSVBuffer()
        csv.header(["currency", "opening_net_ar", "invoiced", "collected", "credited", "closing_net_ar"])
        for line in lines {
            let digits = line.currency.minorDigits
            csv.field(line.currency.code)
            for amount in [line.openingNetAR, line.invoiced, line.collected, line.credited, line.closingNetAR] {
                csv.money(amount, digits: digits)
            }
            csv.endRow()
        }
        return csv.bytes
    }
}
