/// How open AR splits across aging buckets month by month: one stacked bar per period, with a legend.
///
/// In `.amounts` mode the bars show money; in `.shareOfTotal` mode each bar is scaled to the sum of its
/// positive parts, so the mix is comparable across months of different size. Negative parts (credits)
/// stack downwards from zero in both modes.
public struct AgingMixChart: Chart {
    public enum Mode: Hashable, Sendable {
        case amounts
        case shareOfTotal
    }

    /// One bar: a period label ("Mar 25") and one amount per series, in `seriesNames` order.
    public struct Period: Hashable, Sendable {
        public var label: String
        public var amounts: [Double]

        public init(label: String, amounts: [Double]) {
            self.label = label
            self.amounts = amounts
        }

        /// A period from integer minor units (e.g. cents, with `minorUnitsPerMajor` 100).
        public init(label: String, minorUnits: [Int64], minorUnitsPerMajor: Int64 = 100) {
            self.init(label: label, amounts: minorUnits.map { majorUnits($0, perMajor: minorUnitsPerMajor) })
        }
    }

    public var title: String
    public var subtitle: String?
    /// The stacked series (aging buckets), bottom of the stack first.
    public var seriesNames: [String]
    /// Periods oldest first.
    public var periods: [Period]
    public var mode: Mode
    /// Formats the value axis in `.amounts` mode (`.shareOfTotal` always uses percent).
    public var axisFormatter: AxisFormatter
    /// One colour per series; nil uses `Palette.aging(count:)`.
    public var colors: [Color]?
    public var note: String?
    public var theme: ChartTheme

    public init(
        title: String, subtitle: String? = nil, seriesNames: [String], periods: [Period], mode: Mode = .amounts,
        axisFormatter: AxisFormatter = .compactCurrency(), colors: [Color]? = nil, note: String? = nil,
        theme: ChartTheme = .standard
    ) {
        self.title = title
        self.subtitle = subtitle
        self.seriesNames = seriesNames
        self.periods = periods
        self.mode = mode
        self.axisFormatter = axisFormatter
        self.colors = colors
        self.note = note
        self.theme = theme
    }

    public var textSummary: String {
        guard !periods.isEmpty, !seriesNames.isEmpty else { return "\(title): no data." }
        let formatter = mode == .amounts ? axisFormatter : .percent(maxFractionDigits: 0)
        return "\(title). "
            + zip(periods, stackedValues()).map { period, values in
                period.label + ": "
                    + zip(seriesNames, values).map { "\($0) \(formatter($1))" }.joined(separator: ", ")
            }.joined(separator: "; ") + "."
    }

    public func draw(in frame: Rect, on canvas: Canvas) {
        let content = ChartFrame.prepare(frame, note: note, on: canvas, theme: theme)
        let seriesColors = colors ?? Palette.aging(count: seriesNames.count)
        let legend = seriesNames.enumerated().map { index, name in
            LegendItem(label: name, color: seriesColors[index % max(1, seriesColors.count)])
        }
        let body = ChartHeader(title: title, subtitle: subtitle, legend: legend).draw(
            in: content, on: canvas, theme: theme)
        guard !periods.isEmpty, !seriesNames.isEmpty else { return EmptyState.draw(in: body, on: canvas, theme: theme) }

        let values = stackedValues()
        let tops = values.map { $0.filter { $0 > 0 }.reduce(0, +) }
        let bottoms = values.map { $0.filter { $0 < 0 }.reduce(0, +) }
        let formatter = mode == .amounts ? axisFormatter : .percent(maxFractionDigits: 0)
        let scale =
            mode == .shareOfTotal && bottoms.allSatisfy({ $0 == 0 })
            ? NiceScale(min: 0, max: 1, maxIntervals: 4) : NiceScale(covering: tops + bottoms)
        let axis = ValueAxis(scale: scale, formatter: formatter)
        let axisWidth = axis.width(on: canvas, theme: theme)
        let slotWidth = max(1, (body.width - axisWidth) / Double(periods.count))
        let categories = CategoryLabels(
            periods.map(\.label), slotWidth: slotWidth, maxHeight: body.height * 0.3, thinInsteadOfRotating: true,
            on: canvas, theme: theme)
        let overhang = categories.trailingOverhang(slotWidth: slotWidth, on: canvas, theme: theme)
        let plot = body.inset(top: 4, left: axisWidth, bottom: categories.height, right: overhang)
        guard plot.height > 10, plot.width > 10 else {
            return EmptyState.draw(in: body, on: canvas, theme: theme, message: "Too small")
        }

        axis.draw(in: plot, on: canvas, theme: theme)
        let barSlot = plot.width / Double(periods.count)
        let barWidth = min(barSlot * 0.7, 48)
        var centers: [Double] = []
        for (index, parts) in values.enumerated() {
            let center = plot.minX + barSlot * (Double(index) + 0.5)
            centers.append(center)
            var above = 0.0
            var below = 0.0
            for (series, value) in parts.enumerated() where value != 0 {
                let start = value > 0 ? above : below
                let end = start + value
                if value > 0 { above = end } else { below = end }
                let y0 = axis.y(start, in: plot)
                let y1 = axis.y(end, in: plot)
                // A hairline of background between segments keeps adjacent colours apart.
                let segment = Rect(x: center - barWidth / 2, y: min(y0, y1), width: barWidth, height: abs(y1 - y0))
                canvas.fill(segment, color: seriesColors[series % max(1, seriesColors.count)])
                if let background = theme.background, segment.height > 1.5 {
                    let seam = value > 0 ? segment.minY : segment.maxY - 0.5
                    canvas.fill(Rect(x: segment.minX, y: seam, width: barWidth, height: 0.5), color: background)
                }
            }
        }
        axis.drawZeroLine(in: plot, on: canvas, theme: theme)
        categories.draw(centers: centers, top: plot.maxY, on: canvas, theme: theme)
    }

    /// The values each bar stacks: amounts, or shares of the bar's positive total.
    private func stackedValues() -> [[Double]] {
        periods.map { period in
            let amounts = seriesNames.indices.map {
                $0 < period.amounts.count && period.amounts[$0].isFinite ? period.amounts[$0] : 0
            }
            guard mode == .shareOfTotal else { return amounts }
            let total = amounts.filter { $0 > 0 }.reduce(0, +)
            return total > 0 ? amounts.map { $0 / total } : amounts.map { _ in 0 }
        }
    }
}
