import ARCore

/// The customer risk scorecard at T (SPEC sections 5 and 7; docs/METRICS.md, "Customer risk").
public enum RiskScorecard {
    /// Scores every customer with open AR or unapplied cash at T, or an invoice issued in (T-365, T].
    /// Result in customer index order.
    public static func compute(
        ledger: Ledger, position: Position, settlement: SettlementYear, asOf: Day, settings: RiskSettings
    ) -> [CustomerRisk] {
        let customers = ledger.customers
        let invoices = ledger.invoices
        let year = settlement.byCustomer
        let recent = settlement.recentByCustomer
        let earlier = settlement.earlierByCustomer

        // Disputes by count: invoices issued in (T-365, T], and those of them with a dispute opened <= T.
        var disputedInvoice = InvoiceBits(count: invoices.count)
        for row in 0..<ledger.disputes.count where ledger.disputes.opened[row] <= asOf {
            disputedInvoice.insert(Int(ledger.disputes.invoice[row]))
        }
        var issuedInYear = [Int](repeating: 0, count: customers.count)
        var disputedInYear = [Int](repeating: 0, count: customers.count)
        let yearStart = asOf - 365
        for invoice in 0..<invoices.count where invoices.issue[invoice] > yearStart && invoices.issue[invoice] <= asOf {
            let customer = Int(invoices.customer[invoice])
            issuedInYear[customer] += 1
            if disputedInvoice.contains(invoice) { disputedInYear[customer] += 1 }
        }

        let toReporting = ledger.toReporting
        let table = RiskScoring.Table(settings)
        var scored: [CustomerRisk] = []
        scored.reserveCapacity(customers.count)
        for customer in 0..<customers.count {
            let open = position.openTotal[customer]
            guard open > 0 || position.unapplied[customer] != 0 || issuedInYear[customer] > 0 else { continue }
            // A factor with no data scores 0: no settled invoices, no open amount, an empty window.
            let late = year[customer].averageDaysLate ?? 0
            let pastDue = open > 0 ? Double(position.over30[customer]) / Double(open) * 100 : 0
            let severe = open > 0 ? Double(position.over90[customer]) / Double(open) * 100 : 0
            var utilization = 0.0
            if let limit = customers.creditLimit[customer] {
                let net = position.netBalance(customer)
                let limitReporting = toReporting[Int(customers.currency[customer])].convert(limit) ?? 0
                if limitReporting > 0 {
                    utilization = Double(net) / Double(limitReporting) * 100
                } else if net > 0 {
                    utilization = .infinity  // A zero limit with a positive balance scores 100.
                }
            }
            var trend = 0.0
            if let recentLate = recent[customer].averageDaysLate, let earlierLate = earlier[customer].averageDaysLate {
                trend = max(0, recentLate - earlierLate)
            }
            let disputes =
                issuedInYear[customer] > 0 ? Double(disputedInYear[customer]) / Double(issuedInYear[customer]) * 100 : 0
            let raw = RiskFactorValues(
                late: late, pastDue: pastDue, severe: severe, utilization: utilization, trend: trend,
                disputes: disputes)
            scored.append(RiskScoring.score(customer: customer, raw: raw, table: table))
        }
        return scored
    }
}
