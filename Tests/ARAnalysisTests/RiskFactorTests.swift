import ARAnalysis
import ARCore
import Testing

/// SPEC sections 5 and 7: each factor of the risk scorecard from a ledger, at 0, at 100,
/// clamped beyond, and 0 when it has no data. T = 2024-06-30 throughout.
@Suite("Risk factors")
struct RiskFactorTests {
    @Test("late: amount-weighted days late over (T-365, T]: 0 days scores 0, 30 scores 50, 60 scores 100, 90 clamps")
    func lateFactor() throws {
        // L0: due 05-31, paid 05-31: 0 late -> 0.         L30: due 05-01, paid 05-31: 30 late -> 50.
        // L60: due 03-31, paid 05-30: 60 late -> 100.     L90: due 03-01, paid 05-30: 90 late -> 150, clamped to 100.
        // LW: A 100.00 paid on time, B 300.00 40 days late (due 04-01, paid 05-11):
        //     (100 x 0 + 300 x 40) / 400 = 30 days -> 50 (a plain mean, 20 days, would give 33.33).
        // LX: open, nothing settled: no data -> 0, still scored (open AR).
        // Score of L30 = 0.30 x 50 = 15.0; L60 = 30.0 (medium); every other factor is 0
        // (nothing open, no earlier-window settlements so trend is 0, no disputes).
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I0,L0,2024-05-01,2024-05-31,100.00
                I30,L30,2024-04-01,2024-05-01,100.00
                I60,L60,2024-03-01,2024-03-31,100.00
                I90,L90,2024-02-01,2024-03-01,100.00
                A,LW,2024-05-01,2024-05-31,100.00
                B,LW,2024-03-02,2024-04-01,300.00
                X,LX,2024-06-01,2024-07-01,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P0,L0,I0,2024-05-31,100.00
                P30,L30,I30,2024-05-31,100.00
                P60,L60,I60,2024-05-30,100.00
                P90,L90,I90,2024-05-30,100.00
                PA,LW,A,2024-05-31,100.00
                PB,LW,B,2024-05-11,300.00
                """
        ).load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(loaded.risk("L0", in: result)?.factor(.late) == 0)
        #expect(loaded.risk("L30", in: result)?.factor(.late) == 50)
        #expect(loaded.risk("L60", in: result)?.factor(.late) == 100)
        #expect(loaded.risk("L90", in: result)?.factor(.late) == 100)
        #expect(loaded.risk("L90", in: result)?.rawValue(.late) == 90)
        #expect(loaded.risk("LW", in: result)?.factor(.late) == 50)
        #expect(loaded.risk("LX", in: result)?.factor(.late) == 0)
        #expect(loaded.risk("L30", in: result)?.scoreTenths == 150)
        #expect(loaded.risk("L30", in: result)?.band == .low)
        #expect(loaded.risk("L60", in: result)?.scoreTenths == 300)
        #expect(loaded.risk("L60", in: result)?.band == .medium)
        #expect(loaded.risk("L60", in: result)?.factor(.trend) == 0)
    }

    @Test("past_due and severe: shares of open AR more than 30 and more than 90 days past due; exactly 30 or 90 is not")
    func pastDueAndSevere() throws {
        // Four open invoices of 100.00: A 31 days past due (due 05-30), B 30 days (05-31),
        // C 90 days (04-01), D 91 days (03-31). Open 400.00.
        // past_due = (A + C + D) / 400 = 75 % -> 75; severe = D / 400 = 25 % -> 25.
        // score = 0.20 x 75 + 0.15 x 25 = 15 + 3.75 = 18.75 -> 18.8 (half away from zero), low.
        // Reasons: past_due (15), severe (3.75).
        // Q has only cash on account (no open amount): scored for its unapplied cash, every factor 0 -> 0.0, no reasons.
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A,P,2024-04-30,2024-05-30,100.00
                B,P,2024-05-01,2024-05-31,100.00
                C,P,2024-03-02,2024-04-01,100.00
                D,P,2024-03-01,2024-03-31,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,Q,,2024-06-01,50.00
                """
        ).load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let p = try #require(loaded.risk("P", in: result))
        #expect(p.factor(.pastDue) == 75)
        #expect(p.factor(.severe) == 25)
        #expect(p.scoreTenths == 188)
        #expect(p.reasons == [.pastDue, .severe])
        let q = try #require(loaded.risk("Q", in: result))
        #expect(q.factors == [0, 0, 0, 0, 0, 0])
        #expect(q.scoreTenths == 0 && q.band == .low && q.reasons.isEmpty)
    }

    @Test("utilization: net balance / credit limit, 50 % scores 0, 150 % scores 100; zero limit with a balance scores 100")
    func utilization() throws {
        // All invoices issued 06-01, due 07-01 (current): only utilization can score.
        // U1 500 / 1,000 = 50 % -> 0.   U2 1,000 / 1,000 = 100 % -> 50.   U3 1,500 / 1,000 = 150 % -> 100.
        // U4 2,000 / 1,000 = 200 % -> clamped 100.   U5 limit 0, net 10.00 > 0 -> 100.
        // U6 limit 0, its invoice paid (net 0) -> 0.   U7 no limit, 5,000 open -> 0.
        // U8 1,200 open - 400 on account = net 800 / 1,000 = 80 % -> 30.
        // Scores: U2 0.15 x 50 = 7.5; U3, U4, U5 15.0; U8 4.5.
        let loaded = try LedgerFixture(
            customers: """
                customer_id,credit_limit
                U1,1000.00
                U2,1000.00
                U3,1000.00
                U4,1000.00
                U5,0
                U6,0
                U7,
                U8,1000.00
                """,
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I1,U1,2024-06-01,2024-07-01,500.00
                I2,U2,2024-06-01,2024-07-01,1000.00
                I3,U3,2024-06-01,2024-07-01,1500.00
                I4,U4,2024-06-01,2024-07-01,2000.00
                I5,U5,2024-06-01,2024-07-01,10.00
                I6,U6,2024-06-01,2024-07-01,10.00
                I7,U7,2024-06-01,2024-07-01,5000.00
                I8,U8,2024-06-01,2024-07-01,1200.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P6,U6,I6,2024-06-05,10.00
                P8,U8,,2024-06-10,400.00
                """
        ).load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        func utilization(_ id: String) -> Double? { loaded.risk(id, in: result)?.factor(.utilization) }
        #expect(utilization("U1") == 0)
        #expect(utilization("U2") == 50)
        #expect(utilization("U3") == 100)
        #expect(utilization("U4") == 100)
        #expect(utilization("U5") == 100)
        #expect(utilization("U6") == 0)
        #expect(utilization("U7") == 0)
        #expect(isClose(utilization("U8"), 30))
        #expect(loaded.risk("U2", in: result)?.scoreTenths == 75)
        #expect(loaded.risk("U5", in: result)?.scoreTenths == 150)
        #expect(loaded.risk("U8", in: result)?.scoreTenths == 45)
    }

    @Test("trend: days late in (T-90, T] minus (T-365, T-90]; 0 when a window is empty or the difference is negative")
    func trend() throws {
        // T-90 = 2024-04-01: the earlier window is (2023-07-01, 2024-04-01], the recent one (2024-04-01, 2024-06-30].
        // R1: earlier 10 late (due 01-31, paid 02-10), recent 30 late (due 05-31, paid 06-30): 30 - 10 = 20 -> 66.67.
        //     late over the year (10 + 30) / 2 = 20 -> 33.33. score = 0.3 x 33.33 + 0.1 x 66.67 = 10 + 6.67 = 16.7.
        // R2: earlier 30 late, recent 10 late: -20 -> 0.
        // R3: only a recent settlement (due 05-01, paid 06-10: 40 late): earlier window empty -> 0.
        // R4: earlier 0 late (paid on time), recent 10 late: 10 - 0 = 10 -> 33.33 (an on-time window is not empty).
        // R5: settled on T-90 itself (04-01, 20 late: earlier window), recent 50 late (due 04-12, paid 06-01):
        //     50 - 20 = 30 -> 100. Were 04-01 in the recent window, the earlier one would be empty and trend 0.
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                R1E,R1,2024-01-01,2024-01-31,100.00
                R1R,R1,2024-05-01,2024-05-31,100.00
                R2E,R2,2024-01-01,2024-01-31,100.00
                R2R,R2,2024-05-01,2024-05-31,100.00
                R3R,R3,2024-04-01,2024-05-01,100.00
                R4E,R4,2024-01-01,2024-01-31,100.00
                R4R,R4,2024-05-01,2024-05-31,100.00
                R5E,R5,2024-02-11,2024-03-12,100.00
                R5R,R5,2024-03-13,2024-04-12,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,R1,R1E,2024-02-10,100.00
                P2,R1,R1R,2024-06-30,100.00
                P3,R2,R2E,2024-03-01,100.00
                P4,R2,R2R,2024-06-10,100.00
                P5,R3,R3R,2024-06-10,100.00
                P8,R4,R4E,2024-01-31,100.00
                P9,R4,R4R,2024-06-10,100.00
                P10,R5,R5E,2024-04-01,100.00
                P11,R5,R5R,2024-06-01,100.00
                """
        ).load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let r1 = try #require(loaded.risk("R1", in: result))
        #expect(isClose(r1.factor(.trend), 200.0 / 3))
        #expect(isClose(r1.factor(.late), 100.0 / 3))
        #expect(r1.scoreTenths == 167)
        #expect(loaded.risk("R2", in: result)?.factor(.trend) == 0)
        #expect(loaded.risk("R3", in: result)?.factor(.trend) == 0)
        #expect(isClose(loaded.risk("R4", in: result)?.factor(.trend), 100.0 / 3))
        #expect(loaded.risk("R5", in: result)?.factor(.trend) == 100)
    }

    @Test("disputes: share by count of invoices issued in (T-365, T] with a dispute opened <= T, resolved or not")
    func disputes() throws {
        // D1: 4 invoices in the year, one with a dispute opened 06-01 and resolved 06-10: 25 % -> 50.
        // D2: 2 invoices, both disputed: 100 % -> clamped 100.
        // D3: 2 invoices, one dispute opened 07-05 (after T): 0.
        // D4: the disputed invoice was issued 2023-07-01 = T-365 (outside the window); its other invoice is
        //     undisputed: 0 / 1 = 0.
        // D5: 4 invoices, one disputed twice: counts once, 25 % -> 50.
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A1,D1,2024-05-01,2024-07-31,100.00
                A2,D1,2024-05-02,2024-07-31,100.00
                A3,D1,2024-05-03,2024-07-31,100.00
                A4,D1,2024-05-04,2024-07-31,100.00
                B1,D2,2024-05-01,2024-07-31,100.00
                B2,D2,2024-05-02,2024-07-31,100.00
                C1,D3,2024-05-01,2024-07-31,100.00
                C2,D3,2024-05-02,2024-07-31,100.00
                E1,D4,2023-07-01,2024-07-31,100.00
                E2,D4,2023-07-02,2024-07-31,100.00
                F1,D5,2024-05-01,2024-07-31,100.00
                F2,D5,2024-05-02,2024-07-31,100.00
                F3,D5,2024-05-03,2024-07-31,100.00
                F4,D5,2024-05-04,2024-07-31,100.00
                """,
            disputes: """
                invoice_id,opened,resolved
                A1,2024-06-01,2024-06-10
                B1,2024-06-01,
                B2,2024-06-02,
                C1,2024-07-05,
                E1,2024-06-01,
                F1,2024-06-01,2024-06-05
                F1,2024-06-10,
                """
        ).load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(loaded.risk("D1", in: result)?.factor(.disputes) == 50)
        #expect(loaded.risk("D2", in: result)?.factor(.disputes) == 100)
        #expect(loaded.risk("D3", in: result)?.factor(.disputes) == 0)
        #expect(loaded.risk("D4", in: result)?.factor(.disputes) == 0)
        #expect(loaded.risk("D5", in: result)?.factor(.disputes) == 50)
    }

    @Test("scored customers: open AR, unapplied cash, or an invoice issued in (T-365, T]; nobody else")
    func scoredCustomers() throws {
        // S1 open AR; S2 cash on account only; S3 an invoice issued 2024-01-01 and paid; S4 an invoice
        // issued 2023-07-01 (= T-365) and paid in 2023: nothing at T, not scored.
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I1,S1,2024-06-01,2024-07-01,100.00
                I3,S3,2024-01-01,2024-01-31,100.00
                I4,S4,2023-07-01,2023-07-31,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P2,S2,,2024-06-01,10.00
                P3,S3,I3,2024-01-31,100.00
                P4,S4,I4,2023-07-31,100.00
                """
        ).load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let scored = Set(result.risk.map { loaded.ledger.customers.ids[$0.customer] })
        #expect(scored == ["S1", "S2", "S3"])
    }
}
