import ARCore

/// How late each customer is expected to pay: its amount-weighted days late over invoices
/// settled in (asOf-365, asOf], else its segment's, else all customers', else 0
/// (docs/METRICS.md, "Cash forecast").
public enum ExpectedDaysLate {
    public static func compute(ledger: Ledger, stats: SettlementYear) -> [Double] {
        let segments = ledger.customers.segments
        var bySegment: [String: SettlementStats] = [:]
        for customer in segments.indices where !segments[customer].isEmpty {
            let own = stats.byCustomer[customer]
            bySegment[segments[customer], default: SettlementStats()].weight += own.weight
            bySegment[segments[customer], default: SettlementStats()].weightedDaysLate += own.weightedDaysLate
        }
        let overall = stats.overall.averageDaysLate ?? 0
        return segments.indices.map { customer in
            stats.byCustomer[customer].averageDaysLate
                // A customer without a segment falls back to all customers.
                ?? (segments[customer].isEmpty ? nil : bySegment[segments[customer]]?.averageDaysLate)
                ?? overall
        }
    }
}
