import ARCore
import Foundation
import PostgresTestSupport
import Testing

@testable import ARPostgres

/// Against the real test server (scripts/start-postgres.sh): typed columns to canonical text,
/// rejects naming the table's row, and every connection and table error as one line.
@Suite struct PostgresSourceTests {
    let settings = LoadSettings(asOf: CivilCalendar.parseISO("2025-03-31")!, reportingCurrency: Currency(code: "USD"))

    func load(_ url: String, queries: [String: String] = [:]) throws -> LoadResult {
        try PostgresSource.load(PostgresSourceSettings(url: url, queries: queries), settings: settings)
    }

    /// The error `load` throws, as its one-line text.
    func failure(_ url: String, queries: [String: String] = [:]) -> String {
        do {
            _ = try load(url, queries: queries)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func everyReadableTypeMatchesPostgresOwnText() async throws {
        try await TestPostgres.withSchema { schema in
            try await schema.execute("CREATE TYPE status AS ENUM ('open', 'paid')")
            let values = [
                "12345678.90::numeric(12,2)", "0.00::numeric(12,2)", "-0.0005::numeric", "1.0843::numeric(10,4)",
                "100000000::numeric", "0.00001::numeric", "'NaN'::numeric", "42::int2", "-7::int4",
                "9007199254740993::int8",
                "'2025-01-05'::date", "'1999-12-31'::date", "true", "false",
                "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", "'paid'::status", "'Smith, \"Co\"'::varchar(20)",
                "'JPY'::char(3)", "12.5::float8", "12.34::float4",
            ]
            for value in values {
                let rows = try await schema.cells("SELECT \(value), (\(value))::text")
                var buffer = rows[0][0].bytes!
                let text: String?
                if CanonicalCellText.isText(rows[0][0].dataType) {
                    text = buffer.readString(length: buffer.readableBytes)
                } else {
                    text = CanonicalCellText.binaryText(&buffer, type: rows[0][0].dataType)
                }
                var expected = try rows[0][1].decode(String.self)
                // numeric drops trailing zero decimals (50000.00 JPY is a valid yen amount).
                if value.contains("numeric"), expected.contains(".") {
                    while expected.hasSuffix("0") { expected.removeLast() }
                    if expected.hasSuffix(".") { expected.removeLast() }
                }
                #expect(text == expected, "\(value)")
            }
            // A timestamp at midnight is its date; one with a time keeps it (and is then rejected as a bad date).
            let rows = try await schema.cells("SELECT '2025-01-05 00:00'::timestamp, '2025-01-05 13:30'::timestamp")
            var midnight = rows[0][0].bytes!
            #expect(CanonicalCellText.binaryText(&midnight, type: rows[0][0].dataType) == "2025-01-05")
            var afternoon = rows[0][1].bytes!
            #expect(CanonicalCellText.binaryText(&afternoon, type: rows[0][1].dataType) == "2025-01-05 13:30:00")
        }
    }

    @Test func typedTablesLoadAndRejectsNameTheTableRow() async throws {
        try await TestPostgres.withSchema { schema in
            try await schema.execute(
                """
                CREATE TABLE invoices (invoice_id text, customer_id varchar(20), issue_date text, amount numeric(12,2), note text);
                CREATE TABLE payments (payment_id text, customer_id text, invoice_id text, date date, amount numeric(12,2))
                """)
            // Row 1's note spans two lines, so row 3 starts on line 5 of the canonical file.
            try await schema.insert(
                "invoices", header: ["invoice_id", "customer_id", "issue_date", "amount", "note"],
                rows: [
                    ["I1", "C1", "2025-01-10", "1200.00", "two\nlines"], ["I2", "C1", "2025-02-10", "300.50", ""],
                    ["I3", "C2", "someday", "99.99", ""],
                ])
            let result = try load(schema.url)
            #expect(result.rejects.count == 1)
            #expect(result.rejects.first?.file == "invoices")
            #expect(result.rejects.first?.line == 3)
            #expect(result.rejects.first?.column == "issue_date")
            #expect(result.ledger.invoices.count == 2)
            #expect(result.ledger.invoices.amount.reduce(0, +) == 150_050)
            // The empty payments table is read (its header only); the rest are absent.
            let inputs = result.inputs.map { "\($0.file):\($0.rows)" }
            #expect(inputs == ["invoices:3", "payments:0"])
            #expect(result.inputs.first?.path.hasSuffix("/arreport_test:invoices") == true)
            #expect(result.inputs.first?.path.contains("arreport:arreport@") == false)
        }
    }

    @Test func queriesReplaceTablesInOneReadOnlySnapshot() async throws {
        try await TestPostgres.withSchema { schema in
            try await schema.execute(
                """
                CREATE TABLE ar_open_items (doc text, cust text, posted date, gross numeric(14,2));
                INSERT INTO ar_open_items VALUES ('D1', 'C9', '2025-03-01', 10.00), ('D2', 'C9', '2025-03-02', 20.00)
                """)
            let result = try load(
                schema.url,
                queries: [
                    // Columns the loader ignores may have any type (money here).
                    "invoices":
                        "SELECT doc AS invoice_id, cust AS customer_id, posted AS issue_date, gross AS amount, gross::money AS shown FROM ar_open_items;"
                ])
            #expect(result.rejects.isEmpty)
            #expect(result.ledger.invoices.count == 2)
            let delete = failure(
                schema.url, queries: ["invoices": "DELETE FROM ar_open_items RETURNING doc AS invoice_id"])
            #expect(delete.hasSuffix("query for 'invoices' failed: cannot execute DELETE in a read-only transaction"))
            #expect(try await schema.rows("SELECT count(*)::text FROM ar_open_items") == [["2"]])
        }
    }

    @Test func paymentsStreamOnASecondConnectionInTheSameSnapshot() async throws {
        try await TestPostgres.withSchema { schema in
            try await schema.execute(
                """
                CREATE TABLE invoices (invoice_id text, issue_date date, amount numeric(12,2));
                INSERT INTO invoices VALUES ('I1', '2025-01-01', 12.50);
                CREATE TABLE payments (payment_id text, date date, amount numeric(12,2));
                INSERT INTO payments VALUES ('P1', '2025-01-02', 5.00)
                """)
            // Each side names its customer after the snapshot it reads and the server process serving it.
            let session = "pg_current_snapshot()::text || '/' || pg_backend_pid()"
            let result = try load(
                schema.url,
                queries: [
                    "invoices": "SELECT invoice_id, issue_date, amount, \(session) AS customer_id FROM invoices",
                    "payments": "SELECT payment_id, date, amount, \(session) AS customer_id FROM payments",
                ])
            let sessions = result.ledger.customers.ids.map { $0.split(separator: "/") }
            #expect(sessions.count == 2)
            #expect(Set(sessions.map(\.first)).count == 1, "one snapshot: \(sessions)")
            #expect(Set(sessions.map(\.last)).count == 2, "two connections: \(sessions)")
        }
    }

    @Test func tableAndQueryErrorsAreOneLine() async throws {
        try await TestPostgres.withSchema { schema in
            let server = try PostgresSource.connectionSpec(PostgresSourceSettings(url: schema.url)).displayName
            #expect(failure(schema.url) == "\(server): missing table 'invoices'")
            try await schema.execute("CREATE TABLE invoices (invoice_id text, customer_id text, issue_date date)")
            // Checked even when the table is empty.
            #expect(failure(schema.url) == "\(server): table 'invoices' lacks required column 'amount'")
            #expect(
                failure(schema.url, queries: ["invoices": "SELEC 1"])
                    == "\(server): query for 'invoices' failed: syntax error at or near \"SELEC\"")
            #expect(
                failure(schema.url, queries: ["invoices": "SELECT * FROM invoice_lines"])
                    == "\(server): query for 'invoices' failed: relation \"invoice_lines\" does not exist")
            // An empty result still has its columns checked, even after a trailing line comment.
            #expect(
                failure(
                    schema.url,
                    queries: ["invoices": "SELECT invoice_id, customer_id FROM invoices WHERE false -- none yet"])
                    == "\(server): table 'invoices' lacks required column 'issue_date'")
            #expect(
                failure(schema.url, queries: ["ledger": "SELECT 1"]).hasPrefix(
                    "\(server): query for 'ledger' failed: no such canonical table"))
            try await schema.execute("ALTER TABLE invoices ADD COLUMN amount money")
            try await schema.execute("INSERT INTO invoices VALUES ('I1', 'C1', '2025-01-01', 12.50)")
            #expect(
                failure(schema.url)
                    == "\(server): column 'amount' of 'invoices' has type MONEY, which arreport does not read: cast it in a query (e.g. amount::numeric or amount::text)"
            )
            // A timestamptz has no date without a time zone: it asks for a cast.
            try await schema.execute("ALTER TABLE invoices DROP COLUMN amount")
            try await schema.execute("ALTER TABLE invoices ADD COLUMN amount numeric")
            try await schema.execute("ALTER TABLE invoices DROP COLUMN issue_date")
            try await schema.execute("ALTER TABLE invoices ADD COLUMN issue_date timestamptz")
            try await schema.execute("UPDATE invoices SET amount = 12.50, issue_date = '2025-01-01 00:00+01'")
            #expect(
                failure(schema.url).hasSuffix(
                    "has type TIMESTAMPTZ, which arreport does not read: cast it in a query (e.g. issue_date::date)"))
        }
    }

    @Test func connectionErrorsAreOneLine() throws {
        var parts = URLComponents(string: TestPostgres.url)!
        let host = parts.host!
        parts.password = "wrong-password"
        #expect(failure(parts.string!).contains("authentication failed: password authentication failed for user"))
        parts.password = URLComponents(string: TestPostgres.url)!.password
        parts.path = "/no_such_database"
        #expect(failure(parts.string!).hasSuffix("/no_such_database: database does not exist"))
        parts.path = URLComponents(string: TestPostgres.url)!.path
        parts.port = 1
        #expect(
            failure(parts.string!).hasSuffix("cannot connect: connection refused: is the server running on \(host):1?"))
    }

    @Test func tlsWhenAsked() async throws {
        try await TestPostgres.withSchema { schema in
            // scripts/start-postgres.sh turns TLS on with a self-signed certificate for 127.0.0.1.
            guard try await schema.rows("SHOW ssl") == [["on"]] else {
                if ProcessInfo.processInfo.environment["ARREPORT_TEST_PG_URL"] == nil {
                    Issue.record("the test server has TLS off: run scripts/start-postgres.sh")
                }
                return
            }
            try await schema.execute(
                """
                CREATE TABLE invoices (invoice_id text, customer_id text, issue_date date, amount numeric(12,2));
                INSERT INTO invoices VALUES ('I1', 'C1', '2025-01-01', 12.50)
                """)
            // The customer id says whether the server sees this very session encrypted.
            let probe = [
                "invoices": """
                SELECT invoice_id, issue_date, amount, (SELECT CASE WHEN ssl THEN 'tls' ELSE 'plain' END
                  FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS customer_id FROM invoices
                """
            ]
            func session(_ options: [String: String]) throws -> [String] {
                try load(schema.url(options: options), queries: probe).ledger.customers.ids
            }
            #expect(try session(["sslmode": "disable"]) == ["plain"])
            // prefer (the default) and require encrypt without checking the certificate, as libpq does.
            #expect(try session([:]) == ["tls"])
            #expect(try session(["sslmode": "require"]) == ["tls"])
            // verify-full checks it: against the system's roots the self-signed certificate is refused,
            #expect(
                failure(schema.url(options: ["sslmode": "verify-full"])).contains(
                    "cannot connect: TLS failed (sslmode=verify-full)"))
            // and with the certificate as the root it is accepted.
            let root = "/var/lib/postgresql/arreport-tls/server.crt"
            if FileManager.default.isReadableFile(atPath: root) {
                #expect(try session(["sslmode": "verify-full", "sslrootcert": root]) == ["tls"])
                #expect(try session(["sslmode": "verify-ca", "sslrootcert": root]) == ["tls"])
                // require with a root certificate checks the chain too, as in libpq.
                #expect(try session(["sslmode": "require", "sslrootcert": root]) == ["tls"])
            } else if ProcessInfo.processInfo.environment["ARREPORT_TEST_PG_URL"] == nil {
                Issue.record("\(root) is missing: run scripts/start-postgres.sh")
            }
        }
    }
}
