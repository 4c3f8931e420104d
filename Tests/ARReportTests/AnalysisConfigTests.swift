import ARAnalysis
import ARCore
import Foundation
import Testing

@testable import ARReport

/// The config file's `risk:`, `policy:` and `allowance:` sections: values replace the defaults,
/// bad values are a configuration error (exit 78) naming the key.
@Suite struct AnalysisConfigTests {
    func settings(_ yaml: String) throws -> RunSettings {
        let file = try BinaryRunner.temporaryFolder().appendingPathComponent("ar.yml")
        try ("data: x\nas_of: 2025-03-31\n" + yaml).write(to: file, atomically: true, encoding: .utf8)
        return try RunOptions.load(configFile: file.path).resolve(today: 0)
    }

    func configError(_ yaml: String) -> String? {
        do {
            _ = try settings(yaml)
            return nil
        } catch let error as ReportError {
            guard case .config = error, ExitStatus.of(error) == 78 else { return "not a config error: \(error)" }
            return error.description
        } catch {
            return "unexpected: \(error)"
        }
    }

    @Test func withoutSectionsTheDefaultsApply() throws {
        let resolved = try settings("")
        #expect(resolved.risk == .standard)
        #expect(resolved.policy == .standard)
        #expect(resolved.analysis.effectiveAllowanceRates.basisPoints == [100, 300, 600, 1000, 2500, 5000])
    }

    @Test func sectionsReplaceTheDefaults() throws {
        let resolved = try settings(
            """
            risk:
              weights: {late: 0.5, past_due: 0.1, severe: 0.1, utilization: 0.1, trend: 0.1, disputes: 0.1}
              scales: {late: [10, 40]}
              bands: {medium: 20, high: 40, critical: 80}
            policy:
              - {days: 1, action: reminder}
              - {days: 30, action: credit_hold, min_amount: 500.25}
            allowance: {current: 0.5, 1-30: 2, 31-60: 5, 61-90: 12.25, 91-120: 30, 121+: 75}
            """)
        #expect(resolved.risk.weight(.late) == 0.5)
        #expect(resolved.risk.scale(.late) == FactorScale(zeroAt: 10, fullAt: 40))
        #expect(resolved.risk.scale(.utilization) == FactorScale(zeroAt: 50, fullAt: 150))
        #expect(resolved.risk.bands == RiskBandEdges(medium: 20, high: 40, critical: 80))
        #expect(
            resolved.policy.stages == [
                EscalationStage(days: 1, action: "reminder"),
                EscalationStage(days: 30, action: "credit_hold", minAmount: 50_025),
            ])
        #expect(resolved.allowanceRates?.basisPoints == [50, 200, 500, 1225, 3000, 7500])
    }

    @Test func badValuesNameTheKey() {
        #expect(configError("risk:\n  weights: {late: 0.9}\n")?.contains("risk.weights: must sum to 1") == true)
        #expect(configError("risk:\n  weights: {lat: 0.3}\n")?.contains("risk.weights.lat") == true)
        #expect(configError("risk:\n  scales: {trend: [30, 10]}\n")?.contains("risk.scales.trend") == true)
        #expect(configError("risk:\n  bands: {high: 20}\n")?.contains("risk.bands") == true)
        #expect(configError("risk:\n  colour: red\n")?.contains("unknown key 'risk.colour'") == true)
        #expect(configError("policy:\n  - {days: 30, action: call}\n  - {days: 15, action: x}\n")?.contains("policy[1].days") == true)
        #expect(configError("policy:\n  - {days: 30, action: call, min_amount: abc}\n")?.contains("policy[0].min_amount") == true)
        #expect(configError("policy:\n  - {days: 30, action: call, amount: 5}\n")?.contains("policy[0].amount") == true)
        #expect(configError("allowance: {current: 1}\n")?.contains("allowance.1-30: missing") == true)
        #expect(configError("allowance: {current: 1, 1-31: 2}\n")?.contains("allowance.1-31") == true)
        #expect(
            configError("allowance: {current: 1.005, 1-30: 3, 31-60: 6, 61-90: 10, 91-120: 25, 121+: 50}\n")?
                .contains("allowance.current") == true)
    }
}
