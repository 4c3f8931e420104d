import ARAnalysis
import ARCore
import Testing

/// SPEC section 3: applications count at T when dated <= T; open_T = amount - applications, floored at 0.
@Suite("Payments applied to invoices at the as-of date")
struct ApplicationsAtAsOfTests {
    @Test("invoice paid in two parts across the as-of date")
    func paidInTwoPartsAcrossAsOf() throws {
        // T = 2024-06-30. I1 = 1,000.00 issued 06-01, due 07-01.
        // P1 300.00 on 06-10 counts; P2 700.00 on 07-05 is after T and does not.
        // open_T = 100000 - 30000 = 70000 cents. Due 07-01 >= T: all current, 0 past due.
        // Days past due = 06-30 - 07-01 = -1 -> bucket `current`.
        // The invoice settles on 07-05, after T: nothing settled in (T-365, T].
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I1,C1,2024-06-01,2024-07-01,1000.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,I1,2024-06-10,300.00
                P2,C1,I1,2024-07-05,700.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(result.kpis.totalAR == 70_000)
        #expect(result.kpis.currentAR == 70_000)
        #expect(result.kpis.pastDueAR == 0)
        #expect(result.kpis.unapplied == 0)
        #expect(result.kpis.avgDaysToPay == nil)
        #expect(result.kpis.customersWithBalance == 1)
        let item = try #require(loaded.openItem("I1", in: result))
        #expect(item.open == 70_000)
        #expect(item.daysPastDue == -1)
        #expect(item.bucket == 0)

        // A week later P2 has counted: I1 settles on 07-05 and nothing is open.
        // Days to pay = 07-05 - 06-01 = 34; days late = 07-05 - 07-01 = 4.
        let later = try loaded.analyze(asOf: "2024-07-07")
        #expect(later.kpis.totalAR == 0)
        #expect(later.kpis.customersWithBalance == 0)
        #expect(later.kpis.avgDaysToPay == 34)
        #expect(later.kpis.avgDaysLate == 4)
    }

    @Test("a payment dated on the as-of date counts, one dated the day after does not")
    func paymentOnAsOfCounts() throws {
        // T = 2024-06-30. I1 = 1,000.00 issued 06-01, due 06-15.
        // P1 400.00 on 06-30 (= T) counts; P2 600.00 on 07-01 does not.
        // open_T = 100000 - 40000 = 60000. Due 06-15 < T: all past due.
        // Days past due = 06-30 - 06-15 = 15 -> bucket `1-30` (index 1).
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I1,C1,2024-06-01,2024-06-15,1000.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,I1,2024-06-30,400.00
                P2,C1,I1,2024-07-01,600.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(result.kpis.totalAR == 60_000)
        #expect(result.kpis.currentAR == 0)
        #expect(result.kpis.pastDueAR == 60_000)
        let item = try #require(loaded.openItem("I1", in: result))
        #expect(item.daysPastDue == 15)
        #expect(item.bucket == 1)
        #expect(Array(result.position.buckets(of: loaded.customer("C1"))) == [0, 60_000, 0, 0, 0, 0])
    }

    @Test("one payment split over two invoices settles one and part-pays the other")
    func paymentSplitOverTwoInvoices() throws {
        // P1 repeats its payment_id, one row per application (SPEC section 1).
        // I1 = 500.00 and I2 = 300.00, both issued 2024-06-01; no customers.csv, so terms are 30 days:
        // due 07-01. P1 pays 500.00 to I1 and 100.00 to I2 on 06-20.
        // open: I1 0, I2 30000 - 10000 = 20000; AR = 20000, all current.
        // I1 settles 06-20: days to pay = 19, days late = max(0, 06-20 - 07-01) = 0.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                I1,C1,2024-06-01,500.00
                I2,C1,2024-06-01,300.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,I1,2024-06-20,500.00
                P1,C1,I2,2024-06-20,100.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(result.kpis.totalAR == 20_000)
        #expect(result.kpis.currentAR == 20_000)
        #expect(result.kpis.unapplied == 0)
        #expect(result.position.openItems.map(\.invoice) == [loaded.invoice("I2")])
        #expect(result.position.openItems.first?.open == 20_000)
        #expect(result.kpis.avgDaysToPay == 19)
        #expect(result.kpis.avgDaysLate == 0)
    }

    @Test("an invoice issued after the as-of date is not in scope")
    func invoiceIssuedAfterAsOf() throws {
        // I1 = 100.00 issued 06-30 (= T) is in scope; I2 = 900.00 issued 07-01 is not.
        // AR = 10000; window sales (T-90, T] = 10000.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                I1,C1,2024-06-30,100.00
                I2,C1,2024-07-01,900.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(result.kpis.totalAR == 10_000)
        #expect(result.kpis.salesWindow == 10_000)
        #expect(result.position.openItems.count == 1)
    }
}
