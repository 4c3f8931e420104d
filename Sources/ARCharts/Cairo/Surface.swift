import CCairo

/// Owns one `cairo_surface_t` and, for stream surfaces, the sink its bytes go to.
///
/// Not `Sendable`: Cairo surfaces are not safe to share between threads.
final class Surface {
    let pointer: OpaquePointer
    /// Kept alive as long as the surface: Cairo may still write to it while finishing or destroying.
    let sink: ByteSink?
    private(set) var isFinished = false

    /// Takes ownership of a freshly created surface; throws (and destroys it) if creation failed.
    init(taking pointer: OpaquePointer, sink: ByteSink?, operation: String) throws(CairoError) {
        self.pointer = pointer
        self.sink = sink
        try CairoError.check(cairo_surface_status(pointer), operation)
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    /// Flushes everything to the sink; the surface accepts no drawing afterwards.
    func finish(_ operation: String) throws(CairoError) {
        if !isFinished {
            cairo_surface_finish(pointer)
            isFinished = true
        }
        try CairoError.check(cairo_surface_status(pointer), operation)
    }
}

/// Collects the bytes a Cairo stream surface (PDF, SVG) or `cairo_surface_write_to_png_stream` writes.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The `closure` argument to pass with `writeFunction`; valid while `self` is alive.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// A C callback appending to the sink passed as `closure`.
    static let writeFunction: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
