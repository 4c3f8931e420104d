/// A vertical value axis: nice ticks, light grid lines across the plot and right-aligned tick labels
/// on its left.
struct ValueAxis {
    let scale: NiceScale
    let labels: [String]

    init(scale: NiceScale, formatter: AxisFormatter) {
        self.scale = scale
        self.labels = scale.ticks.map { formatter($0) }
    }

    /// The width the tick labels need, including the gap to the plot.
    func width(on canvas: Canvas, theme: ChartTheme) -> Double {
        (labels.map { canvas.width(of: $0, style: theme.axisLabel) }.max() ?? 0) + 6
    }

    /// The y coordinate of `value` in `plot`.
    func y(_ value: Double, in plot: Rect) -> Double {
        plot.maxY - scale.fraction(of: value) * plot.height
    }

    /// Draws grid lines (the zero line stronger) and tick labels.
    func draw(in plot: Rect, on canvas: Canvas, theme: ChartTheme) {
        for (tick, label) in zip(scale.ticks, labels) {
            let y = snapped(y(tick, in: plot))
            let isZero = tick == 0
            canvas.strokeLine(
                from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y),
                color: isZero ? theme.baselineColor : theme.gridColor, width: isZero ? 1 : 0.75)
            canvas.drawText(
                label, at: Point(x: plot.minX - 6, y: y), style: theme.axisLabel, alignment: .trailing,
                baseline: .middle)
        }
    }

    /// Redraws the zero line over the data, so bars and areas sit on a crisp baseline.
    func drawZeroLine(in plot: Rect, on canvas: Canvas, theme: ChartTheme) {
        guard scale.lower <= 0, scale.upper >= 0 else { return }
        let y = snapped(y(0, in: plot))
        canvas.strokeLine(
            from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y), color: theme.baselineColor, width: 1)
    }
}

/// Rounds a line position to the half point, so 1 pt lines land on whole pixels at 2× scale.
func snapped(_ value: Double) -> Double { (value * 2).rounded() / 2 }

/// Category labels under a row of slots (bars or months): horizontal when they fit, otherwise thinned
/// (time series: every k-th label, always keeping the latest) or rotated 45° (named categories).
struct CategoryLabels {
    enum Layout {
        case horizontal(every: Int)
        case rotated(every: Int, maxWidth: Double)
    }

    let labels: [String]
    let layout: Layout
    /// The vertical space the labels need below the axis.
    let height: Double

    init(
        _ labels: [String], slotWidth: Double, maxHeight: Double, thinInsteadOfRotating: Bool, on canvas: Canvas,
        theme: ChartTheme
    ) {
        let style = theme.axisLabel
        let metrics = canvas.measure("H", style: style)
        let widest = labels.map { canvas.width(of: $0, style: style) }.max() ?? 0
        let gap = 6.0
        self.labels = labels
        if widest + gap <= slotWidth || labels.count <= 1 {
            layout = .horizontal(every: 1)
            height = metrics.lineHeight + 4
        } else if thinInsteadOfRotating {
            let every = Int(((widest + gap) / max(slotWidth, 0.1)).rounded(.up))
            layout = .horizontal(every: max(1, every))
            height = metrics.lineHeight + 4
        } else {
            let diagonal = 0.7071
            let maxWidth = max(20, (maxHeight - 4) / diagonal - metrics.capHeight)
            let every = Int(((metrics.lineHeight / diagonal + 2) / max(slotWidth, 0.1)).rounded(.up))
            layout = .rotated(every: max(1, every), maxWidth: maxWidth)
            height = min(widest, maxWidth) * diagonal + metrics.capHeight * diagonal + 6
        }
    }

    /// How far the last label, centred under the last slot, sticks out past the right end of the slots:
    /// the plot must leave this much room so the latest period's label is not cut.
    func trailingOverhang(slotWidth: Double, on canvas: Canvas, theme: ChartTheme) -> Double {
        guard case .horizontal = layout, let last = labels.last else { return 0 }
        return max(0, canvas.width(of: last, style: theme.axisLabel) / 2 - slotWidth / 2)
    }

    /// Draws the labels centred under `centers`, starting at `top`.
    /// Rotated labels are shortened so they do not run left of `leftLimit`.
    func draw(centers: [Double], top: Double, leftLimit: Double = -.infinity, on canvas: Canvas, theme: ChartTheme) {
        let style = theme.axisLabel
        let last = labels.count - 1
        switch layout {
        case .horizontal(let every):
            for (index, label) in labels.enumerated() where (last - index) % every == 0 && index < centers.count {
                canvas.drawText(
                    label, at: Point(x: centers[index], y: top + 4), style: style, alignment: .center, baseline: .top)
            }
        case .rotated(let every, let maxWidth):
            for (index, label) in labels.enumerated() where (last - index) % every == 0 && index < centers.count {
                let room = (centers[index] + 3 - leftLimit) / 0.7071
                let text = canvas.truncated(label, toWidth: min(maxWidth, room), style: style)
                canvas.drawText(
                    text, at: Point(x: centers[index] + 3, y: top + 6), style: style, alignment: .trailing,
                    baseline: .middle, rotation: 45)
            }
        }
    }
}
