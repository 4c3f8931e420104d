/// Collects the rejected rows of one file.
struct RejectSink: Sendable {
    let file: String
    var rejects: [Reject] = []

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
}

extension CSVRow {
    func value(_ column: ColumnRef) -> UnsafeBufferPointer<UInt8> { value(column.index) }
    func string(_ column: ColumnRef) -> String { string(column.index) }
    func text(_ column: ColumnRef) -> String { "'\(string(column.index))'" }

    /// The first of `columns` whose value is empty (the array is built once per file, not per row).
    func firstMissing(in columns: [ColumnRef]) -> ColumnRef? {
        for column in columns where value(column).isEmpty { return column }
        return nil
    }
}

/// Field checks shared by the loaders (SPEC section 7, "Validation").
enum FieldCheck {
    /// Amounts above this many minor units are refused so exact FX arithmetic stays in 128 bits.
    static let maxMinorUnits: Int64 = 1_000_000_000_000_000

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
