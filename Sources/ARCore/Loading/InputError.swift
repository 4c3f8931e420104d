/// A problem with an input as a whole (not one row): the run cannot go on.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data folder or a required file does not exist or cannot be read.
    case missingFile(path: String)
    /// The header lacks a required column.
    case missingColumn(path: String, column: String)
    /// The file is not CSV: binary content, no header row, or an unclosed quote.
    case notCSV(path: String, line: Int, reason: String)
    /// Reading failed part way (an I/O error).
    case unreadable(path: String, reason: String)
    /// An amount conversion went beyond 128-bit arithmetic (absurd amounts or rates).
    case arithmeticOverflow(path: String, line: Int)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): file not found"
        case .missingColumn(let path, let column):
            return "\(path):1: missing required column '\(column)'"
        case .notCSV(let path, let line, let reason):
            return "\(path):\(line): not a CSV file: \(reason)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .arithmeticOverflow(let path, let line):
            return "\(path):\(line): amount too large to convert exactly"
        }
    }
}
