import Foundation
import NIOCore
import NIOSSL
import PostgresNIO

extension PostgresSource {
    /// postgres-nio's errors as one-line source errors: the server's SQLSTATE tells a refused
    /// password (28P01) from a missing database (3D000) or a bad query; connection failures
    /// keep the reason from the network layer. Other errors (a temporary file) pass through.
    static func classify(_ error: any Error, spec: PostgresConnectionSpec, table: String?) -> any Error {
        if error is PostgresSourceError { return error }
        let server = spec.displayName
        guard let error = error as? PSQLError else {
            if let reason = networkReason(error, spec: spec) {
                return PostgresSourceError.cannotConnect(server: server, reason: reason)
            }
            return error
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "error \(state)"
            switch state {
            case "28P01", "28000": return PostgresSourceError.authenticationFailed(server: server, reason: message)
            case "3D000": return PostgresSourceError.databaseNotFound(server: server)
            case "57P03", "53300", "08006", "08001", "08004":
                return PostgresSourceError.cannotConnect(server: server, reason: message)
            default:
                return PostgresSourceError.queryFailed(server: server, table: table ?? "database", message: message)
            }
        case .authMechanismRequiresPassword:
            return PostgresSourceError.authenticationFailed(
                server: server, reason: "the server asks for a password: set PGPASSWORD or add it to ~/.pgpass")
        case .unsupportedAuthMechanism, .saslError:
            return PostgresSourceError.authenticationFailed(
                server: server,
                reason: error.underlying.map(oneLine) ?? "the server's authentication method is not supported")
        case .sslUnsupported:
            return PostgresSourceError.cannotConnect(
                server: server, reason: "the server does not offer TLS, which sslmode=\(spec.sslMode.rawValue) requires"
            )
        default:
            let reason = error.underlying.flatMap { networkReason($0, spec: spec) ?? oneLine($0) } ?? "\(error.code)"
            return PostgresSourceError.cannotConnect(server: server, reason: reason)
        }
    }

    /// A short reason for a network or TLS failure, or nil when `error` is neither.
    static func networkReason(_ error: any Error, spec: PostgresConnectionSpec) -> String? {
        let text = oneLine(error)
        if error is NIOSSLError || error is BoringSSLError {
            return "TLS failed (sslmode=\(spec.sslMode.rawValue)): \(text)"
        }
        if text.localizedCaseInsensitiveContains("refused") || text.contains("ECONNREFUSED") {
            return spec.isUnixSocket
                ? "connection refused: is the server running with its socket in \(spec.host)?"
                : "connection refused: is the server running on \(spec.host):\(spec.port)?"
        }
        if text.contains("No such file or directory") && spec.isUnixSocket {
            return "no server socket \(spec.socketPath): is the server running?"
        }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return "no answer within \(spec.connectTimeoutSeconds) s from \(spec.host):\(spec.port)"
        }
        if error is NIOConnectionError || error is IOError || error is ChannelError || error is SocketAddressError {
            return text
        }
        return nil
    }

    static func oneLine(_ error: any Error) -> String {
        "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
