/// The largest customers by an amount (typically past-due balance) as horizontal bars, one row each,
/// in the order given, with the name on the left and the formatted amount at the end of the bar.
///
/// Long names are shortened with "…" to the measured width of the name column. Bars are labelled
/// directly, so there is no value axis. Negative amounts draw leftwards from a zero line.
public struct TopCustomersChart: Chart {
    public struct Customer: Hashable, Sendable {
        public var name: String
        public var amount: Double
        /// The label at the bar's end, e.g. "$412,300"; nil formats `amount` with the chart's formatter.
        public var amountLabel: String?
        /// Optional quieter text after the amount, e.g. "71% of balance" or "92 days".
        public var detail: String?

        public init(name: String, amount: Double, amountLabel: String? = nil, detail: String? = nil) {
            self.name = name
            self.amount = amount
            self.amountLabel = amountLabel
            self.detail = detail
        }

        /// A row from integer minor units (e.g. cents, with `minorUnitsPerMajor` 100).
        public init(
            name: String, minorUnits: Int64, minorUnitsPerMajor: Int64 = 100, amountLabel: String? = nil,
            detail: String? = nil
        ) {
            self.init(
                name: name, amount: majorUnits(minorUnits, perMajor: minorUnitsPerMajor), amountLabel: amountLabel,
                detail: detail)
        }
    }

    public var title: String
    public var subtitle: String?
    /// Rows top to bottom; the caller picks and orders them (e.g. the top 10).
    public var customers: [Customer]
    /// Formats amounts that have no `amountLabel`.
    public var axisFormatter: AxisFormatter
    public var barColor: Color
    public var note: String?
    public var theme: ChartTheme

    public init(
        title: String, subtitle: String? = nil, customers: [Customer],
        axisFormatter: AxisFormatter = .compactCurrency(),
        barColor: Color = Palette.vermillion, note: String? = nil, theme: ChartTheme = .standard
    ) {
        self.title = title
        self.subtitle = subtitle
        self.customers = customers
        self.axisFormatter = axisFormatter
        self.barColor = barColor
        self.note = note
        self.theme = theme
    }

    public var textSummary: String {
        guard !customers.isEmpty else { return "\(title): no data." }
        return "\(title). "
            + customers.enumerated().map { index, customer in
                "\(index + 1). \(customer.name): \(customer.amountLabel ?? axisFormatter(customer.amount))"
                    + (customer.detail.map { " (\($0))" } ?? "")
            }.joined(separator: "; ") + "."
    }

    public func draw(in frame: Rect, on canvas: Canvas) {
        let content = ChartFrame.prepare(frame, note: note, on: canvas, theme: theme)
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: content, on: canvas, theme: theme)
        guard !customers.isEmpty else { return EmptyState.draw(in: body, on: canvas, theme: theme) }

        let nameStyle = theme.axisLabel.colored(ChartTheme.ink)
        let amountStyle = theme.valueLabel.bold
        let detailStyle = theme.note
        let labels = customers.map { customer -> (amount: String, detail: String) in
            (customer.amountLabel ?? axisFormatter(customer.amount), customer.detail.map { "  \($0)" } ?? "")
        }
        let labelWidths = labels.map {
            canvas.width(of: $0.amount, style: amountStyle) + canvas.width(of: $0.detail, style: detailStyle)
        }
        let nameColumn = min(
            (customers.map { canvas.width(of: $0.name, style: nameStyle) }.max() ?? 0), body.width * 0.36)
        let rightLabelWidth = (labelWidths.max() ?? 0) + 6
        let hasNegative = customers.contains { $0.amount < 0 }
        let leftLabelWidth =
            hasNegative ? zip(customers, labelWidths).filter { $0.0.amount < 0 }.map(\.1).max().map { $0 + 6 } ?? 0 : 0
        let barArea = body.inset(left: nameColumn + 8 + leftLabelWidth, right: rightLabelWidth)
        guard barArea.width > 10 else {
            return EmptyState.draw(in: body, on: canvas, theme: theme, message: "Too small")
        }

        let amounts = customers.map { $0.amount.isFinite ? $0.amount : 0 }
        let low = min(0, amounts.min() ?? 0)
        let high = max(0, amounts.max() ?? 0)
        let span = high - low > 0 ? high - low : 1
        let x = { (value: Double) in barArea.minX + (value - low) / span * barArea.width }
        let zeroX = snapped(x(0))

        let rowHeight = min(body.height / Double(customers.count), 26)
        let barHeight = max(2, min(rowHeight * 0.62, 14))
        for (index, customer) in customers.enumerated() {
            let middle = body.minY + rowHeight * (Double(index) + 0.5)
            let name = canvas.truncated(customer.name, toWidth: nameColumn, style: nameStyle)
            canvas.drawText(
                name, at: Point(x: body.minX + nameColumn, y: middle), style: nameStyle, alignment: .trailing,
                baseline: .middle)
            let end = x(amounts[index])
            let bar = Rect(x: min(zeroX, end), y: middle - barHeight / 2, width: abs(end - zeroX), height: barHeight)
            canvas.fill(bar, color: barColor)
            let label = labels[index]
            if amounts[index] < 0 {
                let detailWidth = canvas.width(of: label.detail, style: detailStyle)
                let start = bar.minX - 5 - labelWidths[index]
                canvas.drawText(label.amount, at: Point(x: start, y: middle), style: amountStyle, baseline: .middle)
                canvas.drawText(
                    label.detail, at: Point(x: bar.minX - 5 - detailWidth, y: middle), style: detailStyle,
                    baseline: .middle)
            } else {
                let start = bar.maxX + 5
                canvas.drawText(label.amount, at: Point(x: start, y: middle), style: amountStyle, baseline: .middle)
                canvas.drawText(
                    label.detail, at: Point(x: start + canvas.width(of: label.amount, style: amountStyle), y: middle),
                    style: detailStyle, baseline: .middle)
            }
        }
        let rows = Rect(x: zeroX, y: body.minY, width: 0, height: rowHeight * Double(customers.count))
        canvas.strokeLine(
            from: Point(x: zeroX, y: rows.minY), to: Point(x: zeroX, y: rows.maxY), color: theme.baselineColor, width: 1
        )
    }
}
