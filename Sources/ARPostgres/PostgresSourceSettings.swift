/// Where a PostgreSQL source reads from: a connection URL completed by the standard PG*
/// environment variables, and optionally one query per canonical table
/// (config `postgres: {url:, queries: {invoices: "SELECT ..."}}`; docs/METRICS.md, "PostgreSQL").
public struct PostgresSourceSettings: Sendable, Equatable {
    /// `postgresql://user@host:5432/db?sslmode=require`; empty = the PG* variables alone.
    public var url: String
    /// Table name → SQL; a table without a query is read whole when it exists.
    public var queries: [String: String]

    public init(url: String, queries: [String: String] = [:]) {
        self.url = url
        self.queries = queries
    }
}
