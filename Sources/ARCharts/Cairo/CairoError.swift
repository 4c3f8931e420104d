import CCairo

/// A Cairo failure, turned from Cairo's sticky status value into a Swift error.
///
/// Cairo does not stop on errors: the first failure is recorded on the context or surface and every later
/// call becomes a no-op. The wrappers check the status after drawing and after finishing a surface and
/// throw this error, naming what was being done.
public struct CairoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Cairo's status code (`cairo_status_t`), with names for the ones callers may want to match.
    public struct Status: RawRepresentable, Hashable, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        init(_ status: cairo_status_t) { self.rawValue = status.rawValue }

        public static let noMemory = Status(CAIRO_STATUS_NO_MEMORY)
        public static let invalidRestore = Status(CAIRO_STATUS_INVALID_RESTORE)
        public static let nullPointer = Status(CAIRO_STATUS_NULL_POINTER)
        public static let invalidString = Status(CAIRO_STATUS_INVALID_STRING)
        public static let readError = Status(CAIRO_STATUS_READ_ERROR)
        public static let writeError = Status(CAIRO_STATUS_WRITE_ERROR)
        public static let surfaceFinished = Status(CAIRO_STATUS_SURFACE_FINISHED)
        public static let surfaceTypeMismatch = Status(CAIRO_STATUS_SURFACE_TYPE_MISMATCH)
        public static let invalidSize = Status(CAIRO_STATUS_INVALID_SIZE)
        public static let fontTypeMismatch = Status(CAIRO_STATUS_FONT_TYPE_MISMATCH)

        /// Cairo's own one-line explanation of the status.
        public var message: String {
            String(cString: cairo_status_to_string(cairo_status_t(rawValue: rawValue)))
        }
    }

    public let status: Status
    /// What the wrapper was doing, e.g. "drawing PDF page 2" or "finishing the PNG surface".
    public let operation: String

    public init(status: Status, operation: String) {
        self.status = status
        self.operation = operation
    }

    public var description: String { "Cairo error while \(operation): \(status.message)" }

    /// Throws when `status` is not `CAIRO_STATUS_SUCCESS`.
    static func check(_ status: cairo_status_t, _ operation: @autoclosure () -> String) throws(CairoError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw CairoError(status: Status(status), operation: operation())
    }
}

/// A failure outside Cairo: bad arguments to a renderer or a document used out of order.
public enum ChartRenderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A width, height or scale that is not a positive finite number.
    case invalidSize(width: Double, height: Double)
    /// The document was already finished; its bytes have been handed out.
    case documentFinished

    public var description: String {
        switch self {
        case .invalidSize(let width, let height): "invalid drawing size \(width) × \(height)"
        case .documentFinished: "the PDF document is already finished"
        }
    }
}
