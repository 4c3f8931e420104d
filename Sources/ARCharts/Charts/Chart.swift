/// A chart: plain, already-formatted input values that know how to draw themselves in a frame.
///
/// Charts never compute AR metrics; they only lay out and draw what the caller gives them. Every chart
/// draws a "No data" state instead of failing when its input is empty.
public protocol Chart: Sendable {
    /// The headline drawn at the top of the chart (also the SVG `<title>`).
    var title: String { get }
    /// A plain-text description of the data (labels and formatted values), used as the SVG `<desc>` and
    /// suitable for `alt` text.
    var textSummary: String { get }
    /// Draws the chart inside `frame`. Called through `Canvas.draw(_:in:)`, which checks Cairo's status.
    func draw(in frame: Rect, on canvas: Canvas)
}

extension Chart {
    /// The chart as PNG bytes, `size` points at `scale` pixels per point.
    public func pngData(size: Size, scale: Double = 2) throws -> [UInt8] {
        try PNGRenderer.render(size: size, scale: scale, background: nil) { canvas in
            try canvas.draw(self, in: Rect(size: size))
        }
    }

    /// The chart as SVG bytes, `size` points; see `SVGRenderer.render` for `idPrefix`.
    public func svgData(size: Size, idPrefix: String = "chart") throws -> [UInt8] {
        try SVGRenderer.render(size: size, title: title, summary: textSummary, idPrefix: idPrefix) { canvas in
            try canvas.draw(self, in: Rect(size: size))
        }
    }
}

/// Converts integer minor units (cents) to a Double amount in major units, for chart inputs.
@inlinable
func majorUnits(_ minorUnits: Int64, perMajor: Int64) -> Double {
    Double(minorUnits) / Double(max(1, perMajor))
}
