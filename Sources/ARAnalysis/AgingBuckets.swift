import ARCore

/// What days past due count from: the due date (the default) or the issue date.
public enum AgingBasis: String, Sendable, CaseIterable {
    case due
    case issue
}

/// Aging buckets from their upper edges: edges 30, 60, 90, 120 give
/// `current` (days <= 0), `1-30`, `31-60`, `61-90`, `91-120`, `121+`.
public struct AgingBuckets: Sendable, Equatable {
    public let edges: [Int32]
    public let labels: [String]

    public static let standard = try! AgingBuckets(edges: [30, 60, 90, 120])

    /// Edges must be positive and strictly increasing.
    public init(edges: [Int32]) throws(SettingsError) {
        guard !edges.isEmpty, edges[0] > 0, zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .invalid("bucket edges must be positive whole days in increasing order, e.g. 30,60,90,120")
        }
        self.edges = edges
        var labels = ["current"]
        var lower: Int32 = 1
        for edge in edges {
            labels.append("\(lower)-\(edge)")
            lower = edge + 1
        }
        labels.append("\(lower)+")
        self.labels = labels
    }

    public var count: Int { labels.count }

    /// The bucket of an invoice `days` past due.
    @inline(__always)
    public func index(daysPastDue days: Int32) -> Int {
        if days <= 0 { return 0 }
        var bucket = 1
        for edge in edges {
            if days <= edge { return bucket }
            bucket += 1
        }
        return bucket
    }
}

/// A setting that cannot be used.
public enum SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let message): return message
        }
    }
}

/// Everything the analysis needs besides the ledger. The as-of date is a parameter, never a clock.
public struct AnalysisSettings: Sendable {
    public var asOf: Day
    /// D: the DSO window in days.
    public var dsoDays: Int32
    public var buckets: AgingBuckets
    public var basis: AgingBasis
    public var risk: RiskSettings
    public var policy: CollectionPolicy
    /// nil = the default schedule for the buckets (`AllowanceRates.standard(for:)`).
    public var allowanceRates: AllowanceRates?

    public init(
        asOf: Day, dsoDays: Int32 = 90, buckets: AgingBuckets = .standard, basis: AgingBasis = .due,
        risk: RiskSettings = .standard, policy: CollectionPolicy = .standard, allowanceRates: AllowanceRates? = nil
    ) {
        self.asOf = asOf
        self.dsoDays = dsoDays
        self.buckets = buckets
        self.basis = basis
        self.risk = risk
        self.policy = policy
        self.allowanceRates = allowanceRates
    }

    /// The allowance percentages in use: the configured ones or the default schedule.
    public var effectiveAllowanceRates: AllowanceRates { allowanceRates ?? .standard(for: buckets) }
}
