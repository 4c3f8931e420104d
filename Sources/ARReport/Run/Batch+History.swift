import ARAnalysis
import ARCore
import ARSQLite
import Foundation

extension Batch {
    /// The source a run's history is kept under: the data's absolute path, with its profile
    /// (a PostgreSQL server by its URL without the password).
    public static func historySource(_ settings: RunSettings) -> String {
        if settings.postgres != nil { return settings.data }
        let path = URL(fileURLWithPath: settings.data).standardizedFileURL.path
        guard let profile = settings.profile else { return path }
        return "\(path) (profile \(profile.name))"
    }

    /// What earlier recorded runs of the same source say at T-7 and the previous month end;
    /// nil without a history file (docs/METRICS.md, "Run history").
    public static func recordedComparison(_ settings: RunSettings) throws -> RecordedComparison? {
        guard let path = settings.history, FileManager.default.fileExists(atPath: path) else { return nil }
        let history = try RunHistory(path: path, create: false)
        return try history.comparison(source: historySource(settings), currency: settings.currency, asOf: settings.asOf)
    }

    /// Appends a finished run to the history file; `now` is the run's clock, read at the CLI's edge.
    static func recordHistory(
        settings: RunSettings, analysis: AnalysisResult, load: LoadResult, now: Date
    ) throws {
        guard let path = settings.history else { return }
        let kpis = analysis.kpis
        let labels = settings.buckets.labels
        let atT = analysis.trend.last?.date == kpis.asOf ? analysis.trend.last?.buckets ?? [] : []
        let record = HistoryRecord(
            asOf: kpis.asOf, runAt: ISO8601DateFormatter().string(from: now), source: historySource(settings),
            currency: kpis.currency, totalAR: kpis.totalAR, currentAR: kpis.currentAR, pastDueAR: kpis.pastDueAR,
            over90AR: kpis.over90AR, disputedAR: kpis.disputedAR, unapplied: kpis.unapplied, dso: kpis.dso,
            countbackDSO: settings.hasHistory ? kpis.dsoCountback.days : nil, bpdso: kpis.bpdso, add: kpis.add, cei: kpis.cei,
            customersWithBalance: kpis.customersWithBalance, rejectedRows: load.rejects.count,
            hasHistory: settings.hasHistory,
            aging: zip(labels, atT).map { AgingTotal(bucket: $0, amount: $1) },
            inputs: load.inputs.map { HistoryInput(file: $0.file, sha256: $0.sha256, rows: $0.rows) })
        try RunHistory(path: path, create: true).append(record)
    }
}
