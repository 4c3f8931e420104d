import Foundation
import Mustache

/// The Mustache templates of the HTML report and the email, found, checked and parsed.
///
/// Where they come from, first found wins: `--templates DIR` (the user's copy; every template must be
/// there), `templates/` in the current directory, `templates/` at the package root above the
/// executable (`<exe>/../../../templates`, for `swift run` and `.build/*/arreport`), else the copies
/// embedded in the binary, so an installed binary always works.
public struct ReportTemplates: Sendable {
    /// The template files, by name.
    public static let names = ["report.html", "email.html", "email.txt"]

    /// Where the templates were read from: a folder, or `built-in`.
    public var origin: String
    var parsed: [String: MustacheTemplate]
    /// The template texts, by name.
    var texts: [String: String] = [:]

    /// Finds, checks and parses every template; a missing file, unknown key or syntax error throws.
    public static func load(directory: String?) throws -> ReportTemplates {
        let texts = try locate(directory: directory)
        var parsed: [String: MustacheTemplate] = [:]
        for name in names {
            guard let (path, text) = texts.files[name] else { continue }
            parsed[name] = try parse(text, name: name, path: path)
        }
        return ReportTemplates(origin: texts.origin, parsed: parsed, texts: texts.files.mapValues { $0.1 })
    }

    /// Checks `text` against the model's keys, then parses it with swift-mustache.
    public static func parse(_ text: String, name: String, path: String) throws -> MustacheTemplate {
        try TemplateChecker.check(text, template: path, model: ReportModel())
        // Plain text must not be HTML-escaped: the pragma goes on the first line, so line numbers hold.
        let source = name.hasSuffix(".txt") ? "{{% CONTENT_TYPE: TEXT}}" + text : text
        do {
            return try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(template: path, line: error.context.lineNumber, message: "syntax error: \(error.error)")
        }
    }

    /// The text of one template.
    public func text(_ name: String) -> String { texts[name] ?? "" }

    /// Renders one template with the model.
    public func render(_ name: String, _ model: ReportModel) -> String {
        parsed[name]?.render(model) ?? ""
    }

    static func locate(directory: String?) throws -> (origin: String, files: [String: (String, String)]) {
        func read(folder: String) -> [String: (String, String)]? {
            var files: [String: (String, String)] = [:]
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
                files[name] = (path, text)
            }
            return files
        }
        if let directory {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
                throw ReportError.config(path: directory, reason: "--templates: not a folder")
            }
            for name in names {
                let path = (directory as NSString).appendingPathComponent(name)
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw ReportError.config(path: path, reason: "--templates: template missing or unreadable")
                }
            }
            guard let files = read(folder: directory) else {
                throw ReportError.config(path: directory, reason: "--templates: a template is not UTF-8 text")
            }
            return (directory, files)
        }
        if let files = read(folder: "templates") { return ("templates", files) }
        for root in packageRoots() {
            let folder = root.appendingPathComponent("templates").path
            if let files = read(folder: folder) { return (folder, files) }
        }
        return ("built-in", EmbeddedTemplates.all.mapValues { ("built-in/" + $0.name, $0.text) })
    }

    /// `<exe>/../../../templates` (`.build/debug/arreport`) and one level higher
    /// (`.build/x86_64-unknown-linux-gnu/debug/arreport`, where the symlink resolves).
    static func packageRoots() -> [URL] {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL
        let resolved = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var roots: [URL] = []
        for exe in [executable, resolved] {
            let folder = exe.deletingLastPathComponent()
            roots.append(folder.deletingLastPathComponent().deletingLastPathComponent())
            roots.append(folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        }
        return roots
    }
}
