/// Open AR by aging bucket: one vertical bar per bucket, labelled with its amount.
///
/// Buckets are drawn in the order given (current first). Colours follow `Palette.aging`, so a bucket has
/// the same colour here and in `AgingMixChart`. Negative buckets (net credits) hang below the zero line.
public struct AgingBucketsChart: Chart {
    public struct Bucket: Hashable, Sendable {
        /// The bucket's name, e.g. "Current", "1–30", "90+".
        public var label: String
        public var amount: Double
        /// The label printed on the bar, e.g. "$1,234,567" or "$1.2M · 38%"; nil formats `amount` with
        /// the chart's axis formatter.
        public var amountLabel: String?

        public init(label: String, amount: Double, amountLabel: String? = nil) {
            self.label = label
            self.amount = amount
            self.amountLabel = amountLabel
        }

        /// A bucket from integer minor units (e.g. cents, with `minorUnitsPerMajor` 100).
        public init(label: String, minorUnits: Int64, minorUnitsPerMajor: Int64 = 100, amountLabel: String? = nil) {
            self.init(
                label: label, amount: majorUnits(minorUnits, perMajor: minorUnitsPerMajor), amountLabel: amountLabel)
        }
    }

    public var title: String
    public var subtitle: String?
    public var buckets: [Bucket]
    /// Formats tick labels (and amounts that have no `amountLabel`).
    public var axisFormatter: AxisFormatter
    /// One colour per bucket; nil uses `Palette.aging(count:)`.
    public var colors: [Color]?
    /// A footnote under the chart, e.g. the as-of date or source.
    public var note: String?
    public var theme: ChartTheme

    public init(
        title: String, subtitle: String? = nil, buckets: [Bucket],
        axisFormatter: AxisFormatter = .compactCurrency(), colors: [Color]? = nil, note: String? = nil,
        theme: ChartTheme = .standard
    ) {
        self.title = title
        self.subtitle = subtitle
        self.buckets = buckets
        self.axisFormatter = axisFormatter
        self.colors = colors
        self.note = note
        self.theme = theme
    }

    public var textSummary: String {
        guard !buckets.isEmpty else { return "\(title): no data." }
        return "\(title). "
            + buckets.map { "\($0.label): \($0.amountLabel ?? axisFormatter($0.amount))" }.joined(separator: "; ")
            + "."
    }

    public func draw(in frame: Rect, on canvas: Canvas) {
        let content = ChartFrame.prepare(frame, note: note, on: canvas, theme: theme)
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: content, on: canvas, theme: theme)
        guard !buckets.isEmpty else { return EmptyState.draw(in: body, on: canvas, theme: theme) }

        let bucketColors = colors ?? Palette.aging(count: buckets.count)
        let axis = ValueAxis(scale: NiceScale(covering: buckets.map(\.amount)), formatter: axisFormatter)
        let valueMetrics = canvas.measure("H", style: theme.valueLabel)
        let labelBand = valueMetrics.lineHeight + 4
        let hasNegative = buckets.contains { $0.amount < 0 }
        let axisWidth = axis.width(on: canvas, theme: theme)
        let slotWidth = max(1, (body.width - axisWidth) / Double(buckets.count))
        let categories = CategoryLabels(
            buckets.map(\.label), slotWidth: slotWidth, maxHeight: body.height * 0.3,
            thinInsteadOfRotating: false, on: canvas, theme: theme)
        let plot = body.inset(
            top: labelBand, left: axisWidth, bottom: categories.height + (hasNegative ? labelBand : 0))
        guard plot.height > 10, plot.width > 10 else {
            return EmptyState.draw(in: body, on: canvas, theme: theme, message: "Too small")
        }

        axis.draw(in: plot, on: canvas, theme: theme)
        let barWidth = min(slotWidth * 0.62, 72)
        let zeroY = axis.y(0, in: plot)
        var centers: [Double] = []
        for (index, bucket) in buckets.enumerated() {
            let center = plot.minX + slotWidth * (Double(index) + 0.5)
            centers.append(center)
            let valueY = axis.y(bucket.amount, in: plot)
            let bar = Rect(
                x: center - barWidth / 2, y: min(zeroY, valueY), width: barWidth, height: abs(zeroY - valueY))
            canvas.fill(bar, color: bucketColors[index % max(1, bucketColors.count)])
            let label = fittedLabel(bucket, width: slotWidth - 4, on: canvas)
            let below = bucket.amount < 0
            canvas.drawText(
                label, at: Point(x: center, y: below ? bar.maxY + 3 : bar.minY - 3), style: theme.valueLabel,
                alignment: .center, baseline: below ? .top : .bottom)
        }
        axis.drawZeroLine(in: plot, on: canvas, theme: theme)
        categories.draw(
            centers: centers, top: plot.maxY + (hasNegative ? labelBand : 0), leftLimit: frame.minX + 2, on: canvas,
            theme: theme)
    }

    /// The caller's label if it fits the slot, else the compact axis format, else nothing.
    private func fittedLabel(_ bucket: Bucket, width: Double, on canvas: Canvas) -> String {
        for candidate in [bucket.amountLabel, axisFormatter(bucket.amount)].compactMap({ $0 })
        where canvas.width(of: candidate, style: theme.valueLabel) <= width {
            return candidate
        }
        return ""
    }
}
