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
        ledger: Ledger, facts: InvoiceFacts, dates: [Day], buckets: AgingBuckets, basis: AgingBasis
    ) -> [Day: Balance] {
        compute(ledger: ledger, facts: facts, dates: dates, buckets: buckets, basis: basis, rollRatesOver: []).balances
    }

    /// The balances at `dates` and, in the same pass, the roll rates over `rollDates` (ascending,
    /// each one of `dates`): the same figures as `RollRates.compute`, which walks every invoice
    /// open at those dates a second time to find what this walk already has (its bucket and open
    /// amount at each date).
    public static func compute(
        ledger: Ledger, facts: InvoiceFacts, dates unsortedDates: [Day], buckets: AgingBuckets, basis: AgingBasis,
        rollRatesOver rollDates: [Day]
    ) -> (balances: [Day: Balance], rollRates: [RollRate]) {
        let dates = Array(Set(unsortedDates)).sorted()
        precondition(zip(rollDates, rollDates.dropFirst()).allSatisfy { $0 < $1 }, "roll-rate dates must ascend")
        let invoices = ledger.invoices
        let applications = ledger.applications
        let layout = SumsLayout(
            dates: dates.count, buckets: buckets.count, currencies: ledger.currencies.count,
            rollPairs: max(0, rollDates.count - 1))
        let search = DateSearch(dates)
        // The roll date each date is, or -1.
        var rollIndex = [Int](repeating: -1, count: dates.count)
        for (index, day) in rollDates.enumerated() {
            let k = search.lowerBound(day)
            precondition(k < dates.count && dates[k] == day, "a roll-rate date must be one of the dates")
            rollIndex[k] = index
        }
        let walk = RollWalk(index: rollIndex, last: rollDates.count - 1, enabled: rollDates.count > 1)
        // Invoices settled by the first date or issued after the last (and neither prepaid nor
        // overpaid) add nothing to any date. Each core finds those of half the invoices, then
        // walks half of all it found: the later invoices, open at more of the dates, are more
        // often candidates (split by invoice, the second half took a third longer than the first).
        let found = inParallelHalves(count: invoices.count) { range in
            facts.candidates(issue: invoices.issue, from: dates.first ?? .min, through: dates.last ?? .min, in: range)
        }
        let candidates = found.count == 1 ? found[0] : found[0] + found[1]
        let parts = inParallelHalves(count: candidates.count) { range -> [Int64] in
            var sums = [Int64](repeating: 0, count: layout.count)
            sums.withUnsafeMutableBufferPointer { sums in
                for candidate in candidates[range] {
                    let invoice = Int(candidate)
                    addInvoice(
                        invoice, invoices: invoices, applications: applications, facts: facts, search: search,
                        buckets: buckets, basis: basis, layout: layout, walk: walk, into: sums)
                }
            }
            return sums
        }
        var sums = parts[0]
        for part in parts.dropFirst() {
            for index in sums.indices { sums[index] += part[index] }
        }
        addUnappliedItems(ledger.unapplied, search: search, layout: layout, into: &sums)
        let balances = Dictionary(
            uniqueKeysWithValues: dates.enumerated().map { k, day in (day, layout.balance(k, date: day, sums)) })
        var rates: [RollRate] = []
        for pair in 0..<layout.rollPairs {
            for bucket in 0..<(buckets.count - 1) {
                rates.append(
                    RollRate(
                        from: rollDates[pair], to: rollDates[pair + 1], bucket: bucket,
                        fromBalance: sums[layout.rollFrom(pair, bucket)], rolled: sums[layout.rolled(pair, bucket)]))
            }
        }
        return (balances, rates)
    }

    /// Where each date's sums lie in one flat array: total, current, the buckets, the open amounts
    /// by currency and the unapplied cash by currency. Adding to plain integers in one buffer,
    /// rather than to arrays inside an array of balances, spares a uniqueness check per add.
    /// After the dates come the roll rates' cells: for each pair of consecutive roll dates and each
    /// bucket, the balance at the first date and the part of it in the next bucket at the second.
    struct SumsLayout {
        let buckets: Int
        let currencies: Int
        let stride: Int
        let rollPairs: Int
        let rollBase: Int
        let count: Int

        init(dates: Int, buckets: Int, currencies: Int, rollPairs: Int = 0) {
            self.buckets = buckets
            self.currencies = currencies
            self.rollPairs = rollPairs
            stride = 2 + buckets + 2 * currencies
            rollBase = dates * stride
            count = rollBase + rollPairs * buckets * 2
        }

        func total(_ k: Int) -> Int { k * stride }
        func current(_ k: Int) -> Int { k * stride + 1 }
        func bucket(_ k: Int, _ bucket: Int) -> Int { k * stride + 2 + bucket }
        func open(_ k: Int, _ currency: Int) -> Int { k * stride + 2 + buckets + currency }
        func unapplied(_ k: Int, _ currency: Int) -> Int { k * stride + 2 + buckets + currencies + currency }
        func rollFrom(_ pair: Int, _ bucket: Int) -> Int { rollBase + (pair * buckets + bucket) * 2 }
        func rolled(_ pair: Int, _ bucket: Int) -> Int { rollBase + (pair * buckets + bucket) * 2 + 1 }

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

    /// An invoice's walk over the roll dates (docs/METRICS.md, "Roll rates"): its bucket and open
    /// amount at the last roll date seen, and what each pair of consecutive roll dates adds.
    struct RollWalk {
        /// The roll date each date is, or -1.
        let index: [Int]
        /// The last roll date's index.
        let last: Int
        let enabled: Bool

        struct State {
            var date = -1
            /// -1: no roll date seen open yet.
            var bucket = -1
            var open: Int64 = 0
        }

        /// The invoice is open at date `k`, in `bucket` with `open` (reporting minor units). It is
        /// open over one unbroken run of dates (from its issue until it is settled or overpaid),
        /// so the roll date seen before, if any, is the one just before this one.
        @inline(__always)
        func visit(
            _ k: Int, bucket: Int, open: Int64, _ state: inout State, layout: SumsLayout,
            into sums: UnsafeMutableBufferPointer<Int64>
        ) {
            let date = index[k]
            guard date >= 0 else { return }
            if state.bucket >= 0 {
                sums[layout.rollFrom(date - 1, state.bucket)] += state.open
                if bucket == state.bucket + 1 { sums[layout.rolled(date - 1, state.bucket)] += state.open }
            }
            state = State(date: date, bucket: bucket, open: open)
        }

        /// After the invoice's last open date. Open at a roll date but not at the next one (settled
        /// or overpaid by then), its balance at that date counts for the pair, as rolled nowhere.
        @inline(__always)
        func finish(_ state: State, layout: SumsLayout, into sums: UnsafeMutableBufferPointer<Int64>) {
            if state.bucket >= 0, state.date < last { sums[layout.rollFrom(state.date, state.bucket)] += state.open }
        }
    }

    @inline(__always)
    private static func addInvoice(
        _ invoice: Int, invoices: InvoiceTable, applications: ApplicationTable, facts: InvoiceFacts,
        search: DateSearch, buckets: AgingBuckets, basis: AgingBasis, layout: SumsLayout, walk: RollWalk,
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
        var roll = RollWalk.State()

        /// Adds what is open at date `k` to its sums, and to the roll rates if `k` is a roll date.
        @inline(__always) func addOpen(_ k: Int, _ open: Int64) {
            let reporting = open == amount ? facts.amountReporting[invoice] : (converter.convert(open) ?? 0)
            let day = dates[k]
            let bucket = buckets.index(daysPastDue: day - ageFrom)
            sums[layout.total(k)] += reporting
            if due >= day { sums[layout.current(k)] += reporting }
            sums[layout.bucket(k, bucket)] += reporting
            sums[layout.open(k, currency)] += open
            if walk.enabled { walk.visit(k, bucket: bucket, open: reporting, &roll, layout: layout, into: sums) }
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
            if walk.enabled { walk.finish(roll, layout: layout, into: sums) }
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
        if walk.enabled { walk.finish(roll, layout: layout, into: sums) }
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
