import ARCharts
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Charts rendered to PNG and SVG")
struct ChartRenderingTests {
    @Test("PNG has the requested pixel size and is not blank", arguments: SampleChart.allCases)
    func pngIsSizedAndDrawn(sample: SampleChart) throws {
        let bytes = try sample.chart().pngData(size: SampleChart.size, scale: 2)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let image = try #require(DecodedPNG(bytes))
        #expect(image.width == 760)
        #expect(image.height == 500)
        // Text, grid and data cover a good part of the image; a blank or header-only chart would not.
        let inked = Double(image.nonBackgroundPixelCount) / Double(image.width * image.height)
        #expect(inked > 0.04, "only \(inked * 100)% of pixels drawn")
        #expect(image.distinctColorCount > 20)
    }

    @Test("Different data gives a different picture", arguments: SampleChart.allCases)
    func differentInputsDiffer(sample: SampleChart) throws {
        let first = try #require(DecodedPNG(try sample.chart(variant: 0).pngData(size: SampleChart.size, scale: 1)))
        let second = try #require(DecodedPNG(try sample.chart(variant: 1).pngData(size: SampleChart.size, scale: 1)))
        let changed = zip(first.pixels, second.pixels).filter { $0 != $1 }.count
        #expect(changed > 200, "only \(changed) pixels changed")
    }

    @Test("Same data gives the same picture", arguments: [SampleChart.agingBuckets, .trends])
    func deterministic(sample: SampleChart) throws {
        let first = try sample.chart().pngData(size: SampleChart.size, scale: 1)
        let second = try sample.chart().pngData(size: SampleChart.size, scale: 1)
        #expect(DecodedPNG(first)?.pixels == DecodedPNG(second)?.pixels)
    }

    @Test("Empty input draws a 'No data' state instead of failing", arguments: SampleChart.allCases)
    func emptyInput(sample: SampleChart) throws {
        let image = try #require(DecodedPNG(try sample.empty.pngData(size: SampleChart.size, scale: 1)))
        #expect(image.nonBackgroundPixelCount > 0)
        let svg = String(decoding: try sample.empty.svgData(size: SampleChart.size), as: UTF8.self)
        #expect(svg.contains("no data"))
    }

    @Test("Tiny frames still render without crashing", arguments: SampleChart.allCases)
    func tinyFrame(sample: SampleChart) throws {
        let bytes = try sample.chart().pngData(size: Size(width: 60, height: 40), scale: 1)
        #expect(DecodedPNG(bytes)?.width == 60)
    }

    @Test("SVG is well-formed and names the chart and its labels", arguments: SampleChart.allCases)
    func svgIsWellFormed(sample: SampleChart) throws {
        let chart = sample.chart()
        let bytes = try chart.svgData(size: SampleChart.size, idPrefix: "c\(sample.rawValue)")
        let svg = String(decoding: bytes, as: UTF8.self)
        let document = try XMLDocument(data: Data(bytes))
        #expect(document.rootElement()?.name == "svg")
        #expect(svg.contains("<title>\(SVGRenderer.escapeXML(chart.title))</title>"))
        #expect(svg.contains(SVGRenderer.escapeXML(sample.expectedLabel)))
        // Every generated id carries the prefix, so charts can share one HTML page.
        #expect(!svg.contains("id=\"glyph"))
        #expect(!svg.contains("url(#clip"))
        // ... and every reference names one of them.
        let prefix = "c\(sample.rawValue)-"
        let ids = Set(
            try svg.matches(of: Regex(#"id="([^"]+)""#)).compactMap { $0.output[1].substring.map(String.init) })
        #expect(!ids.isEmpty)
        #expect(ids.allSatisfy { $0.hasPrefix(prefix) })
        let references = try svg.matches(of: Regex(##"(?:href="#|url\(#)([^")]+)"##)).compactMap {
            $0.output[1].substring.map(String.init)
        }
        #expect(!references.isEmpty)
        for reference in references { #expect(ids.contains(reference), "\(reference) names no id") }
    }

    @Test("Invalid sizes are a Swift error")
    func invalidSize() {
        #expect(throws: ChartRenderError.self) {
            try SampleChart.agingBuckets.chart().pngData(size: Size(width: 0, height: 100))
        }
        #expect(throws: ChartRenderError.self) {
            try SampleChart.agingBuckets.chart().svgData(size: Size(width: .nan, height: 100))
        }
    }
}
