/// A table of already-formatted cells laid out on a page: measured column widths, right-aligned
/// figures, the flexible (text) columns ellipsized to the width left, an optional bold totals row.
///
/// ```swift
/// let table = DataTable(
///     columns: [.init("Customer", flexible: true), .init("Past due", alignment: .trailing)],
///     rows: [["Acme Corp", "$1,234.00"]], totals: ["Total", "$1,234.00"])
/// let used = table.draw(in: Rect(x: 40, y: 300, width: 380, height: 200), on: canvas)
/// ```
public struct DataTable: Sendable {
    public struct Column: Hashable, Sendable {
        public var title: String
        public var alignment: TextAlignment
        /// Takes the width the other columns leave, and is ellipsized to it (names, descriptions).
        public var flexible: Bool

        public init(_ title: String, alignment: TextAlignment = .leading, flexible: Bool = false) {
            self.title = title
            self.alignment = alignment
            self.flexible = flexible
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// The totals row, drawn bold under a rule; nil for none.
    public var totals: [String]?
    /// A colour swatch before the first cell of each row (e.g. the aging bucket's colour); nil for none.
    public var swatches: [Color?]
    /// Text shown instead of rows when there are none.
    public var emptyMessage: String
    public var style: DataTableStyle

    public init(
        columns: [Column], rows: [[String]], totals: [String]? = nil, swatches: [Color?] = [],
        emptyMessage: String = "None", style: DataTableStyle = .standard
    ) {
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.swatches = swatches
        self.emptyMessage = emptyMessage
        self.style = style
    }

    /// The height the table needs: header, rows (or the empty message) and totals.
    public var height: Double {
        let bodyRows = max(rows.count, 1) + (totals == nil ? 0 : 1)
        return style.headerHeight + Double(bodyRows) * style.rowHeight
    }

    /// How many rows fit in `height`, with the header and totals.
    public func rowsFitting(height: Double) -> Int {
        let available = height - style.headerHeight - (totals == nil ? 0 : style.rowHeight)
        return max(0, Int((available / style.rowHeight).rounded(.down)))
    }

    /// Column widths for `width`: every fixed column at its widest cell, flexible columns share the rest.
    public func columnWidths(for width: Double, on canvas: Canvas) -> [Double] {
        let swatchWidth = swatches.contains { $0 != nil } ? style.swatchSize + 6 : 0
        var natural = columns.indices.map { index -> Double in
            var widest = canvas.width(of: columns[index].title, style: style.header)
            for row in rows where index < row.count {
                widest = max(widest, canvas.width(of: row[index], style: style.cell))
            }
            if let totals, index < totals.count {
                widest = max(widest, canvas.width(of: totals[index], style: style.total))
            }
            return widest + (index < columns.count - 1 ? style.columnGap : 0) + (index == 0 ? swatchWidth : 0)
        }
        let flexible = columns.indices.filter { columns[$0].flexible }
        let fixed = natural.indices.filter { !columns[$0].flexible }.reduce(0) { $0 + natural[$1] }
        if flexible.isEmpty {
            // Spare width goes to the first column, so figures stay right-aligned at the table's edge.
            if fixed < width, !natural.isEmpty { natural[0] += width - fixed }
            return natural
        }
        let left = max(width - fixed, style.minimumFlexibleWidth * Double(flexible.count))
        let wanted = flexible.reduce(0) { $0 + natural[$1] }
        for index in flexible {
            natural[index] = wanted <= left && wanted > 0 ? natural[index] + (left - wanted) * natural[index] / wanted
                : left / Double(flexible.count)
        }
        return natural
    }

    /// Draws the table from the top of `frame` and returns the height used.
    @discardableResult
    public func draw(in frame: Rect, on canvas: Canvas) -> Double {
        let widths = columnWidths(for: frame.width, on: canvas)
        let hasSwatches = swatches.contains { $0 != nil }
        var y = frame.minY

        func drawRow(_ cells: [String], style text: TextStyle, swatch: Color?, top: Double, height: Double) {
            var x = frame.minX
            let baseline = top + height / 2
            for (index, column) in columns.enumerated() {
                let cellWidth = widths[index]
                // The gap sits between columns, so the last column ends flush with the table's edge.
                var inner = Rect(
                    x: x, y: top, width: max(0, cellWidth - (index < columns.count - 1 ? style.columnGap : 0)), height: height)
                if index == 0, hasSwatches {
                    if let swatch {
                        canvas.fill(
                            Rect(
                                x: inner.minX, y: baseline - style.swatchSize / 2, width: style.swatchSize,
                                height: style.swatchSize), cornerRadius: 1.5, color: swatch)
                    }
                    inner = inner.inset(left: style.swatchSize + 6)
                }
                // One line per cell: a name holding a line break is drawn with a space instead.
                let value = index < cells.count ? String(cells[index].map { $0.isNewline ? " " : $0 }) : ""
                let shown = canvas.truncated(value, toWidth: inner.width, style: text)
                let anchor: Double =
                    switch column.alignment {
                    case .leading: inner.minX
                    case .center: inner.midX
                    case .trailing: inner.maxX
                    }
                canvas.drawText(shown, at: Point(x: anchor, y: baseline), style: text, alignment: column.alignment,
                    baseline: .middle)
                x += cellWidth
            }
        }

        // Header: small bold labels over a dark rule.
        drawRow(columns.map(\.title), style: style.header, swatch: nil, top: y, height: style.headerHeight)
        y += style.headerHeight
        canvas.strokeLine(
            from: Point(x: frame.minX, y: snapped(y)), to: Point(x: frame.maxX, y: snapped(y)), color: style.headerRule,
            width: 1)
        if rows.isEmpty {
            canvas.drawText(
                emptyMessage, at: Point(x: frame.minX, y: y + style.rowHeight / 2), style: style.cell.colored(ChartTheme.tertiaryInk),
                baseline: .middle)
            y += style.rowHeight
        }
        for (index, row) in rows.enumerated() {
            drawRow(row, style: style.cell, swatch: index < swatches.count ? swatches[index] : nil, top: y, height: style.rowHeight)
            y += style.rowHeight
            if index < rows.count - 1 || totals == nil {
                canvas.strokeLine(
                    from: Point(x: frame.minX, y: snapped(y)), to: Point(x: frame.maxX, y: snapped(y)),
                    color: style.rowRule, width: 0.5)
            }
        }
        if let totals {
            canvas.strokeLine(
                from: Point(x: frame.minX, y: snapped(y)), to: Point(x: frame.maxX, y: snapped(y)), color: style.headerRule,
                width: 1)
            drawRow(totals, style: style.total, swatch: nil, top: y, height: style.rowHeight)
            y += style.rowHeight
        }
        return y - frame.minY
    }
}

/// Type, rules and spacing of a `DataTable`.
public struct DataTableStyle: Hashable, Sendable {
    public var header: TextStyle
    public var cell: TextStyle
    public var total: TextStyle
    public var headerRule: Color
    public var rowRule: Color
    public var headerHeight: Double
    public var rowHeight: Double
    public var columnGap: Double
    public var swatchSize: Double
    public var minimumFlexibleWidth: Double

    public init(
        header: TextStyle, cell: TextStyle, total: TextStyle, headerRule: Color, rowRule: Color, headerHeight: Double,
        rowHeight: Double, columnGap: Double, swatchSize: Double, minimumFlexibleWidth: Double
    ) {
        self.header = header
        self.cell = cell
        self.total = total
        self.headerRule = headerRule
        self.rowRule = rowRule
        self.headerHeight = headerHeight
        self.rowHeight = rowHeight
        self.columnGap = columnGap
        self.swatchSize = swatchSize
        self.minimumFlexibleWidth = minimumFlexibleWidth
    }

    /// 9 pt figures, 8 pt bold grey headings: readable printed on A4.
    public static let standard = DataTableStyle(
        header: TextStyle(size: 8, weight: .bold, color: ChartTheme.secondaryInk),
        cell: TextStyle(size: 9, color: ChartTheme.ink),
        total: TextStyle(size: 9, weight: .bold, color: ChartTheme.ink),
        headerRule: Color(hex: 0x9AA5B1), rowRule: Color(hex: 0xE4E7EB), headerHeight: 18, rowHeight: 17,
        columnGap: 12, swatchSize: 8, minimumFlexibleWidth: 60)
}
