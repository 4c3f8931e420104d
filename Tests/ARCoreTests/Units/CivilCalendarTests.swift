import ARCore
import Testing

/// SPEC 7: dates are exactly `YYYY-MM-DD` and a real day (proleptic Gregorian).
@Suite("CivilCalendar: ISO dates and day numbers")
struct CivilCalendarTests {
    @Test("real days parse, leap days included", arguments: ["2024-02-29", "2000-02-29", "2023-02-28", "1970-01-01", "2023-12-31", "1600-02-29", "9999-12-31"])
    func realDays(_ text: String) throws {
        let parsed = try #require(CivilCalendar.parseISO(text))
        #expect(CivilCalendar.format(parsed) == text)
    }

    @Test(
        "impossible days and other layouts do not parse",
        arguments: ["2023-02-29", "1900-02-29", "2100-02-29", "2023-02-30", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00",
                    "2023-01-32", "2023-5-1", "2023-05-1", "23-05-01", "2023/05/01", "2023-05-01 ", " 2023-05-01", "2023-05-01T00:00",
                    "20230501", "2023-O5-01", "", "+2023-05-01", "２０２３-05-01"])
    func badDays(_ text: String) {
        #expect(CivilCalendar.parseISO(text) == nil)
    }

    @Test("known day numbers: 1970-01-01 = 0, 2000-03-01 = 11017, 1969-12-31 = -1")
    func knownDayNumbers() {
        #expect(CivilCalendar.parseISO("1970-01-01") == 0)
        // 30 years to 2000-01-01 = 10957 days (7 leap years), + 31 + 29 = 11017.
        #expect(CivilCalendar.parseISO("2000-03-01") == 11_017)
        #expect(CivilCalendar.parseISO("1969-12-31") == -1)
        #expect(CivilCalendar.day(year: 2024, month: 6, day: 30) - CivilCalendar.day(year: 2024, month: 1, day: 1) == 181)
    }

    @Test("every day from 1900 to 2100 converts both ways and follows the previous one")
    func roundTripEveryDay() {
        // An independent walk through the calendar with the Gregorian leap rule.
        func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var expected = CivilCalendar.day(year: 1900, month: 1, day: 1)
        // 1900-01-01 is 25567 days before 1970-01-01 (70 years, 17 leap days).
        #expect(expected == -25_567)
        var mismatches = 0
        for year in 1900...2100 {
            for month in 1...12 {
                let length = month == 2 && isLeap(year) ? 29 : lengths[month - 1]
                for dayOfMonth in 1...length {
                    let number = CivilCalendar.day(year: year, month: month, day: dayOfMonth)
                    let civil = CivilCalendar.civil(number)
                    if number != expected || civil != CivilDate(year: year, month: month, day: dayOfMonth) { mismatches += 1 }
                    expected += 1
                }
                #expect(CivilCalendar.daysInMonth(year: year, month: month) == length)
            }
        }
        #expect(mismatches == 0)
        #expect(expected == CivilCalendar.day(year: 2101, month: 1, day: 1))
    }

    @Test("month ends: February in leap and common years, and twelve months back")
    func monthEnds() {
        #expect(CivilCalendar.format(CivilCalendar.monthEnd(of: day("2024-02-10"))) == "2024-02-29")
        #expect(CivilCalendar.format(CivilCalendar.monthEnd(of: day("2023-02-10"))) == "2023-02-28")
        #expect(CivilCalendar.format(CivilCalendar.monthEnd(monthsBefore: 1, day("2024-03-15"))) == "2024-02-29")
        #expect(CivilCalendar.format(CivilCalendar.monthEnd(monthsBefore: 12, day("2024-06-30"))) == "2023-06-30")
        #expect(CivilCalendar.format(CivilCalendar.monthStart(of: day("2024-06-30"))) == "2024-06-01")
    }

    @Test("the day cache gives what parsing gives: every day of 1900 to 2100 twice over, and bad days refused each time")
    func dayCacheMatchesParsing() {
        var cache = DayCache()
        var texts: [String] = []
        for number in CivilCalendar.day(year: 1900, month: 1, day: 1)...CivilCalendar.day(year: 2100, month: 12, day: 31) {
            texts.append(CivilCalendar.format(number))
        }
        // 73,414 days, 18 for each of the cache's 4096 entries, so days of the same month (the same
        // first eight bytes) meet in an entry; then the same texts again. Texts that are no day
        // are interleaved and must never come back as one.
        // Ten NUL bytes are what an empty entry held before it was marked with 0xFF bytes.
        let bad = [
            "2000-02-30", "2001-02-29", "2000-13-01", "2000-1-01", "2000-01-1 ", "", "0000-00-00", "2000/01/01",
            String(repeating: "\u{0}", count: 10),
        ]
        var mismatches: [String] = []
        for pass in 0..<2 {
            for (position, text) in texts.enumerated() {
                if cache.day(text) != CivilCalendar.parseISO(text) { mismatches.append("\(pass) \(text)") }
                let refused = bad[position % bad.count]
                if cache.day(refused) != nil { mismatches.append("\(pass) \(refused)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) texts, first \(mismatches.prefix(3))")
        #expect(texts.count == 73_414)
    }
}

extension DayCache {
    fileprivate mutating func day(_ text: String) -> Day? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { day(UnsafeBufferPointer($0)) }
    }
}
