import ARCore
import Foundation
import Yams

extension Profile {
    /// The profile file for `--profile`: a path to a `.yml`/`.yaml` file (or any path with a `/`),
    /// else `profiles/NAME.yml` (then `.yaml`) under `directory`.
    public static func locate(_ nameOrPath: String, in directory: String) throws(ProfileError) -> String {
        let fileManager = FileManager.default
        if nameOrPath.hasSuffix(".yml") || nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") {
            guard fileManager.fileExists(atPath: nameOrPath) else {
                throw .notFound(name: nameOrPath, looked: [nameOrPath])
            }
            return nameOrPath
        }
        let candidates = ["yml", "yaml"].map { "profiles/\(nameOrPath).\($0)" }
        for candidate in candidates {
            let path = (directory as NSString).appendingPathComponent(candidate)
            if fileManager.fileExists(atPath: path) { return path }
        }
        throw .notFound(name: nameOrPath, looked: candidates)
    }

    /// Reads and checks a profile file; every problem names the file and the key.
    public static func load(path: String) throws(ProfileError) -> Profile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .malformed(path: path, key: "(file)", reason: "cannot read the file")
        }
        let defaultName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try parse(yaml: text, path: path, defaultName: defaultName)
    }

    /// Parses profile YAML; `path` is only used in error messages.
    public static func parse(yaml text: String, path: String, defaultName: String) throws(ProfileError) -> Profile {
        let document: Any?
        do {
            document = try Yams.load(yaml: text)
        } catch {
            throw .malformed(path: path, key: "(yaml)", reason: "not valid YAML: \(error)")
        }
        let reader = YAMLReader(path: path)
        let top = try reader.mapping(document, key: "(top level)")
        try reader.onlyKeys(
            top,
            ["name", "description", "shape", "date_format", "numbers", "booleans", "fields", "attributes", "fx_rates"],
            in: "")

        let name = try reader.scalar(top["name"], key: "name") ?? defaultName
        guard let shapeText = try reader.scalar(top["shape"], key: "shape") else {
            throw .malformed(path: path, key: "shape", reason: "missing (one of \(Self.shapeList))")
        }
        guard let shape = ProfileShape(rawValue: shapeText) else {
            throw .malformed(path: path, key: "shape", reason: "'\(shapeText)' is not one of \(Self.shapeList)")
        }
        var dateFormat = DatePattern.iso
        if let pattern = try reader.scalar(top["date_format"], key: "date_format") {
            dateFormat = try reader.datePattern(pattern, key: "date_format")
        }

        var numbers = NumberFormat.plain
        if let node = top["numbers"] {
            let mapping = try reader.mapping(node, key: "numbers")
            try reader.onlyKeys(mapping, ["decimal", "thousands"], in: "numbers")
            if let decimal = try reader.scalar(mapping["decimal"], key: "numbers.decimal") {
                guard decimal == "." || decimal == "," else {
                    throw .malformed(
                        path: path, key: "numbers.decimal", reason: "must be \".\" or \",\", not '\(decimal)'")
                }
                numbers.decimal = decimal.utf8.first!
            }
            if let thousands = try reader.scalar(mapping["thousands"], key: "numbers.thousands"), !thousands.isEmpty {
                guard thousands.utf8.count == 1, let byte = thousands.utf8.first,
                    [",", ".", " ", "'"].contains(thousands)
                else {
                    throw .malformed(
                        path: path, key: "numbers.thousands",
                        reason: "must be one of , . ' or a space, not '\(thousands)'")
                }
                guard byte != numbers.decimal else {
                    throw .malformed(
                        path: path, key: "numbers.thousands", reason: "is the same as the decimal separator")
                }
                numbers.thousands = byte
            }
        }

        var booleans = BooleanWords.standard
        if let node = top["booleans"] {
            let mapping = try reader.mapping(node, key: "booleans")
            try reader.onlyKeys(mapping, ["true_values", "false_values"], in: "booleans")
            let yes = try reader.scalarList(mapping["true_values"], key: "booleans.true_values")
            let no = try reader.scalarList(mapping["false_values"], key: "booleans.false_values")
            booleans = BooleanWords(
                yes: yes ?? Array(BooleanWords.standard.yes), no: no ?? Array(BooleanWords.standard.no))
            guard booleans.yes.isDisjoint(with: booleans.no) else {
                throw .malformed(path: path, key: "booleans", reason: "a word is both true and false")
            }
        }

        guard let fieldsNode = top["fields"] else {
            throw .malformed(path: path, key: "fields", reason: "missing: map canonical fields to source columns")
        }
        let fieldMapping = try reader.mapping(fieldsNode, key: "fields")
        try reader.onlyKeys(fieldMapping, Profile.fieldNames, in: "fields")
        var fields: [String: FieldSpec] = [:]
        for (key, node) in fieldMapping {
            fields[key] = try reader.fieldSpec(node, key: "fields.\(key)", allowLineNumber: key == "invoice_id")
        }
        for required in Profile.requiredFields where fields[required] == nil {
            throw .malformed(path: path, key: "fields.\(required)", reason: "missing: every shape needs it")
        }
        let settlementFields = ["settled_date", "settled_days", "settled_amount"]
        switch shape {
        case .invoiceWithSettlement:
            guard fields["settled_date"] != nil || fields["settled_days"] != nil else {
                throw .malformed(
                    path: path, key: "fields.settled_date",
                    reason: "missing: invoice_with_settlement needs settled_date or settled_days")
            }
        case .canonical, .openItems:
            if let extra = settlementFields.first(where: { fields[$0] != nil }) {
                throw .malformed(
                    path: path, key: "fields.\(extra)", reason: "only the invoice_with_settlement shape has it")
            }
        }
        for (key, spec) in fields where spec.dateFormat != nil && !key.hasSuffix("_date") {
            throw .malformed(path: path, key: "fields.\(key).format", reason: "only date fields take a format")
        }

        var attributes: [(name: String, spec: FieldSpec)] = []
        if let node = top["attributes"] {
            let mapping = try reader.mapping(node, key: "attributes")
            // Yams mappings are unordered: attributes are kept in name order.
            for key in mapping.keys.sorted() {
                guard key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
                    throw .malformed(
                        path: path, key: "attributes.\(key)",
                        reason: "attribute names are lower-case letters, digits and _")
                }
                guard !["segment", "region", "currency", "customer"].contains(key) else {
                    throw .malformed(
                        path: path, key: "attributes.\(key)", reason: "is a customer attribute name; choose another")
                }
                attributes.append(
                    (key, try reader.fieldSpec(mapping[key]!, key: "attributes.\(key)", allowLineNumber: false)))
            }
        }

        var fxRates: [(currency: String, rate: FXRate)] = []
        if let node = top["fx_rates"] {
            let mapping = try reader.mapping(node, key: "fx_rates")
            for key in mapping.keys.sorted() {
                let code = key.uppercased()
                guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    throw .malformed(path: path, key: "fx_rates.\(key)", reason: "not a 3-letter ISO 4217 code")
                }
                guard let text = try reader.scalar(mapping[key], key: "fx_rates.\(key)"), let rate = FXRate.parse(text),
                    rate.mantissa > 0
                else {
                    throw .malformed(path: path, key: "fx_rates.\(key)", reason: "not a positive decimal rate")
                }
                fxRates.append((code, rate))
            }
        }
        return Profile(
            name: name, path: path, shape: shape, dateFormat: dateFormat, numbers: numbers, booleans: booleans,
            fields: fields, attributes: attributes, fxRates: fxRates)
    }

    static var shapeList: String { ProfileShape.allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Walks Yams' untyped result with errors that name the key path.
struct YAMLReader {
    let path: String

    func fail(_ key: String, _ reason: String) -> ProfileError { .malformed(path: path, key: key, reason: reason) }

    func mapping(_ node: Any?, key: String) throws(ProfileError) -> [String: Any] {
        if node == nil || node is NSNull { return [:] }
        guard let mapping = node as? [AnyHashable: Any] else { throw fail(key, "must be a mapping (key: value)") }
        var result: [String: Any] = [:]
        for (name, value) in mapping { result["\(name.base)"] = value }
        return result
    }

    func onlyKeys(_ mapping: [String: Any], _ known: [String], in parent: String) throws(ProfileError) {
        if let unknown = mapping.keys.sorted().first(where: { !known.contains($0) }) {
            let key = parent.isEmpty ? unknown : "\(parent).\(unknown)"
            throw fail(key, "unknown key (known: \(known.joined(separator: ", ")))")
        }
    }

    /// A scalar as text: strings, numbers and booleans as written; nil when absent.
    func scalar(_ node: Any?, key: String) throws(ProfileError) -> String? {
        switch node {
        case nil, is NSNull: return nil
        case let text as String: return text
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        case let number as Double: return String(number)
        default: throw fail(key, "must be a single value")
        }
    }

    func scalarList(_ node: Any?, key: String) throws(ProfileError) -> [String]? {
        guard let node, !(node is NSNull) else { return nil }
        guard let list = node as? [Any] else { throw fail(key, "must be a list, e.g. [Yes, Y]") }
        var result: [String] = []
        for item in list { result.append(try scalar(item, key: key) ?? "") }
        return result
    }

    func datePattern(_ text: String, key: String) throws(ProfileError) -> DatePattern {
        guard let pattern = DatePattern(text) else {
            throw fail(
                key,
                "'\(text)' is not a date pattern: it needs one year (YYYY or YY), month (MM, M or Mon) and day (DD or D)"
            )
        }
        return pattern
    }

    /// `Column` or `{column:, constant:, default:, map:, format:, from: line_number}`.
    func fieldSpec(_ node: Any, key: String, allowLineNumber: Bool) throws(ProfileError) -> FieldSpec {
        if let column = try? scalar(node, key: key) {
            guard !column.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(key, "empty column name") }
            return FieldSpec(column: column.trimmingCharacters(in: .whitespaces))
        }
        let mapping = try self.mapping(node, key: key)
        try onlyKeys(mapping, ["column", "constant", "default", "map", "format", "from", "required"], in: key)
        var spec = FieldSpec()
        spec.column = try scalar(mapping["column"], key: "\(key).column")?.trimmingCharacters(in: .whitespaces)
        spec.constant = try scalar(mapping["constant"], key: "\(key).constant")
        spec.defaultValue = try scalar(mapping["default"], key: "\(key).default")
        if let required = try scalar(mapping["required"], key: "\(key).required") {
            guard required == "true" || required == "false" else {
                throw fail("\(key).required", "must be true or false")
            }
            spec.required = required == "true"
        }
        if let from = try scalar(mapping["from"], key: "\(key).from") {
            guard allowLineNumber, from == "line_number" else {
                throw fail(
                    "\(key).from", allowLineNumber ? "only 'line_number' is known" : "only invoice_id takes 'from'")
            }
            spec.fromLineNumber = true
        }
        if let format = try scalar(mapping["format"], key: "\(key).format") {
            spec.dateFormat = try datePattern(format, key: "\(key).format")
        }
        if let mapNode = mapping["map"] {
            for (source, value) in try self.mapping(mapNode, key: "\(key).map") {
                spec.map[source] = try scalar(value, key: "\(key).map.\(source)") ?? ""
            }
        }
        let sources = [spec.column != nil, spec.constant != nil, spec.fromLineNumber].filter { $0 }.count
        guard sources == 1 else { throw fail(key, "give exactly one of column, constant or from") }
        return spec
    }
}
