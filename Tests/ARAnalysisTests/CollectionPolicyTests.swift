import ARAnalysis
import ARCore
import Testing

/// The escalation policy and the collections worklist (docs/METRICS.md, "Collections worklist").
@Suite("Collections policy, worklist and credit holds")
struct CollectionPolicyTests {
    @Test(
        "default stages at their boundaries",
        arguments: [
            (0, nil), (1, "reminder"), (14, "reminder"), (15, "second_reminder"), (29, "second_reminder"),
            (30, "call"), (44, "call"), (45, "final_notice"), (59, "final_notice"), (60, "credit_hold"),
            (89, "credit_hold"), (90, "collections_agency"), (400, "collections_agency"),
        ] as [(Int32, String?)])
    func defaultStages(days: Int32, action: String?) {
        let policy = CollectionPolicy.standard
        #expect(policy.stage(daysPastDue: days, pastDueAmount: 1).map { policy.stages[$0].action } == action)
    }

    @Test("a stage with a minimum amount is skipped below it, so the stage before applies")
    func minimumAmount() throws {
        // Agency at 90 days only from 1,000.00 past due.
        var stages = CollectionPolicy.standard.stages
        stages[5].minAmount = 100_000
        let policy = try CollectionPolicy(stages: stages)
        #expect(policy.stage(daysPastDue: 120, pastDueAmount: 99_999).map { policy.stages[$0].action } == "credit_hold")
        #expect(policy.stage(daysPastDue: 120, pastDueAmount: 100_000).map { policy.stages[$0].action } == "collections_agency")
    }

    @Test("stages must increase in days, start at 1 day or later, and have an action")
    func invalidPolicy() {
        #expect(throws: SettingsError.self) { try CollectionPolicy(stages: []) }
        #expect(throws: SettingsError.self) { try CollectionPolicy(stages: [EscalationStage(days: 0, action: "x")]) }
        #expect(throws: SettingsError.self) {
            try CollectionPolicy(stages: [EscalationStage(days: 30, action: "a"), EscalationStage(days: 30, action: "b")])
        }
        #expect(throws: SettingsError.self) { try CollectionPolicy(stages: [EscalationStage(days: 5, action: "")]) }
    }

    @Test("worklist: oldest open invoice, past-due amount, priority by risk; holds by limit or stage")
    func worklistAndHolds() throws {
        // T = 2024-06-30, default policy and scorecard.
        // W1 (limit 10,000): A 1,000.00 due 05-31 (30 days), B 500.00 due 06-20 (10), C 2,000.00 due 07-15 (not due).
        //    Oldest A, 30 days: stage 3 call. Past due = A + B = 1,500.00 (C is not due).
        //    Risk: nothing > 30 days, net 3,500 / 10,000 = 35 % < 50 %: score 0.0. Priority 1,500.00 x 1.000.
        // W2 (no limit): D 400.00 due 04-01 (90 days): agency. past_due factor 100 -> 20.0 (90 is not > 90, severe 0).
        //    Priority 400.00 x 1.200 = 480.00. Agency is after credit_hold: on hold (hold_stage).
        // V9: the same as W2 (E 400.00 due 04-01): priority 480.00 too; V9 sorts before W2 by customer_id.
        // W3 (limit 100.00): F 150.00 due 06-30 (0 days): not past due, not on the worklist;
        //    net 150 > limit 100: on hold (over_credit_limit), days past due 0.
        // W4: G 1,200.00 due 05-01 (60 days): credit_hold stage 5; score 20.0; priority 1,440.00; on hold.
        // Worklist by priority: W1 1,500.00, W4 1,440.00, V9 480.00, W2 480.00.
        let loaded = try LedgerFixture(
            customers: """
                customer_id,name,credit_limit,email,phone
                W1,One,10000.00,ap@one.example,+1 555 0101
                W2,Two,,,
                V9,Nine,,,
                W3,Three,100.00,,
                W4,Four,,,
                """,
            invoices: """
                invoice_id,customer_id,issue_date,due_date,amount
                A,W1,2024-05-01,2024-05-31,1000.00
                B,W1,2024-05-21,2024-06-20,500.00
                C,W1,2024-06-15,2024-07-15,2000.00
                D,W2,2024-03-02,2024-04-01,400.00
                E,V9,2024-03-02,2024-04-01,400.00
                F,W3,2024-05-31,2024-06-30,150.00
                G,W4,2024-04-01,2024-05-01,1200.00
                """
        ).load(asOf: "2024-06-30")
        let result = try loaded.analyze(asOf: "2024-06-30")
        let ids = loaded.ledger.customers.ids
        #expect(result.worklist.map { ids[$0.customer] } == ["W1", "W4", "V9", "W2"])
        #expect(result.worklist.map(\.action) == ["call", "credit_hold", "collections_agency", "collections_agency"])
        #expect(result.worklist.map(\.stage) == [2, 4, 5, 5])
        #expect(result.worklist.map(\.pastDueAmount) == [150_000, 120_000, 40_000, 40_000])
        #expect(result.worklist.map(\.priority) == [150_000, 144_000, 48_000, 48_000])
        #expect(result.worklist.map(\.daysPastDue) == [30, 60, 90, 90])
        #expect(result.worklist[0].oldestInvoice == loaded.invoice("A"))
        #expect(result.worklist.map { $0.risk?.scoreTenths } == [0, 200, 200, 200])

        #expect(result.creditHolds.map { ids[$0.customer] } == ["V9", "W2", "W3", "W4"])
        #expect(result.creditHolds.map(\.reasons) == [[.holdStage], [.holdStage], [.overCreditLimit], [.holdStage]])
        let w3 = result.creditHolds[2]
        #expect(w3.netBalance == 15_000 && w3.creditLimit == 10_000 && w3.daysPastDue == 0)

        // Contact columns are carried from customers.csv.
        #expect(loaded.ledger.customers.emails[loaded.customer("W1")] == "ap@one.example")
        #expect(loaded.ledger.customers.phones[loaded.customer("W1")] == "+1 555 0101")
    }

    @Test("priority = past due x (1 + score / 100), exact and rounded half away from zero")
    func priority() {
        // 99.99 x 1.45 = 144.9855 -> 144.99.
        #expect(Worklist.priority(pastDue: 9_999, scoreTenths: 450) == 14_499)
        // 0.01 x 1.5 = 0.015 -> 0.02.
        #expect(Worklist.priority(pastDue: 1, scoreTenths: 500) == 2)
    }
}
