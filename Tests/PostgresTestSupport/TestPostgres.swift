import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL server the tests use: `$ARREPORT_TEST_PG_URL`, or the role and database
/// `scripts/start-postgres.sh` makes (which `make test` and `.ci/run` run first).
public enum TestPostgres {
    public static let url =
        ProcessInfo.processInfo.environment["ARREPORT_TEST_PG_URL"]
        ?? "postgresql://arreport:arreport@127.0.0.1:5432/arreport_test"

    static let logger = Logger(label: "arreport.tests.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The test server's parts, for tests that change one of them (a wrong password, a port).
    public static var components: URLComponents { URLComponents(string: url)! }

    /// Opens a connection to the test server, failing with how to start it.
    public static func connect() async throws -> PostgresConnection {
        let parts = components
        var configuration = PostgresConnection.Configuration(
            host: parts.host ?? "127.0.0.1", port: parts.port ?? 5432, username: parts.user ?? "arreport",
            password: parts.password, database: String(parts.path.dropFirst()), tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw TestServerUnavailable(url: url, error: "\(String(reflecting: error))")
        }
    }

    /// A fresh schema for one test, dropped afterwards; its URL puts the schema first on the
    /// search path, so unqualified table names are the test's own.
    public static func withSchema<T>(_ body: (TestSchema) async throws -> T) async throws -> T {
        let connection = try await connect()
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let schema = TestSchema(name: name, connection: connection)
        try await schema.execute("CREATE SCHEMA \(name);\nSET search_path TO \(name)")
        do {
            let result = try await body(schema)
            try await schema.execute("DROP SCHEMA \(name) CASCADE")
            try await connection.close()
            return result
        } catch {
            try? await schema.execute("DROP SCHEMA \(name) CASCADE")
            try? await connection.close()
            throw error
        }
    }
}

public struct TestServerUnavailable: Error, CustomStringConvertible {
    public let url: String
    public let error: String
    public var description: String {
        "no test PostgreSQL server at \(url) (run scripts/start-postgres.sh, or set ARREPORT_TEST_PG_URL): \(error)"
    }
}

/// One test's schema on the test server.
public struct TestSchema: Sendable {
    public let name: String
    let connection: PostgresConnection

    /// The server's URL with this schema first on the search path.
    public var url: String { url(options: [:]) }

    /// The URL with extra query parameters (`sslmode`...), the schema still on the search path.
    public func url(options: [String: String]) -> String {
        var parts = TestPostgres.components
        var items = [URLQueryItem(name: "options", value: "-c search_path=\(name)")]
        items += options.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        parts.queryItems = items
        return parts.string!
    }

    /// Runs SQL statements separated by `;` and a line end, in this schema.
    public func execute(_ sql: String) async throws {
        for statement in sql.components(separatedBy: ";\n") {
            let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            _ = try await connection.query(PostgresQuery(unsafeSQL: text), logger: TestPostgres.logger).collect()
        }
    }

    /// Rows of a query as text, NULL as nil.
    public func rows(_ sql: String) async throws -> [[String?]] {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger).collect()
        return try rows.map { row in try row.map { cell in try cell.decode(String?.self) } }
    }

    /// Inserts CSV rows (a header, then records; an empty value is NULL) into `table`,
    /// letting PostgreSQL convert the text into each column's type.
    public func insert(_ table: String, header: [String], rows: [[String]]) async throws {
        for row in rows {
            var object: [String: Any] = [:]
            for (column, value) in zip(header, row) { object[column] = value.isEmpty ? NSNull() : value }
            let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            _ = try await connection.query(
                "INSERT INTO \(unescaped: table) SELECT * FROM json_populate_record(NULL::\(unescaped: table), \(json)::json)",
                logger: TestPostgres.logger
            ).collect()
        }
    }
}

extension TestSchema {
    /// The cells of a query's rows, as postgres-nio receives them (binary format).
    public func cells(_ sql: String) async throws -> [[PostgresCell]] {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger).collect()
        return rows.map { Array($0) }
    }
}
