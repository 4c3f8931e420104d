import Foundation
import GRDB

extension DatabaseValue {
    /// The value as canonical CSV text (docs/METRICS.md, "SQLite"): NULL is empty, TEXT as
    /// stored, INTEGER in decimal, REAL as its shortest round-trip decimal (`12.3`, never
    /// `12.300000000000001`), a BLOB as UTF-8 text.
    var canonicalText: String {
        switch storage {
        case .null: return ""
        case .int64(let value): return String(value)
        case .double(let value): return Self.decimalText(value)
        case .string(let value): return value
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        }
    }

    /// Swift's shortest representation that reads back as the same Double, in plain notation;
    /// a whole number keeps no `.0` (`1250` rather than `1250.0`).
    static func decimalText(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
