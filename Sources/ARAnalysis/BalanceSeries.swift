import ARCore

/// The receivable balance at one date (docs/METRICS.md, "Ledger at T").
public struct Balance: Sendable, Equatable {
    public var date: Day
    /// AR: the sum of open amounts, in reporting minor units.
    public var total: Int64 = 0
    /// Open amounts on invoices with due_date >= date.
    public var current: Int64 = 0
    /// Open amounts by aging bucket.
    public var buckets: [Int64]
    /// Open amounts in each currency's own minor units (for the roll-forward).
    public var openByCurrency: [Int64]
    /// Unapplied cash in each currency's own minor units: on account, unknown invoices,
    /// prepayments and excess.
    public var unappliedByCurrency: [Int64]

    init(date: Day, buckets: Int, currencies: Int) {
        self.date = date
        self.buckets = [Int64](repeating: 0, count: buckets)
        openByCurrency = [Int64](repeating: 0, count: currencies)
        unappliedByCurrency = [Int64](repeating: 0, count: currencies)
    }

    mutating func add(_ other: Balance) {
        total += other.total
        current += other.current
        for index in buckets.indices { buckets[index] += other.buckets[index] }
        for index in openByCurrency.indices {
            openByCurrency[index] += other.openByCurrency[index]
            unappliedByCurrency[index] += other.unappliedByCurrency[index]
        }
    }
}

/// Balances at many dates in one pass over the invoices: each invoice adds to
/// the dates in [issue, settle) only, so the cost follows how long invoices stay open.
public enum BalanceSeries {
    public static func compute(
        ledger: Ledger, facts: InvoiceFacts, dates unsortedDates: [Day], buckets: AgingBuckets, basis: AgingBasis
    ) -> [Day: Balance] {
        let dates = Array(Set(unsortedDates)).sorted()
        let invoices = ledger.invoices
        let applications = ledger.applications
        let currencyCount = ledger.currencies.count
        let parts = inParallelHalves(count: invoices.count) { range -> [Balance] in
            var balances = dates.map { Balance(date: $0, buckets: buckets.count, currencies: currencyCount) }
            for invoice in range {
                addInvoice(
                    invoice, invoices: invoices, applications: applications, facts: facts, dates: dates,
                    buckets: buckets, basis: basis, into: &balances)
            }
            return balances
        }
        var balances = parts[0]
        for part in parts.dropFirst() {
            for index in balances.indices { balances[index].add(part[index]) }
        }
        addUnappliedItems(ledger.unapplied, dates: dates, into: &balances)
        return Dictionary(uniqueKeysWithValues: balances.map { ($0.date, $0) })
    }

    /// First index in `dates` whose date is >= `day`.
    @inline(__always)
    static func lowerBound(_ dates: [Day], _ day: Day) -> Int {
        var low = 0
        var high = dates.count
        while low < high {
            let middle = (low + high) / 2
            if dates[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    @inline(__always)
    private static func addInvoice(
        _ invoice: Int, invoices: InvoiceTable, applications: ApplicationTable, facts: InvoiceFacts, dates: [Day],
        buckets: AgingBuckets, basis: AgingBasis, into balances: inout [Balance]
    ) {
        let amount = invoices.amount[invoice]
        let issue = invoices.issue[invoice]
        let due = invoices.due[invoice]
        let currency = Int(invoices.currency[invoice])
        let converter = facts.toReporting[currency]
        let ageFrom = basis == .due ? due : issue
        let lower = Int(applications.start[invoice])
        let upper = Int(applications.start[invoice + 1])

        @inline(__always) func addOpen(_ k: Int, _ open: Int64) {
            let reporting = open == amount ? facts.amountReporting[invoice] : (converter.convert(open) ?? 0)
            let day = dates[k]
            balances[k].total += reporting
            if due >= day { balances[k].current += reporting }
            balances[k].buckets[buckets.index(daysPastDue: day - ageFrom)] += reporting
            balances[k].openByCurrency[currency] += open
        }

        if !facts.irregular[invoice] {
            // Open from issue until settlement; applied = what was paid by each date.
            let settle = facts.settle[invoice]
            var k = lowerBound(dates, issue)
            var slot = lower
            var applied: Int64 = 0
            while k < dates.count, dates[k] < settle {
                while slot < upper, applications.date[slot] <= dates[k] {
                    applied += applications.amount[slot]
                    slot += 1
                }
                addOpen(k, amount - applied)
                k += 1
            }
            return
        }
        // Paid early or overpaid: before issue the cash is a prepayment, after it any
        // excess over the amount is unapplied cash of the invoice's customer.
        let firstApplication = applications.date[lower]
        var k = lowerBound(dates, min(issue, firstApplication))
        var slot = lower
        var applied: Int64 = 0
        while k < dates.count {
            let day = dates[k]
            while slot < upper, applications.date[slot] <= day {
                applied += applications.amount[slot]
                slot += 1
            }
            if day < issue {
                balances[k].unappliedByCurrency[currency] += applied
            } else if applied < amount {
                addOpen(k, amount - applied)
            } else {
                balances[k].unappliedByCurrency[currency] += applied - amount
            }
            k += 1
        }
    }

    private static func addUnappliedItems(_ unapplied: UnappliedTable, dates: [Day], into balances: inout [Balance]) {
        for item in 0..<unapplied.count {
            let currency = Int(unapplied.currency[item])
            for k in lowerBound(dates, unapplied.date[item])..<dates.count {
                balances[k].unappliedByCurrency[currency] += unapplied.amount[item]
            }
        }
    }
}
