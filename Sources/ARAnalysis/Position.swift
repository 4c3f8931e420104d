import ARCore

/// One open invoice at the as-of date, as aged.
public struct OpenItem: Sendable, Equatable {
    public var invoice: Int32
    public var customer: Int32
    /// T - due_date (or T - issue_date with the issue basis); negative when not yet due.
    public var daysPastDue: Int32
    // Declared before the wider fields, the flag fits in the padding after `daysPastDue`:
    // 32 bytes an item instead of 40, for hundreds of thousands of items.
    public var disputed: Bool
    public var bucket: Int
    /// Open amount in reporting minor units.
    public var open: Int64
}

/// Unapplied cash of a customer at the as-of date, one item per source, in reporting minor units.
public struct UnappliedItem: Sendable, Equatable {
    public enum Source: String, Sendable {
        case onAccount = "on_account"
        case unknownInvoice = "unknown_invoice"
        case prepayment
        case excess
    }

    public var customer: Int32
    public var source: Source
    /// payment_id or credit_id (on account, unknown invoice), or the invoice_id (prepayment, excess).
    public var reference: String
    public var date: Day
    public var amount: Int64
}

/// Each customer's position at the as-of date (docs/METRICS.md, "Ledger at T").
public struct Position: Sendable {
    /// Open invoices sorted by customer id, due date, invoice id.
    public var openItems: [OpenItem]
    /// customers × buckets, reporting minor units: row c is `bucketTotals[c * bucketCount ..< (c+1) * bucketCount]`.
    /// Empty in a position computed without items (`compute(items: false)`).
    public var bucketTotals: [Int64]
    public var bucketCount: Int
    public var openTotal: [Int64]
    public var unapplied: [Int64]
    public var disputed: [Int64]
    /// Open more than 30 and more than 90 days past due (chosen basis), for risk.
    public var over30: [Int64]
    public var over90: [Int64]
    public var unappliedItems: [UnappliedItem]

    /// net balance = open invoices - unapplied cash.
    public func netBalance(_ customer: Int) -> Int64 { openTotal[customer] - unapplied[customer] }

    /// Customer `customer`'s open amounts by bucket: of a position with items only (a position
    /// computed with `items: false` has no bucket totals).
    public func buckets(of customer: Int) -> ArraySlice<Int64> {
        precondition(bucketTotals.count == openTotal.count * bucketCount, "bucket totals of a position without items")
        return bucketTotals[(customer * bucketCount)..<((customer + 1) * bucketCount)]
    }

    /// open_T of one invoice and the unapplied cash it leaves (prepayment before issue, excess after),
    /// in the invoice's own minor units. The reference definition the fast series is checked against.
    public static func openAndUnapplied(invoice: Int, ledger: Ledger, at day: Day) -> (open: Int64, unapplied: Int64) {
        let applications = ledger.applications
        var applied: Int64 = 0
        for slot in Int(applications.start[invoice])..<Int(applications.start[invoice + 1])
        where applications.date[slot] <= day {
            applied += applications.amount[slot]
        }
        let amount = ledger.invoices.amount[invoice]
        if ledger.invoices.issue[invoice] > day { return (0, applied) }
        return (max(0, amount - applied), max(0, applied - amount))
    }

    /// An open amount of `invoice` (its own minor units) in reporting minor units, and its days
    /// past due at the as-of date on the settings' basis (negative when not yet due).
    @inline(__always)
    static func aged(
        invoice: Int, open: Int64, ledger: Ledger, facts: InvoiceFacts, settings: AnalysisSettings
    ) -> (reporting: Int64, daysPastDue: Int32) {
        let invoices = ledger.invoices
        // Amounts are capped on load, so conversion cannot overflow; a whole amount is converted already.
        let reporting =
            open == invoices.amount[invoice]
            ? facts.amountReporting[invoice]
            : (facts.toReporting[Int(invoices.currency[invoice])].convert(open) ?? 0)
        let ageFrom = settings.basis == .due ? invoices.due[invoice] : invoices.issue[invoice]
        return (reporting, settings.asOf - ageFrom)
    }

    /// With `items` false only the per-customer totals are computed, and not by bucket: no open or
    /// unapplied items, so nothing to sort, and `bucketTotals` empty (the T-7 and month-end
    /// comparisons read totals only: 8 MB of bucket totals to zero and fill each, at 5M invoices).
    public static func compute(
        ledger: Ledger, facts: InvoiceFacts, settings: AnalysisSettings, items: Bool = true
    ) -> Position {
        let asOf = settings.asOf
        let invoices = ledger.invoices
        let customerCount = ledger.customers.count
        let bucketCount = settings.buckets.count
        var disputedAtT = InvoiceBits(count: invoices.count)
        for row in 0..<ledger.disputes.count
        where ledger.disputes.opened[row] <= asOf && ledger.disputes.resolved[row] > asOf {
            disputedAtT.insert(Int(ledger.disputes.invoice[row]))
        }
        var position = Position(
            openItems: [], bucketTotals: [Int64](repeating: 0, count: items ? customerCount * bucketCount : 0),
            bucketCount: bucketCount, openTotal: [Int64](repeating: 0, count: customerCount),
            unapplied: [Int64](repeating: 0, count: customerCount),
            disputed: [Int64](repeating: 0, count: customerCount),
            over30: [Int64](repeating: 0, count: customerCount), over90: [Int64](repeating: 0, count: customerCount),
            unappliedItems: [])
        // Issued after T and not irregular (nothing applied), or settled by T and not overpaid: nothing at T.
        let candidates = facts.candidates(issue: invoices.issue, from: asOf, through: asOf)
        if items {
            // Room for every candidate (growing by doubling copied the items into fresh pages
            // again and again), and no more: room for every invoice was an allocation of its own
            // mapping, 160 MB at 5M, where the 20 MB needed can come from memory freed before.
            // Unapplied items are mostly the unapplied rows (overpaid and prepaid invoices are few).
            position.openItems.reserveCapacity(candidates.count)
            position.unappliedItems.reserveCapacity(ledger.unapplied.count + 1024)
        }
        for candidate in candidates {
            let invoice = Int(candidate)
            let (open, excess) = openAndUnapplied(invoice: invoice, ledger: ledger, at: asOf)
            let customer = Int(invoices.customer[invoice])
            let converter = facts.toReporting[Int(invoices.currency[invoice])]
            if excess > 0 {
                let amount = converter.convert(excess) ?? 0
                position.unapplied[customer] += amount
                // Dated when the cash arrived: the first application of a prepayment,
                // the settlement of an overpaid invoice.
                let prepaid = invoices.issue[invoice] > asOf
                if items {
                    position.unappliedItems.append(
                        UnappliedItem(
                            customer: Int32(customer), source: prepaid ? .prepayment : .excess,
                            reference: invoices.ids.key(invoice),
                            date: prepaid
                                ? ledger.applications.date[Int(ledger.applications.start[invoice])]
                                : facts.settle[invoice],
                            amount: amount))
                }
            }
            guard open > 0 else { continue }
            let (reporting, days) = aged(invoice: invoice, open: open, ledger: ledger, facts: facts, settings: settings)
            position.openTotal[customer] += reporting
            if days > 30 { position.over30[customer] += reporting }
            if days > 90 { position.over90[customer] += reporting }
            if disputedAtT.contains(invoice) { position.disputed[customer] += reporting }
            if items {
                let bucket = settings.buckets.index(daysPastDue: days)
                position.bucketTotals[customer * bucketCount + bucket] += reporting
                position.openItems.append(
                    OpenItem(
                        invoice: Int32(invoice), customer: Int32(customer), daysPastDue: days,
                        disputed: disputedAtT.contains(invoice), bucket: bucket, open: reporting))
            }
        }
        let unapplied = ledger.unapplied
        for item in 0..<unapplied.count where unapplied.date[item] <= asOf {
            let customer = Int(unapplied.customer[item])
            let amount = facts.toReporting[Int(unapplied.currency[item])].convert(unapplied.amount[item]) ?? 0
            position.unapplied[customer] += amount
            if items {
                position.unappliedItems.append(
                    UnappliedItem(
                        customer: Int32(customer),
                        source: unapplied.reason[item] == .onAccount ? .onAccount : .unknownInvoice,
                        reference: unapplied.reference[item], date: unapplied.date[item], amount: amount))
            }
        }
        guard items else { return position }
        var rank = [Int](repeating: 0, count: customerCount)
        for (order, customer) in ledger.customerOrder.enumerated() { rank[customer] = order }
        let (due, ids) = (invoices.due, invoices.ids)
        position.openItems = customerOrdered(position.openItems, customer: \.customer, rank: rank) { a, b in
            // By due date, then invoice id.
            let (dueA, dueB) = (due[Int(a.invoice)], due[Int(b.invoice)])
            return dueA != dueB ? dueA < dueB : ids.keyPrecedes(Int(a.invoice), Int(b.invoice))
        }
        position.unappliedItems = customerOrdered(position.unappliedItems, customer: \.customer, rank: rank) { a, b in
            (a.date, a.source.rawValue, a.reference) < (b.date, b.source.rawValue, b.reference)
        }
        return position
    }

    /// `items` grouped by customer in `rank` order (each customer's place in customer_id order),
    /// each customer's ordered by `precedes`, ties kept in their order. The items come in ledger
    /// order, a few to a customer: a counting sort places each customer's items, then each
    /// customer's handful is sorted by insertion (a customer's many, by the standard sort),
    /// where one comparison sort of all the open items took a core for 60 ms at 5M invoices.
    static func customerOrdered<Item>(
        _ items: [Item], customer: (Item) -> Int32, rank: [Int], by precedes: (Item, Item) -> Bool
    ) -> [Item] {
        guard items.count > 1 else { return items }
        var next = [Int](repeating: 0, count: rank.count + 1)
        for item in items { next[rank[Int(customer(item))] + 1] += 1 }
        for place in 0..<rank.count { next[place + 1] += next[place] }
        return [Item](unsafeUninitializedCapacity: items.count) { ordered, count in
            for item in items {
                let place = rank[Int(customer(item))]
                ordered.initializeElement(at: next[place], to: item)
                next[place] += 1
            }
            count = items.count
            // Now next[place] is where customer `place`'s items end and next[place - 1] where they start.
            var start = 0
            for place in 0..<rank.count {
                let end = next[place]
                defer { start = end }
                guard end - start > 1 else { continue }
                guard end - start <= 16 else {
                    ordered[start..<end].sort(by: precedes)
                    continue
                }
                for sorted in (start + 1)..<end {
                    let item = ordered[sorted]
                    var slot = sorted
                    while slot > start, precedes(item, ordered[slot - 1]) {
                        ordered[slot] = ordered[slot - 1]
                        slot -= 1
                    }
                    ordered[slot] = item
                }
            }
        }
    }
}
