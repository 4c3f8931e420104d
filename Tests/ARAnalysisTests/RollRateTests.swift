import ARAnalysis
import ARCore
import Testing

/// Roll rates between consecutive dates (docs/METRICS.md, "Roll rates").
@Suite("Roll rates")
struct RollRateTests {
    @Test("share of a bucket's balance at one date that sits in the next bucket at the next date, by balance at the first")
    func byHand() throws {
        // Dates 2024-01-31, 02-29, 03-31; standard buckets.
        // A 100.00 due 01-31: 0 (current), 29 (1-30), paid 03-15 -> closed at 03-31.
        // B 300.00 due 01-20: 11 (1-30); 100.00 paid 02-15 -> 200.00 open at 02-29, 40 days (31-60); rest paid 03-10.
        // C 200.00 due 02-14: -14 (current), 15 (1-30), 50.00 paid 03-05 -> 150.00 at 03-31, 46 days (31-60).
        // D 400.00 due 02-19: current at 01-31, paid 02-25.
        // E  50.00 due 03-10: current at 01-31 and 02-29 (-10), 21 days at 03-31 (1-30).
        // 01-31 -> 02-29: current 100 + 200 + 400 + 50 = 750, rolled A + C = 300: 40.00 %.
        //                 1-30: B 300, rolled 300 (measured at 01-31): 100.00 %. Older buckets empty: no rate.
        // 02-29 -> 03-31: current E 50 -> 1-30: 100.00 %.
        //                 1-30: A 100 + C 200 = 300; A closed, C rolled with its 200 at 02-29: 66.67 %
        //                 (by the balance at 03-31 it would be 150 / 300 = 50 %).
        //                 31-60: B 200, closed: 0.00 %.
        let rates = try Self.quarterRates(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A,C1,2024-01-01,2024-01-31,100.00
                B,C1,2024-01-10,2024-01-20,300.00
                C,C1,2024-01-15,2024-02-14,200.00
                D,C1,2024-01-20,2024-02-19,400.00
                E,C1,2024-01-25,2024-03-10,50.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                PA,C1,A,2024-03-15,100.00
                PB1,C1,B,2024-02-15,100.00
                PB2,C1,B,2024-03-10,200.00
                PC,C1,C,2024-03-05,50.00
                PD,C1,D,2024-02-25,400.00
                """
        )
        // 2 pairs x 5 buckets that have a next one.
        #expect(rates.count == 10)
        let first = rates.prefix(5).map(\.percent)
        #expect(first[0] == 40 && first[1] == 100 && first[2] == nil && first[3] == nil && first[4] == nil)
        #expect(rates[0].fromBalance == 75_000 && rates[0].rolled == 30_000)
        let second = Array(rates.suffix(5))
        #expect(second[0].percent == 100)
        #expect(isClose(second[1].percent, 200.0 / 3))
        #expect(second[2].percent == 0 && second[2].fromBalance == 20_000)
        #expect(second.allSatisfy { $0.from == day("2024-02-29") && $0.to == day("2024-03-31") })
    }

    /// Only the dates from issue to one past settlement are walked; this ledger puts those edges on dates.
    @Test("invoices issued or settled exactly on a date, between dates, prepaid and overpaid")
    func openWindowEdges() throws {
        // Dates 2024-01-31, 02-29, 03-31; standard buckets.
        // F 100.00 issued and due 01-31, paid 02-29: current at 01-31, closed at 02-29 (settled on the date).
        // G 200.00 issued 02-10 (between dates), due 02-20, unpaid: 9 days (1-30) at 02-29, 40 (31-60) at 03-31.
        // H 300.00 issued 02-15, paid in full 01-20, before its issue: never open.
        // J 100.00 due 01-20; 50.00 paid 02-10, 80.00 paid 03-20 (overpaid by 30.00):
        //   100.00 at 11 days (1-30) at 01-31, 50.00 at 40 days (31-60) at 02-29, closed at 03-31.
        // 01-31 -> 02-29: current F 100, rolled 0: 0.00 %. 1-30: J 100, rolled 100: 100.00 %.
        // 02-29 -> 03-31: current empty: no rate. 1-30: G 200, rolled 200: 100.00 %. 31-60: J 50, closed: 0.00 %.
        let rates = try Self.quarterRates(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                F,C1,2024-01-31,2024-01-31,100.00
                G,C1,2024-02-10,2024-02-20,200.00
                H,C1,2024-02-15,2024-03-01,300.00
                J,C1,2024-01-05,2024-01-20,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                PF,C1,F,2024-02-29,100.00
                PH,C1,H,2024-01-20,300.00
                PJ1,C1,J,2024-02-10,50.00
                PJ2,C1,J,2024-03-20,80.00
                """
        )
        #expect(rates.count == 10)
        let cells = rates.map { [$0.fromBalance, $0.rolled] }
        #expect(
            cells == [
                [10_000, 0], [10_000, 10_000], [0, 0], [0, 0], [0, 0],
                [0, 0], [20_000, 20_000], [5_000, 0], [0, 0], [0, 0],
            ])
        #expect(rates[0].percent == 0 && rates[5].percent == nil && rates[6].percent == 100 && rates[7].percent == 0)
    }

    /// Roll rates of a ledger at 2024-03-31 over 2024-01-31, 02-29 and 03-31, standard buckets by due date.
    static func quarterRates(invoices: String, payments: String) throws -> [RollRate] {
        let ledger = try LedgerFixture(invoices: invoices, payments: payments).load(asOf: "2024-03-31").ledger
        return RollRates.compute(
            ledger: ledger, facts: InvoiceFacts(ledger: ledger),
            dates: [day("2024-01-31"), day("2024-02-29"), day("2024-03-31")], buckets: .standard, basis: .due)
    }

    @Test("the analysis uses the trend dates: 12 month ends and T")
    func overTheTrend() throws {
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A,C1,2024-01-01,2024-01-31,100.00
                """
        ).load(asOf: "2024-03-31")
        let result = try loaded.analyze(asOf: "2024-03-31")
        #expect(result.rollRates.count == 12 * 5)
        #expect(result.rollRates.first?.from == day("2023-03-31"))
        #expect(result.rollRates.last?.to == day("2024-03-31"))
    }
}
