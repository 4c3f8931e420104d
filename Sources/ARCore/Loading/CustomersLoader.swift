#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads customers.csv into a customer table and its id index.
struct CustomersLoader {
    struct Result {
        var table: CustomerTable
        var index: KeyIndex
        var rejects: [Reject]
        var summary: InputFileSummary
    }

    static let file = "customers.csv"
    static let defaultTermsDays: Int32 = 30

    static func load(path: String, book: CurrencyBook, progress: LoadProgress?) throws -> Result {
        let reader = try CSVFileReader(path: path, progress: progress)
        let id = try ColumnRef(required: "customer_id", in: reader)
        let name = ColumnRef(optional: "name", in: reader)
        let segment = ColumnRef(optional: "segment", in: reader)
        let region = ColumnRef(optional: "region", in: reader)
        let currency = ColumnRef(optional: "currency", in: reader)
        let creditLimit = ColumnRef(optional: "credit_limit", in: reader)
        let terms = ColumnRef(optional: "terms_days", in: reader)
        // Contact columns for the collections worklist: free text, never validated.
        let email = ColumnRef(optional: "email", in: reader)
        let phone = ColumnRef(optional: "phone", in: reader)
        // Sized from the file (rows run 40 to 80 bytes), so the table does not regrow as it fills.
        // Ids in order (customers.csv is usually sorted) are checked for repeats without the
        // table, which is then built in one prefetched pass: the rows' lookups need it.
        let expected = reader.estimatedRows(bytesPerRow: 40)
        var rows = CustomerRows(
            book: book, header: reader.header.count,
            columns: (id, name, segment, region, currency, creditLimit, terms, email, phone),
            index: KeyIndex(capacity: expected, deferringHash: true))
        rows.table.reserveCapacity(expected)
        try reader.forEachRow(&rows)
        rows.index.buildHash()
        return Result(
            table: rows.table, index: rows.index, rejects: rows.sink.rejects,
            summary: InputFileSummary(reader: reader, file: file, rejected: rows.sink.rejects.count))
    }
}

/// customers.csv's work per row (see CSVRowHandler), on a plain record read straight from the
/// buffer or on a record scanned in full. A plain record's values are trimmed as `CSVRow.value`
/// trims them, and one that fails a check is declined, for `row` to reject it.
struct CustomerRows: CSVRowHandler {
    typealias Columns = (
        id: ColumnRef, name: ColumnRef, segment: ColumnRef, region: ColumnRef, currency: ColumnRef,
        creditLimit: ColumnRef, terms: ColumnRef, email: ColumnRef, phone: ColumnRef
    )

    let book: CurrencyBook
    var table = CustomerTable()
    var index: KeyIndex
    var sink = RejectSink(file: CustomersLoader.file)
    let columns: Columns
    private let fields: PlainFields
    /// Positions in `fields` of the columns.
    private let at:
        (
            id: Int, name: Int, segment: Int, region: Int, currency: Int, creditLimit: Int, terms: Int, email: Int,
            phone: Int
        )

    init(book: CurrencyBook, header width: Int, columns: Columns, index: KeyIndex) {
        self.book = book
        self.columns = columns
        self.index = index
        let fields = PlainFields(headerWidth: width)
        self.fields = fields
        at = (
            fields.position(of: columns.id), fields.position(of: columns.name), fields.position(of: columns.segment),
            fields.position(of: columns.region), fields.position(of: columns.currency),
            fields.position(of: columns.creditLimit), fields.position(of: columns.terms),
            fields.position(of: columns.email), fields.position(of: columns.phone)
        )
    }

    /// What a row's checked values give, or the first check it fails (SPEC section 7's order).
    private enum Checked {
        case valid(currency: Int16, creditLimit: Int64?, termsDays: Int32)
        case badCreditLimit(digits: Int)
        case badTerms
        case noRate
    }

    /// The checks after the id's: credit limit, terms, then the currency's rate.
    private func check(
        currency code: UnsafeBufferPointer<UInt8>, creditLimit: UnsafeBufferPointer<UInt8>,
        terms: UnsafeBufferPointer<UInt8>
    ) -> Checked {
        let digits = code.isEmpty ? book.currencies[0].minorDigits : book.minorDigits(ofCode: code)
        var limit: Int64? = nil
        if !creditLimit.isEmpty {
            guard case .value(let minor) = MinorUnits.parse(creditLimit, minorDigits: digits), minor >= 0,
                minor <= FieldCheck.maxMinorUnits
            else { return .badCreditLimit(digits: digits) }
            limit = minor
        }
        var termsDays = CustomersLoader.defaultTermsDays
        if !terms.isEmpty {
            guard let days = FieldCheck.wholeDays(terms) else { return .badTerms }
            termsDays = days
        }
        var currencyIndex: Int16 = 0
        if !code.isEmpty {
            guard let found = book.index(ofCode: code) else { return .noRate }
            currencyIndex = found
        }
        return .valid(currency: currencyIndex, creditLimit: limit, termsDays: termsDays)
    }

    mutating func plainRow(_ record: inout PlainRecord) -> Bool {
        guard fields.read(&record) else { return false }
        let id = PlainRecord.trimmed(fields[at.id])
        guard !id.isEmpty,
            case .valid(let currency, let limit, let termsDays) = check(
                currency: PlainRecord.trimmed(fields[at.currency]),
                creditLimit: PlainRecord.trimmed(fields[at.creditLimit]), terms: PlainRecord.trimmed(fields[at.terms])),
            index.insert(id).inserted
        else { return false }
        append(
            id: text(at.id), name: text(at.name), segment: text(at.segment), region: text(at.region),
            currency: currency, creditLimit: limit, termsDays: termsDays, email: text(at.email), phone: text(at.phone))
        return true
    }

    /// The plain record's field at `position`, trimmed, as a String.
    private func text(_ position: Int) -> String {
        String(decoding: PlainRecord.trimmed(fields[position]), as: UTF8.self)
    }

    mutating func row(_ row: CSVRow) throws -> Bool {
        let (id, _, _, _, currency, creditLimit, terms, _, _) = columns
        if row.value(id).isEmpty {
            sink.add(row, id.name, .missingRequired, "customer_id is empty")
            return true
        }
        switch check(currency: row.value(currency), creditLimit: row.value(creditLimit), terms: row.value(terms)) {
        case .badCreditLimit(let digits):
            sink.add(
                row, creditLimit.name, .badNumber,
                "credit_limit \(row.text(creditLimit)) is not an amount >= 0 with at most \(digits) decimals")
        case .badTerms:
            sink.add(row, terms.name, .badNumber, "terms_days \(row.text(terms)) is not a whole number of days")
        case .noRate:
            sink.add(row, currency.name, .noFXRate, "no fx rate for \(row.text(currency)) on or before the as-of date")
        case .valid(let currencyIndex, let limit, let termsDays):
            guard index.insert(row.value(id)).inserted else {
                sink.add(row, id.name, .duplicateKey, "customer_id \(row.text(id)) appears on an earlier row")
                return true
            }
            append(
                id: row.string(id), name: row.string(columns.name), segment: row.string(columns.segment),
                region: row.string(columns.region), currency: currencyIndex, creditLimit: limit, termsDays: termsDays,
                email: row.string(columns.email), phone: row.string(columns.phone))
        }
        return true
    }

    /// A valid customer; a blank name shows as its id.
    private mutating func append(
        id: String, name: String, segment: String, region: String, currency: Int16, creditLimit: Int64?,
        termsDays: Int32, email: String, phone: String
    ) {
        table.append(
            id: id, name: name.isEmpty ? id : name, segment: segment, region: region, currency: currency,
            creditLimit: creditLimit, termsDays: termsDays, email: email, phone: phone)
    }
}

/// Finds a row's customer: in customers.csv when it exists (else the row is
/// unknown_customer), or discovered from the rows themselves when it does not.
struct CustomerResolver: Sendable {
    /// The ids of customers.csv; empty and unused when the file is absent.
    let known: KeyIndex
    let hasCustomerFile: Bool
    let knownCurrency: [Int16]
    let knownTerms: [Int32]
    /// Customers first seen in this file (only without customers.csv).
    private(set) var discovered = KeyIndex()
    /// The previous row's customer: exports are usually grouped by customer, so most
    /// rows repeat it and skip the hash lookup.
    private var lastKey: [UInt8] = []
    private var lastIndex: Int32? = nil

    init(known: KeyIndex?, table: CustomerTable) {
        self.known = known ?? KeyIndex()
        hasCustomerFile = known != nil
        knownCurrency = table.currency
        knownTerms = table.termsDays
    }

    /// The customer's index (local to this resolver when discovered), or nil when unknown.
    mutating func resolve(_ id: UnsafeBufferPointer<UInt8>) -> Int32? {
        if lastIndex != nil, lastKey.count == id.count,
            lastKey.withUnsafeBufferPointer({ ShortBytes.equal($0.baseAddress!, id.baseAddress!, count: id.count) })
        {
            return lastIndex
        }
        let index: Int32?
        if hasCustomerFile {
            // Rows often follow customers.csv's order: the customer after the last one is tried
            // first, next to it in memory, before a hash lookup (a likely cache miss).
            if let last = lastIndex, Int(last) + 1 < known.count, known.keyEquals(Int(last) + 1, id) {
                index = last + 1
            } else {
                index = known.find(id)
            }
        } else {
            index = discovered.insert(id).index
        }
        lastKey.removeAll(keepingCapacity: true)
        lastKey.append(contentsOf: id)
        lastIndex = index
        return index
    }

    func currency(of customer: Int32) -> Int16 {
        hasCustomerFile ? knownCurrency[Int(customer)] : 0
    }

    func termsDays(of customer: Int32) -> Int32 {
        hasCustomerFile ? knownTerms[Int(customer)] : CustomersLoader.defaultTermsDays
    }
}
