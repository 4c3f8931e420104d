import ARCore
import Testing

@testable import ARAnalysis

/// The comparison snapshots cut each date's sales calendar from the as-of date's instead of
/// building it again: the cut must equal the calendar built for that date.
@Suite("Sales calendar cut from a later one")
struct SalesCalendarTests {
    func expectSame(_ cut: SalesCalendar?, _ built: SalesCalendar, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(cut?.origin == built.origin, sourceLocation: sourceLocation)
        #expect(cut?.cumulative == built.cumulative, sourceLocation: sourceLocation)
    }

    @Test("every day from before the first issue to the later calendar's last equals a calendar built there")
    func cutEqualsBuilt() throws {
        // Issued 01-10 (100.00), 01-10 (50.00), 02-01 (25.00), 03-31 (10.00), and 04-02, after T.
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A,C1,2025-01-10,2025-02-09,100.00
                B,C1,2025-01-10,2025-02-09,50.00
                C,C1,2025-02-01,2025-03-03,25.00
                D,C1,2025-03-31,2025-04-30,10.00
                E,C1,2025-04-02,2025-05-02,99.00
                """
        ).load(asOf: "2025-03-31")
        let facts = InvoiceFacts(ledger: loaded.ledger)
        let asOf = day("2025-03-31")
        let later = SalesCalendar(ledger: loaded.ledger, facts: facts, through: asOf)
        for lastDay in day("2024-12-25")...asOf {
            expectSame(
                SalesCalendar(later, through: lastDay), SalesCalendar(ledger: loaded.ledger, facts: facts, through: lastDay))
        }
        #expect(SalesCalendar(later, through: day("2025-01-10"))?.sales(after: 0, through: day("2025-01-10")) == 15_000)
        #expect(SalesCalendar(later, through: asOf + 1) == nil)

        // A later calendar with nothing issued by its last day: every cut is empty too.
        let early = SalesCalendar(ledger: loaded.ledger, facts: facts, through: day("2025-01-05"))
        for lastDay in day("2025-01-01")...day("2025-01-05") {
            expectSame(
                SalesCalendar(early, through: lastDay), SalesCalendar(ledger: loaded.ledger, facts: facts, through: lastDay))
        }
    }
}
