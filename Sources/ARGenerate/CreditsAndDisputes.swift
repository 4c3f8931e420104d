import ARCore

/// Credit notes and disputes drawn for one invoice.
extension DatasetGenerator {
    /// A credit note on the invoice (discount, return or other); returns the amount credited.
    mutating func drawCreditNote(
        _ invoice: Int, customer: CustomerProfile, issue: Day, amount: Int64, rng: inout Xoshiro256StarStar
    ) throws -> Int64 {
        let reason: CreditReason
        let share: Double
        switch rng.below(100) {
        case 0..<50: (reason, share) = (.discount, rng.uniform(0.02, 0.10))
        case 50..<85: (reason, share) = (.return, rng.chance(0.2) ? 1.0 : rng.uniform(0.1, 0.9))
        default: (reason, share) = (.other, rng.uniform(0.01, 0.2))
        }
        let credit = min(amount, max(1, Int64((Double(amount) * share).rounded())))
        try writeCreditNote(
            invoice: invoice, customer: customer, date: issue + Day(rng.between(3, 40)), amount: credit, reason: reason)
        return credit
    }

    /// A dispute on the invoice; resolved ones may end in a credit note on the resolution day.
    mutating func drawDispute(
        _ invoice: Int, customer: CustomerProfile, issue: Day, terms: Int, amount: Int64, creditable: Bool,
        rng: inout Xoshiro256StarStar
    ) throws -> (resolved: Day?, credited: Int64) {
        let reason = DisputeReason(rawValue: rng.weightedIndex(DisputeReason.weights)) ?? .pricing
        let opened = issue + Day(rng.between(2, terms + 15))
        let resolved: Day? = rng.chance(0.12) ? nil : opened + Day(rng.triangular(3, 60))
        try writeDisputeRow(invoice, opened: opened, resolved: resolved, reason: reason)
        guard let resolved, creditable, rng.chance(0.45) else { return (resolved, 0) }
        let fullCredit = reason == .notReceived && rng.chance(0.5)
        let credit =
            fullCredit ? amount : min(amount, max(1, Int64((Double(amount) * rng.uniform(0.05, 0.5)).rounded())))
        try writeCreditNote(invoice: invoice, customer: customer, date: resolved, amount: credit, reason: .dispute)
        return (resolved, credit)
    }
}
