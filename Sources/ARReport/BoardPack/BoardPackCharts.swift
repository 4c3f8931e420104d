import ARCharts
import ARCore

/// The board pack's charts, built from the report model's chart data (nothing is computed here),
/// in the embedded theme so their titles align with the page's grid.
enum BoardPackCharts {
    static func chart(_ name: BoardPackChart, model: ReportModel) -> any Chart {
        let data = model.chartData
        let perMajor = data.minorUnitsPerMajor
        let symbol = DisplayFormat.symbol(Currency(code: model.currency)).trimmingCharacters(in: .whitespaces)
        let money = AxisFormatter.compactCurrency(symbol: symbol, position: symbol.count > 1 ? .suffix : .prefix)
        let theme = ChartTheme.embedded
        switch name {
        case .agingBuckets:
            return AgingBucketsChart(
                title: "Open AR by aging bucket", subtitle: "Total \(model.aging.total) \(model.currency)",
                buckets: zip(data.bucketLabels, data.bucketAmounts).map { label, amount in
                    .init(label: label, minorUnits: amount, minorUnitsPerMajor: perMajor)
                }, axisFormatter: money, theme: theme)
        case .agingMix:
            return AgingMixChart(
                title: "Aging mix", subtitle: "Open AR at each month end, by bucket", seriesNames: data.bucketLabels,
                periods: zip(data.trendLabels, data.trendBuckets).map { label, amounts in
                    .init(label: label, minorUnits: amounts, minorUnitsPerMajor: perMajor)
                }, axisFormatter: money, theme: theme)
        case .dsoCei:
            func latest(_ values: [Double?], _ format: (Double?) -> String) -> String? {
                values.last.flatMap { $0 }.map { format($0) }
            }
            return TrendChart(
                title: "DSO, best possible DSO and CEI", subtitle: "Month ends and the as-of date",
                periodLabels: data.trendLabels,
                panels: [
                    TrendChart.Panel(
                        title: "Days",
                        series: [
                            .init(
                                name: "DSO", values: data.trendDSO, latestLabel: latest(data.trendDSO, DisplayFormat.oneDecimal),
                                color: Palette.blue),
                            .init(
                                name: "BPDSO", values: data.trendBPDSO,
                                latestLabel: latest(data.trendBPDSO, DisplayFormat.oneDecimal), color: Palette.skyBlue,
                                isDashed: true),
                        ], axisFormatter: .number(maxFractionDigits: 0), includesZero: true),
                    TrendChart.Panel(
                        title: "CEI (%)",
                        series: [
                            .init(
                                name: "CEI", values: data.trendCEI, latestLabel: latest(data.trendCEI, DisplayFormat.percent),
                                color: Palette.bluishGreen)
                        ], axisFormatter: .number(maxFractionDigits: 0, suffix: "%"), includesZero: true),
                ], arrangement: .stacked, theme: theme)
        case .topPastDue:
            return TopCustomersChart(
                title: "Past-due balance, largest first",
                subtitle: "\(model.topPastDue.customersPastDue) customers have a past-due balance",
                customers: data.topNames.indices.map { index in
                    .init(
                        name: data.topNames[index], minorUnits: data.topPastDue[index], minorUnitsPerMajor: perMajor,
                        amountLabel: data.topLabels[index])
                }, axisFormatter: money, theme: theme)
        case .concentration:
            return ConcentrationChart(
                title: "Concentration of AR", subtitle: "Share of total AR held by the largest balances",
                groups: data.concentrationLabels.indices.map { index in
                    .init(
                        label: data.concentrationLabels[index] + " customers", share: data.concentrationShares[index],
                        shareLabel: data.concentrationShareLabels[index])
                }, theme: theme)
        case .riskBands:
            return AgingBucketsChart(
                title: "Open AR by risk band",
                subtitle: "\(model.risk.scoredCustomers) customers scored, \(model.risk.highOrCriticalCount) high or critical",
                buckets: data.riskBandLabels.indices.map { index in
                    .init(
                        label: data.riskBandLabels[index], minorUnits: data.riskBandBalances[index],
                        minorUnitsPerMajor: perMajor, amountLabel: data.riskBandBalanceLabels[index])
                }, axisFormatter: money, colors: riskColors, theme: theme)
        case .cashForecast:
            return WeeklyCashChart(
                title: "Expected collections, next 13 weeks",
                subtitle: "\(model.currency) \(model.forecast.next13Weeks) expected; \(model.forecast.beyond) later; \(model.forecast.unlikely) unlikely",
                periodLabels: data.forecastLabels,
                series: [.init(name: "Expected", minorUnits: data.forecastExpected, minorUnitsPerMajor: perMajor, color: Palette.blue)],
                axisFormatter: money, theme: theme)
        case .forecastVsActual:
            return WeeklyCashChart(
                title: "Forecast against actual collections",
                subtitle: "Forecast made as of \(model.forecast.backTestAsOfLong); WAPE \(model.forecast.wape)",
                periodLabels: data.backTestLabels,
                series: [
                    .init(name: "Forecast", minorUnits: data.backTestForecast, minorUnitsPerMajor: perMajor, color: Palette.skyBlue),
                    .init(name: "Actual", minorUnits: data.backTestActual, minorUnitsPerMajor: perMajor, color: Palette.blue),
                ], axisFormatter: money, theme: theme)
        }
    }

    /// Low to critical: green, orange, vermillion, dark brown (the report's band colours).
    static let riskColors = [Palette.bluishGreen, Palette.orange, Palette.vermillion, Color(hex: 0x8C2D04)]
}

extension Color {
    /// A colour from CSS hex (`#009E73`), as the model holds it; nil when malformed.
    init?(css: String) {
        let digits = css.hasPrefix("#") ? String(css.dropFirst()) : css
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(hex: value)
    }
}
