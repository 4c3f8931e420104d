/// A customer's risk band, from its rounded score (SPEC section 5).
public enum RiskBand: String, Sendable, CaseIterable {
    case low, medium, high, critical

    /// Its place in `allCases`, lowest first, without building that array (the report ranks
    /// the bands of 200,000 customers).
    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }
}

/// The lower edges of the medium, high and critical bands:
/// low < medium <= medium < high <= high < critical <= critical.
public struct RiskBandEdges: Sendable, Equatable {
    public var medium: Double
    public var high: Double
    public var critical: Double

    /// SPEC's bands: low < 25 <= medium < 50 <= high < 75 <= critical.
    public static let standard = RiskBandEdges(medium: 25, high: 50, critical: 75)

    public init(medium: Double, high: Double, critical: Double) {
        self.medium = medium
        self.high = high
        self.critical = critical
    }

    /// The band of a score; callers pass the rounded score, as SPEC section 7 asks.
    public func band(of score: Double) -> RiskBand {
        if score >= critical { return .critical }
        if score >= high { return .high }
        if score >= medium { return .medium }
        return .low
    }
}
