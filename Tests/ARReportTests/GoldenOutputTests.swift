import Foundation
import Testing

/// The built binary on the small fixture: every output file equals its golden copy.
/// The fixture's figures are worked out by hand in Fixtures/small-golden/README.md.
/// To refresh after an intended change: UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests,
/// then review the diff line by line.
@Suite struct GoldenOutputTests {
    static let goldenFiles = [
        "kpis.csv", "aging_summary.csv", "aging_detail.csv", "trend.csv", "unapplied.csv", "rollforward.csv",
        "rejects.csv", "risk_scores.csv", "worklist.csv", "credit_holds.csv", "forecast.csv", "backtest.csv",
        "allowance.csv", "rollrates.csv",
    ]

    @Test func everyOutputMatchesItsGoldenCopy() throws {
        let out = try BinaryRunner.temporaryFolder().appendingPathComponent("report")
        let data = BinaryRunner.fixtures.appendingPathComponent("small")
        let result = try BinaryRunner.run(["run", "--data", data.path, "--as-of", "2025-03-31", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("48 rows read, 14 rejected"))
        #expect(result.stdout.contains("AR 3,447.14 USD"))

        let golden = BinaryRunner.fixtures.appendingPathComponent("small-golden")
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        for file in Self.goldenFiles {
            let actual = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            let goldenURL = golden.appendingPathComponent(file)
            if update { try actual.write(to: goldenURL, atomically: true, encoding: .utf8) }
            let expected = try String(contentsOf: goldenURL, encoding: .utf8)
            #expect(actual == expected, "\(file) differs from its golden copy")
        }

        let manifest = try normalizedManifest(out.appendingPathComponent("run.json"))
        let goldenManifest = golden.appendingPathComponent("run.json")
        if update {
            let data = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: goldenManifest)
        }
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: goldenManifest)) as! NSDictionary
        #expect(NSDictionary(dictionary: manifest).isEqual(expected), "run.json differs from its golden copy")
    }

    @Test func runJSONHashesTheFilesItWrote() throws {
        let out = try BinaryRunner.temporaryFolder().appendingPathComponent("report")
        let data = BinaryRunner.fixtures.appendingPathComponent("small")
        _ = try BinaryRunner.run(["run", "--data", data.path, "--as-of", "2025-03-31", "--out", out.path])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
        let outputs = (json as! [String: Any])["outputs"] as! [[String: Any]]
        // 14 CSVs, board_pack.pdf, report.html, email.html, email.txt, email.eml and the email's 2 chart PNGs.
        #expect(outputs.count == 21)
        for output in outputs {
            let file = out.appendingPathComponent(output["file"] as! String)
            let bytes = try Data(contentsOf: file)
            #expect(output["bytes"] as? Int == bytes.count)
            #expect(output["sha256"] as? String == sha256sum(file))
        }
        let timings = (json as! [String: Any])["timings_ms"] as! [String: Int]
        #expect(
            Set(timings.keys) == [
                "load", "load_reference", "load_parse", "load_match", "analysis", "write", "reports", "total",
            ])
    }

    /// run.json without what changes between machines and runs (timings, absolute paths, and the hashes
    /// of the rendered pages and images: the email carries its date and Message-ID, and Cairo's
    /// drawings depend on its version and fonts; their content is checked in ReportOutputTests).
    func normalizedManifest(_ url: URL) throws -> [String: Any] {
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        json.removeValue(forKey: "timings_ms")
        json["outputs"] = (json["outputs"] as! [[String: Any]]).map { output in
            var output = output
            let file = output["file"] as! String
            if !file.hasSuffix(".csv") && !file.hasSuffix(".json") {
                output["bytes"] = 0
                output["sha256"] = "<rendered>"
            }
            return output
        }
        var settings = json["settings"] as! [String: Any]
        settings["data"] = "<data>"
        json["settings"] = settings
        json["inputs"] = (json["inputs"] as! [[String: Any]]).map { input in
            var input = input
            input["path"] = (input["path"] as! NSString).lastPathComponent
            return input
        }
        return json
    }

    /// The sha256sum tool's digest, an implementation independent of ours.
    func sha256sum(_ file: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init)
    }
}
