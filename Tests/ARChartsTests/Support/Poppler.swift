import Foundation

/// Runs the poppler command-line tools (pdftotext, pdfinfo, pdftoppm, pdffonts) on a PDF in a temporary
/// folder. PDFs embed a creation date, so tests compare extracted text and renders, never bytes.
struct Poppler {
    let directory: URL
    let pdf: URL

    init(pdfBytes: [UInt8]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("archarts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pdf = directory.appendingPathComponent("document.pdf")
        try Data(pdfBytes).write(to: pdf)
    }

    func text() throws -> String { try run("pdftotext", ["-layout", pdf.path, "-"]) }
    func info(_ options: [String] = []) throws -> String { try run("pdfinfo", options + [pdf.path]) }
    func fonts() throws -> String { try run("pdffonts", [pdf.path]) }

    /// Renders every page to PNG at `resolution` dpi and returns the files' URLs in page order.
    func renderPages(resolution: Int = 60) throws -> [URL] {
        let prefix = directory.appendingPathComponent("page").path
        _ = try run("pdftoppm", ["-png", "-r", "\(resolution)", pdf.path, prefix])
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("page") && $0.pathExtension == "png" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func removeFiles() { try? FileManager.default.removeItem(at: directory) }

    struct ToolFailed: Error, CustomStringConvertible {
        let tool: String
        let status: Int32
        let output: String
        var description: String { "\(tool) exited with \(status): \(output)" }
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ToolFailed(tool: tool, status: process.terminationStatus, output: text)
        }
        return text
    }
}
