import ARAnalysis
import ARCore
import Testing

/// SPEC sections 4 and 7, "Trend": the last day of each of the 12 calendar months before T's
/// month, then T; each point uses its own window (d-D, d]; the last point equals the headline.
@Suite("Twelve-month trend")
struct TrendTests {
    // T = 2024-06-20 (mid-month, so T differs from its month end).
    //   A 1,000.00 issued 2023-12-15, due 2024-01-14: 400.00 paid 02-10, 600.00 paid 05-10.
    //   B   500.00 issued 2024-01-01, due 2024-01-31: paid in full 04-15.
    //   C   800.00 issued 2024-02-20, due 2024-03-21: 300.00 paid 03-31, 500.00 paid 06-01.
    //   D   700.00 issued 2024-03-25, due 2024-04-24: open.
    //   E   900.00 issued 2024-06-05, due 2024-07-05: open.
    let fixture = LedgerFixture(
        invoices: """
            invoice_id,customer_id,issue_date,due_date,amount
            A,C1,2023-12-15,2024-01-14,1000.00
            B,C1,2024-01-01,2024-01-31,500.00
            C,C1,2024-02-20,2024-03-21,800.00
            D,C1,2024-03-25,2024-04-24,700.00
            E,C1,2024-06-05,2024-07-05,900.00
            """,
        payments: """
            payment_id,customer_id,invoice_id,date,amount
            P1,C1,A,2024-02-10,400.00
            P2,C1,A,2024-05-10,600.00
            P3,C1,B,2024-04-15,500.00
            P4,C1,C,2024-03-31,300.00
            P5,C1,C,2024-06-01,500.00
            """)

    @Test("the trend has the 12 month ends before T's month, then T")
    func trendDates() throws {
        let result = try fixture.load(asOf: "2024-06-20").analyze(asOf: "2024-06-20")
        let expected = [
            "2023-06-30", "2023-07-31", "2023-08-31", "2023-09-30", "2023-10-31", "2023-11-30", "2023-12-31",
            "2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-20",
        ].map(day)
        #expect(result.trend.map(\.date) == expected)
    }

    @Test("the trend's last point equals the headline figures")
    func lastPointIsHeadline() throws {
        // At T = 06-20: A, B, C settled; D open 700 (due 04-24: 57 days, 31-60); E open 900 (current).
        // AR = 1600.00; T-90 = 2024-03-22, W sales = D 700 + E 900 = 1600: DSO = 1600 / 1600 x 90 = 90.
        // AR at 03-22 = A 600 + B 500 + C 800 (the 03-31 payment is later; D not yet issued) = 1900.
        // CEI = (1900 + 1600 - 1600) / (1900 + 1600 - 900) x 100 = 1900 / 2600 x 100 = 73.08.
        let result = try fixture.load(asOf: "2024-06-20").analyze(asOf: "2024-06-20")
        let last = try #require(result.trend.last)
        #expect(result.kpis.totalAR == 160_000)
        #expect(isClose(result.kpis.dso, 90))
        #expect(isClose(result.kpis.cei, 1900.0 / 2600.0 * 100))
        #expect(last.totalAR == result.kpis.totalAR)
        #expect(last.dso == result.kpis.dso)
        #expect(last.cei == result.kpis.cei)
        #expect(last.buckets == [90_000, 0, 70_000, 0, 0, 0])
    }

    @Test("the March month end, computed by hand")
    func marchMonthEnd() throws {
        // d = 2024-03-31; d - 90 = 2024-01-01; window (01-01, 03-31].
        // A open 1000 - 400 = 600, due 01-14: 17 + 29 + 31 = 77 days -> 61-90.
        // B open 500, due 01-31: 29 + 31 = 60 days -> 31-60.
        // C open 800 - 300 (paid on d itself) = 500, due 03-21: 10 days -> 1-30.
        // D open 700, due 04-24 -> current.
        // AR_d = 2300.00; buckets [70000, 50000, 50000, 60000, 0, 0]; current_d = 700.
        // Sales (01-01, 03-31] = C 800 + D 700 = 1500 (B, issued on 01-01, is outside).
        // DSO = 2300 / 1500 x 90 = 138.
        // AR at 01-01 = A 1000 + B 500 (issued that day) = 1500.
        // CEI = (1500 + 1500 - 2300) / (1500 + 1500 - 700) x 100 = 700 / 2300 x 100 = 30.43.
        let result = try fixture.load(asOf: "2024-06-20").analyze(asOf: "2024-06-20")
        let march = try #require(result.trend.first { $0.date == day("2024-03-31") })
        #expect(march.totalAR == 230_000)
        #expect(march.buckets == [70_000, 50_000, 50_000, 60_000, 0, 0])
        #expect(isClose(march.dso, 138))
        #expect(isClose(march.cei, 700.0 / 2300.0 * 100))
        #expect(rounded2(march.cei) == 30.43)
    }

    @Test("early month ends: nothing issued yet, then the first invoice alone")
    func earlyMonthEnds() throws {
        // 2023-06-30: nothing issued: AR 0, no window sales -> DSO empty; CEI denominator 0 -> empty.
        // 2023-12-31: A open 1000, due 2024-01-14 -> current. Window (2023-10-02, 12-31] sales = 1000:
        // DSO = 90; AR at 10-02 = 0, so CEI = (0 + 1000 - 1000) / (0 + 1000 - 1000): empty.
        let result = try fixture.load(asOf: "2024-06-20").analyze(asOf: "2024-06-20")
        let first = try #require(result.trend.first)
        #expect(first.totalAR == 0)
        #expect(first.dso == nil)
        #expect(first.cei == nil)
        let december = try #require(result.trend.first { $0.date == day("2023-12-31") })
        #expect(december.totalAR == 100_000)
        #expect(december.buckets == [100_000, 0, 0, 0, 0, 0])
        #expect(isClose(december.dso, 90))
        #expect(december.cei == nil)
    }
}
