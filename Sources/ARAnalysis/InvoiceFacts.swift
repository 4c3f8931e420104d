import ARCore

/// Per-invoice values that do not depend on the date looked at.
public struct InvoiceFacts: Sendable {
    /// The day the invoice settles (docs/METRICS.md, "Settlement"); `Day.max` when it never does.
    public var settle: [Day]
    /// The invoice amount in the reporting currency at the as-of rates.
    public var amountReporting: [Int64]
    /// Paid before its issue date or paid more than its amount: its balance needs the
    /// general per-date walk (prepayment and excess), not the fast one.
    public var irregular: [Bool]
    /// Converters into the reporting currency, by currency index.
    public let toReporting: [MinorUnitConverter]

    public init(ledger: Ledger) {
        let invoices = ledger.invoices
        let applications = ledger.applications
        let converters = ledger.toReporting
        toReporting = converters
        let count = invoices.count
        var parts = inParallelHalves(count: count) { range -> ([Day], [Int64], [Bool]) in
            var settle = [Day]()
            var amounts = [Int64]()
            var irregular = [Bool]()
            // The first half's arrays have room for the second's, appended to them below.
            let capacity = range.lowerBound == 0 ? count : range.count
            settle.reserveCapacity(capacity)
            amounts.reserveCapacity(capacity)
            irregular.reserveCapacity(capacity)
            for invoice in range {
                let amount = invoices.amount[invoice]
                let issue = invoices.issue[invoice]
                let lower = Int(applications.start[invoice])
                let upper = Int(applications.start[invoice + 1])
                var cumulated: Int64 = 0
                var settled = Day.max
                for slot in lower..<upper {
                    cumulated += applications.amount[slot]
                    if settled == Day.max, cumulated >= amount {
                        // An application dated before the issue date counts from the issue date.
                        settled = max(applications.date[slot], issue)
                    }
                }
                settle.append(settled)
                // Amounts are capped at 10^15 minor units on load, so conversion cannot overflow.
                amounts.append(converters[Int(invoices.currency[invoice])].convert(amount) ?? 0)
                irregular.append(cumulated > amount || (upper > lower && applications.date[lower] < issue))
            }
            return (settle, amounts, irregular)
        }
        // Taken out of `parts`, the first half's arrays are unique: the second half is appended in
        // place, not copied with the first into new arrays (fresh pages, slow to fault in).
        (settle, amountReporting, irregular) = parts.removeFirst()
        if let second = parts.first {
            settle.append(contentsOf: second.0)
            amountReporting.append(contentsOf: second.1)
            irregular.append(contentsOf: second.2)
        }
    }

    /// The invoices that may be open, or hold unapplied cash, at some day in `first...last`, in
    /// ledger order: the irregular ones, and the others issued by `last` and not settled by
    /// `first`. One tight pass over three columns, so a computation at a date visits about the
    /// tenth of five million invoices open then, not every one. `range` limits the invoices looked at.
    public func candidates(issue: [Day], from first: Day, through last: Day, in range: Range<Int>? = nil) -> [Int32] {
        let range = range ?? 0..<issue.count
        // Without a branch or an append per invoice: each index is written at the end of those
        // found and kept by counting it. Appending checked the array's uniqueness per candidate,
        // and the branch on a scattered minority mispredicted (Position scans every invoice).
        return [Int32](unsafeUninitializedCapacity: range.count) { found, count in
            var kept = 0
            issue.withUnsafeBufferPointer { issue in
                settle.withUnsafeBufferPointer { settle in
                    irregular.withUnsafeBufferPointer { irregular in
                        for invoice in range {
                            found[kept] = Int32(truncatingIfNeeded: invoice)
                            let open = (issue[invoice] <= last ? 1 : 0) & (settle[invoice] > first ? 1 : 0)
                            kept += open | (irregular[invoice] ? 1 : 0)
                        }
                    }
                }
            }
            count = kept
        }
    }
}
