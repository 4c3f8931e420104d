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
        let expected = max(16, reader.estimatedRows(bytesPerRow: 60))
        table.ids = KeyIndex(capacity: expected)
        table.customer.reserveCapacity(expected)
        table.issue.reserveCapacity(expected)
        table.due.reserveCapacity(expected)
        table.amount.reserveCapacity(expected)
        table.currency.reserveCapacity(expected)
        let required = [id, customer, issue, amount]
        try reader.forEachRow { row in
            if let missing = row.firstMissing(in: required) {
                sink.add(row, missing.name, .missingRequired, "\(missing.name) is empty")
                return true
            }
            guard let issueDay = FieldCheck.date(row.value(issue)) else {
                sink.add(row, issue.name, .badDate, "issue_date \(row.text(issue)) is not a real YYYY-MM-DD day")
                return true
            }
            var dueDay: Day? = nil
            if !row.value(due).isEmpty {
                guard let day = FieldCheck.date(row.value(due)) else {
                    sink.add(row, due.name, .badDate, "due_date \(row.text(due)) is not a real YYYY-MM-DD day")
                    return true
                }
                dueDay = day
            }
            guard let customerIndex = resolver.resolve(row.value(customer)) else {
                sink.add(row, customer.name, .unknownCustomer, "customer_id \(row.text(customer)) is not in customers.csv")
                return true
            }
            let code = row.value(currency)
            let currencyIndex = code.isEmpty ? resolver.currency(of: customerIndex) : book.index(ofCode: code)
            let digits = currencyIndex.map { book.currencies[Int($0)].minorDigits } ?? book.minorDigits(ofCode: code)
            let minor: Int64
            switch FieldCheck.positiveAmount(row.value(amount), minorDigits: digits, currency: currencyName(code, currencyIndex, book)) {
            case .rejected(let reason, let message):
                sink.add(row, amount.name, reason, "amount \(row.text(amount)): \(message)")
                return true
            case .ok(let value):
                minor = value
            }
            guard let currencyIndex else {
                sink.add(row, currency.name, .noFXRate, "no fx rate for \(row.text(currency)) on or before the as-of date")
                return true
            }
            let dueDate = dueDay ?? issueDay + resolver.termsDays(of: customerIndex)
            if dueDate < issueDay {
                sink.add(row, due.name, .dueBeforeIssue, "due_date \(row.text(due)) is before issue_date \(row.text(issue))")
                return true
            }
            guard table.ids.insert(row.value(id)).inserted else {
                sink.add(row, id.name, .duplicateKey, "invoice_id \(row.text(id)) appears on an earlier row")
                return true
            }
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

    static func currencyName(_ code: UnsafeBufferPointer<UInt8>, _ index: Int16?, _ book: CurrencyBook) -> String {
        if let index { return book.currencies[Int(index)].code }
        return String(decoding: code, as: UTF8.self).uppercased()
    }
}
