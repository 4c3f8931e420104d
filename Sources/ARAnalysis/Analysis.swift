import ARCore

/// Every figure of a run at the as-of date, computed from a ledger alone.
public struct AnalysisResult: Sendable {
    public var settings: AnalysisSettings
    public var kpis: KPIs
    public var position: Position
    /// The last day of each of the 12 months before the as-of month, then the as-of date.
    public var trend: [TrendPoint]
    public var rollForward: [RollForwardLine]
    /// Days to pay and late per customer over (T-365, T].
    public var settlementByCustomer: [SettlementStats]
    /// Scored customers in customer index order (docs/METRICS.md, "Customer risk").
    public var risk: [CustomerRisk]
    /// By priority descending, then customer_id.
    public var worklist: [WorklistItem]
    /// By customer_id.
    public var creditHolds: [CreditHold]
    public var forecast: CashForecast
    public var backTest: ForecastBackTest
    public var allowance: Allowance
    /// Over consecutive trend dates.
    public var rollRates: [RollRate]
    /// Invoiced amounts by issue day through the as-of date.
    public var sales: SalesCalendar
    /// Every balance computed: at the trend dates, each less the DSO window, T-365, and the
    /// dates `run` was asked for besides (`balancesAlsoAt`).
    public var balances: [Day: Balance]
}

/// The analysis stage: pure, a ledger and settings in, values out.
public enum Analysis {
    /// `facts`, when given, must be `InvoiceFacts(ledger: ledger)` (the batch shares them with the comparisons).
    /// Balances at `balancesAlsoAt` come in the same pass as the trend's (what `snapshots` needs,
    /// `snapshotBalanceDates`, saves it a pass over every invoice).
    public static func run(
        ledger: Ledger, settings: AnalysisSettings, facts given: InvoiceFacts? = nil, balancesAlsoAt extra: [Day] = []
    ) throws -> AnalysisResult {
        let asOf = settings.asOf
        let window = settings.dsoDays
        let facts = given ?? InvoiceFacts(ledger: ledger)
        let trendDates = (1...12).reversed().map { CivilCalendar.monthEnd(monthsBefore: $0, asOf) } + [asOf]
        // The roll rates come from the same walk over the invoices as the balances at the trend dates.
        let (balances, rollRates) = BalanceSeries.compute(
            ledger: ledger, facts: facts, dates: trendDates + trendDates.map { $0 - window } + [asOf - 365] + extra,
            buckets: settings.buckets, basis: settings.basis, rollRatesOver: trendDates)
        // The position at T (every open item, sorted), and on the other core the roll-forward, the
        // sales calendar and the year's days to pay, at T and at the back-test's T-91 in one pass:
        // they depend on nothing but the ledger, the facts and the balances, and take about as
        // long on each side.
        let atT = balances[asOf]!
        let opening = balances[asOf - window]!
        let (position, (rollForward, sales, years)) = try inParallel(
            { Position.compute(ledger: ledger, facts: facts, settings: settings) },
            {
                (
                    RollForward.compute(ledger: ledger, opening: opening, closing: atT),
                    SalesCalendar(ledger: ledger, facts: facts, through: asOf),
                    SettlementYear.compute(
                        ledger: ledger, facts: facts, asOf: asOf, alsoAt: asOf - ForecastBackTest.lookbackDays)
                )
            })
        let settlement = years.atT

        // Two independent computations of AR at T must agree to the cent.
        let positionTotal = position.openTotal.reduce(0, +)
        guard positionTotal == atT.total else {
            throw InvariantError(
                message: "AR at the as-of date is \(positionTotal) by customer but \(atT.total) in the series")
        }
        guard rollForward.allSatisfy(\.ties) else { throw RollForwardError(lines: rollForward) }

        let trend = trendDates.map { day -> TrendPoint in
            let balance = balances[day]!
            let windowSales = sales.sales(after: day - window, through: day)
            return TrendPoint(
                date: day, totalAR: balance.total, buckets: balance.buckets,
                dso: DSOFormulas.dso(ar: balance.total, sales: windowSales, days: window),
                cei: DSOFormulas.cei(
                    openingAR: balances[day - window]!.total, sales: windowSales, closingAR: balance.total,
                    closingCurrent: balance.current),
                bpdso: DSOFormulas.dso(ar: balance.current, sales: windowSales, days: window))
        }

        let kpis = KPIs.assemble(
            ledger: ledger, asOf: asOf, window: window, balances: balances, position: position, sales: sales,
            settlement: settlement.overall)

        // The back-test (the invoices open at T-91, summed from the ledger) and the forecast
        // depend on nothing below and take about as long as the risk scores, worklist and credit
        // holds: they run on the other core, with the recent payers at T and at T-91 found in one pass.
        let ((backTest, forecast), (risk, worklist, holds)) = try inParallel(
            {
                let backTestDate = asOf - ForecastBackTest.lookbackDays
                let payers = CashForecast.recentPayers(ledger: ledger, asOf: [asOf, backTestDate])
                return (
                    ForecastBackTest.compute(
                        ledger: ledger, facts: facts, settings: settings, settlement: years.atOther,
                        paidRecently: payers[1]),
                    CashForecast.compute(
                        ledger: ledger, position: position, settlement: settlement, asOf: asOf,
                        paidRecently: payers[0])
                )
            },
            {
                let risk = RiskScorecard.compute(
                    ledger: ledger, position: position, settlement: settlement, asOf: asOf, settings: settings.risk)
                let delinquency = Worklist.delinquency(ledger: ledger, position: position)
                let worklist = Worklist.compute(
                    ledger: ledger, delinquency: delinquency, risk: risk, policy: settings.policy)
                let holds = CreditHolds.compute(
                    ledger: ledger, position: position, delinquency: delinquency, worklist: worklist,
                    policy: settings.policy)
                return (risk, worklist, holds)
            })
        return AnalysisResult(
            settings: settings, kpis: kpis, position: position, trend: trend, rollForward: rollForward,
            settlementByCustomer: settlement.byCustomer, risk: risk, worklist: worklist, creditHolds: holds,
            forecast: forecast, backTest: backTest,
            allowance: Allowance.compute(bucketBalances: atT.buckets, rates: settings.effectiveAllowanceRates),
            rollRates: rollRates, sales: sales, balances: balances)
    }
}

/// Two computations that must agree did not: a bug, reported loudly.
public struct InvariantError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "internal error: \(message)" }
}
