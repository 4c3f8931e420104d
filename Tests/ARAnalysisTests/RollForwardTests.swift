import ARAnalysis
import ARCore
import Testing

/// SPEC section 7: over W = (T-D, T], opening net AR + invoiced - collected - credited = closing
/// net AR, exactly, in each currency (an application in its invoice's currency, unapplied cash in its own).
@Suite("AR roll-forward")
struct RollForwardTests {
    // T = 2024-06-30, D = 90: T-D = 2024-04-01, W = (04-01, 06-30]. EUR = 1.1, JPY = 0.0067.
    // Customers: C1 in USD, C2 in EUR, C3 in JPY (invoices and credit notes default to these).
    let fixture = LedgerFixture(
        customers: """
            customer_id,name,currency
            C1,Dollar Buyer,USD
            C2,Euro Buyer,EUR
            C3,Yen Buyer,JPY
            """,
        invoices: """
            invoice_id,customer_id,issue_date,due_date,amount
            U1,C1,2024-03-01,2024-03-31,1000.00
            U2,C1,2024-05-01,2024-05-31,500.00
            U3,C1,2024-07-15,2024-08-14,400.00
            U4,C1,2024-04-01,2024-05-01,200.00
            E1,C2,2024-02-15,2024-03-15,1000.00
            E2,C2,2024-06-20,2024-07-20,0.05
            J1,C3,2024-05-01,2024-05-31,12345
            J2,C3,2024-01-10,2024-02-09,150
            """,
        payments: """
            payment_id,customer_id,invoice_id,date,amount,currency
            P1,C1,U1,2024-03-15,200.00,
            P2,C1,U1,2024-05-10,300.00,
            P3,C1,U2,2024-05-20,600.00,
            P4,C1,,2024-03-20,50.00,
            P5,C1,X9,2024-06-10,70.00,
            P6,C1,U3,2024-06-25,150.00,
            P7,C1,U1,2024-07-05,100.00,
            P8,C1,U4,2024-06-05,45.45,EUR
            P9,C2,E1,2024-03-10,100.00,
            P10,C2,E1,2024-05-15,250.00,
            P11,C2,,2024-06-25,30.00,
            P12,C3,J1,2024-06-01,345,
            P13,C3,J2,2024-04-01,150,
            """,
        creditNotes: """
            credit_id,customer_id,invoice_id,date,amount,reason
            CN1,C1,U1,2024-06-01,100.00,discount
            CN2,C1,,2024-06-15,20.00,return
            CN3,C2,E1,2024-06-10,50.00,dispute
            """,
        disputes: """
            invoice_id,opened,resolved,reason
            E1,2024-06-01,,pricing
            """,
        fxRates: """
            date,currency,rate
            2024-06-01,EUR,1.1
            2024-06-01,JPY,0.0067
            """)

    @Test("the roll-forward ties in USD, EUR and JPY for a ledger mixing every kind of cash")
    func tiesInEachCurrency() throws {
        let result = try fixture.load(asOf: "2024-06-30").analyze(asOf: "2024-06-30")
        let lines = Dictionary(uniqueKeysWithValues: result.rollForward.map { ($0.currency.code, $0) })
        #expect(Set(lines.keys) == ["USD", "EUR", "JPY"])
        #expect(result.rollForward.allSatisfy { $0.ties })

        // USD (cents).
        // Opening at 04-01: U1 100000 - 20000 (P1) = 80000; U4 20000 (issued 04-01); less P4 5000 on account = 95000.
        // Invoiced in W: U2 50000 (U4 is on T-D, outside; U3 is after T).
        // Collected in W: P2 30000 + P3 60000 + P5 7000 (unknown invoice) + P6 15000 (prepayment of U3)
        //   + P8 EUR 45.45 -> 4545 x 1.1 = 4999.5 -> 5000 cents on U4 = 117000. P7 is after T.
        // Credited in W: CN1 10000 + CN2 2000 = 12000.
        // Closing at T: open U1 100000 - 20000 - 30000 - 10000 = 40000, U2 0, U4 20000 - 5000 = 15000 -> 55000;
        //   unapplied P4 5000 + P5 7000 + U2 excess 10000 + U3 prepayment 15000 + CN2 2000 = 39000;
        //   net 55000 - 39000 = 16000. Check: 95000 + 50000 - 117000 - 12000 = 16000.
        let usd = try #require(lines["USD"])
        #expect(usd.openingNetAR == 95_000)
        #expect(usd.invoiced == 50_000)
        #expect(usd.collected == 117_000)
        #expect(usd.credited == 12_000)
        #expect(usd.closingNetAR == 16_000)

        // EUR (cents).
        // Opening: E1 100000 - 10000 (P9) = 90000. Invoiced: E2 5. Collected: P10 25000 + P11 3000 = 28000.
        // Credited: CN3 5000. Closing: E1 100000 - 10000 - 25000 - 5000 = 60000, E2 5, less P11 3000 = 57005.
        // Check: 90000 + 5 - 28000 - 5000 = 57005.
        let eur = try #require(lines["EUR"])
        #expect(eur.openingNetAR == 90_000)
        #expect(eur.invoiced == 5)
        #expect(eur.collected == 28_000)
        #expect(eur.credited == 5_000)
        #expect(eur.closingNetAR == 57_005)

        // JPY (yen). J2 is paid on 04-01 = T-D: counted in the opening (0), not in W.
        // Opening 0; invoiced J1 12345; collected P12 345; closing 12000. Check: 0 + 12345 - 345 = 12000.
        let jpy = try #require(lines["JPY"])
        #expect(jpy.openingNetAR == 0)
        #expect(jpy.invoiced == 12_345)
        #expect(jpy.collected == 345)
        #expect(jpy.credited == 0)
        #expect(jpy.closingNetAR == 12_000)
    }

    @Test("the same mixed ledger's headline figures in USD")
    func headlineOfMixedLedger() throws {
        // Open at T in USD cents: U1 40000 + U4 15000 = 55000;
        //   E1 EUR 600.00 -> 60000 x 1.1 = 66000; E2 EUR 0.05 -> 5.5 -> 6; J1 JPY 12000 -> 8040.
        //   AR = 55000 + 66000 + 6 + 8040 = 129046.
        // Unapplied: USD 39000 + EUR 30.00 (P11) -> 3300 = 42300.
        // Disputed: E1 (opened 06-01, unresolved) = 66000.
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(result.kpis.totalAR == 129_046)
        #expect(result.kpis.unapplied == 42_300)
        #expect(result.kpis.disputedAR == 66_000)
        #expect(result.position.unapplied[loaded.customer("C1")] == 39_000)
        #expect(result.position.unapplied[loaded.customer("C2")] == 3_300)
        #expect(result.position.netBalance(loaded.customer("C2")) == 66_006 - 3_300)
        #expect(result.kpis.customersWithBalance == 3)
        #expect(
            loaded.unappliedSummary(result).sorted() == [
                "C1:excess:U2:10000", "C1:on_account:CN2:2000", "C1:on_account:P4:5000",
                "C1:prepayment:U3:15000", "C1:unknown_invoice:P5:7000", "C2:on_account:P11:3300",
            ])
    }
}
