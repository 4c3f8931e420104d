import ARAnalysis
import ARCore

extension OutputTables {
    /// forecast.csv: weeks 1 to 13 with their dates, then `beyond`, then `unlikely`
    /// (docs/METRICS.md, "Cash forecast").
    public static func forecast(ledger: Ledger, analysis: AnalysisResult) -> [UInt8] {
        let digits = ledger.reportingCurrency.minorDigits
        var csv = CSVBuffer()
        csv.header(["week", "start_date", "end_date", "expected"])
        for period in analysis.forecast.periods {
            switch period.kind {
            case .week(let number): csv.integer(number)
            case .beyond: csv.field("beyond")
            case .unlikely: csv.field("unlikely")
            }
            if let start = period.start { csv.date(start) } else { csv.field("") }
            if let end = period.end { csv.date(end) } else { csv.field("") }
            csv.money(period.expected, digits: digits)
            csv.endRow()
        }
        return csv.bytes
    }

    /// backtest.csv: the forecast as of T-91 against what was collected, week by week.
    /// `wape_to_date` is the weighted absolute percentage error of weeks 1 to this one, so the
    /// last row holds the overall figure without a total row (docs/METRICS.md, "Back-test").
    public static func backTest(ledger: Ledger, analysis: AnalysisResult) -> [UInt8] {
        let digits = ledger.reportingCurrency.minorDigits
        let backTest = analysis.backTest
        var csv = CSVBuffer()
        csv.header(["week", "start_date", "end_date", "forecast", "actual", "error", "wape_to_date"])
        for week in backTest.weeks {
            csv.integer(week.week)
            csv.date(week.start)
            csv.date(week.end)
            csv.money(week.forecast, digits: digits)
            csv.money(week.actual, digits: digits)
            csv.money(week.error, digits: digits)
            csv.ratio(backTest.wape(throughWeek: week.week))
            csv.endRow()
        }
        return csv.bytes
    }
}
