import ARCharts

/// The paper the board pack is printed on (`--page-size`, config `page_size`); always landscape.
public enum PaperSize: String, Sendable, CaseIterable {
    case a4, letter

    var pageSize: PageSize { self == .a4 ? .a4Landscape : .letterLandscape }
}

/// Draws board_pack.pdf from the report model, page by page as the layout names them.
///
/// Every page shares one grid: margins, a running header (pack title, as-of date), the page heading,
/// the blocks in rows of one or two columns, and a footer with the report title and "Page n of N".
/// Values come formatted from the model; this file only places them.
public enum BoardPackRenderer {
    public static func render(_ model: ReportModel, layout: BoardPackLayout, paper: PaperSize = .a4) throws -> [UInt8] {
        let document = try PDFDocument(
            title: "\(layout.title) \(model.asOf)", author: model.title,
            subject: "\(model.title) as of \(model.asOfLong)", creator: "arreport", pageSize: paper.pageSize)
        let context = PageContext(model: model, layout: layout, pageCount: layout.pages.count)
        for (index, page) in layout.pages.enumerated() {
            try document.addPage(bookmark: page.heading) { canvas, bounds in
                try context.draw(page, number: index + 1, on: canvas, bounds: bounds)
            }
        }
        return try document.finish()
    }
}

/// Type and spacing shared by every page.
enum PageStyle {
    static let margin = 40.0
    static let columnGap = 28.0
    static let rowGap = 22.0
    static let runningHead = TextStyle(size: 8, weight: .bold, color: ChartTheme.secondaryInk)
    static let runningText = TextStyle(size: 8, color: ChartTheme.secondaryInk)
    static let heading = TextStyle(size: 18, weight: .bold, color: ChartTheme.ink)
    static let intro = TextStyle(size: 10, color: ChartTheme.secondaryInk)
    static let blockTitle = TextStyle(size: 12, weight: .bold, color: ChartTheme.ink)
    static let coverTitle = TextStyle(size: 30, weight: .bold, color: ChartTheme.ink)
    static let coverSubtitle = TextStyle(size: 14, color: ChartTheme.secondaryInk)
    static let rule = Color(hex: 0xCBD2D9)
    static let good = Color(hex: 0x00765A)
    static let bad = Color(hex: 0xB34A00)
}

private struct PageContext {
    let model: ReportModel
    let layout: BoardPackLayout
    let pageCount: Int

    func draw(_ page: BoardPackLayout.Page, number: Int, on canvas: Canvas, bounds: Rect) throws {
        canvas.paint(.white)
        let margin = PageStyle.margin
        let footerTop = drawFooter(number: number, on: canvas, bounds: bounds)
        var top: Double
        if page.kind == .cover {
            top = drawCoverHeading(page, on: canvas, bounds: bounds)
        } else {
            top = drawRunningHeader(on: canvas, bounds: bounds)
            canvas.drawText(
                canvas.truncated(page.heading, toWidth: bounds.width - 2 * margin, style: PageStyle.heading),
                at: Point(x: margin, y: top), style: PageStyle.heading, baseline: .top)
            top += canvas.measure(page.heading, style: PageStyle.heading).lineHeight + 2
            if !page.intro.isEmpty {
                canvas.drawText(
                    canvas.truncated(page.intro, toWidth: bounds.width - 2 * margin, style: PageStyle.intro),
                    at: Point(x: margin, y: top + 2), style: PageStyle.intro, baseline: .top)
                top += canvas.measure(page.intro, style: PageStyle.intro).lineHeight + 2
            }
            top += 16
        }
        let body = Rect(x: margin, y: top, width: bounds.width - 2 * margin, height: max(0, footerTop - 16 - top))
        try drawBlocks(page.blocks, in: body, on: canvas)
    }

    /// Pack title left, as-of date right, a hairline under them; returns where the heading starts.
    func drawRunningHeader(on canvas: Canvas, bounds: Rect) -> Double {
        let margin = PageStyle.margin
        let baseline = 30.0
        let right = "As of \(model.asOfLong)"
        let rightWidth = canvas.width(of: right, style: PageStyle.runningText)
        canvas.drawText(
            canvas.truncated(layout.title.uppercased(), toWidth: bounds.width - 2 * margin - rightWidth - 20, style: PageStyle.runningHead),
            at: Point(x: margin, y: baseline), style: PageStyle.runningHead)
        canvas.drawText(right, at: Point(x: bounds.maxX - margin, y: baseline), style: PageStyle.runningText, alignment: .trailing)
        canvas.strokeLine(
            from: Point(x: margin, y: baseline + 7.5), to: Point(x: bounds.maxX - margin, y: baseline + 7.5),
            color: PageStyle.rule, width: 0.75)
        return baseline + 22
    }

    /// Report title and currency left, "Page n of N" right; returns the footer's top.
    func drawFooter(number: Int, on canvas: Canvas, bounds: Rect) -> Double {
        let margin = PageStyle.margin
        let baseline = bounds.maxY - 24
        let pageText = "Page \(number) of \(pageCount)"
        let pageWidth = canvas.width(of: pageText, style: PageStyle.runningText)
        let left = "\(model.title) · \(model.currency) · as of \(model.asOf)"
        canvas.strokeLine(
            from: Point(x: margin, y: baseline - 12.5), to: Point(x: bounds.maxX - margin, y: baseline - 12.5),
            color: PageStyle.rule, width: 0.75)
        canvas.drawText(
            canvas.truncated(left, toWidth: bounds.width - 2 * margin - pageWidth - 20, style: PageStyle.runningText),
            at: Point(x: margin, y: baseline), style: PageStyle.runningText)
        canvas.drawText(pageText, at: Point(x: bounds.maxX - margin, y: baseline), style: PageStyle.runningText, alignment: .trailing)
        return baseline - 12.5
    }

    /// The cover's title block: an accent bar, the heading large, the pack title and as-of date.
    func drawCoverHeading(_ page: BoardPackLayout.Page, on canvas: Canvas, bounds: Rect) -> Double {
        let margin = PageStyle.margin
        let width = bounds.width - 2 * margin
        canvas.fill(Rect(x: margin, y: 40, width: 48, height: 5), color: Palette.blue)
        var y = 62.0
        canvas.drawText(
            canvas.truncated(page.heading, toWidth: width, style: PageStyle.coverTitle), at: Point(x: margin, y: y),
            style: PageStyle.coverTitle, baseline: .top)
        y += canvas.measure(page.heading, style: PageStyle.coverTitle).lineHeight + 4
        let subtitle = [page.intro.isEmpty ? layout.title : page.intro, "As of \(model.asOfLong)"].joined(separator: " · ")
        canvas.drawText(
            canvas.truncated(subtitle, toWidth: width, style: PageStyle.coverSubtitle), at: Point(x: margin, y: y),
            style: PageStyle.coverSubtitle, baseline: .top)
        y += canvas.measure(subtitle, style: PageStyle.coverSubtitle).lineHeight + 6
        let note = "Changes against the previous month end (\(model.monthEndLong)) unless marked; figures in \(model.currency)."
        canvas.drawText(
            canvas.truncated(note, toWidth: width, style: PageStyle.runningText), at: Point(x: margin, y: y),
            style: PageStyle.runningText, baseline: .top)
        return y + 36
    }

    // MARK: Blocks

    /// A row of the page grid: one full-width block or up to two half-width ones.
    struct Row {
        var blocks: [BoardPackLayout.Block]
        /// Natural height, or nil when the row takes a share of the space left (charts).
        var fixedHeight: Double?
    }

    func rows(_ blocks: [BoardPackLayout.Block], width: Double) -> [Row] {
        var rows: [Row] = []
        var pending: [BoardPackLayout.Block] = []
        func flush() {
            guard !pending.isEmpty else { return }
            rows.append(Row(blocks: pending, fixedHeight: nil))
            pending = []
        }
        for block in blocks {
            switch block {
            case .kpis, .contents:
                flush()
                rows.append(Row(blocks: [block], fixedHeight: nil))
            case .chart(_, let width), .table(_, _, _, let width):
                if width == .full {
                    flush()
                    rows.append(Row(blocks: [block], fixedHeight: nil))
                } else {
                    pending.append(block)
                    if pending.count == 2 { flush() }
                }
            }
        }
        flush()
        return rows.map { row in
            var row = row
            row.fixedHeight = naturalHeight(row.blocks)
            return row
        }
    }

    /// Rows of tables, tiles and contents have a natural height; a row with a chart is flexible.
    func naturalHeight(_ blocks: [BoardPackLayout.Block]) -> Double? {
        var height = 0.0
        for block in blocks {
            switch block {
            case .chart: return nil
            case .kpis(_, let compare): height = max(height, StatTile.height(lines: compare == .both ? 4 : 2))
            case .contents: height = max(height, contentsHeight)
            case .table(let table, let title, let limit, _):
                let drawn = BoardPackTables.table(table, model: model, rows: limit)
                height = max(height, titleHeight(title) + drawn.height)
            }
        }
        return height
    }

    func titleHeight(_ title: String) -> Double { title.isEmpty ? 0 : 26 }

    var contentsHeight: Double { 26 + Double(layout.pages.count - 1) * 18 }

    func drawBlocks(_ blocks: [BoardPackLayout.Block], in body: Rect, on canvas: Canvas) throws {
        let rows = rows(blocks, width: body.width)
        guard !rows.isEmpty else { return }
        let gaps = PageStyle.rowGap * Double(rows.count - 1)
        let fixed = rows.compactMap(\.fixedHeight).reduce(0, +)
        let flexibleCount = rows.filter { $0.fixedHeight == nil }.count
        let flexibleHeight = flexibleCount == 0 ? 0 : max(120, (body.height - fixed - gaps) / Double(flexibleCount))
        var y = body.minY
        for row in rows {
            let height = min(row.fixedHeight ?? flexibleHeight, body.maxY - y)
            guard height > 20 else { break }
            // A half-width block keeps its half even alone in its row, so the grid's columns line up.
            let halves = row.blocks.contains { block in
                switch block {
                case .chart(_, .half), .table(_, _, _, .half): true
                default: false
                }
            }
            let columns = halves ? 2.0 : Double(row.blocks.count)
            let cellWidth = (body.width - PageStyle.columnGap * (columns - 1)) / columns
            for (index, block) in row.blocks.enumerated() {
                let cell = Rect(
                    x: body.minX + Double(index) * (cellWidth + PageStyle.columnGap), y: y, width: cellWidth, height: height)
                try draw(block, in: cell, on: canvas)
            }
            y += height + PageStyle.rowGap
        }
    }

    func draw(_ block: BoardPackLayout.Block, in cell: Rect, on canvas: Canvas) throws {
        switch block {
        case .kpis(let keys, let compare):
            drawTiles(keys: keys, compare: compare, in: cell, on: canvas)
        case .contents:
            drawContents(in: cell, on: canvas)
        case .chart(let name, _):
            try canvas.draw(BoardPackCharts.chart(name, model: model), in: cell)
        case .table(let name, let title, let limit, _):
            var area = cell
            if !title.isEmpty {
                canvas.drawText(
                    canvas.truncated(title, toWidth: cell.width, style: PageStyle.blockTitle), at: Point(x: cell.minX, y: cell.minY),
                    style: PageStyle.blockTitle, baseline: .top)
                area = cell.inset(top: titleHeight(title))
            }
            var table = BoardPackTables.table(name, model: model, rows: limit)
            // Never draw past the cell: drop rows that do not fit (the totals row stays).
            let fitting = table.rowsFitting(height: area.height)
            if table.rows.count > fitting { table.rows = Array(table.rows.prefix(fitting)) }
            table.draw(in: area, on: canvas)
        }
    }

    func tile(_ key: String) -> KPITile? {
        (model.headline + model.balances).first { $0.key == key }
    }

    func drawTiles(keys: [String], compare: BoardPackLayout.Compare, in cell: Rect, on canvas: Canvas) {
        let gap = 16.0
        let count = Double(keys.count)
        let width = (cell.width - gap * (count - 1)) / count
        for (index, key) in keys.enumerated() {
            let frame = Rect(x: cell.minX + Double(index) * (width + gap), y: cell.minY, width: width, height: cell.height)
            guard let tile = tile(key) else { continue }
            var lines: [StatTile.Line] = []
            if compare != .week { lines += changeLines(tile.versusMonth) }
            if compare != .monthEnd { lines += changeLines(tile.versusWeek) }
            let unit = tile.unit == "days" ? "days" : ""
            StatTile(label: tile.label, value: tile.value.isEmpty ? "n/a" : tile.value, unit: unit, lines: lines)
                .draw(in: frame, on: canvas)
        }
    }

    /// `▲ +$12.4K (+1.2%)` in the change's colour, then `higher vs 30 Nov`: the arrow never alone.
    func changeLines(_ change: KPIChange) -> [StatTile.Line] {
        guard change.available else {
            return [StatTile.Line("n/a", color: ChartTheme.tertiaryInk), StatTile.Line(change.label, color: ChartTheme.tertiaryInk)]
        }
        let color =
            switch change.assessment {
            case "good": PageStyle.good
            case "bad": PageStyle.bad
            default: ChartTheme.secondaryInk
            }
        let words = change.text.isEmpty || change.text == "n/a" ? change.label : "\(change.text) \(change.label)"
        return [
            StatTile.Line([change.arrow, change.delta].filter { !$0.isEmpty }.joined(separator: " "), color: color),
            StatTile.Line(words, color: ChartTheme.tertiaryInk),
        ]
    }

    /// The other pages with their numbers, as a short list under a rule.
    func drawContents(in cell: Rect, on canvas: Canvas) {
        canvas.drawText("Contents", at: Point(x: cell.minX, y: cell.minY), style: PageStyle.blockTitle, baseline: .top)
        var y = cell.minY + 26
        let style = TextStyle(size: 10, color: ChartTheme.ink)
        let numberStyle = TextStyle(size: 10, color: ChartTheme.secondaryInk)
        let listWidth = min(cell.width, 360)
        for (index, page) in layout.pages.enumerated() where page.kind != .cover {
            guard y + 14 <= cell.maxY else { break }
            let number = String(index + 1)
            canvas.drawText(number, at: Point(x: cell.minX + listWidth, y: y), style: numberStyle, alignment: .trailing, baseline: .top)
            canvas.drawText(
                canvas.truncated(page.heading, toWidth: listWidth - 40, style: style), at: Point(x: cell.minX, y: y), style: style,
                baseline: .top)
            canvas.strokeLine(
                from: Point(x: cell.minX, y: y + 16.5), to: Point(x: cell.minX + listWidth, y: y + 16.5),
                color: Color(hex: 0xE4E7EB), width: 0.5)
            y += 18
        }
    }
}
