import ARCharts
import Foundation
import Testing

/// Writes every chart (both variants, empty states, a PDF) to the folder named by `ARCHARTS_GALLERY`, to
/// look at them: `ARCHARTS_GALLERY=/tmp/charts swift test --filter ARChartsTests.GalleryTests`.
@Suite("Chart gallery")
struct GalleryTests {
    @Test(
        "Write the gallery when ARCHARTS_GALLERY is set",
        .enabled(if: ProcessInfo.processInfo.environment["ARCHARTS_GALLERY"] != nil))
    func writeGallery() throws {
        let folder = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["ARCHARTS_GALLERY"]))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sample in SampleChart.allCases {
            for variant in 0..<2 {
                let png = try sample.chart(variant: variant).pngData(size: SampleChart.size, scale: 2)
                try Data(png).write(to: folder.appendingPathComponent("\(sample.rawValue)-\(variant).png"))
            }
            try Data(try sample.empty.pngData(size: SampleChart.size, scale: 1))
                .write(to: folder.appendingPathComponent("\(sample.rawValue)-empty.png"))
            try Data(try sample.chart().svgData(size: SampleChart.size))
                .write(to: folder.appendingPathComponent("\(sample.rawValue).svg"))
        }
        let wide = try SampleChart.trends.chart().pngData(size: Size(width: 760, height: 230), scale: 2)
        try Data(wide).write(to: folder.appendingPathComponent("trends-wide.png"))
        let small = try SampleChart.agingMix.chart().pngData(size: Size(width: 280, height: 200), scale: 2)
        try Data(small).write(to: folder.appendingPathComponent("agingMix-small.png"))
        // Crowded: long bucket names in a narrow frame must rotate, not overlap.
        let crowded = AgingBucketsChart(
            title: "Open receivables by age, all business units and currencies converted at month-end rates",
            buckets: [
                "Not yet due", "1 to 15 days", "16 to 30 days", "31 to 45 days", "46 to 60 days",
                "61 to 90 days", "91 to 180 days", "More than 180 days",
            ].enumerated().map { index, label in
                .init(label: label, amount: Double(900_000 - index * 100_000))
            })
        try Data(try crowded.pngData(size: Size(width: 300, height: 230), scale: 2))
            .write(to: folder.appendingPathComponent("agingBuckets-crowded.png"))
        try Data(try PDFDocumentTests.twoPagePack()).write(to: folder.appendingPathComponent("pack.pdf"))
    }
}
