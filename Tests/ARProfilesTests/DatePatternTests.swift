import ARCore
import ARProfiles
import Testing

@Suite struct DatePatternTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> Day { CivilCalendar.day(year: y, month: m, day: d) }

    @Test func usMonthDayYearTakesOneOrTwoDigits() throws {
        let pattern = try #require(DatePattern("M/D/YYYY"))
        #expect(pattern.parse("1/2/2013") == day(2013, 1, 2))
        #expect(pattern.parse("12/31/2013") == day(2013, 12, 31))
        #expect(pattern.parse("01/02/2013") == day(2013, 1, 2))
        #expect(pattern.parse("2/29/2012") == day(2012, 2, 29))  // 2012 is a leap year
        #expect(pattern.parse("2/29/2013") == nil)  // 2013 is not
        #expect(pattern.parse("2/30/2012") == nil)
        #expect(pattern.parse("13/1/2013") == nil)
        #expect(pattern.parse("0/1/2013") == nil)
        #expect(pattern.parse("1/2/13") == nil)
        #expect(pattern.parse("1/2/2013 ") == nil)  // the whole field must match
        #expect(pattern.parse("123/2/2013") == nil)
        #expect(pattern.parse("") == nil)
    }

    @Test func twoDigitFieldsNeedBothDigits() throws {
        let pattern = try #require(DatePattern("MM/DD/YYYY"))
        #expect(pattern.parse("06/30/2013") == day(2013, 6, 30))
        #expect(pattern.parse("6/30/2013") == nil)
        #expect(pattern.parse("06/31/2013") == nil)  // June has 30 days
    }

    @Test func monthNamesAndTwoDigitYearsPivotAt69() throws {
        let pattern = try #require(DatePattern("DD-Mon-YY"))
        #expect(pattern.parse("26-Apr-11") == day(2011, 4, 26))
        #expect(pattern.parse("26-APR-11") == day(2011, 4, 26))
        #expect(pattern.parse("29-Feb-16") == day(2016, 2, 29))
        #expect(pattern.parse("29-Feb-17") == nil)
        #expect(pattern.parse("01-Jan-68") == day(2068, 1, 1))
        #expect(pattern.parse("01-Jan-69") == day(1969, 1, 1))
        #expect(pattern.parse("01-Jan-00") == day(2000, 1, 1))
        #expect(pattern.parse("01-Foo-11") == nil)
        #expect(pattern.parse("1-Jan-11") == nil)
    }

    @Test func timesAreCheckedAndIgnored() throws {
        let dayFirst = try #require(DatePattern("DD-MM-YYYY HH:MM"))
        #expect(dayFirst.parse("26-04-2011 11:50") == day(2011, 4, 26))
        #expect(dayFirst.parse("26-04-2011 24:00") == nil)
        #expect(dayFirst.parse("26-04-2011 11:60") == nil)
        #expect(dayFirst.parse("31-04-2011 11:50") == nil)
        let iso = try #require(DatePattern("YYYY-MM-DD HH:MM:SS"))
        #expect(iso.parse("2020-02-29 23:59:59") == day(2020, 2, 29))
        #expect(iso.parse("2020-02-29") == nil)
    }

    @Test func compactAndLeapCenturies() throws {
        let compact = try #require(DatePattern("YYYYMMDD"))
        #expect(compact.parse("20130630") == day(2013, 6, 30))
        #expect(compact.parse("20000229") == day(2000, 2, 29))  // divisible by 400: leap
        #expect(compact.parse("19000229") == nil)  // divisible by 100 only: not leap
        #expect(compact.parse("2013063") == nil)
    }

    @Test func patternsWithoutAllPartsAreRefused() {
        #expect(DatePattern("MM/YYYY") == nil)
        #expect(DatePattern("DD/MM") == nil)
        #expect(DatePattern("YYYY-MM-DD YYYY") == nil)
        #expect(DatePattern("D.M.YYYY") != nil)
    }
}
