import ARCore

/// How a customer pays over the period; drives the days late of each invoice.
public enum PayerBehaviour: String, CaseIterable, Sendable, Hashable {
    /// Pays around the due date, some invoices early.
    case prompt
    /// Pays 20 to 45 days late, now and then later.
    case slow
    /// Starts near the due date and pays later and later as the period goes on.
    case deteriorating
    /// Pays normally, then stops paying at its default date; some of its invoices are written off.
    case defaulting
}

/// The per-customer parameters of its behaviour, drawn once.
struct PaymentHabit {
    let behaviour: PayerBehaviour
    /// Days late at the start of the customer's activity.
    let baseDaysLate: Int
    /// Extra days late reached by the end of the period (deteriorating payers only).
    let driftDays: Int
    /// First day on which a defaulting customer no longer pays.
    let defaultDate: Day?

    /// Days late (negative = early) for an invoice issued on `issue`.
    func daysLate(issue: Day, activeFrom: Day, end: Day, terms: Int, rng: inout Xoshiro256StarStar) -> Int {
        switch behaviour {
        case .prompt:
            let roll = rng.below(100)
            if roll < 20 { return -rng.between(2, max(2, terms / 2)) }  // early payers, e.g. for a discount
            if roll < 85 { return rng.triangular(-4, 6) }
            return rng.between(7, 20)
        case .slow:
            if rng.chance(0.1) { return rng.between(46, 75) }
            return baseDaysLate + rng.triangular(-6, 6)
        case .deteriorating:
            // Lateness grows linearly with the invoice's position in the customer's active period.
            let elapsed = Double(issue - activeFrom) / Double(max(1, end - activeFrom))
            return baseDaysLate + Int(Double(driftDays) * elapsed) + rng.triangular(-5, 8)
        case .defaulting:
            return rng.triangular(-3, 12)
        }
    }
}
