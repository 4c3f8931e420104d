import Foundation
import Testing

@testable import ARReport

/// Templates are the user's: every key is checked against the model before rendering, and an
/// error names the template, the line and the key.
@Suite struct TemplateTests {
    func check(_ text: String) -> TemplateError? {
        do {
            try TemplateChecker.check(text, template: "templates/report.html", model: ReportModel())
            return nil
        } catch {
            return error
        }
    }

    @Test func theProjectTemplatesUseOnlyKnownKeys() throws {
        for name in ReportTemplates.names {
            let url = BinaryRunner.packageRoot.appendingPathComponent("templates/\(name)")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(check(text) == nil, "\(name): \(check(text)?.description ?? "")")
        }
    }

    @Test func embeddedCopiesMatchTheTemplatesFolder() throws {
        // Run scripts/embed-templates.sh after editing a template.
        for name in ReportTemplates.names {
            let url = BinaryRunner.packageRoot.appendingPathComponent("templates/\(name)")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(EmbeddedTemplates.all[name]?.text == text, "\(name): run scripts/embed-templates.sh")
        }
    }

    @Test func unknownKeyNamesTemplateLineAndKey() {
        let error = check("<h1>{{title}}</h1>\n<p>\n{{totl_ar}}</p>")
        #expect(error?.description == "templates/report.html:3: unknown key 'totl_ar'")
    }

    @Test func unknownKeyInsideASectionIsFound() {
        // `label` exists on a bucket; `lable` does not, and `asOf` is found up the context stack.
        let text = "{{#aging.buckets}}\n{{label}} {{asOf}}\n{{lable}}\n{{/aging.buckets}}"
        #expect(check(text)?.description == "templates/report.html:3: unknown key 'lable' (in section 'aging.buckets')")
        #expect(check("{{#headline}}{{versusWeek.delta}}{{versusWeek.dleta}}{{/headline}}")?.line == 1)
        #expect(check("{{#headline}}{{#versusWeek}}{{arrow}}{{/versusWeek}}{{/headline}}") == nil)
    }

    @Test func dottedNamesResolveThroughTheModel() {
        #expect(check("{{aging.total}} {{charts.aging.cid}} {{{charts.trend.svg}}}") == nil)
        #expect(check("{{aging.totl}}")?.message == "unknown key 'aging.totl'")
        // A leading dot looks only in the innermost context: asOf is not a bucket's key.
        #expect(check("{{#aging.buckets}}{{.asOf}}{{/aging.buckets}}") != nil)
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect(
            check("a\n{{#headline}}\n{{label}}\n")?.description
                == "templates/report.html:2: section 'headline' is never closed")
        #expect(
            check("{{#headline}}\n{{/balances}}")?.description
                == "templates/report.html:2: closing tag 'balances' does not match section 'headline' opened on line 1")
        #expect(check("x\n\n{{title")?.line == 3)
    }

    @Test func aSectionOverTextIsRejected() {
        // swift-mustache renders a section over an empty string: a flag must be used instead.
        #expect(check("{{#currency}}x{{/currency}}")?.message.contains("always renders") == true)
    }

    @Test func badTemplateIsExit78NamingTemplateLineAndKey() throws {
        let dir = try BinaryRunner.temporaryFolder()
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for name in ReportTemplates.names {
            let source = BinaryRunner.packageRoot.appendingPathComponent("templates/\(name)")
            try FileManager.default.copyItem(at: source, to: templates.appendingPathComponent(name))
        }
        let report = templates.appendingPathComponent("report.html")
        var lines = try String(contentsOf: report, encoding: .utf8).components(separatedBy: "\n")
        lines[11] = "<p>{{totl_ar}}</p>"
        try lines.joined(separator: "\n").write(to: report, atomically: true, encoding: .utf8)
        // The templates are checked before any row is read (while the big files start being
        // hashed): their error comes first, whatever is wrong with the data too.
        let empty = dir.appendingPathComponent("no-invoices")
        let badCustomers = dir.appendingPathComponent("bad-customers")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: badCustomers, withIntermediateDirectories: true)
        try "name\nAcme\n".write(
            to: badCustomers.appendingPathComponent("customers.csv"), atomically: true, encoding: .utf8)
        try "invoice_id,customer_id,issue_date,amount\nI1,C1,2025-01-01,1.00\n".write(
            to: badCustomers.appendingPathComponent("invoices.csv"), atomically: true, encoding: .utf8)
        let folders = [
            BinaryRunner.fixtures.appendingPathComponent("small").path, dir.appendingPathComponent("missing").path,
            empty.path, badCustomers.path,
        ]
        for data in folders {
            let out = dir.appendingPathComponent("out")
            let result = try BinaryRunner.run(
                ["run", "--data", data, "--as-of", "2025-03-31", "--out", out.path, "--templates", "templates"],
                in: dir)
            #expect(result.status == 78, "\(data)")
            #expect(result.stderr == "arreport: templates/report.html:12: unknown key 'totl_ar'\n", "\(data)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        // The other sources check them first too: a SQLite file and a profiled export, both missing.
        let profile = BinaryRunner.packageRoot.appendingPathComponent("profiles/ibm.yml").path
        let sources = [
            ["--db", dir.appendingPathComponent("missing.sqlite").path],
            ["--data", dir.appendingPathComponent("missing.csv").path, "--profile", profile],
        ]
        for source in sources {
            let out = dir.appendingPathComponent("out")
            let result = try BinaryRunner.run(
                ["run"] + source + ["--as-of", "2025-03-31", "--out", out.path, "--templates", "templates"], in: dir)
            #expect(result.status == 78, "\(source)")
            #expect(result.stderr == "arreport: templates/report.html:12: unknown key 'totl_ar'\n", "\(source)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }
}
