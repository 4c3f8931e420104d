import ARCore

/// Countback DSO (docs/METRICS.md, "Countback DSO").
public struct CountbackDSO: Sendable, Equatable {
    public var days: Double
    /// The 24 months did not absorb the AR: `days` is the days examined, a lower bound.
    public var isLowerBound: Bool

    /// Walks calendar months back from the month of `asOf` (that month counts days 1...asOf),
    /// absorbing each month's sales until the AR is used up.
    public static func compute(ar: Int64, asOf: Day, sales: SalesCalendar, maxMonths: Int = 24) -> CountbackDSO {
        var remaining = ar
        var days = 0.0
        var monthEnd = asOf
        var monthStart = CivilCalendar.monthStart(of: asOf)
        for _ in 0..<maxMonths {
            if remaining <= 0 { return CountbackDSO(days: days, isLowerBound: false) }
            let monthDays = Double(monthEnd - monthStart + 1)
            let monthSales = sales.sales(after: monthStart - 1, through: monthEnd)
            if remaining >= monthSales {
                days += monthDays
                remaining -= monthSales
            } else {
                days += Double(remaining) / Double(monthSales) * monthDays
                return CountbackDSO(days: days, isLowerBound: false)
            }
            monthEnd = monthStart - 1
            monthStart = CivilCalendar.monthStart(of: monthEnd)
        }
        return CountbackDSO(days: days, isLowerBound: remaining > 0)
    }
}
