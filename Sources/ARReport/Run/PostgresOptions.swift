import ARCore
import ARPostgres
import Foundation

/// The config file's `postgres:` section (or `--pg URL`): a connection URL completed by the
/// PG* environment variables, and optional per-table queries. A password never belongs in a
/// config file: it comes from PGPASSWORD or ~/.pgpass (docs/METRICS.md, "PostgreSQL").
public struct PostgresOptions: Sendable, Decodable, Equatable {
    /// `postgresql://user@host:5432/db?sslmode=require`; empty or absent = the PG* variables alone.
    public var url: String?
    /// Table name → SQL returning that table's canonical columns.
    public var queries: [String: String]?

    public init(url: String? = nil, queries: [String: String]? = nil) {
        self.url = url
        self.queries = queries
    }

    static let keys: Set<String> = ["url", "queries"]

    /// The first unknown key of a `postgres:` mapping, or of its `queries:` (which names tables).
    static func unknownKey(in section: Any?) -> String? {
        guard let mapping = section as? [String: Any] else { return nil }
        if let unknown = mapping.keys.sorted().first(where: { !keys.contains($0) }) { return "postgres.\(unknown)" }
        let tables = Set(CanonicalTable.all.map(\.name))
        if let queries = mapping["queries"] as? [String: Any],
            let unknown = queries.keys.sorted().first(where: { !tables.contains($0) })
        {
            return "postgres.queries.\(unknown)"
        }
        return nil
    }

    /// Whether the URL carries a password (`postgresql://user:secret@host/db` or `?password=`).
    var urlHoldsPassword: Bool {
        guard let url, let components = URLComponents(string: url) else { return false }
        return components.password != nil || components.queryItems?.contains { $0.name == "password" } == true
    }

    func resolve() throws -> (settings: PostgresSourceSettings, server: String) {
        let settings = PostgresSourceSettings(url: url ?? "", queries: queries ?? [:])
        return (settings, try PostgresSource.connectionSpec(settings).displayName)
    }
}
