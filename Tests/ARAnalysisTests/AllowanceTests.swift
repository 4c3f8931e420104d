import ARAnalysis
import ARCore
import Testing

/// Allowance for doubtful accounts by aging percentages (docs/METRICS.md, "Allowance for doubtful accounts").
@Suite("Allowance for doubtful accounts")
struct AllowanceTests {
    @Test("the published example: 397,000 at 2 %, 91,000 at 3 %, 37,000 at 6 %, 19,000 at 8 %, 31,000 at 11 % = 17,820")
    func publishedExample() throws {
        // Buckets with edges 30, 60, 90: current, 1-30, 31-60, 61-90, 91+.
        // 7,940 + 2,730 + 2,220 + 1,520 + 3,410 = 17,820.
        let buckets = try AgingBuckets(edges: [30, 60, 90])
        #expect(buckets.labels == ["current", "1-30", "31-60", "61-90", "91+"])
        let allowance = Allowance.compute(
            bucketBalances: [39_700_000, 9_100_000, 3_700_000, 1_900_000, 3_100_000],
            rates: AllowanceRates(basisPoints: [200, 300, 600, 800, 1100]))
        #expect(allowance.lines.map(\.allowance) == [794_000, 273_000, 222_000, 152_000, 341_000])
        #expect(allowance.total == 1_782_000)
    }

    @Test("each bucket rounds half away from zero in minor units; the total sums the rounded lines")
    func rounding() {
        // 99.99 x 50 % = 49.995 -> 50.00; 1,142.15 x 6 % = 68.529 -> 68.53; 0.01 x 25 % = 0.0025 -> 0.00.
        let allowance = Allowance.compute(
            bucketBalances: [9_999, 114_215, 1], rates: AllowanceRates(basisPoints: [5000, 600, 2500]))
        #expect(allowance.lines.map(\.allowance) == [5_000, 6_853, 0])
        #expect(allowance.total == 11_853)
    }

    @Test("default percentages follow each bucket's first day past due")
    func defaults() throws {
        #expect(AllowanceRates.standard(for: .standard).basisPoints == [100, 300, 600, 1000, 2500, 5000])
        // current 1 %, 1-15 3 %, 16-45 3 % (first day 16 <= 30), 46+ 6 % (first day 46 <= 60).
        #expect(AllowanceRates.standard(for: try AgingBuckets(edges: [15, 45])).basisPoints == [100, 300, 300, 600])
    }

    @Test("the analysis applies the rates to AR by bucket at T")
    func fromLedger() throws {
        // T = 2024-06-30: X 1,000.00 current (due 07-10) -> 10.00; Y 200.00 due 2024-02-01 (150 days, 121+) -> 100.00.
        let loaded = try LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                X,C1,2024-06-10,2024-07-10,1000.00
                Y,C1,2024-01-02,2024-02-01,200.00
                """
        ).load(asOf: "2024-06-30")
        let allowance = try loaded.analyze(asOf: "2024-06-30").allowance
        #expect(allowance.lines.map(\.balance) == [100_000, 0, 0, 0, 0, 20_000])
        #expect(allowance.lines.map(\.allowance) == [1_000, 0, 0, 0, 0, 10_000])
        #expect(allowance.total == 11_000)
    }
}
