import ARCore
import Testing

/// SPEC 2: a row gets one reason, the first check it fails, in the order
/// missing_required, bad_date, unknown_customer, bad_amount, too_many_decimals,
/// non_positive_amount, bad_number, no_fx_rate, due_before_issue,
/// resolved_before_opened, unknown_invoice, duplicate_key.
@Suite("a row failing several checks gets the first in SPEC's order")
struct RejectPrecedenceTests {
    /// Loads invoices.csv rows after a valid I0, with one customer C1 and no fx rates.
    func loadInvoices(_ rows: String) throws -> [RejectRow] {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I0,C1,2024-01-10,,1.00,\n" + rows + "\n")
        return try folder.load().rejectRows
    }

    @Test(
        "invoice rows with two or more faults",
        arguments: [
            // empty amount AND bad date: missing_required.
            ("I1,C1,2023-5-1,,,", "amount", RejectReason.missingRequired),
            // empty id AND unknown customer AND bad amount: missing_required on the id.
            (",C9,2024-01-10,,abc,", "invoice_id", .missingRequired),
            // bad date AND unknown customer: bad_date.
            ("I1,C9,2023-02-30,,100.00,", "issue_date", .badDate),
            // bad due date AND unknown customer AND bad amount: bad_date on the due date.
            ("I1,C9,2024-01-10,2024-02-30,abc,", "due_date", .badDate),
            // unknown customer AND bad amount: unknown_customer.
            ("I1,C9,2024-01-10,,$5,", "customer_id", .unknownCustomer),
            // bad amount AND a currency without a rate: bad_amount.
            ("I1,C1,2024-01-10,,1e5,XYZ", "amount", .badAmount),
            // 1.234 with a currency that has no rate (2 digits by ISO default): too_many_decimals, not no_fx_rate.
            ("I1,C1,2024-01-10,,1.234,XYZ", "amount", .tooManyDecimals),
            // 5.5 in JPY without a JPY rate: JPY has 0 digits by ISO, too_many_decimals first.
            ("I1,C1,2024-01-10,,5.5,JPY", "amount", .tooManyDecimals),
            // negative AND no rate: non_positive_amount.
            ("I1,C1,2024-01-10,,-5,XYZ", "amount", .nonPositiveAmount),
            // no rate AND due before issue: no_fx_rate.
            ("I1,C1,2024-01-10,2024-01-01,5,XYZ", "currency", .noFXRate),
            // due before issue AND duplicate of I0: due_before_issue.
            ("I0,C1,2024-01-10,2024-01-01,5,", "due_date", .dueBeforeIssue),
            // duplicate AND nothing else: duplicate_key.
            ("I0,C1,2024-01-10,,5,", "invoice_id", .duplicateKey),
        ])
    func invoicePrecedence(_ row: String, _ column: String, _ reason: RejectReason) throws {
        #expect(try loadInvoices(row) == [RejectRow("invoices.csv", line: 3, column: column, reason, record: row)])
    }

    @Test(
        "customer rows with two or more faults",
        arguments: [
            // empty id AND bad terms: missing_required.
            (",x,abc,GBP", "customer_id", RejectReason.missingRequired),
            // bad credit limit AND currency without rate AND duplicate: bad_number.
            ("C1,abc,,GBP", "credit_limit", .badNumber),
            // bad terms AND currency without rate: bad_number.
            ("C2,,30.5,GBP", "terms_days", .badNumber),
            // currency without rate AND duplicate: no_fx_rate.
            ("C1,,,GBP", "currency", .noFXRate),
            // a JPY limit with decimals, JPY without a rate: bad_number (bad_number precedes no_fx_rate).
            ("C3,10.5,,JPY", "credit_limit", .badNumber),
        ])
    func customerPrecedence(_ row: String, _ column: String, _ reason: RejectReason) throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,credit_limit,terms_days,currency\nC1,,,\n\(row)\n")
        try folder.write("invoices.csv", invoiceHeader)
        #expect(try folder.load().rejectRows == [RejectRow("customers.csv", line: 3, column: column, reason, record: row)])
    }

    @Test(
        "dispute rows with two or more faults",
        arguments: [
            ("I9,,2024-01-01", "opened", RejectReason.missingRequired),
            ("I9,2024-02-30,2024-01-01", "opened", .badDate),
            ("I9,2024-02-10,2024-13-01", "resolved", .badDate),
            // resolved before opened AND unknown invoice: resolved_before_opened.
            ("I9,2024-02-10,2024-02-01", "resolved", .resolvedBeforeOpened),
        ])
    func disputePrecedence(_ row: String, _ column: String, _ reason: RejectReason) throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,1.00,\n")
        try folder.write("disputes.csv", "invoice_id,opened,resolved\n\(row)\n")
        #expect(try folder.load().rejectRows == [RejectRow("disputes.csv", line: 2, column: column, reason, record: row)])
    }

    @Test("payment rows: bad date before unknown customer, unknown customer before bad amount")
    func paymentPrecedence() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,1.00,\n")
        try folder.write(
            "payments.csv",
            """
            payment_id,customer_id,invoice_id,date,amount,currency
            P1,C9,I1,2024-13-01,abc,XYZ
            P2,C9,I1,2024-02-01,abc,XYZ
            P3,C1,I1,2024-02-01,1.001,XYZ
            P4,C1,I1,2024-02-01,0,XYZ

            """)
        #expect(
            try folder.load().rejectRows == [
                RejectRow("payments.csv", line: 2, column: "date", .badDate, record: "P1,C9,I1,2024-13-01,abc,XYZ"),
                RejectRow("payments.csv", line: 3, column: "customer_id", .unknownCustomer, record: "P2,C9,I1,2024-02-01,abc,XYZ"),
                RejectRow("payments.csv", line: 4, column: "amount", .tooManyDecimals, record: "P3,C1,I1,2024-02-01,1.001,XYZ"),
                RejectRow("payments.csv", line: 5, column: "amount", .nonPositiveAmount, record: "P4,C1,I1,2024-02-01,0,XYZ"),
            ])
    }

    @Test("reject codes are SPEC's strings, in SPEC's order")
    func codesAndOrder() {
        #expect(
            RejectReason.allCases.map(\.rawValue) == [
                "missing_required", "bad_date", "unknown_customer", "bad_amount", "too_many_decimals",
                "non_positive_amount", "bad_number", "no_fx_rate", "due_before_issue", "resolved_before_opened",
                "unknown_invoice", "duplicate_key",
            ])
    }
}
