import ARCore
import Foundation
import Testing

@testable import ARSQLite

/// A database read through the canonical loader: same rules as CSV, rejects named by table and row.
@Suite struct SQLiteSourceTests {
    @Test func canonicalTablesLoadIntoTheLedger() throws {
        let result = try SQLiteTestSupport.load(try SQLiteTestSupport.database(SQLiteTestSupport.threeInvoices))
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.invoices.count == 3)
        #expect(result.ledger.customers.count == 2)
        // 100.00 + 250.50 + 75.25 = 425.75 USD = 42,575 cents.
        #expect(result.ledger.invoices.amount.reduce(0, +) == 42_575)
        #expect(result.inputs.map(\.file) == ["customers", "invoices"])
        #expect(result.inputs[1].path.hasSuffix("ar.sqlite:invoices"))
        #expect(result.inputs[1].rows == 3)
    }

    @Test func rejectedRowNamesTheTableAndItsRow() throws {
        // Row 2 has three decimals on a USD amount; row 3 names a customer the customers table lacks.
        let path = try SQLiteTestSupport.database(
            """
            CREATE TABLE customers (customer_id TEXT);
            INSERT INTO customers VALUES ('C1');
            CREATE TABLE invoices (invoice_id TEXT, customer_id TEXT, issue_date TEXT, amount TEXT);
            INSERT INTO invoices VALUES ('I1', 'C1', '2025-01-10', '10.00'), ('I2', 'C1', '2025-01-11', '10.005'),
                ('I3', 'C9', '2025-01-12', '5.00');
            """)
        let rejects = try SQLiteTestSupport.load(path).rejects
        #expect(rejects.count == 2)
        #expect(rejects[0].file == "invoices")
        #expect(rejects[0].line == 2)
        #expect(rejects[0].column == "amount")
        #expect(rejects[0].reason == .tooManyDecimals)
        #expect(String(decoding: rejects[0].record, as: UTF8.self) == "I2,C1,2025-01-11,10.005")
        #expect(rejects[1].line == 3)
        #expect(rejects[1].reason == .unknownCustomer)
    }

    @Test func rowNumbersSurviveLineBreaksInsideValues() throws {
        // Customer row 1's name spans two lines in the CSV written on the way; row 2 is still row 2.
        let path = try SQLiteTestSupport.database(
            """
            CREATE TABLE customers (customer_id TEXT, name TEXT, credit_limit TEXT);
            INSERT INTO customers VALUES ('C1', 'Acme' || char(10) || 'Europe, "Ltd"', NULL), ('C2', 'Globex', 'lots');
            CREATE TABLE invoices (invoice_id TEXT, customer_id TEXT, issue_date TEXT, amount TEXT);
            INSERT INTO invoices VALUES ('I1', 'C1', '2025-01-10', '10.00');
            """)
        let result = try SQLiteTestSupport.load(path)
        #expect(result.rejects.map(\.line) == [2])
        #expect(result.rejects.map(\.file) == ["customers"])
        #expect(result.ledger.customers.count == 1)
    }

    @Test func integerAndRealColumnsAreReadAsExactDecimals() throws {
        // INTEGER 100 is 100.00; REAL 250.1 is 250.1 (not 250.09999999999999); together 350.10.
        let path = try SQLiteTestSupport.database(
            """
            CREATE TABLE invoices (invoice_id INTEGER, customer_id TEXT, issue_date TEXT, amount);
            INSERT INTO invoices VALUES (1, 'C1', '2025-01-10', 100), (2, 'C1', '2025-01-11', 250.1);
            """)
        let result = try SQLiteTestSupport.load(path)
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.invoices.amount.reduce(0, +) == 35_010)
    }

    @Test func configuredQueriesReturnTheCanonicalColumns() throws {
        // An ERP schema: amounts in cents, other names; the query maps them.
        let path = try SQLiteTestSupport.database(
            """
            CREATE TABLE ar_invoice (doc_no TEXT, account TEXT, posted TEXT, total_cents INTEGER, void INTEGER);
            INSERT INTO ar_invoice VALUES ('A-1', 'K1', '2025-01-05', 12345, 0), ('A-2', 'K1', '2025-01-06', 500, 1),
                ('A-3', 'K2', '2025-02-01', 99, 0);
            CREATE TABLE receipt (ref TEXT, account TEXT, doc_no TEXT, received TEXT, cents INTEGER);
            INSERT INTO receipt VALUES ('R1', 'K1', 'A-1', '2025-02-01', 2345);
            """)
        let result = try SQLiteTestSupport.load(
            path,
            queries: [
                "invoices": """
                SELECT doc_no AS invoice_id, account AS customer_id, posted AS issue_date,
                       printf('%d.%02d', total_cents / 100, total_cents % 100) AS amount
                FROM ar_invoice WHERE void = 0
                """,
                "payments": """
                SELECT ref AS payment_id, account AS customer_id, doc_no AS invoice_id, received AS date,
                       printf('%d.%02d', cents / 100, cents % 100) AS amount FROM receipt
                """,
            ])
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.invoices.count == 2)
        // 123.45 + 0.99 invoiced.
        #expect(result.ledger.invoices.amount.reduce(0, +) == 12_444)
        #expect(result.inputs.map(\.file) == ["invoices", "payments"])
    }

    @Test func missingDatabaseFile() throws {
        #expect(throws: SQLiteSourceError.missingDatabase(path: "/nonexistent/ar.sqlite")) {
            try SQLiteTestSupport.load("/nonexistent/ar.sqlite")
        }
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/ar.sqlite"))
    }

    @Test func fileThatIsNotADatabase() throws {
        let path = try SQLiteTestSupport.temporaryFolder().appendingPathComponent("ar.sqlite").path
        try "invoice_id,customer_id\nI1,C1\n".padding(toLength: 2000, withPad: "x", startingAt: 0)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: SQLiteSourceError.self) { try SQLiteTestSupport.load(path) }
        guard case .notADatabase(let errorPath, let reason) = error else {
            Issue.record("expected notADatabase, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect(reason.contains("not a database"))
    }

    @Test func databaseWithoutInvoicesTable() throws {
        let path = try SQLiteTestSupport.database("CREATE TABLE customers (customer_id TEXT);")
        #expect(throws: SQLiteSourceError.missingTable(path: path, table: "invoices")) { try SQLiteTestSupport.load(path) }
    }

    @Test func tableWithoutARequiredColumn() throws {
        let path = try SQLiteTestSupport.database(
            """
            CREATE TABLE invoices (invoice_id TEXT, customer_id TEXT, issue_date TEXT, amount TEXT);
            CREATE TABLE payments (payment_id TEXT, customer_id TEXT, amount TEXT);
            """)
        #expect(throws: SQLiteSourceError.missingColumn(path: path, table: "payments", column: "date")) {
            try SQLiteTestSupport.load(path)
        }
        #expect(
            SQLiteSourceError.missingColumn(path: "ar.sqlite", table: "payments", column: "date").description
                == "ar.sqlite: table 'payments' lacks required column 'date'")
    }

    @Test func queryErrorShowsSQLitesMessage() throws {
        let path = try SQLiteTestSupport.database(SQLiteTestSupport.threeInvoices)
        let error = #expect(throws: SQLiteSourceError.self) {
            try SQLiteTestSupport.load(path, queries: ["invoices": "SELECT * FROM invoice_lines"])
        }
        #expect(error?.description == "\(path): query for 'invoices' failed: no such table: invoice_lines")
    }
}
