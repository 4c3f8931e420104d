import ARAnalysis
import ARCore
import ARPostgres
import ARProfiles
import ARSQLite

/// Errors of a run that stop it, each with its documented exit status (README, "Exit codes").
public enum ReportError: Error, Sendable, CustomStringConvertible {
    case strictRejects(count: Int, first: Reject)
    case cannotWrite(path: String, reason: String)
    case config(path: String, reason: String)
    case settings(String)

    public var description: String {
        switch self {
        case .strictRejects(let count, let first):
            return "--strict: \(count) rejected row\(count == 1 ? "" : "s"); first: \(first.file):\(first.line): "
                + "column \(first.column): \(first.reason.rawValue): \(first.message). No report written."
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write output: \(reason)"
        case .config(let path, let reason):
            return "\(path): bad configuration: \(reason)"
        case .settings(let message):
            return message
        }
    }
}

/// Exit statuses, after sysexits.h where one fits.
public enum ExitStatus {
    public static let usage: Int32 = 64
    public static let strictRejects: Int32 = 65
    public static let missingInput: Int32 = 66
    public static let missingColumn: Int32 = 67
    public static let notCSV: Int32 = 68
    public static let internalError: Int32 = 70
    public static let cannotWrite: Int32 = 73
    public static let ioError: Int32 = 74
    public static let config: Int32 = 78
    /// A profile maps a field to a column the export's header lacks.
    public static let profileColumn: Int32 = 79
    /// Database sources (docs/METRICS.md, "SQLite", "PostgreSQL"): the SQLite file or the
    /// PostgreSQL database does not exist.
    public static let databaseMissing: Int32 = 80
    /// The file is not a SQLite database.
    public static let notADatabase: Int32 = 81
    /// The database lacks the invoices table.
    public static let missingTable: Int32 = 82
    /// A table or query lacks a required column (the message names table and column).
    public static let missingTableColumn: Int32 = 83
    /// The database refused a configured query (the message is the database's), or a column's
    /// type cannot be read.
    public static let queryFailed: Int32 = 84
    /// No PostgreSQL server answered, or the connection or TLS failed.
    public static let cannotConnect: Int32 = 85
    /// The PostgreSQL server refused the user or password.
    public static let authenticationFailed: Int32 = 86

    /// The status for an error that ends a run.
    public static func of(_ error: Error) -> Int32 {
        switch error {
        case let error as InputError:
            switch error {
            case .missingFile: return missingInput
            case .missingColumn: return missingColumn
            case .notCSV: return notCSV
            case .unreadable: return ioError
            case .arithmeticOverflow: return strictRejects
            }
        case let error as ReportError:
            switch error {
            case .strictRejects: return strictRejects
            case .cannotWrite: return cannotWrite
            case .config: return config
            case .settings: return usage
            }
        case let error as ProfileError:
            switch error {
            case .missingColumn: return profileColumn
            case .malformed, .notFound: return config
            case .notAFile: return usage
            }
        case let error as SQLiteSourceError:
            switch error {
            case .missingDatabase: return databaseMissing
            case .notADatabase: return notADatabase
            case .missingTable: return missingTable
            case .missingColumn: return missingTableColumn
            case .queryFailed: return queryFailed
            case .cannotWrite: return cannotWrite
            }
        case let error as PostgresSourceError:
            switch error {
            case .badConnection: return usage
            case .cannotConnect: return cannotConnect
            case .authenticationFailed: return authenticationFailed
            case .databaseNotFound: return databaseMissing
            case .missingTable: return missingTable
            case .missingColumn: return missingTableColumn
            case .queryFailed, .unsupportedType: return queryFailed
            }
        case is SettingsError: return usage
        case is TemplateError: return config
        case is RollForwardError, is InvariantError: return internalError
        default: return internalError
        }
    }
}
