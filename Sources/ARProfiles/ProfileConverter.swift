import ARCore
import Foundation

/// A foreign export converted into canonical files, with what went wrong on the way.
struct ProfileConversion {
    var customers = CanonicalFile(
        name: "customers.csv", columns: ["customer_id", "name", "segment", "region", "currency", "credit_limit"])
    var invoices = CanonicalFile(
        name: "invoices.csv", columns: ["invoice_id", "customer_id", "issue_date", "due_date", "amount", "currency"])
    var payments = CanonicalFile(
        name: "payments.csv", columns: ["payment_id", "customer_id", "invoice_id", "date", "amount", "currency"])
    var disputes = CanonicalFile(name: "disputes.csv", columns: ["invoice_id", "opened", "resolved"])
    var fxRates = CanonicalFile(name: "fx_rates.csv", columns: ["date", "currency", "rate"])
    /// Rows the profile itself could not read (bad date in its format, bad number...).
    var rejects: [Reject] = []
    /// Invoice ids of the converted rows, and per attribute the value of each, in the same order.
    var invoiceIds: [String] = []
    var attributeValues: [[String]] = []
    /// The original file as read (rows, bytes, sha256); `rejected` is filled in later.
    var source: InputFileSummary
    /// The `--fx` file the rates came from, when one was given (fx_rates.csv's origins are its lines).
    var fxSource: InputFileSummary? = nil

    var files: [CanonicalFile] { [customers, invoices, payments, disputes, fxRates] }
}

/// A profile field bound to the file's header.
struct BoundField {
    let spec: FieldSpec
    let index: Int?
    /// The source column name, or the canonical field name for constants and generated ids.
    let sourceName: String

    /// The field's value for a row: constant, generated id, or the trimmed column value,
    /// then the default when empty, then the value map.
    func value(_ row: CSVRow) -> String {
        if let constant = spec.constant { return constant }
        if spec.fromLineNumber { return "L\(row.line)" }
        var text = row.string(index)
        if text.isEmpty, let fallback = spec.defaultValue { text = fallback }
        if let mapped = spec.map[text] { text = mapped }
        return text
    }
}

/// Reads a foreign export with a profile and writes the canonical files (docs/PROFILES.md).
enum ProfileConverter {
    /// Copies a canonical fx_rates file's rows (their lines as origins), for the loader to
    /// validate like any fx_rates.csv; returns the file's summary and the currencies it names.
    static func copyRates(from path: String, into rates: inout CanonicalFile) throws -> (InputFileSummary, Set<String>)
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw InputError.missingFile(path: path)
        }
        let reader = try CSVFileReader(path: path)
        var columns: [Int] = []
        for name in rates.columns {
            guard let index = reader.column(name) else { throw InputError.missingColumn(path: path, column: name) }
            columns.append(index)
        }
        var currencies = Set<String>()
        try reader.forEachRow { row in
            let fields = columns.map { row.string($0) }
            rates.append(fields, origin: row.line)
            currencies.insert(fields[1].trimmingCharacters(in: .whitespaces).uppercased())
            return true
        }
        let summary = InputFileSummary(
            file: (path as NSString).lastPathComponent, path: path, sha256: reader.sha256Hex(), bytes: reader.byteCount,
            rows: reader.recordCount, rejected: 0)
        return (summary, currencies)
    }

    /// A fixed rate is dated at the start of the calendar so it applies at every as-of date.
    static let fixedRateDate = "1900-01-01"
    /// SPEC section 1: net terms when neither a due date nor terms are given.
    static let defaultTermsDays: Int32 = 30

    /// `fxFile`: a canonical fx_rates file (`date,currency,rate`) whose dated rates replace the
    /// profile's fixed ones (docs/PROFILES.md, "FX rates").
    static func convert(file path: String, profile: Profile, reporting: Currency, fxFile: String? = nil) throws
        -> ProfileConversion
    {
        let reader = try CSVFileReader(path: path)
        let fileName = (path as NSString).lastPathComponent
        func bind(_ field: String, _ spec: FieldSpec) throws(ProfileError) -> BoundField {
            guard let column = spec.column else { return BoundField(spec: spec, index: nil, sourceName: field) }
            guard let index = reader.column(column) else {
                throw .missingColumn(file: path, profile: profile.name, field: field, column: column)
            }
            return BoundField(spec: spec, index: index, sourceName: column)
        }
        var bound: [String: BoundField] = [:]
        for name in Profile.fieldNames {
            if let spec = profile.fields[name] { bound[name] = try bind(name, spec) }
        }
        let attributes = try profile.attributes.map { try bind($0.name, $0.spec) }

        var out = ProfileConversion(
            source: InputFileSummary(file: fileName, path: path, sha256: "", bytes: 0, rows: 0, rejected: 0))
        out.attributeValues = Array(repeating: [], count: attributes.count)
        var knownCurrencies: Set<String> = [reporting.code]
        let ratesSource: String
        if let fxFile {
            let (summary, currencies) = try copyRates(from: fxFile, into: &out.fxRates)
            out.fxSource = summary
            knownCurrencies.formUnion(currencies)
            ratesSource = summary.file
        } else {
            for (currency, rate) in profile.fxRates where currency != reporting.code {
                out.fxRates.append([fixedRateDate, currency, rate.description], origin: 1)
            }
            knownCurrencies.formUnion(profile.fxRates.map(\.currency))
            ratesSource = "the profile's fx_rates"
        }
        var seenInvoices = Set<String>()
        var seenCustomers = Set<String>()
        let required =
            Profile.requiredFields.compactMap { bound[$0] }
            + Profile.fieldNames.compactMap { name in bound[name].flatMap { $0.spec.required ? $0 : nil } }
            + attributes.filter(\.spec.required)
        func date(_ field: String) -> DatePattern { profile.fields[field]?.dateFormat ?? profile.dateFormat }
        let issuePattern = date("issue_date")
        let duePattern = date("due_date")
        let settledPattern = date("settled_date")

        try reader.forEachRow { row in
            func reject(_ field: BoundField, _ reason: RejectReason, _ message: String) -> Bool {
                out.rejects.append(
                    Reject(
                        file: fileName, line: row.line, column: field.sourceName, reason: reason, message: message,
                        record: row.raw))
                return true
            }
            // missing_required
            if let missing = required.first(where: { $0.value(row).isEmpty }) {
                return reject(missing, .missingRequired, "missing required value")
            }
            let customerID = bound["customer_id"]!.value(row)
            let invoiceID = bound["invoice_id"]!.value(row)
            // bad_date
            let issueField = bound["issue_date"]!
            let issueText = issueField.value(row)
            guard let issue = issuePattern.parse(issueText) else {
                return reject(issueField, .badDate, "'\(issueText)' is not a real day in the format \(issuePattern)")
            }
            var due: Day? = nil
            if let dueField = bound["due_date"] {
                let text = dueField.value(row)
                if !text.isEmpty {
                    guard let day = duePattern.parse(text) else {
                        return reject(dueField, .badDate, "'\(text)' is not a real day in the format \(duePattern)")
                    }
                    due = day
                }
            }
            var settled: Day? = nil
            if let settledField = bound["settled_date"] {
                let text = settledField.value(row)
                if !text.isEmpty {
                    guard let day = settledPattern.parse(text) else {
                        return reject(
                            settledField, .badDate, "'\(text)' is not a real day in the format \(settledPattern)")
                    }
                    settled = day
                }
            }
            // bad_amount, too_many_decimals, non_positive_amount
            let currency =
                (bound["currency"]?.value(row)).flatMap { $0.isEmpty ? nil : $0.uppercased() } ?? reporting.code
            let minorDigits = Currency.minorDigits(of: currency)
            let amountField = bound["amount"]!
            let amount: Int64
            switch parseAmount(amountField.value(row), profile.numbers, minorDigits: minorDigits) {
            case .failure(let reason, let message): return reject(amountField, reason, message)
            case .success(let minor):
                guard minor > 0 else { return reject(amountField, .nonPositiveAmount, "amount must be greater than 0") }
                amount = minor
            }
            var settledAmount = amount
            if let settledField = bound["settled_amount"] {
                let text = settledField.value(row)
                if !text.isEmpty {
                    switch parseAmount(text, profile.numbers, minorDigits: minorDigits) {
                    case .failure(let reason, let message): return reject(settledField, reason, message)
                    case .success(let minor):
                        guard minor >= 0 else {
                            return reject(settledField, .nonPositiveAmount, "a settled amount cannot be negative")
                        }
                        settledAmount = minor
                    }
                }
            }
            // bad_number
            if settled == nil, let daysField = bound["settled_days"] {
                let text = daysField.value(row)
                if !text.isEmpty {
                    guard let days = Int32(text), abs(days) <= 36_500 else {
                        return reject(daysField, .badNumber, "'\(text)' is not a whole number of days")
                    }
                    settled = issue + days
                }
            }
            if due == nil, let termsField = bound["terms_days"] {
                let text = termsField.value(row)
                if !text.isEmpty {
                    guard let days = Int32(text), days >= 0, days <= 36_500 else {
                        return reject(
                            termsField, .badNumber, "terms '\(text)' are not a whole number of days (add it to the map)"
                        )
                    }
                    due = issue + days
                }
            }
            var disputed = false
            if let disputedField = bound["disputed"] {
                let text = disputedField.value(row)
                if !text.isEmpty {
                    guard let flag = profile.booleans.value(text) else {
                        return reject(disputedField, .badNumber, "'\(text)' is neither a true nor a false word")
                    }
                    disputed = flag
                }
            }
            var creditLimit = ""
            if let limitField = bound["credit_limit"] {
                let text = limitField.value(row)
                if !text.isEmpty {
                    guard let canonical = profile.numbers.canonical(text) else {
                        return reject(limitField, .badNumber, "'\(text)' is not a number")
                    }
                    creditLimit = canonical
                }
            }
            // no_fx_rate, due_before_issue, duplicate_key
            guard knownCurrencies.contains(currency) else {
                return reject(
                    bound["currency"] ?? amountField, .noFXRate,
                    "no rate for \(currency): add it to \(ratesSource)")
            }
            let dueDay = due ?? issue + defaultTermsDays
            if dueDay < issue {
                return reject(bound["due_date"] ?? issueField, .dueBeforeIssue, "due date is before the issue date")
            }
            guard seenInvoices.insert(invoiceID).inserted else {
                return reject(bound["invoice_id"]!, .duplicateKey, "invoice_id '\(invoiceID)' appears earlier")
            }

            // The row is good: emit the canonical records.
            let line = row.line
            if seenCustomers.insert(customerID).inserted {
                let name = bound["customer_name"]?.value(row) ?? ""
                out.customers.append(
                    [
                        customerID, name.isEmpty ? customerID : name, bound["segment"]?.value(row) ?? "",
                        bound["region"]?.value(row) ?? "", currency, creditLimit,
                    ], origin: line)
            }
            let issueText8601 = CivilCalendar.format(issue)
            let amountText = MinorUnits.format(amount, minorDigits: minorDigits)
            out.invoices.append(
                [invoiceID, customerID, issueText8601, CivilCalendar.format(dueDay), amountText, currency], origin: line
            )
            var settledInFull = false
            if profile.shape == .invoiceWithSettlement, let settled, settledAmount > 0 {
                out.payments.append(
                    [
                        invoiceID, customerID, invoiceID, CivilCalendar.format(settled),
                        MinorUnits.format(settledAmount, minorDigits: minorDigits), currency,
                    ], origin: line)
                settledInFull = settledAmount >= amount
            }
            if disputed {
                // Opened at the issue date; resolved when the invoice is settled in full.
                let resolved = settledInFull ? CivilCalendar.format(max(settled!, issue)) : ""
                out.disputes.append([invoiceID, issueText8601, resolved], origin: line)
            }
            out.invoiceIds.append(invoiceID)
            for (index, attribute) in attributes.enumerated() {
                out.attributeValues[index].append(attribute.value(row))
            }
            return true
        }
        out.source = InputFileSummary(
            file: fileName, path: path, sha256: reader.sha256Hex(), bytes: reader.byteCount, rows: reader.recordCount,
            rejected: 0)
        return out
    }

    enum AmountOutcome {
        case success(Int64)
        case failure(RejectReason, String)
    }

    /// An amount in the profile's number format, in minor units with at most `minorDigits` decimals.
    static func parseAmount(_ text: String, _ format: NumberFormat, minorDigits: Int) -> AmountOutcome {
        guard let canonical = format.canonical(text) else {
            return .failure(.badAmount, "'\(text)' is not an amount in the profile's number format")
        }
        switch MinorUnits.parse(canonical, minorDigits: minorDigits) {
        case .malformed: return .failure(.badAmount, "'\(text)' is not an amount")
        case .tooManyDecimals: return .failure(.tooManyDecimals, "'\(text)' has more than \(minorDigits) decimals")
        case .value(let minor):
            guard abs(minor) <= 1_000_000_000_000_000 else { return .failure(.badAmount, "amount too large") }
            return .success(minor)
        }
    }
}
