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
        let layout = SumsLayout(dates: dates.count, buckets: buckets.count, currencies: ledger.currencies.count)
        let search = DateSearch(dates)
        let parts = inParallelHalves(count: invoices.count) { range -> [Int64] in
            var sums = [Int64](repeating: 0, count: layout.count)
            // Invoices settled by the first date or issued after the last (and neither prepaid nor
            // overpaid) add nothing to any date.
            let candidates = facts.candidates(
                issue: invoices.issue, from: dates.first ?? .min, through: dates.last ?? .min, in: range)
            sums.withUnsafeMutableBufferPointer { sums in
                for candidate in candidates {
                    let invoice = Int(candidate)
                    addInvoice(
                        invoice, invoices: invoices, applications: applications, facts: facts, search: search,
                        buckets: buckets, basis: basis, layout: layout, into: sums)
                }
            }
            return sums
        }
        var sums = parts[0]
        for part in parts.dropFirst() {
            for index in sums.indices { sums[index] += part[index] }
        }
        addUnappliedItems(ledger.unapplied, search: search, layout: layout, into: &sums)
        return Dictionary(
            uniqueKeysWithValues: dates.enumerated().map { k, day in (day, layout.balance(k, date: day, sums)) })
    }

    /// Where each date's sums lie in one flat array: total, current, the buckets, the open amounts
    /// by currency and the unapplied cash by currency. Adding to plain integers in one buffer,
    /// rather than to arrays inside an array of balances, spares a uniqueness check per add.
    struct SumsLayout {
        let buckets: Int
        let currencies: Int
        let stride: Int
        let count: Int

        init(dates: Int, buckets: Int, currencies: Int) {
            self.buckets = buckets
            self.currencies = currencies
            stride = 2 + buckets + 2 * currencies
            count = dates * stride
        }

        func total(_ k: Int) -> Int { k * stride }
        func current(_ k: Int) -> Int { k * stride + 1 }
        func bucket(_ k: Int, _ bucket: Int) -> Int { k * stride + 2 + bucket }
        func open(_ k: Int, _ currency: Int) -> Int { k * stride + 2 + buckets + currency }
        func unapplied(_ k: Int, _ currency: Int) -> Int { k * stride + 2 + buckets + currencies + currency }

        func balance(_ k: Int, date: Day, _ sums: [Int64]) -> Balance {
            var balance = Balance(date: date, buckets: buckets, currencies: currencies)
            balance.total = sums[total(k)]
            balance.current = sums[current(k)]
            balance.buckets = Array(sums[bucket(k, 0)..<bucket(k, buckets)])
            balance.openByCurrency = Array(sums[open(k, 0)..<open(k, currencies)])
            balance.unappliedByCurrency = Array(sums[unapplied(k, 0)..<unapplied(k, currencies)])
            return balance
        }
    }

    @inline(__always)
    private static func addInvoice(
        _ invoice: Int, invoices: InvoiceTable, applications: ApplicationTable, facts: InvoiceFacts,
        search: DateSearch, buckets: AgingBuckets, basis: AgingBasis, layout: SumsLayout,
        into sums: UnsafeMutableBufferPointer<Int64>
    ) {
        let dates = search.dates
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
            sums[layout.total(k)] += reporting
            if due >= day { sums[layout.current(k)] += reporting }
            sums[layout.bucket(k, buckets.index(daysPastDue: day - ageFrom))] += reporting
            sums[layout.open(k, currency)] += open
        }

        if !facts.irregular[invoice] {
            // Open from issue until settlement; applied = what was paid by each date.
            let settle = facts.settle[invoice]
            var k = search.lowerBound(issue)
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
        var k = search.lowerBound(min(issue, firstApplication))
        var slot = lower
        var applied: Int64 = 0
        while k < dates.count {
            let day = dates[k]
            while slot < upper, applications.date[slot] <= day {
                applied += applications.amount[slot]
                slot += 1
            }
            if day < issue {
                sums[layout.unapplied(k, currency)] += applied
            } else if applied < amount {
                addOpen(k, amount - applied)
            } else {
                sums[layout.unapplied(k, currency)] += applied - amount
            }
            k += 1
        }
    }

    private static func addUnappliedItems(
        _ unapplied: UnappliedTable, search: DateSearch, layout: SumsLayout, into sums: inout [Int64]
    ) {
        for item in 0..<unapplied.count {
            let currency = Int(unapplied.currency[item])
            for k in search.lowerBound(unapplied.date[item])..<search.dates.count {
                sums[layout.unapplied(k, currency)] += unapplied.amount[item]
            }
        }
    }
}
