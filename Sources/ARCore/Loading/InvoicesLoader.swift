/// Reads invoices.csv into columns, validating each row (SPEC sections 2 and 7).
struct InvoicesLoader {
    struct Result: Sendable {
        var table: InvoiceTable
        /// Customer indices in `table` are this resolver's.
        var resolver: CustomerResolver
        var rejects: [Reject]
        var summary: InputFileSummary
    }

    static let file = "invoices.csv"

    static func load(
        path: String, book: CurrencyBook, resolver initial: CustomerResolver, progress: LoadProgress?
    ) throws -> Result {
        let reader = try CSVFileReader(path: path, progress: progress)
        let id = try ColumnRef(required: "invoice_id", in: reader)
        let customer = try ColumnRef(required: "customer_id", in: reader)
        let issue = try ColumnRef(required: "issue_date", in: reader)
        let due = ColumnRef(optional: "due_date", in: reader)
        let amount = try ColumnRef(required: "amount", in: reader)
        let currency = ColumnRef(optional: "currency", in: reader)
        var sink = RejectSink(file: file)
        var resolver = initial
        var table = InvoiceTable()
        // About 60 bytes a row: reserving avoids regrowing millions of entries.
        let expected = max(16, reader.estimatedRows(bytesPerRow: 50))
        table.ids = KeyIndex(capacity: expected)
        table.customer.reserveCapacity(expected)
        table.issue.reserveCapacity(expected)
        table.due.reserveCapacity(expected)
        table.amount.reserveCapacity(expected)
        table.currency.reserveCapacity(expected)
        let required = [id, customer, issue, amount]
        try reader.forEachRow { row in
            guard sink.hasValues(row, required), let issueDay = sink.day(row, issue) else { return true }
            var dueDay: Day? = nil
            switch sink.optionalDay(row, due) {
            case .rejected: return true
            case .day(let day): dueDay = day
            case .empty: break
            }
            guard let customerIndex = sink.customer(row, customer, &resolver) else { return true }
            let rowCurrency = RowCurrency(code: row.value(currency), default: resolver.currency(of: customerIndex), book: book)
            guard let minor = sink.positiveAmount(row, amount, rowCurrency, book),
                let currencyIndex = sink.rated(row, currency, rowCurrency)
            else { return true }
            let dueDate = dueDay ?? issueDay + resolver.termsDays(of: customerIndex)
            if dueDate < issueDay {
                sink.add(row, due.name, .dueBeforeIssue, "due_date \(row.text(due)) is before issue_date \(row.text(issue))")
                return true
            }
            guard sink.isNewKey(row, id, in: &table.ids) else { return true }
            table.customer.append(customerIndex)
            table.issue.append(issueDay)
            table.due.append(dueDate)
            table.amount.append(minor)
            table.currency.append(currencyIndex)
            return true
        }
        return Result(
            table: table, resolver: resolver, rejects: sink.rejects,
            summary: InputFileSummary(reader: reader, file: file, rejected: sink.rejects.count))
    }
}
