import CCairo
import Foundation

/// Draws into an SVG document held in memory (for inline charts in the HTML report).
public enum SVGRenderer {
    /// Renders `size` points and returns the SVG file's bytes.
    ///
    /// - `title` and `summary` become the SVG's `<title>` and `<desc>`: Cairo draws text as glyph
    ///   outlines, so these are what screen readers, search and `grep` see.
    /// - `idPrefix` is put in front of every `id` Cairo generates (`glyph0-1`, `clip1`…) so several
    ///   charts can be inlined in one HTML page without their glyph and clip references colliding.
    public static func render(
        size: Size, title: String? = nil, summary: String? = nil, idPrefix: String = "chart",
        _ draw: (Canvas) throws -> Void
    ) throws -> [UInt8] {
        guard size.width > 0, size.height > 0, size.width.isFinite, size.height.isFinite else {
            throw ChartRenderError.invalidSize(width: size.width, height: size.height)
        }
        let sink = ByteSink()
        let surface = try Surface(
            taking: cairo_svg_surface_create_for_stream(
                ByteSink.writeFunction, sink.closure, size.width, size.height),
            sink: sink, operation: "creating an SVG surface")
        do {
            let canvas = try Canvas(surface: surface)
            try draw(canvas)
            try canvas.checkStatus("drawing the SVG image")
        }
        try surface.finish("finishing the SVG image")
        var svg = String(decoding: sink.bytes, as: UTF8.self)
        if !idPrefix.isEmpty { svg = prefixingIDs(in: svg, with: idPrefix) }
        svg = insertingDescription(into: svg, title: title, summary: summary)
        return Array(svg.utf8)
    }

    static func prefixingIDs(in svg: String, with prefix: String) -> String {
        svg.replacingAll("id=\"", with: "id=\"\(prefix)-")
            .replacingAll("href=\"#", with: "href=\"#\(prefix)-")
            .replacingAll("url(#", with: "url(#\(prefix)-")
    }

    static func insertingDescription(into svg: String, title: String?, summary: String?) -> String {
        var elements = ""
        if let title, !title.isEmpty { elements += "\n<title>\(escapeXML(title))</title>" }
        if let summary, !summary.isEmpty { elements += "\n<desc>\(escapeXML(summary))</desc>" }
        guard !elements.isEmpty, let open = svg.range(of: "<svg"),
            let close = svg[open.upperBound...].firstIndex(of: ">")
        else { return svg }
        var result = svg
        result.insert(contentsOf: elements, at: result.index(after: close))
        return result
    }

    /// Escapes text for use in XML character data and attribute values.
    public static func escapeXML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    /// Every occurrence of `target` replaced, left to right, without overlaps. Compared as UTF-8
    /// bytes, not characters (Cairo's SVG is ASCII where ids are), in one pass: Foundation's
    /// `range(of:)` bridged the rest of the text at each match, which made a chart with hundreds
    /// of ids quadratic (25 ms a run in the 5M benchmark).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return self }
        let text = Array(utf8)
        let inserted = Array(replacement.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == first, index + needle.count <= text.count,
                text[index..<(index + needle.count)].elementsEqual(needle)
            {
                result += inserted
                index += needle.count
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
