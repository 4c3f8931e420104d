import ARCore

/// How late each customer is expected to pay: its amount-weighted days late over invoices
/// settled in (asOf-365, asOf], else its segment's, else all customers', else 0
/// (docs/METRICS.md, "Cash forecast").
public enum ExpectedDaysLate {
    public static func compute(ledger: Ledger, stats: SettlementYear) -> [Double] {
        let segments = ledger.customers.segments
        // Each customer's segment as an index, hashed once per customer (not once per use).
        var segmentIndex: [String: Int] = [:]
        let segmentOf = segments.map { segment -> Int in
            guard !segment.isEmpty else { return -1 }
            if let index = segmentIndex[segment] { return index }
            segmentIndex[segment] = segmentIndex.count
            return segmentIndex.count - 1
        }
        var bySegment = [SettlementStats](repeating: SettlementStats(), count: segmentIndex.count)
        for customer in segments.indices where segmentOf[customer] >= 0 {
            let own = stats.byCustomer[customer]
            bySegment[segmentOf[customer]].weight += own.weight
            bySegment[segmentOf[customer]].weightedDaysLate += own.weightedDaysLate
        }
        let overall = stats.overall.averageDaysLate ?? 0
        return segments.indices.map { customer in
            stats.byCustomer[customer].averageDaysLate
                // A customer without a segment falls back to all customers.
                ?? (segmentOf[customer] < 0 ? nil : bySegment[segmentOf[customer]].averageDaysLate)
                ?? overall
        }
    }
}
