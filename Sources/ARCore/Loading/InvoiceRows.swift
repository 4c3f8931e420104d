/// The invoices loader's work per row (see CSVRowHandler): the same checks, in SPEC section 7's
/// order, on a plain record read straight from the buffer or on a record scanned in full.
struct InvoiceRows: CSVRowHandler {
    typealias Columns = (
        id: ColumnRef, customer: ColumnRef, issue: ColumnRef, due: ColumnRef, amount: ColumnRef, currency: ColumnRef
    )

    let book: CurrencyBook
    var resolver: CustomerResolver
    var table = InvoiceTable()
    var sink = RejectSink(file: InvoicesLoader.file)
    var staged = StagedInvoices()
    let columns: Columns
    let required: RequiredColumns
    private let fields: PlainFields
    /// Positions in `fields` of id, customer, issue, due, amount and currency.
    private let at: (id: Int, customer: Int, issue: Int, due: Int, amount: Int, currency: Int)

    /// `expected` rows are reserved: about 50 bytes a row of the file.
    init(book: CurrencyBook, resolver: CustomerResolver, header width: Int, columns: Columns, expected: Int) {
        self.book = book
        self.resolver = resolver
        // Reserving avoids regrowing millions of entries. Exports are often sorted by invoice id:
        // while they are, the duplicate check needs no hash table.
        table.ids = KeyIndex(capacity: expected, deferringHash: true)
        table.customer.reserveCapacity(expected)
        table.issue.reserveCapacity(expected)
        table.due.reserveCapacity(expected)
        table.amount.reserveCapacity(expected)
        table.currency.reserveCapacity(expected)
        self.columns = columns
        required = RequiredColumns([columns.id, columns.customer, columns.issue, columns.amount])
        let fields = PlainFields(headerWidth: width)
        self.fields = fields
        at = (
            fields.position(of: columns.id), fields.position(of: columns.customer), fields.position(of: columns.issue),
            fields.position(of: columns.due), fields.position(of: columns.amount), fields.position(of: columns.currency)
        )
    }

    mutating func plainRow(_ record: inout PlainRecord) -> Bool {
        guard fields.read(&record) else { return false }
        let id = fields[at.id]
        let customer = fields[at.customer]
        let issue = fields[at.issue]
        let due = fields[at.due]
        let amount = fields[at.amount]
        let currency = fields[at.currency]
        // Declined before anything is looked up, as `row` rejects it first: an empty required value.
        // (A blank edge on the amount declines too: an amount of blanks only is empty to `row`.)
        guard PlainRecord.isPlainRequired(id), PlainRecord.isPlainRequired(customer),
            PlainRecord.isPlainRequired(amount), let issueDay = sink.days.day(issue)
        else { return false }
        var dueDay: Day? = nil
        if !due.isEmpty {
            guard let day = sink.days.day(due) else { return false }
            dueDay = day
        }
        // Without customers.csv, resolving adds the customer, as `row` would at this point.
        guard let customerIndex = resolver.resolve(customer) else { return false }
        let rowCurrency = RowCurrency(code: currency, default: resolver.currency(of: customerIndex), book: book)
        guard case .ok(let minor) = FieldCheck.positiveAmount(amount, minorDigits: rowCurrency.digits, currency: ""),
            let currencyIndex = rowCurrency.index
        else { return false }
        let dueDate = dueDay ?? issueDay + resolver.termsDays(of: customerIndex)
        guard dueDate >= issueDay else { return false }
        stage(
            recordInBuffer: record.raw, raw: Array(record.raw), key: id, line: record.line,
            values: (customerIndex, issueDay, dueDate, minor, currencyIndex))
        return true
    }

    mutating func row(_ row: CSVRow) throws -> Bool {
        let (_, customer, issue, due, amount, currency) = columns
        guard sink.hasValues(row, required), let issueDay = sink.day(row, issue) else { return true }
        var dueDay: Day? = nil
        switch sink.optionalDay(row, due) {
        case .rejected: return true
        case .day(let day): dueDay = day
        case .empty: break
        }
        guard let customerIndex = sink.customer(row, customer, &resolver) else { return true }
        let rowCurrency = RowCurrency(
            code: row.value(currency), default: resolver.currency(of: customerIndex), book: book)
        guard let minor = sink.positiveAmount(row, amount, rowCurrency, book),
            let currencyIndex = sink.rated(row, currency, rowCurrency)
        else { return true }
        let dueDate = dueDay ?? issueDay + resolver.termsDays(of: customerIndex)
        if dueDate < issueDay {
            sink.add(
                row, due.name, .dueBeforeIssue, "due_date \(row.text(due)) is before issue_date \(row.text(issue))")
            return true
        }
        stage(
            recordInBuffer: row.rawInBuffer, raw: row.raw, key: row.value(columns.id), line: row.line,
            values: (customerIndex, issueDay, dueDate, minor, currencyIndex))
        return true
    }

    /// The duplicate check waits in a small batch whose slots are prefetched now (see StagedInvoices).
    private mutating func stage(
        recordInBuffer: UnsafeBufferPointer<UInt8>?, raw: @autoclosure () -> [UInt8], key: UnsafeBufferPointer<UInt8>,
        line: Int, values: StagedInvoices.Values
    ) {
        staged.add(recordInBuffer: recordInBuffer, raw: raw(), key: key, line: line, values: values, index: &table.ids)
        if staged.isFull { staged.flush(into: &table, sink: &sink, idColumn: columns.id) }
    }
}
