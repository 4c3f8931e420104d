/// One scored customer (docs/METRICS.md, "Customer risk").
public struct CustomerRisk: Sendable, Equatable {
    public var customer: Int
    /// Each factor's raw value in its own unit (days or percent).
    public var raw: RiskFactorValues
    /// Each factor scaled to 0...100 and clamped.
    public var scaled: RiskFactorValues
    /// The weighted sum of the unrounded factors.
    public var unroundedScore: Double
    /// The score rounded half away from zero to 1 decimal, in tenths: 437 = 43.7.
    public var scoreTenths: Int
    /// The band of the rounded score.
    public var band: RiskBand
    /// The factor with the largest weighted contribution above 0, if any (`reasons`).
    public var firstReason: RiskFactor?
    /// The factor with the second largest, if any; nil whenever `firstReason` is.
    public var secondReason: RiskFactor?

    public var score: Double { Double(scoreTenths) / 10 }

    /// Each factor's raw value, in `RiskFactor.allCases` order.
    public var rawValues: [Double] { raw.array }

    /// Each factor scaled, in `RiskFactor.allCases` order.
    public var factors: [Double] { scaled.array }

    /// The two largest weighted contributions above 0, largest first; ties go to the factor listed first.
    public var reasons: [RiskFactor] { [firstReason, secondReason].compactMap { $0 } }

    public func factor(_ factor: RiskFactor) -> Double {
        scaled[factor.index]
    }

    public func rawValue(_ factor: RiskFactor) -> Double {
        raw[factor.index]
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

    /// The scored values of one customer from its raw factor values, one per factor in
    /// `RiskFactor.allCases` order.
    public static func score(customer: Int, rawValues: [Double], settings: RiskSettings) -> CustomerRisk {
        score(customer: customer, raw: RiskFactorValues(rawValues), table: Table(settings))
    }

    /// The settings as arrays in `RiskFactor.allCases` order, looked up once per scorecard
    /// rather than twice per factor and customer.
    public struct Table: Sendable {
        /// `RiskFactor.allCases`, which builds a new array on every use.
        let factors = RiskFactor.allCases
        let weights: [Double]
        let scales: [FactorScale]
        let bands: RiskBandEdges

        public init(_ settings: RiskSettings) {
            weights = RiskFactor.allCases.map(settings.weight)
            scales = RiskFactor.allCases.map(settings.scale)
            bands = settings.bands
        }
    }

    public static func score(customer: Int, raw rawValues: RiskFactorValues, table: Table) -> CustomerRisk {
        let factors = table.factors
        // Built as one value, not written lane by lane: each lane's write went through memory
        // and stalled the reads after it.
        func scale(_ index: Int) -> Double { table.scales[index].score(rawValues[index]) }
        let scaled = RiskFactorValues(
            late: scale(0), pastDue: scale(1), severe: scale(2), utilization: scale(3), trend: scale(4),
            disputes: scale(5))
        var unrounded = 0.0
        // The two largest contributions above 0; a later equal one does not displace an earlier
        // one, so ties keep SPEC's factor order.
        var (first, firstContribution) = (-1, 0.0)
        var (second, secondContribution) = (-1, 0.0)
        for index in 0..<RiskFactorValues.count {
            let contribution = table.weights[index] * scaled[index]
            unrounded += contribution
            guard contribution > 0 else { continue }
            if first < 0 || contribution > firstContribution {
                (second, secondContribution) = (first, firstContribution)
                (first, firstContribution) = (index, contribution)
            } else if second < 0 || contribution > secondContribution {
                (second, secondContribution) = (index, contribution)
            }
        }
        let tenths = tenths(unrounded)
        return CustomerRisk(
            customer: customer, raw: rawValues, scaled: scaled, unroundedScore: unrounded, scoreTenths: tenths,
            band: table.bands.band(of: Double(tenths) / 10), firstReason: first >= 0 ? factors[first] : nil,
            secondReason: second >= 0 ? factors[second] : nil)
    }
}
