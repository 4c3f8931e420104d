import ARCore
import Testing

/// SPEC 1 and 7: a currency needs an fx row dated on or before T, unless it is the
/// reporting currency; the ledger carries the latest such rate.
@Suite("no_fx_rate: every currency needs a rate on or before the as-of date")
struct NoFXRateTests {
    @Test("an invoice in a currency with no rate at all is no_fx_rate")
    func noRateAtAll() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,EUR\nI2,C1,2024-01-10,,100.00,USD\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "currency", .noFXRate, record: "I1,C1,2024-01-10,,100.00,EUR")])
        #expect(result.invoiceIDs == ["I2"])
    }

    @Test("a rate dated only after the as-of date does not count; one dated on T does")
    func rateAfterAsOf() throws {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-07-01,EUR,1.10\n2024-06-30,GBP,1.27\n")
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,EUR\nI2,C1,2024-01-10,,100.00,GBP\n")
        let result = try folder.load(asOf: "2024-06-30")
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "currency", .noFXRate, record: "I1,C1,2024-01-10,,100.00,EUR")])
        #expect(result.invoiceIDs == ["I2"])
        #expect(result.ledger.currencies.map(\.code) == ["USD", "GBP"])
    }

    @Test("the ledger holds the latest rate on or before T, whatever the file order")
    func latestRateWins() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "fx_rates.csv",
            """
            date,currency,rate
            2024-06-30,EUR,1.10
            2024-05-01,EUR,1.05
            2024-07-01,EUR,1.20
            2024-06-15,eur,1.08

            """)
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,eur\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.currencies.map(\.code) == ["USD", "EUR"])
        #expect(result.ledger.rates == [FXRate.one, try #require(FXRate.parse("1.10"))])
        // Amounts stay in the invoice's own currency: 100.00 EUR = 10000 cents of EUR.
        #expect(result.ledger.invoices.amount == [10_000])
        #expect(result.ledger.invoices.currency == [1])
    }

    @Test("the reporting currency needs no rate, in any letter case")
    func reportingNeedsNoRate() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,currency\nC1,usd\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,Usd\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.invoices.currency == [0])
        #expect(result.ledger.customers.currency == [0])
    }

    @Test("a payment in a currency without a rate is no_fx_rate, not unapplied cash")
    func paymentWithoutRate() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write("payments.csv", "payment_id,customer_id,invoice_id,date,amount,currency\nP1,C1,I1,2024-02-01,10.00,CHF\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("payments.csv", line: 2, column: "currency", .noFXRate, record: "P1,C1,I1,2024-02-01,10.00,CHF")])
        #expect(result.applications(of: "I1").isEmpty)
        #expect(result.ledger.unapplied.count == 0)
    }
}
