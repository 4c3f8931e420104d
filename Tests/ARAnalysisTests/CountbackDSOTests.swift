import ARAnalysis
import ARCore
import Testing

/// SPEC sections 4 and 7, "Countback DSO": walk months back from T's month (days 1..T),
/// absorbing each month's sales into the AR; a month without sales is added whole; stop
/// after 24 months with the days examined flagged as a lower bound.
@Suite("Countback DSO")
struct CountbackDSOTests {
    @Test("the published example: AR 2,000 against Jan 200, Dec 400, Nov 600, Oct 700, Sep 500 is 129 days")
    func publishedExample() throws {
        // T = 2025-01-31. Sales: Sep 500, Oct 700, Nov 600, Dec 400, Jan 200 (= 2,400);
        // 400.00 paid on the September invoice leaves AR = 2,000.
        // Jan: 2000 >= 200 -> 31 days, 1800 left; Dec: 1800 >= 400 -> 62, 1400;
        // Nov: 1400 >= 600 -> 92, 800; Oct: 800 >= 700 -> 123, 100;
        // Sep: 100 < 500 -> 123 + 100/500 x 30 = 129.00.
        // Also the 90-day DSO: T-90 = 2024-11-02, W sales = Nov 600 + Dec 400 + Jan 200 = 1200,
        // DSO = 2000 / 1200 x 90 = 150.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                S09,C1,2024-09-15,500.00
                S10,C1,2024-10-15,700.00
                S11,C1,2024-11-15,600.00
                S12,C1,2024-12-15,400.00
                S01,C1,2025-01-15,200.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,S09,2024-10-20,400.00
                """)
        let result = try fixture.load(asOf: "2025-01-31").analyze(asOf: "2025-01-31")
        #expect(result.kpis.totalAR == 200_000)
        #expect(isClose(result.kpis.dsoCountback.days, 129))
        #expect(rounded2(result.kpis.dsoCountback.days) == 129.00)
        #expect(result.kpis.dsoCountback.isLowerBound == false)
        #expect(result.kpis.salesWindow == 120_000)
        #expect(isClose(result.kpis.dso, 150))
    }

    @Test("a month without sales is added whole while AR remains")
    func monthWithoutSales() throws {
        // T = 2025-01-31. Sales: Nov 600, Dec none, Jan 300; 300.00 paid on the November invoice: AR = 600.
        // Jan: 600 >= 300 -> 31, 300 left; Dec: 300 >= 0 -> 62, 300 left;
        // Nov: 300 < 600 -> 62 + 300/600 x 30 = 77.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                N11,C1,2024-11-10,600.00
                J01,C1,2025-01-10,300.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,N11,2025-01-20,300.00
                """)
        let result = try fixture.load(asOf: "2025-01-31").analyze(asOf: "2025-01-31")
        #expect(result.kpis.totalAR == 60_000)
        #expect(isClose(result.kpis.dsoCountback.days, 77))
        #expect(result.kpis.dsoCountback.isLowerBound == false)
    }

    @Test("the as-of month counts only its days up to T and its sales issued by T")
    func partialAsOfMonth() throws {
        // T = 2025-01-20. J1 200.00 issued 01-10; J2 1,000.00 issued 01-25 is after T (not in scope, not sales).
        // D1 400.00 issued 2024-12-05 with 100.00 paid 12-20. AR = 200 + 300 = 500.
        // Jan (days 1..20): 500 >= 200 -> 20 days, 300 left; Dec: 300 < 400 -> 20 + 300/400 x 31 = 43.25.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                J1,C1,2025-01-10,200.00
                J2,C1,2025-01-25,1000.00
                D1,C1,2024-12-05,400.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,D1,2024-12-20,100.00
                """)
        let result = try fixture.load(asOf: "2025-01-20").analyze(asOf: "2025-01-20")
        #expect(result.kpis.totalAR == 50_000)
        #expect(isClose(result.kpis.dsoCountback.days, 43.25))
        #expect(result.kpis.dsoCountback.isLowerBound == false)
    }

    @Test("AR that 24 months of sales do not absorb gives the days examined, flagged as a lower bound")
    func lowerBoundAfter24Months() throws {
        // T = 2025-01-31. OLD 1,000.00 issued 2022-06-15 is still open; R1 100.00 issued 2024-12-10 open.
        // AR = 1100. The 24 months are Feb 2023 .. Jan 2025: 2023-02-01..2025-01-31 = 365 + 366 = 731 days;
        // their sales (100) absorb only R1, so 1000 remains: countback = 731, a lower bound.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                OLD,C1,2022-06-15,1000.00
                R1,C1,2024-12-10,100.00
                """)
        let result = try fixture.load(asOf: "2025-01-31").analyze(asOf: "2025-01-31")
        #expect(result.kpis.totalAR == 110_000)
        #expect(result.kpis.dsoCountback.days == 731)
        #expect(result.kpis.dsoCountback.isLowerBound == true)
    }

    @Test("AR absorbed exactly by a month's sales stops the walk at that month's end")
    func exactlyAbsorbed() throws {
        // T = 2024-06-30. I1 500.00 issued 2024-01-15, unpaid; no other sales.
        // Jun 30, May 31, Apr 30, Mar 31, Feb 29 (leap year): no sales, each added whole = 151;
        // Jan: 500 >= 500 -> + 31 = 182, nothing left: stop. Countback = 182, not a lower bound.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount
                I1,C1,2024-01-15,500.00
                """)
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30")
        #expect(result.kpis.dsoCountback.days == 182)
        #expect(result.kpis.dsoCountback.isLowerBound == false)
    }
}
