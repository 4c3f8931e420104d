import ARAnalysis
import ARCore
import Testing

/// SPEC section 4: W = (T-D, T]; DSO = AR_T / Sales_W x D; BPDSO = Current_T / Sales_W x D;
/// ADD = DSO - BPDSO; CEI = (AR_{T-D} + Sales_W - AR_T) / (AR_{T-D} + Sales_W - Current_T) x 100.
@Suite("DSO, BPDSO, ADD and CEI")
struct DSOAndCEITests {
    @Test("the published example: AR 15,000, current 4,000, sales 10,000 over 30 days: DSO 45, BPDSO 12, ADD 33")
    func publishedDSOExample() throws {
        // T = 2024-06-30, D = 30: W = (05-31, 06-30].
        // O1 5,000.00 issued 04-10, due 05-10: before W, past due.
        // W1 6,000.00 issued 06-05, due 06-20: in W, past due at T.
        // W2 4,000.00 issued 06-30 (= T, in W), due 07-30: current.
        // B0 999.00 issued 05-31 (= T-D: outside W) and paid in full 06-10: neither sales nor AR.
        // AR = 15,000; current = 4,000; Sales_W = 10,000.
        // DSO = 15000/10000 x 30 = 45; BPDSO = 4000/10000 x 30 = 12; ADD = 33.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                O1,C1,2024-04-10,2024-05-10,5000.00
                W1,C1,2024-06-05,2024-06-20,6000.00
                W2,C1,2024-06-30,2024-07-30,4000.00
                B0,C1,2024-05-31,2024-06-30,999.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,B0,2024-06-10,999.00
                """)
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30", dsoDays: 30)
        #expect(result.kpis.totalAR == 1_500_000)
        #expect(result.kpis.currentAR == 400_000)
        #expect(result.kpis.pastDueAR == 1_100_000)
        #expect(result.kpis.salesWindow == 1_000_000)
        #expect(isClose(result.kpis.dso, 45))
        #expect(isClose(result.kpis.bpdso, 12))
        #expect(isClose(result.kpis.add, 33))
    }

    @Test("the published example: opening AR 6,200, sales 3,630, ending AR 6,340, ending current 3,590: CEI 55.93")
    func publishedCEIExample() throws {
        // T = 2024-06-30, D = 90: T-D = 2024-04-01, W = (04-01, 06-30].
        // O1 6,200.00 issued 03-01, due 03-31: AR at 04-01 = 6,200 (nothing paid yet).
        // N1 40.00 issued 05-01 due 05-31 and N2 3,590.00 issued 06-15 due 07-15: Sales_W = 3,630.
        // 3,490.00 collected on O1 on 05-15: AR_T = 2,710 + 40 + 3,590 = 6,340; Current_T = N2 = 3,590.
        // CEI = (6200 + 3630 - 6340) / (6200 + 3630 - 3590) x 100 = 3490 / 6240 x 100 = 55.929... -> 55.93.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                O1,C1,2024-03-01,2024-03-31,6200.00
                N1,C1,2024-05-01,2024-05-31,40.00
                N2,C1,2024-06-15,2024-07-15,3590.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,O1,2024-05-15,3490.00
                """)
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30")
        #expect(result.kpis.totalAR == 634_000)
        #expect(result.kpis.currentAR == 359_000)
        #expect(result.kpis.salesWindow == 363_000)
        #expect(isClose(result.kpis.cei, 3490.0 / 6240.0 * 100))
        #expect(rounded2(result.kpis.cei) == 55.93)
        // DSO = 6340 / 3630 x 90 = 157.19; BPDSO = 3590 / 3630 x 90 = 89.01.
        #expect(rounded2(result.kpis.dso) == 157.19)
        #expect(rounded2(result.kpis.bpdso) == 89.01)
    }

    @Test("no sales in the window leaves DSO, BPDSO and ADD empty")
    func noWindowSales() throws {
        // T = 2024-06-30. I1 500.00 issued 2024-01-15 (due 02-14), unpaid: Sales_W = 0 over (04-01, 06-30].
        // CEI = (500 + 0 - 500) / (500 + 0 - 0) x 100 = 0, a value, not empty.
        // Turnover: sales in (2023-07-01, 2024-06-30] = 500; AR_{T-365} = 0, AR_T = 500: 500 / 250 = 2.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                I1,C1,2024-01-15,500.00
                """)
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30")
        #expect(result.kpis.salesWindow == 0)
        #expect(result.kpis.dso == nil)
        #expect(result.kpis.bpdso == nil)
        #expect(result.kpis.add == nil)
        #expect(result.kpis.cei == 0)
        #expect(result.kpis.turnover == 2)
    }

    @Test("CEI is empty when its denominator is zero")
    func ceiEmptyDenominator() throws {
        // T = 2024-06-30. The only invoice, 1,000.00, is issued 06-20 and due 07-20, unpaid:
        // AR_{T-D} = 0, Sales_W = 1000, Current_T = 1000: denominator 0 + 1000 - 1000 = 0 -> empty.
        // DSO = BPDSO = 1000/1000 x 90 = 90; ADD = 0.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I1,C1,2024-06-20,2024-07-20,1000.00
                """)
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30")
        #expect(result.kpis.cei == nil)
        #expect(isClose(result.kpis.dso, 90))
        #expect(isClose(result.kpis.bpdso, 90))
        #expect(isClose(result.kpis.add, 0))
    }

    @Test("everything collected: DSO is zero, CEI is 100 and turnover is empty")
    func everythingCollected() throws {
        // T = 2024-06-30. I1 100.00 issued 06-01 paid 06-10. AR_T = 0, AR_{T-D} = 0, Sales_W = 100.
        // DSO = 0 / 100 x 90 = 0; CEI = (0 + 100 - 0) / (0 + 100 - 0) x 100 = 100.
        // Turnover: average AR = (AR_{T-365} 0 + AR_T 0) / 2 = 0 -> empty.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                I1,C1,2024-06-01,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,I1,2024-06-10,100.00
                """)
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30")
        #expect(result.kpis.dso == 0)
        #expect(result.kpis.cei == 100)
        #expect(result.kpis.turnover == nil)
        #expect(result.kpis.dsoCountback.days == 0)
        #expect(result.kpis.customersWithBalance == 0)
    }
}
