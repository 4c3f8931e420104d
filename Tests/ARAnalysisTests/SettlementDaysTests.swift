import ARAnalysis
import ARCore
import Testing

/// SPEC sections 4 and 7: an invoice settles on the date its cumulated applications reach the
/// amount (counted from the issue date if earlier). Days to pay = settle - issue; days late =
/// max(0, settle - due); amount-weighted (invoice amount at T's rates) over settlements in (T-365, T].
@Suite("Days to pay and days late")
struct SettlementDaysTests {
    @Test("days to pay and days late are weighted by invoice amount")
    func amountWeighted() throws {
        // A 100.00 issued 05-01, due 05-31, paid 06-10: 40 days to pay, 10 late.
        // B 300.00 issued 06-01, due 07-01, paid 06-11: 10 days to pay, 0 late.
        // Days to pay = (100 x 40 + 300 x 10) / 400 = 7000 / 400 = 17.5 (a plain mean would be 25).
        // Days late = (100 x 10 + 300 x 0) / 400 = 2.5.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A,C1,2024-05-01,2024-05-31,100.00
                B,C1,2024-06-01,2024-07-01,300.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,A,2024-06-10,100.00
                P2,C1,B,2024-06-11,300.00
                """)
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30")
        #expect(result.kpis.avgDaysToPay == 17.5)
        #expect(result.kpis.avgDaysLate == 2.5)
    }

    @Test("an invoice settled exactly 365 days before T is out of the window; one settled on T is in")
    func windowEdges() throws {
        // T = 2024-06-30; T - 365 = 2023-07-01 (the year holds 2024-02-29). Window (2023-07-01, 2024-06-30].
        // X 1,000.00 issued 2023-06-01, due 2023-06-15, settled 2023-07-01: out.
        // Z   200.00 issued 2023-06-02, due 2023-06-22, settled 2023-07-02: in, 30 days to pay, 10 late.
        // Y   200.00 issued 2024-06-10, due 2024-06-20, settled 2024-06-30 (= T): in, 20 days, 10 late.
        // W   100.00 issued 2024-06-01, settled 2024-07-01 (> T): out.
        // Days to pay = (200 x 30 + 200 x 20) / 400 = 25 (with X it would be 40000 / 1400 = 28.57).
        // Days late = (200 x 10 + 200 x 10) / 400 = 10 (with X: (16000 + 4000) / 1400 = 14.29).
        #expect(day("2024-06-30") - 365 == day("2023-07-01"))
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                X,C1,2023-06-01,2023-06-15,1000.00
                Z,C1,2023-06-02,2023-06-22,200.00
                Y,C1,2024-06-10,2024-06-20,200.00
                W,C1,2024-06-01,2024-07-01,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,X,2023-07-01,1000.00
                P2,C1,Z,2023-07-02,200.00
                P3,C1,Y,2024-06-30,200.00
                P4,C1,W,2024-07-01,100.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(result.kpis.avgDaysToPay == 25)
        #expect(result.kpis.avgDaysLate == 10)
        #expect(result.settlementByCustomer[loaded.customer("C1")].invoices == 2)
    }

    @Test("an application dated before the issue date counts from the issue date")
    func prepaidCountsFromIssue() throws {
        // Q1 300.00 issued 06-10 (due 07-10), paid in full on 06-01: settles 06-10, 0 days (not -9).
        // Q2 100.00 issued 06-10 (due 07-10): 50.00 on 06-01 and 50.00 on 06-20: settles 06-20, 10 days.
        // Days to pay = (300 x 0 + 100 x 10) / 400 = 2.5; days late 0.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                Q1,C1,2024-06-10,2024-07-10,300.00
                Q2,C1,2024-06-10,2024-07-10,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,Q1,2024-06-01,300.00
                P2,C1,Q2,2024-06-01,50.00
                P3,C1,Q2,2024-06-20,50.00
                """)
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30")
        #expect(result.kpis.avgDaysToPay == 2.5)
        #expect(result.kpis.avgDaysLate == 0)
        #expect(result.kpis.totalAR == 0)
        #expect(result.kpis.unapplied == 0)
    }

    @Test("weights are invoice amounts converted at T's rate, per customer and overall")
    func weightsAtAsOfRates() throws {
        // EUR: 1.5 on 05-01, 1.1 on 06-01, 2.0 on 07-15 (after T, ignored). Rate at T = 1.1.
        // E1 (C1) EUR 100.00 issued 05-01 due 05-31, paid EUR 100.00 on 06-10: 40 days, 10 late; weight 11000.
        // U1 (C2) USD 110.00 issued 06-01 due 07-01, paid 06-11: 10 days, 0 late; weight 11000.
        // Overall: to pay (40 + 10) / 2 = 25, late 5 (own-currency weights would give 24.29, rate 1.5 27.31).
        // Per customer: C1 40 / 10, C2 10 / 0.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount,currency
                E1,C1,2024-05-01,2024-05-31,100.00,EUR
                U1,C2,2024-06-01,2024-07-01,110.00,USD
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount,currency
                P1,C1,E1,2024-06-10,100.00,EUR
                P2,C2,U1,2024-06-11,110.00,USD
                """,
            fxRates: """
                date,currency,rate
                2024-05-01,EUR,1.5
                2024-06-01,EUR,1.1
                2024-07-15,EUR,2.0
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(result.kpis.avgDaysToPay == 25)
        #expect(result.kpis.avgDaysLate == 5)
        let c1 = result.settlementByCustomer[loaded.customer("C1")]
        let c2 = result.settlementByCustomer[loaded.customer("C2")]
        #expect(c1.averageDaysToPay == 40)
        #expect(c1.averageDaysLate == 10)
        #expect(c2.averageDaysToPay == 10)
        #expect(c2.averageDaysLate == 0)
    }

    @Test("120,000 invoices paid over 60 days: the weighted sums are exact, overall and per customer")
    func largeLedgerSumsExactly() throws {
        // 120,000 invoices of 100.00, issued 2025-06-01, due 30 days
        // later, invoice i paid i mod 60 days after issue, customer C(i mod 4).
        // Overall: days to pay = mean of 0...59 = 29.5; days late = (1 + ... + 29) / 60 = 435 / 60 = 7.25.
        // C0 pays on d = 0, 4, ..., 56: mean 28; late 2 + 6 + ... + 26 = 98 over 15 invoices.
        var invoices = "invoice_id,customer_id,issue_date,due_date,amount\n"
        var payments = "payment_id,customer_id,invoice_id,date,amount\n"
        let issue = CivilCalendar.parseISO("2025-06-01")!
        for index in 0..<120_000 {
            let customer = "C\(index % 4)"
            invoices += "I\(index),\(customer),2025-06-01,2025-07-01,100.00\n"
            payments += "P\(index),\(customer),I\(index),\(CivilCalendar.format(issue + Day(index % 60))),100.00\n"
        }
        let loaded = try LedgerFixture(invoices: invoices, payments: payments).load(asOf: "2025-12-31")
        let ledger = loaded.ledger
        let facts = InvoiceFacts(ledger: ledger)
        let asOf = CivilCalendar.parseISO("2025-12-31")!
        let (overall, byCustomer) = SettlementStats.compute(ledger: ledger, facts: facts, after: asOf - 365, through: asOf)
        #expect(overall.invoices == 120_000)
        #expect(overall.weight == 120_000 * 10_000)
        #expect(overall.averageDaysToPay == 29.5)
        #expect(overall.averageDaysLate == 7.25)
        let first = byCustomer[loaded.customer("C0")]
        #expect(first.invoices == 30_000)
        #expect(first.weightedDaysToPay == Int128(28 * 30_000 * 10_000))
        #expect(first.weightedDaysLate == Int128(98 * 2_000 * 10_000))
        #expect(byCustomer.map(\.invoices).reduce(0, +) == 120_000)
    }

    @Test("One pass over the year to T splits it at T-90: each boundary day falls in the right window")
    func yearSplitAtNinetyDays() throws {
        // T = 2025-12-31, T-90 = 2025-10-02, T-365 = 2024-12-31. Windows: year (T-365, T],
        // earlier (T-365, T-90], recent (T-90, T]. Amounts 100.00 (G: 200.00), in minor units.
        //   A settled on T-365: in no window.     B 2025-01-01: earlier, to pay 31, late 1.
        //   C settled on T-90: earlier, 30 and 0. D on T-89: recent, 30 and 0.
        //   E settled on T: recent, 30 and 20.     F after T: in no window.
        //   G (C2) 2025-07-11: earlier, 40 and 10, weight 20,000.
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A,C1,2024-12-01,2024-12-31,100.00
                B,C1,2024-12-01,2024-12-31,100.00
                C,C1,2025-09-02,2025-10-02,100.00
                D,C1,2025-09-03,2025-10-03,100.00
                E,C1,2025-12-01,2025-12-11,100.00
                F,C1,2025-12-01,2025-12-11,100.00
                G,C2,2025-06-01,2025-07-01,200.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                PA,C1,A,2024-12-31,100.00
                PB,C1,B,2025-01-01,100.00
                PC,C1,C,2025-10-02,100.00
                PD,C1,D,2025-10-03,100.00
                PE,C1,E,2025-12-31,100.00
                PF,C1,F,2026-01-01,100.00
                PG,C2,G,2025-07-11,200.00
                """
        ).load(asOf: "2025-12-31")
        let facts = InvoiceFacts(ledger: loaded.ledger)
        let asOf = CivilCalendar.parseISO("2025-12-31")!
        let year = SettlementYear.compute(ledger: loaded.ledger, facts: facts, asOf: asOf)
        let c1 = loaded.customer("C1")
        let c2 = loaded.customer("C2")

        #expect(year.earlierByCustomer[c1].invoices == 2)
        #expect(year.earlierByCustomer[c1].weightedDaysToPay == 10_000 * 31 + 10_000 * 30)
        #expect(year.earlierByCustomer[c1].weightedDaysLate == 10_000)
        #expect(year.recentByCustomer[c1].invoices == 2)
        #expect(year.recentByCustomer[c1].weightedDaysToPay == 600_000)
        #expect(year.recentByCustomer[c1].weightedDaysLate == 200_000)
        #expect(year.recentByCustomer[c1].averageDaysLate == 10)
        #expect(year.earlierByCustomer[c1].averageDaysLate == 0.5)
        #expect(year.byCustomer[c1].averageDaysToPay == 30.25)
        #expect(year.byCustomer[c1].averageDaysLate == 5.25)
        #expect(year.recentByCustomer[c2].averageDaysLate == nil)
        #expect(year.byCustomer[c2].weightedDaysToPay == 20_000 * 40)
        #expect(year.overall.invoices == 5)
        #expect(year.overall.weight == 60_000)
        #expect(year.overall.weightedDaysToPay == 2_010_000)
        #expect(year.overall.weightedDaysLate == 410_000)

        // The same sums as one pass per window, and as the overall-only pass of the comparison snapshots.
        let separate = SettlementStats.compute(ledger: loaded.ledger, facts: facts, after: asOf - 365, through: asOf)
        #expect(year.overall == separate.overall)
        #expect(SettlementYear.overall(ledger: loaded.ledger, facts: facts, asOf: asOf) == year.overall)
        // A day earlier, E (settled on T) drops out and A (settled on T-365) comes in.
        let dayBefore = SettlementYear.overall(ledger: loaded.ledger, facts: facts, asOf: asOf - 1)
        #expect(dayBefore == SettlementYear.compute(ledger: loaded.ledger, facts: facts, asOf: asOf - 1).overall)
        #expect(dayBefore.invoices == 5)
        #expect(dayBefore.weightedDaysToPay == 2_010_000 - 10_000 * 30 + 10_000 * 30)
        #expect(dayBefore.weightedDaysLate == 410_000 - 200_000)
        #expect(year.byCustomer == separate.byCustomer)
        #expect(
            year.recentByCustomer
                == SettlementStats.compute(ledger: loaded.ledger, facts: facts, after: asOf - 90, through: asOf).byCustomer)
        #expect(
            year.earlierByCustomer
                == SettlementStats.compute(ledger: loaded.ledger, facts: facts, after: asOf - 365, through: asOf - 90)
                .byCustomer)
    }
}
