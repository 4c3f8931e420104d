import ARCore
import Foundation
import GRDB

/// What an import read, rejected and wrote.
public struct ImportSummary: Sendable {
    public var database: String
    /// Per canonical file present: rows read, rejected, imported.
    public var tables: [ImportedTable]
    /// Every rejected row (not imported), as the CSV run reports it.
    public var rejects: [Reject]
}

/// One table an import wrote.
public struct ImportedTable: Sendable, Equatable {
    public var table: String
    public var rows: Int
    public var rejected: Int
    public var imported: Int
}

/// `arreport import`: a canonical CSV folder into a new SQLite database with the canonical
/// tables, after the same validation as a run (docs/METRICS.md, "SQLite").
public enum SQLiteImport {
    /// Validates `folder` like a run at `settings`, then writes every row that passed into
    /// `database` (replaced atomically when it exists). Every column is TEXT holding the
    /// trimmed value exactly as read (amounts as validated decimals); an empty value is NULL.
    public static func run(folder: String, database: String, settings: LoadSettings) throws -> ImportSummary {
        let load = try DataFolderLoader.load(folder: folder, settings: settings)
        var rejectedLines: [String: Set<Int>] = [:]
        for reject in load.rejects { rejectedLines[reject.file, default: []].insert(reject.line) }

        let target = URL(fileURLWithPath: database)
        let staging = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        var tables: [ImportedTable] = []
        do {
            let queue = try DatabaseQueue(path: staging.path)
            try queue.write { db in
                for table in CanonicalTable.all {
                    let path = (folder as NSString).appendingPathComponent(table.fileName)
                    guard FileManager.default.fileExists(atPath: path) else { continue }
                    let rejected = rejectedLines[table.fileName] ?? []
                    let written = try copy(file: path, into: table.name, skipping: rejected, db: db)
                    tables.append(
                        ImportedTable(table: table.name, rows: written.rows, rejected: written.rows - written.imported, imported: written.imported))
                }
            }
            try queue.close()
            // rename(2) replaces an existing database in one step.
            guard rename(staging.path, target.path) == 0 else {
                throw SQLiteSourceError.cannotWrite(path: database, reason: String(cString: strerror(errno)))
            }
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(at: staging)
            throw SQLiteSourceError.cannotWrite(path: database, reason: error.message ?? "\(error.resultCode)")
        } catch let error as SQLiteSourceError {
            try? FileManager.default.removeItem(at: staging)
            throw error
        } catch let error as InputError {
            try? FileManager.default.removeItem(at: staging)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw SQLiteSourceError.cannotWrite(path: database, reason: "\(error)")
        }
        return ImportSummary(database: database, tables: tables, rejects: load.rejects)
    }

    /// Creates `table` with the file's columns (TEXT) and inserts its rows but the rejected lines.
    static func copy(file path: String, into table: String, skipping rejected: Set<Int>, db: Database) throws
        -> (rows: Int, imported: Int)
    {
        let reader = try CSVFileReader(path: path)
        // The first of duplicate header names is the one the loader reads.
        var columns: [String] = []
        var indices: [Int] = []
        for (index, name) in reader.header.enumerated() where !name.isEmpty && !columns.contains(name) {
            columns.append(name)
            indices.append(index)
        }
        let definitions = columns.map { "\($0.quotedDatabaseIdentifier) TEXT" }.joined(separator: ", ")
        try db.execute(sql: "CREATE TABLE \(table.quotedDatabaseIdentifier) (\(definitions))")
        let insert = try db.makeStatement(
            sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) "
                + "VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
        var rows = 0
        var imported = 0
        var values = [(any DatabaseValueConvertible)?](repeating: nil, count: columns.count)
        var failure: Error?
        try reader.forEachRow { row in
            rows += 1
            guard !rejected.contains(row.line) else { return true }
            for (slot, index) in indices.enumerated() {
                let text = index < reader.header.count ? row.string(index) : ""
                values[slot] = text.isEmpty ? nil : text
            }
            do {
                try insert.execute(arguments: StatementArguments(values))
            } catch {
                failure = error
                return false
            }
            imported += 1
            return true
        }
        if let failure { throw failure }
        return (rows, imported)
    }
}
