/// A profile that cannot be used: not found, malformed, or not matching the file.
public enum ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No profile file under any of the places looked at.
    case notFound(name: String, looked: [String])
    /// The YAML is unreadable or a key is unknown, missing or has a bad value.
    case malformed(path: String, key: String, reason: String)
    /// The profile maps a field to a column the file's header lacks.
    case missingColumn(file: String, profile: String, field: String, column: String)
    /// The data given with a profile is not a file.
    case notAFile(path: String)

    public var description: String {
        switch self {
        case .notFound(let name, let looked):
            return "profile '\(name)' not found (looked for \(looked.joined(separator: ", ")))"
        case .malformed(let path, let key, let reason):
            return "\(path): bad profile: \(key): \(reason)"
        case .missingColumn(let file, let profile, let field, let column):
            return "\(file):1: profile '\(profile)' maps \(field) to column '\(column)', which the file lacks"
        case .notAFile(let path):
            return "\(path): with --profile, --data names the export file itself, not a folder"
        }
    }
}
