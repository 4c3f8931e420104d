/// Reads fx_rates.csv: `date, currency, rate`, one rate per currency and day.
struct FXRatesLoader {
    struct Result {
        /// The latest rate dated on or before the as-of date, by upper-case code.
        var latest: [String: FXRate]
        var rejects: [Reject]
        var summary: InputFileSummary
    }

    static let file = "fx_rates.csv"

    static func load(path: String, asOf: Day, reporting: Currency, progress: LoadProgress?) throws -> Result {
        let reader = try CSVFileReader(path: path, progress: progress)
        let date = try ColumnRef(required: "date", in: reader)
        let currency = try ColumnRef(required: "currency", in: reader)
        let rate = try ColumnRef(required: "rate", in: reader)
        var sink = RejectSink(file: file)
        var seen = Set<String>()
        var latest: [String: (day: Day, rate: FXRate)] = [:]
        let required = RequiredColumns([date, currency, rate])
        try reader.forEachRow { row in
            if let missing = row.firstMissing(in: required) {
                sink.add(row, missing.name, .missingRequired, "\(missing.name) is empty")
                return true
            }
            guard let day = FieldCheck.date(row.value(date)) else {
                sink.add(row, date.name, .badDate, "date \(row.text(date)) is not a real YYYY-MM-DD day")
                return true
            }
            guard let value = FXRate.parse(row.value(rate)) else {
                sink.add(row, rate.name, .badNumber, "rate \(row.text(rate)) is not a positive decimal")
                return true
            }
            let code = row.string(currency).uppercased()
            guard seen.insert("\(day)|\(code)").inserted else {
                sink.add(row, currency.name, .duplicateKey, "a rate for \(code) on this date was already given")
                return true
            }
            // The reporting currency is always 1; a row for it is accepted and not used.
            if day <= asOf, code != reporting.code, latest[code].map({ $0.day < day }) ?? true {
                latest[code] = (day, value)
            }
            return true
        }
        return Result(
            latest: latest.mapValues(\.rate), rejects: sink.rejects,
            summary: InputFileSummary(reader: reader, file: file, rejected: sink.rejects.count))
    }
}
