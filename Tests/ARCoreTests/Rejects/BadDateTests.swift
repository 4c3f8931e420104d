import ARCore
import Testing

/// SPEC 7: dates are exactly `YYYY-MM-DD` and a real day; a bad optional date rejects the row.
@Suite("bad_date: dates must be exact YYYY-MM-DD real days")
struct BadDateTests {
    @Test(
        "an invoice with a malformed or impossible issue_date is bad_date",
        arguments: ["2023-5-1", "2023-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024-04-31",
                    "2024/01/10", "10.01.2024", "20240110", "2024-01-1x", "24-01-10", "2024-01-10T00:00"])
    func badIssueDate(_ written: String) throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,\(written),,100.00,\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "issue_date", .badDate, record: "I1,C1,\(written),,100.00,")])
        #expect(result.invoiceIDs.isEmpty)
    }

    @Test("a bad optional due_date rejects the invoice instead of defaulting it")
    func badOptionalDueDate() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write(
            "invoices.csv",
            invoiceHeader + """
                I1,C1,2024-01-10,2024-02-09,100.00,
                I2,C1,2024-01-10,2024-02-30,100.00,

                """)
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 3, column: "due_date", .badDate, record: "I2,C1,2024-01-10,2024-02-30,100.00,")])
        #expect(result.invoiceIDs == ["I1"])
    }

    @Test("leap days: 2024-02-29 and 2000-02-29 are real, 2023-02-29 and 1900-02-29 are not")
    func leapDays() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write(
            "invoices.csv",
            invoiceHeader + """
                I1,C1,2024-02-29,,1.00,
                I2,C1,2000-02-29,,1.00,
                I3,C1,2023-02-29,,1.00,
                I4,C1,1900-02-29,,1.00,

                """)
        let result = try folder.load()
        #expect(result.invoiceIDs == ["I1", "I2"])
        #expect(result.rejectRows.map(\.line) == [4, 5])
        #expect(result.rejectRows.allSatisfy { $0.reason == .badDate && $0.column == "issue_date" })
        // Default due date = issue + 30 days: 2024-02-29 + 30 = 2024-03-30 (29 days of March to the 29th, +1).
        #expect(result.ledger.invoices.due[0] == day("2024-03-30"))
    }

    @Test("bad dates in payments, credit notes, disputes (opened and resolved) and fx rates")
    func badDatesInOtherFiles() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write("payments.csv", "payment_id,customer_id,invoice_id,date,amount\nP1,C1,I1,2024-2-1,10.00\n")
        try folder.write("credit_notes.csv", "credit_id,customer_id,invoice_id,date,amount\nCN1,C1,I1,2024-06-31,5.00\n")
        try folder.write(
            "disputes.csv",
            """
            invoice_id,opened,resolved,reason
            I1,01/02/2024,,price
            I1,2024-02-01,2024-02-30,price

            """)
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-6-1,EUR,1.1\n")
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("payments.csv", line: 2, column: "date", .badDate, record: "P1,C1,I1,2024-2-1,10.00"),
                RejectRow("credit_notes.csv", line: 2, column: "date", .badDate, record: "CN1,C1,I1,2024-06-31,5.00"),
                RejectRow("disputes.csv", line: 2, column: "opened", .badDate, record: "I1,01/02/2024,,price"),
                RejectRow("disputes.csv", line: 3, column: "resolved", .badDate, record: "I1,2024-02-01,2024-02-30,price"),
                RejectRow("fx_rates.csv", line: 2, column: "date", .badDate, record: "2024-6-1,EUR,1.1"),
            ])
        #expect(result.ledger.disputes.count == 0)
        #expect(result.ledger.currencies.map(\.code) == ["USD"])
    }
}
