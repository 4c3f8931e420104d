import ARAnalysis
import ARCore

/// The parts of the report model the board pack adds: the cash forecast with its back-test, the
/// highest risk scores, and the raw series their charts are drawn from.
extension ReportModelBuilder {
    /// Rows of the board pack's top-risks table.
    public static let topRisks = 10

    static func forecast(ledger: Ledger, analysis: AnalysisResult) -> ForecastSection {
        let currency = ledger.reportingCurrency
        var section = ForecastSection()
        var next13: Int64 = 0
        for period in analysis.forecast.periods {
            switch period.kind {
            case .week(let number):
                next13 += period.expected
                section.weeks.append(
                    ForecastWeekRow(
                        week: "W\(number)", dates: dates(period.start, period.end),
                        expected: DisplayFormat.money(period.expected, currency)))
            case .beyond: section.beyond = DisplayFormat.money(period.expected, currency)
            case .unlikely: section.unlikely = DisplayFormat.money(period.expected, currency)
            }
        }
        section.next13Weeks = DisplayFormat.money(next13, currency)
        let backTest = analysis.backTest
        section.backTestAsOf = Format.date(backTest.asOf)
        section.backTestAsOfLong = DisplayFormat.longDate(backTest.asOf)
        section.backTest = backTest.weeks.map { week in
            BackTestRow(
                week: "W\(week.week)", dates: dates(week.start, week.end),
                forecast: DisplayFormat.money(week.forecast, currency), actual: DisplayFormat.money(week.actual, currency),
                error: (week.error > 0 ? "+" : "") + DisplayFormat.money(week.error, currency))
        }
        section.backTestForecast = DisplayFormat.money(backTest.weeks.reduce(0) { $0 + $1.forecast }, currency)
        section.backTestActual = DisplayFormat.money(backTest.weeks.reduce(0) { $0 + $1.actual }, currency)
        section.wape = backTest.wape.map { DisplayFormat.percent($0) } ?? "n/a"
        section.hasBackTest = !backTest.weeks.isEmpty
        return section
    }

    /// `7 Jan – 13 Jan`.
    static func dates(_ start: Day?, _ end: Day?) -> String {
        switch (start, end) {
        case let (start?, end?): DisplayFormat.shortDate(start) + " – " + DisplayFormat.shortDate(end)
        case let (start?, nil): "from " + DisplayFormat.shortDate(start)
        default: ""
        }
    }

    /// The highest scores, then the larger balance, then customer_id.
    static func topRisks(ledger: Ledger, analysis: AnalysisResult) -> [RiskCustomerRow] {
        let currency = ledger.reportingCurrency
        let position = analysis.position
        let ids = ledger.customers.ids
        func pastDue(_ customer: Int) -> Int64 {
            position.openTotal[customer] - position.bucketTotals[customer * position.bucketCount]
        }
        let ranked = analysis.risk.firstSorted(topRisks) { a, b in
            if a.scoreTenths != b.scoreTenths { return a.scoreTenths > b.scoreTenths }
            let (x, y) = (position.openTotal[a.customer], position.openTotal[b.customer])
            return x != y ? x > y : ids[a.customer] < ids[b.customer]
        }
        return ranked.enumerated().map { rank, entry in
            RiskCustomerRow(
                rank: String(rank + 1), customerID: ids[entry.customer], name: ledger.customers.names[entry.customer],
                score: Format.score(tenths: entry.scoreTenths), band: DisplayFormat.words(entry.band.rawValue),
                reasons: entry.reasons.map { DisplayFormat.words($0.key) }.joined(separator: ", "),
                balance: DisplayFormat.money(position.openTotal[entry.customer], currency),
                pastDue: DisplayFormat.money(max(0, pastDue(entry.customer)), currency))
        }
    }

    /// BPDSO over the trend, balances by risk band, and the forecast's weekly amounts.
    static func addBoardPackChartData(_ data: inout ReportChartData, ledger: Ledger, analysis: AnalysisResult) {
        let currency = ledger.reportingCurrency
        data.trendBPDSO = analysis.trend.map(\.bpdso)
        data.riskBandLabels = RiskBand.allCases.map { DisplayFormat.words($0.rawValue) }
        data.riskBandBalances = bandTotals(analysis).balances
        data.riskBandBalanceLabels = data.riskBandBalances.map { DisplayFormat.compactMoney($0, currency) }
        for period in analysis.forecast.weekPeriods {
            if case .week(let number) = period.kind {
                data.forecastLabels.append("W\(number)")
                data.forecastExpected.append(period.expected)
            }
        }
        data.backTestLabels = analysis.backTest.weeks.map { "W\($0.week)" }
        data.backTestForecast = analysis.backTest.weeks.map(\.forecast)
        data.backTestActual = analysis.backTest.weeks.map(\.actual)
    }
}
