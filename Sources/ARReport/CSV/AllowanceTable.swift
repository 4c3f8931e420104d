import ARAnalysis
import ARCore

extension OutputTables {
    /// allowance.csv: one row per aging bucket; no total row (SPEC section 6), the total is
    /// the column's sum (docs/METRICS.md, "Allowance for doubtful accounts").
    public static func allowance(ledger: Ledger, analysis: AnalysisResult) -> [UInt8] {
        let digits = ledger.reportingCurrency.minorDigits
        let labels = analysis.settings.buckets.labels
        var csv = CSVBuffer()
        csv.header(["bucket", "balance", "percent", "allowance"])
        for line in analysis.allowance.lines {
            csv.field(labels[line.bucket])
            csv.money(line.balance, digits: digits)
            csv.field(MinorUnits.format(line.basisPoints, minorDigits: 2))
            csv.money(line.allowance, digits: digits)
            csv.endRow()
        }
        return csv.bytes
    }
}
