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
