import ARAnalysis
import ARCore
import ARSQLite

/// For a source without history of its own (open items): what the previous recorded runs
/// said at T-7 and the previous month end, and the change since (docs/METRICS.md, "Run history").
public struct RecordedRunsSection: Sendable, Equatable {
    public var weekAgo: RecordedRun?
    public var monthEnd: RecordedRun?

    public init(_ recorded: RecordedComparison, now: KPIs) {
        weekAgo = recorded.weekAgo.map { RecordedRun($0, now: now) }
        monthEnd = recorded.monthEnd.map { RecordedRun($0, now: now) }
    }
}

/// One earlier recorded run, formatted, with the change of each amount to T.
public struct RecordedRun: Sendable, Equatable {
    /// The recorded run's as-of date, ISO and short (`24 Dec`).
    public var asOf = ""
    public var asOfShort = ""
    public var totalAR = ""
    public var pastDueAR = ""
    public var over90AR = ""
    /// T's figure minus the recorded one, signed (`+$1.2K`).
    public var totalARChange = ""
    public var pastDueARChange = ""
    public var over90ARChange = ""

    init(_ record: HistoryRecord, now: KPIs) {
        let currency = now.currency
        func signed(_ minor: Int64) -> String {
            (minor > 0 ? "+" : minor < 0 ? "-" : "") + DisplayFormat.compactMoney(Int64(clamping: minor.magnitude), currency)
        }
        asOf = Format.date(record.asOf)
        asOfShort = DisplayFormat.shortDate(record.asOf)
        totalAR = DisplayFormat.compactMoney(record.totalAR, currency)
        pastDueAR = DisplayFormat.compactMoney(record.pastDueAR, currency)
        over90AR = DisplayFormat.compactMoney(record.over90AR, currency)
        totalARChange = signed(now.totalAR - record.totalAR)
        pastDueARChange = signed(now.pastDueAR - record.pastDueAR)
        over90ARChange = signed(now.over90AR - record.over90AR)
    }
}
