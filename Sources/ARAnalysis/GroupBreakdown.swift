import ARCore

/// Aging and settlement figures of the invoices in one group (docs/METRICS.md, "Grouping").
public struct GroupFigures: Sendable, Equatable {
    public var group: String
    /// Open at T by aging bucket, reporting minor units.
    public var buckets: [Int64]
    public var openTotal: Int64
    public var openInvoices: Int
    /// Invoices issued <= T in the group.
    public var invoices: Int
    /// Days to pay and late over the group's invoices settled in (T-365, T]; `weight` is the settled amount.
    public var settlement: SettlementStats
}

/// Splits the position and the settled invoices by a per-invoice group (an invoice attribute,
/// or a customer attribute carried down to the customer's invoices).
public enum GroupBreakdown {
    /// `groupOf[i]` is the index into `names` of invoice i's group. Groups come back in `names` order.
    public static func compute(
        ledger: Ledger, position: Position, asOf: Day, bucketCount: Int, groupOf: [Int32], names: [String]
    ) -> [GroupFigures] {
        var figures = names.map {
            GroupFigures(
                group: $0, buckets: [Int64](repeating: 0, count: bucketCount), openTotal: 0, openInvoices: 0,
                invoices: 0,
                settlement: SettlementStats())
        }
        for item in position.openItems {
            let group = Int(groupOf[Int(item.invoice)])
            figures[group].buckets[item.bucket] += item.open
            figures[group].openTotal += item.open
            figures[group].openInvoices += 1
        }
        let facts = InvoiceFacts(ledger: ledger)
        let invoices = ledger.invoices
        for invoice in 0..<invoices.count {
            let group = Int(groupOf[invoice])
            if invoices.issue[invoice] <= asOf { figures[group].invoices += 1 }
            // Same window and weights as the headline days to pay (SettlementYear).
            let settle = facts.settle[invoice]
            guard settle > asOf - 365, settle <= asOf else { continue }
            figures[group].settlement.add(
                weight: facts.amountReporting[invoice], issue: invoices.issue[invoice], due: invoices.due[invoice],
                settle: settle)
        }
        return figures
    }
}
