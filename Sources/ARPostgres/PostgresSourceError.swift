/// A problem with a PostgreSQL source as a whole (not one row): the run cannot go on.
/// `server` is the connection without its password (`postgresql://ar@db:5432/ledger`).
public enum PostgresSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL or a PG* variable is malformed (a bad port, an unknown sslmode...).
    case badConnection(String)
    /// No server answered, or the connection or its TLS set-up failed.
    case cannotConnect(server: String, reason: String)
    /// The server refused the user or password.
    case authenticationFailed(server: String, reason: String)
    /// The server has no such database.
    case databaseNotFound(server: String)
    /// A canonical table the source needs is absent (and no query replaces it).
    case missingTable(server: String, table: String)
    /// A table or query lacks a required canonical column.
    case missingColumn(server: String, table: String, column: String)
    /// The server refused a query: its own message.
    case queryFailed(server: String, table: String, message: String)
    /// A column's type has no canonical text form arreport knows (cast it in a query).
    case unsupportedType(server: String, table: String, column: String, type: String)

    public var description: String {
        switch self {
        case .badConnection(let reason):
            return "PostgreSQL connection: \(reason)"
        case .cannotConnect(let server, let reason):
            return "\(server): cannot connect: \(reason)"
        case .authenticationFailed(let server, let reason):
            return "\(server): authentication failed: \(reason)"
        case .databaseNotFound(let server):
            return "\(server): database does not exist"
        case .missingTable(let server, let table):
            return "\(server): missing table '\(table)'"
        case .missingColumn(let server, let table, let column):
            return "\(server): table '\(table)' lacks required column '\(column)'"
        case .queryFailed(let server, let table, let message):
            return "\(server): query for '\(table)' failed: \(message)"
        case .unsupportedType(let server, let table, let column, let type):
            let cast = type.hasPrefix("TIMESTAMP") ? "\(column)::date" : "\(column)::numeric or \(column)::text"
            return "\(server): column '\(column)' of '\(table)' has type \(type), which arreport does not read: "
                + "cast it in a query (e.g. \(cast))"
        }
    }
}
