import ARCore
import Testing

@testable import ARAnalysis

/// Computations at a date visit only `InvoiceFacts.candidates`: an invoice left out must have
/// nothing open and no unapplied cash on every day of the window.
@Suite("Invoices that may be open in a window")
struct InvoiceCandidatesTests {
    @Test("no invoice left out is open or holds unapplied cash on any day of any window")
    func noneLeftOut() throws {
        // A paid on time, B paid in two parts, C never paid, D prepaid before its issue date,
        // E overpaid, F issued late in the period.
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A,C1,2025-01-10,2025-02-09,100.00
                B,C1,2025-01-20,2025-02-19,50.00
                C,C1,2025-02-01,2025-03-03,25.00
                D,C1,2025-03-01,2025-03-31,10.00
                E,C1,2025-02-05,2025-03-07,40.00
                F,C1,2025-03-25,2025-04-24,99.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,A,2025-02-01,100.00
                P2,C1,B,2025-02-10,20.00
                P3,C1,B,2025-03-05,30.00
                P4,C1,D,2025-02-20,10.00
                P5,C1,E,2025-02-25,45.00
                """
        ).load(asOf: "2025-03-31")
        let ledger = loaded.ledger
        let facts = InvoiceFacts(ledger: ledger)
        let days = Array(day("2025-01-01")...day("2025-04-10"))
        var checkedWindows = 0
        for first in stride(from: 0, to: days.count, by: 3) {
            for last in stride(from: first, to: days.count, by: 5) {
                let candidates = Set(facts.candidates(issue: ledger.invoices.issue, from: days[first], through: days[last]))
                for invoice in 0..<ledger.invoices.count where !candidates.contains(Int32(invoice)) {
                    for day in days[first]...days[last] {
                        let (open, unapplied) = Position.openAndUnapplied(invoice: invoice, ledger: ledger, at: day)
                        #expect(open == 0 && unapplied == 0, "invoice \(invoice) at \(day)")
                    }
                }
                checkedWindows += 1
            }
        }
        #expect(checkedWindows > 100)
        // On March 31: B (settled 03-05) and A are out; C, F open; D and E irregular.
        let atT = facts.candidates(issue: ledger.invoices.issue, from: day("2025-03-31"), through: day("2025-03-31"))
        #expect(atT == [loaded.invoice("C"), loaded.invoice("D"), loaded.invoice("E"), loaded.invoice("F")])
        let firstHalf = facts.candidates(
            issue: ledger.invoices.issue, from: day("2025-03-31"), through: day("2025-03-31"), in: 0..<3)
        #expect(firstHalf == [loaded.invoice("C")])
    }
}
