import ARAnalysis
import ARCore
import Foundation
import Testing

@testable import ARReport

/// The report model of the small fixture, against the figures worked out by hand in
/// Fixtures/small-golden/README.md.
@Suite struct ReportModelTests {
    static func smallModel() throws -> ReportModel {
        let data = BinaryRunner.fixtures.appendingPathComponent("small").path
        let settings = try RunOptions(data: data, asOf: "2025-03-31").resolve(today: 0)
        let load = try Batch.loadInputs(settings, showProgress: false)
        let analysis = try Analysis.run(ledger: load.ledger, settings: settings.analysis)
        return try Batch.reportModel(
            ledger: load.ledger, analysis: analysis, settings: settings, inputs: load.inputs, rejects: load.rejects)
    }

    @Test func headlineTilesAndTheirChanges() throws {
        let model = try Self.smallModel()
        #expect(model.asOf == "2025-03-31")
        #expect(model.asOfLong == "31 March 2025")
        #expect(model.weekAgo == "2025-03-24")
        #expect(model.monthEnd == "2025-02-28")
        // AR 3,447.14; DSO 67.60; CEI 39.00; over 90: 499.99 / 3,447.14 = 14.50 %.
        #expect(model.headline.map(\.value) == ["$3,447.14", "67.6", "39.0%", "14.5%"])
        #expect(model.subject == "AR report 2025-03-31: AR $3,447.14, DSO 67.6, CEI 39.0%, >90d 14.5%")
        let ar = model.headline[0]
        // Nothing was invoiced or applied to invoices between 03-24 and T (P4 is a prepayment, P7 names I99).
        #expect(ar.versusWeek.text == "unchanged")
        // AR at 2025-02-28 was 3,289.29 (trend.csv): +157.85, +4.8 %; AR's size is neither good nor bad.
        #expect(ar.versusMonth.delta == "+$157.85 (+4.8%)")
        #expect(ar.versusMonth.arrow == "▲")
        #expect(ar.versusMonth.assessment == "neutral")
        // DSO 82.5 at 02-28 -> 67.6: 14.9 days better.
        let dso = model.headline[1]
        #expect(dso.versusMonth.delta == "-14.9 days")
        #expect(dso.versusMonth.direction == "down")
        #expect(dso.versusMonth.assessment == "good")
        #expect(dso.versusMonth.text == "better")
        // CEI 27.1 % -> 39.0 %: higher is better.
        #expect(model.headline[2].versusMonth.delta == "+11.9 pts")
        #expect(model.headline[2].versusMonth.assessment == "good")
        // Unapplied at 03-24: 295 - 100 (P4, 03-30) - 60 (P7, 03-25) = 135; +160 is worse.
        let unapplied = model.balances[3]
        #expect(unapplied.value == "$295.00")
        #expect(unapplied.versusWeek.delta == "+$160.00 (+118.5%)")
        #expect(unapplied.versusWeek.assessment == "bad")
        #expect(unapplied.versusWeek.text == "worse")
    }

    @Test func agingTableWithTotals() throws {
        let aging = try Self.smallModel().aging
        #expect(aging.buckets.map(\.label) == ["current", "1-30", "31-60", "61-90", "91-120", "121+"])
        #expect(aging.buckets.map(\.amount) == ["800.00", "1,005.00", "1,142.15", "0.00", "400.00", "99.99"])
        #expect(aging.buckets.map(\.invoices) == ["1", "1", "2", "0", "1", "1"])
        #expect(aging.total == "3,447.14")
        #expect(aging.totalDisputed == "1,104.99")
        // 8.00 + 30.15 + 68.53 + 0 + 100.00 + 50.00.
        #expect(aging.totalAllowance == "256.68")
    }

    @Test func customersWorklistAndRisk() throws {
        let model = try Self.smallModel()
        // Past due = open - current: C4 1,005; C1 1,400 - 800 = 600; C3 542.15; C2 400; C5 99.99.
        #expect(model.topPastDue.rows.map(\.customerID) == ["C4", "C1", "C3", "C2", "C5"])
        #expect(model.topPastDue.rows.map(\.pastDue) == ["1,005.00", "600.00", "542.15", "400.00", "99.99"])
        // Five customers hold all the AR.
        #expect(model.concentration.map(\.share) == ["100.0%", "100.0%", "100.0%"])
        // Worklist by priority: C4 1,256.25, C1 651.60, C3 650.58, C2 574.80, C5 144.99.
        #expect(model.worklist.items.map(\.customerID) == ["C4", "C1", "C3", "C2", "C5"])
        #expect(model.worklist.items.map(\.priority) == ["1,256.25", "651.60", "650.58", "574.80", "144.99"])
        #expect(model.worklist.items[1].actionLabel == "Final notice")
        // Bands: C1 8.6 and C3 20.0 low; C2 43.7, C4 25.0, C5 45.0 medium; nobody high.
        #expect(model.risk.bands.map(\.customers) == ["2", "3", "0", "0"])
        #expect(!model.risk.hasNewlyHigh)
        #expect(model.allowance.total == "256.68")
    }

    @Test func dataQualityCountsRejectsAndUnappliedCash() throws {
        let quality = try Self.smallModel().dataQuality
        #expect(quality.rowsRead == "48")
        #expect(quality.rowsRejected == "14")
        let reasons = Dictionary(uniqueKeysWithValues: quality.reasons.map { ($0.reason, $0.count) })
        #expect(reasons["duplicate_key"] == "2")
        #expect(reasons["bad_number"] == "2")
        #expect(reasons.count == 12)
        // on account: P6 75 + CN2 10; unknown invoice: P7 60; prepayment: P4 100; excess: I9 50.
        #expect(quality.unapplied.map(\.source) == ["on_account", "unknown_invoice", "prepayment", "excess"])
        #expect(quality.unapplied.map(\.amount) == ["85.00", "60.00", "100.00", "50.00"])
        #expect(quality.unappliedTotal == "295.00")
    }

    @Test func comparisonSnapshotsEqualFullRunsAtThoseDates() throws {
        // The tiles' comparisons come from Analysis.snapshots: the same figures as Analysis.run there.
        let data = BinaryRunner.fixtures.appendingPathComponent("small").path
        let run = try RunOptions(data: data, asOf: "2025-03-31").resolve(today: 0)
        let load = try Batch.loadInputs(run, showProgress: false)
        let dates = ReportSources.comparisonDates(asOf: run.asOf)
        let snapshots = Analysis.snapshots(
            ledger: load.ledger, settings: run.analysis, dates: [dates.weekAgo, dates.monthEnd],
            riskAt: [dates.weekAgo, dates.monthEnd])
        // As the batch calls it: risk at T-7 only, each date's sales calendar cut from T's, and
        // every balance it reads computed with T's (none left for the snapshots to compute).
        let balanceDates = Analysis.snapshotBalanceDates([dates.weekAgo, dates.monthEnd], dsoDays: run.analysis.dsoDays)
        let atT = try Analysis.run(ledger: load.ledger, settings: run.analysis, balancesAlsoAt: balanceDates)
        #expect(Set(balanceDates).isSubset(of: Set(atT.balances.keys)))
        let asInTheBatch = Analysis.snapshots(
            ledger: load.ledger, settings: run.analysis, dates: [dates.weekAgo, dates.monthEnd],
            riskAt: [dates.weekAgo], sales: atT.sales, balances: atT.balances)
        for (index, day) in [dates.weekAgo, dates.monthEnd].enumerated() {
            var settings = run.analysis
            settings.asOf = day
            let full = try Analysis.run(ledger: load.ledger, settings: settings)
            #expect(snapshots[index].kpis == full.kpis)
            #expect(snapshots[index].risk == full.risk)
            #expect(asInTheBatch[index].kpis == full.kpis)
        }
        #expect(asInTheBatch[0].risk == snapshots[0].risk)
        #expect(asInTheBatch[1].risk.isEmpty)
    }

    @Test func aCustomerBecomingCriticalIsListed() throws {
        // C1 at T-7 was medium, now critical: it became high-or-critical; C2 stayed high: not listed.
        var model = ReportModel()
        let settings = RiskSettings.standard
        func risk(_ customer: Int, _ tenths: Int) -> CustomerRisk {
            var scored = RiskScoring.score(customer: customer, rawValues: [0, 0, 0, 0, 0, 0], settings: settings)
            scored.scoreTenths = tenths
            scored.band = settings.bands.band(of: Double(tenths) / 10)
            return scored
        }
        let data = BinaryRunner.fixtures.appendingPathComponent("small").path
        let run = try RunOptions(data: data, asOf: "2025-03-31").resolve(today: 0)
        let load = try Batch.loadInputs(run, showProgress: false)
        var now = try Analysis.run(ledger: load.ledger, settings: run.analysis)
        now.risk = [risk(0, 800), risk(1, 600), risk(2, 100)]
        model.risk = ReportModelBuilder.risk(ledger: load.ledger, analysis: now, weekAgo: [risk(0, 400), risk(1, 550)])
        #expect(model.risk.changesKnown)
        #expect(model.risk.newlyHigh.map(\.customerID) == ["C1"])
        #expect(model.risk.newlyHigh[0].previousBand == "medium")
        #expect(model.risk.newlyHigh[0].band == "critical")
    }
}
