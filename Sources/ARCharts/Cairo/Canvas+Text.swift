import CCairo

/// Where a text's anchor point sits horizontally.
public enum TextAlignment: Hashable, Sendable {
    case leading
    case center
    case trailing
}

/// Where a text's anchor point sits vertically.
public enum TextBaseline: Hashable, Sendable {
    /// The anchor is on the alphabetic baseline.
    case alphabetic
    /// The anchor is halfway up the capital letters: centres digits and capitals on a line or bar.
    case middle
    /// The anchor is at the font's ascent: the text hangs below it.
    case top
    /// The anchor is at the font's descent: the text sits above it.
    case bottom
}

/// The measured size of a line of text in a given style.
public struct TextMetrics: Hashable, Sendable {
    /// Advance width: where the next text would start.
    public var width: Double
    /// Height of capital letters above the baseline.
    public var capHeight: Double
    /// The font's ascent and descent (line box), independent of the glyphs in the text.
    public var ascent: Double
    public var descent: Double
    /// Ascent plus descent: the height a line of this text needs.
    public var lineHeight: Double { ascent + descent }
}

extension Canvas {
    /// Measures `text` with `cairo_text_extents`.
    public func measure(_ text: String, style: TextStyle) -> TextMetrics {
        select(style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        var capExtents = cairo_text_extents_t()
        cairo_text_extents(context, "H", &capExtents)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(context, &fontExtents)
        return TextMetrics(
            width: extents.x_advance, capHeight: -capExtents.y_bearing,
            ascent: fontExtents.ascent, descent: fontExtents.descent)
    }

    /// The advance width of `text` in `style`.
    public func width(of text: String, style: TextStyle) -> Double {
        select(style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Draws one line of text anchored at `point`; `rotation` is in degrees, counter-clockwise positive,
    /// around the anchor.
    public func drawText(
        _ text: String, at point: Point, style: TextStyle, alignment: TextAlignment = .leading,
        baseline: TextBaseline = .alphabetic, rotation: Double = 0
    ) {
        guard !text.isEmpty else { return }
        let metrics = measure(text, style: style)
        let dx: Double =
            switch alignment {
            case .leading: 0
            case .center: -metrics.width / 2
            case .trailing: -metrics.width
            }
        let dy: Double =
            switch baseline {
            case .alphabetic: 0
            case .middle: metrics.capHeight / 2
            case .top: metrics.ascent
            case .bottom: -metrics.descent
            }
        setSource(style.color)
        withSavedState {
            cairo_translate(context, point.x, point.y)
            if rotation != 0 { cairo_rotate(context, -rotation * .pi / 180) }
            cairo_move_to(context, dx, dy)
            cairo_show_text(context, text)
        }
    }

    /// `text` shortened with a trailing "…" so that it is at most `maxWidth` wide (measured, not counted).
    public func truncated(_ text: String, toWidth maxWidth: Double, style: TextStyle) -> String {
        if width(of: text, style: style) <= maxWidth { return text }
        let ellipsis = "…"
        let characters = Array(text)
        // Binary search for the longest prefix that fits with the ellipsis.
        var low = 0
        var high = characters.count
        while low < high {
            let mid = (low + high + 1) / 2
            let candidate = String(characters[..<mid]).trimmingTrailingSpaces() + ellipsis
            if width(of: candidate, style: style) <= maxWidth { low = mid } else { high = mid - 1 }
        }
        return low == 0
            ? (width(of: ellipsis, style: style) <= maxWidth ? ellipsis : "")
            : String(characters[..<low]).trimmingTrailingSpaces() + ellipsis
    }

    func select(_ style: TextStyle) {
        cairo_select_font_face(
            context, style.family, CAIRO_FONT_SLANT_NORMAL,
            style.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, style.size)
    }

    /// Unhinted metrics so text measures the same in PDF, PNG and SVG; greyscale antialiasing for images.
    func configureText() {
        guard let options = cairo_font_options_create() else { return }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
