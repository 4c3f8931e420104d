/// The scorecard's weights, factor scales and band edges; defaults are SPEC section 5's.
public struct RiskSettings: Sendable, Equatable {
    public var weights: [RiskFactor: Double]
    public var scales: [RiskFactor: FactorScale]
    public var bands: RiskBandEdges

    public static let standard = RiskSettings(
        weights: [.late: 0.30, .pastDue: 0.20, .severe: 0.15, .utilization: 0.15, .trend: 0.10, .disputes: 0.10],
        scales: [
            .late: FactorScale(zeroAt: 0, fullAt: 60),
            .pastDue: FactorScale(zeroAt: 0, fullAt: 100),
            .severe: FactorScale(zeroAt: 0, fullAt: 100),
            .utilization: FactorScale(zeroAt: 50, fullAt: 150),
            .trend: FactorScale(zeroAt: 0, fullAt: 30),
            .disputes: FactorScale(zeroAt: 0, fullAt: 50),
        ],
        bands: .standard)

    public init(weights: [RiskFactor: Double], scales: [RiskFactor: FactorScale], bands: RiskBandEdges) {
        self.weights = weights
        self.scales = scales
        self.bands = bands
    }

    public func weight(_ factor: RiskFactor) -> Double { weights[factor] ?? 0 }

    public func scale(_ factor: RiskFactor) -> FactorScale {
        scales[factor] ?? RiskSettings.standard.scales[factor]!
    }

    /// Every weight >= 0 and summing to 1 (so the score stays in 0...100), each scale's
    /// 100-point above its 0-point, band edges increasing within (0, 100].
    /// Each problem names the config key at fault.
    public func validate() throws(SettingsError) {
        for factor in RiskFactor.allCases {
            let weight = self.weight(factor)
            guard weight.isFinite, weight >= 0 else {
                throw .invalid("risk.weights.\(factor.key): must be a number >= 0, not \(weight)")
            }
            let scale = self.scale(factor)
            guard scale.zeroAt.isFinite, scale.fullAt.isFinite, scale.fullAt > scale.zeroAt else {
                throw .invalid(
                    "risk.scales.\(factor.key): the 100 point (\(scale.fullAt)) must be above the 0 point (\(scale.zeroAt))")
            }
        }
        let sum = RiskFactor.allCases.reduce(0) { $0 + weight($1) }
        guard abs(sum - 1) < 1e-6 else {
            throw .invalid("risk.weights: must sum to 1, they sum to \(sum)")
        }
        guard bands.medium > 0, bands.medium < bands.high, bands.high < bands.critical, bands.critical <= 100 else {
            throw .invalid(
                "risk.bands: need 0 < medium < high < critical <= 100, got \(bands.medium), \(bands.high), \(bands.critical)")
        }
    }
}
