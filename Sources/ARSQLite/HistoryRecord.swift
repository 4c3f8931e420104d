import ARCore

/// One recorded run: its as-of date, when it ran, what it read, and its headline figures
/// (docs/METRICS.md, "Run history"). Amounts are reporting-currency minor units.
public struct HistoryRecord: Sendable, Equatable {
    public var asOf: Day
    /// When the run happened, ISO 8601 UTC, read at the command line's edge.
    public var runAt: String
    /// The data folder, export file or database the run read (an absolute path), with its profile.
    public var source: String
    public var currency: Currency
    public var totalAR: Int64
    public var currentAR: Int64
    public var pastDueAR: Int64
    public var over90AR: Int64
    public var disputedAR: Int64
    public var unapplied: Int64
    /// nil when the run could not compute it (no sales, or an open-items source).
    public var dso: Double?
    public var countbackDSO: Double?
    public var bpdso: Double?
    public var add: Double?
    public var cei: Double?
    public var customersWithBalance: Int
    public var rejectedRows: Int
    /// False for an open-items source: the ledger held no history of its own.
    public var hasHistory: Bool
    /// Aging totals at the as-of date: bucket label and amount, current to oldest.
    public var aging: [AgingTotal]
    /// The inputs read: file (or table), sha256 and rows.
    public var inputs: [HistoryInput]

    public init(
        asOf: Day, runAt: String, source: String, currency: Currency, totalAR: Int64, currentAR: Int64, pastDueAR: Int64,
        over90AR: Int64, disputedAR: Int64, unapplied: Int64, dso: Double?, countbackDSO: Double?, bpdso: Double?,
        add: Double?, cei: Double?, customersWithBalance: Int, rejectedRows: Int, hasHistory: Bool,
        aging: [AgingTotal], inputs: [HistoryInput]
    ) {
        self.asOf = asOf
        self.runAt = runAt
        self.source = source
        self.currency = currency
        self.totalAR = totalAR
        self.currentAR = currentAR
        self.pastDueAR = pastDueAR
        self.over90AR = over90AR
        self.disputedAR = disputedAR
        self.unapplied = unapplied
        self.dso = dso
        self.countbackDSO = countbackDSO
        self.bpdso = bpdso
        self.add = add
        self.cei = cei
        self.customersWithBalance = customersWithBalance
        self.rejectedRows = rejectedRows
        self.hasHistory = hasHistory
        self.aging = aging
        self.inputs = inputs
    }
}

/// One aging bucket's total in a recorded run.
public struct AgingTotal: Sendable, Equatable {
    public var bucket: String
    public var amount: Int64

    public init(bucket: String, amount: Int64) {
        self.bucket = bucket
        self.amount = amount
    }
}

/// One input of a recorded run.
public struct HistoryInput: Sendable, Equatable {
    public var file: String
    public var sha256: String
    public var rows: Int

    public init(file: String, sha256: String, rows: Int) {
        self.file = file
        self.sha256 = sha256
        self.rows = rows
    }
}

/// What earlier recorded runs of the same source say at a report's comparison dates.
public struct RecordedComparison: Sendable, Equatable {
    /// The latest run with an as-of on or before T-7.
    public var weekAgo: HistoryRecord?
    /// The latest run with an as-of on or before the previous month end.
    public var monthEnd: HistoryRecord?

    public init(weekAgo: HistoryRecord?, monthEnd: HistoryRecord?) {
        self.weekAgo = weekAgo
        self.monthEnd = monthEnd
    }
}
