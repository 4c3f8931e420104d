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

    /// Counts one invoice settled on `settle`, weighted by its amount in reporting minor units.
    @inline(__always)
    mutating func add(weight amount: Int64, issue: Day, due: Day, settle: Day) {
        let weight = Int128(amount)
        self.weight += weight
        weightedDaysToPay += weight * Int128(settle - issue)
        weightedDaysLate += weight * Int128(max(0, settle - due))
        invoices += 1
    }

    mutating func add(_ other: SettlementStats) {
        weight += other.weight
        weightedDaysToPay += other.weightedDaysToPay
        weightedDaysLate += other.weightedDaysLate
        invoices += other.invoices
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
            let (weight, issue, due) = (facts.amountReporting[invoice], invoices.issue[invoice], invoices.due[invoice])
            overall.add(weight: weight, issue: issue, due: due, settle: settle)
            byCustomer[Int(invoices.customer[invoice])].add(weight: weight, issue: issue, due: due, settle: settle)
        }
        return (overall, byCustomer)
    }
}

/// Days to pay over the year to an as-of date T, as the KPIs, risk scoring and the forecast read
/// it: invoices settled in (T-365, T], and the same split at T-90 for risk's trend factor.
/// One pass over the invoices gives all three (the windows were once computed a pass each).
public struct SettlementYear: Sendable {
    /// T.
    public var asOf: Day
    /// Settled in (T-365, T].
    public var overall: SettlementStats
    public var byCustomer: [SettlementStats]
    /// Settled in (T-90, T].
    public var recentByCustomer: [SettlementStats]
    /// Settled in (T-365, T-90].
    public var earlierByCustomer: [SettlementStats]

    static let recentDays: Day = 90

    /// `compute(ledger:facts:asOf:).overall` alone, without the per-customer sums (the integer
    /// sums are the same): what a comparison snapshot without risk scores reads.
    public static func overall(ledger: Ledger, facts: InvoiceFacts, asOf: Day) -> SettlementStats {
        var overall = SettlementStats()
        let invoices = ledger.invoices
        for invoice in 0..<invoices.count {
            let settle = facts.settle[invoice]
            guard settle > asOf - 365, settle <= asOf else { continue }
            overall.add(
                weight: facts.amountReporting[invoice], issue: invoices.issue[invoice], due: invoices.due[invoice],
                settle: settle)
        }
        return overall
    }

    public static func compute(ledger: Ledger, facts: InvoiceFacts, asOf: Day) -> SettlementYear {
        compute(ledger: ledger, facts: facts, asOf: asOf, alsoAt: nil).atT
    }

    /// The year to `asOf` and, with `other`, the year to `other` too, in the same pass over the
    /// invoices: the run reads it at T and at the back-test's T-91, and the pass is memory-bound
    /// (five columns of every invoice).
    public static func compute(ledger: Ledger, facts: InvoiceFacts, asOf: Day, alsoAt other: Day?) -> (
        atT: SettlementYear, atOther: SettlementYear?
    ) {
        let customers = ledger.customers.count
        let empty = [SettlementStats](repeating: SettlementStats(), count: customers)
        var (recent, earlier) = (empty, empty)
        var (otherRecent, otherEarlier) = other == nil ? ([], []) : (empty, empty)
        let invoices = ledger.invoices
        // Settlement days outside both years are skipped at once.
        let (low, high) = other.map { (min(asOf, $0) - 365, max(asOf, $0)) } ?? (asOf - 365, asOf)
        let secondDate = other ?? asOf
        recent.withUnsafeMutableBufferPointer { recent in
            earlier.withUnsafeMutableBufferPointer { earlier in
                otherRecent.withUnsafeMutableBufferPointer { otherRecent in
                    otherEarlier.withUnsafeMutableBufferPointer { otherEarlier in
                        for invoice in 0..<invoices.count {
                            let settle = facts.settle[invoice]
                            guard settle > low, settle <= high else { continue }
                            let customer = Int(invoices.customer[invoice])
                            let (weight, issue, due) = (
                                facts.amountReporting[invoice], invoices.issue[invoice], invoices.due[invoice]
                            )
                            let settled = SettledInvoice(weight: weight, issue: issue, due: due, settle: settle)
                            settled.count(toYearEnding: asOf, customer: customer, recent: recent, earlier: earlier)
                            if other != nil {
                                settled.count(
                                    toYearEnding: secondDate, customer: customer, recent: otherRecent,
                                    earlier: otherEarlier)
                            }
                        }
                    }
                }
            }
        }
        return (
            year(asOf: asOf, recent: recent, earlier: earlier),
            other.map { year(asOf: $0, recent: otherRecent, earlier: otherEarlier) }
        )
    }

    /// One settled invoice, counted in the year to a date if it falls in it.
    private struct SettledInvoice {
        let weight: Int64
        let issue: Day
        let due: Day
        let settle: Day

        /// Adds the invoice to `customer`'s recent or earlier part of the year to `asOf`, if settled in it.
        @inline(__always)
        func count(
            toYearEnding asOf: Day, customer: Int, recent: UnsafeMutableBufferPointer<SettlementStats>,
            earlier: UnsafeMutableBufferPointer<SettlementStats>
        ) {
            guard settle > asOf - 365, settle <= asOf else { return }
            if settle > asOf - recentDays {
                recent[customer].add(weight: weight, issue: issue, due: due, settle: settle)
            } else {
                earlier[customer].add(weight: weight, issue: issue, due: due, settle: settle)
            }
        }
    }

    /// The year from its two parts by customer: integer sums, the same totals as a pass over the whole year.
    private static func year(asOf: Day, recent: [SettlementStats], earlier: [SettlementStats]) -> SettlementYear {
        var overall = SettlementStats()
        var byCustomer = recent
        for customer in 0..<recent.count {
            byCustomer[customer].add(earlier[customer])
            overall.add(byCustomer[customer])
        }
        return SettlementYear(
            asOf: asOf, overall: overall, byCustomer: byCustomer, recentByCustomer: recent, earlierByCustomer: earlier)
    }
}
