import Foundation
import Testing

@testable import ARPostgres

/// The connection is resolved as libpq does: URL, then PG* variables, then ~/.pgpass, then defaults.
@Suite struct ConnectionSpecTests {
    func resolve(_ url: String, _ environment: [String: String] = [:], home: String? = nil) throws
        -> PostgresConnectionSpec
    {
        try PostgresConnectionSpec.resolve(
            url: url, environment: environment, defaultUser: "clerk", homeDirectory: home)
    }

    @Test func urlPartsWinOverTheEnvironment() throws {
        let spec = try resolve(
            "postgresql://ar:s%40cret@db.example.com:6543/ledger?sslmode=verify-full&options=-c%20search_path%3Dfinance",
            ["PGHOST": "other", "PGUSER": "nobody", "PGPASSWORD": "envpass", "PGDATABASE": "x", "PGSSLMODE": "disable"])
        #expect(spec.host == "db.example.com")
        #expect(spec.port == 6543)
        #expect(spec.user == "ar")
        #expect(spec.password == "s@cret")
        #expect(spec.database == "ledger")
        #expect(spec.sslMode == .verifyFull)
        #expect(
            spec.startupParameters == [
                "search_path": "finance", "application_name": "arreport", "lock_timeout": "300s",
            ])
        #expect(spec.displayName == "postgresql://ar@db.example.com:6543/ledger")
    }

    @Test func theEnvironmentFillsWhatTheURLLeavesOut() throws {
        let spec = try resolve(
            "postgresql://",
            [
                "PGHOST": "10.0.0.5", "PGPORT": "5433", "PGUSER": "reader", "PGPASSWORD": "pw", "PGDATABASE": "erp",
                "PGSSLMODE": "require", "PGOPTIONS": "-c statement_timeout=5000", "PGAPPNAME": "cron",
            ])
        #expect(spec.host == "10.0.0.5" && spec.port == 5433 && spec.user == "reader" && spec.password == "pw")
        #expect(spec.database == "erp" && spec.sslMode == .require)
        #expect(
            spec.startupParameters == ["statement_timeout": "5000", "application_name": "cron", "lock_timeout": "300s"])
        // The empty URL means the same.
        #expect(
            try resolve("", ["PGHOST": "10.0.0.5", "PGPORT": "5433", "PGUSER": "reader", "PGDATABASE": "erp"]).port
                == 5433)
    }

    @Test func defaultsAreLibpqs() throws {
        let spec = try resolve("postgresql://db")
        #expect(spec.port == 5432 && spec.user == "clerk" && spec.database == "clerk" && spec.password == nil)
        #expect(spec.sslMode == .prefer && spec.connectTimeoutSeconds == 10)
        #expect(spec.startupParameters == ["application_name": "arreport", "lock_timeout": "300s"])
        // libpq's connect_timeout=0 waits indefinitely; an empty password counts as none.
        let patient = try resolve("postgresql://ar:@db/ledger?connect_timeout=0", ["PGPASSWORD": "env"])
        #expect(patient.connectTimeoutSeconds == 86_400 && patient.password == "env")
    }

    @Test func aSocketFolderAndAnIPv6Address() throws {
        let socket = try resolve("postgresql:///ledger?host=/run/postgresql&port=5433")
        #expect(socket.isUnixSocket && socket.socketPath == "/run/postgresql/.s.PGSQL.5433")
        #expect(socket.displayName == "postgresql://clerk@/run/postgresql port 5433/ledger")
        let v6 = try resolve("postgresql://ar@[::1]:5432/ledger")
        #expect(v6.host == "::1" && v6.displayName == "postgresql://ar@[::1]:5432/ledger")
    }

    @Test func thePasswordFileGivesTheFirstMatchingLine() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try """
        # host:port:database:user:password
        other:*:*:*:wrong
        db.example.com:5432:ledger:ar:pa\\:ss
        *:*:*:ar:fallback
        """.write(to: home.appendingPathComponent(".pgpass"), atomically: true, encoding: .utf8)
        #expect(try resolve("postgresql://ar@db.example.com/ledger", home: home.path).password == "pa:ss")
        #expect(try resolve("postgresql://ar@db.example.com/other", home: home.path).password == "fallback")
        #expect(try resolve("postgresql://bob@db.example.com/ledger", home: home.path).password == nil)
        // PGPASSWORD (or a password in the URL) comes first.
        #expect(
            try resolve("postgresql://ar@db.example.com/ledger", ["PGPASSWORD": "env"], home: home.path).password
                == "env")
    }

    @Test func malformedSettingsAreOneLineErrors() throws {
        #expect(throws: PostgresSourceError.badConnection("port 'http' is not a TCP port number")) {
            try resolve("postgresql://db/ledger", ["PGPORT": "http"])
        }
        #expect(
            throws: PostgresSourceError.badConnection(
                "sslmode 'on' is not one of disable, allow, prefer, require, verify-ca, verify-full")
        ) {
            try resolve("postgresql://db/ledger?sslmode=on")
        }
        // The text is never echoed: it may hold a password.
        #expect(
            throws: PostgresSourceError.badConnection(
                "the connection must be a postgresql:// URL (key=value strings are not read)")
        ) {
            try resolve("host=db password=secret")
        }
        do {
            _ = try resolve("postgresql://db/ledger?sslmod=require")
            Issue.record("an unknown parameter was accepted")
        } catch {
            #expect("\(error)".hasPrefix("PostgreSQL connection: unknown URL parameter 'sslmod' (known: "))
        }
        #expect(throws: PostgresSourceError.badConnection("options 'search_path=x': expected -c name=value")) {
            try resolve("postgresql://db/ledger", ["PGOPTIONS": "search_path=x"])
        }
    }
}
