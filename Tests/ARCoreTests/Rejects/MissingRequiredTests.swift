import ARCore
import Testing

/// SPEC 7: fields are trimmed; an empty field is missing (missing_required).
@Suite("missing_required: an empty required field rejects the row")
struct MissingRequiredTests {
    @Test("an invoice with an empty amount is rejected on its line, the good row is kept")
    func emptyInvoiceAmount() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write(
            "invoices.csv",
            invoiceHeader + """
                I1,C1,2024-01-10,,100.00,
                I2,C1,2024-01-11,,,

                """)
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 3, column: "amount", .missingRequired, record: "I2,C1,2024-01-11,,,")])
        #expect(result.invoiceIDs == ["I1"])
        #expect(result.inputs.first { $0.file == "invoices.csv" }?.rejected == 1)
        #expect(result.inputs.first { $0.file == "invoices.csv" }?.rows == 2)
    }

    @Test("a field of blanks only is empty after trimming, hence missing")
    func blankCustomerIsMissing() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,  \t ,2024-01-10,,100.00,\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "customer_id", .missingRequired, record: "I1,  \t ,2024-01-10,,100.00,")])
        #expect(result.invoiceIDs.isEmpty)
    }

    @Test("a quoted empty field \"\" is missing too")
    func quotedEmptyIsMissing() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "\"\",C1,2024-01-10,,100.00,\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "invoice_id", .missingRequired, record: "\"\",C1,2024-01-10,,100.00,")])
    }

    @Test("each file's required values: customer_id, payment date, credit_id, dispute opened, fx rate")
    func requiredInEveryFile() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD + ",Nameless,,,\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write("payments.csv", "payment_id,customer_id,invoice_id,date,amount\nP1,C1,I1,,10.00\n")
        try folder.write("credit_notes.csv", "credit_id,customer_id,invoice_id,date,amount\n,C1,I1,2024-02-01,5.00\n")
        try folder.write("disputes.csv", "invoice_id,opened,resolved,reason\nI1,,,price\n")
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,EUR,\n")
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("customers.csv", line: 3, column: "customer_id", .missingRequired, record: ",Nameless,,,"),
                RejectRow("payments.csv", line: 2, column: "date", .missingRequired, record: "P1,C1,I1,,10.00"),
                RejectRow("credit_notes.csv", line: 2, column: "credit_id", .missingRequired, record: ",C1,I1,2024-02-01,5.00"),
                RejectRow("disputes.csv", line: 2, column: "opened", .missingRequired, record: "I1,,,price"),
                RejectRow("fx_rates.csv", line: 2, column: "rate", .missingRequired, record: "2024-06-01,EUR,"),
            ])
        #expect(result.ledger.customers.ids == ["C1"])
        #expect(result.applications(of: "I1").isEmpty)
        #expect(result.ledger.unapplied.count == 0)
        #expect(result.ledger.disputes.count == 0)
        #expect(result.ledger.currencies.map(\.code) == ["USD"])
    }

    @Test("a payment with an empty payment_id is rejected, not kept as anonymous cash")
    func emptyPaymentID() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write("payments.csv", "payment_id,customer_id,invoice_id,date,amount\n ,C1,I1,2024-02-01,10.00\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("payments.csv", line: 2, column: "payment_id", .missingRequired, record: " ,C1,I1,2024-02-01,10.00")])
        #expect(result.applications(of: "I1").isEmpty)
    }
}
