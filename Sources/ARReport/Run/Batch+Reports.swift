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
    public static func comparisons(ledger: Ledger, settings: RunSettings) -> [AnalysisSnapshot] {
        let dates = ReportSources.comparisonDates(asOf: settings.asOf)
        return Analysis.snapshots(
            ledger: ledger, settings: settings.analysis, dates: [dates.weekAgo, dates.monthEnd], riskAt: [dates.weekAgo])
    }

    /// Writes report.html, the email files and the chart PNGs for the formats chosen.
    /// Runs after the CSVs (and the board pack, which the email attaches when it was written).
    static func writeReports(
        _ model: ReportModel, templates: ReportTemplates, settings: RunSettings, attachments: [ReportRenderer.Attachment],
        folder: inout OutputFolder, date: Date
    ) throws {
        let html = settings.formats.contains(.html)
        let email = settings.formats.contains(.email)
        guard html || email else { return }
        // PNGs only for the charts the email shows; the report inlines SVG.
        let png = email ? ReportRenderer.chartKeys(in: templates.text("email.html")) : []
        let charts = try ReportChartImages.draw(model, png: png, svg: html)
        let withCharts = charts.apply(to: model)
        for image in charts.images where !image.png.isEmpty {
            try folder.write(image.slot.file, image.png)
        }
        if html {
            try folder.write("report.html", ReportRenderer.html(withCharts, templates: templates))
        }
        if email {
            var files = attachments
            if let pdf = folder.writtenBytes("board_pack.pdf") {
                files.append(ReportRenderer.Attachment(name: "board_pack.pdf", bytes: pdf, type: "application/pdf"))
            }
            for file in ReportRenderer.email(
                withCharts, templates: templates, charts: charts, settings: settings.email, attachments: files, date: date,
                messageID: ReportRenderer.messageID(asOf: model.asOf, date: date))
            {
                try folder.write(file.name, file.bytes)
            }
        }
    }
}
