import ARCharts
import ARCore
import Foundation

/// The report's charts drawn by ARCharts from the model's chart data: PNG for the email (and the
/// output folder), SVG for the HTML report. Only the model's values are drawn; nothing is computed.
public struct ReportChartImages: Sendable {
    public struct Image: Sendable {
        /// The model's slot: file name, CID, title.
        public var slot: ChartImage
        public var png: [UInt8]
        public var svg: String
    }

    /// In the order the pages show them.
    public var images: [Image]

    /// Chart sizes in points, chosen so 8 pt labels show at about 10 px where the pages place them:
    /// the email's 576 px column (PNG at 2 pixels per point, shown at 4/3 px per point) and the
    /// report's half-width columns (SVG, scaled to the column).
    static let pngSize = Size(width: 432, height: 250)
    static let svgSize = Size(width: 400, height: 250)
    static let pngScale = 2.0

    /// Draws the charts: a PNG for those whose key is in `png` (the ones the email shows), an SVG of
    /// every chart when `svg` (the HTML report).
    public static func draw(_ model: ReportModel, png: Set<String>, svg: Bool) throws -> ReportChartImages {
        let data = model.chartData
        let perMajor = data.minorUnitsPerMajor
        let symbol = DisplayFormat.symbol(Currency(code: model.currency)).trimmingCharacters(in: .whitespaces)
        let money = AxisFormatter.compactCurrency(
            symbol: symbol, position: symbol.count > 1 ? .suffix : .prefix)
        let note = "As of \(model.asOfLong) · \(model.currency)"
        let charts: [(ChartImage, any Chart)] = [
            (
                model.charts.aging,
                AgingBucketsChart(
                    title: model.charts.aging.title, subtitle: "Total \(model.aging.total) \(model.currency)",
                    buckets: zip(data.bucketLabels, data.bucketAmounts).map { label, amount in
                        AgingBucketsChart.Bucket(label: label, minorUnits: amount, minorUnitsPerMajor: perMajor)
                    }, axisFormatter: money, note: note)
            ),
            (
                model.charts.agingMix,
                AgingMixChart(
                    title: model.charts.agingMix.title, subtitle: "Open AR at each month end, by bucket",
                    seriesNames: data.bucketLabels,
                    periods: zip(data.trendLabels, data.trendBuckets).map { label, amounts in
                        AgingMixChart.Period(label: label, minorUnits: amounts, minorUnitsPerMajor: perMajor)
                    }, axisFormatter: money, note: note)
            ),
            (
                model.charts.trend,
                TrendChart(
                    title: model.charts.trend.title, periodLabels: data.trendLabels,
                    panels: [
                        TrendChart.Panel(
                            title: "DSO (days)",
                            series: [
                                TrendChart.Series(
                                    name: "DSO", values: data.trendDSO,
                                    latestLabel: data.trendDSO.last.flatMap { $0 }.map { DisplayFormat.oneDecimal($0) },
                                    color: Palette.blue)
                            ], axisFormatter: .number(maxFractionDigits: 0), includesZero: true),
                        TrendChart.Panel(
                            title: "CEI (%)",
                            series: [
                                TrendChart.Series(
                                    name: "CEI", values: data.trendCEI,
                                    latestLabel: data.trendCEI.last.flatMap { $0 }.map { DisplayFormat.percent($0) },
                                    color: Palette.bluishGreen)
                            ], axisFormatter: .number(maxFractionDigits: 0, suffix: "%"), includesZero: true),
                    ], arrangement: .sideBySide, note: note)
            ),
            (
                model.charts.topPastDue,
                TopCustomersChart(
                    title: model.charts.topPastDue.title,
                    subtitle: "\(model.topPastDue.customersPastDue) customers have a past-due balance",
                    customers: data.topNames.indices.map { index in
                        TopCustomersChart.Customer(
                            name: data.topNames[index], minorUnits: data.topPastDue[index], minorUnitsPerMajor: perMajor,
                            amountLabel: data.topLabels[index])
                    }, axisFormatter: money, note: note)
            ),
            (
                model.charts.concentration,
                ConcentrationChart(
                    title: model.charts.concentration.title, subtitle: "Share of total AR held by the largest balances",
                    groups: data.concentrationLabels.indices.map { index in
                        ConcentrationChart.Group(
                            label: data.concentrationLabels[index] + " customers", share: data.concentrationShares[index],
                            shareLabel: data.concentrationShareLabels[index])
                    }, note: note)
            ),
        ]
        var images: [Image] = []
        for (slot, chart) in charts {
            var slot = slot
            slot.alt = chart.textSummary
            slot.width = String(Int(pngSize.width * 4 / 3))
            slot.height = String(Int(pngSize.height * 4 / 3))
            slot.available = true
            let pngBytes = png.contains(slot.key) ? try chart.pngData(size: pngSize, scale: pngScale) : []
            let svgText = svg ? String(decoding: try chart.svgData(size: svgSize, idPrefix: Self.idPrefix(slot)), as: UTF8.self) : ""
            images.append(Image(slot: slot, png: pngBytes, svg: svgText))
        }
        return ReportChartImages(images: images)
    }

    /// A unique id prefix per chart so inlined SVGs do not share glyph and clip ids.
    static func idPrefix(_ slot: ChartImage) -> String {
        "c-" + slot.file.replacingOccurrences(of: ".png", with: "").replacingOccurrences(of: "_", with: "-")
    }

    /// The model with the chart slots filled: SVG markup (without the XML prolog) for the HTML report.
    public func apply(to model: ReportModel) -> ReportModel {
        var model = model
        model.charts.available = !images.isEmpty
        for image in images {
            var slot = image.slot
            slot.svg = Self.inlineSVG(image.svg)
            switch image.slot.file {
            case model.charts.aging.file: model.charts.aging = slot
            case model.charts.agingMix.file: model.charts.agingMix = slot
            case model.charts.trend.file: model.charts.trend = slot
            case model.charts.topPastDue.file: model.charts.topPastDue = slot
            case model.charts.concentration.file: model.charts.concentration = slot
            default: break
            }
        }
        return model
    }

    /// An SVG document made fit for inlining in HTML: the `<?xml ...?>` prolog dropped, and the fixed
    /// size turned into a `viewBox` so it scales with the page.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var text = String(svg[start.lowerBound...])
        if let close = text.firstIndex(of: ">") {
            let openTag = String(text[..<close])
            let rest = text[close...]
            var tag = openTag
            if !tag.contains("role=") { tag += " role=\"img\"" }
            tag = tag.replacingOccurrences(of: "width=\"\(Int(svgSize.width))pt\"", with: "width=\"100%\"")
                .replacingOccurrences(of: "height=\"\(Int(svgSize.height))pt\"", with: "")
            text = tag + rest
        }
        return text
    }
}
