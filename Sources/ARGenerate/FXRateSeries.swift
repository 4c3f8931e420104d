import ARCore

/// Daily exchange rates for every non-reporting currency, as a bounded random walk.
///
/// Rates are held as the exact values written to fx_rates.csv (millionths), so
/// the generator converts foreign payments with the same numbers a reader sees.
struct FXRateSeries {
    /// Rates are written with six decimals.
    static let rateDigits = 6
    static let one: Int64 = 1_000_000

    /// First day with a rate: 30 days before the first issue date, so every
    /// currency has a rate on or before any date of the data set.
    let firstDay: Day
    let lastDay: Day
    /// rates[currency][day - firstDay] in millionths; empty for the reporting currency.
    private let rates: [[Int64]]

    init(book: CurrencyBook, start: Day, end: Day, seed: UInt64) {
        firstDay = start - 30
        lastDay = end
        let days = Int(lastDay - firstDay) + 1
        var rates: [[Int64]] = [[]]
        for index in 1..<max(1, book.count) {
            var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(index), salt: 0xF0_F0)
            let level = book.referenceRate(index)
            var rate = level * rng.uniform(0.95, 1.05)
            var series: [Int64] = []
            series.reserveCapacity(days)
            for _ in 0..<days {
                // About 0.4 % daily volatility, pulled back towards the level so it stays realistic.
                rate = rate * (1 + 0.004 * rng.normalish()) + 0.01 * (level - rate)
                rate = min(max(rate, level * 0.6), level * 1.4)
                series.append(max(1, Int64((rate * Double(Self.one)).rounded())))
            }
            rates.append(series)
        }
        self.rates = rates
    }

    /// The rate of currency `index` on `day` (clamped to the series), in millionths.
    func rate(_ index: Int, on day: Day) -> Int64 {
        guard index > 0 else { return Self.one }
        let clamped = min(max(day, firstDay), lastDay)
        return rates[index][Int(clamped - firstDay)]
    }

    /// Days that get a row: every weekday, and always the first day so coverage starts there.
    func isPublished(_ day: Day) -> Bool {
        day == firstDay || !Weekdays.isWeekend(day)
    }

    /// Converts `minor` units of currency `from` into currency `to` at the rates of `day`:
    /// amount x rate(from) / rate(to), rescaled to `to`'s minor digits, rounded half away from zero.
    func convert(_ minor: Int64, from: Int, to: Int, on day: Day, book: CurrencyBook) -> Int64 {
        let numerator =
            Int128(minor) * Int128(rate(from, on: day))
            * Int128(Decimal10.power(max(0, book[to].minorDigits - book[from].minorDigits)))
        let denominator =
            Int128(rate(to, on: day)) * Int128(Decimal10.power(max(0, book[from].minorDigits - book[to].minorDigits)))
        return Int64(Decimal10.divideRoundingHalfAway(numerator, by: denominator))
    }
}

/// Weekday arithmetic on day numbers (1970-01-01 was a Thursday).
enum Weekdays {
    /// 0 = Sunday ... 6 = Saturday.
    @inline(__always)
    static func weekday(_ day: Day) -> Int {
        ((Int(day) + 4) % 7 + 7) % 7
    }

    @inline(__always)
    static func isWeekend(_ day: Day) -> Bool {
        let w = weekday(day)
        return w == 0 || w == 6
    }

    /// The day itself, or the Monday after when it falls on a weekend: banks settle on weekdays.
    @inline(__always)
    static func settlementDay(_ day: Day) -> Day {
        switch weekday(day) {
        case 6: day + 2
        case 0: day + 1
        default: day
        }
    }
}
