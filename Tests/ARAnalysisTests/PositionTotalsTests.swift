import ARCore
import Testing

@testable import ARAnalysis

/// The comparisons at T-7 and the month end compute positions without items (`items: false`):
/// every per-customer total must be the full position's, only the items and bucket totals left out.
@Suite("Position without items")
struct PositionTotalsTests {
    @Test("the same per-customer totals as the full position, at dates around the ledger's", arguments: [UInt64(6), 7])
    func sameTotals(seed: UInt64) throws {
        let ledger = try RollRatesInBalancePassTests.randomLedger(seed: seed, disputes: true)
        let facts = InvoiceFacts(ledger: ledger)
        let dates = ["2024-01-15", "2024-06-30", "2024-11-23", "2024-12-31", "2025-06-30"].map(day)
        var (sawOpen, sawOver90, sawUnapplied, sawDisputed) = (false, false, false, false)
        for basis in [AgingBasis.due, .issue] {
            for asOf in dates {
                let settings = AnalysisSettings(asOf: asOf, basis: basis)
                let full = Position.compute(ledger: ledger, facts: facts, settings: settings)
                let totals = Position.compute(ledger: ledger, facts: facts, settings: settings, items: false)
                sawOpen = sawOpen || full.openTotal.contains { $0 > 0 }
                sawOver90 = sawOver90 || full.over90.contains { $0 > 0 }
                sawUnapplied = sawUnapplied || full.unapplied.contains { $0 > 0 }
                sawDisputed = sawDisputed || full.disputed.contains { $0 > 0 }
                #expect(totals.openTotal == full.openTotal)
                #expect(totals.unapplied == full.unapplied)
                #expect(totals.disputed == full.disputed)
                #expect(totals.over30 == full.over30)
                #expect(totals.over90 == full.over90)
                #expect(totals.openItems.isEmpty && totals.unappliedItems.isEmpty && totals.bucketTotals.isEmpty)
                #expect(full.bucketTotals.count == ledger.customers.count * settings.buckets.count)
            }
        }
        // The ledger has open, long overdue, disputed and prepaid or overpaid invoices at these
        // dates: the test can tell.
        #expect(sawOpen && sawOver90 && sawUnapplied && sawDisputed)
    }
}
