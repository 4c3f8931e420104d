import ARCore
import Foundation
import GRDB

@testable import ARSQLite

/// Fixtures and small databases for the SQLite tests.
enum SQLiteTestSupport {
    /// Tests/ARReportTests/Fixtures/small: every canonical file, with 14 rejected rows.
    static let smallFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ARReportTests/Fixtures/small").path

    static let settings = LoadSettings(asOf: CivilCalendar.parseISO("2025-03-31")!, reportingCurrency: Currency(code: "USD"))

    /// A fresh empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("arreport-sqlite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new database at a temporary path, built by `sql`.
    static func database(_ sql: String) throws -> String {
        let path = try temporaryFolder().appendingPathComponent("ar.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
        return path
    }

    static func load(_ path: String, queries: [String: String] = [:]) throws -> LoadResult {
        try SQLiteSource.load(SQLiteSourceSettings(path: path, queries: queries), settings: settings)
    }

    /// Two customers and three invoices of 100.00, 250.50 and 75.25 USD.
    static let threeInvoices = """
        CREATE TABLE customers (customer_id TEXT, name TEXT, currency TEXT);
        INSERT INTO customers VALUES ('C1', 'Acme', 'USD'), ('C2', 'Globex', 'USD');
        CREATE TABLE invoices (invoice_id TEXT, customer_id TEXT, issue_date TEXT, due_date TEXT, amount TEXT);
        INSERT INTO invoices VALUES
            ('I1', 'C1', '2025-01-10', '2025-02-09', '100.00'),
            ('I2', 'C1', '2025-02-10', NULL, '250.50'),
            ('I3', 'C2', '2025-03-01', '2025-03-31', '75.25');
        """
}
