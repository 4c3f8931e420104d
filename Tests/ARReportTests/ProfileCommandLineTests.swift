import Foundation
import Testing

/// `--profile` end to end: the built binary on the real IBM export in ../shared/data
/// (skipped when absent) and on tiny exports for the error paths.
@Suite struct ProfileCommandLineTests {
    static let ibm = BinaryRunner.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/ibm_accounts_receivable.csv")
    static let profiles = BinaryRunner.packageRoot.appendingPathComponent("profiles")

    @Test func ibmRunsThroughItsProfileByName() throws {
        guard FileManager.default.fileExists(atPath: Self.ibm.path) else { return }
        let out = try BinaryRunner.temporaryFolder().appendingPathComponent("report")
        // `--profile ibm` finds profiles/ibm.yml under the current directory.
        let result = try BinaryRunner.run(
            ["run", "--data", Self.ibm.path, "--profile", "ibm", "--as-of", "2013-06-30", "--out", out.path],
            in: BinaryRunner.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2466 rows read, 0 rejected"))
        let kpis = try String(contentsOf: out.appendingPathComponent("kpis.csv"), encoding: .utf8)
        #expect(kpis.contains("total_ar,5119.85\n"))
        #expect(kpis.contains("dso,23.15\n"))
        let manifest = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(manifest.contains("\"file\" : \"ibm_accounts_receivable.csv\""))
        #expect(manifest.contains("f5d488eaa4c1cc843b478b6f1068c553c5394aab4b64d587e4b9ad811d845c19"))
        #expect(manifest.contains("\"profile\" : \"ibm\""))
    }

    @Test func kpisGroupByPaperlessComparesDaysToPay() throws {
        guard FileManager.default.fileExists(atPath: Self.ibm.path) else { return }
        let result = try BinaryRunner.run([
            "kpis", "--data", Self.ibm.path, "--profile", Self.profiles.appendingPathComponent("ibm.yml").path,
            "--as-of", "2013-12-31", "--group-by", "paperless", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "paperless,invoices,total_ar,past_due,settled_invoices,settled_amount,avg_days_to_pay,avg_days_late")
        #expect(lines.contains("Electronic,1203,727.68,521.43,923,55483.74,23.39,2.39"))
        #expect(lines.contains("Paper,1263,34.22,34.22,352,21118.53,31.31,5.66"))
    }

    @Test func aProfileNamingAMissingColumnIsOneLineWithItsOwnStatus() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let data = folder.appendingPathComponent("export.csv")
        try "invoiceNumber,customerID,InvoiceDate,InvoiceAmount\n1,C1,1/2/2013,5.00\n".write(
            to: data, atomically: true, encoding: .utf8)
        let profile = folder.appendingPathComponent("ibm.yml")
        try """
        shape: canonical
        date_format: M/D/YYYY
        fields: {customer_id: customerID, invoice_id: invoiceNumbr, issue_date: InvoiceDate, amount: InvoiceAmount}
        """.write(to: profile, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run([
            "run", "--data", data.path, "--profile", profile.path, "--as-of", "2013-06-30", "--out",
            folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 79)
        #expect(
            result.stderr
                == "arreport: \(data.path):1: profile 'ibm' maps invoice_id to column 'invoiceNumbr', which the file lacks\n"
        )
    }

    @Test func aMalformedProfileIsExit78NamingFileAndKey() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let data = folder.appendingPathComponent("export.csv")
        try "id,c,d,a\n1,C1,2013-01-02,5.00\n".write(to: data, atomically: true, encoding: .utf8)
        let profile = folder.appendingPathComponent("p.yml")
        try "shape: open_item\nfields: {customer_id: c, invoice_id: id, issue_date: d, amount: a}\n".write(
            to: profile, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run([
            "kpis", "--data", data.path, "--profile", profile.path, "--as-of", "2013-06-30",
        ])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("arreport: \(profile.path): bad profile: shape: 'open_item' is not one of"))
    }

    @Test func openItemsSayHistoryMetricsCannotBeComputed() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let data = folder.appendingPathComponent("open.csv")
        try "cust,doc,posted,due,open\nC1,D1,2025-03-01,2025-03-31,100.00\nC2,D2,2025-01-01,2025-01-31,50.00\n".write(
            to: data, atomically: true, encoding: .utf8)
        let profile = folder.appendingPathComponent("snapshot.yml")
        try """
        shape: open_items
        fields: {customer_id: cust, invoice_id: doc, issue_date: posted, due_date: due, amount: open}
        """.write(to: profile, atomically: true, encoding: .utf8)
        let kpis = try BinaryRunner.run([
            "kpis", "--data", data.path, "--profile", profile.path, "--as-of", "2025-03-31",
        ])
        #expect(kpis.status == 0, "\(kpis.stderr)")
        let lines = kpis.stdout.split(separator: "\n")
        #expect(lines.first { $0.hasPrefix("total_ar ") }?.hasSuffix(" 150.00") == true)
        let dso = lines.first { $0.hasPrefix("dso ") }
        #expect(dso?.hasSuffix("n/a (open-items source: no history)") == true)
        let out = folder.appendingPathComponent("out")
        let run = try BinaryRunner.run([
            "run", "--data", data.path, "--profile", profile.path, "--as-of", "2025-03-31", "--out", out.path,
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("DSO n/a (open-items source: no history)"))
        let csv = try String(contentsOf: out.appendingPathComponent("kpis.csv"), encoding: .utf8)
        #expect(csv.contains("\ndso,\n"))
        #expect(csv.hasSuffix("history_available,false\n"))
    }

    @Test func anFXFileGivesHighradiusDatedCADRates() throws {
        let export = BinaryRunner.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/data/highradius_open_invoices.csv")
        guard FileManager.default.fileExists(atPath: export.path) else { return }
        let folder = try BinaryRunner.temporaryFolder()
        let rates = folder.appendingPathComponent("cad.csv")
        try "date,currency,rate\n2020-02-01,CAD,0.7200\n2020-04-30,CAD,0.7100\n".write(
            to: rates, atomically: true, encoding: .utf8)
        func totalAR(_ asOf: String, fx: Bool) throws -> String {
            let result = try BinaryRunner.run(
                ["kpis", "--data", export.path, "--profile", "highradius", "--as-of", asOf, "--format", "csv"]
                    + (fx ? ["--fx", rates.path] : []),
                in: BinaryRunner.packageRoot)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").first { $0.hasPrefix("total_ar,") }.map(String.init) ?? ""
        }
        // Before 30 April the file's rate is the profile's fixed 0.72: the same AR to the cent.
        #expect(try totalAR("2020-04-15", fx: true) == totalAR("2020-04-15", fx: false))
        // At 31 May the 30 April rate applies: about 44.47M CAD open, one cent lower per dollar.
        #expect(try totalAR("2020-05-31", fx: false) == "total_ar,306785027.13")
        #expect(try totalAR("2020-05-31", fx: true) == "total_ar,306340317.20")
        // A data folder has its own fx_rates.csv.
        let folderRun = try BinaryRunner.run(["kpis", "--data", folder.path, "--fx", rates.path])
        #expect(folderRun.status == 64)
    }
}
