import Foundation
import Testing

/// The binary's behaviour at its edges: exit statuses, one-line errors, atomic output,
/// --strict, the config file, and the analyst commands.
@Suite struct CommandLineTests {
    let small = BinaryRunner.fixtures.appendingPathComponent("small")

    /// A data folder with just these files.
    func folder(_ files: [String: String]) throws -> URL {
        let url = try BinaryRunner.temporaryFolder()
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    @Test func missingDataFolderIsExit66WithOneLine() throws {
        let result = try BinaryRunner.run(["run", "--data", "/nonexistent/ar", "--as-of", "2025-03-31"])
        #expect(result.status == 66)
        #expect(result.stderr == "arreport: /nonexistent/ar: file not found\n")
    }

    @Test func missingRequiredColumnIsExit67NamingFileAndColumn() throws {
        let data = try folder(["invoices.csv": "invoice_id,customer_id,issue_date\nI1,C1,2025-01-01\n"])
        let result = try BinaryRunner.run(["run", "--data", data.path, "--as-of", "2025-03-31", "--out", data.appendingPathComponent("out").path])
        #expect(result.status == 67)
        #expect(result.stderr.contains("invoices.csv:1: missing required column 'amount'"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("out").path))
    }

    @Test func binaryFileIsExit68() throws {
        let data = try BinaryRunner.temporaryFolder()
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]).write(to: data.appendingPathComponent("invoices.csv"))
        let result = try BinaryRunner.run(["run", "--data", data.path, "--as-of", "2025-03-31", "--out", data.appendingPathComponent("out").path])
        #expect(result.status == 68)
        #expect(result.stderr.contains("invoices.csv:1: not a CSV file: binary content"))
    }

    @Test func unclosedQuoteIsExit68NamingTheLine() throws {
        let data = try folder(["invoices.csv": "invoice_id,customer_id,issue_date,amount\nI1,C1,2025-01-01,1.00\nI2,\"C2,2025-01-01,1.00\n"])
        let result = try BinaryRunner.run(["run", "--data", data.path, "--as-of", "2025-03-31", "--out", data.appendingPathComponent("out").path])
        #expect(result.status == 68)
        #expect(result.stderr.contains("invoices.csv:3: not a CSV file: a quoted field is never closed"))
    }

    @Test func badAsOfDateIsAUsageError() throws {
        let result = try BinaryRunner.run(["run", "--data", small.path, "--as-of", "2025-02-30"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--as-of '2025-02-30' is not a real YYYY-MM-DD date"))
    }

    @Test func strictRunWithRejectsIsExit65AndWritesNothing() throws {
        let out = try BinaryRunner.temporaryFolder().appendingPathComponent("report")
        let result = try BinaryRunner.run(["run", "--data", small.path, "--as-of", "2025-03-31", "--out", out.path, "--strict"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("14 rejected rows; first: customers.csv:9: column credit_limit: bad_number"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // Nor a staging folder left behind.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(siblings.isEmpty)
    }

    @Test func aFailedRunLeavesThePreviousOutputUntouched() throws {
        let out = try BinaryRunner.temporaryFolder().appendingPathComponent("report")
        #expect(try BinaryRunner.run(["run", "--data", small.path, "--as-of", "2025-03-31", "--out", out.path]).status == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("kpis.csv"))
        let failed = try BinaryRunner.run(["run", "--data", small.path, "--as-of", "2025-03-31", "--out", out.path, "--strict"])
        #expect(failed.status == 65)
        #expect(try Data(contentsOf: out.appendingPathComponent("kpis.csv")) == before)
        // No staging folder left behind; the run history of the first run lives beside the output folder.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(siblings.filter { $0 != "history.sqlite" } == ["report"])
    }

    @Test func aSecondRunReplacesTheFolderWhole() throws {
        let out = try BinaryRunner.temporaryFolder().appendingPathComponent("report")
        #expect(try BinaryRunner.run(["run", "--data", small.path, "--as-of", "2025-03-31", "--out", out.path]).status == 0)
        try "stale".write(to: out.appendingPathComponent("stale.txt"), atomically: true, encoding: .utf8)
        #expect(try BinaryRunner.run(["run", "--data", small.path, "--as-of", "2025-02-28", "--out", out.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("stale.txt").path))
        let kpis = try String(contentsOf: out.appendingPathComponent("kpis.csv"), encoding: .utf8)
        #expect(kpis.contains("as_of,2025-02-28"))
    }

    @Test func defaultOutputFolderIsOutputAsOf() throws {
        let cwd = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.run(["run", "--data", small.path, "--as-of", "2025-03-31"], in: cwd)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: cwd.appendingPathComponent("output/2025-03-31/kpis.csv").path))
    }

    @Test func configFileSetsValuesAndFlagsOverrideIt() throws {
        let dir = try BinaryRunner.temporaryFolder()
        let config = dir.appendingPathComponent("ar.yml")
        try """
            data: \(small.path)
            as_of: 2025-03-31
            dso_days: 30
            buckets: [15, 45]
            out: \(dir.appendingPathComponent("from-config").path)
            """.write(to: config, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["run", "--config", config.path, "--buckets", "30,60"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try String(
            contentsOf: dir.appendingPathComponent("from-config/aging_summary.csv"), encoding: .utf8)
        // The flag's edges win over the config's.
        #expect(summary.hasPrefix("customer_id,name,current,1-30,31-60,61+,total"))
        let manifest = try String(contentsOf: dir.appendingPathComponent("from-config/run.json"), encoding: .utf8)
        #expect(manifest.contains("\"dso_days\" : 30"))
    }

    @Test func configFileWithUnknownKeyIsExit78() throws {
        let dir = try BinaryRunner.temporaryFolder()
        let config = dir.appendingPathComponent("ar.yml")
        try "data: x\ndso_dayz: 30\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["run", "--config", config.path])
        #expect(result.status == 78)
        #expect(result.stderr.contains("unknown key 'dso_dayz'"))
    }

    @Test func agingTableIsAlignedAndTotalled() throws {
        let result = try BinaryRunner.run(["aging", "--data", small.path, "--as-of", "2025-03-31", "--top", "2"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // Largest balance first: C1 1,400.00, then C4 1,005.00; the footer totals those two.
        #expect(lines[2].hasPrefix("C1 ") && lines[2].contains("Acme Corp") && lines[2].contains("1,400.00"))
        #expect(lines[3].hasPrefix("C4 ") && lines[3].contains("Tokyo KK") && lines[3].contains("1,005.00"))
        #expect(lines.last!.hasPrefix("Total"))
        #expect(lines.last!.contains("2,405.00"))
        #expect(Set(lines.map(\.count)).count <= 3)
    }

    @Test func agingFiltersBySegmentAndPrintsCSV() throws {
        let result = try BinaryRunner.run(["aging", "--data", small.path, "--as-of", "2025-03-31", "--segment", "smb", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "customer_id,name,current,1-30,31-60,61-90,91-120,121+,total,unapplied,net_balance",
            "C2,\"Smith, Jones & \"\"Co\"\"\",0.00,0.00,0.00,0.00,400.00,0.00,400.00,110.00,290.00",
            "C5,<script>alert(1)</script>,0.00,0.00,0.00,0.00,0.00,99.99,99.99,10.00,89.99",
        ])
    }

    @Test func kpisForOneCustomerAsJSON() throws {
        let result = try BinaryRunner.run(["kpis", "--data", small.path, "--as-of", "2025-03-31", "--customer", "C1", "--format", "json"])
        #expect(result.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: String]]
        let values = Dictionary(uniqueKeysWithValues: rows.map { ($0["metric"]!, $0["value"]!) })
        // C1 alone: I1 600.00 + I2 800.00 open; unapplied 75 + 100.
        #expect(values["total_ar"] == "1400.00")
        #expect(values["unapplied"] == "175.00")
        #expect(values["customers_with_balance"] == "1")
    }

    @Test func kpisTopListsCustomersByBalance() throws {
        let result = try BinaryRunner.run(["kpis", "--data", small.path, "--as-of", "2025-03-31", "--top", "3", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("C1,Acme Corp,1400.00,600.00,0.00,0.00"))
        #expect(lines[2].hasPrefix("C4,Tokyo KK,1005.00,1005.00,0.00,1005.00"))
    }

    @Test func helpOfEveryCommandHasAnExample() throws {
        for command in ["run", "aging", "kpis", "generate", "demo"] {
            let result = try BinaryRunner.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Example"), "\(command) --help has no example")
        }
    }

    @Test func demoWritesEveryOutput() throws {
        let dir = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.run(["demo", "--data", dir.appendingPathComponent("data").path, "--out", dir.appendingPathComponent("demo").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 rejected"))
        for file in GoldenOutputTests.goldenFiles + ["run.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("demo/\(file)").path))
        }
        // Piped stderr: no progress line.
        #expect(result.stderr.isEmpty)
    }
}
