/// A problem with a SQLite database as a whole (not one row): the run cannot go on.
public enum SQLiteSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file does not exist.
    case missingDatabase(path: String)
    /// The file exists but is not a SQLite database (or cannot be opened as one).
    case notADatabase(path: String, reason: String)
    /// A canonical table the source needs is absent (and no query replaces it).
    case missingTable(path: String, table: String)
    /// A table or query lacks a required canonical column.
    case missingColumn(path: String, table: String, column: String)
    /// SQLite refused a query: its own message.
    case queryFailed(path: String, table: String, message: String)
    /// A database (an import's target, the run history) cannot be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            return "\(path): database file not found"
        case .notADatabase(let path, let reason):
            return "\(path): not a SQLite database: \(reason)"
        case .missingTable(let path, let table):
            return "\(path): missing table '\(table)'"
        case .missingColumn(let path, let table, let column):
            return "\(path): table '\(table)' lacks required column '\(column)'"
        case .queryFailed(let path, let table, let message):
            return "\(path): query for '\(table)' failed: \(message)"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}
