/// The six factors of the customer risk scorecard (SPEC section 5), in SPEC's order:
/// that order breaks ties between reasons, and it is the column order of risk_scores.csv.
public enum RiskFactor: String, Sendable, CaseIterable, Hashable {
    /// Amount-weighted days late of invoices settled in (T-365, T].
    case late
    /// Share of open_T more than 30 days past due, in percent.
    case pastDue = "past_due"
    /// Share of open_T more than 90 days past due, in percent.
    case severe
    /// Net balance / credit limit, in percent.
    case utilization
    /// Days late settled in (T-90, T] minus days late settled in (T-365, T-90].
    case trend
    /// Share, by count, of invoices issued in (T-365, T] with a dispute opened <= T, in percent.
    case disputes

    /// The name used in outputs and in the config file.
    public var key: String { rawValue }

    /// Its place in `allCases`, without building that array (risk_scores.csv asks it for every row).
    public var index: Int {
        switch self {
        case .late: 0
        case .pastDue: 1
        case .severe: 2
        case .utilization: 3
        case .trend: 4
        case .disputes: 5
        }
    }
}

/// Where a factor's raw value scores 0 and where it scores 100 (docs/METRICS.md, "Customer risk").
public struct FactorScale: Sendable, Equatable {
    public var zeroAt: Double
    public var fullAt: Double

    public init(zeroAt: Double, fullAt: Double) {
        self.zeroAt = zeroAt
        self.fullAt = fullAt
    }

    /// (value - zeroAt) / (fullAt - zeroAt) * 100, clamped to 0...100.
    public func score(_ value: Double) -> Double {
        min(100, max(0, (value - zeroAt) / (fullAt - zeroAt) * 100))
    }
}
