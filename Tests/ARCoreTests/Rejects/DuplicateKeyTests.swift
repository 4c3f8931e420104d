import ARCore
import Testing

/// SPEC 2: duplicate key, the later row is rejected; duplicates are looked for
/// among rows that pass every other check. Payments have no unique key.
@Suite("duplicate_key: the first valid row wins")
struct DuplicateKeyTests {
    @Test("a second invoice_id is rejected and the first row's values are kept")
    func duplicateInvoice() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write(
            "invoices.csv",
            invoiceHeader + """
                I1,C1,2024-01-10,,100.00,
                I2,C1,2024-01-11,,50.00,
                I1,C1,2024-01-12,,999.00,
                I1,C1,2024-01-13,,1.00,

                """)
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("invoices.csv", line: 4, column: "invoice_id", .duplicateKey, record: "I1,C1,2024-01-12,,999.00,"),
                RejectRow("invoices.csv", line: 5, column: "invoice_id", .duplicateKey, record: "I1,C1,2024-01-13,,1.00,"),
            ])
        #expect(result.invoiceIDs == ["I1", "I2"])
        #expect(result.ledger.invoices.amount == [10_000, 5_000])
        #expect(result.ledger.invoices.issue == [day("2024-01-10"), day("2024-01-11")])
    }

    @Test("a row repeating the id of a rejected row is not a duplicate: it is the first valid one")
    func duplicateOfRejectedRow() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write(
            "invoices.csv",
            invoiceHeader + """
                I1,C1,2024-01-10,,abc,
                I1,C1,2024-01-10,2024-01-01,100.00,
                I1,C1,2024-01-12,,75.00,

                """)
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("invoices.csv", line: 2, column: "amount", .badAmount, record: "I1,C1,2024-01-10,,abc,"),
                RejectRow("invoices.csv", line: 3, column: "due_date", .dueBeforeIssue, record: "I1,C1,2024-01-10,2024-01-01,100.00,"),
            ])
        #expect(result.ledger.invoices.amount == [7_500])
    }

    @Test("a second credit_id is rejected; the first credit applies")
    func duplicateCreditNote() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write(
            "credit_notes.csv",
            """
            credit_id,customer_id,invoice_id,date,amount,reason
            CN1,C1,I1,2024-02-01,0,discount
            CN1,C1,I1,2024-02-01,10.00,discount
            CN1,C1,I1,2024-02-05,20.00,return

            """)
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("credit_notes.csv", line: 2, column: "amount", .nonPositiveAmount, record: "CN1,C1,I1,2024-02-01,0,discount"),
                RejectRow("credit_notes.csv", line: 4, column: "credit_id", .duplicateKey, record: "CN1,C1,I1,2024-02-05,20.00,return"),
            ])
        #expect(result.applications(of: "I1").map(\.amount) == [1_000])
    }

    @Test("a second customer_id is rejected; the first row's name and terms are kept")
    func duplicateCustomer() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "customers.csv",
            """
            customer_id,name,terms_days
            C1,First,x
            C1,Second,45
            C1,Third,60

            """)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("customers.csv", line: 2, column: "terms_days", .badNumber, record: "C1,First,x"),
                RejectRow("customers.csv", line: 4, column: "customer_id", .duplicateKey, record: "C1,Third,60"),
            ])
        #expect(result.ledger.customers.names == ["Second"])
        #expect(result.ledger.invoices.due == [day("2024-02-24")])
    }

    @Test("payments repeat their payment_id by design: no duplicate_key")
    func paymentsHaveNoKey() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write(
            "payments.csv",
            "payment_id,customer_id,invoice_id,date,amount\nP1,C1,I1,2024-02-01,10.00\nP1,C1,I1,2024-02-01,10.00\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.applications(of: "I1").map(\.amount) == [1_000, 1_000])
    }

    @Test("a second rate for the same currency and day (in any case) is a duplicate; the first is used")
    func duplicateRate() throws {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,EUR,1.10\n2024-06-01,eur,1.50\n2024-06-02,GBP,1.27\n")
        try folder.write("invoices.csv", invoiceHeader)
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("fx_rates.csv", line: 3, column: "currency", .duplicateKey, record: "2024-06-01,eur,1.50")])
        #expect(result.ledger.currencies.map(\.code) == ["USD", "EUR", "GBP"])
        #expect(result.ledger.rates[1] == FXRate.parse("1.10"))
    }
}
