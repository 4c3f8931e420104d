import ARAnalysis
import ARCore
import Testing

/// SPEC sections 1, 3 and 7: credit notes reduce what is owed; with an invoice_id they are
/// applications, without one they are unapplied credit; a write-off settles an invoice.
@Suite("Credit notes")
struct CreditNoteTests {
    @Test("a credit note applied to an invoice reduces it; one on account is unapplied credit")
    func creditAppliedAndOnAccount() throws {
        // I1 = 1,000.00 issued 06-01. CN1 150.00 on I1 (06-15), P1 100.00 on I1 (06-25),
        // CN2 50.00 on account (06-20), CN3 80.00 on I1 dated 07-02 (after T, not counted).
        // open I1 = 100000 - 15000 - 10000 = 75000; unapplied C1 = 5000 (CN2, on account);
        // net balance = 75000 - 5000 = 70000.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                I1,C1,2024-06-01,1000.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,I1,2024-06-25,100.00
                """,
            creditNotes: """
                credit_id,customer_id,invoice_id,date,amount,reason
                CN1,C1,I1,2024-06-15,150.00,discount
                CN2,C1,,2024-06-20,50.00,return
                CN3,C1,I1,2024-07-02,80.00,discount
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let c1 = loaded.customer("C1")
        #expect(result.kpis.totalAR == 75_000)
        #expect(result.kpis.unapplied == 5_000)
        #expect(result.position.netBalance(c1) == 70_000)
        #expect(loaded.unappliedSummary(result) == ["C1:on_account:CN2:5000"])
    }

    @Test("a write-off credit note settles the invoice on its date")
    func writeOffSettlesInvoice() throws {
        // I1 = 400.00 issued 2024-05-01, due 2024-05-31. P1 100.00 on 06-10; CN1 write_off 300.00 on 06-20.
        // Cumulated applications reach 400.00 on 06-20: the settlement date (credit notes included).
        // Days to pay = 06-20 - 05-01 = 30 (May 1 -> May 31) + 20 = 50.
        // Days late = 06-20 - 05-31 = 20. AR at T = 0.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I1,C1,2024-05-01,2024-05-31,400.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,I1,2024-06-10,100.00
                """,
            creditNotes: """
                credit_id,customer_id,invoice_id,date,amount,reason
                CN1,C1,I1,2024-06-20,300.00,write_off
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(result.kpis.totalAR == 0)
        #expect(result.kpis.unapplied == 0)
        #expect(result.kpis.avgDaysToPay == 50)
        #expect(result.kpis.avgDaysLate == 20)
        let c1 = loaded.customer("C1")
        #expect(result.settlementByCustomer[c1].invoices == 1)
        #expect(result.settlementByCustomer[c1].averageDaysToPay == 50)

        // Between the payment and the write-off (T = 06-15) 300.00 is still open, 15 days past due.
        let midway = try loaded.analyze(asOf: "2024-06-15")
        #expect(midway.kpis.totalAR == 30_000)
        #expect(midway.position.openItems.first?.daysPastDue == 15)
        #expect(midway.kpis.avgDaysToPay == nil)
    }
}
