/// Title, subtitle and an optional legend across the top of a chart; returns the space left for the body.
struct ChartHeader {
    var title: String
    var subtitle: String?
    var legend: [LegendItem] = []

    /// Draws the header at the top of `frame` and returns the rest of `frame` below it.
    func draw(in frame: Rect, on canvas: Canvas, theme: ChartTheme) -> Rect {
        var y = frame.minY
        if !title.isEmpty {
            let metrics = canvas.measure(title, style: theme.title)
            let text = canvas.truncated(title, toWidth: frame.width, style: theme.title)
            canvas.drawText(text, at: Point(x: frame.minX, y: y), style: theme.title, baseline: .top)
            y += metrics.lineHeight
        }
        if let subtitle, !subtitle.isEmpty {
            y += 2
            let metrics = canvas.measure(subtitle, style: theme.subtitle)
            let text = canvas.truncated(subtitle, toWidth: frame.width, style: theme.subtitle)
            canvas.drawText(text, at: Point(x: frame.minX, y: y), style: theme.subtitle, baseline: .top)
            y += metrics.lineHeight
        }
        if !legend.isEmpty {
            y += 8
            y += Legend(items: legend).draw(
                at: Point(x: frame.minX, y: y), width: frame.width, on: canvas, theme: theme)
        }
        if y > frame.minY { y += 10 }
        return Rect(x: frame.minX, y: y, width: frame.width, height: max(0, frame.maxY - y))
    }
}

/// One entry of a legend: a colour swatch (square for bars, short line for lines) and its label.
struct LegendItem {
    enum Mark {
        case swatch
        case line
    }

    var label: String
    var color: Color
    var mark: Mark = .swatch
}

/// Legend entries in a row, wrapping to more rows when they do not fit.
struct Legend {
    var items: [LegendItem]

    /// Draws the legend with its top left at `origin` and returns the height it used.
    func draw(at origin: Point, width: Double, on canvas: Canvas, theme: ChartTheme) -> Double {
        let style = theme.legend
        let metrics = canvas.measure("H", style: style)
        let markWidth = 10.0
        let rowHeight = metrics.lineHeight + 3
        var x = origin.x
        var y = origin.y
        for item in items {
            let label = canvas.truncated(item.label, toWidth: max(20, width - markWidth - 4), style: style)
            let itemWidth = markWidth + 4 + canvas.width(of: label, style: style)
            if x > origin.x, x + itemWidth > origin.x + width {
                x = origin.x
                y += rowHeight
            }
            let middle = y + metrics.ascent - metrics.capHeight / 2
            switch item.mark {
            case .swatch:
                canvas.fill(
                    Rect(x: x, y: middle - markWidth / 2 + 0.5, width: markWidth - 1, height: markWidth - 1),
                    cornerRadius: 1.5, color: item.color)
            case .line:
                canvas.strokeLine(
                    from: Point(x: x, y: middle), to: Point(x: x + markWidth, y: middle), color: item.color,
                    width: theme.lineWidth)
            }
            canvas.drawText(label, at: Point(x: x + markWidth + 4, y: middle), style: style, baseline: .middle)
            x += itemWidth + 14
        }
        return y + metrics.lineHeight - origin.y
    }
}

/// The "No data" state: a quiet, centred message instead of an empty or broken plot.
enum EmptyState {
    static func draw(in area: Rect, on canvas: Canvas, theme: ChartTheme, message: String = "No data") {
        let box = area.inset(by: 4)
        canvas.fill(box, cornerRadius: 4, color: theme.trackColor.withAlpha(0.6))
        canvas.drawText(
            message, at: Point(x: box.midX, y: box.midY), style: theme.subtitle.colored(ChartTheme.tertiaryInk),
            alignment: .center, baseline: .middle)
    }
}

/// Background and the footnote, shared by every chart: returns the area inside the padding, above the note.
struct ChartFrame {
    static func prepare(_ frame: Rect, note: String?, on canvas: Canvas, theme: ChartTheme) -> Rect {
        if let background = theme.background { canvas.fill(frame, color: background) }
        var content = frame.inset(by: theme.padding)
        if let note, !note.isEmpty {
            let metrics = canvas.measure(note, style: theme.note)
            let split = content.splitBottom(metrics.lineHeight + 6)
            let text = canvas.truncated(note, toWidth: content.width, style: theme.note)
            canvas.drawText(
                text, at: Point(x: content.minX, y: split.bottom.maxY), style: theme.note, baseline: .bottom)
            content = split.rest
        }
        return content
    }
}
