/// Collects the rejected rows of one file.
struct RejectSink: Sendable {
    let file: String
    var rejects: [Reject] = []
    /// The file's dates repeat: most are found here instead of parsed (see DayCache).
    var days = DayCache()

    init(file: String) { self.file = file }

    mutating func add(_ row: CSVRow, _ column: String, _ reason: RejectReason, _ message: String) {
        rejects.append(
            Reject(file: file, line: row.line, column: column, reason: reason, message: message, record: row.raw))
    }
}

/// A header column the loader reads: its canonical name and where it is.
struct ColumnRef {
    let name: String
    let index: Int?

    /// A column the SPEC requires in the header.
    init(required name: String, in reader: CSVFileReader) throws(InputError) {
        guard let index = reader.column(name) else { throw .missingColumn(path: reader.path, column: name) }
        self.name = name
        self.index = index
    }

    /// An optional column: absent means every value is empty.
    init(optional name: String, in reader: CSVFileReader) {
        self.name = name
        self.index = reader.column(name)
    }

    /// A column never read, even if the header has it: every value is empty.
    init(absent name: String) {
        self.name = name
        self.index = nil
    }
}

/// The columns a row must have values in, built once per file. Their indices are kept apart
/// from their names: checking every row reads plain integers, with no String to retain.
struct RequiredColumns {
    let columns: [ColumnRef]
    let indices: [Int]

    /// Each column must be in the header (a `ColumnRef(required:in:)`).
    init(_ columns: [ColumnRef]) {
        self.columns = columns
        indices = columns.map { $0.index! }
    }
}

extension CSVRow {
    func value(_ column: ColumnRef) -> UnsafeBufferPointer<UInt8> { value(column.index) }
    func string(_ column: ColumnRef) -> String { string(column.index) }
    func text(_ column: ColumnRef) -> String { "'\(string(column.index))'" }

    /// The first of the required columns whose value is empty.
    func firstMissing(in required: RequiredColumns) -> ColumnRef? {
        for (position, index) in required.indices.enumerated() where value(index).isEmpty {
            return required.columns[position]
        }
        return nil
    }
}

/// Field checks shared by the loaders (SPEC section 7, "Validation").
enum FieldCheck {
    /// Amounts above this many minor units are refused so exact FX arithmetic stays in 128 bits.
    /// (A computed constant: a stored `static let` is checked for initialization on every row.)
    static var maxMinorUnits: Int64 { 1_000_000_000_000_000 }

    enum AmountOutcome {
        case ok(Int64)
        case rejected(RejectReason, String)
    }

    /// A positive amount with at most `minorDigits` decimals.
    static func positiveAmount(
        _ bytes: UnsafeBufferPointer<UInt8>, minorDigits: Int, currency: @autoclosure () -> String
    ) -> AmountOutcome {
        switch MinorUnits.parse(bytes, minorDigits: minorDigits) {
        case .malformed:
            return .rejected(.badAmount, "not a decimal amount")
        case .tooManyDecimals:
            return .rejected(.tooManyDecimals, "more than \(minorDigits) decimals for \(currency())")
        case .value(let minor):
            if minor > maxMinorUnits || minor < -maxMinorUnits { return .rejected(.badAmount, "amount too large") }
            if minor <= 0 { return .rejected(.nonPositiveAmount, "amount must be greater than 0") }
            return .ok(minor)
        }
    }

    /// A day in `YYYY-MM-DD`.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        CivilCalendar.parseISO(bytes)
    }

    /// A whole number of days, 0 ... 36,500.
    static func wholeDays(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !bytes.isEmpty, bytes.count <= 5 else { return nil }
        var value: Int32 = 0
        for byte in bytes {
            let d = Int32(byte) &- 48
            guard d >= 0, d <= 9 else { return nil }
            value = value * 10 + d
        }
        return value <= 36_500 ? value : nil
    }
}

/// The checks loaders share, each recording the row's reject when it fails
/// (SPEC section 7's order is kept by calling them in that order).
extension RejectSink {
    /// missing_required: false, and the row rejected, when a required column is empty.
    mutating func hasValues(_ row: CSVRow, _ required: RequiredColumns) -> Bool {
        guard let missing = row.firstMissing(in: required) else { return true }
        add(row, missing.name, .missingRequired, "\(missing.name) is empty")
        return false
    }

    /// bad_date: the day, or nil when the row was rejected.
    mutating func day(_ row: CSVRow, _ column: ColumnRef) -> Day? {
        if let day = days.day(row.value(column)) { return day }
        add(row, column.name, .badDate, "\(column.name) \(row.text(column)) is not a real YYYY-MM-DD day")
        return nil
    }

    /// An optional date: `.empty`, `.day`, or `.rejected` (a bad optional date rejects the row).
    mutating func optionalDay(_ row: CSVRow, _ column: ColumnRef) -> OptionalDay {
        if row.value(column).isEmpty { return .empty }
        return day(row, column).map(OptionalDay.day) ?? .rejected
    }

    enum OptionalDay {
        case empty
        case day(Day)
        case rejected
    }

    /// unknown_customer: the customer's index, or nil when the row was rejected.
    mutating func customer(_ row: CSVRow, _ column: ColumnRef, _ resolver: inout CustomerResolver) -> Int32? {
        if let index = resolver.resolve(row.value(column)) { return index }
        add(row, column.name, .unknownCustomer, "customer_id \(row.text(column)) is not in customers.csv")
        return nil
    }

    /// bad_amount, too_many_decimals, non_positive_amount: the amount in minor units, or nil.
    mutating func positiveAmount(_ row: CSVRow, _ column: ColumnRef, _ currency: RowCurrency, _ book: CurrencyBook)
        -> Int64?
    {
        switch FieldCheck.positiveAmount(row.value(column), minorDigits: currency.digits, currency: currency.name(book))
        {
        case .ok(let minor):
            return minor
        case .rejected(let reason, let message):
            add(row, column.name, reason, "\(column.name) \(row.text(column)): \(message)")
            return nil
        }
    }

    /// no_fx_rate: the currency's index, or nil when it has no rate at the as-of date.
    mutating func rated(_ row: CSVRow, _ column: ColumnRef, _ currency: RowCurrency) -> Int16? {
        if let index = currency.index { return index }
        add(row, column.name, .noFXRate, "no fx rate for \(row.text(column)) on or before the as-of date")
        return nil
    }

    /// duplicate_key: false, and the row rejected, when an earlier valid row has this key.
    mutating func isNewKey(_ row: CSVRow, _ column: ColumnRef, in keys: inout KeyIndex) -> Bool {
        if keys.insert(row.value(column)).inserted { return true }
        add(row, column.name, .duplicateKey, "\(column.name) \(row.text(column)) appears on an earlier row")
        return false
    }
}

/// The currency of a row: its `currency` column, else a default (the customer's).
/// Holds no references, so building one per row costs no reference counting.
struct RowCurrency {
    /// nil: the code has no rate on or before the as-of date.
    let index: Int16?
    /// Minor digits that bound the amount's decimals, known even without a rate.
    let digits: Int
    /// The upper-case code, for messages: set only when the code has no rate.
    let unratedCode: UnsafeBufferPointer<UInt8>

    init(code: UnsafeBufferPointer<UInt8>, default fallback: Int16, book: CurrencyBook) {
        unratedCode = code
        if code.isEmpty {
            index = fallback
            digits = book.minorDigits(at: fallback)
        } else if let rated = book.rated(code) {
            index = rated.index
            digits = rated.digits
        } else {
            index = nil
            digits = book.minorDigits(ofCode: code)
        }
    }

    /// The code for messages (built only when a message is written).
    func name(_ book: CurrencyBook) -> String {
        if let index { return book.currencies[Int(index)].code }
        return String(decoding: unratedCode, as: UTF8.self).uppercased()
    }
}
