import ARCore
import Foundation
import PostgresTestSupport
import Testing

/// PostgreSQL end to end through the built binary, against the real test server
/// (scripts/start-postgres.sh): the same fixture through CSV, SQLite and PostgreSQL gives
/// byte-identical outputs, and every database error is one line with its own status.
@Suite struct PostgresCommandLineTests {
    /// The canonical tables with the column types an AR system would use (not all text), so
    /// the run reads numeric, date, integer and char values from PostgreSQL's binary format.
    static let typedSchema = """
        CREATE TABLE customers (customer_id text PRIMARY KEY, name text, segment text, region text, currency char(3),
          credit_limit numeric(14,2), terms_days integer);
        CREATE TABLE invoices (invoice_id varchar(20) PRIMARY KEY, customer_id text, issue_date date, due_date date,
          amount numeric(14,2), currency char(3));
        CREATE TABLE payments (payment_id text, customer_id text, invoice_id text, date date, amount numeric(14,2),
          currency char(3), method text);
        CREATE TABLE credit_notes (credit_id text, customer_id text, invoice_id text, date date, amount numeric(14,2), reason text);
        CREATE TABLE disputes (invoice_id text, opened date, resolved date, reason text);
        CREATE TABLE fx_rates (date date, currency char(3), rate numeric(12,6))
        """

    /// Copies every file of a canonical folder into the schema's typed tables.
    static func copy(folder: URL, into schema: TestSchema) async throws {
        for file in DataFolderLoader.fileOrder {
            let path = folder.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let reader = try CSVFileReader(path: path)
            var rows: [[String]] = []
            try reader.forEachRow { row in
                rows.append(reader.header.indices.map { row.string($0) })
                return true
            }
            try await schema.insert(String(file.dropLast(4)), header: reader.header, rows: rows)
        }
    }

    @Test func csvSQLiteAndPostgresGiveByteIdenticalOutputs() async throws {
        let data = try BinaryRunner.cleanSmallFixture()
        let work = data.deletingLastPathComponent()
        try await TestPostgres.withSchema { schema in
            try await schema.execute(Self.typedSchema)
            try await Self.copy(folder: data, into: schema)
            // Numbers come back from PostgreSQL's numeric(14,2): yen as 150000.00.
            #expect(
                try await schema.rows("SELECT amount::text FROM invoices WHERE currency = 'JPY'") == [["150000.00"]])

            let database = work.appendingPathComponent("ar.sqlite").path
            let imported = try BinaryRunner.run([
                "import", "--data", data.path, "--db", database, "--as-of", "2025-03-31",
            ])
            #expect(imported.status == 0, "\(imported.stderr)")
            let sources = [
                ("csv", ["--data", data.path]), ("sqlite", ["--db", database]), ("postgres", ["--pg", schema.url]),
            ]
            for (name, source) in sources {
                let run = try BinaryRunner.run(
                    ["run"] + source + [
                        "--as-of", "2025-03-31", "--out", work.appendingPathComponent(name).path, "--formats", "csv",
                        "--no-history",
                    ])
                #expect(run.status == 0, "\(name): \(run.stderr)")
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("csv").path)
                .filter { $0.hasSuffix(".csv") }.sorted()
            #expect(files.count >= 10 && files.contains("kpis.csv") && files.contains("aging_detail.csv"))
            for name in ["sqlite", "postgres"] {
                let folder = work.appendingPathComponent(name)
                #expect(
                    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
                        .sorted() == files)
                for file in files {
                    let expected = try Data(contentsOf: work.appendingPathComponent("csv").appendingPathComponent(file))
                    let actual = try Data(contentsOf: folder.appendingPathComponent(file))
                    #expect(actual == expected, "\(file) differs between --data and \(name)")
                }
            }
            // run.json names the tables on the server, without the password.
            let manifest = try String(contentsOf: work.appendingPathComponent("postgres/run.json"), encoding: .utf8)
            #expect(manifest.contains("arreport_test:invoices"))
            #expect(!manifest.contains("arreport:arreport@"))
            // The analyst commands read it too.
            let kpis = try BinaryRunner.run(["kpis", "--pg", schema.url, "--as-of", "2025-03-31", "--format", "csv"])
            let kpisCSV = try BinaryRunner.run([
                "kpis", "--data", data.path, "--as-of", "2025-03-31", "--format", "csv",
            ])
            #expect(kpis.status == 0, "\(kpis.stderr)")
            #expect(kpis.stdout == kpisCSV.stdout)
        }
    }

    @Test func configQueriesAndPasswordFromTheEnvironment() async throws {
        let folder = try BinaryRunner.temporaryFolder()
        try await TestPostgres.withSchema { schema in
            try await schema.execute(
                """
                CREATE TABLE open_items (doc text, cust text, posted date, gross numeric(14,2));
                INSERT INTO open_items VALUES ('D1', 'C9', '2025-03-01', 10.00), ('D2', 'C9', 'infinity', 20.00)
                """)
            var parts = URLComponents(string: schema.url)!
            let password = parts.password!
            parts.password = nil
            let config = folder.appendingPathComponent("ar.yml")
            try """
            postgres:
              url: "\(parts.string!)"
              queries:
                invoices: SELECT doc AS invoice_id, cust AS customer_id, posted AS issue_date, gross AS amount FROM open_items
            """.write(to: config, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("report")
            let run = try BinaryRunner.run(
                ["run", "--config", config.path, "--as-of", "2025-03-31", "--out", out.path, "--formats", "csv"],
                environment: ["PGPASSWORD": password])
            #expect(run.status == 0, "\(run.stderr)")
            // The infinite date is rejected, naming the query's table and row.
            let rejects = try String(contentsOf: out.appendingPathComponent("rejects.csv"), encoding: .utf8)
            #expect(
                rejects.split(separator: "\n").dropFirst().first?.hasPrefix("invoices,2,issue_date,bad_date,") == true)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("history.sqlite").path))

            // Without the password the server refuses: exit 86, one line.
            let refused = try BinaryRunner.run(
                ["kpis", "--config", config.path, "--as-of", "2025-03-31"],
                environment: ["PGPASSWORD": "", "HOME": folder.path])
            #expect(refused.status == 86)
            #expect(refused.stderr.hasPrefix("arreport: postgresql://"))
            #expect(
                refused.stderr.hasSuffix(
                    "authentication failed: the server asks for a password: set PGPASSWORD or add it to ~/.pgpass\n"))

            // A password in the config file is refused before connecting.
            try "postgres:\n  url: \"\(schema.url)\"\n".write(to: config, atomically: true, encoding: .utf8)
            let secret = try BinaryRunner.run(["kpis", "--config", config.path])
            #expect(secret.status == 78)
            #expect(secret.stderr.contains("postgres.url must not hold a password"))
            // So is one that cannot be read (it might hold one), without echoing it.
            try "postgres:\n  url: \"postgresql://ar:p w@db/x\"\n".write(to: config, atomically: true, encoding: .utf8)
            let unreadable = try BinaryRunner.run(["kpis", "--config", config.path])
            #expect(unreadable.status == 78)
            #expect(unreadable.stderr.contains("postgres.url"))
            #expect(!unreadable.stderr.contains("p w"))
        }
    }

    @Test func databaseErrorsAreOneLineWithTheirOwnStatus() async throws {
        let folder = try BinaryRunner.temporaryFolder()
        let out = folder.appendingPathComponent("out")
        func run(_ url: String) throws -> BinaryRunner.Outcome {
            try BinaryRunner.run(["run", "--pg", url, "--as-of", "2025-03-31", "--out", out.path])
        }
        var parts = TestPostgres.components
        let host = parts.host!
        parts.port = 1
        let refused = try run(parts.string!)
        #expect(refused.status == 85)
        #expect(refused.stderr.hasSuffix(": cannot connect: connection refused: is the server running on \(host):1?\n"))
        #expect(refused.stderr.split(separator: "\n").count == 1)

        parts = TestPostgres.components
        parts.password = "wrong"
        let wrong = try run(parts.string!)
        #expect(wrong.status == 86)
        #expect(wrong.stderr.contains("authentication failed: password authentication failed for user"))
        #expect(!wrong.stderr.contains("wrong"))

        parts = TestPostgres.components
        parts.path = "/no_such_db"
        let noDatabase = try run(parts.string!)
        #expect(noDatabase.status == 80)
        #expect(noDatabase.stderr.hasSuffix("/no_such_db: database does not exist\n"))

        try await TestPostgres.withSchema { schema in
            let missingTable = try run(schema.url)
            #expect(missingTable.status == 82)
            #expect(missingTable.stderr.hasSuffix(": missing table 'invoices'\n"))
            try await schema.execute("CREATE TABLE invoices (invoice_id text, customer_id text, amount numeric)")
            let missingColumn = try run(schema.url)
            #expect(missingColumn.status == 83)
            #expect(missingColumn.stderr.hasSuffix(": table 'invoices' lacks required column 'issue_date'\n"))
        }
        let badURL = try run("postgresql://db:port/x")
        #expect(badURL.status == 64)
        let twoSources = try BinaryRunner.run(["kpis", "--pg", TestPostgres.url, "--data", folder.path])
        #expect(twoSources.status == 64)
        #expect(twoSources.stderr.contains("are 2 sources: give one"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
