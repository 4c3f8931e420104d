import ARCore

/// The headline figures at the as-of date (SPEC section 4; docs/METRICS.md).
/// Amounts are reporting minor units; nil ratios are "empty" in the outputs.
public struct KPIs: Sendable, Equatable {
    public var asOf: Day
    public var currency: Currency
    public var totalAR: Int64
    public var currentAR: Int64
    public var pastDueAR: Int64
    public var over90AR: Int64
    public var disputedAR: Int64
    public var unapplied: Int64
    public var salesWindow: Int64
    public var dso: Double?
    public var dsoCountback: CountbackDSO
    public var bpdso: Double?
    public var add: Double?
    public var cei: Double?
    public var turnover: Double?
    public var avgDaysToPay: Double?
    public var avgDaysLate: Double?
    public var customersWithBalance: Int
}

extension KPIs {
    /// The headline figures at `asOf` from the balances at T, T-D and T-365, the position,
    /// the sales calendar and the settlement stats (docs/METRICS.md, "Metrics"). One place
    /// for `Analysis.run` and the comparison snapshots, so the two cannot drift.
    static func assemble(
        ledger: Ledger, asOf: Day, window: Int32, balances: [Day: Balance], position: Position, sales: SalesCalendar,
        settlement: SettlementStats
    ) -> KPIs {
        let atT = balances[asOf]!
        let salesWindow = sales.sales(after: asOf - window, through: asOf)
        let dso = DSOFormulas.dso(ar: atT.total, sales: salesWindow, days: window)
        let bpdso = DSOFormulas.dso(ar: atT.current, sales: salesWindow, days: window)
        let yearSales = sales.sales(after: asOf - 365, through: asOf)
        let averageAR = Double(balances[asOf - 365]!.total + atT.total) / 2
        return KPIs(
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
            avgDaysToPay: settlement.averageDaysToPay, avgDaysLate: settlement.averageDaysLate,
            customersWithBalance: position.openTotal.lazy.filter { $0 > 0 }.count)
    }
}

/// DSO, BPDSO, ADD and CEI from balances and window sales (docs/METRICS.md, "DSO").
public enum DSOFormulas {
    /// DSO = AR / Sales_W * D; nil when there were no sales.
    public static func dso(ar: Int64, sales: Int64, days: Int32) -> Double? {
        sales == 0 ? nil : Double(ar) / Double(sales) * Double(days)
    }

    /// CEI = (AR_{T-D} + Sales_W - AR_T) / (AR_{T-D} + Sales_W - Current_T) * 100; nil when the denominator is 0.
    public static func cei(openingAR: Int64, sales: Int64, closingAR: Int64, closingCurrent: Int64) -> Double? {
        let denominator = openingAR + sales - closingCurrent
        guard denominator != 0 else { return nil }
        return Double(openingAR + sales - closingAR) / Double(denominator) * 100
    }
}

/// One point of the 12-month trend.
public struct TrendPoint: Sendable, Equatable {
    public var date: Day
    public var totalAR: Int64
    public var buckets: [Int64]
    public var dso: Double?
    public var cei: Double?
    /// Best possible DSO at the point: current (not yet due) AR over the same window's sales.
    public var bpdso: Double? = nil
}
