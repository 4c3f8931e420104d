import ARCore
import Testing

@testable import ARAnalysis

/// The balance and roll-rate passes find, for each invoice, the first of their dates on or after
/// a day through a table; it must give what a binary search gives for every day.
@Suite("DateSearch: the first date on or after a day")
struct DateSearchTests {
    /// Month ends, window starts and the year before, as the analysis asks for them.
    static let dates: [Day] = {
        let asOf = CivilCalendar.day(year: 2025, month: 12, day: 31)
        let monthEnds = (1...12).reversed().map { CivilCalendar.monthEnd(monthsBefore: $0, asOf) } + [asOf]
        return Array(Set(monthEnds + monthEnds.map { $0 - 90 } + [asOf - 365])).sorted()
    }()

    @Test("every day from a year before the first date to a year after the last, and the extremes")
    func everyDay() {
        let search = DateSearch(Self.dates)
        let first = Self.dates[0], last = Self.dates[Self.dates.count - 1]
        var mismatches: [Day] = []
        for day in Array((first - 365)...(last + 365)) + [Day.min, Day.max, Day.max - 1] {
            if search.lowerBound(day) != DateSearch.binarySearch(Self.dates, day) { mismatches.append(day) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) days, first \(mismatches.prefix(3))")
        // Spot checks worked out by hand: the first date itself, the day after it, past the last.
        #expect(search.lowerBound(first) == 0)
        #expect(search.lowerBound(first + 1) == 1)
        #expect(search.lowerBound(last) == Self.dates.count - 1)
        #expect(search.lowerBound(last + 1) == Self.dates.count)
    }

    @Test("one date, no dates, and dates too far apart for a table")
    func edges() {
        let one = DateSearch([100])
        #expect([99, 100, 101].map(one.lowerBound) == [0, 0, 1])
        let none = DateSearch([])
        #expect([Day.min, 0, Day.max].map(none.lowerBound) == [0, 0, 0])
        // 200,000 days apart: searched, not tabled, with the same answers.
        let far = DateSearch([0, 10, 200_000])
        #expect([-1, 0, 1, 10, 11, 199_999, 200_000, 200_001].map(far.lowerBound) == [0, 0, 1, 1, 2, 2, 2, 3])
    }
}
