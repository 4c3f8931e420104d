/// The cash loaders' work per row of payments.csv or credit_notes.csv (see CSVRowHandler): the
/// same checks, in SPEC section 7's order, on a plain record read straight from the buffer or on
/// a record scanned in full. Credit notes also have their ids checked for repeats (`seenIDs`);
/// their currency is always the customer's (an absent currency column).
struct CashRowReader: CSVRowHandler {
    typealias Columns = (
        id: ColumnRef, customer: ColumnRef, invoice: ColumnRef, date: ColumnRef, amount: ColumnRef,
        currency: ColumnRef
    )

    let book: CurrencyBook
    let kind: CashKind
    /// The loader's, swapped in and out.
    var resolver = CustomerResolver(known: nil, table: CustomerTable())
    var rows = CashRows()
    var sink: RejectSink
    var staged = StagedCashRows()
    /// The ids of earlier valid rows, when repeats are rejected (`rejectsRepeatedIDs`).
    var seenIDs: KeyIndex
    let columns: Columns
    let required: RequiredColumns
    private let fields: PlainFields
    /// Positions in `fields` of id, customer, invoice, date, amount and currency.
    private let at: (id: Int, customer: Int, invoice: Int, date: Int, amount: Int, currency: Int)

    /// `expectedRows` sizes the credit ids' index; credit ids in order (as exports often are)
    /// are checked for repeats without a hash table.
    init(book: CurrencyBook, kind: CashKind, header width: Int, columns: Columns, expectedRows: Int = 0) {
        seenIDs = kind == .credit ? KeyIndex(capacity: expectedRows, deferringHash: true) : KeyIndex()
        self.book = book
        self.kind = kind
        sink = RejectSink(file: kind == .payment ? CashLoader.paymentsFile : CashLoader.creditNotesFile)
        self.columns = columns
        required = RequiredColumns([columns.id, columns.customer, columns.date, columns.amount])
        let fields = PlainFields(headerWidth: width)
        self.fields = fields
        at = (
            fields.position(of: columns.id), fields.position(of: columns.customer),
            fields.position(of: columns.invoice),
            fields.position(of: columns.date), fields.position(of: columns.amount),
            fields.position(of: columns.currency)
        )
    }

    /// A row whose id an earlier valid row has is rejected: credit ids are keys, payment ids not.
    private var rejectsRepeatedIDs: Bool { kind == .credit }

    /// Reads every row of `reader` into `result`'s rows (with its resolver); returns the rows rejected.
    mutating func read(_ reader: CSVFileReader, into result: inout CashLoader.Result) throws -> Int {
        // Swapped in and out, not copied: a copy would be copied again on the first append.
        swap(&rows, &result.rows)
        swap(&resolver, &result.resolver)
        defer {
            swap(&rows, &result.rows)
            swap(&resolver, &result.resolver)
        }
        try reader.forEachRow(&self)
        staged.flush(into: &rows)
        result.rejects += sink.rejects
        return sink.rejects.count
    }

    mutating func plainRow(_ record: inout PlainRecord) -> Bool {
        guard fields.read(&record) else { return false }
        let id = fields[at.id]
        let customer = fields[at.customer]
        let invoice = fields[at.invoice]
        let amount = fields[at.amount]
        // Declined before anything is looked up, as `row` rejects it first: an empty required value.
        // (A blank edge on the amount declines too: an amount of blanks only is empty to `row`.)
        guard PlainRecord.isPlainRequired(id), PlainRecord.isPlainRequired(customer),
            PlainRecord.isPlainRequired(amount), !PlainRecord.hasBlankEdge(invoice),
            let day = sink.days.day(fields[at.date]),
            // Without customers.csv, resolving adds the customer, as `row` would at this point.
            let customerIndex = resolver.resolve(customer)
        else { return false }
        let rowCurrency = RowCurrency(
            code: fields[at.currency], default: resolver.currency(of: customerIndex), book: book)
        guard case .ok(let minor) = FieldCheck.positiveAmount(amount, minorDigits: rowCurrency.digits, currency: ""),
            let currencyIndex = rowCurrency.index
        else { return false }
        // A repeated id declines, leaving the ids as they were: `row` then rejects it.
        if rejectsRepeatedIDs, !seenIDs.insert(id).inserted { return false }
        staged.add(
            customer: customerIndex, date: day, amount: minor, currency: currencyIndex, kind: kind,
            invoice: invoice, reference: id, line: record.line, flushingInto: &rows)
        return true
    }

    mutating func row(_ row: CSVRow) throws -> Bool {
        guard sink.hasValues(row, required), let day = sink.day(row, columns.date),
            let customerIndex = sink.customer(row, columns.customer, &resolver)
        else { return true }
        let rowCurrency = RowCurrency(
            code: row.value(columns.currency), default: resolver.currency(of: customerIndex), book: book)
        guard let minor = sink.positiveAmount(row, columns.amount, rowCurrency, book),
            let currencyIndex = sink.rated(row, columns.currency, rowCurrency)
        else { return true }
        if rejectsRepeatedIDs, !sink.isNewKey(row, columns.id, in: &seenIDs) { return true }
        staged.add(
            customer: customerIndex, date: day, amount: minor, currency: currencyIndex, kind: kind,
            invoice: row.value(columns.invoice), reference: row.value(columns.id), line: row.line,
            flushingInto: &rows)
        return true
    }
}
