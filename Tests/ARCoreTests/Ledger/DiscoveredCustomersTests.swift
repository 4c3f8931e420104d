import ARCore
import Testing

/// SPEC 1: without customers.csv, customers come from the other files with
/// defaults: name = id, the reporting currency, 30 days' terms, no limit.
@Suite("customers discovered without customers.csv")
struct DiscoveredCustomersTests {
    @Test("customers named by invoices, payments and credit notes get default settings")
    func defaults() throws {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,EUR,1.1\n")
        try folder.write(
            "invoices.csv",
            invoiceHeader
                + "I1,C1,2024-01-10,,100.00,\nI2,C2,2024-01-31,,50.00,EUR\nI3,C1,2024-02-01,2024-02-15,10.00,\n")
        try folder.write(
            "payments.csv",
            "payment_id,customer_id,invoice_id,date,amount\nP1,C3,,2024-02-01,5.00\nP2,C2,I2,2024-02-02,50.00\n")
        try folder.write(
            "credit_notes.csv", "credit_id,customer_id,invoice_id,date,amount\nCN1,C4,I1,2024-02-03,1.00\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        let customers = result.ledger.customers
        #expect(Set(customers.ids) == ["C1", "C2", "C3", "C4"])
        #expect(customers.names == customers.ids)
        #expect(customers.currency.allSatisfy { $0 == 0 })
        #expect(customers.termsDays.allSatisfy { $0 == 30 })
        #expect(customers.creditLimit.allSatisfy { $0 == nil })
        #expect(customers.segments.allSatisfy { $0.isEmpty })
        // Each row points at the right customer after the files' customers are merged.
        let invoices = result.ledger.invoices
        #expect(invoices.customer.map { customers.ids[Int($0)] } == ["C1", "C2", "C1"])
        #expect(result.ledger.unapplied.customer.map { customers.ids[Int($0)] } == ["C3"])
        // Due dates default to issue + 30: Jan 10 -> Feb 9, Jan 31 -> Mar 1 (2024 is a leap year).
        #expect(invoices.due == [day("2024-02-09"), day("2024-03-01"), day("2024-02-15")])
        // C4's credit note applies to C1's invoice I1: matching is by invoice_id alone.
        #expect(result.applications(of: "I1").map(\.amount) == [100])
    }

    /// Credit notes may load on another thread than payments, each file with its own discovered
    /// customers: they are merged in file order, and a customer named by both is one customer.
    @Test("customers are numbered invoices first, then payments, then credit notes, each once")
    func mergedInFileOrder() throws {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", invoiceHeader + "I1,C2,2024-01-10,,100.00,\nI2,C1,2024-01-31,,50.00,\n")
        try folder.write(
            "payments.csv",
            "payment_id,customer_id,invoice_id,date,amount\nP1,C4,,2024-02-01,5.00\nP2,C1,I2,2024-02-02,50.00\n"
                + "P3,C3,,2024-02-03,7.00\n")
        try folder.write(
            "credit_notes.csv",
            "credit_id,customer_id,invoice_id,date,amount\nCN1,C5,,2024-02-04,1.00\nCN2,C3,,2024-02-05,2.00\n"
                + "CN3,C2,I1,2024-02-06,3.00\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        let customers = result.ledger.customers
        #expect(customers.ids == ["C2", "C1", "C4", "C3", "C5"])
        let unapplied = result.ledger.unapplied
        #expect(unapplied.reference == ["P1", "P3", "CN1", "CN2"])
        #expect(unapplied.customer.map { customers.ids[Int($0)] } == ["C4", "C3", "C5", "C3"])
        #expect(result.applications(of: "I1").map(\.amount) == [300])
    }

    @Test("without customers.csv no row is unknown_customer")
    func noUnknownCustomers() throws {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", invoiceHeader + "I1,ANY-ONE,2024-01-10,,100.00,\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.customers.ids == ["ANY-ONE"])
    }
}
