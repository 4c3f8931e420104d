import ARCore
import Foundation
import GRDB

/// Where a SQLite source reads from: a database file, and optionally one query per canonical
/// table returning its canonical columns (config `sqlite: {path:, queries: {invoices: "SELECT ..."}}`).
public struct SQLiteSourceSettings: Sendable, Equatable {
    public var path: String
    /// Table name → SQL; a table without a query is read whole when it exists.
    public var queries: [String: String]

    public init(path: String, queries: [String: String] = [:]) {
        self.path = path
        self.queries = queries
    }
}

/// Loads a SQLite database through the canonical loader: each table (or query) is streamed
/// into a canonical CSV file in a temporary folder, so exactly the same validation and reject
/// rules apply as for a CSV folder; rejects and inputs then name the table and its row
/// (docs/METRICS.md, "SQLite").
public enum SQLiteSource {
    public static func load(_ source: SQLiteSourceSettings, settings: LoadSettings) throws -> LoadResult {
        try TableSource.load(source: source.path, phase: "load_sqlite", settings: settings) { folder in
            try export(source, to: folder)
        }
    }

    /// Writes one canonical CSV file per table present (or queried) into `folder`;
    /// returns them by table name for mapping rejects back.
    static func export(_ source: SQLiteSourceSettings, to folder: String) throws -> [String: TableRowMap] {
        let path = source.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw SQLiteSourceError.missingDatabase(path: path)
        }
        if let unknown = CanonicalTable.unknownQueryTable(in: source.queries.keys) {
            throw SQLiteSourceError.queryFailed(path: path, table: unknown.table, message: unknown.message)
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "arreport-source"
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                var files: [String: TableRowMap] = [:]
                for table in CanonicalTable.all {
                    let sql: String
                    if let query = source.queries[table.name] {
                        sql = query
                    } else if try db.tableExists(table.name) {
                        sql = "SELECT * FROM \(table.name.quotedDatabaseIdentifier)"
                    } else if table.name == "invoices" {
                        throw SQLiteSourceError.missingTable(path: path, table: table.name)
                    } else {
                        continue
                    }
                    let file = (folder as NSString).appendingPathComponent(table.fileName)
                    files[table.name] = try exportTable(table, sql: sql, db: db, path: path, to: file)
                }
                return files
            }
        } catch let error as DatabaseError {
            throw classify(error, path: path, table: nil)
        }
    }

    /// Streams one table's rows into a canonical CSV file, checking its required columns first.
    static func exportTable(_ table: CanonicalTable, sql: String, db: Database, path: String, to file: String) throws
        -> TableRowMap
    {
        let statement: Statement
        do {
            statement = try db.makeStatement(sql: sql)
        } catch let error as DatabaseError {
            throw classify(error, path: path, table: table.name)
        }
        let columns = statement.columnNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let missing = table.requiredColumns.first(where: { !columns.contains($0) }) {
            throw SQLiteSourceError.missingColumn(path: path, table: table.name, column: missing)
        }
        let writer = try TableCSVWriter(path: file, columns: columns)
        do {
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                for index in 0..<columns.count {
                    let value: DatabaseValue = row[index]
                    writer.field(value.canonicalText)
                }
                try writer.endRow()
            }
        } catch let error as DatabaseError {
            throw classify(error, path: path, table: table.name)
        }
        return try writer.finish()
    }

    /// SQLite's own errors as one-line source errors.
    static func classify(_ error: DatabaseError, path: String, table: String?) -> SQLiteSourceError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_CANTOPEN:
            return .notADatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        default:
            return .queryFailed(path: path, table: table ?? "database", message: error.message ?? "\(error.resultCode)")
        }
    }
}
