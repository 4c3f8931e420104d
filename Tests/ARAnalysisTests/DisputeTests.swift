import ARAnalysis
import ARCore
import Testing

/// SPEC section 3: an invoice is disputed at T when a dispute on it opened <= T and
/// (resolved is empty or resolved > T). Disputed amounts stay in their bucket.
@Suite("Disputes at the as-of date")
struct DisputeTests {
    @Test("a dispute open across the as-of date counts; one resolved on or before T or opened after T does not")
    func disputedAtAsOf() throws {
        // T = 2024-06-30. Five invoices of 100.00 issued 06-01, due 06-15: 15 days past due, bucket 1-30.
        // I1: opened 06-10, resolved 07-05 (> T)      -> disputed; P1 paid 30.00 on it, open 7000.
        // I2: opened 06-10, resolved 06-30 (= T)      -> not disputed.
        // I3: opened 07-01 (> T), unresolved          -> not disputed.
        // I4: opened 06-30 (= T), unresolved          -> disputed, open 10000.
        // I5: opened 06-10, resolved 06-20 (< T)      -> not disputed.
        // disputed_ar = 7000 + 10000 = 17000.
        // The 1-30 bucket keeps every open amount: 7000 + 4 * 10000 = 47000 = AR.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I1,C1,2024-06-01,2024-06-15,100.00
                I2,C1,2024-06-01,2024-06-15,100.00
                I3,C1,2024-06-01,2024-06-15,100.00
                I4,C1,2024-06-01,2024-06-15,100.00
                I5,C1,2024-06-01,2024-06-15,100.00
                """,
            payments: """
                payment_id,customer_id,invoice_id,date,amount
                P1,C1,I1,2024-06-12,30.00
                """,
            disputes: """
                invoice_id,opened,resolved,reason
                I1,2024-06-10,2024-07-05,pricing
                I2,2024-06-10,2024-06-30,pricing
                I3,2024-07-01,,quality
                I4,2024-06-30,,quality
                I5,2024-06-10,2024-06-20,pricing
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let c1 = loaded.customer("C1")
        #expect(result.kpis.totalAR == 47_000)
        #expect(result.kpis.disputedAR == 17_000)
        #expect(result.position.disputed[c1] == 17_000)
        #expect(Array(result.position.buckets(of: c1)) == [0, 47_000, 0, 0, 0, 0])
        let disputedIDs = Set(result.position.openItems.filter(\.disputed).map(\.invoice))
        #expect(disputedIDs == [loaded.invoice("I1"), loaded.invoice("I4")])
        #expect(loaded.openItem("I1", in: result)?.open == 7_000)

        // On 07-05 I1's dispute is resolved (resolved = T is not > T); I3's and I4's are open:
        // disputed = 10000 (I3) + 10000 (I4) = 20000.
        let later = try loaded.analyze(asOf: "2024-07-05")
        #expect(later.kpis.disputedAR == 20_000)
    }
}
