import ARCharts
import Testing

@Suite("Nice-number axis ticks")
struct NiceScaleTests {
    @Test("0 to $1,234,567 steps by 250k up to 1.25M")
    func moneyAxisStepsByQuarterMillion() {
        // Span 1,234,567 / 5 intervals = 246,913.4 → the next nice step is 2.5 × 10^5.
        let scale = NiceScale(covering: [0, 1_234_567])
        #expect(scale.step == 250_000)
        #expect(scale.ticks == [0, 250_000, 500_000, 750_000, 1_000_000, 1_250_000])
    }

    @Test("Nice steps are 1, 2, 2.5 or 5 times a power of ten")
    func niceSteps() {
        #expect(NiceScale.niceStep(atLeast: 0.7) == 1)
        #expect(NiceScale.niceStep(atLeast: 1.3) == 2)
        #expect(NiceScale.niceStep(atLeast: 2.1) == 2.5)
        #expect(NiceScale.niceStep(atLeast: 3) == 5)
        #expect(NiceScale.niceStep(atLeast: 7) == 10)
        #expect(NiceScale.niceStep(atLeast: 20_000) == 20_000)
        #expect(NiceScale.niceStep(atLeast: 0.013) == 0.02)
    }

    @Test("Bar charts with credits: the axis spans negatives and keeps zero as a tick")
    func negativeValuesIncludeZero() {
        // −150k to 2.5M over at most 6 intervals: 2.65M / 6 = 442k → step 500k, −500k…2.5M.
        let scale = NiceScale(covering: [-150_000, 2_500_000])
        #expect(scale.ticks == [-500_000, 0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000])
    }

    @Test("Snapping both ends outwards never exceeds the interval budget")
    func intervalBudget() {
        for (low, high) in [(-30.0, 100.0), (0.0, 9.99), (37.0, 61.0), (-0.4, 0.9), (1e9, 3.1e9)] {
            let scale = NiceScale(min: low, max: high, maxIntervals: 5)
            #expect(scale.ticks.count - 1 <= 5, "\(low)...\(high) gave \(scale.ticks)")
            #expect(scale.lower <= low && scale.upper >= high)
        }
    }

    @Test("Lines without zero: DSO between 38 and 58 days gets a tight axis")
    func tightLineAxis() {
        let scale = NiceScale(covering: [38, 58], includingZero: false, maxIntervals: 4)
        // 20 / 4 = 5 → 35…60 needs 5 intervals, one too many → step 10: 30, 40, 50, 60.
        #expect(scale.ticks == [30, 40, 50, 60])
        #expect(!scale.ticks.contains(0))
    }

    @Test("Degenerate input: no values, one value, all zero")
    func degenerateInput() {
        #expect(NiceScale(covering: [], maxIntervals: 5).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceScale(covering: [0, 0]).upper > 0)
        let single = NiceScale(covering: [45], includingZero: false)
        #expect(single.lower < 45 && single.upper > 45)
        #expect(NiceScale(covering: [Double.nan, .infinity, 10]).upper == 10)
    }
}

@Suite("Tick and value label formatting")
struct AxisFormatterTests {
    @Test("Compact currency: $1.2M, €350k, negatives with a true minus")
    func compactCurrency() {
        let dollars = AxisFormatter.compactCurrency()
        #expect(dollars(0) == "$0")
        #expect(dollars(250_000) == "$250k")
        #expect(dollars(1_250_000) == "$1.25M")
        #expect(dollars(1_200_000) == "$1.2M")
        #expect(dollars(1_000_000) == "$1M")
        #expect(dollars(999_999) == "$1M")
        #expect(dollars(12_500) == "$12.5k")
        #expect(dollars(950) == "$950")
        #expect(dollars(-50_000) == "\u{2212}$50k")
        #expect(dollars(3_400_000_000) == "$3.4B")
        #expect(AxisFormatter.compactCurrency(symbol: "€")(350_000) == "€350k")
        #expect(AxisFormatter.compactCurrency(symbol: "kr", position: .suffix)(12_000) == "12k kr")
    }

    @Test("Percent and day formatters")
    func percentAndDays() {
        #expect(AxisFormatter.percent()(0.853) == "85.3%")
        #expect(AxisFormatter.percent()(0.25) == "25%")
        #expect(AxisFormatter.percent(maxFractionDigits: 0)(1) == "100%")
        #expect(AxisFormatter.number(maxFractionDigits: 1, suffix: " d")(45.26) == "45.3 d")
        #expect(AxisFormatter.number()(-0.001) == "0")
    }
}
