import ARCore

/// Invoiced amounts by issue day, in reporting minor units at the as-of rates,
/// with prefix sums so any window's sales cost two lookups.
public struct SalesCalendar: Sendable, Equatable {
    /// The day before the first day counted.
    let origin: Day
    /// cumulative[i] = sales issued in (origin, origin + i].
    let cumulative: [Int64]

    public init(ledger: Ledger, facts: InvoiceFacts, through lastDay: Day) {
        let issue = ledger.invoices.issue
        let first = issue.lazy.filter { $0 <= lastDay }.min() ?? lastDay
        origin = first - 1
        var daily = [Int64](repeating: 0, count: Int(lastDay - origin) + 1)
        for invoice in issue.indices where issue[invoice] <= lastDay {
            daily[Int(issue[invoice] - origin)] += facts.amountReporting[invoice]
        }
        for index in daily.indices.dropFirst() { daily[index] += daily[index - 1] }
        cumulative = daily
    }

    /// The calendar `SalesCalendar(ledger:facts:through: lastDay)` would build, cut from one through a
    /// later day (or nil if `lastDay` is past its end): the comparison snapshots reuse the as-of date's.
    public init?(_ later: SalesCalendar, through lastDay: Day) {
        let laterLastDay = later.origin + Day(later.cumulative.count - 1)
        guard lastDay <= laterLastDay else { return nil }
        // The first issue day on or before `lastDay` is the later calendar's first day, unless that
        // is after `lastDay` (then nothing was issued by `lastDay`).
        if later.origin + 1 <= lastDay {
            origin = later.origin
            cumulative = Array(later.cumulative[0...Int(lastDay - later.origin)])
        } else {
            origin = lastDay - 1
            cumulative = [0, 0]
        }
    }

    /// Sales issued on or before `day`.
    func through(_ day: Day) -> Int64 {
        let index = Int(day) - Int(origin)
        if index <= 0 { return 0 }
        return cumulative[min(index, cumulative.count - 1)]
    }

    /// Sales issued in (after, through].
    public func sales(after: Day, through last: Day) -> Int64 {
        last <= after ? 0 : through(last) - through(after)
    }
}
