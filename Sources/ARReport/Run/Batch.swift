import ARAnalysis
import ARCore
import Foundation

/// What a finished run reports back to the command line.
public struct RunOutcome: Sendable {
    public var settings: RunSettings
    public var outputFolder: String
    public var inputs: [InputFileSummary]
    public var rejects: [Reject]
    public var kpis: KPIs
    public var timingsMs: [String: Int]

    /// The short end-of-run summary: rows read and rejected, AR, DSO, CEI, time taken.
    public var summary: String {
        let rows = inputs.reduce(0) { $0 + $1.rows }
        let currency = kpis.currency
        let dso = Format.ratio(kpis.dso)
        let cei = Format.ratio(kpis.cei)
        return """
            arreport \(Format.date(kpis.asOf)): \(rows) rows read, \(rejects.count) rejected
              AR \(Format.moneyGrouped(kpis.totalAR, currency)) \(currency.code)   DSO \(dso.isEmpty ? "n/a" : dso)   CEI \(cei.isEmpty ? "n/a" : cei + "%")
              written to \(outputFolder) in \(String(format: "%.2f", Double(timingsMs["total"] ?? 0) / 1000)) s
            """
    }
}

/// A ledger (possibly restricted to some customers) and its analysis.
public struct AnalysisView: Sendable {
    public var ledger: Ledger
    public var analysis: AnalysisResult
    public var rejectedRows: Int
}

/// The batch: load, validate, analyse, write every output, atomically.
public enum Batch {
    /// Loads and analyses the customers `filter` keeps, writing nothing (for `aging` and `kpis`).
    public static func analyse(_ settings: RunSettings, showProgress: Bool = false, filter: CustomerFilter = .init())
        throws -> AnalysisView
    {
        let load = try loadInputs(settings, showProgress: showProgress)
        var ledger = load.ledger
        if !filter.isEmpty { ledger = ledger.restricted(to: filter.matches(ledger.customers)) }
        return AnalysisView(
            ledger: ledger, analysis: try Analysis.run(ledger: ledger, settings: settings.analysis),
            rejectedRows: load.rejects.count)
    }

    /// Loads the data folder, with a progress line on a terminal; `--strict` fails on any reject.
    static func loadInputs(_ settings: RunSettings, showProgress: Bool) throws -> LoadResult {
        let progress = LoadProgress(totalBytes: DataFolderLoader.inputBytes(folder: settings.data))
        let line = showProgress ? ProgressLine.start(progress: progress) : nil
        defer { line?.stop() }
        let load = try DataFolderLoader.load(folder: settings.data, settings: settings.load, progress: progress)
        if settings.strict, let first = load.rejects.first {
            throw ReportError.strictRejects(count: load.rejects.count, first: first)
        }
        return load
    }

    public static func run(_ settings: RunSettings, showProgress: Bool = false) throws -> RunOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        func milliseconds(_ since: ContinuousClock.Instant) -> Int {
            let elapsed = clock.now - since
            return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        let load = try loadInputs(settings, showProgress: showProgress)
        let loadMs = milliseconds(start)
        let analysisStart = clock.now
        let analysis = try Analysis.run(ledger: load.ledger, settings: settings.analysis)
        let analysisMs = milliseconds(analysisStart)

        let writeStart = clock.now
        var folder = try OutputFolder(target: settings.out)
        do {
            let ledger = load.ledger
            try folder.write("kpis.csv", OutputTables.kpis(KPIRow.rows(analysis.kpis, rejectedRows: load.rejects.count)))
            try folder.write("aging_summary.csv", OutputTables.agingSummary(ledger: ledger, analysis: analysis))
            try folder.write("aging_detail.csv", OutputTables.agingDetail(ledger: ledger, analysis: analysis))
            try folder.write("trend.csv", OutputTables.trend(ledger: ledger, analysis: analysis))
            try folder.write("unapplied.csv", OutputTables.unapplied(ledger: ledger, analysis: analysis))
            try folder.write("rollforward.csv", OutputTables.rollForward(analysis.rollForward))
            try folder.write("rejects.csv", OutputTables.rejects(load.rejects))
            var timings = ["load": loadMs, "analysis": analysisMs, "write": milliseconds(writeStart)]
            timings.merge(load.phaseMs) { first, _ in first }
            timings["total"] = milliseconds(start)
            let manifest = RunManifest(settings: settings, load: load, outputs: folder.written, timingsMs: timings)
            try folder.write("run.json", manifest.json())
            try folder.commit()
            return RunOutcome(
                settings: settings, outputFolder: folder.target.path, inputs: load.inputs, rejects: load.rejects,
                kpis: analysis.kpis, timingsMs: timings)
        } catch {
            folder.discard()
            throw error
        }
    }
}
