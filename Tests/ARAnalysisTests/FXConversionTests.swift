import ARAnalysis
import ARCore
import Testing

/// SPEC sections 1 and 7, "Money and FX": the ledger runs in each invoice's currency; results
/// are converted invoice by invoice at the latest rate on or before T, rounded half away from
/// zero; sums are sums of rounded amounts.
@Suite("Foreign-currency invoices and payments")
struct FXConversionTests {
    @Test("EUR half cents round away from zero invoice by invoice, and sums add the rounded amounts")
    func halfCentRoundsPerInvoice() throws {
        // EUR = 1.1 USD. E1 and E2 are EUR 0.05 each: 5 x 1.1 = 5.5 -> 6 cents each.
        // AR = 6 + 6 = 12 cents (converting the EUR 0.10 total would give 11).
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount,currency
                E1,C1,2024-06-10,0.05,EUR
                E2,C1,2024-06-10,0.05,EUR
                """,
            fxRates: """
                date,currency,rate
                2024-06-01,EUR,1.1
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(result.position.openItems.map(\.open) == [6, 6])
        #expect(result.kpis.totalAR == 12)
        #expect(result.kpis.salesWindow == 12)
    }

    @Test("the latest rate on or before T converts every amount; a later rate is ignored")
    func latestRateOnOrBeforeAsOf() throws {
        // Rates for EUR: 1.05 on 05-01, 1.0843 on 06-28, 1.20 on 07-01. At T = 06-30 the rate is 1.0843.
        // E1 EUR 50.00  -> 5000 x 1.0843 = 5421.5   -> 5422 cents (half away from zero)
        // E2 EUR 150.00 -> 15000 x 1.0843 = 16264.5 -> 16265
        // E3 EUR 100.00, EUR 49.95 paid -> open EUR 50.05 -> 5005 x 1.0843 = 5426.9215 -> 5427
        // AR = 5422 + 16265 + 5427 = 27114 (converting the EUR 250.05 total at once would give
        // 25005 x 1.0843 = 27112.9215 -> 27113: sums are of per-invoice rounded amounts).
        // Window sales at T: 5422 + 16265 + 10000 x 1.0843 = 10843 -> 32530.
        // One set of rates for every date: the trend point 2024-05-31 (only E1 issued) is
        // 5422, at T's rate 1.0843, not at 1.05.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount,currency
                E1,C1,2024-05-10,50.00,EUR
                E2,C1,2024-06-05,150.00,EUR
                E3,C1,2024-06-05,100.00,EUR
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount,currency
                P1,C1,E3,2024-06-10,49.95,EUR
                """,
            fxRates: """
                date,currency,rate
                2024-05-01,EUR,1.05
                2024-06-28,EUR,1.0843
                2024-07-01,EUR,1.20
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(loaded.openItem("E1", in: result)?.open == 5_422)
        #expect(loaded.openItem("E2", in: result)?.open == 16_265)
        #expect(loaded.openItem("E3", in: result)?.open == 5_427)
        #expect(result.kpis.totalAR == 27_114)
        #expect(result.kpis.salesWindow == 32_530)
        let may = try #require(result.trend.first { $0.date == day("2024-05-31") })
        #expect(may.totalAR == 5_422)

        // Loaded at T = 07-01 the 1.20 rate applies: 6000 + 18000 + 5005 x 1.2 = 6006 -> 30006.
        let july = try fixture.load(asOf: "2024-07-01").analyze(asOf: "2024-07-01")
        #expect(july.kpis.totalAR == 30_006)
    }

    @Test("a EUR payment on a USD invoice converts at rate(EUR)/rate(USD), half away from zero")
    func crossCurrencyPayment() throws {
        // EUR = 1.1, GBP = 1.25 (USD per unit).
        // U1 USD 100.00 paid EUR 45.45: 4545 x 1.1 / 1 = 4999.5 -> 5000 cents applied; open 10000 - 5000 = 5000.
        // G1 GBP 100.00 paid EUR 10.01: 1001 x 1.1 / 1.25 = 1001 x 0.88 = 880.88 -> 881 pence applied;
        //    open 10000 - 881 = 9119 pence -> 9119 x 1.25 = 11398.75 -> 11399 cents.
        // AR = 5000 + 11399 = 16399. The roll-forward counts each application in its invoice's
        // currency: collected USD 5000, GBP 881, EUR 0.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount,currency
                U1,C1,2024-06-01,100.00,USD
                G1,C1,2024-06-01,100.00,GBP
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount,currency
                P1,C1,U1,2024-06-15,45.45,EUR
                P2,C1,G1,2024-06-15,10.01,EUR
                """,
            fxRates: """
                date,currency,rate
                2024-06-01,EUR,1.1
                2024-06-01,GBP,1.25
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(loaded.openItem("U1", in: result)?.open == 5_000)
        #expect(loaded.openItem("G1", in: result)?.open == 11_399)
        #expect(result.kpis.totalAR == 16_399)
        #expect(result.kpis.unapplied == 0)
        let collected = Dictionary(uniqueKeysWithValues: result.rollForward.map { ($0.currency.code, $0.collected) })
        #expect(collected == ["USD": 5_000, "GBP": 881, "EUR": 0])
    }

    @Test("JPY invoices (no decimals) convert into USD cents exactly")
    func yenIntoCents() throws {
        // JPY = 0.0067 USD, i.e. 0.67 cents per yen.
        // J1 JPY 12345 -> 12345 x 0.67 = 8271.15 -> 8271 cents
        // J2 JPY 150   -> 150 x 0.67 = 100.5     -> 101 cents (half away from zero)
        // J3 JPY 12345 with JPY 345 paid -> open 12000 -> 8040 cents exactly
        // AR = 8271 + 101 + 8040 = 16412.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,amount,currency
                J1,C1,2024-06-01,12345,JPY
                J2,C1,2024-06-01,150,JPY
                J3,C1,2024-06-01,12345,JPY
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount,currency
                P1,C1,J3,2024-06-15,345,JPY
                """,
            fxRates: """
                date,currency,rate
                2024-06-01,JPY,0.0067
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        #expect(loaded.openItem("J1", in: result)?.open == 8_271)
        #expect(loaded.openItem("J2", in: result)?.open == 101)
        #expect(loaded.openItem("J3", in: result)?.open == 8_040)
        #expect(result.kpis.totalAR == 16_412)
        // The JPY ledger runs in yen: opening 0 + invoiced 24840 - collected 345 = closing 24495.
        let yen = try #require(result.rollForward.first { $0.currency.code == "JPY" })
        #expect(yen.invoiced == 24_840)
        #expect(yen.collected == 345)
        #expect(yen.closingNetAR == 24_495)
    }
}
