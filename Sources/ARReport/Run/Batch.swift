import ARAnalysis
import ARCore
import ARPostgres
import ARProfiles
import ARSQLite
import Foundation

/// What a finished run reports back to the command line.
public struct RunOutcome: Sendable {
    public var settings: RunSettings
    public var outputFolder: String
    public var inputs: [InputFileSummary]
    public var rejects: [Reject]
    public var kpis: KPIs
    public var timingsMs: [String: Int]
    /// What earlier recorded runs of the same source said at T-7 and the previous month end
    /// (read before this run was appended); nil without a history file.
    public var recorded: RecordedComparison? = nil
    /// Everything the run built (ledger, facts, analysis, rendered files), held until the outcome
    /// is dropped, so that a command line can exit while holding it: at 5M invoices, freeing it
    /// piece by piece took 0.2-0.3 s that the system does at once when the process ends.
    var retained: (any Sendable)? = nil

    /// The short end-of-run summary: rows read and rejected, AR, DSO, CEI, time taken.
    public var summary: String {
        let rows = inputs.reduce(0) { $0 + $1.rows }
        let currency = kpis.currency
        let dso = Format.ratio(kpis.dso)
        let cei = Format.ratio(kpis.cei)
        guard settings.hasHistory else {
            return """
                arreport \(Format.date(kpis.asOf)): \(rows) rows read, \(rejects.count) rejected
                  AR \(Format.moneyGrouped(kpis.totalAR, currency)) \(currency.code)   DSO \(KPIRow.noHistory)   CEI \(KPIRow.noHistory)
                  written to \(outputFolder) in \(String(format: "%.2f", Double(timingsMs["total"] ?? 0) / 1000)) s
                """
        }
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
    /// False for an open-items source (docs/METRICS.md, "Profiles").
    public var hasHistory = true
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
        let analysis = try Analysis.run(ledger: ledger, settings: settings.analysis)
        return AnalysisView(
            ledger: ledger, analysis: settings.hasHistory ? analysis : analysis.withoutHistory(),
            rejectedRows: load.rejects.count, hasHistory: settings.hasHistory)
    }

    /// Loads the data folder, with a progress line on a terminal; `--strict` fails on any reject.
    /// `first` runs before any row is read (with a data folder, while its big files start being hashed).
    static func loadInputs(_ settings: RunSettings, showProgress: Bool, first: () throws -> Void = {}) throws
        -> LoadResult
    {
        let load: LoadResult
        if let profile = settings.profile {
            try first()
            load = try ProfiledSource.load(
                file: settings.data, profile: profile, settings: settings.load, fxFile: settings.fxFile)
        } else if let database = settings.database {
            try first()
            load = try SQLiteSource.load(database, settings: settings.load)
        } else if let postgres = settings.postgres {
            try first()
            load = try PostgresSource.load(postgres, settings: settings.load)
        } else {
            let progress = LoadProgress(totalBytes: DataFolderLoader.inputBytes(folder: settings.data))
            // Started once `first` has passed: a template error leaves no progress line behind.
            var line: ProgressLine? = nil
            defer { line?.stop() }
            load = try DataFolderLoader.load(folder: settings.data, settings: settings.load, progress: progress) {
                try first()
                if showProgress { line = ProgressLine.start(progress: progress) }
            }
        }
        if settings.strict, let first = load.rejects.first {
            throw ReportError.strictRejects(count: load.rejects.count, first: first)
        }
        return load
    }

    /// `now` is the run's clock, read at the CLI's edge: it dates the email (never the analysis).
    public static func run(_ settings: RunSettings, showProgress: Bool = false, now: Date = Date()) throws -> RunOutcome
    {
        let clock = ContinuousClock()
        let start = clock.now
        @Sendable func milliseconds(_ since: ContinuousClock.Instant) -> Int {
            let elapsed = clock.now - since
            return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        // Templates are checked before any row is read, so a typo fails fast (exit 78); from a
        // data folder, while the other core starts hashing its big files.
        let wantsPages = settings.formats.contains(.html) || settings.formats.contains(.email)
        var templates: ReportTemplates? = nil
        var boardPack: BoardPackLayout? = nil
        let load = try loadInputs(settings, showProgress: showProgress) {
            templates = wantsPages ? try ReportTemplates.load(directory: settings.templates) : nil
            boardPack =
                settings.formats.contains(.pdf)
                ? try BoardPackLayout.load(templatesDirectory: settings.templates) : nil
        }
        let recorded = try recordedComparison(settings)
        let loadMs = milliseconds(start)
        let analysisStart = clock.now
        // Computed once for the analysis and the report's comparisons (T-7, month end).
        let facts = InvoiceFacts(ledger: load.ledger)
        // With the balances the report's comparisons read (when there is a report), in the same
        // pass as the trend's.
        let needsModel = templates != nil || boardPack != nil
        let fullAnalysis = try Analysis.run(
            ledger: load.ledger, settings: settings.analysis, facts: facts,
            balancesAlsoAt: needsModel ? Batch.comparisonBalanceDates(settings) : [])
        let analysis = settings.hasHistory ? fullAnalysis : fullAnalysis.withoutHistory()
        let analysisMs = milliseconds(analysisStart)

        let writeStart = clock.now
        var folder = try OutputFolder(target: settings.out)
        do {
            let ledger = load.ledger
            let kpisCSV = OutputTables.kpis(
                KPIRow.rows(analysis.kpis, rejectedRows: load.rejects.count, hasHistory: settings.hasHistory))
            // The CSV tables are made and written by this core, and by the other once it has made
            // aging_summary.csv (an email attachment), the report model (with its comparison
            // dates) and the HTML, email and board pack. Those files join the jobs as they are
            // made, for whichever core is free to write; run.json lists them after the tables, as
            // it always has, and aging_summary.csv after kpis.csv.
            let tables =
                settings.formats.contains(.csv)
                ? tableJobs(ledger: ledger, analysis: analysis, kpisCSV: kpisCSV, rejects: load.rejects) : []
            let jobs = OutputJobs(tables, writingInto: folder.stagingFolder, moreToCome: true)
            let ((reportFiles, reportsMs), _) = try inParallel(
                { [settings, templates, boardPack] () throws -> ([RenderedFile], Int) in
                    // However this side ends, the other stops waiting for its files.
                    defer { jobs.close() }
                    let reportsStart = ContinuousClock.now
                    let agingSummaryCSV = OutputTables.agingSummary(ledger: ledger, analysis: analysis)
                    if settings.formats.contains(.csv) {
                        jobs.add(.init(file: "aging_summary.csv", rows: ledger.customers.count) { agingSummaryCSV })
                    }
                    var files: [RenderedFile] = []
                    if needsModel {
                        do {
                            let attachments: [ReportRenderer.Attachment] = [
                                .init(name: "kpis.csv", bytes: kpisCSV, type: "text/csv; charset=utf-8"),
                                .init(
                                    name: "aging_summary.csv", bytes: agingSummaryCSV, type: "text/csv; charset=utf-8"),
                            ]
                            let model = try reportModel(
                                ledger: ledger, analysis: analysis, settings: settings, inputs: load.inputs,
                                rejects: load.rejects, recorded: recorded,
                                comparisons: Batch.comparisons(
                                    ledger: ledger, settings: settings, facts: facts, sales: fullAnalysis.sales,
                                    balances: fullAnalysis.balances))
                            files = try renderReports(
                                model, templates: templates, boardPack: boardPack, settings: settings,
                                attachments: attachments, date: now)
                        } catch {
                            jobs.stop()
                            throw error
                        }
                    }
                    for file in files { jobs.add(.init(file: file.name) { file.bytes }) }
                    jobs.close()
                    let reportsMs = milliseconds(reportsStart)
                    jobs.work()
                    return (files, reportsMs)
                },
                { jobs.work() })
            try jobs.record(into: &folder)
            // Listed in run.json where it always was, after kpis.csv.
            folder.list("aging_summary.csv", after: "kpis.csv")
            let writeMs = milliseconds(writeStart)
            // `reports` overlaps `write`: the time the other core spent on aging_summary.csv, the model and pages.
            var timings = ["load": loadMs, "analysis": analysisMs, "write": writeMs, "reports": reportsMs]
            timings.merge(load.phaseMs) { first, _ in first }
            timings["total"] = milliseconds(start)
            let manifest = RunManifest(settings: settings, load: load, outputs: folder.written, timingsMs: timings)
            try folder.write("run.json", manifest.json())
            try folder.commit()
            try recordHistory(settings: settings, analysis: analysis, load: load, now: now)
            return RunOutcome(
                settings: settings, outputFolder: folder.target.path, inputs: load.inputs, rejects: load.rejects,
                kpis: analysis.kpis, timingsMs: timings, recorded: recorded,
                retained: (load, facts, fullAnalysis, reportFiles))
        } catch {
            folder.discard()
            throw error
        }
    }
}
