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
    /// Risk scores are computed only for the dates in `riskAt`.
    public static func snapshots(ledger: Ledger, settings: AnalysisSettings, dates: [Day], riskAt: Set<Day> = [])
        -> [AnalysisSnapshot]
    {
        let window = settings.dsoDays
        let facts = InvoiceFacts(ledger: ledger)
        let balances = BalanceSeries.compute(
            ledger: ledger, facts: facts, dates: dates.flatMap { [$0, $0 - window, $0 - 365] }, buckets: settings.buckets,
            basis: settings.basis)
        let snapshot: @Sendable (Day) -> AnalysisSnapshot = { asOf in
            var settings = settings
            settings.asOf = asOf
            let position = Position.compute(ledger: ledger, facts: facts, settings: settings)
            let sales = SalesCalendar(ledger: ledger, facts: facts, through: asOf)
            let settlement = SettlementStats.compute(ledger: ledger, facts: facts, after: asOf - 365, through: asOf)
            // The KPIs exactly as `Analysis.run` assembles them (docs/METRICS.md, "Metrics").
            let atT = balances[asOf]!
            let salesWindow = sales.sales(after: asOf - window, through: asOf)
            let dso = DSOFormulas.dso(ar: atT.total, sales: salesWindow, days: window)
            let bpdso = DSOFormulas.dso(ar: atT.current, sales: salesWindow, days: window)
            let yearSales = sales.sales(after: asOf - 365, through: asOf)
            let averageAR = Double(balances[asOf - 365]!.total + atT.total) / 2
            let kpis = KPIs(
                asOf: asOf, currency: ledger.reportingCurrency, totalAR: atT.total, currentAR: atT.current,
                pastDueAR: atT.total - atT.current, over90AR: position.over90.reduce(0, +),
                disputedAR: position.disputed.reduce(0, +), unapplied: position.unapplied.reduce(0, +),
                salesWindow: salesWindow, dso: dso,
                dsoCountback: CountbackDSO.compute(ar: atT.total, asOf: asOf, sales: sales),
                bpdso: bpdso, add: dso.flatMap { dso in bpdso.map { dso - $0 } },
                cei: DSOFormulas.cei(
                    openingAR: balances[asOf - window]!.total, sales: salesWindow, closingAR: atT.total,
                    closingCurrent: atT.current),
                turnover: averageAR == 0 ? nil : Double(yearSales) / averageAR,
                avgDaysToPay: settlement.overall.averageDaysToPay, avgDaysLate: settlement.overall.averageDaysLate,
                customersWithBalance: position.openTotal.lazy.filter { $0 > 0 }.count)
            let risk =
                riskAt.contains(asOf)
                ? RiskScorecard.compute(ledger: ledger, facts: facts, position: position, asOf: asOf, settings: settings.risk)
                : []
            return AnalysisSnapshot(kpis: kpis, risk: risk)
        }
        guard dates.count == 2 else { return dates.map(snapshot) }
        // Neither side can throw, so `try!` cannot fire.
        let (first, second) = try! inParallel({ snapshot(dates[0]) }, { snapshot(dates[1]) })
        return [first, second]
    }
}
