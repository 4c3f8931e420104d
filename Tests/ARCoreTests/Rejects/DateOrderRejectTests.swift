import ARCore
import Testing

/// SPEC 2: due_date before issue_date, a dispute resolved before it opened, and a
/// dispute on no known invoice are rejected.
@Suite("due_before_issue, resolved_before_opened, unknown_invoice")
struct DateOrderRejectTests {
    @Test("a due date one day before the issue date is rejected; due on the issue date is fine")
    func dueBeforeIssue() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,2024-01-09,100.00,\nI2,C1,2024-01-10,2024-01-10,100.00,\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 2, column: "due_date", .dueBeforeIssue, record: "I1,C1,2024-01-10,2024-01-09,100.00,")])
        #expect(result.invoiceIDs == ["I2"])
        #expect(result.ledger.invoices.due == [day("2024-01-10")])
    }

    @Test("a dispute resolved the day before it opened is rejected; resolved the same day is fine")
    func resolvedBeforeOpened() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write(
            "disputes.csv",
            """
            invoice_id,opened,resolved,reason
            I1,2024-02-10,2024-02-09,price
            I1,2024-02-10,2024-02-10,price
            I1,2024-03-01,,quality

            """)
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("disputes.csv", line: 2, column: "resolved", .resolvedBeforeOpened, record: "I1,2024-02-10,2024-02-09,price")])
        #expect(result.ledger.disputes.count == 2)
        #expect(result.ledger.disputes.opened == [day("2024-02-10"), day("2024-03-01")])
        #expect(result.ledger.disputes.resolved[0] == day("2024-02-10"))
        #expect(result.ledger.disputes.reason == ["price", "quality"])
    }

    @Test("a dispute on a missing invoice, or on one that was rejected, is unknown_invoice")
    func disputeOnUnknownInvoice() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\nI2,C1,2024-01-10,,abc,\n")
        try folder.write("disputes.csv", "invoice_id,opened\nI9,2024-02-10\nI2,2024-02-10\nI1,2024-02-10\n")
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow("invoices.csv", line: 3, column: "amount", .badAmount, record: "I2,C1,2024-01-10,,abc,"),
                RejectRow("disputes.csv", line: 2, column: "invoice_id", .unknownInvoice, record: "I9,2024-02-10"),
                RejectRow("disputes.csv", line: 3, column: "invoice_id", .unknownInvoice, record: "I2,2024-02-10"),
            ])
        #expect(result.ledger.disputes.invoice == [try #require(result.ledger.invoices.ids.find("I1"))])
    }

    /// disputes.csv is parsed before invoices.csv is loaded and its invoice ids looked up after:
    /// the other checks still come first, and unknown_invoice rejects keep their line and record.
    @Test("unknown_invoice comes after the other checks, with the line and raw record of each row")
    func unknownInvoiceAfterOtherChecks() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\nI2,C1,2024-01-10,,100.00,\n")
        let rows = [
            "invoice_id,opened,resolved,reason",
            "I9,2024-02-10,2024-02-09,price",
            "I2,2024-02-10,,\"two",
            "lines\"",
            "\"I8\",2024-02-11,,\"said \"\"no\"\"\"",
            "I9,2024-13-01,,",
            "I1,2024-02-12,,quality",
            "I7,2024-02-13,,",
        ]
        try folder.write("disputes.csv", rows.joined(separator: "\n") + "\n")
        let result = try folder.load()
        #expect(
            result.rejectRows == [
                RejectRow(
                    "disputes.csv", line: 2, column: "resolved", .resolvedBeforeOpened,
                    record: "I9,2024-02-10,2024-02-09,price"),
                RejectRow(
                    "disputes.csv", line: 5, column: "invoice_id", .unknownInvoice,
                    record: "\"I8\",2024-02-11,,\"said \"\"no\"\"\""),
                RejectRow("disputes.csv", line: 6, column: "opened", .badDate, record: "I9,2024-13-01,,"),
                RejectRow("disputes.csv", line: 8, column: "invoice_id", .unknownInvoice, record: "I7,2024-02-13,,"),
            ])
        #expect(
            result.rejects.filter { $0.reason == .unknownInvoice }.map(\.message) == [
                "invoice_id 'I8' is not in invoices.csv", "invoice_id 'I7' is not in invoices.csv",
            ])
        let ids = result.ledger.invoices.ids
        #expect(result.ledger.disputes.invoice == [try #require(ids.find("I2")), try #require(ids.find("I1"))])
        #expect(result.ledger.disputes.opened == [day("2024-02-10"), day("2024-02-12")])
        #expect(result.ledger.disputes.reason == ["two\nlines", "quality"])
        let summary = try #require(result.inputs.first { $0.file == "disputes.csv" })
        #expect(summary.rows == 6)
        #expect(summary.rejected == 4)
    }
}
