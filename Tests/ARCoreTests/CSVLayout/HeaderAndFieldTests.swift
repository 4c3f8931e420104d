import ARCore
import Testing

/// SPEC 1: RFC 4180 quoting, free column order, unknown columns ignored, names
/// matched case-insensitively after trimming; SPEC 7: fields are trimmed.
@Suite("headers, quoting and trimming")
struct HeaderAndFieldTests {
    @Test("doubled quotes and commas in a quoted name read back as Smith, Jones & \"Co\"")
    func quotedName() throws {
        let folder = try TempDataFolder()
        try folder.write(
            "customers.csv",
            #"""
            customer_id,name,segment,region
            C1,"Smith, Jones & ""Co""",Retail,"North, East"
            C2,"  padded  ",,
            C3,"""Quoted""",,

            """#)
        try folder.write("invoices.csv", invoiceHeader)
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.customers.names == ["Smith, Jones & \"Co\"", "padded", "\"Quoted\""])
        #expect(result.ledger.customers.segments == ["Retail", "", ""])
        #expect(result.ledger.customers.regions == ["North, East", "", ""])
    }

    @Test("a rejected row with doubled quotes keeps them doubled in its raw record")
    func rejectedQuotedRecord() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,name,terms_days\nC1,\"Smith, Jones & \"\"Co\"\"\",abc\n")
        try folder.write("invoices.csv", invoiceHeader)
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("customers.csv", line: 2, column: "terms_days", .badNumber, record: "C1,\"Smith, Jones & \"\"Co\"\"\",abc")])
    }

    @Test("an empty name defaults to the customer_id")
    func nameDefaultsToID() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", "customer_id,name\nC1,\nC2,  \n")
        try folder.write("invoices.csv", invoiceHeader)
        #expect(try folder.load().ledger.customers.names == ["C1", "C2"])
    }

    @Test("header names match case-insensitively after trimming, in any order, ignoring unknown columns")
    func headerMatching() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", " Customer_ID ,NOTES,Name\nC1,\"free, text\",Acme\n")
        try folder.write(
            "invoices.csv",
            " Amount ,\tINVOICE_ID,extra,Customer_Id,\"Issue_Date\",Due_Date\r\n12.50,I1,\"x,y\",C1,2024-01-10,2024-02-01\r\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.invoiceIDs == ["I1"])
        #expect(result.ledger.invoices.amount == [1_250])
        #expect(result.ledger.invoices.issue == [day("2024-01-10")])
        #expect(result.ledger.invoices.due == [day("2024-02-01")])
        #expect(result.ledger.customers.names == ["Acme"])
    }

    @Test("fields are trimmed of spaces and tabs, inside quotes too")
    func fieldsAreTrimmed() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "  I1 ,\tC1\t, 2024-01-10 ,\" 2024-02-01 \",  100.00 , usd \n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.invoiceIDs == ["I1"])
        #expect(result.ledger.invoices.due == [day("2024-02-01")])
        #expect(result.ledger.invoices.amount == [10_000])
        #expect(result.ledger.invoices.currency == [0])
    }

    @Test("short rows get empty trailing fields: defaults apply, or missing_required when required")
    func shortRows() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write(
            "invoices.csv",
            "invoice_id,customer_id,issue_date,amount,due_date,currency\nI1,C1,2024-01-10,100.00\nI2,C1,2024-01-10\n")
        let result = try folder.load()
        #expect(result.rejectRows == [RejectRow("invoices.csv", line: 3, column: "amount", .missingRequired, record: "I2,C1,2024-01-10")])
        #expect(result.ledger.invoices.due == [day("2024-02-09")])
        #expect(result.ledger.invoices.currency == [0])
    }

    @Test("long rows: fields beyond the header are ignored")
    func longRows() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", "invoice_id,customer_id,issue_date,amount\nI1,C1,2024-01-10,100.00,surplus,\"more, more\"\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.invoices.amount == [10_000])
    }

    @Test("invoice ids with the same letters in another case are different invoices")
    func idsAreCaseSensitive() throws {
        // Chosen (SPEC is silent): identifiers are compared exactly, after trimming.
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "inv-1,C1,2024-01-10,,1.00,\nINV-1,C1,2024-01-10,,2.00,\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.invoiceIDs == ["inv-1", "INV-1"])
    }
}
