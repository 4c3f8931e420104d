import ARAnalysis
import ARCore
import Yams

/// The `risk:` section of the config file: each part optional, unnamed values keep SPEC's defaults.
///
/// ```yaml
/// risk:
///   weights: {late: 0.30, past_due: 0.20, severe: 0.15, utilization: 0.15, trend: 0.10, disputes: 0.10}
///   scales: {late: [0, 60], utilization: [50, 150]}   # [value scoring 0, value scoring 100]
///   bands: {medium: 25, high: 50, critical: 75}
/// ```
public struct RiskOptions: Sendable, Decodable, Equatable {
    public var weights: [String: Double]?
    public var scales: [String: [Double]]?
    public var bands: [String: Double]?

    static let keys: Set<String> = ["weights", "scales", "bands"]
    static let bandKeys: Set<String> = ["medium", "high", "critical"]

    /// SPEC's settings with these values laid over them.
    func resolve(configPath: String) throws -> RiskSettings {
        var settings = RiskSettings.standard
        func factor(_ key: String, in section: String) throws -> RiskFactor {
            guard let factor = RiskFactor(rawValue: key) else {
                throw ReportError.config(
                    path: configPath,
                    reason: "unknown key 'risk.\(section).\(key)' (known: \(RiskFactor.allCases.map(\.key).joined(separator: ", ")))")
            }
            return factor
        }
        for (key, weight) in weights ?? [:] { settings.weights[try factor(key, in: "weights")] = weight }
        for (key, points) in scales ?? [:] {
            let factor = try factor(key, in: "scales")
            guard points.count == 2 else {
                throw ReportError.config(
                    path: configPath, reason: "risk.scales.\(key): must be [value scoring 0, value scoring 100]")
            }
            settings.scales[factor] = FactorScale(zeroAt: points[0], fullAt: points[1])
        }
        for (key, edge) in bands ?? [:] {
            switch key {
            case "medium": settings.bands.medium = edge
            case "high": settings.bands.high = edge
            case "critical": settings.bands.critical = edge
            default:
                throw ReportError.config(path: configPath, reason: "unknown key 'risk.bands.\(key)' (known: critical, high, medium)")
            }
        }
        do {
            try settings.validate()
        } catch {
            throw ReportError.config(path: configPath, reason: "\(error)")
        }
        return settings
    }
}

/// One stage of the `policy:` list: `{days: 60, action: credit_hold, min_amount: 500.00}`.
public struct PolicyStageOptions: Sendable, Decodable, Equatable {
    public var days: Int
    public var action: String
    /// In the reporting currency, as written (parsed exactly into minor units).
    public var minAmount: String?

    public init(days: Int, action: String, minAmount: String? = nil) {
        self.days = days
        self.action = action
        self.minAmount = minAmount
    }

    static let keys: Set<String> = ["days", "action", "min_amount"]

    enum CodingKeys: String, CodingKey {
        case days, action
        case minAmount = "min_amount"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        days = try container.decode(Int.self, forKey: .days)
        action = try container.decode(String.self, forKey: .action)
        minAmount = try container.decodeNumberText(forKey: .minAmount)
    }

    /// The policy from the listed stages, amounts in `currency`'s minor units.
    static func resolve(_ stages: [PolicyStageOptions], currency: Currency, configPath: String) throws
        -> CollectionPolicy
    {
        var resolved: [EscalationStage] = []
        for (index, stage) in stages.enumerated() {
            guard let days = Int32(exactly: stage.days) else {
                throw ReportError.config(path: configPath, reason: "policy[\(index)].days: \(stage.days) is out of range")
            }
            var minimum: Int64? = nil
            if let text = stage.minAmount {
                guard case .value(let minor) = MinorUnits.parse(text, minorDigits: currency.minorDigits), minor >= 0 else {
                    throw ReportError.config(
                        path: configPath,
                        reason: "policy[\(index)].min_amount: '\(text)' is not an amount >= 0 in \(currency.code)")
                }
                minimum = minor
            }
            resolved.append(EscalationStage(days: days, action: stage.action, minAmount: minimum))
        }
        do {
            return try CollectionPolicy(stages: resolved)
        } catch {
            throw ReportError.config(path: configPath, reason: "\(error)")
        }
    }
}

/// The `allowance:` section: aging bucket label → percent with at most 2 decimals, every bucket named.
enum AllowanceOptions {
    static func resolve(_ percents: [String: String], buckets: AgingBuckets, configPath: String) throws
        -> AllowanceRates
    {
        if let unknown = percents.keys.sorted().first(where: { !buckets.labels.contains($0) }) {
            throw ReportError.config(
                path: configPath,
                reason: "unknown key 'allowance.\(unknown)' (the buckets are: \(buckets.labels.joined(separator: ", ")))")
        }
        let rates = try buckets.labels.map { label -> Int64 in
            guard let text = percents[label] else {
                throw ReportError.config(path: configPath, reason: "allowance.\(label): missing (name every bucket)")
            }
            guard case .value(let points) = MinorUnits.parse(text, minorDigits: 2), points >= 0, points <= 10_000 else {
                throw ReportError.config(
                    path: configPath, reason: "allowance.\(label): '\(text)' must be a percent 0 to 100 with at most 2 decimals")
            }
            return points
        }
        return AllowanceRates(basisPoints: rates)
    }
}

extension KeyedDecodingContainer {
    /// A number kept as the text written (`2.5`, `500.00`), so amounts and percents parse exactly.
    func decodeNumberText(forKey key: Key) throws -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        if let number = try decodeIfPresent(Double.self, forKey: key) { return String(number) }
        return nil
    }
}

/// Checks the nested keys of the analysis sections, so a typo is an error, not a silent default.
enum AnalysisConfigKeys {
    static func unknownKey(in mapping: [String: Any]) -> String? {
        if let risk = mapping["risk"] as? [String: Any] {
            if let key = risk.keys.sorted().first(where: { !RiskOptions.keys.contains($0) }) { return "risk.\(key)" }
        }
        if let policy = mapping["policy"] as? [Any] {
            for (index, stage) in policy.enumerated() {
                guard let stage = stage as? [String: Any] else { continue }
                if let key = stage.keys.sorted().first(where: { !PolicyStageOptions.keys.contains($0) }) {
                    return "policy[\(index)].\(key)"
                }
            }
        }
        return nil
    }
}
