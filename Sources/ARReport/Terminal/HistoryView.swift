import ARCore
import ARSQLite
import Foundation

/// `arreport history`: the recorded runs as a series (docs/METRICS.md, "Run history").
public enum HistoryView {
    /// Opens `path` read-only and tabulates every run, by as-of date then run time.
    public static func table(historyFile path: String) throws -> TextTable {
        table(try RunHistory(path: path, create: false).records())
    }

    /// One row per run: as-of, run time, currency, AR and its split, DSO, CEI, rejects, source.
    public static func table(_ records: [HistoryRecord]) -> TextTable {
        TextTable(
            columns: [
                "as_of", "run_at", "currency", "total_ar", "current", "past_due", "over_90", "disputed", "unapplied",
                "dso", "countback_dso", "bpdso", "add", "cei", "rejected_rows", "source",
            ],
            alignments: [.left, .left, .left] + Array(repeating: .right, count: 12) + [.left],
            rows: records.map { record in
                let currency = record.currency
                return [
                    Format.date(record.asOf), record.runAt, currency.code, Format.money(record.totalAR, currency),
                    Format.money(record.currentAR, currency), Format.money(record.pastDueAR, currency),
                    Format.money(record.over90AR, currency), Format.money(record.disputedAR, currency),
                    Format.money(record.unapplied, currency), Format.ratio(record.dso), Format.ratio(record.countbackDSO),
                    Format.ratio(record.bpdso), Format.ratio(record.add), Format.ratio(record.cei),
                    String(record.rejectedRows), record.source,
                ]
            })
    }
}
