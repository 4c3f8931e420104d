import ARCore
import Testing

/// SPEC 2 and 7: with customers.csv, rows naming a customer it lacks, or one it
/// rejected, fail as unknown_customer.
@Suite("unknown_customer: rows must name a customer of customers.csv")
struct UnknownCustomerTests {
    @Test("an invoice, a payment and a credit note for a customer customers.csv lacks")
    func customerNotListed() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\nI2,C9,2024-01-10,,100.00,\n")
        try folder.write("payments.csv", "payment_id,customer_id,invoice_id,date,amount\nP1,C9,,2024-02-01,10.00\n")
        try folder.write("credit_notes.csv", "credit_id,customer_id,invoice_id,date,amount\nCN1,C9,,2024-02-01,5.00\n")
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("invoices.csv", line: 3, column: "customer_id", .unknownCustomer, record: "I2,C9,2024-01-10,,100.00,"),
                RejectRow("payments.csv", line: 2, column: "customer_id", .unknownCustomer, record: "P1,C9,,2024-02-01,10.00"),
                RejectRow("credit_notes.csv", line: 2, column: "customer_id", .unknownCustomer, record: "CN1,C9,,2024-02-01,5.00"),
            ])
        #expect(result.invoiceIDs == ["I1"])
        #expect(result.ledger.unapplied.count == 0)
        #expect(result.ledger.customers.ids == ["C1"])
    }

    @Test("a customer rejected for a bad credit_limit makes its invoices and payments unknown_customer")
    func rejectedCustomerIsUnknown() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD + "C2,Beta,,abc,\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,C2,2024-01-10,,100.00,\n")
        try folder.write("payments.csv", "payment_id,customer_id,invoice_id,date,amount\nP1,C2,I1,2024-02-01,10.00\n")
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("customers.csv", line: 3, column: "credit_limit", .badNumber, record: "C2,Beta,,abc,"),
                RejectRow("invoices.csv", line: 2, column: "customer_id", .unknownCustomer, record: "I1,C2,2024-01-10,,100.00,"),
                RejectRow("payments.csv", line: 2, column: "customer_id", .unknownCustomer, record: "P1,C2,I1,2024-02-01,10.00"),
            ])
        #expect(result.ledger.customers.ids == ["C1"])
        #expect(result.invoiceIDs.isEmpty)
    }

    @Test("a customer rejected for a currency without a rate makes its invoices unknown_customer")
    func customerWithoutRateIsUnknown() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD + "C2,Beta,GBP,,\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,C2,2024-01-10,,100.00,USD\n")
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("customers.csv", line: 3, column: "currency", .noFXRate, record: "C2,Beta,GBP,,"),
                RejectRow("invoices.csv", line: 2, column: "customer_id", .unknownCustomer, record: "I1,C2,2024-01-10,,100.00,USD"),
            ])
    }

    @Test("a header-only customers.csv still exists: every invoice is unknown_customer")
    func emptyCustomersFile() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,name\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        let result = try folder.load()
        #expect(result.rejectRows.map(\.reason) == [.unknownCustomer])
        #expect(result.ledger.customers.count == 0)
    }

    @Test("customer ids match after trimming")
    func trimmedIDsMatch() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,name\n  C1  ,Acme\n")
        try folder.write("invoices.csv", invoiceHeader + "I1, C1,2024-01-10,,100.00,\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.customers.ids == ["C1"])
        #expect(result.ledger.invoices.customer == [0])
    }
}
