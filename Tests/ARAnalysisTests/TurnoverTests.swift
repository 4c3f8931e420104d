import ARAnalysis
import ARCore
import Testing

/// SPEC section 4: turnover = sales in (T-365, T] / ((AR_{T-365} + AR_T) / 2).
@Suite("Receivables turnover")
struct TurnoverTests {
    @Test("turnover divides a year's sales by the average of AR a year ago and AR today")
    func yearSalesOverAverageAR() throws {
        // T = 2024-06-30, T-365 = 2023-07-01.
        // A 1,000.00 issued 2023-06-15, paid 2023-08-01: open at T-365, not a sale of the window.
        // B   600.00 issued 2023-07-01 (= T-365), paid 2023-09-01: open at T-365, not a sale of the window.
        // C 2,000.00 issued 2023-07-02, paid 2023-08-15: a sale of the window, settled.
        // E   600.00 issued 2024-03-01, 200.00 paid 2024-04-01: sale, open 400 at T.
        // D   400.00 issued 2024-06-30 (= T): sale, open 400 at T.
        // Sales = 2000 + 600 + 400 = 3000; AR_{T-365} = 1000 + 600 = 1600; AR_T = 400 + 400 = 800.
        // Turnover = 3000 / ((1600 + 800) / 2) = 3000 / 1200 = 2.5.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                A,C1,2023-06-15,1000.00
                B,C1,2023-07-01,600.00
                C,C1,2023-07-02,2000.00
                E,C1,2024-03-01,600.00
                D,C1,2024-06-30,400.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,A,2023-08-01,1000.00
                P2,C1,B,2023-09-01,600.00
                P3,C1,C,2023-08-15,2000.00
                P4,C1,E,2024-04-01,200.00
                """)
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30")
        #expect(result.kpis.totalAR == 80_000)
        #expect(result.kpis.turnover == 2.5)
    }
}
