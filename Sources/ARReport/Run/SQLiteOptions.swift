import ARCore
import ARSQLite

/// The config file's `sqlite:` section (or `--db FILE`): a database and optional per-table queries.
public struct SQLiteOptions: Sendable, Decodable, Equatable {
    public var path: String?
    /// Table name → SQL returning that table's canonical columns.
    public var queries: [String: String]?

    public init(path: String? = nil, queries: [String: String]? = nil) {
        self.path = path
        self.queries = queries
    }

    static let keys: Set<String> = ["path", "queries"]

    /// The first unknown key of a `sqlite:` mapping, or of its `queries:` (which names tables).
    static func unknownKey(in section: Any?) -> String? {
        unknownDatabaseKey(in: section, name: "sqlite", keys: keys)
    }

    func resolve(configPath: String) throws -> SQLiteSourceSettings {
        guard let path, !path.isEmpty else {
            throw ReportError.config(path: configPath, reason: "sqlite: needs path: the database file")
        }
        return SQLiteSourceSettings(path: path, queries: queries ?? [:])
    }
}

/// The first unknown key of a database section (`sqlite:`, `postgres:`) as `NAME.key`, or of
/// its `queries:`, which names canonical tables, as `NAME.queries.table`.
func unknownDatabaseKey(in section: Any?, name: String, keys: Set<String>) -> String? {
    guard let mapping = section as? [String: Any] else { return nil }
    if let unknown = mapping.keys.sorted().first(where: { !keys.contains($0) }) { return "\(name).\(unknown)" }
    if let queries = mapping["queries"] as? [String: Any],
        let unknown = CanonicalTable.unknownQueryTable(in: queries.keys)
    {
        return "\(name).queries.\(unknown.table)"
    }
    return nil
}
