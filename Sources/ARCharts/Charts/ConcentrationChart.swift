/// How much of open AR sits with the largest customers: one row per group ("Top 5", "Top 10"…), each a
/// 0–100 % track filled to the group's share, labelled with the share and an optional amount.
public struct ConcentrationChart: Chart {
    public struct Group: Hashable, Sendable {
        /// E.g. "Top 5 customers".
        public var label: String
        /// The group's share of total AR as a fraction, 0.42 for 42 %. Values outside 0...1 are clamped
        /// for drawing (the label still shows what the caller passed).
        public var share: Double
        /// The share as printed, e.g. "42%"; nil formats `share` as a percentage.
        public var shareLabel: String?
        /// Quieter text after the share, e.g. the amount "$4.2M".
        public var detail: String?

        public init(label: String, share: Double, shareLabel: String? = nil, detail: String? = nil) {
            self.label = label
            self.share = share
            self.shareLabel = shareLabel
            self.detail = detail
        }
    }

    public var title: String
    public var subtitle: String?
    public var groups: [Group]
    public var barColor: Color
    public var note: String?
    public var theme: ChartTheme

    public init(
        title: String, subtitle: String? = nil, groups: [Group], barColor: Color = Palette.blue, note: String? = nil,
        theme: ChartTheme = .standard
    ) {
        self.title = title
        self.subtitle = subtitle
        self.groups = groups
        self.barColor = barColor
        self.note = note
        self.theme = theme
    }

    public var textSummary: String {
        guard !groups.isEmpty else { return "\(title): no data." }
        return "\(title). "
            + groups.map { group in
                "\(group.label): \(shareText(group))" + (group.detail.map { " (\($0))" } ?? "")
            }.joined(separator: "; ") + "."
    }

    public func draw(in frame: Rect, on canvas: Canvas) {
        let content = ChartFrame.prepare(frame, note: note, on: canvas, theme: theme)
        let body = ChartHeader(title: title, subtitle: subtitle).draw(in: content, on: canvas, theme: theme)
        guard !groups.isEmpty else { return EmptyState.draw(in: body, on: canvas, theme: theme) }

        let labelStyle = theme.axisLabel.colored(ChartTheme.ink)
        let shareStyle = theme.valueLabel.bold
        let detailStyle = theme.note
        let labelColumn = min(groups.map { canvas.width(of: $0.label, style: labelStyle) }.max() ?? 0, body.width * 0.3)
        let trailing =
            groups.map {
                canvas.width(of: shareText($0), style: shareStyle)
                    + ($0.detail.map { canvas.width(of: "  " + $0, style: detailStyle) } ?? 0)
            }.max() ?? 0
        let axisHeight = canvas.measure("0%", style: theme.axisLabel).lineHeight + 6
        let track = body.inset(left: labelColumn + 10, bottom: axisHeight, right: trailing + 10)
        guard track.width > 20, track.height > 10 else {
            return EmptyState.draw(in: body, on: canvas, theme: theme, message: "Too small")
        }

        // Quarter grid lines give the shares a scale without a heavy axis.
        let scale = NiceScale(min: 0, max: 1, maxIntervals: 4)
        let percent = AxisFormatter.percent(maxFractionDigits: 0)
        let rowHeight = min(track.height / Double(groups.count), 44)
        let rowsBottom = track.minY + rowHeight * Double(groups.count)
        let barHeight = max(3, min(rowHeight * 0.5, 18))
        var tracks: [Rect] = []
        for (index, group) in groups.enumerated() {
            let middle = track.minY + rowHeight * (Double(index) + 0.5)
            canvas.drawText(
                canvas.truncated(group.label, toWidth: labelColumn, style: labelStyle),
                at: Point(x: body.minX + labelColumn, y: middle), style: labelStyle, alignment: .trailing,
                baseline: .middle)
            let back = Rect(x: track.minX, y: middle - barHeight / 2, width: track.width, height: barHeight)
            canvas.fill(back, color: theme.trackColor)
            tracks.append(back)
        }
        // Grid lines go over the grey tracks but under the shares, so they read as a scale, not as data.
        for tick in scale.ticks {
            let x = snapped(track.minX + tick * track.width)
            canvas.strokeLine(
                from: Point(x: x, y: track.minY), to: Point(x: x, y: rowsBottom),
                color: tick == 0 ? theme.baselineColor : theme.gridColor, width: tick == 0 ? 1 : 0.75)
            canvas.drawText(
                percent(tick), at: Point(x: x, y: rowsBottom + 4), style: theme.axisLabel, alignment: .center,
                baseline: .top)
        }
        for (index, group) in groups.enumerated() {
            let back = tracks[index]
            let middle = back.midY
            let share = group.share.isFinite ? min(max(group.share, 0), 1) : 0
            canvas.fill(Rect(x: back.minX, y: back.minY, width: back.width * share, height: barHeight), color: barColor)
            let text = shareText(group)
            let x = track.maxX + 8
            canvas.drawText(text, at: Point(x: x, y: middle), style: shareStyle, baseline: .middle)
            if let detail = group.detail {
                canvas.drawText(
                    "  " + detail, at: Point(x: x + canvas.width(of: text, style: shareStyle), y: middle),
                    style: detailStyle,
                    baseline: .middle)
            }
        }
    }

    private func shareText(_ group: Group) -> String {
        group.shareLabel ?? AxisFormatter.percent(maxFractionDigits: 0)(group.share)
    }
}
