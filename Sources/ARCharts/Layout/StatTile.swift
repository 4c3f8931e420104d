/// A headline figure on a page: a small label, the value large, and up to two lines of change
/// ("▲ +$12.4K higher vs 30 Nov") in their own colours. Text is measured and ellipsized to the tile.
public struct StatTile: Sendable {
    /// One line under the value, e.g. the change against the previous month end.
    public struct Line: Hashable, Sendable {
        public var text: String
        public var color: Color

        public init(_ text: String, color: Color = ChartTheme.secondaryInk) {
            self.text = text
            self.color = color
        }
    }

    public var label: String
    public var value: String
    /// A unit after the value in the label's size (`days`), or empty.
    public var unit: String
    public var lines: [Line]

    public init(label: String, value: String, unit: String = "", lines: [Line] = []) {
        self.label = label
        self.value = value
        self.unit = unit
        self.lines = lines
    }

    public static let labelStyle = TextStyle(size: 9, weight: .bold, color: ChartTheme.secondaryInk)
    public static let valueStyle = TextStyle(size: 22, weight: .bold, color: ChartTheme.ink)
    public static let lineStyle = TextStyle(size: 9, color: ChartTheme.secondaryInk)
    public static let background = Color(hex: 0xF5F7FA)
    static let padding = 12.0

    /// The height a tile with `lines` lines of change needs.
    public static func height(lines: Int) -> Double {
        padding * 2 + 13 + 8 + 26 + Double(lines) * 14
    }

    /// Draws the tile filling `frame`: a light panel with an accent rule on its left edge.
    public func draw(in frame: Rect, on canvas: Canvas, accent: Color = Palette.blue) {
        canvas.fill(frame, cornerRadius: 3, color: Self.background)
        canvas.fill(Rect(x: frame.minX, y: frame.minY, width: 3, height: frame.height), color: accent)
        let inner = frame.inset(top: Self.padding, left: Self.padding + 3, bottom: Self.padding, right: Self.padding)
        var y = inner.minY
        canvas.drawText(
            canvas.truncated(label.uppercased(), toWidth: inner.width, style: Self.labelStyle),
            at: Point(x: inner.minX, y: y), style: Self.labelStyle, baseline: .top)
        y += 13 + 8
        // The value shrinks to fit rather than being cut: a figure must never be ellipsized.
        var valueStyle = Self.valueStyle
        let unitStyle = Self.lineStyle
        let unitText = unit.isEmpty ? "" : " " + unit
        while valueStyle.size > 12,
            canvas.width(of: value, style: valueStyle) + canvas.width(of: unitText, style: unitStyle) > inner.width
        {
            valueStyle.size -= 1
        }
        let baseline = y + 22
        canvas.drawText(value, at: Point(x: inner.minX, y: baseline), style: valueStyle)
        if !unitText.isEmpty {
            canvas.drawText(
                unitText, at: Point(x: inner.minX + canvas.width(of: value, style: valueStyle), y: baseline),
                style: unitStyle)
        }
        y += 26
        for line in lines {
            let style = Self.lineStyle.colored(line.color)
            canvas.drawText(
                canvas.truncated(line.text, toWidth: inner.width, style: style), at: Point(x: inner.minX, y: y + 2),
                style: style, baseline: .top)
            y += 14
        }
    }
}
