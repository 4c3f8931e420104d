import ARAnalysis
import ARCore

extension OutputTables {
    /// rollrates.csv: per pair of consecutive trend dates and bucket, the percentage of the
    /// bucket's balance that rolled into the next bucket; empty when the bucket was empty
    /// (docs/METRICS.md, "Roll rates").
    public static func rollRates(ledger: Ledger, analysis: AnalysisResult) -> [UInt8] {
        let labels = analysis.settings.buckets.labels
        var csv = CSVBuffer()
        csv.header(["from_date", "to_date", "from_bucket", "to_bucket", "rate"])
        for rate in analysis.rollRates {
            csv.date(rate.from)
            csv.date(rate.to)
            csv.field(labels[rate.bucket])
            csv.field(labels[rate.bucket + 1])
            csv.ratio(rate.percent)
            csv.endRow()
        }
        return csv.bytes
    }
}
