import ARAnalysis
import ARCore
import Testing

/// The 13-week cash forecast and its back-test (docs/METRICS.md, "Cash forecast", "Back-test").
@Suite("Cash forecast and back-test")
struct CashForecastTests {
    @Test("expected dates from days late with segment and overall fallbacks; beyond; unlikely")
    func forecastByHand() throws {
        // T = 2024-06-30 (T+1 = 07-01). Weeks: 1 07-01..07-07, 2 07-08..07-14, 3 07-15..07-21, ...,
        // 13 09-23..09-29; beyond from 09-30.
        // History, settled in (2023-07-01, 2024-06-30]:
        //   F1 (segment S): H1 100.00 due 01-31 paid 02-10 (10 late), H2 300.00 due 03-02 paid 03-22 (20 late):
        //       (1,000 + 6,000) / 400 = 17.5 days -> 18 (rounded half away from zero).
        //   F4 (no segment): H4 400.00 due 02-14 paid 02-14: 0 late.
        //   F8: Q8 100.00 due 05-01 paid 05-20 (19 late). F9: R9 50.00 due 02-09 paid 02-09 (0 late).
        //   F11: Z11 100.00 due 02-04 paid 02-04 (0 late).
        //   All customers: (1,000 + 6,000 + 0 + 1,900 + 0 + 0) / 1,050 = 8.48 -> 8.
        // Open at T:
        //   O1 F1 1,000.00 due 07-01: + 18 = 07-19 -> week 3.
        //   O2 F2 (segment S, no history: S's 17.5 -> 18) 500.00 due 06-25: 07-13 -> week 2
        //       (with all customers' 8 it would be 07-03, week 1).
        //   O3 F3 (segment T, nobody in T settled: all customers, 8) 200.00 due 09-25: 10-03 -> beyond
        //       (with 0 it would be 09-25, week 13).
        //   O4 F4 (own 0) 300.00 due 07-10 -> week 2 (with 8 it would be week 3).
        //   O5 F5 250.00 due 02-01: 150 days past due, no payment from F5 in (04-01, 06-30]: unlikely.
        //   O6 F6 600.00 due 02-01, 100.00 paid 05-15: 150 days past due but paid recently:
        //       02-01 + 8 = 02-09, not before T+1: 07-01 -> week 1 (open 500.00).
        //   O7 F7 700.00 due 01-01, a 50.00 credit note 06-01 (not a payment): unlikely, open 650.00.
        //   Paid recently on another invoice, so not unlikely (week 1, expected before T+1):
        //   O8 F8 300.00 due 01-01: Q8 paid in the window. O9 F9 200.00 due 01-01: R9, settled in
        //   February, paid 10.00 more on 06-01 (an overpayment). O10 F10 400.00 due 01-01: 25.00
        //   paid on 06-15 for S10, issued 08-01 (a prepayment). O11 F11 150.00 due 01-01: 0.001 KWD
        //   paid on 06-15 for Z11, settled in February, which is 0.00 in dollars (neither an
        //   overpayment nor a payment before settlement).
        // Week 1 500 + 300 + 200 + 400 + 150 = 1,550.00; week 2 500 + 300 = 800.00; week 3 1,000.00;
        // beyond 200.00; unlikely 250 + 650 = 900.00.
        let loaded = try LedgerFixture(
            customers: """
                customer_id,segment
                F1,S
                F2,S
                F3,T
                F4,
                F5,
                F6,
                F7,
                F8,
                F9,
                F10,
                F11,
                """,
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                H1,F1,2024-01-01,2024-01-31,100.00
                H2,F1,2024-02-01,2024-03-02,300.00
                H4,F4,2024-01-15,2024-02-14,400.00
                O1,F1,2024-06-01,2024-07-01,1000.00
                O2,F2,2024-05-26,2024-06-25,500.00
                O3,F3,2024-06-26,2024-09-25,200.00
                O4,F4,2024-06-10,2024-07-10,300.00
                O5,F5,2024-01-02,2024-02-01,250.00
                O6,F6,2024-01-02,2024-02-01,600.00
                O7,F7,2023-12-02,2024-01-01,700.00
                O8,F8,2023-12-02,2024-01-01,300.00
                Q8,F8,2024-04-01,2024-05-01,100.00
                O9,F9,2023-12-02,2024-01-01,200.00
                R9,F9,2024-01-10,2024-02-09,50.00
                O10,F10,2023-12-02,2024-01-01,400.00
                S10,F10,2024-08-01,2024-08-31,80.00
                O11,F11,2023-12-02,2024-01-01,150.00
                Z11,F11,2024-01-05,2024-02-04,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount,currency
                P1,F1,H1,2024-02-10,100.00
                P2,F1,H2,2024-03-22,300.00
                P4,F4,H4,2024-02-14,400.00
                P6,F6,O6,2024-05-15,100.00
                P8,F8,Q8,2024-05-20,100.00
                P9,F9,R9,2024-02-09,50.00
                P9b,F9,R9,2024-06-01,10.00
                P10,F10,S10,2024-06-15,25.00
                P11,F11,Z11,2024-02-04,100.00
                P11b,F11,Z11,2024-06-15,0.001,KWD
                """,
            creditNotes: """
                credit_id,customer_id,invoice_id,date,amount
                CN7,F7,O7,2024-06-01,50.00
                """,
            fxRates: """
                date,currency,rate
                2024-01-01,KWD,3.25
                """
        ).load(asOf: "2024-06-30")
        // The 0.001 KWD is applied to Z11 as 0.00.
        let z11 = Int(loaded.invoice("Z11"))
        let applications = loaded.ledger.applications
        #expect(applications.amount[Int(applications.start[z11])..<Int(applications.start[z11 + 1])] == [10_000, 0])
        // Payers in the 90 days to T, and to T-91 (2024-03-31), found in one pass.
        let payers = CashForecast.recentPayers(ledger: loaded.ledger, asOf: [day("2024-06-30"), day("2024-03-31")])
        let customers = ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11"]
        #expect(customers.filter { payers[0][loaded.customer($0)] } == ["F6", "F8", "F9", "F10", "F11"])
        #expect(customers.filter { payers[1][loaded.customer($0)] } == ["F1", "F4", "F9", "F11"])
        let forecast = try loaded.analyze(asOf: "2024-06-30").forecast
        #expect(forecast.periods.count == 15)
        var weeks = [Int64](repeating: 0, count: 13)
        weeks[0] = 155_000
        weeks[1] = 80_000
        weeks[2] = 100_000
        #expect(forecast.periods.prefix(13).map(\.expected) == weeks)
        #expect(forecast.periods[0].start == day("2024-07-01") && forecast.periods[0].end == day("2024-07-07"))
        #expect(forecast.periods[12].start == day("2024-09-23") && forecast.periods[12].end == day("2024-09-29"))
        #expect(forecast.periods[13].kind == .beyond && forecast.periods[13].start == day("2024-09-30"))
        #expect(forecast.periods[13].expected == 20_000)
        #expect(forecast.periods[14].kind == .unlikely && forecast.periods[14].expected == 90_000)
    }

    @Test("back-test: the forecast as of T-91 against the payments applied in each of its 13 weeks")
    func backTestByHand() throws {
        // T = 2024-06-30, B = T - 91 = 2024-03-31; weeks 1 04-01..04-07, 2 04-08..04-14, 3 04-15..04-21,
        // 4 04-22..04-28, ..., 13 06-24..06-30.
        // At B: G1 settled H 200.00 (due 2023-12-31, paid 2024-01-10): 10 days late; all customers 10.
        //   K1 G1 1,000.00 due 03-31: expected 04-10, week 2. Paid 600.00 04-09 (week 2), 400.00 04-20 (week 3).
        //   K2 G1   500.00 due 04-14: expected 04-24, week 4. Paid 500.00 04-24 (week 4).
        //   K3 G2   300.00 due 03-02 (29 days past due; G2 falls back to all customers, 10): 03-12 -> 04-01, week 1.
        //      A 100.00 credit note 04-02 (not cash), then 250.00 paid 04-05: only the 200.00 still open counts.
        //   K4 G2 issued 04-15, after B, paid 05-01: not in the back-test. G1's cash on account 04-03: not either.
        // Forecast: week 1 300.00, week 2 1,000.00, week 4 500.00.  Actual: 200.00, 600.00, 400.00, 500.00.
        // Errors (forecast - actual): +100, +400, -400, 0.  WAPE = 900 / 1,700 x 100 = 52.94 %; after week 1: 50 %.
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                H,G1,2023-12-01,2023-12-31,200.00
                K1,G1,2024-03-01,2024-03-31,1000.00
                K2,G1,2024-03-15,2024-04-14,500.00
                K3,G2,2024-02-01,2024-03-02,300.00
                K4,G2,2024-04-15,2024-05-15,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                PH,G1,H,2024-01-10,200.00
                P1,G1,K1,2024-04-09,600.00
                P2,G1,K1,2024-04-20,400.00
                P3,G1,K2,2024-04-24,500.00
                P4,G2,K3,2024-04-05,250.00
                P5,G2,K4,2024-05-01,100.00
                P6,G1,,2024-04-03,75.00
                """,
            creditNotes: """
                credit_id,customer_id,invoice_id,date,amount
                CN1,G2,K3,2024-04-02,100.00
                """
        ).load(asOf: "2024-06-30")
        let backTest = try loaded.analyze(asOf: "2024-06-30").backTest
        #expect(backTest.asOf == day("2024-03-31"))
        #expect(backTest.weeks.count == 13)
        #expect(backTest.weeks.first?.start == day("2024-04-01"))
        #expect(backTest.weeks.last?.end == day("2024-06-30"))
        #expect(backTest.weeks.prefix(4).map(\.forecast) == [30_000, 100_000, 0, 50_000])
        #expect(backTest.weeks.prefix(4).map(\.actual) == [20_000, 60_000, 40_000, 50_000])
        #expect(backTest.weeks.prefix(4).map(\.error) == [10_000, 40_000, -40_000, 0])
        #expect(backTest.weeks.dropFirst(4).allSatisfy { $0.forecast == 0 && $0.actual == 0 })
        #expect(isClose(backTest.wape, 900.0 / 1700 * 100))
        #expect(backTest.wape(throughWeek: 1) == 50)
    }
}
