import Foundation
import Yams

/// The board pack's layout, read from `board_pack.yml`: the pages in order, each with its heading and
/// blocks. Every name is checked when the file is read, so a typo fails the run before any data is
/// read (exit 78), naming the file, the line and the name.
public struct BoardPackLayout: Sendable, Equatable {
    public var title: String
    public var pages: [Page]
    /// Where the layout was read from: a path, or `built-in`.
    public var origin: String

    public struct Page: Sendable, Equatable {
        public var kind: PageKind
        public var heading: String
        public var intro: String
        public var blocks: [Block]
    }

    public enum PageKind: String, Sendable, CaseIterable {
        case cover, aging, trends, topPastDue = "top_past_due", risk, cashForecast = "cash_forecast", allowance
        case dataQuality = "data_quality", worklist
    }

    public enum Width: String, Sendable, CaseIterable {
        case half, full
    }

    /// Which change a KPI tile shows.
    public enum Compare: String, Sendable, CaseIterable {
        case monthEnd = "month_end", week, both
    }

    public enum Block: Sendable, Equatable {
        case kpis(keys: [String], compare: Compare)
        case chart(BoardPackChart, width: Width)
        case table(BoardPackTable, title: String, rows: Int, width: Width)
        case contents
    }

    /// KPI tile keys: the report model's headline and balance tiles.
    public static let kpiKeys = [
        "total_ar", "dso", "cei", "over_90_share", "current_ar", "past_due_ar", "disputed_ar", "unapplied",
    ]
    static let defaultTableRows = 10
    static let maximumTableRows = 25
}

/// The charts a layout can place.
public enum BoardPackChart: String, Sendable, CaseIterable {
    case agingBuckets = "aging_buckets", agingMix = "aging_mix", dsoCei = "dso_cei", topPastDue = "top_past_due"
    case concentration, riskBands = "risk_bands", cashForecast = "cash_forecast"
    case forecastVsActual = "forecast_vs_actual"
}

/// The tables a layout can place.
public enum BoardPackTable: String, Sendable, CaseIterable {
    case aging, trend, topPastDue = "top_past_due", topRisks = "top_risks", riskBands = "risk_bands", allowance
    case forecast, backtest, inputFiles = "input_files", rejectReasons = "reject_reasons", unapplied
    case largestUnapplied = "largest_unapplied", worklist
}

extension BoardPackLayout {
    public static let fileName = "board_pack.yml"

    /// Finds and reads the layout: `board_pack.yml` in `--templates DIR` when it has one, then
    /// `templates/` in the current directory, then at the package root, else the built-in copy.
    public static func load(templatesDirectory: String?) throws -> BoardPackLayout {
        var folders: [String] = []
        if let templatesDirectory { folders.append(templatesDirectory) }
        folders.append("templates")
        folders += ReportTemplates.packageRoots().map { $0.appendingPathComponent("templates").path }
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(fileName)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ReportError.config(path: path, reason: "cannot read the board-pack layout")
            }
            return try parse(text, path: path)
        }
        return try parse(defaultText, path: "built-in/" + fileName)
    }

    /// Parses a layout; `path` names the file in errors (`path:LINE: bad configuration: ...`).
    public static func parse(_ text: String, path: String) throws -> BoardPackLayout {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ReportError.config(path: path, reason: "not valid YAML: \(error)")
        }
        var reader = LayoutReader(path: path)
        guard let root else { throw reader.error(nil, "the layout is empty: it needs `pages:`") }
        return try reader.layout(root)
    }
}

/// Walks the YAML node tree, keeping each node's line for errors.
private struct LayoutReader {
    let path: String

    func error(_ node: Node?, _ reason: String) -> ReportError {
        guard let line = node?.mark?.line else { return .config(path: path, reason: reason) }
        return .config(path: "\(path):\(line)", reason: reason)
    }

    func mapping(_ node: Node, _ what: String, known: [String]) throws -> [(String, Node, Node)] {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping of keys to values") }
        var entries: [(String, Node, Node)] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard known.contains(name) else {
                throw error(key, "unknown key '\(name)' in \(what) (known: \(known.joined(separator: ", ")))")
            }
            entries.append((name, key, value))
        }
        return entries
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "\(what) must be text") }
        return scalar.string
    }

    func name<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as: T.Type) throws -> T
    where T.RawValue == String {
        let text = try string(node, what)
        guard let value = T(rawValue: text) else {
            throw error(
                node, "unknown \(what) '\(text)' (known: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return value
    }

    mutating func layout(_ root: Node) throws -> BoardPackLayout {
        var title = "AR board pack"
        var pages: [BoardPackLayout.Page] = []
        var sawPages = false
        for (key, keyNode, value) in try mapping(root, "the layout", known: ["title", "pages"]) {
            switch key {
            case "title": title = try string(value, "title")
            default:
                sawPages = true
                guard let sequence = value.sequence else { throw error(keyNode, "`pages:` must be a list of pages") }
                for pageNode in sequence { pages.append(try page(pageNode)) }
            }
        }
        guard sawPages, !pages.isEmpty else { throw error(root, "the layout names no pages: add `pages:`") }
        return BoardPackLayout(title: title, pages: pages, origin: path)
    }

    func page(_ node: Node) throws -> BoardPackLayout.Page {
        var kind: BoardPackLayout.PageKind?
        var heading = ""
        var intro = ""
        var blocks: [BoardPackLayout.Block] = []
        for (key, _, value) in try mapping(node, "a page", known: ["page", "heading", "intro", "blocks"]) {
            switch key {
            case "page": kind = try name(value, "page", as: BoardPackLayout.PageKind.self)
            case "heading": heading = try string(value, "heading")
            case "intro": intro = try string(value, "intro")
            default:
                guard let sequence = value.sequence else { throw error(value, "`blocks:` must be a list of blocks") }
                blocks = try sequence.map { try block($0) }
            }
        }
        guard let kind else { throw error(node, "a page needs `page:` (one of \(pageNames))") }
        return BoardPackLayout.Page(
            kind: kind, heading: heading.isEmpty ? kind.rawValue.replacingOccurrences(of: "_", with: " ").capitalized : heading,
            intro: intro, blocks: blocks)
    }

    var pageNames: String { BoardPackLayout.PageKind.allCases.map(\.rawValue).joined(separator: ", ") }

    func block(_ node: Node) throws -> BoardPackLayout.Block {
        let known = ["kpis", "compare", "chart", "table", "rows", "title", "width", "contents"]
        guard let mapping = node.mapping else { throw error(node, "a block must be a mapping such as `chart: aging_buckets`") }
        // The block's kind is its first key; a misspelt kind is reported as an unknown block.
        guard let (firstKey, _) = mapping.first(where: { _ in true }), let kindName = firstKey.string else {
            throw error(node, "empty block")
        }
        guard ["kpis", "chart", "table", "contents"].contains(kindName) else {
            throw error(firstKey, "unknown block '\(kindName)' (known: kpis, chart, table, contents)")
        }
        var values: [String: Node] = [:]
        for (key, keyNode, value) in try self.mapping(node, "a block", known: known) {
            values[key] = value
            _ = keyNode
        }
        var width = BoardPackLayout.Width.half
        if let node = values["width"] { width = try name(node, "width", as: BoardPackLayout.Width.self) }
        switch kindName {
        case "kpis":
            guard let list = values["kpis"]?.sequence, !list.isEmpty else {
                throw error(values["kpis"] ?? node, "`kpis:` must list KPI keys, e.g. [total_ar, dso]")
            }
            let keys = try list.map { item -> String in
                let key = try string(item, "KPI")
                guard BoardPackLayout.kpiKeys.contains(key) else {
                    throw error(item, "unknown KPI '\(key)' (known: \(BoardPackLayout.kpiKeys.joined(separator: ", ")))")
                }
                return key
            }
            var compare = BoardPackLayout.Compare.monthEnd
            if let node = values["compare"] { compare = try name(node, "compare", as: BoardPackLayout.Compare.self) }
            return .kpis(keys: keys, compare: compare)
        case "chart":
            return .chart(try name(values["chart"]!, "chart", as: BoardPackChart.self), width: width)
        case "table":
            let table = try name(values["table"]!, "table", as: BoardPackTable.self)
            var rows = BoardPackLayout.defaultTableRows
            if let node = values["rows"] {
                guard let count = node.int, count >= 1, count <= BoardPackLayout.maximumTableRows else {
                    throw error(node, "`rows:` must be a whole number from 1 to \(BoardPackLayout.maximumTableRows)")
                }
                rows = count
            }
            let title = try values["title"].map { try string($0, "title") } ?? ""
            return .table(table, title: title, rows: rows, width: width)
        default:
            return .contents
        }
    }
}
