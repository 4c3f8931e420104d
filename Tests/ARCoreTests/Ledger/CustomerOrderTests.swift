import Testing

@testable import ARCore

/// The ledger keeps its customers sorted by id once, for every per-customer output.
@Suite("Customer order")
struct CustomerOrderTests {
    static func customers(_ ids: [String]) -> CustomerTable {
        var table = CustomerTable()
        for id in ids {
            table.append(id: id, name: id, segment: "", region: "", currency: 0, creditLimit: nil, termsDays: 30)
        }
        return table
    }

    @Test("sorted by id (byte order, so C10 before C2) and re-sorted when the customers change")
    func sortedAndKeptInStep() {
        var ledger = Ledger(
            currencies: [Currency(code: "USD")], rates: [.one], customers: Self.customers(["C2", "C10", "B7"]),
            invoices: InvoiceTable(), applications: ApplicationTable(), unapplied: UnappliedTable(),
            disputes: DisputeTable())
        #expect(ledger.customerOrder == [2, 1, 0])
        ledger.customers.append(id: "A1", name: "A1", segment: "", region: "", currency: 0, creditLimit: nil, termsDays: 30)
        #expect(ledger.customerOrder == [3, 2, 1, 0])
        ledger.customers = Self.customers(["Z", "Y"])
        #expect(ledger.customerOrder == [1, 0])
    }
}
