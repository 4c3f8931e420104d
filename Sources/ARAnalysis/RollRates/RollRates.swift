import ARCore

/// The share of one bucket's balance at a date that sits in the next bucket at the next date.
public struct RollRate: Sendable, Equatable {
    public var from: Day
    public var to: Day
    /// The bucket at `from`; the invoices are looked for in bucket + 1 at `to`.
    public var bucket: Int
    /// Open at `from` in the bucket, reporting minor units.
    public var fromBalance: Int64
    /// The part of `fromBalance` (measured at `from`) on invoices still open in the next bucket at `to`.
    public var rolled: Int64

    /// rolled / fromBalance × 100; nil when the bucket was empty at `from`.
    public var percent: Double? { fromBalance == 0 ? nil : Double(rolled) / Double(fromBalance) * 100 }
}

/// Roll rates over consecutive dates (docs/METRICS.md, "Roll rates"), by a walk of their own over
/// the invoices: the reference definition. The analysis takes them from its balance pass
/// (`BalanceSeries.compute(rollRatesOver:)`), which tests hold to this.
public enum RollRates {
    /// For each pair of consecutive `dates` (ascending) and each bucket but the last.
    public static func compute(
        ledger: Ledger, facts: InvoiceFacts, dates: [Day], buckets: AgingBuckets, basis: AgingBasis
    ) -> [RollRate] {
        let pairs = dates.count - 1
        guard pairs > 0 else { return [] }
        precondition(zip(dates, dates.dropFirst()).allSatisfy { $0 < $1 }, "roll-rate dates must ascend")
        let bucketCount = buckets.count
        var fromBalance = [Int64](repeating: 0, count: pairs * bucketCount)
        var rolled = [Int64](repeating: 0, count: pairs * bucketCount)
        let invoices = ledger.invoices
        let applications = ledger.applications
        let first = dates[0]
        let last = dates[dates.count - 1]
        let search = DateSearch(dates)
        fromBalance.withUnsafeMutableBufferPointer { fromBalance in
            rolled.withUnsafeMutableBufferPointer { rolled in
                // Settled by the first date and never overpaid, or issued after the last and not
                // irregular: never open at a date. (An irregular one issued after the last date is
                // visited, and adds nothing: its walk starts past the last date.)
                for candidate in facts.candidates(issue: invoices.issue, from: first, through: last) {
                    let invoice = Int(candidate)
                    let amount = invoices.amount[invoice]
                    let ageFrom = basis == .due ? invoices.due[invoice] : invoices.issue[invoice]
                    let converter = facts.toReporting[Int(invoices.currency[invoice])]
                    var slot = Int(applications.start[invoice])
                    let upper = Int(applications.start[invoice + 1])
                    var applied: Int64 = 0
                    // Bucket and reporting open amount at the previous date; bucket -1 = not open.
                    var previous = (bucket: -1, open: Int64(0))
                    // An invoice is not open before its issue date, nor from its settlement on (what is
                    // applied only grows). Only the dates in between, and the first one after (to close
                    // the last open date's pair), can add anything.
                    let start = search.lowerBound(invoices.issue[invoice])
                    let end = min(dates.count, search.lowerBound(facts.settle[invoice]) + 1)
                    for index in start..<end {
                        let day = dates[index]
                        while slot < upper, applications.date[slot] <= day {
                            applied += applications.amount[slot]
                            slot += 1
                        }
                        let open = invoices.issue[invoice] <= day ? max(0, amount - applied) : 0
                        var current = (bucket: -1, open: Int64(0))
                        if open > 0 {
                            let reporting =
                                open == amount ? facts.amountReporting[invoice] : (converter.convert(open) ?? 0)
                            current = (buckets.index(daysPastDue: day - ageFrom), reporting)
                        }
                        if previous.bucket >= 0 {
                            let cell = (index - 1) * bucketCount + previous.bucket
                            fromBalance[cell] += previous.open
                            if current.bucket == previous.bucket + 1 { rolled[cell] += previous.open }
                        }
                        previous = current
                    }
                }
            }
        }
        var rates: [RollRate] = []
        for pair in 0..<pairs {
            for bucket in 0..<(bucketCount - 1) {
                rates.append(
                    RollRate(
                        from: dates[pair], to: dates[pair + 1], bucket: bucket,
                        fromBalance: fromBalance[pair * bucketCount + bucket],
                        rolled: rolled[pair * bucketCount + bucket]))
            }
        }
        return rates
    }
}
