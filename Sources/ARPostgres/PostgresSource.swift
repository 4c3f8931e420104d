import ARCore
import Foundation
import Logging
import NIOSSL
import PostgresNIO
import Synchronization

/// Loads a PostgreSQL database through the canonical loader, as SQLiteSource does: each table
/// (or query) is streamed from the server into a canonical CSV file in a temporary folder, so
/// exactly the same validation and reject rules apply; rejects and inputs then name the table
/// and its row. All tables are read in one read-only, repeatable-read snapshot of a live
/// database, on two connections sharing it (docs/METRICS.md, "PostgreSQL").
public enum PostgresSource {
    /// Resolves the connection from `source.url` and the process's PG* variables, then loads.
    public static func load(_ source: PostgresSourceSettings, settings: LoadSettings) throws -> LoadResult {
        let spec = try connectionSpec(source)
        return try TableSource.load(source: spec.displayName, phase: "load_postgres", settings: settings) { folder in
            try waitFor { try await export(source.queries, from: spec, to: folder) }
        }
    }

    /// The connection `source` names, completed by this process's environment.
    public static func connectionSpec(_ source: PostgresSourceSettings) throws -> PostgresConnectionSpec {
        let environment = ProcessInfo.processInfo.environment
        let login = environment["USER"] ?? environment["LOGNAME"] ?? ProcessInfo.processInfo.userName
        return try PostgresConnectionSpec.resolve(
            url: source.url, environment: environment, defaultUser: login,
            homeDirectory: environment["HOME"] ?? NSHomeDirectory())
    }

    /// Writes one canonical CSV file per table present (or queried) into `folder`;
    /// returns how each file's lines map to the table's rows.
    static func export(_ queries: [String: String], from spec: PostgresConnectionSpec, to folder: String) async throws
        -> [String: TableRowMap]
    {
        let server = spec.displayName
        if let unknown = CanonicalTable.unknownQueryTable(in: queries.keys) {
            throw PostgresSourceError.queryFailed(server: server, table: unknown.table, message: unknown.message)
        }
        let logger = Logger(label: "arreport.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try configuration(spec), id: 1, logger: logger)
        } catch {
            throw classify(error, spec: spec, table: nil)
        }
        var helper: PostgresConnection? = nil
        do {
            try await run("START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", on: connection, logger: logger)
            var plan: [(table: CanonicalTable, sql: String, file: String)] = []
            for table in CanonicalTable.all {
                let sql: String
                if let query = queries[table.name] {
                    sql = query
                } else if try await tableExists(table.name, on: connection, logger: logger, spec: spec) {
                    sql = "SELECT * FROM \(quoted(table.name))"
                } else if table.name == "invoices" {
                    throw PostgresSourceError.missingTable(server: server, table: table.name)
                } else {
                    continue
                }
                plan.append((table, sql, (folder as NSString).appendingPathComponent(table.fileName)))
            }
            // Payments and credit notes stream on a second connection in the same snapshot,
            // so the two cores decode rows at once (as pg_dump's parallel jobs do).
            let cashTables: Set<String> = ["payments", "credit_notes", "fx_rates"]
            if plan.contains(where: { cashTables.contains($0.table.name) }) {
                helper = await snapshotHelper(sharing: connection, spec: spec, logger: logger)
            }
            var files: [String: TableRowMap] = [:]
            if let helper {
                let own = plan.filter { !cashTables.contains($0.table.name) }
                let other = plan.filter { cashTables.contains($0.table.name) }
                async let otherFiles = exportTables(other, connection: helper, logger: logger, spec: spec)
                files = try await exportTables(own, connection: connection, logger: logger, spec: spec)
                files.merge(try await otherFiles) { first, _ in first }
                try await run("COMMIT", on: helper, logger: logger)
                try? await helper.close()
            } else {
                files = try await exportTables(plan, connection: connection, logger: logger, spec: spec)
            }
            try await run("COMMIT", on: connection, logger: logger)
            try? await connection.close()
            return files
        } catch {
            if let helper { try? await helper.close() }
            try? await connection.close()
            throw classify(error, spec: spec, table: nil)
        }
    }

    /// Exports `plan`'s tables one after the other on `connection`.
    static func exportTables(
        _ plan: [(table: CanonicalTable, sql: String, file: String)], connection: PostgresConnection, logger: Logger,
        spec: PostgresConnectionSpec
    ) async throws -> [String: TableRowMap] {
        var files: [String: TableRowMap] = [:]
        for (table, sql, file) in plan {
            files[table.name] = try await exportTable(
                table, sql: sql, connection: connection, logger: logger, spec: spec, to: file)
        }
        return files
    }

    /// A second connection reading the snapshot `primary`'s transaction exported, or nil
    /// when the server cannot give one (too many connections, no snapshot export): the
    /// export then reads every table on `primary` alone.
    static func snapshotHelper(sharing primary: PostgresConnection, spec: PostgresConnectionSpec, logger: Logger) async
        -> PostgresConnection?
    {
        guard
            let rows = try? await primary.query("SELECT pg_export_snapshot()", logger: logger).collect(),
            let snapshot = try? rows.first?.decode(String.self),
            snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }),
            let helper = try? await PostgresConnection.connect(
                configuration: try configuration(spec), id: 2, logger: logger)
        else { return nil }
        do {
            try await run("START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", on: helper, logger: logger)
            try await run("SET TRANSACTION SNAPSHOT '\(snapshot)'", on: helper, logger: logger)
            return helper
        } catch {
            try? await helper.close()
            return nil
        }
    }

    /// Streams one table's rows into a canonical CSV file, checking its required columns first.
    static func exportTable(
        _ table: CanonicalTable, sql: String, connection: PostgresConnection, logger: Logger,
        spec: PostgresConnectionSpec, to file: String
    ) async throws -> TableRowMap {
        var writer: TableCSVWriter?
        // Columns the loader reads; a value of a type arreport cannot read stops the run only there.
        var canonical: [Bool] = []
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            for try await row in rows {
                let output: TableCSVWriter
                if let writer {
                    output = writer
                } else {
                    output = try startFile(table, columns: row.map(\.columnName), spec: spec, path: file)
                    canonical = row.map {
                        table.columns.contains($0.columnName.trimmingCharacters(in: .whitespaces).lowercased())
                    }
                    writer = output
                }
                for cell in row where !CanonicalCellText.append(cell, to: output) {
                    guard canonical[cell.columnIndex] else {
                        output.field("")
                        continue
                    }
                    throw PostgresSourceError.unsupportedType(
                        server: spec.displayName, table: table.name, column: cell.columnName,
                        type: typeName(cell.dataType))
                }
                try output.endRow()
            }
            if writer == nil {
                // No rows: the columns come from a one-row outer join, still checked and written as a header.
                // The query sits on lines of its own, so a trailing `--` comment cannot swallow the rest.
                let probe =
                    "SELECT q.* FROM (SELECT 1) AS arreport_one LEFT JOIN (\n\(trimmedStatement(sql))\n) AS q ON true LIMIT 1"
                let rows = try await connection.query(PostgresQuery(unsafeSQL: probe), logger: logger).collect()
                writer = try startFile(table, columns: rows.first?.map(\.columnName) ?? [], spec: spec, path: file)
            }
        } catch {
            throw classify(error, spec: spec, table: table.name)
        }
        return try writer!.finish()
    }

    static func startFile(_ table: CanonicalTable, columns: [String], spec: PostgresConnectionSpec, path: String) throws
        -> TableCSVWriter
    {
        let names = columns.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let missing = table.requiredColumns.first(where: { !names.contains($0) }) {
            throw PostgresSourceError.missingColumn(server: spec.displayName, table: table.name, column: missing)
        }
        return try TableCSVWriter(path: path, columns: names)
    }

    static func tableExists(
        _ name: String, on connection: PostgresConnection, logger: Logger, spec: PostgresConnectionSpec
    )
        async throws -> Bool
    {
        let rows = try await connection.query("SELECT to_regclass(\(quoted(name))) IS NOT NULL", logger: logger)
            .collect()
        return try rows.first?.decode(Bool.self) ?? false
    }

    static func run(_ sql: String, on connection: PostgresConnection, logger: Logger) async throws {
        _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
    }

    /// An identifier in double quotes, so `invoices` names exactly that table.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A configured query without trailing semicolons or spaces, to nest it in another.
    static func trimmedStatement(_ sql: String) -> String {
        var text = Substring(sql)
        while let last = text.last, last == ";" || last.isWhitespace { text.removeLast() }
        return String(text)
    }

    static func typeName(_ type: PostgresDataType) -> String {
        type.knownSQLName ?? "oid \(type.rawValue)"
    }

    /// postgres-nio's connection settings for `spec`, TLS as libpq's sslmode asks.
    static func configuration(_ spec: PostgresConnectionSpec) throws -> PostgresConnection.Configuration {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch spec.sslMode {
        // As libpq: require with a root certificate given checks the chain like verify-ca.
        case .require where spec.sslRootCert != nil: tls.certificateVerification = .noHostnameVerification
        case .disable, .allow, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let root = spec.sslRootCert, [.require, .verifyCA, .verifyFull].contains(spec.sslMode) {
            guard FileManager.default.isReadableFile(atPath: root) else {
                throw PostgresSourceError.badConnection("sslrootcert '\(root)' cannot be read")
            }
            tls.trustRoots = .file(root)
        }
        let mode: PostgresConnection.Configuration.TLS
        switch spec.sslMode {
        // As libpq: a Unix socket never uses TLS, whatever sslmode says.
        case _ where spec.isUnixSocket: mode = .disable
        case .disable, .allow: mode = .disable
        case .prefer: mode = .prefer(try NIOSSLContext(configuration: tls))
        case .require, .verifyCA, .verifyFull: mode = .require(try NIOSSLContext(configuration: tls))
        }
        var configuration: PostgresConnection.Configuration
        if spec.isUnixSocket {
            configuration = .init(
                unixSocketPath: spec.socketPath, username: spec.user, password: spec.password, database: spec.database)
            configuration.tls = mode
        } else {
            configuration = .init(
                host: spec.host, port: spec.port, username: spec.user, password: spec.password, database: spec.database,
                tls: mode)
        }
        configuration.options.connectTimeout = .seconds(Int64(spec.connectTimeoutSeconds))
        configuration.options.additionalStartupParameters = spec.startupParameters.sorted { $0.key < $1.key }.map {
            ($0.key, $0.value)
        }
        return configuration
    }

    /// Runs `operation` to completion and returns its result to a synchronous caller (the batch
    /// is synchronous; postgres-nio is asynchronous). The task runs on a queue of its own, not
    /// on Swift's cooperative threads: a caller that is itself on one (a test) blocks it while
    /// waiting, and with two cores the pool could have no thread left to run the task.
    static func waitFor<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: QueueExecutor.shared) {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            outcome.result.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.result.withLock { $0! }.get()
    }

    private final class Outcome<T: Sendable>: Sendable {
        let result = Mutex<Result<T, any Error>?>(nil)
    }
}

/// Runs tasks' jobs on a Dispatch queue outside the cooperative thread pool; concurrent, so
/// the two connections' exports run side by side.
final class QueueExecutor: TaskExecutor {
    static let shared = QueueExecutor()
    private let queue = DispatchQueue(label: "arreport.postgres", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
