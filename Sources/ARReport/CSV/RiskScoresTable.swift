import ARAnalysis
import ARCore

extension OutputTables {
    /// risk_scores.csv (SPEC section 6): by customer_id; factors 0..100 with 2 decimals,
    /// the score with 1 decimal as SPEC rounds it (docs/METRICS.md, "Customer risk").
    public static func riskScores(ledger: Ledger, analysis: AnalysisResult) -> [UInt8] {
        let customers = ledger.customers
        var csv = CSVBuffer()
        csv.header(["customer_id", "name", "score", "band"] + RiskFactor.allCases.map(\.key) + ["reasons"])
        for risk in analysis.risk.sorted(by: { customers.ids[$0.customer] < customers.ids[$1.customer] }) {
            csv.field(customers.ids[risk.customer])
            csv.field(customers.names[risk.customer])
            csv.money(Int64(risk.scoreTenths), digits: 1)  // Format.score, without a String
            csv.field(risk.band.rawValue)
            for value in risk.factors { csv.ratio(value) }
            csv.field(risk.reasons.map(\.key).joined(separator: ";"))
            csv.endRow()
        }
        return csv.bytes
    }
}

extension Format {
    /// A risk score kept in tenths, written with exactly 1 decimal: 437 → `43.7`.
    public static func score(tenths: Int) -> String {
        MinorUnits.format(Int64(tenths), minorDigits: 1)
    }
}
