import Foundation
import Testing

@testable import ARReport

/// The built binary on the small fixture: report.html, the email files and --formats.
@Suite struct ReportOutputTests {
    static func run(_ extra: [String] = [], config: String? = nil) throws -> (URL, BinaryRunner.Outcome) {
        let dir = try BinaryRunner.temporaryFolder()
        let out = dir.appendingPathComponent("report")
        let data = BinaryRunner.fixtures.appendingPathComponent("small").path
        var arguments = ["run", "--data", data, "--as-of", "2025-03-31", "--out", out.path] + extra
        if let config {
            let file = dir.appendingPathComponent("ar.yml")
            try config.write(to: file, atomically: true, encoding: .utf8)
            arguments += ["--config", file.path]
        }
        return (out, try BinaryRunner.run(arguments))
    }

    @Test func scriptCustomerIsInertInTheHTMLAndTheEmail() throws {
        let (out, result) = try Self.run()
        #expect(result.status == 0, "\(result.stderr)")
        for file in ["report.html", "email.html"] {
            let html = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(file) lacks the escaped name")
            #expect(!html.lowercased().contains("<script"), "\(file) holds a script tag")
            // Names with quotes and ampersands are escaped as well.
            #expect(html.contains("Smith, Jones &amp; &quot;Co&quot;"))
        }
        let text = try String(contentsOf: out.appendingPathComponent("email.txt"), encoding: .utf8)
        #expect(text.contains("<script>alert(1)</script> (C5)"), "plain text is not HTML-escaped")
    }

    @Test func reportHTMLIsSelfContained() throws {
        let (out, _) = try Self.run()
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link "))
        #expect(!html.contains("src=\"http"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 5)
        #expect(html.contains("3,447.14"))
        #expect(html.contains("Tokyo KK"))
        // Every reject reason is in the data-quality section.
        #expect(html.contains("resolved_before_opened"))
    }

    @Test func formatsCSVWritesNoPagesAndHTMLWritesNoCSV() throws {
        let (csvOut, csvResult) = try Self.run(["--formats", "csv"])
        #expect(csvResult.status == 0, "\(csvResult.stderr)")
        let csvFiles = try FileManager.default.contentsOfDirectory(atPath: csvOut.path)
        #expect(csvFiles.contains("kpis.csv"))
        #expect(!csvFiles.contains { $0.hasSuffix(".html") || $0.hasSuffix(".eml") || $0.hasSuffix(".png") })

        let (htmlOut, htmlResult) = try Self.run(["--formats", "html"])
        #expect(htmlResult.status == 0, "\(htmlResult.stderr)")
        let htmlFiles = Set(try FileManager.default.contentsOfDirectory(atPath: htmlOut.path))
        #expect(htmlFiles.contains("report.html"))
        #expect(!htmlFiles.contains("email.eml"))
        #expect(!htmlFiles.contains { $0.hasSuffix(".csv") })

        let (_, bad) = try Self.run(["--formats", "csv,xls"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown format 'xls'"))
    }

    @Test("files over the email's attachment limit stay in the output folder and the email names them")
    func attachmentsOverTheLimitAreNamedNotAttached() throws {
        // kpis.csv is 365 bytes, aging_summary.csv 484 and board_pack.pdf about 49 kB: with a limit
        // of 600 bytes only kpis.csv fits (365 + 484 > 600).
        let (out, result) = try Self.run(config: "email:\n  max_attachments_mb: 0.0006\n")
        #expect(result.status == 0, "\(result.stderr)")
        let eml = try String(contentsOf: out.appendingPathComponent("email.eml"), encoding: .utf8)
        let attached = eml.components(separatedBy: "Content-Disposition: attachment; filename=\"").dropFirst()
            .map { $0.prefix { $0 != "\"" } }
        #expect(attached == ["kpis.csv"])
        let text = try String(contentsOf: out.appendingPathComponent("email.txt"), encoding: .utf8)
        #expect(text.contains("Attached: kpis.csv."))
        #expect(
            text.contains(
                "Not attached, over the 600 bytes limit for attachments: aging_summary.csv (484 bytes) and board_pack.pdf ("))
        let html = try String(contentsOf: out.appendingPathComponent("email.html"), encoding: .utf8)
        #expect(html.contains("Not attached, over the 600 bytes limit for attachments: aging_summary.csv (484 bytes)"))
        // The files themselves are written as usual.
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("board_pack.pdf").path))

        // The default limit (10 MB) attaches all three; a limit that is not a size is refused.
        let (defaultOut, _) = try Self.run()
        let all = try String(contentsOf: defaultOut.appendingPathComponent("email.txt"), encoding: .utf8)
        #expect(all.contains("Attached: kpis.csv, aging_summary.csv and board_pack.pdf."))
        #expect(!all.contains("Not attached"))
        let (_, bad) = try Self.run(config: "email:\n  max_attachments_mb: -1\n")
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("email.max_attachments_mb: must be 0 to 1000 (MB), not -1.0"))
    }

    @Test func emlParsesBackWithItsStructureHeadersAndAttachments() throws {
        let config = """
            email:
              from: "AR Team <ar@example.com>"
              to: [controller@example.com, cfo@example.com]
              cc: [audit@example.com]
            """
        let (out, result) = try Self.run(config: config)
        #expect(result.status == 0, "\(result.stderr)")
        let eml = try Data(contentsOf: out.appendingPathComponent("email.eml"))
        // Every line ends in CRLF and none is longer than 998 characters (RFC 5322 2.1.1).
        let text = String(decoding: eml, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })

        let script = """
            import email, json, sys
            from email import policy
            msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
            def tree(part):
                if part.is_multipart():
                    return {part.get_content_type(): [tree(p) for p in part.iter_parts()]}
                return part.get_content_type()
            parts = {}
            for part in msg.walk():
                if part.is_multipart():
                    continue
                name = part.get_filename() or part.get_content_type()
                parts[name] = {
                    'cid': part.get('Content-ID'), 'disposition': part.get_content_disposition(),
                    'bytes': part.get_payload(decode=True).hex(),
                }
            html = msg.get_body(preferencelist=('html',)).get_content().replace('\\r\\n', '\\n')
            plain = msg.get_body(preferencelist=('plain',)).get_content().replace('\\r\\n', '\\n')
            print(json.dumps({
                'tree': tree(msg), 'from': msg['From'], 'to': msg['To'], 'cc': msg['Cc'], 'subject': msg['Subject'],
                'date': msg['Date'], 'message_id': msg['Message-ID'], 'mime': msg['MIME-Version'],
                'defects': [str(d) for p in msg.walk() for d in p.defects], 'parts': parts, 'html': html, 'plain': plain,
            }))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, out.appendingPathComponent("email.eml").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])

        #expect(json["from"] as? String == "AR Team <ar@example.com>")
        #expect(json["to"] as? String == "controller@example.com, cfo@example.com")
        #expect(json["cc"] as? String == "audit@example.com")
        #expect(json["subject"] as? String == "AR report 2025-03-31: AR $3,447.14, DSO 67.6, CEI 39.0%, >90d 14.5%")
        #expect(json["mime"] as? String == "1.0")
        #expect((json["message_id"] as? String)?.hasPrefix("<arreport.2025-03-31.") == true)
        #expect((json["date"] as? String)?.hasSuffix("+0000") == true)
        #expect((json["defects"] as? [String])?.isEmpty == true)

        // mixed > (related > (alternative > plain, html), inline PNGs), attachments.
        let tree = try #require(json["tree"] as? [String: Any])
        let mixed = try #require(tree["multipart/mixed"] as? [Any])
        let related = try #require((mixed.first as? [String: Any])?["multipart/related"] as? [Any])
        let alternative = try #require((related.first as? [String: Any])?["multipart/alternative"] as? [String])
        #expect(alternative == ["text/plain", "text/html"])
        #expect(related.dropFirst().allSatisfy { $0 as? String == "image/png" })
        #expect(related.count == 3)
        // The board pack is attached when the run produced one.
        let boardPack = FileManager.default.fileExists(atPath: out.appendingPathComponent("board_pack.pdf").path)
        #expect(
            mixed.dropFirst().compactMap { $0 as? String }
                == ["text/csv", "text/csv"] + (boardPack ? ["application/pdf"] : []))

        let parts = try #require(json["parts"] as? [String: [String: Any]])
        for file in ["kpis.csv", "aging_summary.csv"] + (boardPack ? ["board_pack.pdf"] : []) {
            let part = try #require(parts[file])
            let bytes = try Data(contentsOf: out.appendingPathComponent(file))
            #expect(part["bytes"] as? String == bytes.map { String(format: "%02x", $0) }.joined(), "\(file) differs")
            #expect(part["disposition"] as? String == "attachment")
        }
        // Every cid: the HTML names is an inline part, with the same bytes as the PNG in the folder.
        let html = try #require(json["html"] as? String)
        let cids = html.components(separatedBy: "cid:").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(cids.count == 2)
        for cid in cids {
            let part = parts.values.first { ($0["cid"] as? String) == "<\(cid)>" }
            #expect(part != nil, "no part for cid:\(cid)")
            #expect(part?["disposition"] as? String == "inline")
        }
        let aging = try #require(parts["chart_aging.png"])
        let png = try Data(contentsOf: out.appendingPathComponent("chart_aging.png"))
        #expect(aging["bytes"] as? String == png.map { String(format: "%02x", $0) }.joined())
        // The HTML and text parts decode to the files written beside the message.
        #expect(html == (try String(contentsOf: out.appendingPathComponent("email.html"), encoding: .utf8)))
        let plain = try #require(json["plain"] as? String)
        #expect(plain == (try String(contentsOf: out.appendingPathComponent("email.txt"), encoding: .utf8)))
    }

    @Test func mimeEncodingsKeepTheirLimits() {
        // Non-ASCII subjects become RFC 2047 encoded words of at most 75 characters.
        let words = MIMEEncoding.encodedWords("AR report 2025-12-31: AR €10.85M, DSO 70.2 — Zürich, Tōkyō and more text")
        #expect(words.hasPrefix("=?UTF-8?B?"))
        #expect(words.split(separator: " ").allSatisfy { $0.count <= 75 })
        #expect(MIMEEncoding.encodedWords("plain ASCII") == "plain ASCII")
        // Quoted-printable: lines within 76 characters, '=' and non-ASCII encoded, trailing blanks kept.
        let qp = String(decoding: MIMEEncoding.quotedPrintable(Array((String(repeating: "é=x ", count: 60) + " \nend").utf8)), as: UTF8.self)
        #expect(qp.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(qp.contains("=C3=A9=3D"))
        #expect(qp.contains("=20\r\nend"))
        // Base64: 76-character lines.
        let b64 = String(decoding: MIMEEncoding.base64Lines([UInt8](repeating: 7, count: 200)), as: UTF8.self)
        #expect(b64.components(separatedBy: "\r\n").dropLast().allSatisfy { $0.count <= 76 })
        #expect(MIMEEncoding.rfc5322Date(Date(timeIntervalSince1970: 1_767_175_200)) == "Wed, 31 Dec 2025 10:00:00 +0000")
    }

    @Test func unknownEmailKeyIsAConfigError() throws {
        let (_, result) = try Self.run(config: "email:\n  form: a@b.c\n")
        #expect(result.status == 78)
        #expect(result.stderr.contains("unknown key 'email.form'"))
    }
}
