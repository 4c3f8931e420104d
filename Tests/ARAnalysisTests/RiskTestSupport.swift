import ARAnalysis
import ARCore
import Testing

extension LoadedLedger {
    /// The scorecard line of a customer, or nil when it is not scored.
    func risk(_ customerID: String, in result: AnalysisResult) -> CustomerRisk? {
        let index = customer(customerID)
        return result.risk.first { $0.customer == index }
    }
}

/// Raw factor values in SPEC's order, for scoring without a ledger.
func rawFactors(
    late: Double = 0, pastDue: Double = 0, severe: Double = 0, utilization: Double = 0, trend: Double = 0,
    disputes: Double = 0
) -> [Double] {
    [late, pastDue, severe, utilization, trend, disputes]
}
