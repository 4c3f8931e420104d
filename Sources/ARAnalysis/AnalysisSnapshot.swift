import ARCore

/// The headline figures and risk scores at one date: what a report compares T against (T-7 and the
/// previous month end). Computed with the same functions and formulas as `Analysis.run` at that date,
/// without the trend, roll-forward, worklist, forecast, back-test and roll rates, so the comparisons
/// cost a fraction of two full runs. Tests check the figures equal `Analysis.run`'s at the same date.
public struct AnalysisSnapshot: Sendable {
    public var kpis: KPIs
    /// In customer index order, as `AnalysisResult.risk`; empty unless asked for (it is the costly part).
    public var risk: [CustomerRisk]
}

extension Analysis {
    /// `settings` at each of `dates` (the as-of date replaced), side by side: pure, like `run`.
    /// Risk scores are computed only for the dates in `riskAt`. `facts`, when given, must be
    /// `InvoiceFacts(ledger: ledger)`: they do not depend on the date. `sales`, when given, must be
    /// a sales calendar of the same ledger (`AnalysisResult.sales`): each date's calendar is cut
    /// from it, or built when the date is past its end. `balances`, when given, are balances of the
    /// same ledger and settings (`AnalysisResult.balances`): only the dates they lack are computed.
    public static func snapshots(
        ledger: Ledger, settings: AnalysisSettings, dates: [Day], riskAt: Set<Day> = [], facts given: InvoiceFacts? = nil,
        sales later: SalesCalendar? = nil, balances known: [Day: Balance] = [:]
    ) -> [AnalysisSnapshot] {
        let window = settings.dsoDays
        let facts = given ?? InvoiceFacts(ledger: ledger)
        let missing = snapshotBalanceDates(dates, dsoDays: window).filter { known[$0] == nil }
        let balances =
            missing.isEmpty
            ? known
            : known.merging(
                BalanceSeries.compute(
                    ledger: ledger, facts: facts, dates: missing, buckets: settings.buckets, basis: settings.basis)
            ) { first, _ in first }
        let snapshot: @Sendable (Day) -> AnalysisSnapshot = { asOf in
            var settings = settings
            settings.asOf = asOf
            // KPIs and risk read the per-customer totals only.
            let position = Position.compute(ledger: ledger, facts: facts, settings: settings, items: false)
            let sales =
                later.flatMap { SalesCalendar($0, through: asOf) }
                ?? SalesCalendar(ledger: ledger, facts: facts, through: asOf)
            assert(
                later == nil || sales == SalesCalendar(ledger: ledger, facts: facts, through: asOf),
                "the sales calendar given is not this ledger's")
            // The KPIs read the year's overall days to pay; only risk scoring reads them by customer.
            var settlement = SettlementStats()
            var risk: [CustomerRisk] = []
            if riskAt.contains(asOf) {
                let year = SettlementYear.compute(ledger: ledger, facts: facts, asOf: asOf)
                settlement = year.overall
                risk = RiskScorecard.compute(
                    ledger: ledger, position: position, settlement: year, asOf: asOf, settings: settings.risk)
            } else {
                settlement = SettlementYear.overall(ledger: ledger, facts: facts, asOf: asOf)
            }
            let kpis = KPIs.assemble(
                ledger: ledger, asOf: asOf, window: window, balances: balances, position: position, sales: sales,
                settlement: settlement)
            return AnalysisSnapshot(kpis: kpis, risk: risk)
        }
        guard dates.count == 2 else { return dates.map(snapshot) }
        // Neither side can throw, so `try!` cannot fire.
        let (first, second) = try! inParallel({ snapshot(dates[0]) }, { snapshot(dates[1]) })
        return [first, second]
    }

    /// The balances a snapshot at each of `dates` reads: the date, the date less the DSO window,
    /// and a year before (for `run`'s `balancesAlsoAt`).
    public static func snapshotBalanceDates(_ dates: [Day], dsoDays window: Int32) -> [Day] {
        dates.flatMap { [$0, $0 - window, $0 - 365] }
    }
}
