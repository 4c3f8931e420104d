import ARCore
import Testing

/// SPEC 1 and 7: a payment without a currency is in its customer's currency;
/// credit notes are always in the customer's currency; applications are
/// converted into the invoice's currency, unapplied cash stays in its own.
@Suite("currencies of payments and credit notes")
struct CashCurrencyTests {
    @Test("a EUR customer's payments and credits default to EUR and convert into a USD invoice at 1.1")
    func customerCurrencyDefaults() throws {
        let folder = try TempDataFolder()
        // A row for the reporting currency is accepted and never used: USD stays at 1.
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,EUR,1.1\n2024-06-01,USD,2\n")
        try folder.write("customers.csv", "customer_id,currency\nE1,EUR\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,E1,2024-01-10,,100.00,\nI2,E1,2024-01-10,,100.00,USD\n")
        try folder.write(
            "payments.csv",
            "payment_id,customer_id,invoice_id,date,amount\nP1,E1,I1,2024-02-01,10.00\nP2,E1,I2,2024-02-01,10.00\n")
        try folder.write(
            "credit_notes.csv",
            "credit_id,customer_id,invoice_id,date,amount\nCN1,E1,I2,2024-02-02,10.01\nCN2,E1,,2024-02-03,5.00\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        let ledger = result.ledger
        #expect(ledger.currencies.map(\.code) == ["USD", "EUR"])
        #expect(ledger.rates[0] == FXRate.one)
        #expect(ledger.customers.currency == [1])
        #expect(ledger.invoices.currency == [1, 0])
        // EUR into the EUR invoice: unchanged.
        #expect(result.applications(of: "I1").map(\.amount) == [1_000])
        // 10.00 EUR = 11.00 USD; credit 10.01 EUR x 1.1 = 11.011 USD -> 1101 cents.
        #expect(result.applications(of: "I2").map(\.amount) == [1_100, 1_101])
        // The credit on account stays in EUR.
        #expect(ledger.unapplied.amount == [500])
        #expect(ledger.unapplied.currency == [1])
    }

    /// Applications are grouped by invoice on two cores, half the invoices each: the error must
    /// name the first row in file order, not the first a half met, and an overflow in either
    /// half alone must stop the load.
    @Test(
        "a payment too large to convert into its invoice's currency stops the load at its line, the first in the file",
        arguments: [
            // Invoice I1 is in the first half, I2 in the second. (overflowing invoices by row, line named)
            (["I2", "I1"], 3), (["I1", "I2"], 3), (["I1"], 3), (["I2"], 3), (["", "I2"], 4),
        ])
    func conversionOverflow(_ overflowing: [String], _ line: Int) throws {
        let folder = try TempDataFolder()
        // 1 KWD = 10^12 JPY here: 10^10 KWD is 10^22 yen, beyond 64-bit minor units.
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,KWD,1000000\n2024-06-01,JPY,0.000001\n")
        try folder.write("customers.csv", "customer_id,currency\nK1,KWD\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,K1,2024-01-10,,100,JPY\nI2,K1,2024-01-10,,100,JPY\n")
        // A small payment first (line 2), then one row per entry: an empty entry is a small payment to I1.
        let rows = overflowing.enumerated().map { n, invoice in
            invoice.isEmpty ? "P\(n + 1),K1,I1,2024-02-01,0.001" : "P\(n + 1),K1,\(invoice),2024-02-01,10000000000.000"
        }
        try folder.write(
            "payments.csv",
            "payment_id,customer_id,invoice_id,date,amount\nP0,K1,I1,2024-02-01,0.001\n" + rows.joined(separator: "\n")
                + "\n")
        let error = try #require(throws: InputError.self) { try folder.load() }
        #expect(error == .arithmeticOverflow(path: folder.filePath("payments.csv"), line: line))
    }
}
