/// Amounts per period as side-by-side bars, one bar per series: the 13-week cash forecast (one series),
/// or the back-test's forecast against what was actually collected (two series).
///
/// The first series is drawn light (the expectation), later ones in stronger colours, so "actual" reads
/// as the solid fact next to its forecast. A legend names the series when there is more than one.
public struct WeeklyCashChart: Chart {
    public struct Series: Hashable, Sendable {
        public var name: String
        /// One amount per period, in major units.
        public var values: [Double]
        public var color: Color

        public init(name: String, values: [Double], color: Color) {
            self.name = name
            self.values = values
            self.color = color
        }

        /// A series from integer minor units (e.g. cents).
        public init(name: String, minorUnits: [Int64], minorUnitsPerMajor: Int64 = 100, color: Color) {
            self.init(name: name, values: minorUnits.map { majorUnits($0, perMajor: minorUnitsPerMajor) }, color: color)
        }
    }

    public var title: String
    public var subtitle: String?
    /// One label per period (`W1`, `7 Jan`); every k-th is shown when they do not fit.
    public var periodLabels: [String]
    public var series: [Series]
    public var axisFormatter: AxisFormatter
    public var note: String?
    public var theme: ChartTheme

    public init(
        title: String, subtitle: String? = nil, periodLabels: [String], series: [Series],
        axisFormatter: AxisFormatter = .compactCurrency(), note: String? = nil, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.subtitle = subtitle
        self.periodLabels = periodLabels
        self.series = series
        self.axisFormatter = axisFormatter
        self.note = note
        self.theme = theme
    }

    public var textSummary: String {
        guard !periodLabels.isEmpty, !series.isEmpty else { return "\(title): no data." }
        return "\(title). "
            + periodLabels.indices.map { index in
                "\(periodLabels[index]): "
                    + series.map { "\($0.name) \(index < $0.values.count ? axisFormatter($0.values[index]) : "n/a")" }
                    .joined(separator: ", ")
            }.joined(separator: "; ") + "."
    }

    public func draw(in frame: Rect, on canvas: Canvas) {
        let content = ChartFrame.prepare(frame, note: note, on: canvas, theme: theme)
        let legend = series.count > 1 ? series.map { LegendItem(label: $0.name, color: $0.color) } : []
        let body = ChartHeader(title: title, subtitle: subtitle, legend: legend).draw(in: content, on: canvas, theme: theme)
        guard !periodLabels.isEmpty, !series.isEmpty else { return EmptyState.draw(in: body, on: canvas, theme: theme) }

        let axis = ValueAxis(scale: NiceScale(covering: series.flatMap(\.values)), formatter: axisFormatter)
        let axisWidth = axis.width(on: canvas, theme: theme)
        let slotWidth = max(1, (body.width - axisWidth) / Double(periodLabels.count))
        let categories = CategoryLabels(
            periodLabels, slotWidth: slotWidth, maxHeight: body.height * 0.3, thinInsteadOfRotating: true, on: canvas,
            theme: theme)
        let overhang = categories.trailingOverhang(slotWidth: slotWidth, on: canvas, theme: theme)
        let plot = body.inset(top: 4, left: axisWidth, bottom: categories.height, right: overhang)
        guard plot.height > 10, plot.width > 10 else {
            return EmptyState.draw(in: body, on: canvas, theme: theme, message: "Too small")
        }
        axis.draw(in: plot, on: canvas, theme: theme)
        let slot = plot.width / Double(periodLabels.count)
        let groupWidth = min(slot * 0.72, 48)
        let barWidth = groupWidth / Double(series.count)
        let zeroY = axis.y(0, in: plot)
        var centers: [Double] = []
        for index in periodLabels.indices {
            let center = plot.minX + slot * (Double(index) + 0.5)
            centers.append(center)
            for (number, line) in series.enumerated() where index < line.values.count {
                let valueY = axis.y(line.values[index], in: plot)
                let x = center - groupWidth / 2 + barWidth * Double(number)
                canvas.fill(
                    Rect(x: x + 0.5, y: min(zeroY, valueY), width: max(0.5, barWidth - 1), height: abs(zeroY - valueY)),
                    color: line.color)
            }
        }
        axis.drawZeroLine(in: plot, on: canvas, theme: theme)
        categories.draw(centers: centers, top: plot.maxY, on: canvas, theme: theme)
    }
}
