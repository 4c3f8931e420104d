import ARCore

/// Why a customer is on credit hold.
public enum CreditHoldReason: String, Sendable, CaseIterable {
    /// Net balance above the credit limit (a zero limit holds any positive balance).
    case overCreditLimit = "over_credit_limit"
    /// Reached the policy's credit_hold stage or a later one.
    case holdStage = "hold_stage"
}

/// One customer on credit hold (docs/METRICS.md, "Credit holds").
public struct CreditHold: Sendable, Equatable {
    public var customer: Int
    public var reasons: [CreditHoldReason]
    public var netBalance: Int64
    /// Converted at T; nil when the customer has no limit.
    public var creditLimit: Int64?
    /// Of the oldest open invoice; nil without open invoices.
    public var daysPastDue: Int32?
}

public enum CreditHolds {
    /// Customers over their limit or at the hold stage, by customer_id.
    public static func compute(
        ledger: Ledger, position: Position, delinquency: [Delinquency?], worklist: [WorklistItem],
        policy: CollectionPolicy
    ) -> [CreditHold] {
        let customers = ledger.customers
        let toReporting = ledger.toReporting
        var atHoldStage = [Bool](repeating: false, count: customers.count)
        if let hold = policy.holdStage {
            for item in worklist where item.stage >= hold { atHoldStage[item.customer] = true }
        }
        var holds: [CreditHold] = []
        for customer in ledger.customerOrder {
            let net = position.netBalance(customer)
            let limit = customers.creditLimit[customer].map { toReporting[Int(customers.currency[customer])].convert($0) ?? 0 }
            var reasons: [CreditHoldReason] = []
            if let limit, net > limit { reasons.append(.overCreditLimit) }
            if atHoldStage[customer] { reasons.append(.holdStage) }
            guard !reasons.isEmpty else { continue }
            holds.append(
                CreditHold(
                    customer: customer, reasons: reasons, netBalance: net, creditLimit: limit,
                    daysPastDue: delinquency[customer]?.daysPastDue))
        }
        return holds
    }
}
