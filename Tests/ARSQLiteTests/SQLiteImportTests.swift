import ARCore
import Foundation
import GRDB
import Testing

@testable import ARSQLite

/// `arreport import`: a CSV folder into the canonical tables, rejected rows left out.
@Suite struct SQLiteImportTests {
    @Test func importLeavesRejectedRowsOutAndReadsBackWithoutRejects() throws {
        let database = try SQLiteTestSupport.temporaryFolder().appendingPathComponent("ar.sqlite").path
        let summary = try SQLiteImport.run(
            folder: SQLiteTestSupport.smallFixture, database: database, settings: SQLiteTestSupport.settings)
        let csv = try DataFolderLoader.load(folder: SQLiteTestSupport.smallFixture, settings: SQLiteTestSupport.settings)
        #expect(summary.rejects == csv.rejects)
        #expect(summary.tables.map(\.table) == ["customers", "invoices", "payments", "credit_notes", "disputes", "fx_rates"])
        for table in summary.tables {
            let input = try #require(csv.inputs.first { $0.file == table.table + ".csv" })
            #expect(table.rows == input.rows)
            #expect(table.rejected == input.rejected)
            #expect(table.imported == input.rows - input.rejected)
        }
        // What was imported passed every check: reading it back rejects nothing and builds the same ledger.
        let fromDatabase = try SQLiteTestSupport.load(database)
        #expect(fromDatabase.rejects.isEmpty)
        #expect(fromDatabase.ledger.invoices.count == csv.ledger.invoices.count)
        #expect(fromDatabase.ledger.invoices.amount == csv.ledger.invoices.amount)
        #expect(fromDatabase.ledger.customers.ids == csv.ledger.customers.ids)
        #expect(fromDatabase.ledger.unapplied.amount == csv.ledger.unapplied.amount)
    }

    @Test func amountsAreStoredAsTheValidatedDecimalText() throws {
        let folder = try SQLiteTestSupport.temporaryFolder()
        try "invoice_id,customer_id,issue_date,amount\nI1, C1 ,2025-01-10,100.50\nI2,C1,2025-01-11,\n"
            .write(to: folder.appendingPathComponent("invoices.csv"), atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("ar.sqlite").path
        let summary = try SQLiteImport.run(folder: folder.path, database: database, settings: SQLiteTestSupport.settings)
        #expect(summary.rejects.map(\.reason) == [.missingRequired])
        let rows = try DatabaseQueue(path: database).read { db in
            try Row.fetchAll(db, sql: "SELECT invoice_id, customer_id, amount, typeof(amount) AS type FROM invoices")
        }
        #expect(rows.count == 1)
        #expect(rows[0]["customer_id"] as String == "C1")
        #expect(rows[0]["amount"] as String == "100.50")
        #expect(rows[0]["type"] as String == "text")
    }

    @Test func importReplacesAnExistingDatabase() throws {
        let database = try SQLiteTestSupport.database("CREATE TABLE old (x);")
        _ = try SQLiteImport.run(
            folder: SQLiteTestSupport.smallFixture, database: database, settings: SQLiteTestSupport.settings)
        let tables = try DatabaseQueue(path: database).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables == ["credit_notes", "customers", "disputes", "fx_rates", "invoices", "payments"])
    }
}
