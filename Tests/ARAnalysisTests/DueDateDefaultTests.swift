import ARAnalysis
import ARCore
import Testing

/// SPEC section 1: due_date defaults to issue_date + the customer's terms_days (30 by default,
/// and 30 when there is no customers.csv).
@Suite("Due date defaults")
struct DueDateDefaultTests {
    @Test("due date is the issue date plus the customer's payment terms")
    func dueFromCustomerTerms() throws {
        // T = 2024-06-30; every invoice issued 2024-05-01.
        // C45 terms 45 -> due 06-15 -> 15 days past due (1-30).
        // C30 terms empty (default 30) -> due 05-31 -> 30 days (1-30).
        // C0 terms 0 -> due 05-01 -> 60 days (31-60).
        // X1 of C45 has an explicit due_date 2024-07-15, which wins: -15 days (current).
        let fixture = LedgerFixture(
            customers: """
                customer_id,name,terms_days
                C45,Forty-five Days Ltd,45
                C30,Default Terms Inc,
                C0,Cash On Delivery Co,0
                """,
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A45,C45,2024-05-01,,100.00
                A30,C30,2024-05-01,,100.00
                A0,C0,2024-05-01,,100.00
                X1,C45,2024-05-01,2024-07-15,100.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(loaded.openItem("A45", in: result)?.daysPastDue == 15)
        #expect(loaded.openItem("A30", in: result)?.daysPastDue == 30)
        #expect(loaded.openItem("A0", in: result)?.daysPastDue == 60)
        #expect(loaded.openItem("X1", in: result)?.daysPastDue == -15)
        #expect(loaded.ledger.invoices.due[Int(loaded.invoice("A45"))] == day("2024-06-15"))
        // current_ar = X1 only = 10000.
        #expect(result.kpis.currentAR == 10_000)
        #expect(Array(result.position.buckets(of: loaded.customer("C0"))) == [0, 0, 10_000, 0, 0, 0])
    }

    @Test("without customers.csv the terms are 30 days")
    func thirtyDaysWithoutCustomers() throws {
        // I1 issued 2024-05-01 -> due 05-31 -> 30 days past due at 06-30, bucket 1-30.
        // I2 issued 2024-05-31 -> due 06-30 = T -> 0 days, current (due >= T).
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                I1,C1,2024-05-01,100.00
                I2,C1,2024-05-31,40.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(loaded.openItem("I1", in: result)?.daysPastDue == 30)
        #expect(loaded.openItem("I2", in: result)?.daysPastDue == 0)
        #expect(result.kpis.currentAR == 4_000)
        #expect(result.kpis.pastDueAR == 10_000)
    }
}
