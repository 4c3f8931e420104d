import ARCore
import ARReport
import Foundation
import Testing

/// SQLite end to end through the built binary: import, `run --db`, its errors, and the run history.
@Suite struct SQLiteCommandLineTests {
    let small = BinaryRunner.fixtures.appendingPathComponent("small")

    @Test func importedDatabaseGivesByteIdenticalOutputs() throws {
        let data = try BinaryRunner.cleanSmallFixture()
        let work = data.deletingLastPathComponent()
        let database = work.appendingPathComponent("ar.sqlite").path
        let imported = try BinaryRunner.run(["import", "--data", data.path, "--db", database, "--as-of", "2025-03-31"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("invoices"))
        let fromCSV = work.appendingPathComponent("csv")
        let fromDB = work.appendingPathComponent("db")
        let csvRun = try BinaryRunner.run(
            ["run", "--data", data.path, "--as-of", "2025-03-31", "--out", fromCSV.path, "--formats", "csv", "--no-history"])
        #expect(csvRun.status == 0, "\(csvRun.stderr)")
        let dbRun = try BinaryRunner.run(
            ["run", "--db", database, "--as-of", "2025-03-31", "--out", fromDB.path, "--formats", "csv", "--no-history"])
        #expect(dbRun.status == 0, "\(dbRun.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: fromCSV.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files.contains("kpis.csv") && files.contains("trend.csv") && files.contains("aging_summary.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fromDB.path).filter { $0.hasSuffix(".csv") }.sorted() == files)
        for file in files {
            let expected = try Data(contentsOf: fromCSV.appendingPathComponent(file))
            let actual = try Data(contentsOf: fromDB.appendingPathComponent(file))
            #expect(actual == expected, "\(file) differs between --data and --db")
        }
        // The aging command reads the database too.
        let aging = try BinaryRunner.run(["aging", "--db", database, "--as-of", "2025-03-31", "--format", "csv"])
        #expect(aging.status == 0)
        let agingCSV = try BinaryRunner.run(["aging", "--data", data.path, "--as-of", "2025-03-31", "--format", "csv"])
        #expect(aging.stdout == agingCSV.stdout)
    }

    @Test func importListsRejectsAndLeavesThemOut() throws {
        let database = try BinaryRunner.temporaryFolder().appendingPathComponent("ar.sqlite").path
        let result = try BinaryRunner.run(["import", "--data", small.path, "--db", database, "--as-of", "2025-03-31"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rejected rows (not imported): 14"))
        #expect(result.stdout.contains("customers.csv:9: column credit_limit: bad_number"))
        let out = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("report")
        let run = try BinaryRunner.run(["run", "--db", database, "--as-of", "2025-03-31", "--out", out.path, "--formats", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" 0 rejected"))
    }

    @Test func rejectsFromATableNameTheTableAndRow() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let database = folder.appendingPathComponent("ar.sqlite").path
        try sqlite(database, """
            CREATE TABLE invoices (invoice_id TEXT, customer_id TEXT, issue_date TEXT, amount TEXT);
            INSERT INTO invoices VALUES ('I1', 'C1', '2025-01-10', '10.00'), ('I2', 'C1', 'someday', '5.00');
            """)
        let out = folder.appendingPathComponent("report")
        let run = try BinaryRunner.run(["run", "--db", database, "--as-of", "2025-03-31", "--out", out.path, "--formats", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let rejects = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
        #expect(rejects.split(separator: "\n").dropFirst().first?.hasPrefix("invoices,2,issue_date,bad_date,") == true)
        // The run was recorded beside the output folder.
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("history.sqlite").path))
    }

    @Test func databaseErrorsAreOneLineWithTheirOwnStatus() throws {
        let folder = try BinaryRunner.temporaryFolder()
        func run(_ arguments: [String]) throws -> BinaryRunner.Outcome {
            try BinaryRunner.run(arguments + ["--as-of", "2025-03-31", "--out", folder.appendingPathComponent("out").path])
        }
        let missing = try run(["run", "--db", "/nonexistent/ar.sqlite"])
        #expect(missing.status == 80)
        #expect(missing.stderr == "arreport: /nonexistent/ar.sqlite: database file not found\n")

        let text = folder.appendingPathComponent("text.sqlite").path
        try String(repeating: "invoice_id,customer_id,issue_date,amount\n", count: 50).write(
            toFile: text, atomically: true, encoding: .utf8)
        let notDatabase = try run(["run", "--db", text])
        #expect(notDatabase.status == 81)
        #expect(notDatabase.stderr.hasPrefix("arreport: \(text): not a SQLite database: "))
        #expect(notDatabase.stderr.split(separator: "\n").count == 1)

        let noInvoices = folder.appendingPathComponent("empty.sqlite").path
        try sqlite(noInvoices, "CREATE TABLE customers (customer_id TEXT);")
        let missingTable = try run(["run", "--db", noInvoices])
        #expect(missingTable.status == 82)
        #expect(missingTable.stderr == "arreport: \(noInvoices): missing table 'invoices'\n")

        let noAmount = folder.appendingPathComponent("noamount.sqlite").path
        try sqlite(noAmount, "CREATE TABLE invoices (invoice_id TEXT, customer_id TEXT, issue_date TEXT);")
        let missingColumn = try BinaryRunner.run(["kpis", "--db", noAmount, "--as-of", "2025-03-31"])
        #expect(missingColumn.status == 83)
        #expect(missingColumn.stderr == "arreport: \(noAmount): table 'invoices' lacks required column 'amount'\n")

        let config = folder.appendingPathComponent("ar.yml")
        try "sqlite:\n  path: \(noAmount)\n  queries:\n    invoices: \"SELEC invoice_id FROM invoices\"\n".write(
            to: config, atomically: true, encoding: .utf8)
        let badQuery = try run(["run", "--config", config.path])
        #expect(badQuery.status == 84)
        #expect(badQuery.stderr.hasPrefix("arreport: \(noAmount): query for 'invoices' failed: near \"SELEC\": syntax error"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func everyRunIsRecordedAndHistoryPrintsTheSeries() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let history = folder.appendingPathComponent("runs.sqlite").path
        for asOf in ["2025-03-31", "2025-02-28"] {
            let run = try BinaryRunner.run([
                "run", "--data", small.path, "--as-of", asOf, "--out", folder.appendingPathComponent(asOf).path,
                "--formats", "csv", "--history", history,
            ])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let skipped = try BinaryRunner.run([
            "run", "--data", small.path, "--as-of", "2025-01-31", "--out", folder.appendingPathComponent("x").path,
            "--formats", "csv", "--history", history, "--no-history",
        ])
        #expect(skipped.status == 0)
        let csv = try BinaryRunner.run(["history", "--history", history, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("as_of,run_at,currency,total_ar,current,past_due,over_90,") == true)
        #expect(lines.count == 3)
        #expect(lines.dropFirst().map { $0.prefix(10) } == ["2025-02-28", "2025-03-31"])
        // The 31 March row carries kpis.csv's total AR.
        let kpis = try String(contentsOf: folder.appendingPathComponent("2025-03-31/kpis.csv"), encoding: .utf8)
        let total = kpis.split(separator: "\n").first { $0.hasPrefix("total_ar,") }?.split(separator: ",").last
        #expect(total != nil)
        #expect(lines[2].split(separator: ",")[3] == total!)
        let table = try BinaryRunner.run(["history", "--history", history])
        #expect(table.status == 0)
        #expect(table.stdout.contains("2025-03-31"))
        let missing = try BinaryRunner.run(["history", "--history", folder.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 80)
    }

    @Test func runOutcomeSaysWhatEarlierRecordedRunsSaid() throws {
        // Runs at 28 Feb, 24 Mar and 31 Mar: the 31 March run compares with 24 Mar (T-7) and 28 Feb.
        let folder = try BinaryRunner.temporaryFolder()
        var outcomes: [RunOutcome] = []
        for asOf in ["2025-02-28", "2025-03-24", "2025-03-31"] {
            let settings = try RunOptions(
                data: small.path, asOf: asOf, out: folder.appendingPathComponent(asOf).path, formats: "csv"
            ).resolve(today: CivilCalendar.parseISO("2025-04-01")!)
            #expect(settings.history == folder.appendingPathComponent("history.sqlite").path)
            outcomes.append(try Batch.run(settings, now: Date(timeIntervalSince1970: 1_743_465_600)))
        }
        #expect(outcomes[0].recorded?.weekAgo == nil)
        let last = try #require(outcomes[2].recorded)
        #expect(last.weekAgo.map { Format.date($0.asOf) } == "2025-03-24")
        #expect(last.weekAgo?.totalAR == outcomes[1].kpis.totalAR)
        #expect(last.monthEnd.map { Format.date($0.asOf) } == "2025-02-28")
        #expect(last.monthEnd?.runAt == "2025-04-01T00:00:00Z")
    }

    /// Builds a database with the sqlite3 shell (Debian package sqlite3, installed by scripts/install-deps.sh).
    func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
