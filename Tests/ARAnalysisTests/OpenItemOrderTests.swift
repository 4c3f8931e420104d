import ARAnalysis
import ARCore
import Testing

/// The position's open items are ordered by customer_id, then due date, then invoice_id (what the
/// aging detail lists), whatever order the invoices file had.
@Suite("Order of the open items at the as-of date")
struct OpenItemOrderTests {
    @Test("by customer id, then due date, then invoice id, from a file in no order")
    func customerThenDueThenID() throws {
        // Customers first seen in the order C3, C1, C10, C2 (their ledger indexes); C10 sorts between
        // C1 and C2 as text. C1's B7 and B10 fall due the same day: as text B10 comes first.
        // A paid invoice (X1) and one issued after T (Z1) are not open. T = 2024-06-30.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A5,C3,2024-06-01,2024-06-20,10.00
                B7,C1,2024-05-01,2024-06-10,20.00
                X1,C1,2024-04-01,2024-05-01,30.00
                A4,C3,2024-05-01,2024-06-05,40.00
                B10,C1,2024-05-02,2024-06-10,50.00
                D1,C10,2024-06-01,2024-07-01,60.00
                B2,C1,2024-06-01,2024-07-15,70.00
                C9,C2,2024-06-01,2024-06-25,80.00
                A6,C3,2024-06-02,2024-06-20,90.00
                Z1,C2,2024-07-02,2024-08-01,100.00
                B1,C1,2024-03-01,2024-04-01,110.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,X1,2024-05-01,30.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let order = result.position.openItems.map { loaded.ledger.invoices.ids.key(Int($0.invoice)) }
        // C1: B1 (due 04-01), B10 and B7 (06-10, by id), B2 (07-15); C10: D1; C2: C9;
        // C3: A4 (06-05), A5 and A6 (06-20, by id).
        #expect(order == ["B1", "B10", "B7", "B2", "D1", "C9", "A4", "A5", "A6"])
        // The customer of each item is the one its invoice names.
        let customers = result.position.openItems.map { loaded.ledger.customers.ids[Int($0.customer)] }
        #expect(customers == ["C1", "C1", "C1", "C1", "C10", "C2", "C3", "C3", "C3"])
    }

    @Test("a customer's many open items (more than an insertion sort takes) in the same order")
    func manyItemsOfOneCustomer() throws {
        // C1 has 40 open invoices, M0...M39, listed from M39 down; M(n) falls due on day n % 5 + 1
        // of June, so each due date has 8 invoices, ordered by id as text (M0, M10, M15, ...).
        // C0, listed after, comes first. T = 2024-06-30, nothing paid.
        let rows = (0..<40).reversed().map { n in "M\(n),C1,2024-05-01,2024-06-0\(n % 5 + 1),10.00" }
        let fixture = LedgerFixture(
            invoices: (["invoice_id,customer_id,issue_date,due_date,amount"] + rows + [
                "K1,C0,2024-05-01,2024-06-09,5.00"
            ])
            .joined(separator: "\n"))
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let order = result.position.openItems.map { loaded.ledger.invoices.ids.key(Int($0.invoice)) }
        let expected =
            ["K1"] + (0..<5).flatMap { day in (0..<40).filter { $0 % 5 == day }.map { "M\($0)" }.sorted() }
        #expect(order == expected)
        #expect(order.prefix(4) == ["K1", "M0", "M10", "M15"])
    }

    @Test("a customer's many unapplied items by date, then reference, ties in file order")
    func manyUnappliedItemsOfOneCustomer() throws {
        // C1 pays 18 times on account: payment n (n = 0...17, amount n + 1) on June n % 3 + 1
        // with reference P(n % 6), so each date has two references, each three times. By date,
        // then reference, ties in file order (n ascending):
        // June 1: P0 (n 0, 6, 12), P3 (3, 9, 15); June 2: P1 (1, 7, 13), P4 (4, 10, 16);
        // June 3: P2 (2, 8, 14), P5 (5, 11, 17). C0, listed last, comes first. T = 2024-06-30.
        let rows = (0..<18).map { n in "P\(n % 6),C1,,2024-06-0\(n % 3 + 1),\(n + 1).00" }
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I1,C0,2024-06-01,2024-07-01,10.00
                """,
            payments: (["payment_id,customer_id,invoice_id,date,amount"] + rows + ["Q1,C0,,2024-06-05,50.00"])
                .joined(separator: "\n"))
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let expected =
            ["C0:on_account:Q1:5000"]
            + [(0, 1, 7, 13), (3, 4, 10, 16), (1, 2, 8, 14), (4, 5, 11, 17), (2, 3, 9, 15), (5, 6, 12, 18)]
            .flatMap { reference, a, b, c in [a, b, c].map { "C1:on_account:P\(reference):\($0 * 100)" } }
        #expect(loaded.unappliedSummary(result) == expected)
    }
}
