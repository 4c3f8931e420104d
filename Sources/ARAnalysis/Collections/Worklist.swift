import ARCore

/// One customer to chase (docs/METRICS.md, "Collections worklist").
public struct WorklistItem: Sendable, Equatable {
    public var customer: Int
    /// Index into the policy's stages; the output numbers them from 1.
    public var stage: Int
    public var action: String
    public var oldestInvoice: Int32
    public var daysPastDue: Int32
    /// Open amounts of the customer's invoices more than 0 days past due, reporting minor units.
    public var pastDueAmount: Int64
    /// nil for a customer the scorecard did not score.
    public var risk: WorklistRisk?
    /// past_due × (1 + score / 100), rounded half away from zero, in reporting minor units.
    public var priority: Int64
}

/// The risk score and band a worklist row shows; the customer's full scoring is in
/// `AnalysisResult.risk`. Plain values: the worklist copies and sorts its items.
public struct WorklistRisk: Sendable, Equatable {
    /// The rounded score in tenths, as `CustomerRisk.scoreTenths`.
    public var scoreTenths: Int
    public var band: RiskBand
}

/// A customer's oldest open invoice and past-due amount at T.
public struct Delinquency: Sendable, Equatable {
    public var oldestInvoice: Int32
    /// Of the oldest open invoice (the most days past due; ties to the smaller invoice_id).
    public var daysPastDue: Int32
    public var pastDueAmount: Int64
}

public enum Worklist {
    /// Per customer index: the oldest open invoice and past-due amount, nil without open invoices.
    public static func delinquency(ledger: Ledger, position: Position) -> [Delinquency?] {
        var result = [Delinquency?](repeating: nil, count: ledger.customers.count)
        let ids = ledger.invoices.ids
        for item in position.openItems {
            let customer = Int(item.customer)
            var entry =
                result[customer]
                ?? Delinquency(oldestInvoice: item.invoice, daysPastDue: item.daysPastDue, pastDueAmount: 0)
            if item.daysPastDue > entry.daysPastDue
                || (item.daysPastDue == entry.daysPastDue
                    && ids.keyPrecedes(Int(item.invoice), Int(entry.oldestInvoice)))
            {
                entry.oldestInvoice = item.invoice
                entry.daysPastDue = item.daysPastDue
            }
            if item.daysPastDue > 0 { entry.pastDueAmount += item.open }
            result[customer] = entry
        }
        return result
    }

    /// past_due × (1 + score / 100) with the rounded score: exact in integers, since the score is in tenths.
    public static func priority(pastDue: Int64, scoreTenths: Int) -> Int64 {
        Int64(Decimal10.divideRoundingHalfAway(Int128(pastDue) * Int128(1000 + scoreTenths), by: 1000))
    }

    /// Customers that reached a stage, by priority descending, then customer_id.
    public static func compute(
        ledger: Ledger, delinquency: [Delinquency?], risk: [CustomerRisk], policy: CollectionPolicy
    ) -> [WorklistItem] {
        var riskOf = [WorklistRisk?](repeating: nil, count: ledger.customers.count)
        for entry in risk { riskOf[entry.customer] = WorklistRisk(scoreTenths: entry.scoreTenths, band: entry.band) }
        var items: [WorklistItem] = []
        for customer in delinquency.indices {
            guard let entry = delinquency[customer], entry.pastDueAmount > 0,
                let stage = policy.stage(daysPastDue: entry.daysPastDue, pastDueAmount: entry.pastDueAmount)
            else { continue }
            let risk = riskOf[customer]
            items.append(
                WorklistItem(
                    customer: customer, stage: stage, action: policy.stages[stage].action,
                    oldestInvoice: entry.oldestInvoice, daysPastDue: entry.daysPastDue,
                    pastDueAmount: entry.pastDueAmount, risk: risk,
                    priority: priority(pastDue: entry.pastDueAmount, scoreTenths: risk?.scoreTenths ?? 0)))
        }
        // Sorted as plain keys, then gathered: moving the items themselves (each holds its
        // action's string) costs more reference counting than the comparisons.
        let ids = ledger.customers.ids
        let order = items.indices.map { (priority: items[$0].priority, customer: items[$0].customer, item: $0) }
            .sorted { a, b in
                a.priority != b.priority ? a.priority > b.priority : ids[a.customer] < ids[b.customer]
            }
        return order.map { items[$0.item] }
    }
}
