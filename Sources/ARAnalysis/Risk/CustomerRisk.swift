/// One scored customer (docs/METRICS.md, "Customer risk").
public struct CustomerRisk: Sendable, Equatable {
    public var customer: Int
    /// Each factor's raw value in its own unit (days or percent), in `RiskFactor.allCases` order.
    public var rawValues: [Double]
    /// Each factor scaled to 0...100 and clamped, in `RiskFactor.allCases` order.
    public var factors: [Double]
    /// The weighted sum of the unrounded factors.
    public var unroundedScore: Double
    /// The score rounded half away from zero to 1 decimal, in tenths: 437 = 43.7.
    public var scoreTenths: Int
    /// The band of the rounded score.
    public var band: RiskBand
    /// The two largest weighted contributions above 0, largest first; ties go to the factor listed first.
    public var reasons: [RiskFactor]

    public var score: Double { Double(scoreTenths) / 10 }

    public func factor(_ factor: RiskFactor) -> Double {
        factors[RiskFactor.allCases.firstIndex(of: factor)!]
    }

    public func rawValue(_ factor: RiskFactor) -> Double {
        rawValues[RiskFactor.allCases.firstIndex(of: factor)!]
    }
}

/// Scoring arithmetic shared by the scorecard and its tests.
public enum RiskScoring {
    /// Rounds a score to tenths, half away from zero. The sum is first snapped to 1e-8 so
    /// binary noise (0.1 + 0.2 style) cannot turn a written 24.95 into 24.9.
    public static func tenths(_ score: Double) -> Int {
        let units = Int64((score * 1e8).rounded())  // 1e-8 units
        let magnitude = (units.magnitude + 5_000_000) / 10_000_000
        return units < 0 ? -Int(magnitude) : Int(magnitude)
    }

    /// The scored values of one customer from its raw factor values.
    public static func score(customer: Int, rawValues: [Double], settings: RiskSettings) -> CustomerRisk {
        let factors = RiskFactor.allCases
        let scaled = zip(factors, rawValues).map { settings.scale($0).score($1) }
        let contributions = zip(factors, scaled).map { settings.weight($0) * $1 }
        let unrounded = contributions.reduce(0, +)
        let tenths = tenths(unrounded)
        // A stable sort keeps SPEC's factor order among equal contributions.
        let reasons = factors.indices
            .filter { contributions[$0] > 0 }
            .enumerated()
            .sorted { a, b in
                contributions[a.element] != contributions[b.element]
                    ? contributions[a.element] > contributions[b.element] : a.offset < b.offset
            }
            .prefix(2)
            .map { factors[$0.element] }
        return CustomerRisk(
            customer: customer, rawValues: rawValues, factors: scaled, unroundedScore: unrounded, scoreTenths: tenths,
            band: settings.bands.band(of: Double(tenths) / 10), reasons: reasons)
    }
}
