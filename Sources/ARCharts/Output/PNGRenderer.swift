import CCairo

/// Draws into an in-memory image and encodes it as PNG bytes (for the email and the HTML report).
public enum PNGRenderer {
    /// Renders `size` points at `scale` pixels per point (2 gives sharp text on high-density screens)
    /// and returns the PNG file's bytes. `background` nil leaves the image transparent.
    public static func render(
        size: Size, scale: Double = 2, background: Color? = .white, _ draw: (Canvas) throws -> Void
    ) throws -> [UInt8] {
        guard size.width > 0, size.height > 0, size.width.isFinite, size.height.isFinite, scale > 0,
            scale.isFinite
        else { throw ChartRenderError.invalidSize(width: size.width * scale, height: size.height * scale) }
        let pixelWidth = Int32((size.width * scale).rounded(.up))
        let pixelHeight = Int32((size.height * scale).rounded(.up))
        let surface = try Surface(
            taking: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixelWidth, pixelHeight), sink: nil,
            operation: "creating a \(pixelWidth) × \(pixelHeight) image")
        cairo_surface_set_device_scale(surface.pointer, scale, scale)
        let canvas = try Canvas(surface: surface)
        if let background { canvas.paint(background) }
        try draw(canvas)
        try canvas.checkStatus("drawing the PNG image")
        cairo_surface_flush(surface.pointer)
        let sink = ByteSink()
        try CairoError.check(
            cairo_surface_write_to_png_stream(surface.pointer, ByteSink.writeFunction, sink.closure),
            "encoding the PNG image")
        try surface.finish("finishing the PNG image")
        return sink.bytes
    }
}
