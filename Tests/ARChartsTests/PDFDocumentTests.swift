import ARCharts
import Foundation
import Testing

@Suite("Multi-page PDF documents")
struct PDFDocumentTests {
    /// A two-page pack like the board pack will draw: headings, text and charts placed on A4 landscape.
    static func twoPagePack() throws -> [UInt8] {
        let document = try PDFDocument(title: "AR board pack, 31 March 2025", author: "Finance")
        let theme = ChartTheme.standard
        try document.addPage(bookmark: "Aging") { canvas, page in
            canvas.drawText("Receivables aging", at: Point(x: 40, y: 40), style: theme.title.sized(18), baseline: .top)
            try canvas.draw(SampleChart.agingBuckets.chart(), in: Rect(x: 40, y: 80, width: 370, height: 250))
            try canvas.draw(SampleChart.agingMix.chart(), in: Rect(x: 430, y: 80, width: 370, height: 250))
            try canvas.draw(SampleChart.concentration.chart(), in: Rect(x: 40, y: 350, width: 370, height: 180))
            canvas.drawText(
                "Page 1 of 2", at: Point(x: page.maxX - 40, y: page.maxY - 24), style: theme.note, alignment: .trailing)
        }
        try document.addPage(bookmark: "Customers and trends") { canvas, page in
            canvas.drawText(
                "Trends and customers", at: Point(x: 40, y: 40), style: theme.title.sized(18), baseline: .top)
            try canvas.draw(SampleChart.trends.chart(), in: Rect(x: 40, y: 80, width: 760, height: 220))
            try canvas.draw(SampleChart.topCustomers.chart(), in: Rect(x: 40, y: 310, width: 500, height: 250))
            canvas.drawText(
                "Page 2 of 2", at: Point(x: page.maxX - 40, y: page.maxY - 24), style: theme.note, alignment: .trailing)
        }
        #expect(document.pageCount == 2)
        return try document.finish()
    }

    @Test("Two pages with titles, a customer name and an amount, readable by pdftotext")
    func textAndPageCount() throws {
        let poppler = try Poppler(pdfBytes: try Self.twoPagePack())
        defer { poppler.removeFiles() }
        let text = try poppler.text()
        #expect(text.contains("Receivables aging"))
        #expect(text.contains("Open receivables by age"))
        #expect(text.contains("Top 10 customers by past-due balance"))
        #expect(text.contains("Northwind Traders"))
        #expect(text.contains("$612k"))
        #expect(text.contains("$4.12M"))
        let info = try poppler.info()
        #expect(info.contains("Pages:           2"))
        #expect(info.contains("Title:           AR board pack, 31 March 2025"))
        #expect(info.contains("Page size:       841.89 x 595.276 pts"))
    }

    @Test("DejaVu Sans is the font actually embedded (Cairo falls back silently otherwise)")
    func embedsDejaVu() throws {
        let poppler = try Poppler(pdfBytes: try Self.twoPagePack())
        defer { poppler.removeFiles() }
        let fonts = try poppler.fonts()
        #expect(fonts.contains("DejaVuSans"))
        #expect(fonts.contains("DejaVuSans-Bold"))
    }

    @Test("Every page renders with pdftoppm")
    func rendersToImages() throws {
        let poppler = try Poppler(pdfBytes: try Self.twoPagePack())
        defer { poppler.removeFiles() }
        let pages = try poppler.renderPages(resolution: 60)
        #expect(pages.count == 2)
        for page in pages {
            let image = try #require(DecodedPNG(Array(try Data(contentsOf: page))))
            // A4 landscape at 60 dpi: 841.89 pt / 72 × 60 ≈ 702 px wide.
            #expect(image.width == 702)
            #expect(image.nonBackgroundPixelCount > 5_000)
        }
    }

    @Test("Pages can change size (Letter after A4)")
    func mixedPageSizes() throws {
        let document = try PDFDocument(title: "Sizes", pageSize: .a4Portrait)
        try document.addPage { canvas, _ in
            canvas.drawText("A4", at: Point(x: 40, y: 40), style: ChartTheme.standard.title)
        }
        try document.addPage(size: .letterLandscape) { canvas, _ in
            canvas.drawText("Letter", at: Point(x: 40, y: 40), style: ChartTheme.standard.title)
        }
        let poppler = try Poppler(pdfBytes: try document.finish())
        defer { poppler.removeFiles() }
        let info = try poppler.info(["-f", "1", "-l", "2"])
        #expect(info.contains("Page    1 size:  595.276 x 841.89 pts"))
        #expect(info.contains("Page    2 size:  792 x 612 pts"))
    }
}

@Suite("Cairo errors become Swift errors")
struct CairoErrorTests {
    @Test("Drawing on a finished PDF throws surfaceFinished instead of crashing")
    func drawingAfterFinish() throws {
        let document = try PDFDocument(title: "Finished")
        try document.addPage { canvas, _ in
            canvas.drawText("One", at: Point(x: 40, y: 40), style: ChartTheme.standard.title)
        }
        _ = try document.finish()
        let error = try #require(throws: CairoError.self) {
            try document.addPage { canvas, _ in
                try canvas.draw(SampleChart.agingBuckets.chart(), in: Rect(x: 0, y: 0, width: 300, height: 200))
            }
        }
        #expect(error.status == .surfaceFinished)
        #expect(error.description.contains("surface"))
    }

    @Test("A canvas kept past its renderer reports the finished surface")
    func canvasEscapingRenderer() throws {
        var escaped: Canvas?
        _ = try SVGRenderer.render(size: Size(width: 100, height: 100)) { canvas in escaped = canvas }
        let canvas = try #require(escaped)
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), color: .black)
        #expect(throws: CairoError.self) { try canvas.checkStatus("drawing after the SVG was finished") }
    }
}
