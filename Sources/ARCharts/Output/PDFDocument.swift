import CCairo

/// A multi-page vector PDF built in memory, one page at a time.
///
/// ```swift
/// let document = try PDFDocument(title: "AR board pack, 31 March 2025")
/// try document.addPage(bookmark: "Aging") { canvas in
///     canvas.drawText("Aging", at: Point(x: 40, y: 50), style: ChartTheme.standard.title)
///     try canvas.draw(agingChart, in: Rect(x: 40, y: 70, width: 380, height: 240))
/// }
/// let bytes = try document.finish()
/// ```
///
/// Cairo embeds the subset of each font it uses (DejaVu Sans by default). Not `Sendable`.
public final class PDFDocument {
    /// The size new pages get when `addPage` is not given one.
    public let defaultPageSize: PageSize
    /// Pages added so far.
    public private(set) var pageCount = 0

    private let sink = ByteSink()
    private let surface: Surface
    private let canvas: Canvas

    /// Starts a document; `title`, `author`, `subject` and `creator` go into the PDF's metadata.
    public init(
        title: String, author: String? = nil, subject: String? = nil, creator: String? = "arreport",
        pageSize: PageSize = .a4Landscape
    ) throws {
        guard pageSize.width > 0, pageSize.height > 0 else {
            throw ChartRenderError.invalidSize(width: pageSize.width, height: pageSize.height)
        }
        defaultPageSize = pageSize
        surface = try Surface(
            taking: cairo_pdf_surface_create_for_stream(
                ByteSink.writeFunction, sink.closure, pageSize.width, pageSize.height),
            sink: sink, operation: "creating a PDF surface")
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, title)
        if let author { cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let subject { cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_SUBJECT, subject) }
        if let creator { cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, creator) }
        canvas = try Canvas(surface: surface)
        try canvas.checkStatus("setting the PDF metadata")
    }

    /// Adds a page: `draw` gets a canvas whose origin is the page's top left, in points. `bookmark`
    /// adds an entry to the PDF outline (the viewer's sidebar) that jumps to this page.
    public func addPage(
        size: PageSize? = nil, bookmark: String? = nil, _ draw: (_ canvas: Canvas, _ page: Rect) throws -> Void
    ) throws {
        let pageSize = size ?? defaultPageSize
        let pageNumber = pageCount + 1
        cairo_pdf_surface_set_size(surface.pointer, pageSize.width, pageSize.height)
        if let bookmark {
            _ = cairo_pdf_surface_add_outline(
                surface.pointer, Int32(CAIRO_PDF_OUTLINE_ROOT), bookmark, "page=\(pageNumber)",
                cairo_pdf_outline_flags_t(rawValue: 0))
        }
        try canvas.withSavedState { try draw(canvas, pageSize.bounds) }
        cairo_show_page(canvas.context)
        try canvas.checkStatus("drawing PDF page \(pageNumber)")
        pageCount = pageNumber
    }

    /// Ends the document and returns the PDF file's bytes. Drawing afterwards throws
    /// `CairoError` with status `.surfaceFinished`.
    public func finish() throws -> [UInt8] {
        try surface.finish("finishing the PDF")
        return sink.bytes
    }
}
