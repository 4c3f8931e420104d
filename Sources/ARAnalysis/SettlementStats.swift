import ARCore

/// Amount-weighted days to pay and days late over invoices settled in a window
/// (docs/METRICS.md, "Days to pay").
public struct SettlementStats: Sendable, Equatable {
    /// Sum of settled invoice amounts (reporting minor units at the as-of rates).
    public var weight: Int128 = 0
    public var weightedDaysToPay: Int128 = 0
    public var weightedDaysLate: Int128 = 0
    public var invoices = 0

    public init() {}

    public var averageDaysToPay: Double? {
        weight == 0 ? nil : Self.double(weightedDaysToPay) / Self.double(weight)
    }

    public var averageDaysLate: Double? {
        weight == 0 ? nil : Self.double(weightedDaysLate) / Self.double(weight)
    }

    /// The same value as `Double(value)`, through Int64 when it fits: the generic Int128 conversion
    /// is slow, and risk scoring reads these averages for every customer at several dates.
    @inline(__always)
    static func double(_ value: Int128) -> Double {
        if let small = Int64(exactly: value) { return Double(small) }
        return Double(value)
    }

    /// Overall and per customer, for invoices settled in (after, through].
    public static func compute(ledger: Ledger, facts: InvoiceFacts, after: Day, through last: Day)
        -> (overall: SettlementStats, byCustomer: [SettlementStats])
    {
        var overall = SettlementStats()
        var byCustomer = [SettlementStats](repeating: SettlementStats(), count: ledger.customers.count)
        let invoices = ledger.invoices
        for invoice in 0..<invoices.count {
            let settle = facts.settle[invoice]
            guard settle > after, settle <= last else { continue }
            let weight = Int128(facts.amountReporting[invoice])
            let toPay = Int128(settle - invoices.issue[invoice])
            let late = Int128(max(0, settle - invoices.due[invoice]))
            let customer = Int(invoices.customer[invoice])
            overall.weight += weight
            overall.weightedDaysToPay += weight * toPay
            overall.weightedDaysLate += weight * late
            overall.invoices += 1
            byCustomer[customer].weight += weight
            byCustomer[customer].weightedDaysToPay += weight * toPay
            byCustomer[customer].weightedDaysLate += weight * late
            byCustomer[customer].invoices += 1
        }
        return (overall, byCustomer)
    }
}
