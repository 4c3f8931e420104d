import ARCore

/// Expected collections in one period after the as-of date.
public struct ForecastPeriod: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Week n (1-based) of 7 days, the first starting the day after the as-of date.
        case week(Int)
        /// After the last week.
        case beyond
        /// More than 120 days past due with no payment from the customer in the 90 days to the as-of date.
        case unlikely
    }

    public var kind: Kind
    /// First and last day of a week; `beyond` has only a start; `unlikely` neither.
    public var start: Day?
    public var end: Day?
    /// Reporting minor units.
    public var expected: Int64
}

/// The cash forecast at an as-of date (docs/METRICS.md, "Cash forecast").
public struct CashForecast: Sendable, Equatable {
    public var asOf: Day
    /// 13 weeks, then beyond, then unlikely.
    public var periods: [ForecastPeriod]

    public static let weeks = 13
    static let unlikelyAfterDaysPastDue: Int32 = 120
    static let paymentLookbackDays: Int32 = 90

    public var weekPeriods: ArraySlice<ForecastPeriod> { periods.prefix(CashForecast.weeks) }

    /// First day of week `n` (1-based).
    public static func weekStart(_ n: Int, asOf: Day) -> Day { asOf + 1 + Day(7 * (n - 1)) }

    /// Forecasts the open items of `position` and `settlement` (which must both be at `asOf`).
    /// `paidRecently`, when given, must be `recentPayers(ledger:asOf:)` at `asOf`.
    public static func compute(
        ledger: Ledger, position: Position, settlement: SettlementYear, asOf: Day, paidRecently given: [Bool]? = nil
    ) -> CashForecast {
        var sums = ForecastSums(ledger: ledger, settlement: settlement, asOf: asOf, paidRecently: given)
        for item in position.openItems {
            sums.add(
                invoice: Int(item.invoice), customer: Int(item.customer), daysPastDue: item.daysPastDue, open: item.open
            )
        }
        return sums.forecast
    }

    /// For each date, the customers with a payment (not a credit note) dated in the 90 days to it:
    /// applied to one of their invoices, or unapplied on their account. One pass over every
    /// invoice's applications for all the dates (the run asks at T and at the back-test's T-91).
    /// Every invoice is visited: one settled before a window may still hold a payment in it that
    /// converted to zero in its currency (neither overpaid nor a candidate of `InvoiceFacts`).
    public static func recentPayers(ledger: Ledger, asOf dates: [Day]) -> [[Bool]] {
        let windows = dates.map { (after: $0 - paymentLookbackDays, through: $0) }
        // Dates outside every window are passed over with two comparisons (most are).
        let after = windows.map(\.after).min() ?? 0
        let through = windows.map(\.through).max() ?? 0
        let customerCount = ledger.customers.count
        // One flat array, window by window, written through a pointer: a nested array checked
        // its uniqueness on every write.
        var flat = [Bool](repeating: false, count: customerCount * dates.count)
        flat.withUnsafeMutableBufferPointer { paid in
            @inline(__always) func mark(_ date: Day, _ customer: Int32) {
                guard date > after, date <= through else { return }
                for (index, window) in windows.enumerated() where date > window.after && date <= window.through {
                    paid[index * customerCount + Int(customer)] = true
                }
            }
            let invoices = ledger.invoices
            let applications = ledger.applications
            let start = applications.start
            for invoice in 0..<invoices.count {
                for slot in Int(start[invoice])..<Int(start[invoice + 1]) where applications.kind[slot] == .payment {
                    mark(applications.date[slot], invoices.customer[invoice])
                }
            }
            let unapplied = ledger.unapplied
            for item in 0..<unapplied.count where unapplied.kind[item] == .payment {
                mark(unapplied.date[item], unapplied.customer[item])
            }
        }
        return dates.indices.map { Array(flat[($0 * customerCount)..<(($0 + 1) * customerCount)]) }
    }
}
