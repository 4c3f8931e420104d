import ARCore
import Testing

@testable import ARAnalysis

/// The run computes the year's days to pay at T and at the back-test's T-91 in one pass over the
/// invoices. Each year must equal the windows summed on their own (`SettlementStats.compute`).
@Suite("SettlementYear at two dates in one pass")
struct SettlementYearTwoDatesTests {
    @Test(
        "each year equals its windows summed alone, whatever the second date",
        arguments: [UInt64(4), 5])
    func sameAsWindows(seed: UInt64) throws {
        let ledger = try RollRatesInBalancePassTests.randomLedger(seed: seed)
        let facts = InvoiceFacts(ledger: ledger)
        for asOf in [day("2024-09-30"), day("2024-12-31")] {
            // The ledgers settle invoices in both parts of these years, so the test can tell them apart.
            let recent = SettlementStats.compute(ledger: ledger, facts: facts, after: asOf - 90, through: asOf)
            let earlier = SettlementStats.compute(ledger: ledger, facts: facts, after: asOf - 365, through: asOf - 90)
            #expect(recent.overall.invoices > 0 && earlier.overall.invoices > 0)
            for other in [nil, asOf - 91, asOf, asOf + 40, asOf - 400] {
                let (atT, atOther) = SettlementYear.compute(ledger: ledger, facts: facts, asOf: asOf, alsoAt: other)
                expectWindows(atT, ledger: ledger, facts: facts, asOf: asOf)
                #expect((atOther == nil) == (other == nil))
                if let atOther, let other { expectWindows(atOther, ledger: ledger, facts: facts, asOf: other) }
            }
        }
    }

    func expectWindows(_ year: SettlementYear, ledger: Ledger, facts: InvoiceFacts, asOf: Day) {
        let whole = SettlementStats.compute(ledger: ledger, facts: facts, after: asOf - 365, through: asOf)
        let recent = SettlementStats.compute(ledger: ledger, facts: facts, after: asOf - 90, through: asOf)
        let earlier = SettlementStats.compute(ledger: ledger, facts: facts, after: asOf - 365, through: asOf - 90)
        #expect(year.overall == whole.overall, "\(CivilCalendar.format(asOf))")
        #expect(year.byCustomer == whole.byCustomer)
        #expect(year.recentByCustomer == recent.byCustomer)
        #expect(year.earlierByCustomer == earlier.byCustomer)
    }
}
