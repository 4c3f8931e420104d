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
            columns: (id, customer, invoice, date, amount, ColumnRef(absent: "currency")), expectedRows: expected)
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
