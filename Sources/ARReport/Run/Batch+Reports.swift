import ARAnalysis
import ARCore
import ARSQLite
import Foundation

extension Batch {
    /// The report model: the analysis at T and, for the changes the tiles show, the headline figures
    /// and risk scores of the same ledger at T-7 and at the previous month end (`Analysis.snapshots`).
    public static func reportModel(
        ledger: Ledger, analysis: AnalysisResult, settings: RunSettings, inputs: [InputFileSummary], rejects: [Reject],
        recorded: RecordedComparison? = nil, comparisons: [AnalysisSnapshot]? = nil
    ) throws -> ReportModel {
        let comparisons = comparisons ?? self.comparisons(ledger: ledger, settings: settings)
        var sources = ReportSources(
            ledger: ledger, analysis: analysis, weekAgo: comparisons[0], monthEnd: comparisons[1], inputs: inputs,
            rejects: rejects, hasHistory: settings.hasHistory)
        sources.recorded = recorded
        return ReportModelBuilder.build(sources)
    }

    /// The ledger at T-7 (with risk scores, for customers that became high risk) and at the previous month end.
    /// `facts`, `sales` and `balances`, when given, are the analysis' at T (see `Analysis.snapshots`).
    public static func comparisons(
        ledger: Ledger, settings: RunSettings, facts: InvoiceFacts? = nil, sales: SalesCalendar? = nil,
        balances: [Day: Balance] = [:]
    ) -> [AnalysisSnapshot] {
        let dates = ReportSources.comparisonDates(asOf: settings.asOf)
        // Risk at T-7 feeds only the "became high or critical" list, which an open-items source
        // cannot have (ReportModelBuilder.risk).
        return Analysis.snapshots(
            ledger: ledger, settings: settings.analysis, dates: comparisonDays(settings),
            riskAt: settings.hasHistory ? [dates.weekAgo] : [], facts: facts, sales: sales, balances: balances)
    }

    /// The balances `comparisons` reads, for the analysis at T to compute in its own pass.
    static func comparisonBalanceDates(_ settings: RunSettings) -> [Day] {
        Analysis.snapshotBalanceDates(comparisonDays(settings), dsoDays: settings.analysis.dsoDays)
    }

    /// T-7 and the previous month end, in the order `comparisons` returns them.
    private static func comparisonDays(_ settings: RunSettings) -> [Day] {
        let dates = ReportSources.comparisonDates(asOf: settings.asOf)
        return [dates.weekAgo, dates.monthEnd]
    }

    /// The CSV tables but aging_summary.csv (made on the report side, which attaches it), in the
    /// order run.json lists them, each with the rows it will have (the largest are taken first).
    static func tableJobs(ledger: Ledger, analysis: AnalysisResult, kpisCSV: [UInt8], rejects: [Reject])
        -> [OutputJobs.Job]
    {
        let position = analysis.position
        return [
            .init(file: "kpis.csv") { kpisCSV },
            .streamed("aging_detail.csv", rows: position.openItems.count) { csv in
                OutputTables.agingDetail(ledger: ledger, analysis: analysis, into: &csv)
            },
            .init(file: "trend.csv") { OutputTables.trend(ledger: ledger, analysis: analysis) },
            .streamed("unapplied.csv", rows: position.unappliedItems.count) { csv in
                OutputTables.unapplied(ledger: ledger, analysis: analysis, into: &csv)
            },
            .init(file: "rollforward.csv") { OutputTables.rollForward(analysis.rollForward) },
            .init(file: "rejects.csv", rows: rejects.count) { OutputTables.rejects(rejects) },
            .streamed("risk_scores.csv", rows: analysis.risk.count) { csv in
                OutputTables.riskScores(ledger: ledger, analysis: analysis, into: &csv)
            },
            .streamed("worklist.csv", rows: analysis.worklist.count) { csv in
                OutputTables.worklist(ledger: ledger, analysis: analysis, into: &csv)
            },
            .streamed("credit_holds.csv", rows: analysis.creditHolds.count) { csv in
                OutputTables.creditHolds(ledger: ledger, analysis: analysis, into: &csv)
            },
            .init(file: "forecast.csv") { OutputTables.forecast(ledger: ledger, analysis: analysis) },
            .init(file: "backtest.csv") { OutputTables.backTest(ledger: ledger, analysis: analysis) },
            .init(file: "allowance.csv") { OutputTables.allowance(ledger: ledger, analysis: analysis) },
            .init(file: "rollrates.csv") { OutputTables.rollRates(ledger: ledger, analysis: analysis) },
        ]
    }

    /// Renders the board pack, report.html, the email files and the chart PNGs for the
    /// formats chosen; the email attaches the CSVs given and the board pack when it is rendered.
    static func renderReports(
        _ model: ReportModel, templates: ReportTemplates?, boardPack: BoardPackLayout?, settings: RunSettings,
        attachments: [ReportRenderer.Attachment], date: Date
    ) throws -> [RenderedFile] {
        var files: [RenderedFile] = []
        var attachments = attachments
        if let boardPack {
            let pdf = try BoardPackRenderer.render(model, layout: boardPack, paper: settings.pageSize)
            files.append(RenderedFile(name: "board_pack.pdf", bytes: pdf))
            attachments.append(ReportRenderer.Attachment(name: "board_pack.pdf", bytes: pdf, type: "application/pdf"))
        }
        let html = settings.formats.contains(.html)
        let email = settings.formats.contains(.email)
        guard let templates, html || email else { return files }
        // PNGs only for the charts the email shows; the report inlines SVG.
        let png = email ? ReportRenderer.chartKeys(in: templates.text("email.html")) : []
        let charts = try ReportChartImages.draw(model, png: png, svg: html)
        let withCharts = charts.apply(to: model)
        for image in charts.images where !image.png.isEmpty {
            files.append(RenderedFile(name: image.slot.file, bytes: image.png))
        }
        if html {
            files.append(
                RenderedFile(name: "report.html", bytes: ReportRenderer.html(withCharts, templates: templates)))
        }
        if email {
            files += ReportRenderer.email(
                withCharts, templates: templates, charts: charts, settings: settings.email, attachments: attachments,
                date: date, messageID: ReportRenderer.messageID(asOf: model.asOf, date: date))
        }
        return files
    }
}
