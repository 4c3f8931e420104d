import Foundation

/// A table for the terminal: a header, rows of text, and per-column alignment,
/// rendered as aligned text, CSV or JSON (`--format table|csv|json`).
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable { case left, right }

    public var columns: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// A closing row (totals) shown under a rule in the aligned table only.
    public var footer: [String]?

    public init(columns: [String], alignments: [Alignment], rows: [[String]] = [], footer: [String]? = nil) {
        self.columns = columns
        self.alignments = alignments
        self.rows = rows
        self.footer = footer
    }

    /// Aligned columns separated by two spaces, a rule under the header.
    public func renderAligned() -> String {
        let all = [columns] + rows + (footer.map { [$0] } ?? [])
        let widths = columns.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - cells[column].count)
                return alignments[column] == .right ? pad + cells[column] : cells[column] + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = [line(columns), rule] + rows.map(line)
        if let footer { lines += [rule, line(footer)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header row, no footer.
    public func renderCSV() -> String {
        var csv = CSVBuffer()
        csv.header(columns)
        for row in rows {
            for cell in row { csv.field(cell) }
            csv.endRow()
        }
        return String(decoding: csv.bytes, as: UTF8.self)
    }

    /// A JSON array of objects keyed by column name, no footer.
    public func renderJSON() -> String {
        let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(objects)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
