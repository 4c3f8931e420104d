import ARCore
import Testing

/// SPEC 7: an amount is `[+-]?digits[.digits]`, with decimals counted as written
/// against the currency's minor digits, and must be > 0.
@Suite("bad_amount, too_many_decimals, non_positive_amount")
struct AmountRejectTests {
    /// Loads one invoice whose amount field is written as `field` (raw CSV text) in `currency`.
    func loadInvoice(amountField field: String, currency: String = "") throws -> LoadResult {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,JPY,0.0067\n2024-06-01,KWD,3.25\n")
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,\(field),\(currency)\n")
        return try folder.load()
    }

    @Test(
        "amounts that are not [+-]digits[.digits] are bad_amount",
        arguments: ["\"12,50\"", "1e5", "$100", ".5", "5.", "1 000", "\"1,000.00\"", "12.5.0", "--5", "+-5", "abc",
                    "USD 5", "5 USD", "(5.00)", "0x10", "١٢",
                    // Too large for Int64 minor units.
                    "99999999999999999999", "92233720368547758.08"])
    func badAmount(_ field: String) throws {
        let result = try loadInvoice(amountField: field)
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "amount", .badAmount, record: "I1,C1,2024-01-10,,\(field),")])
        #expect(result.invoiceIDs.isEmpty)
    }

    @Test(
        "more decimals than the currency has, as written, is too_many_decimals",
        arguments: [("100.000", ""), ("0.001", "USD"), ("5.5", "JPY"), ("5.0", "JPY"), ("1.2345", "KWD"), ("100.100", "")])
    func tooManyDecimals(_ amount: String, _ currency: String) throws {
        let result = try loadInvoice(amountField: amount, currency: currency)
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "amount", .tooManyDecimals, record: "I1,C1,2024-01-10,,\(amount),\(currency)")])
    }

    @Test(
        "amounts within the currency's digits load as minor units",
        arguments: [("100.10", "", Int64(10_010)), ("1.234", "KWD", 1_234), ("1.2", "KWD", 1_200), ("5000", "JPY", 5_000),
                    ("+5", "", 500), ("007.50", "", 750), ("0.01", "usd", 1), (" 12.5 ", "", 1_250)])
    func acceptedAmounts(_ amount: String, _ currency: String, _ minor: Int64) throws {
        let result = try loadInvoice(amountField: amount, currency: currency)
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.invoices.amount == [minor])
    }

    @Test("zero and negative amounts are non_positive_amount", arguments: ["0", "-5.00", "0.00", "-0", "+0", "-0.01"])
    func nonPositive(_ amount: String) throws {
        let result = try loadInvoice(amountField: amount)
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "amount", .nonPositiveAmount, record: "I1,C1,2024-01-10,,\(amount),")])
    }

    @Test("payments and credit notes check amounts the same way")
    func cashAmounts() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write(
            "payments.csv",
            """
            payment_id,customer_id,invoice_id,date,amount
            P1,C1,I1,2024-02-01,0
            P2,C1,I1,2024-02-01,1e2
            P3,C1,I1,2024-02-01,10.005
            P4,C1,I1,2024-02-01,10.00

            """)
        try folder.write(
            "credit_notes.csv",
            """
            credit_id,customer_id,invoice_id,date,amount
            CN1,C1,I1,2024-02-01,-5.00
            CN2,C1,I1,2024-02-01,$5
            CN3,C1,I1,2024-02-01,5.001
            CN4,C1,I1,2024-02-02,5

            """)
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("payments.csv", line: 2, column: "amount", .nonPositiveAmount, record: "P1,C1,I1,2024-02-01,0"),
                RejectRow("payments.csv", line: 3, column: "amount", .badAmount, record: "P2,C1,I1,2024-02-01,1e2"),
                RejectRow("payments.csv", line: 4, column: "amount", .tooManyDecimals, record: "P3,C1,I1,2024-02-01,10.005"),
                RejectRow("credit_notes.csv", line: 2, column: "amount", .nonPositiveAmount, record: "CN1,C1,I1,2024-02-01,-5.00"),
                RejectRow("credit_notes.csv", line: 3, column: "amount", .badAmount, record: "CN2,C1,I1,2024-02-01,$5"),
                RejectRow("credit_notes.csv", line: 4, column: "amount", .tooManyDecimals, record: "CN3,C1,I1,2024-02-01,5.001"),
            ])
        #expect(result.applications(of: "I1").map(\.amount) == [1_000, 500])
    }

    @Test("a credit note is in the customer's currency: 5.5 is too many decimals for a JPY customer")
    func creditNoteInCustomerCurrency() throws {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,JPY,0.0067\n")
        try folder.write("customers.csv", "customer_id,currency\nK1,JPY\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,K1,2024-01-10,,10000,\n")
        try folder.write(
            "credit_notes.csv",
            // A currency column in credit_notes.csv is not part of the layout: ignored.
            "credit_id,customer_id,invoice_id,date,amount,currency\nCN1,K1,I1,2024-02-01,5.5,USD\nCN2,K1,I1,2024-02-01,500,USD\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("credit_notes.csv", line: 2, column: "amount", .tooManyDecimals, record: "CN1,K1,I1,2024-02-01,5.5,USD")])
        // 500 yen applied as 500 yen to the JPY invoice.
        #expect(result.applications(of: "I1").map(\.amount) == [500])
    }

    @Test("an invoice without a currency takes its customer's: 5.5 is too many decimals for a JPY customer")
    func invoiceDefaultsToCustomerCurrency() throws {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,JPY,0.0067\n")
        try folder.write("customers.csv", "customer_id,currency\nK1,JPY\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,K1,2024-01-10,,5.5,\nI2,K1,2024-01-10,,12000,\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "amount", .tooManyDecimals, record: "I1,K1,2024-01-10,,5.5,")])
        let i2 = try #require(result.invoice("I2"))
        #expect(result.ledger.invoices.amount[i2] == 12_000)
        #expect(result.ledger.currencies[Int(result.ledger.invoices.currency[i2])].code == "JPY")
    }
}
