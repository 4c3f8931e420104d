import ARCore
import Foundation
import Testing

@testable import ARSQLite

/// The run history: append, read back as a series, and find what earlier runs said.
@Suite struct RunHistoryTests {
    static func record(_ asOf: String, ar: Int64, source: String = "/data/ar", runAt: String = "2026-01-01T08:00:00Z")
        -> HistoryRecord
    {
        HistoryRecord(
            asOf: CivilCalendar.parseISO(asOf)!, runAt: runAt, source: source, currency: Currency(code: "USD"),
            totalAR: ar, currentAR: ar / 2, pastDueAR: ar / 2, over90AR: ar / 10, disputedAR: 0, unapplied: 0, dso: 45.5,
            countbackDSO: nil, bpdso: nil, add: nil, cei: 80, customersWithBalance: 3, rejectedRows: 1, hasHistory: false,
            aging: [AgingTotal(bucket: "current", amount: ar / 2), AgingTotal(bucket: "1-30", amount: ar / 2)],
            inputs: [HistoryInput(file: "open_items.csv", sha256: "ab12", rows: 7)])
    }

    @Test func appendedRunsReadBackInAsOfOrder() throws {
        let path = try SQLiteTestSupport.temporaryFolder().appendingPathComponent("out/history.sqlite").path
        let history = try RunHistory(path: path, create: true)
        try history.append(Self.record("2025-12-31", ar: 300_00))
        try history.append(Self.record("2025-11-30", ar: 200_00))
        let records = try RunHistory(path: path, create: false).records()
        #expect(records.map(\.totalAR) == [200_00, 300_00])
        #expect(records[1] == Self.record("2025-12-31", ar: 300_00))
    }

    @Test func previousRunsAtWeekAgoAndPreviousMonthEnd() throws {
        // Runs on 30 Nov, 24 Dec and 26 Dec; a report at 31 Dec compares with the latest run on or
        // before 24 Dec (T-7: the 24 Dec run; 26 Dec is too recent) and on or before 30 Nov.
        let history = try RunHistory(
            path: try SQLiteTestSupport.temporaryFolder().appendingPathComponent("history.sqlite").path, create: true)
        try history.append(Self.record("2025-11-30", ar: 100_00))
        try history.append(Self.record("2025-12-24", ar: 110_00))
        try history.append(Self.record("2025-12-24", ar: 115_00, runAt: "2026-01-02T08:00:00Z"))
        try history.append(Self.record("2025-12-26", ar: 120_00))
        try history.append(Self.record("2025-12-20", ar: 999_00, source: "/data/other"))
        let comparison = try history.comparison(
            source: "/data/ar", currency: Currency(code: "USD"), asOf: CivilCalendar.parseISO("2025-12-31")!)
        // Of two runs at the same as-of date, the later one counts.
        #expect(comparison.weekAgo?.totalAR == 115_00)
        #expect(comparison.monthEnd?.totalAR == 100_00)
        let early = try history.comparison(
            source: "/data/ar", currency: Currency(code: "USD"), asOf: CivilCalendar.parseISO("2025-12-01")!)
        #expect(early.weekAgo == nil)
        #expect(early.monthEnd?.totalAR == 100_00)
    }

    @Test func readingAMissingHistoryIsAnError() throws {
        #expect(throws: SQLiteSourceError.missingDatabase(path: "/nonexistent/history.sqlite")) {
            try RunHistory(path: "/nonexistent/history.sqlite", create: false)
        }
    }
}
