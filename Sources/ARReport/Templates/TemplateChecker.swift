import Foundation

/// A template problem: the template, the line and what is wrong (exit 78, README "Exit codes").
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template as the user named it: `templates/report.html`.
    public var template: String
    public var line: Int
    /// `unknown key 'totl_ar'`, `section 'aging' is never closed`.
    public var message: String

    public var description: String { "\(template):\(line): \(message)" }
}

/// An array whose element type can give a blank instance: how a section over an empty list is checked.
protocol ElementSampling {
    var elementSample: Any { get }
}

extension Array: ElementSampling where Element: TemplateRow {
    var elementSample: Any { Element() }
}

/// Checks every tag of a Mustache template against the model before rendering.
///
/// swift-mustache renders a key the model lacks as empty text, so a typo would silently blank a
/// figure. This walks the tags itself, keeping the context stack as sections open and close, and
/// resolves each name as Mustache does: the first part up the stack, dotted parts inside it,
/// a leading `.` only in the innermost context.
public enum TemplateChecker {
    /// One tag: its sigil (`#`, `^`, `/`, `&`, `{`, `!`, `>`, `%`, `=` or none) and name, with its line.
    struct Tag {
        var sigil: Character?
        var name: String
        var line: Int
    }

    /// Throws the first unknown key or syntax error of `text`, checked against `model`'s keys.
    public static func check(_ text: String, template: String, model: Any) throws(TemplateError) {
        let tags = try scan(text, template: template)
        var stack: [(name: String, line: Int, context: Any?)] = []
        var contexts: [Any?] = [model]
        for tag in tags {
            switch tag.sigil {
            case "!", "%", "=":
                continue
            case ">", "<", "$":
                throw TemplateError(
                    template: template, line: tag.line, message: "partials and blocks are not supported ('\(tag.name)')")
            case "#", "^":
                let value = try resolve(tag, in: contexts, sections: stack.map(\.name), template: template)
                // swift-mustache renders a section over text even when the text is empty: a trap.
                if value is String {
                    throw TemplateError(
                        template: template, line: tag.line,
                        message: "section '\(tag.name)' is text, which always renders: use a true/false key (e.g. has...)")
                }
                stack.append((tag.name, tag.line, value))
                contexts.append(tag.sigil == "#" ? sectionContext(value, current: contexts.last ?? nil) : (contexts.last ?? nil))
            case "/":
                guard let open = stack.last else {
                    throw TemplateError(
                        template: template, line: tag.line, message: "closing tag '\(tag.name)' without an open section")
                }
                guard open.name == tag.name else {
                    throw TemplateError(
                        template: template, line: tag.line,
                        message: "closing tag '\(tag.name)' does not match section '\(open.name)' opened on line \(open.line)")
                }
                stack.removeLast()
                contexts.removeLast()
            default:
                _ = try resolve(tag, in: contexts, sections: stack.map(\.name), template: template)
            }
        }
        if let open = stack.last {
            throw TemplateError(template: template, line: open.line, message: "section '\(open.name)' is never closed")
        }
    }

    /// The context a `{{#section}}` pushes: a list's element (a blank one when the list is empty), the
    /// value itself for an object, the current context for a flag.
    static func sectionContext(_ value: Any?, current: Any?) -> Any? {
        guard let value else { return nil }
        if value is Bool { return current }
        if let sampling = value as? any ElementSampling { return sampling.elementSample }
        if let list = value as? [Any] { return list.first }
        return value
    }

    /// The value `tag.name` names, or an unknown-key error. A nil context (below a value the model
    /// cannot describe, such as an empty list of plain values) accepts any name.
    static func resolve(_ tag: Tag, in contexts: [Any?], sections: [String], template: String) throws(TemplateError)
        -> Any?
    {
        var name = tag.name
        // A transform, `uppercased(name)`: check the name inside; `first()` reads the list position.
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                .trimmingCharacters(in: .whitespaces)
            if name.isEmpty { return true }
        }
        if name == "." { return contexts.last ?? nil }
        func unknown(_ key: String) -> TemplateError {
            let within = sections.isEmpty ? "" : " (in section '\(sections.joined(separator: "."))')"
            return TemplateError(template: template, line: tag.line, message: "unknown key '\(key)'\(within)")
        }
        let innermostOnly = name.hasPrefix(".")
        let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { throw unknown(tag.name) }
        var found: Any?? = nil
        for context in (innermostOnly ? [contexts.last ?? nil] : contexts.reversed()) {
            guard let context else {
                found = .some(nil)
                break
            }
            if let child = child(first, of: context) {
                found = .some(child)
                break
            }
        }
        guard var value = found else { throw unknown(name) }
        for part in parts.dropFirst() {
            guard let object = value else { return nil }
            guard let child = child(part, of: object) else { throw unknown(name) }
            value = child
        }
        return value
    }

    /// A stored property of `object` by name, optionals unwrapped (`.some(nil)` for a nil optional).
    static func child(_ key: String, of object: Any) -> Any?? {
        for child in Mirror(reflecting: object).children where child.label == key {
            let mirror = Mirror(reflecting: child.value)
            if mirror.displayStyle == .optional { return .some(mirror.children.first?.value) }
            return .some(child.value)
        }
        return nil
    }

    /// The tags of a template with their line numbers, honouring `{{=<% %>=}}` delimiter changes.
    static func scan(_ text: String, template: String) throws(TemplateError) -> [Tag] {
        let chars = Array(text.unicodeScalars)
        var open = Array("{{".unicodeScalars)
        var close = Array("}}".unicodeScalars)
        var tags: [Tag] = []
        var line = 1
        var index = 0
        func matches(_ pattern: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + pattern.count <= chars.count else { return false }
            for offset in pattern.indices where chars[position + offset] != pattern[offset] { return false }
            return true
        }
        while index < chars.count {
            if chars[index] == "\n" {
                line += 1
                index += 1
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            let tagLine = line
            var start = index + open.count
            var sigil: Character? = nil
            var closer = close
            if start < chars.count {
                let first = Character(chars[start])
                if "#^/&!>%=<$".contains(first) {
                    sigil = first
                    start += 1
                } else if first == "{", open == Array("{{".unicodeScalars) {
                    sigil = "{"
                    start += 1
                    closer = Array("}}}".unicodeScalars)
                }
            }
            var end = start
            while end < chars.count, !matches(closer, at: end) {
                if chars[end] == "\n" { line += 1 }
                end += 1
            }
            guard end < chars.count else {
                throw TemplateError(template: template, line: tagLine, message: "tag is never closed (expected '\(String(String.UnicodeScalarView(closer)))')")
            }
            var body = String(String.UnicodeScalarView(chars[start..<end])).trimmingCharacters(in: .whitespacesAndNewlines)
            index = end + closer.count
            if sigil == "=" {
                // {{=<% %>=}}: new delimiters, separated by whitespace, ending with '='.
                guard body.hasSuffix("=") else {
                    throw TemplateError(template: template, line: tagLine, message: "bad set-delimiter tag '\(body)'")
                }
                body.removeLast()
                let parts = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2 else {
                    throw TemplateError(template: template, line: tagLine, message: "bad set-delimiter tag '\(body)='")
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
                continue
            }
            if sigil != "!" && sigil != "%" && body.isEmpty {
                throw TemplateError(template: template, line: tagLine, message: "empty tag")
            }
            if sigil != "!", sigil != "%", body.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }),
                !body.contains("(")
            {
                throw TemplateError(template: template, line: tagLine, message: "bad tag '\(body)' (a key has no spaces)")
            }
            tags.append(Tag(sigil: sigil, name: body, line: tagLine))
        }
        return tags
    }
}
