import Foundation
import Testing

@testable import ARReport

/// board_pack.pdf of the small fixture, read back with poppler (pdftotext, pdfinfo, pdftoppm), and
/// the layout template's error paths.
@Suite struct BoardPackTests {
    /// Runs poppler's `tool` and returns its standard output.
    static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A field of pdfinfo's output, `Pages:    7` → `7`.
    static func field(_ name: String, _ info: String) -> String? {
        info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    static func boardPack(_ extra: [String] = []) throws -> URL {
        let (out, result) = try ReportOutputTests.run(["--formats", "pdf"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return out.appendingPathComponent("board_pack.pdf")
    }

    /// The default layout has seven pages: cover, aging, trends, top past due, risk, cash forecast, data quality.
    static let defaultPages = 7

    @Test func boardPackHoldsTheHeadlineFiguresAndCustomerNames() throws {
        let pdf = try Self.boardPack()
        let text = try Self.poppler("pdftotext", ["-layout", pdf.path, "-"])
        // AR = 600 + 800 + 400 + 542.15 + 1,005 + 99.99 = 3,447.14 (Fixtures/small-golden/README.md).
        #expect(text.contains("3,447.14"))
        // DSO = 3,447.14 / 4,589.30 × 90 = 67.60 → 67.6 days.
        #expect(text.contains("67.6"))
        #expect(text.contains("Tokyo KK"))
        #expect(text.contains("Acme Corp"))
        #expect(text.contains("As of 31 March 2025"))
        #expect(text.contains("Page 1 of \(Self.defaultPages)"))
        #expect(text.contains("Page \(Self.defaultPages) of \(Self.defaultPages)"))
        for heading in ["Aging of open receivables", "Customer risk", "Cash forecast and allowance", "Data quality"] {
            #expect(text.contains(heading), "missing page \(heading)")
        }
        // The customer named like a script is plain text in a PDF: drawn as written.
        #expect(text.contains("<script>alert(1)</script>"))

        let info = try Self.poppler("pdfinfo", [pdf.path])
        #expect(Self.field("Pages", info) == "\(Self.defaultPages)", "\(info)")
        #expect(Self.field("Title", info) == "AR board pack 2025-03-31", "\(info)")
        #expect(info.contains("841.89 x 595.276 pts (A4)"), "A4 landscape: \(info)")
        let fonts = try Self.poppler("pdffonts", [pdf.path])
        #expect(fonts.contains("DejaVuSans"), "\(fonts)")
        #expect(fonts.contains("DejaVuSans-Bold"), "\(fonts)")
    }

    @Test func everyPageRendersWithInk() throws {
        let pdf = try Self.boardPack()
        let folder = try BinaryRunner.temporaryFolder()
        _ = try Self.poppler("pdftoppm", ["-png", "-r", "50", pdf.path, folder.appendingPathComponent("page").path])
        let pngs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }
        #expect(pngs.count == Self.defaultPages)
        // The same pages as raw greyscale (PGM): count the pixels that are not white.
        _ = try Self.poppler("pdftoppm", ["-gray", "-r", "50", pdf.path, folder.appendingPathComponent("grey").path])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pgm") }.sorted()
        #expect(pages.count == Self.defaultPages)
        for page in pages {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(page)))
            // "P5\n<w> <h>\n255\n" then one byte per pixel.
            var newlines = 0
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x0A {
                newlines += 1
                if newlines == 3 {
                    start = index + 1
                    break
                }
            }
            let pixels = bytes[start...]
            let inked = pixels.filter { $0 < 200 }.count
            #expect(Double(inked) / Double(pixels.count) > 0.01, "\(page) is nearly blank")
        }
    }

    @Test func letterPaperOnRequest() throws {
        let pdf = try Self.boardPack(["--page-size", "letter"])
        let info = try Self.poppler("pdfinfo", [pdf.path])
        #expect(info.contains("792 x 612 pts (letter)"), "\(info)")
        #expect(Self.field("Pages", info) == "\(Self.defaultPages)")
    }

    @Test func pageSizeFromTheConfigFileAndABadOne() throws {
        let (out, result) = try ReportOutputTests.run(["--formats", "pdf"], config: "page_size: letter\n")
        #expect(result.status == 0, "\(result.stderr)")
        let info = try Self.poppler("pdfinfo", [out.appendingPathComponent("board_pack.pdf").path])
        #expect(info.contains("(letter)"))
        let (_, bad) = try ReportOutputTests.run(["--formats", "pdf", "--page-size", "a3"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--page-size 'a3' must be a4 or letter"))
    }

    @Test func formatsWithoutPDFWriteNoBoardPack() throws {
        let (out, result) = try ReportOutputTests.run(["--formats", "csv"])
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("board_pack.pdf").path))
    }

    @Test func theEmailAttachesTheBoardPack() throws {
        let (out, result) = try ReportOutputTests.run(["--formats", "pdf,email"])
        #expect(result.status == 0, "\(result.stderr)")
        let eml = try String(contentsOf: out.appendingPathComponent("email.eml"), encoding: .utf8)
        #expect(eml.contains("filename=\"board_pack.pdf\""))
    }

    // MARK: The layout template

    @Test func theBuiltInLayoutIsTheProjectTemplate() throws {
        let file = BinaryRunner.packageRoot.appendingPathComponent("templates/board_pack.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        // A Swift multi-line string drops the file's final newline.
        #expect(text == BoardPackLayout.defaultText + "\n", "run: regenerate BoardPackLayout+Default.swift from templates/board_pack.yml")
        let layout = try BoardPackLayout.parse(text, path: "board_pack.yml")
        #expect(layout.pages.map(\.kind.rawValue) == [
            "cover", "aging", "trends", "top_past_due", "risk", "cash_forecast", "data_quality",
        ])
    }

    static func layoutError(_ text: String) -> String {
        do {
            _ = try BoardPackLayout.parse(text, path: "my/board_pack.yml")
            return "no error"
        } catch {
            #expect(ExitStatus.of(error) == 78)
            return "\(error)"
        }
    }

    @Test func unknownBlockNamesTheFileLineAndName() {
        let message = Self.layoutError(
            """
            pages:
              - page: aging
                heading: Aging
                blocks:
                  - chart: aging_buckets
                  - picture: logo.png
            """)
        #expect(message.hasPrefix("my/board_pack.yml:6: bad configuration: unknown block 'picture'"), "\(message)")
    }

    @Test func unknownChartNamesTheFileLineAndName() {
        let message = Self.layoutError(
            """
            title: AR board pack
            pages:
              - page: trends
                blocks:
                  - chart: aging_mix
                  - chart: dso_trend
            """)
        #expect(message.hasPrefix("my/board_pack.yml:6: bad configuration: unknown chart 'dso_trend'"), "\(message)")
        #expect(message.contains("forecast_vs_actual"), "lists the known charts")
    }

    @Test func unknownPageTableAndKPIAreErrorsToo() {
        #expect(Self.layoutError("pages:\n  - page: appendix\n").hasPrefix("my/board_pack.yml:2: bad configuration: unknown page 'appendix'"))
        #expect(Self.layoutError("pages:\n  - page: risk\n    blocks:\n      - table: risky\n").contains(":4: bad configuration: unknown table 'risky'"))
        #expect(Self.layoutError("pages:\n  - page: cover\n    blocks:\n      - kpis: [total_ar, ebitda]\n").contains(":4: bad configuration: unknown KPI 'ebitda'"))
        #expect(Self.layoutError("pages:\n  - page: risk\n    blocks:\n      - table: top_risks\n        rows: 500\n").contains(":5:"))
        #expect(Self.layoutError("pages: []\n").contains("names no pages"))
    }

    @Test func aBadLayoutInTheTemplatesFolderStopsTheRunBeforeReading() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try "pages:\n  - page: aging\n    blocks:\n      - chart: pie\n".write(
            to: folder.appendingPathComponent("board_pack.yml"), atomically: true, encoding: .utf8)
        let (out, result) = try ReportOutputTests.run(["--formats", "pdf", "--templates", folder.path])
        #expect(result.status == 78)
        #expect(result.stderr.contains("board_pack.yml:4: bad configuration: unknown chart 'pie'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aCustomLayoutChoosesThePages() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try """
        title: Collections review
        pages:
          - page: worklist
            heading: Who to call this week
            blocks:
              - table: worklist
                width: full
          - page: cash_forecast
            blocks:
              - table: forecast
              - table: backtest
        """.write(to: folder.appendingPathComponent("board_pack.yml"), atomically: true, encoding: .utf8)
        let (out, result) = try ReportOutputTests.run(["--formats", "pdf", "--templates", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = out.appendingPathComponent("board_pack.pdf").path
        let info = try Self.poppler("pdfinfo", [pdf])
        #expect(Self.field("Pages", info) == "2")
        #expect(Self.field("Title", info) == "Collections review 2025-03-31")
        let text = try Self.poppler("pdftotext", ["-layout", pdf, "-"])
        #expect(text.contains("Who to call this week"))
        #expect(text.contains("WAPE"))
    }
}
