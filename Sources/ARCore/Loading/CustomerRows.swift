/// customers.csv's work per row (see CSVRowHandler), on a plain record read straight from the
/// buffer or on a record scanned in full. A plain record's values are trimmed as `CSVRow.value`
/// trims them (`CSVRow.trimmed`), and one that fails a check is declined, for `row` to reject it.
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
        // The code is looked up once: its digits bound the credit limit, its rate is checked last.
        let currency = RowCurrency(code: code, default: 0, book: book)
        let digits = currency.digits
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
        guard let currencyIndex = currency.index else { return .noRate }
        return .valid(currency: currencyIndex, creditLimit: limit, termsDays: termsDays)
    }

    mutating func plainRow(_ record: inout PlainRecord) -> Bool {
        guard fields.read(&record) else { return false }
        let id = CSVRow.trimmed(fields[at.id])
        guard !id.isEmpty,
            case .valid(let currency, let limit, let termsDays) = check(
                currency: CSVRow.trimmed(fields[at.currency]),
                creditLimit: CSVRow.trimmed(fields[at.creditLimit]), terms: CSVRow.trimmed(fields[at.terms])),
            index.insert(id).inserted
        else { return false }
        append(
            id: text(at.id), name: text(at.name), segment: text(at.segment), region: text(at.region),
            currency: currency, creditLimit: limit, termsDays: termsDays, email: text(at.email), phone: text(at.phone))
        return true
    }

    /// The plain record's field at `position`, trimmed, as a String.
    private func text(_ position: Int) -> String {
        String(decoding: CSVRow.trimmed(fields[position]), as: UTF8.self)
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
