import CCairo

/// A PNG decoded back through Cairo (`cairo_image_surface_create_from_png_stream`), to check pictures
/// rather than bytes.
struct DecodedPNG {
    let width: Int
    let height: Int
    /// Premultiplied ARGB32 pixels, row by row.
    let pixels: [UInt32]

    init?(_ bytes: [UInt8]) {
        let source = ByteSource(bytes)
        let closure = Unmanaged.passUnretained(source).toOpaque()
        guard
            let surface = cairo_image_surface_create_from_png_stream(
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
                    return source.read(into: data, count: Int(length))
                        ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
                }, closure)
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        var pixels = [UInt32](repeating: 0, count: width * height)
        for row in 0..<height {
            let rowStart = UnsafeRawPointer(data + row * stride)
            for column in 0..<width {
                pixels[row * width + column] = rowStart.load(fromByteOffset: column * 4, as: UInt32.self)
            }
        }
        self.pixels = pixels
        withExtendedLifetime(source) {}
    }

    /// Pixels that differ from the top-left pixel (the background).
    var nonBackgroundPixelCount: Int {
        guard let background = pixels.first else { return 0 }
        return pixels.reduce(0) { $0 + ($1 == background ? 0 : 1) }
    }

    /// Distinct colours: text antialiasing and several data colours give many.
    var distinctColorCount: Int { Set(pixels).count }
}

private final class ByteSource {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        guard offset + count <= bytes.count else { return false }
        bytes.withUnsafeBufferPointer { source in
            buffer.update(from: source.baseAddress! + offset, count: count)
        }
        offset += count
        return true
    }
}
