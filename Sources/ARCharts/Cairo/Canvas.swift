import CCairo

/// A place to draw: owns one `cairo_t` on a PDF page, PNG image or SVG surface.
///
/// Coordinates are points with the origin at the top left. Drawing calls do not throw; Cairo records the
/// first failure and ignores later calls, and `checkStatus(_:)` (called by every renderer after drawing)
/// turns it into a `CairoError`. Not `Sendable`: use a canvas on the thread that created it.
public final class Canvas {
    let context: OpaquePointer
    let surface: Surface

    init(surface: Surface) throws(CairoError) {
        self.surface = surface
        self.context = cairo_create(surface.pointer)
        try CairoError.check(cairo_status(context), "creating a drawing context")
        configureText()
    }

    deinit {
        cairo_destroy(context)
    }

    /// Throws the first error Cairo recorded on this canvas or its surface, if any.
    public func checkStatus(_ operation: @autoclosure () -> String) throws(CairoError) {
        try CairoError.check(cairo_status(context), operation())
        try CairoError.check(cairo_surface_status(surface.pointer), operation())
    }

    /// Draws `chart` inside `frame`, then checks Cairo's status.
    public func draw(_ chart: some Chart, in frame: Rect) throws(CairoError) {
        withSavedState {
            clip(to: frame)
            chart.draw(in: frame, on: self)
        }
        try checkStatus("drawing the chart \"\(chart.title)\"")
    }

    // MARK: State

    /// Runs `body` between `cairo_save` and `cairo_restore`, so clips and transforms do not leak.
    public func withSavedState<R>(_ body: () throws -> R) rethrows -> R {
        cairo_save(context)
        defer { cairo_restore(context) }
        return try body()
    }

    /// Restricts later drawing to `rect` (until the enclosing `withSavedState` ends).
    public func clip(to rect: Rect) {
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
    }

    // MARK: Shapes

    /// Fills the whole clip area, e.g. a page or image background.
    public func paint(_ color: Color) {
        setSource(color)
        cairo_paint(context)
    }

    /// Fills a rectangle.
    public func fill(_ rect: Rect, color: Color) {
        guard rect.width > 0, rect.height > 0 else { return }
        setSource(color)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    /// Fills a rectangle with rounded corners (radius clamped to half the shorter side).
    public func fill(_ rect: Rect, cornerRadius: Double, color: Color) {
        guard rect.width > 0, rect.height > 0 else { return }
        let r = min(cornerRadius, rect.width / 2, rect.height / 2)
        guard r > 0 else { return fill(rect, color: color) }
        setSource(color)
        cairo_new_sub_path(context)
        cairo_arc(context, rect.maxX - r, rect.minY + r, r, -.pi / 2, 0)
        cairo_arc(context, rect.maxX - r, rect.maxY - r, r, 0, .pi / 2)
        cairo_arc(context, rect.minX + r, rect.maxY - r, r, .pi / 2, .pi)
        cairo_arc(context, rect.minX + r, rect.minY + r, r, .pi, 3 * .pi / 2)
        cairo_close_path(context)
        cairo_fill(context)
    }

    /// Strokes the outline of a rectangle.
    public func stroke(_ rect: Rect, color: Color, width: Double = 1) {
        setSource(color)
        cairo_set_line_width(context, width)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(context)
    }

    /// Draws a straight line; `dash` is an on/off pattern in points (empty for solid).
    public func strokeLine(from start: Point, to end: Point, color: Color, width: Double = 1, dash: [Double] = []) {
        strokePolyline([start, end], color: color, width: width, dash: dash)
    }

    /// Draws connected line segments with round joins and caps.
    public func strokePolyline(_ points: [Point], color: Color, width: Double, dash: [Double] = []) {
        guard let first = points.first, points.count > 1 else { return }
        setSource(color)
        cairo_set_line_width(context, width)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        cairo_move_to(context, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        cairo_stroke(context)
        cairo_set_dash(context, nil, 0, 0)
    }

    /// Fills a closed polygon.
    public func fillPolygon(_ points: [Point], color: Color) {
        guard let first = points.first, points.count > 2 else { return }
        setSource(color)
        cairo_move_to(context, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        cairo_close_path(context)
        cairo_fill(context)
    }

    /// Fills a circle, optionally ringed (e.g. white, to lift a marker off a line).
    public func fillCircle(center: Point, radius: Double, color: Color, ring: Color? = nil, ringWidth: Double = 1) {
        cairo_new_sub_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * .pi)
        setSource(color)
        if let ring {
            cairo_fill_preserve(context)
            setSource(ring)
            cairo_set_line_width(context, ringWidth)
            cairo_stroke(context)
        } else {
            cairo_fill(context)
        }
    }

    func setSource(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }
}
