import ARCore
import Crypto
import Foundation

/// Sender and recipients of the weekly email, from the config file's `email:` section.
public struct EmailSettings: Sendable, Equatable {
    public var from: String
    public var to: [String]
    public var cc: [String]
    /// Files are attached in order, each one that still fits within this many bytes in all; a
    /// file that does not fit is skipped (later, smaller ones may still go in), stays in the
    /// output folder and is named by the email (a message over a mail server's
    /// limit is bounced, and the weekly email must arrive).
    public var maxAttachmentBytes: Int

    /// 10 MB: about 13.4 MB once base64-encoded, under the common 20-25 MB server limits.
    public static let defaultMaxAttachmentBytes = 10_000_000

    public init(from: String, to: [String], cc: [String] = [], maxAttachmentBytes: Int = defaultMaxAttachmentBytes) {
        self.from = from
        self.to = to
        self.cc = cc
        self.maxAttachmentBytes = maxAttachmentBytes
    }

    /// Used when the config names none: local mailboxes, to be replaced before sending.
    public static let standard = EmailSettings(from: "arreport@localhost", to: ["ar-report@localhost"])
}

/// One part of a MIME message: a leaf with a body, or a multipart container.
public struct MIMEPart: Sendable {
    public var headers: [(String, String)]
    public var body: [UInt8]
    public var parts: [MIMEPart]
    public var multipartSubtype: String?

    /// UTF-8 text as quoted-printable.
    public static func text(_ text: String, subtype: String) -> MIMEPart {
        MIMEPart(
            headers: [
                ("Content-Type", "text/\(subtype); charset=utf-8"), ("Content-Transfer-Encoding", "quoted-printable"),
            ], body: MIMEEncoding.quotedPrintable(Array(text.utf8)), parts: [], multipartSubtype: nil)
    }

    /// An inline image referenced from the HTML as `cid:<contentID>`.
    public static func inlineImage(_ bytes: [UInt8], type: String, contentID: String, filename: String) -> MIMEPart {
        MIMEPart(
            headers: [
                ("Content-Type", "\(type); name=\"\(filename)\""), ("Content-Transfer-Encoding", "base64"),
                ("Content-ID", "<\(contentID)>"), ("Content-Disposition", "inline; filename=\"\(filename)\""),
            ], body: MIMEEncoding.base64Lines(bytes), parts: [], multipartSubtype: nil)
    }

    /// A file attachment.
    public static func attachment(_ bytes: [UInt8], type: String, filename: String) -> MIMEPart {
        MIMEPart(
            headers: [
                ("Content-Type", "\(type); name=\"\(filename)\""), ("Content-Transfer-Encoding", "base64"),
                ("Content-Disposition", "attachment; filename=\"\(filename)\""),
            ], body: MIMEEncoding.base64Lines(bytes), parts: [], multipartSubtype: nil)
    }

    public static func multipart(_ subtype: String, _ parts: [MIMEPart], extra: String = "") -> MIMEPart {
        MIMEPart(headers: [], body: [], parts: parts, multipartSubtype: subtype + extra)
    }

    /// The part's headers and body, CRLF line ends; `boundarySeed` makes boundaries unique per level.
    func serialized(boundarySeed: String, depth: Int = 0, into out: inout [UInt8]) {
        if let subtype = multipartSubtype {
            // "=_" cannot occur in base64 or quoted-printable text, so the boundary cannot collide with a body.
            let boundary = "=_arreport_\(depth)_\(boundarySeed)"
            MIMEEncoding.header("Content-Type", "multipart/\(subtype); boundary=\"\(boundary)\"", into: &out)
            for (name, value) in headers { MIMEEncoding.header(name, value, into: &out) }
            out += Array("\r\nThis is a multipart message in MIME format.\r\n".utf8)
            for part in parts {
                out += Array("\r\n--\(boundary)\r\n".utf8)
                part.serialized(boundarySeed: boundarySeed, depth: depth + 1, into: &out)
            }
            out += Array("\r\n--\(boundary)--\r\n".utf8)
        } else {
            for (name, value) in headers { MIMEEncoding.header(name, value, into: &out) }
            out += Array("\r\n".utf8)
            out += body
        }
    }
}

/// A complete RFC 5322 message, ready for `sendmail -t < email.eml`.
public struct MIMEMessage: Sendable {
    public var from: String
    public var to: [String]
    public var cc: [String]
    public var subject: String
    public var date: Date
    public var messageID: String
    public var body: MIMEPart

    public init(
        from: String, to: [String], cc: [String], subject: String, date: Date, messageID: String, body: MIMEPart
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.body = body
    }

    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        MIMEEncoding.header("From", MIMEEncoding.address(from), into: &out)
        MIMEEncoding.header("To", to.map(MIMEEncoding.address).joined(separator: ", "), into: &out)
        if !cc.isEmpty { MIMEEncoding.header("Cc", cc.map(MIMEEncoding.address).joined(separator: ", "), into: &out) }
        MIMEEncoding.header("Subject", MIMEEncoding.encodedWords(subject), into: &out)
        MIMEEncoding.header("Date", MIMEEncoding.rfc5322Date(date), into: &out)
        MIMEEncoding.header("Message-ID", "<\(messageID)>", into: &out)
        MIMEEncoding.header("MIME-Version", "1.0", into: &out)
        let digest = SHA256.hash(data: Array((messageID + subject).utf8)).prefix(12)
        let seed = digest.lowercaseHex
        body.serialized(boundarySeed: seed, into: &out)
        return out
    }
}

/// The encodings of RFC 2045 (base64, quoted-printable), RFC 2047 (encoded words) and RFC 5322 (dates, folding).
public enum MIMEEncoding {
    /// Base64 in lines of 76 characters, CRLF after each.
    public static func base64Lines(_ bytes: [UInt8]) -> [UInt8] {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count + encoded.count / 76 * 2 + 2)
        var index = 0
        while index < encoded.count {
            let end = min(index + 76, encoded.count)
            out += encoded[index..<end]
            out += [13, 10]
            index = end
        }
        return out
    }

    /// Quoted-printable (RFC 2045 6.7): lines of at most 76 characters, line ends as CRLF, `=`,
    /// non-ASCII and control bytes as `=XX`, trailing blanks encoded, soft breaks `=` CRLF.
    public static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var lineLength = 0
        func emit(_ token: [UInt8]) {
            if lineLength + token.count > 75 {
                out += [UInt8(ascii: "="), 13, 10]
                lineLength = 0
            }
            out += token
            lineLength += token.count
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                index += 1
                continue
            }
            if byte == 10 {
                out += [13, 10]
                lineLength = 0
                index += 1
                continue
            }
            let atLineEnd = index + 1 == bytes.count || bytes[index + 1] == 10 || bytes[index + 1] == 13
            let literal =
                (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !atLineEnd)
            // A line-leading "." or "From " is safe in QP as is; encoding "." keeps old MTAs from dot-stuffing issues.
            if literal && !(lineLength == 0 && byte == UInt8(ascii: ".")) {
                emit([byte])
            } else {
                emit([UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            }
            index += 1
        }
        return out
    }

    /// The text as is when it is printable ASCII, else RFC 2047 `=?UTF-8?B?...?=` words of at most
    /// 75 characters, split between whole characters and separated by folding whitespace.
    public static func encodedWords(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // 45 bytes of UTF-8 make 60 base64 characters: 12 + 60 = 72 <= 75.
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: " ")
    }

    /// `Name <a@b>` with a non-ASCII display name encoded; a bare address as is.
    static func address(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") else { return trimmed }
        let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        let mailbox = trimmed[open...]
        guard !name.isEmpty else { return String(mailbox) }
        if name.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) {
            let plain = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "." || $0 == "-" }
            let quoted =
                name.hasPrefix("\"")
                ? name : (plain ? name : "\"" + name.replacingOccurrences(of: "\"", with: "\\\"") + "\"")
            return quoted + " " + mailbox
        }
        return encodedWords(name) + " " + mailbox
    }

    /// Writes `Name: value` CRLF, folded at spaces so lines stay within 78 characters where possible.
    static func header(_ name: String, _ value: String, into out: inout [UInt8]) {
        var line = name + ":"
        var lines: [String] = []
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if line.count + 1 + word.count > 78, line.count > name.count + 1 {
                lines.append(line)
                line = " " + word
            } else {
                line += " " + word
            }
        }
        lines.append(line)
        out += Array(lines.joined(separator: "\r\n").utf8)
        out += [13, 10]
    }

    /// `Wed, 31 Dec 2025 09:00:00 +0000` (UTC).
    public static func rfc5322Date(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = CivilCalendar.civil(Day(days))
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday.
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let weekday = weekdays[((days % 7) + 7) % 7]
        return "\(weekday), \(civil.day) \(months[civil.month - 1]) \(civil.year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0000"
    }
}
