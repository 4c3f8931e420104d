/// One step of the escalation policy: reached when the customer's oldest open invoice is
/// at least `days` past due and, if set, its past-due amount is at least `minAmount`.
public struct EscalationStage: Sendable, Equatable {
    public var days: Int32
    public var action: String
    /// In reporting minor units; nil = any amount.
    public var minAmount: Int64?

    public init(days: Int32, action: String, minAmount: Int64? = nil) {
        self.days = days
        self.action = action
        self.minAmount = minAmount
    }
}

/// The collections escalation policy (docs/METRICS.md, "Collections worklist").
public struct CollectionPolicy: Sendable, Equatable {
    /// Sorted by `days`, strictly increasing.
    public var stages: [EscalationStage]

    /// The action that puts a customer on credit hold; reaching it or any later stage is a hold.
    public static let holdAction = "credit_hold"

    /// Reminder at 1 day, second reminder at 15, call at 30, final notice at 45,
    /// credit hold at 60, collections agency at 90.
    public static let standard = try! CollectionPolicy(stages: [
        EscalationStage(days: 1, action: "reminder"),
        EscalationStage(days: 15, action: "second_reminder"),
        EscalationStage(days: 30, action: "call"),
        EscalationStage(days: 45, action: "final_notice"),
        EscalationStage(days: 60, action: holdAction),
        EscalationStage(days: 90, action: "collections_agency"),
    ])

    /// Stages need days >= 1, strictly increasing, a non-empty action and a minimum amount >= 0.
    public init(stages: [EscalationStage]) throws(SettingsError) {
        guard !stages.isEmpty else { throw .invalid("policy: needs at least one stage") }
        for (index, stage) in stages.enumerated() {
            guard stage.days >= 1 else { throw .invalid("policy[\(index)].days: must be >= 1, not \(stage.days)") }
            guard index == 0 || stages[index - 1].days < stage.days else {
                throw .invalid("policy[\(index)].days: stages must be in increasing order of days")
            }
            guard !stage.action.isEmpty else { throw .invalid("policy[\(index)].action: must not be empty") }
            if let minimum = stage.minAmount, minimum < 0 {
                throw .invalid("policy[\(index)].min_amount: must be >= 0")
            }
        }
        self.stages = stages
    }

    /// The index of the latest stage reached, or nil when none is.
    /// A stage whose minimum amount is not met is skipped, so an earlier stage may apply.
    public func stage(daysPastDue: Int32, pastDueAmount: Int64) -> Int? {
        stages.indices.last { index in
            stages[index].days <= daysPastDue && (stages[index].minAmount.map { pastDueAmount >= $0 } ?? true)
        }
    }

    /// The index of the first hold stage, if the policy has one.
    public var holdStage: Int? { stages.firstIndex { $0.action == CollectionPolicy.holdAction } }
}
