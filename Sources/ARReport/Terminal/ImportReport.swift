import Foundation
import ARSQLite

/// The summary `arreport import` prints: rows read, rejected and imported per table, then the rejects.
public enum ImportReport {
    /// At most this many rejected rows are listed; the count says how many there were.
    public static let listedRejects = 50

    public static func text(_ summary: ImportSummary) -> String {
        var lines = ["arreport import: \(summary.database)"]
        let width = summary.tables.map(\.table.count).max() ?? 0
        for table in summary.tables {
            let name = table.table.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(name)  \(table.rows) rows read, \(table.rejected) rejected, \(table.imported) imported")
        }
        if !summary.rejects.isEmpty {
            lines.append("rejected rows (not imported): \(summary.rejects.count)")
            for reject in summary.rejects.prefix(listedRejects) {
                lines.append(
                    "  \(reject.file):\(reject.line): column \(reject.column): \(reject.reason.rawValue): \(reject.message)")
            }
            if summary.rejects.count > listedRejects {
                lines.append("  ... and \(summary.rejects.count - listedRejects) more")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
