import ARCore

/// One week of the back-test: what the forecast as of T-91 expected against what was collected.
public struct BackTestWeek: Sendable, Equatable {
    public var week: Int
    public var start: Day
    public var end: Day
    public var forecast: Int64
    public var actual: Int64
    /// forecast - actual.
    public var error: Int64 { forecast - actual }
}

/// The forecast as of T-91 checked against the 13 weeks that followed (docs/METRICS.md, "Back-test").
public struct ForecastBackTest: Sendable, Equatable {
    public var asOf: Day
    public var weeks: [BackTestWeek]

    public static let lookbackDays: Int32 = 91

    /// Weighted absolute percentage error over weeks 1...n: sum |f - a| / sum a × 100; nil when nothing was collected.
    public func wape(throughWeek n: Int) -> Double? {
        let slice = weeks.prefix(n)
        let actual = slice.reduce(Int64(0)) { $0 + $1.actual }
        guard actual != 0 else { return nil }
        return Double(slice.reduce(Int64(0)) { $0 + abs($1.error) }) / Double(actual) * 100
    }

    public var wape: Double? { wape(throughWeek: weeks.count) }

    /// The same ledger (rates at T) seen at B = T-91: the forecast at B, and the payments applied
    /// in each of its weeks to the invoices open at B, up to each invoice's open amount at B.
    /// `settlement`, when given, must be the year to B (`SettlementYear.compute` at T-91), and
    /// `paidRecently` the recent payers at B (`CashForecast.recentPayers`). The invoices open at B
    /// are visited once, for both, without building a position at B: its items, totals and
    /// unapplied cash would only be summed or dropped.
    public static func compute(
        ledger: Ledger, facts: InvoiceFacts, settings: AnalysisSettings, settlement given: SettlementYear? = nil,
        paidRecently: [Bool]? = nil
    ) -> ForecastBackTest {
        var earlier = settings
        earlier.asOf = settings.asOf - lookbackDays
        let asOf = earlier.asOf
        assert(given.map { $0.asOf == asOf } ?? true, "the settlement year given is not the year to T-91")
        var sums = ForecastSums(
            ledger: ledger, settlement: given ?? SettlementYear.compute(ledger: ledger, facts: facts, asOf: asOf),
            asOf: asOf, paidRecently: paidRecently)
        let horizonEnd = CashForecast.weekStart(CashForecast.weeks + 1, asOf: asOf) - 1
        var actual = [Int64](repeating: 0, count: CashForecast.weeks)
        let invoices = ledger.invoices
        let applications = ledger.applications
        // The invoices open at B are among the candidates (`Position.compute` reads the same).
        for candidate in facts.candidates(issue: invoices.issue, from: asOf, through: asOf) {
            let invoice = Int(candidate)
            var remaining = Position.openAndUnapplied(invoice: invoice, ledger: ledger, at: asOf).open
            guard remaining > 0 else { continue }
            let (open, daysPastDue) = Position.aged(
                invoice: invoice, open: remaining, ledger: ledger, facts: facts, settings: earlier)
            sums.add(invoice: invoice, customer: Int(invoices.customer[invoice]), daysPastDue: daysPastDue, open: open)
            let converter = facts.toReporting[Int(invoices.currency[invoice])]
            for slot in Int(applications.start[invoice])..<Int(applications.start[invoice + 1]) {
                let date = applications.date[slot]
                guard date > asOf, date <= horizonEnd, remaining > 0 else { continue }
                // Credit notes reduce what is left to collect but are not cash; overpayments beyond
                // the open amount at B were not forecast and are not counted.
                let taken = min(applications.amount[slot], remaining)
                remaining -= taken
                if applications.kind[slot] == .payment {
                    actual[Int(date - asOf - 1) / 7] += converter.convert(taken) ?? 0
                }
            }
        }
        let forecast = sums.forecast
        let weeks = forecast.weekPeriods.enumerated().map { index, period in
            BackTestWeek(
                week: index + 1, start: period.start!, end: period.end!, forecast: period.expected,
                actual: actual[index])
        }
        return ForecastBackTest(asOf: asOf, weeks: weeks)
    }
}
