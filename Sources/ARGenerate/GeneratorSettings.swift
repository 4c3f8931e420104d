import ARCore

/// What to generate: sizes, the seed, the period and the currencies.
public struct GeneratorSettings: Sendable {
    /// Number of customers; each gets at least one invoice.
    public var customers: Int
    /// Total number of invoices across all customers.
    public var invoices: Int
    /// Seed of every random choice: same settings, same bytes.
    public var seed: UInt64
    /// First possible issue date.
    public var start: Day
    /// Data cut-off, the "today" of the data set: nothing dated later is written.
    public var end: Day
    /// ISO 4217 codes; the first is the reporting currency (rate 1, no fx rows).
    public var currencies: [String]

    /// Settings with the defaults of a small demo data set.
    public init(
        customers: Int = 200,
        invoices: Int = 5_000,
        seed: UInt64 = 42,
        start: Day = CivilCalendar.day(year: 2024, month: 1, day: 1),
        end: Day = CivilCalendar.day(year: 2025, month: 12, day: 31),
        currencies: [String] = ["USD"]
    ) {
        self.customers = customers
        self.invoices = invoices
        self.seed = seed
        self.start = start
        self.end = end
        self.currencies = currencies
    }

    /// The longest period we accept: day-indexed tables stay small and ids stay readable.
    static let maximumPeriodDays = 36_600

    /// Throws `GeneratorError.invalidSettings` naming the first problem found.
    func validate() throws {
        guard customers >= 1 else {
            throw GeneratorError.invalidSettings("customers must be at least 1, got \(customers)")
        }
        guard invoices >= customers else {
            throw GeneratorError.invalidSettings(
                "invoices (\(invoices)) must be at least customers (\(customers)): every customer gets an invoice")
        }
        guard end >= start else {
            throw GeneratorError.invalidSettings(
                "end \(CivilCalendar.format(end)) is before start \(CivilCalendar.format(start))")
        }
        guard Int(end) - Int(start) <= Self.maximumPeriodDays else {
            throw GeneratorError.invalidSettings("the period is longer than \(Self.maximumPeriodDays) days")
        }
        guard !currencies.isEmpty else { throw GeneratorError.invalidSettings("at least one currency is needed") }
        var seen: Set<String> = []
        for code in currencies {
            let upper = code.uppercased()
            guard upper.utf8.count == 3, upper.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
            else {
                throw GeneratorError.invalidSettings("'\(code)' is not a three-letter currency code")
            }
            guard seen.insert(upper).inserted else {
                throw GeneratorError.invalidSettings("currency \(upper) is listed twice")
            }
        }
    }
}
