import ARAnalysis
import ARCore
import Foundation
import Yams

/// Everything a batch run needs, resolved from flags, the config file and defaults.
public struct RunSettings: Sendable {
    public var data: String
    public var asOf: Day
    public var currency: Currency
    public var dsoDays: Int32
    public var buckets: AgingBuckets
    public var basis: AgingBasis
    /// The output folder; default `output/<as-of>`.
    public var out: String
    /// Any rejected row fails the run (exit 65) and no report is written.
    public var strict: Bool

    public var analysis: AnalysisSettings {
        AnalysisSettings(asOf: asOf, dsoDays: dsoDays, buckets: buckets, basis: basis)
    }

    public var load: LoadSettings { LoadSettings(asOf: asOf, reportingCurrency: currency) }
}

/// Settings as given on the command line or in the config file: each may be absent.
public struct RunOptions: Sendable, Decodable, Equatable {
    public var data: String?
    public var asOf: String?
    public var currency: String?
    public var dsoDays: Int?
    public var buckets: String?
    public var basis: String?
    public var out: String?
    public var strict: Bool?

    public init(
        data: String? = nil, asOf: String? = nil, currency: String? = nil, dsoDays: Int? = nil, buckets: String? = nil,
        basis: String? = nil, out: String? = nil, strict: Bool? = nil
    ) {
        self.data = data
        self.asOf = asOf
        self.currency = currency
        self.dsoDays = dsoDays
        self.buckets = buckets
        self.basis = basis
        self.out = out
        self.strict = strict
    }

    enum CodingKeys: String, CodingKey {
        case data, currency, buckets, basis, out, strict
        case asOf = "as_of"
        case dsoDays = "dso_days"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        data = try container.decodeIfPresent(String.self, forKey: .data)
        asOf = try container.decodeIfPresent(String.self, forKey: .asOf)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        dsoDays = try container.decodeIfPresent(Int.self, forKey: .dsoDays)
        // Buckets as a YAML list [30, 60, 90] or a string "30,60,90".
        if let list = try? container.decodeIfPresent([Int].self, forKey: .buckets) {
            buckets = list.map(String.init).joined(separator: ",")
        } else {
            buckets = try container.decodeIfPresent(String.self, forKey: .buckets)
        }
        basis = try container.decodeIfPresent(String.self, forKey: .basis)
        out = try container.decodeIfPresent(String.self, forKey: .out)
        strict = try container.decodeIfPresent(Bool.self, forKey: .strict)
    }

    /// Reads a YAML config file; unknown keys are an error so typos do not pass silently.
    public static func load(configFile path: String) throws -> RunOptions {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ReportError.config(path: path, reason: "cannot read the file")
        }
        do {
            let known = Set(["data", "as_of", "currency", "dso_days", "buckets", "basis", "out", "strict"])
            if let mapping = try Yams.load(yaml: text) as? [String: Any] {
                if let unknown = mapping.keys.sorted().first(where: { !known.contains($0) }) {
                    throw ReportError.config(
                        path: path, reason: "unknown key '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
                }
            }
            return try YAMLDecoder().decode(RunOptions.self, from: text)
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.config(path: path, reason: "\(error)")
        }
    }

    /// These options with `other`'s present values taking precedence (flags over the config file).
    public func overridden(by other: RunOptions) -> RunOptions {
        RunOptions(
            data: other.data ?? data, asOf: other.asOf ?? asOf, currency: other.currency ?? currency,
            dsoDays: other.dsoDays ?? dsoDays, buckets: other.buckets ?? buckets, basis: other.basis ?? basis,
            out: other.out ?? out, strict: other.strict ?? strict)
    }

    /// Validates the options and fills defaults; `today` is the default as-of date.
    public func resolve(today: Day) throws -> RunSettings {
        guard let data, !data.isEmpty else { throw ReportError.settings("--data is required: the folder with invoices.csv") }
        var asOfDay = today
        if let asOf {
            guard let day = CivilCalendar.parseISO(asOf) else {
                throw ReportError.settings("--as-of '\(asOf)' is not a real YYYY-MM-DD date")
            }
            asOfDay = day
        }
        let code = (currency ?? "USD").uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw ReportError.settings("--currency '\(currency ?? "")' is not a 3-letter ISO 4217 code")
        }
        let window = dsoDays ?? 90
        guard window >= 1, window <= 3650 else { throw ReportError.settings("--dso-days must be 1 to 3650, not \(window)") }
        var agingBuckets = AgingBuckets.standard
        if let buckets {
            let parts = buckets.split(separator: ",").map { Int32($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                throw ReportError.settings("--buckets '\(buckets)' must be whole days separated by commas, e.g. 30,60,90,120")
            }
            do {
                agingBuckets = try AgingBuckets(edges: parts.map { $0! })
            } catch {
                throw ReportError.settings("--buckets '\(buckets)': \(error)")
            }
        }
        var agingBasis = AgingBasis.due
        if let basis {
            switch basis.lowercased() {
            case "due", "due_date": agingBasis = .due
            case "issue", "issue_date": agingBasis = .issue
            default: throw ReportError.settings("--basis '\(basis)' must be due or issue")
            }
        }
        return RunSettings(
            data: data, asOf: asOfDay, currency: Currency(code: code), dsoDays: Int32(window), buckets: agingBuckets,
            basis: agingBasis, out: out ?? "output/\(CivilCalendar.format(asOfDay))", strict: strict ?? false)
    }
}

extension CivilCalendar {
    /// Today's date in UTC as a day number (the only clock read, at the CLI's edge).
    public static func today() -> Day {
        Day(Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
