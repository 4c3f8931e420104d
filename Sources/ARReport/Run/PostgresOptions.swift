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
        unknownDatabaseKey(in: section, name: "postgres", keys: keys)
    }

    /// Why a config file's URL is refused: it carries a password (`postgresql://user:secret@host/db`
    /// or `?password=`), or it cannot be read, so whether it does is unknown. Nil when it is fine.
    var configURLProblem: String? {
        guard let url, !url.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let components = URLComponents(string: url) else {
            return "postgres.url is not a valid postgresql:// URL (percent-encode special characters)"
        }
        if components.password != nil || components.queryItems?.contains(where: { $0.name == "password" }) == true {
            return "postgres.url must not hold a password: set PGPASSWORD or use ~/.pgpass"
        }
        return nil
    }

    func resolve() throws -> (settings: PostgresSourceSettings, server: String) {
        let settings = PostgresSourceSettings(url: url ?? "", queries: queries ?? [:])
        return (settings, try PostgresSource.connectionSpec(settings).displayName)
    }
}
