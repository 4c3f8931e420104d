import Foundation

/// How to reach a PostgreSQL server, resolved the way libpq does it: the URL's parts first,
/// then the PG* environment variables, then ~/.pgpass for the password, then defaults.
public struct PostgresConnectionSpec: Sendable, Equatable {
    /// libpq's `sslmode`: disable and allow never encrypt, prefer and require encrypt without
    /// checking the certificate (prefer falls back to plain text), verify-ca and verify-full check it.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// A host name or address; a path starting with `/` is the folder of a Unix socket.
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    /// The CA certificates (PEM) verify-ca and verify-full trust; nil = the system's.
    public var sslRootCert: String?
    public var connectTimeoutSeconds: Int
    /// Run-time settings sent at start-up (`options=-c search_path=ar`, or PGOPTIONS).
    public var startupParameters: [String: String]

    /// The server without the password, for messages, run.json and the run history.
    public var displayName: String {
        let address =
            host.hasPrefix("/")
            ? "\(host) port \(port)" : (host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)")
        return "postgresql://\(user)@\(address)/\(database)"
    }

    public var isUnixSocket: Bool { host.hasPrefix("/") }
    /// The socket file inside a socket folder, as libpq names it.
    public var socketPath: String { (host as NSString).appendingPathComponent(".s.PGSQL.\(port)") }

    /// Resolves `url` (may be empty) with `environment`; `defaultUser` is the login name.
    public static func resolve(url: String, environment: [String: String], defaultUser: String, homeDirectory: String?)
        throws(PostgresSourceError) -> PostgresConnectionSpec
    {
        var values = try parse(url: url)
        let fromEnvironment: [(String, String)] = [
            ("PGHOST", "host"), ("PGPORT", "port"), ("PGUSER", "user"), ("PGPASSWORD", "password"),
            ("PGDATABASE", "dbname"), ("PGSSLMODE", "sslmode"), ("PGSSLROOTCERT", "sslrootcert"),
            ("PGCONNECT_TIMEOUT", "connect_timeout"), ("PGOPTIONS", "options"), ("PGAPPNAME", "application_name"),
        ]
        for (variable, key) in fromEnvironment where values[key] == nil {
            if let value = environment[variable], !value.isEmpty { values[key] = value }
        }
        let host = values["host"] ?? defaultHost()
        let portText = values["port"] ?? "5432"
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw .badConnection("port '\(portText)' is not a TCP port number")
        }
        let user = values["user"] ?? defaultUser
        let database = values["dbname"] ?? user
        let modeText = values["sslmode"] ?? SSLMode.prefer.rawValue
        guard let sslMode = SSLMode(rawValue: modeText) else {
            throw .badConnection(
                "sslmode '\(modeText)' is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let timeoutText = values["connect_timeout"] ?? "10"
        guard let timeout = Int(timeoutText), timeout >= 0 else {
            throw .badConnection("connect_timeout '\(timeoutText)' is not a whole number of seconds")
        }
        var startup = try parse(options: values["options"] ?? "")
        if let name = values["application_name"] { startup["application_name"] = name }
        if startup["application_name"] == nil { startup["application_name"] = "arreport" }
        // A table locked by a migration would otherwise hold the weekly run forever.
        if startup["lock_timeout"] == nil { startup["lock_timeout"] = "300s" }
        var spec = PostgresConnectionSpec(
            host: host, port: port, user: user, password: values["password"], database: database, sslMode: sslMode,
            // libpq's 0 = wait indefinitely; a day stands for it.
            sslRootCert: values["sslrootcert"], connectTimeoutSeconds: timeout == 0 ? 86_400 : timeout,
            startupParameters: startup)
        if spec.password == nil {
            let passFile =
                environment["PGPASSFILE"] ?? homeDirectory.map { ($0 as NSString).appendingPathComponent(".pgpass") }
            if let passFile, let text = try? String(contentsOfFile: passFile, encoding: .utf8) {
                spec.password = PasswordFile(text: text).password(for: spec)
            }
        }
        return spec
    }

    /// libpq's default host: the Debian socket folder when the server made one, else localhost.
    static func defaultHost() -> String {
        let folder = "/var/run/postgresql"
        return FileManager.default.fileExists(atPath: folder) ? folder : "localhost"
    }

    static let knownParameters: Set<String> = [
        "host", "port", "user", "password", "dbname", "sslmode", "sslrootcert", "connect_timeout", "options",
        "application_name",
    ]

    /// `postgresql://[user[:password]@][host][:port][/dbname][?param=value&...]`, percent-decoded.
    static func parse(url: String) throws(PostgresSourceError) -> [String: String] {
        var values: [String: String] = [:]
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return values }
        // The text is never echoed: it may hold a password.
        guard trimmed.hasPrefix("postgresql://") || trimmed.hasPrefix("postgres://") else {
            throw .badConnection("the connection must be a postgresql:// URL (key=value strings are not read)")
        }
        guard let components = URLComponents(string: trimmed) else {
            throw .badConnection(
                "the postgresql:// URL is not valid (percent-encode special characters such as @ and :)")
        }
        if let user = components.user, !user.isEmpty { values["user"] = user }
        // An empty password counts as none, so PGPASSWORD and ~/.pgpass still apply (as in libpq).
        if let password = components.password, !password.isEmpty { values["password"] = password }
        if let host = components.host, !host.isEmpty {
            values["host"] = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        }
        if let port = components.port { values["port"] = String(port) }
        let path = components.path
        if path.count > 1 { values["dbname"] = String(path.dropFirst()) }
        for item in components.queryItems ?? [] {
            guard knownParameters.contains(item.name) else {
                throw .badConnection(
                    "unknown URL parameter '\(item.name)' (known: \(knownParameters.sorted().joined(separator: ", ")))")
            }
            if let value = item.value, !value.isEmpty { values[item.name] = value }
        }
        return values
    }

    /// libpq's `options`: `-c name=value` (or `--name=value`) pairs separated by spaces.
    static func parse(options: String) throws(PostgresSourceError) -> [String: String] {
        var parameters: [String: String] = [:]
        var words = options.split(separator: " ").map(String.init)[...]
        while let word = words.popFirst() {
            var setting: String
            if word == "-c", let next = words.popFirst() {
                setting = next
            } else if word.hasPrefix("-c") {
                setting = String(word.dropFirst(2))
            } else if word.hasPrefix("--") {
                setting = String(word.dropFirst(2))
            } else {
                throw .badConnection("options '\(options)': expected -c name=value")
            }
            guard let equals = setting.firstIndex(of: "=") else {
                throw .badConnection("options '\(options)': expected -c name=value")
            }
            let name = String(setting[..<equals]).replacingOccurrences(of: "-", with: "_")
            setting = String(setting[setting.index(after: equals)...])
            parameters[name] = setting
        }
        return parameters
    }

}

/// A ~/.pgpass file: `host:port:database:user:password` lines, `*` matching anything,
/// `\:` and `\\` escaped; the first matching line gives the password (as in libpq).
struct PasswordFile {
    let entries: [[String]]

    init(text: String) {
        entries = text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            var fields: [String] = [""]
            var escaped = false
            for character in line {
                if escaped {
                    fields[fields.count - 1].append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 5 {
                    fields.append("")
                } else {
                    fields[fields.count - 1].append(character)
                }
            }
            return fields.count == 5 ? fields : nil
        }
    }

    func password(for spec: PostgresConnectionSpec) -> String? {
        // libpq matches a socket connection against the host name "localhost".
        let host = spec.isUnixSocket ? "localhost" : spec.host
        let wanted = [host, String(spec.port), spec.database, spec.user]
        return entries.first { entry in
            zip(entry.prefix(4), wanted).allSatisfy { $0 == "*" || $0 == $1 }
        }?[4]
    }
}
