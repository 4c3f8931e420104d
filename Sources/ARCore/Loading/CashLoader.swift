/// Payment and credit-note rows as read, before they are matched to invoices.
struct CashRows: Sendable {
    var customer: [Int32] = []
    var date: [Day] = []
    /// In `currency`'s minor units.
    var amount: [Int64] = []
    var currency: [Int16] = []
    var kind: [CashKind] = []
    /// invoice_id as written; empty = on account.
    var invoiceKey = ByteArena()
    /// payment_id or credit_id.
    var reference = ByteArena()
    var line: [Int32] = []

    var count: Int { customer.count }

    /// Appends `other`'s rows after these (credit notes loaded on another thread).
    mutating func append(_ other: CashRows) {
        customer.append(contentsOf: other.customer)
        date.append(contentsOf: other.date)
        amount.append(contentsOf: other.amount)
        currency.append(contentsOf: other.currency)
        kind.append(contentsOf: other.kind)
        invoiceKey.append(other.invoiceKey)
        reference.append(other.reference)
        line.append(contentsOf: other.line)
    }
}

/// Reads payments.csv and credit_notes.csv (SPEC sections 1, 2 and 7).
struct CashLoader {
    struct Result: Sendable {
        var rows: CashRows
        var resolver: CustomerResolver
        var rejects: [Reject]
        var summaries: [InputFileSummary]
    }

    static let paymentsFile = "payments.csv"
    static let creditNotesFile = "credit_notes.csv"

    /// Loads whichever of the two files exist (nil = absent). payments.csv comes as its hash, which
    /// another thread works on while this one parses (see SharedFileHash) and which names the file.
    /// `extraRows` more rows are reserved with the payments' (credit notes appended later).
    static func load(
        payments: SharedFileHash?, creditNotesPath: String?, book: CurrencyBook, resolver initial: CustomerResolver,
        progress: LoadProgress?, reservingExtraRows extraRows: Int = 0
    ) throws -> Result {
        var result = Result(rows: CashRows(), resolver: initial, rejects: [], summaries: [])
        if let payments {
            try loadPayments(payments, book: book, into: &result, progress: progress, extraRows: extraRows)
        }
        if let creditNotesPath {
            try loadCreditNotes(path: creditNotesPath, book: book, into: &result, progress: progress)
        }
        return result
    }

    private static func loadPayments(
        _ hash: SharedFileHash, book: CurrencyBook, into result: inout Result, progress: LoadProgress?, extraRows: Int
    ) throws {
        let reader = try CSVFileReader(path: hash.path, progress: progress, sharedHash: hash)
        let id = try ColumnRef(required: "payment_id", in: reader)
        let customer = try ColumnRef(required: "customer_id", in: reader)
        let invoice = ColumnRef(optional: "invoice_id", in: reader)
        let date = try ColumnRef(required: "date", in: reader)
        let amount = try ColumnRef(required: "amount", in: reader)
        let currency = ColumnRef(optional: "currency", in: reader)
        reserve(&result.rows, reader.estimatedRows(bytesPerRow: 50) + extraRows)
        var rows = CashRowReader(
            book: book, kind: .payment, header: reader.header.count,
            columns: (id, customer, invoice, date, amount, currency))
        let rejected = try rows.read(reader, into: &result)
        var summary = InputFileSummary(reader: reader, file: paymentsFile, rejected: rejected)
        summary.sha256 = try hash.finish()
        result.summaries.append(summary)
    }

    private static func loadCreditNotes(
        path: String, book: CurrencyBook, into result: inout Result, progress: LoadProgress?
    ) throws {
        let reader = try CSVFileReader(path: path, progress: progress)
        let id = try ColumnRef(required: "credit_id", in: reader)
        let customer = try ColumnRef(required: "customer_id", in: reader)
        let invoice = ColumnRef(optional: "invoice_id", in: reader)
        let date = try ColumnRef(required: "date", in: reader)
        let amount = try ColumnRef(required: "amount", in: reader)
        let expected = reader.estimatedRows(bytesPerRow: 40)
        reserve(&result.rows, result.rows.count + expected)
        // Credit notes are in the customer's currency (SPEC section 7): no currency column is read.
        var rows = CashRowReader(
            book: book, kind: .credit, header: reader.header.count,
            columns: (id, customer, invoice, date, amount, ColumnRef(absent: "currency")),
            // Credit ids in order (as exports often are) are checked for repeats without a hash table.
            seenIDs: KeyIndex(capacity: expected, deferringHash: true))
        let rejected = try rows.read(reader, into: &result)
        result.summaries.append(InputFileSummary(reader: reader, file: creditNotesFile, rejected: rejected))
    }

    /// Reserves room for `expected` rows in all (not `expected` more).
    private static func reserve(_ rows: inout CashRows, _ expected: Int) {
        rows.customer.reserveCapacity(expected)
        rows.date.reserveCapacity(expected)
        rows.amount.reserveCapacity(expected)
        rows.currency.reserveCapacity(expected)
        rows.kind.reserveCapacity(expected)
        rows.line.reserveCapacity(expected)
        rows.invoiceKey.reserve(strings: expected, bytes: expected * 11)
        rows.reference.reserve(strings: expected, bytes: expected * 11)
    }
}

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
    /// Whether a row whose id an earlier valid row has is rejected (credit notes).
    let rejectsRepeatedIDs: Bool
    /// The ids of earlier valid rows, when repeats are rejected.
    var seenIDs: KeyIndex
    let columns: Columns
    let required: RequiredColumns
    private let fields: PlainFields
    /// Positions in `fields` of id, customer, invoice, date, amount and currency.
    private let at: (id: Int, customer: Int, invoice: Int, date: Int, amount: Int, currency: Int)

    init(book: CurrencyBook, kind: CashKind, header width: Int, columns: Columns, seenIDs: KeyIndex? = nil) {
        rejectsRepeatedIDs = seenIDs != nil
        self.seenIDs = seenIDs ?? KeyIndex()
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
        guard !id.isEmpty, !customer.isEmpty, !amount.isEmpty, !PlainRecord.hasBlankEdge(id),
            !PlainRecord.hasBlankEdge(customer), !PlainRecord.hasBlankEdge(invoice), !PlainRecord.hasBlankEdge(amount),
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

/// Cash rows' values, 16 rows at a time, appended to their columns and arenas in bulk: appending
/// each value to its column checked that column's uniqueness on every row (eight calls a row
/// through the PLT, the ids' with a copy each).
struct StagedCashRows {
    static let capacity = 16
    private var count = 0
    private let customer = FixedSlots<Int32>(Self.capacity, repeating: 0)
    private let date = FixedSlots<Day>(Self.capacity, repeating: 0)
    private let amount = FixedSlots<Int64>(Self.capacity, repeating: 0)
    private let currency = FixedSlots<Int16>(Self.capacity, repeating: 0)
    private let kind = FixedSlots<CashKind>(Self.capacity, repeating: .payment)
    private let line = FixedSlots<Int32>(Self.capacity, repeating: 0)
    private var invoiceKeys = StagedStrings(capacity: Self.capacity)
    private var references = StagedStrings(capacity: Self.capacity)

    /// Stages one row's values, its ids (which may lie in the reader's buffer) copied; a full
    /// batch goes to `rows` at once (flush after the last row).
    mutating func add(
        customer: Int32, date: Day, amount: Int64, currency: Int16, kind: CashKind,
        invoice invoiceKey: UnsafeBufferPointer<UInt8>, reference: UnsafeBufferPointer<UInt8>, line: Int,
        flushingInto rows: inout CashRows
    ) {
        if !invoiceKeys.fits(invoiceKey) || !references.fits(reference) { flush(into: &rows) }
        let direct = !invoiceKeys.fits(invoiceKey) || !references.fits(reference)
        if direct {
            // Ids longer than the staging room: everything before them is flushed, so they go to
            // their arenas now, first, as the row's other values go first into the next batch.
            rows.invoiceKey.append(invoiceKey)
            rows.reference.append(reference)
        } else {
            invoiceKeys.add(invoiceKey)
            references.add(reference)
        }
        self.customer[count] = customer
        self.date[count] = date
        self.amount[count] = amount
        self.currency[count] = currency
        self.kind[count] = kind
        self.line[count] = Int32(truncatingIfNeeded: line)
        count += 1
        if count == StagedCashRows.capacity { flush(into: &rows) }
    }

    /// Appends the staged rows to `rows`' columns, in order.
    mutating func flush(into rows: inout CashRows) {
        rows.customer.append(contentsOf: customer.prefix(count))
        rows.date.append(contentsOf: date.prefix(count))
        rows.amount.append(contentsOf: amount.prefix(count))
        rows.currency.append(contentsOf: currency.prefix(count))
        rows.kind.append(contentsOf: kind.prefix(count))
        rows.line.append(contentsOf: line.prefix(count))
        invoiceKeys.flush(into: &rows.invoiceKey)
        references.flush(into: &rows.reference)
        count = 0
    }
}
