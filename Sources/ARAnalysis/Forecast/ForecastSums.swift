import ARCore

/// The cash forecast's sums at an as-of date, open items added one at a time in any order:
/// from a position's items at T, or straight from the ledger at the back-test's T-91, where no
/// position is built (docs/METRICS.md, "Cash forecast").
struct ForecastSums {
    let asOf: Day
    private let due: [Day]
    private let daysLate: [Double]
    private let paidRecently: [Bool]
    private var weekly = [Int64](repeating: 0, count: CashForecast.weeks)
    private var beyond: Int64 = 0
    private var unlikely: Int64 = 0

    /// `settlement` must be the year to `asOf`; `paidRecently`, when given, the recent payers at
    /// `asOf` (`CashForecast.recentPayers`).
    init(ledger: Ledger, settlement: SettlementYear, asOf: Day, paidRecently given: [Bool]?) {
        self.asOf = asOf
        due = ledger.invoices.due
        daysLate = ExpectedDaysLate.compute(ledger: ledger, stats: settlement)
        paidRecently = given ?? CashForecast.recentPayers(ledger: ledger, asOf: [asOf])[0]
    }

    /// An open item: its invoice and customer, days past due at `asOf` and open amount in
    /// reporting minor units.
    @inline(__always)
    mutating func add(invoice: Int, customer: Int, daysPastDue: Int32, open: Int64) {
        if daysPastDue > CashForecast.unlikelyAfterDaysPastDue, !paidRecently[customer] {
            unlikely += open
            return
        }
        // Days late are rounded half away from zero to whole days; nothing is expected before T+1.
        let expected = max(due[invoice] + Day(daysLate[customer].rounded()), asOf + 1)
        let week = Int(expected - asOf - 1) / 7
        if week < CashForecast.weeks { weekly[week] += open } else { beyond += open }
    }

    /// The forecast of the items added.
    var forecast: CashForecast {
        var periods = weekly.enumerated().map { index, amount in
            ForecastPeriod(
                kind: .week(index + 1), start: CashForecast.weekStart(index + 1, asOf: asOf),
                end: CashForecast.weekStart(index + 2, asOf: asOf) - 1, expected: amount)
        }
        periods.append(
            ForecastPeriod(
                kind: .beyond, start: CashForecast.weekStart(CashForecast.weeks + 1, asOf: asOf), end: nil,
                expected: beyond))
        periods.append(ForecastPeriod(kind: .unlikely, start: nil, end: nil, expected: unlikely))
        return CashForecast(asOf: asOf, periods: periods)
    }
}
