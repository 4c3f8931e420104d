/// Why a data set could not be generated.
public enum GeneratorError: Error, CustomStringConvertible, Equatable {
    /// The settings cannot describe a data set (end before start, no customers...).
    case invalidSettings(String)
    /// The output folder could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// A file could not be opened, written or closed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSettings(let message):
            return "invalid generator settings: \(message)"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create folder \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
