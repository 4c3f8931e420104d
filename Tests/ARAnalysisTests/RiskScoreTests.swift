import ARAnalysis
import Testing

/// SPEC section 5 and 7: the score is the weighted sum of the unrounded factors, rounded half away
/// from zero to 1 decimal; bands apply to the rounded score; reasons are the two largest weighted
/// contributions above 0, ties to the factor listed first.
@Suite("Risk score, bands and reasons")
struct RiskScoreTests {
    let standard = RiskSettings.standard

    func scored(_ raw: [Double], settings: RiskSettings = .standard) -> CustomerRisk {
        RiskScoring.score(customer: 0, rawValues: raw, settings: settings)
    }

    @Test("nothing scores 0.0 (low, no reasons); everything at its 100 point scores 100.0 (critical)")
    func extremes() {
        let none = scored(rawFactors())
        #expect(none.scoreTenths == 0 && none.band == .low && none.reasons.isEmpty)
        let all = scored(rawFactors(late: 60, pastDue: 100, severe: 100, utilization: 150, trend: 30, disputes: 50))
        #expect(all.factors == [100, 100, 100, 100, 100, 100])
        #expect(all.scoreTenths == 1000 && all.band == .critical)
    }

    @Test("each factor's index and band's rank are their places in SPEC's order; stored values keep that order")
    func factorOrder() {
        #expect(RiskFactor.allCases.map(\.index) == Array(0..<6))
        #expect(RiskBand.allCases.map(\.rank) == Array(0..<4))
        let raw = rawFactors(late: 1, pastDue: 2, severe: 3, utilization: 4, trend: 5, disputes: 6)
        let risk = scored(raw)
        #expect(risk.rawValues == raw)
        #expect(RiskFactor.allCases.map(risk.rawValue) == raw)
        #expect(RiskFactorValues(late: 1, pastDue: 2, severe: 3, utilization: 4, trend: 5, disputes: 6) == risk.raw)
    }

    @Test("a factor beyond its scale clamps to 0 or 100")
    func clamping() {
        // utilization 20 % is below its 0 point (50 %); 400 % is above its 100 point (150 %).
        #expect(scored(rawFactors(utilization: 20)).factor(.utilization) == 0)
        #expect(scored(rawFactors(utilization: 400)).factor(.utilization) == 100)
        #expect(scored(rawFactors(late: 600)).factor(.late) == 100)
        #expect(scored(rawFactors(trend: -12)).factor(.trend) == 0)
    }

    @Test("bands by rounded score: 24.9 low, 24.95 -> 25.0 medium, 49.9 medium, 50 high, 74.9 high, 75 critical")
    func bandEdges() {
        // late d days contributes 0.30 x d / 60 x 100 = d / 2.
        // d = 49.8 -> 24.9: low.  d = 49.9 -> 24.95 -> 25.0 (half away from zero): medium, though unrounded < 25.
        let low = scored(rawFactors(late: 49.8))
        #expect(low.scoreTenths == 249 && low.band == .low)
        let roundedUp = scored(rawFactors(late: 49.9))
        #expect(roundedUp.unroundedScore < 25)
        #expect(roundedUp.scoreTenths == 250 && roundedUp.band == .medium)
        #expect(scored(rawFactors(late: 50)).band == .medium)
        // late 100 (30) + past_due 99.5 % (19.9) = 49.9 medium; past_due 100 % -> 50.0 high.
        let justMedium = scored(rawFactors(late: 60, pastDue: 99.5))
        #expect(justMedium.scoreTenths == 499 && justMedium.band == .medium)
        let high = scored(rawFactors(late: 60, pastDue: 100))
        #expect(high.scoreTenths == 500 && high.band == .high)
        // 30 + 20 + 15 + disputes 49.5 % -> 99 -> 9.9 = 74.9 high; disputes 50 % -> 10 = 75.0 critical.
        let justHigh = scored(rawFactors(late: 60, pastDue: 100, severe: 100, disputes: 49.5))
        #expect(justHigh.scoreTenths == 749 && justHigh.band == .high)
        let critical = scored(rawFactors(late: 60, pastDue: 100, severe: 100, disputes: 50))
        #expect(critical.scoreTenths == 750 && critical.band == .critical)
    }

    @Test("reasons: the two largest contributions, largest first; a tie goes to the factor listed first")
    func reasons() {
        // severe 100 % -> 0.15 x 100 = 15; utilization 150 % -> 0.15 x 100 = 15 (tie: severe is listed first);
        // disputes 50 % -> 10. Reasons: severe;utilization.
        #expect(scored(rawFactors(severe: 100, utilization: 150, disputes: 50)).reasons == [.severe, .utilization])
        // Same tie listed the other way round in contributions: trend 30 -> 10, disputes 50 % -> 10: trend first.
        #expect(scored(rawFactors(trend: 30, disputes: 50)).reasons == [.trend, .disputes])
        // Only one factor above 0: one reason. late 12 days -> 20 x 0.30 = 6 beats past_due 25 % -> 5.
        #expect(scored(rawFactors(late: 12)).reasons == [.late])
        #expect(scored(rawFactors(late: 12, pastDue: 25, disputes: 10)).reasons == [.late, .pastDue])
        // A later, larger contribution moves the earlier leader to second: late 6, past_due 5, severe 15.
        #expect(scored(rawFactors(late: 12, pastDue: 25, severe: 100)).reasons == [.severe, .late])
        // Three equal contributions of 10 (past_due 50 %, trend 30, disputes 50 %): the first two listed.
        #expect(scored(rawFactors(pastDue: 50, trend: 30, disputes: 50)).reasons == [.pastDue, .trend])
    }

    @Test("configured weights, scales and bands replace SPEC's")
    func configured() throws {
        var settings = RiskSettings.standard
        settings.weights = [.late: 0.5, .pastDue: 0.5, .severe: 0, .utilization: 0, .trend: 0, .disputes: 0]
        settings.scales[.late] = FactorScale(zeroAt: 10, fullAt: 30)
        settings.bands = RiskBandEdges(medium: 10, high: 20, critical: 90)
        try settings.validate()
        // late 20 days on a 10..30 scale -> 50 -> 25; past_due 10 % -> 10 -> 5; score 30.0: high (edge 20).
        let risk = scored(rawFactors(late: 20, pastDue: 10, severe: 100), settings: settings)
        #expect(risk.factor(.late) == 50)
        #expect(risk.scoreTenths == 300 && risk.band == .high)
        #expect(risk.reasons == [.late, .pastDue])
    }

    @Test("invalid settings name the key at fault")
    func invalidSettings() {
        var weights = RiskSettings.standard
        weights.weights[.late] = 0.5
        let sum = #expect(throws: SettingsError.self) { try weights.validate() }
        #expect(sum?.description.hasPrefix("risk.weights: must sum to 1") == true)
        var negative = RiskSettings.standard
        negative.weights[.late] = -0.1
        negative.weights[.pastDue] = 0.6
        #expect(throws: SettingsError.self) { try negative.validate() }
        var scale = RiskSettings.standard
        scale.scales[.trend] = FactorScale(zeroAt: 30, fullAt: 30)
        #expect(
            throws: SettingsError.invalid("risk.scales.trend: the 100 point (30.0) must be above the 0 point (30.0)")
        ) {
            try scale.validate()
        }
        var bands = RiskSettings.standard
        bands.bands = RiskBandEdges(medium: 50, high: 50, critical: 75)
        #expect(throws: SettingsError.self) { try bands.validate() }
    }

    @Test("rounding to tenths is half away from zero and ignores binary noise")
    func tenths() {
        #expect(RiskScoring.tenths(18.75) == 188)
        #expect(RiskScoring.tenths(18.749999) == 187)
        #expect(RiskScoring.tenths(0.1 + 0.2 + 24.65) == 250)  // 24.95 with binary noise
        #expect(RiskScoring.tenths(0) == 0)
    }
}
