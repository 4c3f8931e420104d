import ARCore
import Testing

/// SPEC 7: credit_limit must be a valid amount >= 0 and terms_days a whole number
/// (bad_number); 0 is a real limit. An fx rate must be a positive decimal.
@Suite("bad_number: credit limits, payment terms and fx rates")
struct BadNumberTests {
    @Test(
        "a credit_limit that is not an amount >= 0 in the customer's currency is bad_number",
        arguments: ["abc", "-100", "-0.01", "1.234", "1e5", "\"12,50\"", "$100", ".5"])
    func badCreditLimit(_ written: String) throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,name,credit_limit\nC1,Acme,\(written)\n")
        try folder.write("invoices.csv", invoiceHeader)
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("customers.csv", line: 2, column: "credit_limit", .badNumber, record: "C1,Acme,\(written)")])
        #expect(result.ledger.customers.count == 0)
    }

    @Test("a credit limit in JPY allows no decimals")
    func creditLimitFollowsCustomerCurrency() throws {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,JPY,0.0067\n")
        try folder.write("customers.csv", "customer_id,currency,credit_limit\nC1,JPY,1000.5\nC2,JPY,1000\n")
        try folder.write("invoices.csv", invoiceHeader)
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("customers.csv", line: 2, column: "credit_limit", .badNumber, record: "C1,JPY,1000.5")])
        #expect(result.ledger.customers.creditLimit == [1000])
    }

    @Test("0 is a real credit limit, empty means no limit, 2500.5 is 250050 cents")
    func zeroLimitIsReal() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,credit_limit\nC1,0\nC2,\nC3,2500.5\n")
        try folder.write("invoices.csv", invoiceHeader)
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.customers.creditLimit == [0, nil, 250_050])
    }

    @Test("terms_days must be a whole number of days", arguments: ["30.5", "-5", "thirty", "30d", "1e2"])
    func badTerms(_ written: String) throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,terms_days\nC1,\(written)\n")
        try folder.write("invoices.csv", invoiceHeader)
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("customers.csv", line: 2, column: "terms_days", .badNumber, record: "C1,\(written)")])
    }

    @Test("terms_days sets the default due date: issue 2024-01-10 + 45 days = 2024-02-24; 0 days = issue")
    func termsSetDueDate() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,terms_days\nC1,45\nC2,0\nC3,\n")
        try folder.write(
            "invoices.csv",
            invoiceHeader + "I1,C1,2024-01-10,,1.00,\nI2,C2,2024-01-10,,1.00,\nI3,C3,2024-01-10,,1.00,\nI4,C1,2024-01-10,2024-01-20,1.00,\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.customers.termsDays == [45, 0, 30])
        // Jan 10 + 21 days = Jan 31, + 24 more = Feb 24. An explicit due_date wins over terms.
        #expect(result.ledger.invoices.due == [day("2024-02-24"), day("2024-01-10"), day("2024-02-09"), day("2024-01-20")])
    }

    @Test("an fx rate that is not a positive decimal is bad_number", arguments: ["0", "0.0", "-1.1", "abc", "\"1,1\"", ".5", "1e3"])
    func badRate(_ written: String) throws {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,EUR,\(written)\n")
        try folder.write("invoices.csv", invoiceHeader)
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("fx_rates.csv", line: 2, column: "rate", .badNumber, record: "2024-06-01,EUR,\(written)")])
        #expect(result.ledger.currencies.map(\.code) == ["USD"])
    }
}
