import ARAnalysis
import ARCore

extension OutputTables {
    /// risk_scores.csv (SPEC section 6): by customer_id; factors 0..100 with 2 decimals,
    /// the score with 1 decimal as SPEC rounds it (docs/METRICS.md, "Customer risk").
    /// Written into `csv`, a buffer or a file as it is made (`CSVBuffer(streamingTo:)`).
    static func riskScores(ledger: Ledger, analysis: AnalysisResult, into csv: inout CSVBuffer) {
        let customers = ledger.customers
        csv.header(["customer_id", "name", "score", "band"] + RiskFactor.allCases.map(\.key) + ["reasons"])
        // By customer_id through the ledger's customer order, without sorting or copying the scores.
        let scores = analysis.risk
        var row = [Int](repeating: -1, count: customers.count)
        for index in scores.indices { row[scores[index].customer] = index }
        for customer in ledger.customerOrder where row[customer] >= 0 {
            let index = row[customer]
            csv.field(customers.ids[customer])
            csv.field(customers.names[customer])
            csv.money(Int64(scores[index].scoreTenths), digits: 1)  // Format.score, without a String
            csv.field(scores[index].band.rawValue)
            for factor in 0..<RiskFactorValues.count { csv.ratio(scores[index].scaled[factor]) }
            csv.field(reasonsText(scores[index].firstReason, scores[index].secondReason))
            csv.endRow()
        }
    }
}

/// Reason lists as written (`late;past_due`), for up to two reasons: the 43 possible lists are
/// joined once, not per row. Slot (first + 1) * 7 + (second + 1) by factor index, a missing
/// reason counting 0: no reasons 0, one reason (first + 1) * 7.
private let joinedReasons: [String] = {
    let factors = RiskFactor.allCases
    return (0..<49).map { slot in
        [slot / 7, slot % 7].filter { $0 > 0 }.map { factors[$0 - 1].key }.joined(separator: ";")
    }
}()

private func reasonsText(_ first: RiskFactor?, _ second: RiskFactor?) -> String {
    func slot(_ reason: RiskFactor?) -> Int { reason.map { $0.index + 1 } ?? 0 }
    return joinedReasons[slot(first) * 7 + slot(second)]
}

extension Format {
    /// A risk score kept in tenths, written with exactly 1 decimal: 437 → `43.7`.
    public static func score(tenths: Int) -> String {
        MinorUnits.format(Int64(tenths), minorDigits: 1)
    }
}
