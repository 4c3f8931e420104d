import ARAnalysis
import ARCore
import Testing

/// SPEC section 3: days past due = T - due_date (or T - issue_date); buckets `current` (days <= 0),
/// `1-30`, `31-60`, `61-90`, `91-120`, `121+`; Current_T uses due_date >= T; over_90 is days > 90.
@Suite("Aging buckets")
struct AgingBucketTests {
    @Test("each bucket edge falls in the bucket it closes")
    func bucketBoundaries() throws {
        // T = 2024-06-30; each invoice's due date is T minus its days past due; amounts are powers
        // of two so every bucket total names its invoices.
        //   D0   0 days  due 06-30     1.00  current        D1    1  due 06-29    2.00  1-30
        //   D30  30      due 05-31     4.00  1-30           D31  31  due 05-30    8.00  31-60
        //   D60  60      due 05-01    16.00  31-60          D61  61  due 04-30   32.00  61-90
        //   D90  90      due 04-01    64.00  61-90          D91  91  due 03-31  128.00  91-120
        //   D120 120     due 03-02   256.00  91-120         D121 121 due 03-01  512.00  121+
        //   DM5  -5      due 07-05  1024.00  current
        // current = 100 + 102400 = 102500; 1-30 = 200 + 400 = 600; 31-60 = 800 + 1600 = 2400;
        // 61-90 = 3200 + 6400 = 9600; 91-120 = 12800 + 25600 = 38400; 121+ = 51200.
        // AR = 2047.00 = 204700. current_ar (due >= T): D0 + DM5 = 102500; past due = 102200.
        // over_90 (days > 90): D91 + D120 + D121 = 12800 + 25600 + 51200 = 89600.
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                D0,C1,2024-02-01,2024-06-30,1.00
                D1,C1,2024-02-01,2024-06-29,2.00
                D30,C1,2024-02-01,2024-05-31,4.00
                D31,C1,2024-02-01,2024-05-30,8.00
                D60,C1,2024-02-01,2024-05-01,16.00
                D61,C1,2024-02-01,2024-04-30,32.00
                D90,C1,2024-02-01,2024-04-01,64.00
                D91,C1,2024-02-01,2024-03-31,128.00
                D120,C1,2024-02-01,2024-03-02,256.00
                D121,C1,2024-02-01,2024-03-01,512.00
                DM5,C1,2024-02-01,2024-07-05,1024.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let c1 = loaded.customer("C1")
        #expect(result.settings.buckets.labels == ["current", "1-30", "31-60", "61-90", "91-120", "121+"])
        #expect(Array(result.position.buckets(of: c1)) == [102_500, 600, 2_400, 9_600, 38_400, 51_200])
        #expect(result.kpis.totalAR == 204_700)
        #expect(result.kpis.currentAR == 102_500)
        #expect(result.kpis.pastDueAR == 102_200)
        #expect(result.kpis.over90AR == 89_600)
        #expect(result.position.over90[c1] == 89_600)
        // over 30 days: D31 .. D121 = 800 + 1600 + 3200 + 6400 + 12800 + 25600 + 51200 = 101600.
        #expect(result.position.over30[c1] == 101_600)
        let expectedDays: [String: (days: Int32, bucket: Int)] = [
            "D0": (0, 0), "D1": (1, 1), "D30": (30, 1), "D31": (31, 2), "D60": (60, 2), "D61": (61, 3),
            "D90": (90, 3), "D91": (91, 4), "D120": (120, 4), "D121": (121, 5), "DM5": (-5, 0),
        ]
        for (id, expected) in expectedDays {
            let item = try #require(loaded.openItem(id, in: result))
            #expect(item.daysPastDue == expected.days, "\(id)")
            #expect(item.bucket == expected.bucket, "\(id)")
        }
        // The trend's last point carries the same buckets.
        #expect(result.trend.last?.buckets == [102_500, 600, 2_400, 9_600, 38_400, 51_200])
    }

    @Test("custom edges 15 and 45 make buckets current, 1-15, 16-45, 46+")
    func customEdges() throws {
        // T = 2024-06-30. E15 due 06-15 (15 days) 1.00 -> 1-15; E16 due 06-14 (16) 2.00 -> 16-45;
        // E45 due 05-16 (45) 4.00 -> 16-45; E46 due 05-15 (46) 8.00 -> 46+.
        // Buckets: [0, 100, 200 + 400 = 600, 800].
        let buckets = try AgingBuckets(edges: [15, 45])
        #expect(buckets.labels == ["current", "1-15", "16-45", "46+"])
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                E15,C1,2024-05-01,2024-06-15,1.00
                E16,C1,2024-05-01,2024-06-14,2.00
                E45,C1,2024-05-01,2024-05-16,4.00
                E46,C1,2024-05-01,2024-05-15,8.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30", buckets: buckets)
        #expect(Array(result.position.buckets(of: loaded.customer("C1"))) == [0, 100, 600, 800])
        #expect(result.trend.last?.buckets == [0, 100, 600, 800])
        #expect(result.kpis.over90AR == 0)
    }

    @Test("issue basis ages from the issue date; current AR still follows the due date")
    func issueBasisVersusDueBasis() throws {
        // T = 2024-06-30.
        // I1 100.00 issued 04-01, due 06-15: due basis 15 days (1-30); issue basis 06-30 - 04-01 = 90 (61-90).
        // I2  50.00 issued 03-31, due 07-31: due basis -31 (current); issue basis 91 (91-120, over 90).
        // Current_T = open with due_date >= T = I2 = 5000 in both bases (SPEC section 3).
        // Due basis buckets   [5000, 10000, 0, 0, 0, 0], over_90 0.
        // Issue basis buckets [0, 0, 0, 10000, 5000, 0], over_90 5000 (days > 90 in the chosen basis).
        let fixture = LedgerFixture(
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                I1,C1,2024-04-01,2024-06-15,100.00
                I2,C1,2024-03-31,2024-07-31,50.00
                """)
        let loaded = try fixture.load(asOf: "2024-06-30")
        let c1 = loaded.customer("C1")

        let byDue = try loaded.analyze(asOf: "2024-06-30", basis: .due)
        #expect(Array(byDue.position.buckets(of: c1)) == [5_000, 10_000, 0, 0, 0, 0])
        #expect(byDue.kpis.over90AR == 0)
        #expect(byDue.kpis.currentAR == 5_000)
        #expect(loaded.openItem("I1", in: byDue)?.daysPastDue == 15)

        let byIssue = try loaded.analyze(asOf: "2024-06-30", basis: .issue)
        #expect(Array(byIssue.position.buckets(of: c1)) == [0, 0, 0, 10_000, 5_000, 0])
        #expect(byIssue.kpis.over90AR == 5_000)
        #expect(byIssue.kpis.currentAR == 5_000)
        #expect(byIssue.kpis.pastDueAR == 10_000)
        #expect(loaded.openItem("I1", in: byIssue)?.daysPastDue == 90)
        #expect(loaded.openItem("I2", in: byIssue)?.daysPastDue == 91)
        #expect(byIssue.trend.last?.buckets == [0, 0, 0, 10_000, 5_000, 0])
    }
}
