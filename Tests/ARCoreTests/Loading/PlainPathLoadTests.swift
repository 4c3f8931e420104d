import ARCore
import Testing

/// customers.csv, invoices.csv, payments.csv and credit_notes.csv are read through a fast path
/// for records without quotes (see PlainRecord). Quoting a field does not change its value, so
/// the same rows with every field quoted, which the fast path declines, must load to the same
/// ledger and the same rejects.
@Suite("the plain-record path loads what the full scan loads")
struct PlainPathLoadTests {
    /// C1 in dollars and 30 days, C2 in euros and 45 days, C3 in yen and 10 days; then a row for
    /// each check of customers.csv and values to trim.
    static let customers: [[String]] = [
        ["customer_id", "name", "currency", "credit_limit", "terms_days", "segment", "email"],
        ["C1", "Acme", "", "", "", "", ""],
        ["C2", "Beta", "EUR", "", "45", "", ""],
        ["C3", "Gamma", "JPY", "", "10", "", ""],
        [" C4 ", "  Delta Ltd ", "eur", "1000.50", " 20 ", "SMB", " a@b.example "],
        ["C5", "", "", "", "", "", ""],
        ["C1", "repeated id", "", "", "", "", ""],
        ["", "missing id", "", "", "", "", ""],
        ["C6", "three decimals", "", "12.345", "", "", ""],
        ["C7", "decimals in yen", "JPY", "1.5", "", "", ""],
        ["C8x", "bad terms", "", "", "3.5", "", ""],
        ["C9x", "no rate", "GBP", "", "", "", ""],
        ["C12", "two\nlines", "", "", "", "", ""],
        ["C13", "after all of it", "", "", "", "", ""],
    ]

    static let fxRates = "date,currency,rate\n2024-01-01,EUR,1.0843\n2024-01-01,JPY,0.0067\n"

    /// Valid rows in every shape, and one row for each check the loaders make, in between.
    static let invoices: [[String]] = [
        ["invoice_id", "customer_id", "issue_date", "due_date", "amount", "currency", "memo"],
        ["I1", "C1", "2024-01-10", "", "100.00", "", "plain"],
        ["I2", "C2", "2024-01-11", "2024-03-01", "20.5", "EUR", ""],
        ["I3", "C3", "2024-01-12", "", "1500", "", "yen"],
        // Blanks only: missing_required before the customer is looked up, so without customers.csv
        // C8 is not discovered. (Early in the file, where no declines before it make the reader
        // scan the rows after them in full.)
        ["I24", "C8", "2024-02-02", "", " \t ", "", "an amount of blanks"],
        ["I4", "C1", "2024-01-13", "", "7", "usd", "lower-case currency"],
        [" I5 ", "C1", "2024-01-14", "", "1.00", "", "blanks around the id"],
        ["I6", " C2", "2024-01-15", "", "2.00", "", "blank before the customer"],
        ["I7", "C1", " 2024-01-16", "", " 3.00 ", "", "blanks around values"],
        ["I8", "C1", "2024-01-17", "", "4.00", "", "two\nlines"],
        ["", "C1", "2024-01-18", "", "5.00", "", "missing id"],
        ["I9", "C1", "", "", "5.00", "", "missing issue date"],
        ["I10", "C1", "2024-01-19", "", "", "", "missing amount"],
        ["I11", "C1", "2024-02-30", "", "5.00", "", "bad date"],
        ["I12", "C1", "2024-01-20", "2024-13-01", "5.00", "", "bad due date"],
        ["I13", "C9", "2024-01-21", "", "5.00", "", "unknown customer"],
        ["I14", "C1", "2024-01-22", "", "1e2", "", "bad amount"],
        ["I15", "C1", "2024-01-23", "", "1.234", "", "too many decimals"],
        ["I16", "C3", "2024-01-24", "", "15.5", "", "decimals in yen"],
        ["I17", "C1", "2024-01-25", "", "0.00", "", "zero"],
        ["I18", "C1", "2024-01-26", "", "-5.00", "", "negative"],
        ["I19", "C1", "2024-01-27", "", "5.00", "GBP", "no rate"],
        ["I20", "C1", "2024-01-28", "2024-01-01", "5.00", "", "due before issue"],
        ["I1", "C1", "2024-01-29", "", "5.00", "", "duplicate id"],
        ["I21", "C1", "2024-01-30", "", "5.00", ""],
        ["I22", "C1", "2024-01-31", "", "6.00", "", "extra", "fields"],
        ["I23", "C2", "2024-02-01", "", "8.25", "EUR", "valid after all of it"],
        ["I25", "C4", "2024-02-03", "", "9.00", "", "the customer whose id was trimmed"],
    ]

    static let payments: [[String]] = [
        ["payment_id", "customer_id", "invoice_id", "date", "amount", "currency", "method"],
        ["P1", "C1", "I1", "2024-02-01", "60.00", "", "wire"],
        ["P2", "C1", "", "2024-02-02", "10.00", "USD", "on account"],
        ["P3", "C2", "I2", "2024-02-03", "20.50", "EUR", ""],
        ["P12", "C10", "", "2024-02-12", "  ", "", "an amount of blanks"],
        ["P4", "C1", "I404", "2024-02-04", "1.00", "", "unknown invoice"],
        ["P5", "C1", " I1", "2024-02-05", "1.00", "", "blank before the invoice"],
        ["P6", "C9", "I1", "2024-02-06", "1.00", "", "unknown customer"],
        ["P7", "C1", "I1", "2024-02-31", "1.00", "", "bad date"],
        ["P8", "C1", "I1", "2024-02-07", "0", "", "zero"],
        ["P9", "C1", "I1", "2024-02-08", "1.00", "CHF", "no rate"],
        ["", "C1", "I1", "2024-02-09", "1.00", "", "missing id"],
        ["P10", "C3", "I3", "2024-02-10", "500", "", "yen\nin two lines"],
        ["P11", "C1", "I1", "2024-02-11", "5.00", ""],
    ]

    /// Credit notes are in the customer's currency: a currency column is not read.
    static let creditNotes: [[String]] = [
        ["credit_id", "customer_id", "invoice_id", "date", "amount", "currency", "reason"],
        ["CN1", "C1", "I1", "2024-03-01", "2.00", "GBP", "a currency that is ignored"],
        ["CN2", "C2", "", "2024-03-02", "1.50", "", "on account"],
        ["CN9", "C11", "", "2024-03-02", " ", "", "an amount of blanks"],
        ["CN1", "C1", "I1", "2024-03-03", "1.00", "", "repeated id"],
        [" CN3", "C1", "I1", "2024-03-04", "1.00", "", "blank before the id"],
        ["CN3", "C1", "I1", "2024-03-05", "1.00", "", "repeat of the trimmed id"],
        ["CN4", "C3", "I3", "2024-03-06", "15.5", "", "decimals in yen"],
        ["CN5", "C9", "I1", "2024-03-07", "1.00", "", "unknown customer"],
        ["CN6", "C1", "I1", "2024-03-08", "1.00", "", "two\nlines"],
        ["CN7", "C1", "I1", "2024-03-09", "0", "", "zero"],
        ["CN7", "C1", "I1", "2024-03-10", "3.00", "", "the id of a rejected row"],
    ]

    /// The rows as CSV: plain where a field allows it, or every field quoted.
    static func csv(_ rows: [[String]], quoted: Bool, lineEnd: String) -> String {
        rows.map { row in
            row.map { field in
                quoted || field.contains("\n")
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: lineEnd) + lineEnd
    }

    /// The rows with a valid plain row after each one. The reader offers a record to the fast
    /// path only after one it took, or after a run of records it scanned in full (doubling after
    /// each decline in a row), so in a run of failing rows only the first reaches the fast path.
    static func interleaved(_ rows: [[String]], with filler: (Int) -> [String]) -> [[String]] {
        [rows[0]] + rows.dropFirst().enumerated().flatMap { index, row in [row, filler(index)] }
    }

    func load(quoted: Bool, lineEnd: String, customersFile: Bool, interleaved: Bool = false) throws -> LoadResult {
        func file(_ rows: [[String]], _ filler: (Int) -> [String]) -> String {
            Self.csv(interleaved ? Self.interleaved(rows, with: filler) : rows, quoted: quoted, lineEnd: lineEnd)
        }
        let folder = try TempDataFolder()
        if customersFile {
            try folder.write("customers.csv", file(Self.customers) { ["CF\($0)", "filler", "", "", "", "", ""] })
        }
        try folder.write("fx_rates.csv", Self.fxRates)
        try folder.write("invoices.csv", file(Self.invoices) { ["IF\($0)", "C1", "2024-01-02", "", "1.00", "", ""] })
        try folder.write(
            "payments.csv", file(Self.payments) { ["PF\($0)", "C1", "I1", "2024-02-01", "0.01", "", ""] })
        try folder.write(
            "credit_notes.csv", file(Self.creditNotes) { ["CF\($0)", "C1", "", "2024-03-01", "0.01", "", ""] })
        return try folder.load(asOf: "2024-06-30")
    }

    /// A reject without its raw record, which keeps the quotes as written.
    struct RejectKey: Equatable {
        var file: String
        var line: Int
        var column: String
        var reason: RejectReason
    }

    @Test(
        "same ledger, same rejects and lines, with or without quotes; every row offered to the fast path",
        arguments: ["\n", "\r\n"], [false, true])
    func sameLoad(_ lineEnd: String, interleaved: Bool) throws {
        for customersFile in [true, false] {
            let plain = try load(
                quoted: false, lineEnd: lineEnd, customersFile: customersFile, interleaved: interleaved)
            let quoted = try load(
                quoted: true, lineEnd: lineEnd, customersFile: customersFile, interleaved: interleaved)
            let context =
                "line end \(lineEnd.debugDescription), customers.csv \(customersFile), interleaved \(interleaved)"
            if !customersFile {
                // Discovered from the rows: C8, C10 and C11 have only rows rejected before their lookup.
                for id in ["C8", "C10", "C11"] { #expect(!plain.ledger.customers.ids.contains(id)) }
            }
            let invoices = (plain.ledger.invoices, quoted.ledger.invoices)
            #expect(plain.invoiceIDs == quoted.invoiceIDs, "\(context)")
            #expect(invoices.0.customer == invoices.1.customer, "\(context)")
            #expect(invoices.0.issue == invoices.1.issue, "\(context)")
            #expect(invoices.0.due == invoices.1.due, "\(context)")
            #expect(invoices.0.amount == invoices.1.amount, "\(context)")
            #expect(invoices.0.currency == invoices.1.currency, "\(context)")
            let customers = (plain.ledger.customers, quoted.ledger.customers)
            #expect(customers.0.ids == customers.1.ids, "\(context)")
            #expect(customers.0.names == customers.1.names, "\(context)")
            #expect(customers.0.segments == customers.1.segments, "\(context)")
            #expect(customers.0.currency == customers.1.currency, "\(context)")
            #expect(customers.0.creditLimit == customers.1.creditLimit, "\(context)")
            #expect(customers.0.termsDays == customers.1.termsDays, "\(context)")
            #expect(customers.0.emails == customers.1.emails, "\(context)")
            #expect(plain.ledger.applications.amount == quoted.ledger.applications.amount, "\(context)")
            #expect(plain.ledger.applications.date == quoted.ledger.applications.date, "\(context)")
            #expect(plain.ledger.applications.kind == quoted.ledger.applications.kind, "\(context)")
            #expect(plain.ledger.unapplied.reference == quoted.ledger.unapplied.reference, "\(context)")
            #expect(plain.ledger.unapplied.invoiceReference == quoted.ledger.unapplied.invoiceReference, "\(context)")
            #expect(plain.ledger.unapplied.amount == quoted.ledger.unapplied.amount, "\(context)")
            #expect(plain.ledger.unapplied.currency == quoted.ledger.unapplied.currency, "\(context)")
            #expect(plain.ledger.unapplied.line == quoted.ledger.unapplied.line, "\(context)")
            let keys = { (result: LoadResult) in
                result.rejects.map { RejectKey(file: $0.file, line: $0.line, column: $0.column, reason: $0.reason) }
            }
            #expect(keys(plain) == keys(quoted), "\(context)")
        }
    }

    @Test("the plain file's values, by hand: trimmed ids, default currencies and terms, lines after a quoted newline")
    func plainValues() throws {
        let result = try load(quoted: false, lineEnd: "\r\n", customersFile: true)
        let customers = result.ledger.customers
        #expect(customers.ids == ["C1", "C2", "C3", "C4", "C5", "C12", "C13"])
        #expect(customers.names == ["Acme", "Beta", "Gamma", "Delta Ltd", "C5", "two\nlines", "after all of it"])
        #expect(customers.creditLimit[3] == 100_050 && customers.termsDays[3] == 20)
        #expect(customers.segments[3] == "SMB" && customers.emails[3] == "a@b.example")
        // C12's name spans two lines.
        #expect(
            result.rejects.filter { $0.file == "customers.csv" }.map { "\($0.line) \($0.reason.rawValue)" } == [
                "7 duplicate_key", "8 missing_required", "9 bad_number", "10 bad_number", "11 bad_number",
                "12 no_fx_rate",
            ])
        #expect(result.invoiceIDs == ["I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8", "I21", "I22", "I23", "I25"])
        let invoices = result.ledger.invoices
        #expect(invoices.amount == [10_000, 2_050, 1_500, 700, 100, 200, 300, 400, 500, 600, 825, 900])
        // C4's euros and 20 days, read from a row with blanks around its values.
        #expect(invoices.currency[11] == invoices.currency[1] && invoices.due[11] == day("2024-02-23"))
        #expect(invoices.due[0] == day("2024-02-09"))
        #expect(invoices.due[1] == day("2024-03-01"))
        #expect(invoices.due[2] == day("2024-01-22"))
        // I8's memo spans two lines, so every row after it is one line further down.
        #expect(
            result.rejects.filter { $0.file == "invoices.csv" }.map { "\($0.line) \($0.reason.rawValue)" } == [
                "5 missing_required", "12 missing_required", "13 missing_required", "14 missing_required",
                "15 bad_date", "16 bad_date", "17 unknown_customer", "18 bad_amount", "19 too_many_decimals",
                "20 too_many_decimals", "21 non_positive_amount", "22 non_positive_amount", "23 no_fx_rate",
                "24 due_before_issue", "25 duplicate_key",
            ])
        #expect(result.ledger.unapplied.reference == ["P2", "P4", "CN2"])
        #expect(result.ledger.unapplied.invoiceReference == ["", "I404", ""])
        // CN2 is in C2's euros, in cents.
        #expect(result.ledger.unapplied.amount == [1_000, 100, 150])
        // Payments, then credit notes in the customer's dollars (CN1's GBP is not read), by date.
        #expect(result.applications(of: "I1").map(\.amount) == [6_000, 100, 500, 200, 100, 100, 300])
        #expect(result.applications(of: "I3").map(\.amount) == [500])
        #expect(
            result.rejects.filter { $0.file == "payments.csv" }.map { "\($0.line) \($0.reason.rawValue)" } == [
                "5 missing_required", "8 unknown_customer", "9 bad_date", "10 non_positive_amount", "11 no_fx_rate",
                "12 missing_required",
            ])
        // CN6's reason spans two lines.
        #expect(
            result.rejects.filter { $0.file == "credit_notes.csv" }.map { "\($0.line) \($0.reason.rawValue)" } == [
                "4 missing_required", "5 duplicate_key", "7 duplicate_key", "8 too_many_decimals",
                "9 unknown_customer", "12 non_positive_amount",
            ])
    }
}
