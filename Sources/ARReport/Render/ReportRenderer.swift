import Foundation

/// The output formats `arreport run --formats` chooses from.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// The machine-readable tables of SPEC section 6 (run.json is always written).
    case csv
    /// report.html: one self-contained page.
    case html
    /// email.html, email.txt and email.eml with inline charts and the attachments.
    case email
    /// The board-pack PDF (board_pack.pdf), when the board pack is built.
    case pdf

    /// `csv,html` → the formats; an unknown name throws a usage error.
    public static func parse(_ list: String) throws -> Set<ReportFormat> {
        var formats = Set<ReportFormat>()
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        where !name.isEmpty {
            if name == "all" {
                formats.formUnion(allCases)
                continue
            }
            guard let format = ReportFormat(rawValue: name) else {
                throw ReportError.settings(
                    "--formats '\(list)': unknown format '\(name)' (known: \(allCases.map(\.rawValue).joined(separator: ", ")), all)")
            }
            formats.insert(format)
        }
        guard !formats.isEmpty else { throw ReportError.settings("--formats is empty: name at least one of csv, html, email, pdf") }
        return formats
    }
}

/// A file for the output folder.
public struct RenderedFile: Sendable {
    public var name: String
    public var bytes: [UInt8]
}

/// Renders the HTML report and the weekly email from one report model.
public enum ReportRenderer {
    /// The chart keys a template names (`{{charts.aging.cid}}` → `aging`).
    public static func chartKeys(in text: String) -> Set<String> {
        Set(["aging", "agingMix", "trend", "topPastDue", "concentration"].filter { text.contains("charts.\($0).") })
    }

    /// report.html.
    public static func html(_ model: ReportModel, templates: ReportTemplates) -> [UInt8] {
        Array(templates.render("report.html", model).utf8)
    }

    /// An attachment of the email: name, bytes, MIME type.
    public struct Attachment: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public var type: String

        public init(name: String, bytes: [UInt8], type: String) {
            self.name = name
            self.bytes = bytes
            self.type = type
        }
    }

    /// email.html, email.txt and email.eml; `charts` are the PNG images the HTML names by CID.
    public static func email(
        _ model: ReportModel, templates: ReportTemplates, charts: ReportChartImages, settings: EmailSettings,
        attachments: [Attachment], date: Date, messageID: String
    ) -> [RenderedFile] {
        let (attached, notAttached) = limit(attachments, toBytes: settings.maxAttachmentBytes)
        var model = model
        model.email = EmailAttachmentsSection(attached: attached, notAttached: notAttached, limit: settings.maxAttachmentBytes)
        let html = templates.render("email.html", model)
        let text = templates.render("email.txt", model)
        // Only the images the HTML refers to go in, so the message carries no orphan parts.
        let images = charts.images.filter { !$0.png.isEmpty && html.contains("cid:\($0.slot.cid)") }
        let alternative = MIMEPart.multipart(
            "alternative", [MIMEPart.text(text, subtype: "plain"), MIMEPart.text(html, subtype: "html")])
        let related = MIMEPart.multipart(
            "related",
            [alternative]
                + images.map { MIMEPart.inlineImage($0.png, type: "image/png", contentID: $0.slot.cid, filename: $0.slot.file) },
            extra: "; type=\"multipart/alternative\"")
        let mixed = MIMEPart.multipart(
            "mixed", [related] + attached.map { MIMEPart.attachment($0.bytes, type: $0.type, filename: $0.name) })
        let message = MIMEMessage(
            from: settings.from, to: settings.to, cc: settings.cc, subject: model.subject, date: date, messageID: messageID,
            body: mixed)
        return [
            RenderedFile(name: "email.html", bytes: Array(html.utf8)),
            RenderedFile(name: "email.txt", bytes: Array(text.utf8)),
            RenderedFile(name: "email.eml", bytes: message.bytes()),
        ]
    }

    /// Attachments in order, each one that still fits within `limit` bytes in all; and the others.
    static func limit(_ attachments: [Attachment], toBytes limit: Int) -> (attached: [Attachment], left: [Attachment]) {
        var attached: [Attachment] = []
        var left: [Attachment] = []
        var total = 0
        for attachment in attachments {
            if total + attachment.bytes.count <= limit {
                attached.append(attachment)
                total += attachment.bytes.count
            } else {
                left.append(attachment)
            }
        }
        return (attached, left)
    }

    /// `arreport.2025-12-31.1767171600.4f2a91c3@host`.
    public static func messageID(asOf: String, date: Date) -> String {
        let host = ProcessInfo.processInfo.hostName
        let domain = host.isEmpty || host.contains(" ") ? "localhost" : host
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "arreport.\(asOf).\(Int(date.timeIntervalSince1970)).\(random)@\(domain)"
    }
}

extension EmailAttachmentsSection {
    init(attached: [ReportRenderer.Attachment], notAttached: [ReportRenderer.Attachment], limit: Int) {
        self.init()
        self.attached = Self.list(attached.map(\.name))
        hasAttachments = !attached.isEmpty
        self.notAttached = Self.list(notAttached.map { "\($0.name) (\(Self.megabytes($0.bytes.count)))" })
        hasNotAttached = !notAttached.isEmpty
        self.limit = Self.megabytes(limit)
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// Decimal units, as mail servers state their limits: `17.6 MB`, `49 kB`, `365 bytes`.
    static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return "\((bytes + 500) / 1_000) kB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
