/// Metric trends as lines over periods, in one or more panels that share the period axis.
///
/// Each panel has its own value axis, so measures in different units (DSO and BPDSO in days, CEI in %)
/// get side-by-side or stacked panels rather than a confusing second y-axis. Lines are labelled directly
/// at their last point with the latest value; panels with several lines get a line legend under their heading.
public struct TrendChart: Chart {
    public struct Series: Hashable, Sendable {
        public var name: String
        /// One value per period; nil leaves a gap (no data that month).
        public var values: [Double?]
        /// The label for the latest value, e.g. "48 days"; nil formats it with the panel's formatter.
        public var latestLabel: String?
        /// nil takes the next colour of `Palette.categorical`.
        public var color: Color?
        /// Dashed lines suit targets and benchmarks.
        public var isDashed: Bool

        public init(
            name: String, values: [Double?], latestLabel: String? = nil, color: Color? = nil, isDashed: Bool = false
        ) {
            self.name = name
            self.values = values
            self.latestLabel = latestLabel
            self.color = color
            self.isDashed = isDashed
        }
    }

    public struct Panel: Sendable {
        /// The panel's heading, naming its unit: "Days outstanding", "Collection effectiveness (%)".
        public var title: String
        public var series: [Series]
        public var axisFormatter: AxisFormatter
        /// A fixed value range (e.g. 0...1 for a percentage); nil fits the data with nice ticks.
        public var domain: ClosedRange<Double>?
        /// Whether the fitted range must reach zero.
        public var includesZero: Bool

        public init(
            title: String, series: [Series], axisFormatter: AxisFormatter = .number(),
            domain: ClosedRange<Double>? = nil,
            includesZero: Bool = false
        ) {
            self.title = title
            self.series = series
            self.axisFormatter = axisFormatter
            self.domain = domain
            self.includesZero = includesZero
        }
    }

    public enum Arrangement: Hashable, Sendable {
        /// Side by side when the frame is wide (more than 1.6 × as wide as tall), else stacked.
        case automatic
        case sideBySide
        case stacked
    }

    public var title: String
    public var subtitle: String?
    /// Period labels oldest first, one per value in each series.
    public var periodLabels: [String]
    public var panels: [Panel]
    public var arrangement: Arrangement
    public var note: String?
    public var theme: ChartTheme

    public init(
        title: String, subtitle: String? = nil, periodLabels: [String], panels: [Panel],
        arrangement: Arrangement = .automatic, note: String? = nil, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.subtitle = subtitle
        self.periodLabels = periodLabels
        self.panels = panels
        self.arrangement = arrangement
        self.note = note
        self.theme = theme
    }

    public var textSummary: String {
        let parts = panels.flatMap { panel in
            panel.series.map { series in
                let latest = series.values.last { $0 != nil } ?? nil
                let label = series.latestLabel ?? latest.map { panel.axisFormatter($0) } ?? "no data"
                return "\(series.name) latest \(label)"
            }
        }
        guard !parts.isEmpty, !periodLabels.isEmpty else { return "\(title): no data." }
        return "\(title), \(periodLabels.first ?? "") to \(periodLabels.last ?? ""). " + parts.joined(separator: "; ")
            + "."
    }

    public func draw(in frame: Rect, on canvas: Canvas) {
        let content = ChartFrame.prepare(frame, note: note, on: canvas, theme: theme)
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: content, on: canvas, theme: theme)
        let hasData =
            !periodLabels.isEmpty && panels.contains { $0.series.contains { $0.values.contains { $0 != nil } } }
        guard hasData else { return EmptyState.draw(in: body, on: canvas, theme: theme) }

        let sideBySide =
            switch arrangement {
            case .automatic: body.width > body.height * 1.6
            case .sideBySide: true
            case .stacked: false
            }
        let gap = sideBySide ? 24.0 : 14.0
        let count = Double(panels.count)
        // Panels side by side share one legend band so their plots line up.
        let needsLegend = panels.contains { $0.series.count > 1 }
        var colorIndex = 0
        for (index, panel) in panels.enumerated() {
            let area =
                sideBySide
                ? Rect(
                    x: body.minX + (body.width + gap) / count * Double(index), y: body.minY,
                    width: (body.width + gap) / count - gap, height: body.height)
                : Rect(
                    x: body.minX, y: body.minY + (body.height + gap) / count * Double(index), width: body.width,
                    height: (body.height + gap) / count - gap)
            let colors = panel.series.map { series in
                defer { colorIndex += 1 }
                return series.color ?? Palette.categorical(colorIndex)
            }
            drawPanel(
                panel, colors: colors, in: area, on: canvas,
                showsLegend: needsLegend && (sideBySide || panel.series.count > 1),
                showsPeriods: sideBySide || index == panels.count - 1)
        }
    }

    private func drawPanel(
        _ panel: Panel, colors: [Color], in area: Rect, on canvas: Canvas, showsLegend: Bool, showsPeriods: Bool
    ) {
        let headingStyle = theme.subtitle.bold.colored(ChartTheme.ink)
        let headingHeight = canvas.measure(panel.title, style: headingStyle).lineHeight
        canvas.drawText(
            canvas.truncated(panel.title, toWidth: area.width, style: headingStyle),
            at: Point(x: area.minX, y: area.minY),
            style: headingStyle, baseline: .top)
        var body = area.inset(top: headingHeight + 6)
        // Lines are named by a legend under the panel heading (a lone line in a stacked panel by the heading).
        if showsLegend {
            let legend = Legend(
                items: zip(panel.series, colors).map { LegendItem(label: $0.name, color: $1, mark: .line) })
            body = body.inset(
                top: legend.draw(at: Point(x: body.minX, y: body.minY), width: body.width, on: canvas, theme: theme) + 4
            )
        } else {
            body = body.inset(top: 2)
        }

        let values = panel.series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        let scale =
            panel.domain.map { NiceScale(exactly: $0) }
            ?? NiceScale(covering: values, includingZero: panel.includesZero, maxIntervals: 4)
        let axis = ValueAxis(scale: scale, formatter: panel.axisFormatter)
        let axisWidth = axis.width(on: canvas, theme: theme)
        // The latest value labels each line's end; the legend (or heading) names the line.
        let endLabels = panel.series.map { series -> String in
            let latest = series.values.prefix(periodLabels.count).last { $0 != nil } ?? nil
            guard let latest else { return "" }
            return series.latestLabel ?? panel.axisFormatter(latest)
        }
        let endLabelWidth = min(
            (endLabels.map { canvas.width(of: $0, style: theme.valueLabel) }.max() ?? 0) + 10, body.width * 0.35)
        let periods = Double(max(1, periodLabels.count))
        let slotWidth = max(1, (body.width - axisWidth - endLabelWidth) / periods)
        let categories = CategoryLabels(
            periodLabels, slotWidth: slotWidth, maxHeight: body.height * 0.3, thinInsteadOfRotating: true, on: canvas,
            theme: theme)
        let plot = body.inset(
            top: 4, left: axisWidth, bottom: showsPeriods ? categories.height : 4, right: endLabelWidth)
        guard plot.height > 10, plot.width > 10 else {
            return EmptyState.draw(in: body, on: canvas, theme: theme, message: "Too small")
        }

        axis.draw(in: plot, on: canvas, theme: theme)
        let centers = periodLabels.indices.map { plot.minX + slotWidth * (Double($0) + 0.5) }
        var labelPositions: [(y: Double, text: String, color: Color)] = []
        for (seriesIndex, series) in panel.series.enumerated() {
            let color = colors[seriesIndex]
            // Split at gaps so a missing month does not draw a misleading straight line across it.
            var run: [Point] = []
            var runs: [[Point]] = []
            for (index, value) in series.values.prefix(periodLabels.count).enumerated() {
                if let value, value.isFinite {
                    run.append(Point(x: centers[index], y: axis.y(min(max(value, scale.lower), scale.upper), in: plot)))
                } else if !run.isEmpty {
                    runs.append(run)
                    run = []
                }
            }
            if !run.isEmpty { runs.append(run) }
            for points in runs {
                if points.count == 1 {
                    canvas.fillCircle(center: points[0], radius: theme.lineWidth * 1.2, color: color)
                } else {
                    canvas.strokePolyline(
                        points, color: color, width: theme.lineWidth, dash: series.isDashed ? [5, 3] : [])
                }
            }
            if let last = runs.last?.last, !endLabels[seriesIndex].isEmpty {
                canvas.fillCircle(
                    center: last, radius: theme.lineWidth * 1.6, color: color, ring: theme.background ?? .white,
                    ringWidth: 1)
                labelPositions.append((last.y, endLabels[seriesIndex], color))
            }
        }
        let labelX = (centers.last ?? plot.maxX) + 9
        drawEndLabels(labelPositions, x: labelX, maxWidth: plot.maxX + endLabelWidth - labelX, bounds: plot, on: canvas)
        axis.drawZeroLine(in: plot, on: canvas, theme: theme)
        if showsPeriods { categories.draw(centers: centers, top: plot.maxY, on: canvas, theme: theme) }
    }

    /// Direct labels at the right end of the lines, nudged apart vertically so they never overlap.
    private func drawEndLabels(
        _ labels: [(y: Double, text: String, color: Color)], x: Double, maxWidth: Double, bounds: Rect,
        on canvas: Canvas
    ) {
        guard !labels.isEmpty else { return }
        let lineHeight = canvas.measure("H", style: theme.valueLabel).lineHeight
        let order = labels.indices.sorted { labels[$0].y < labels[$1].y }
        var ys = order.map { labels[$0].y }
        for i in ys.indices.dropFirst() where ys[i] < ys[i - 1] + lineHeight { ys[i] = ys[i - 1] + lineHeight }
        // If pushing down ran past the bottom, shift the whole column back up.
        let overflow = (ys.last ?? 0) - (bounds.maxY + lineHeight / 2)
        if overflow > 0 {
            ys = ys.map { $0 - overflow }
            for i in ys.indices.reversed().dropFirst() where ys[i] > ys[i + 1] - lineHeight {
                ys[i] = ys[i + 1] - lineHeight
            }
        }
        for (position, index) in order.enumerated() {
            let label = labels[index]
            let text = canvas.truncated(label.text, toWidth: maxWidth, style: theme.valueLabel)
            canvas.drawText(
                text, at: Point(x: x, y: ys[position]),
                style: theme.valueLabel.colored(label.color.mixed(with: ChartTheme.ink, 0.25)),
                baseline: .middle)
        }
    }
}
