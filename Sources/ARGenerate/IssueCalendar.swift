import ARCore

/// When invoices are issued: a seasonal weight per day and evenly spread schedules.
///
/// Weights are integers so that drawing a date never touches floating point
/// beyond the four IEEE operations (machine-independent output).
struct IssueCalendar {
    /// Invoice volume by month: a March quarter-end push and a strong Q4.
    static let monthWeights = [90, 95, 130, 95, 100, 115, 85, 80, 110, 115, 125, 140]

    let start: Day
    let end: Day
    /// cumulative[k] = total weight of days start ... start + k.
    private let cumulative: [Int64]

    init(start: Day, end: Day) {
        self.start = start
        self.end = end
        var cumulative: [Int64] = []
        cumulative.reserveCapacity(Int(end - start) + 1)
        var total: Int64 = 0
        var day = start
        while day <= end {
            total += Self.weight(of: day)
            cumulative.append(total)
            day += 1
        }
        self.cumulative = cumulative
    }

    /// Month weight x weekday weight, with month-end billing runs.
    static func weight(of day: Day) -> Int64 {
        let civil = CivilCalendar.civil(day)
        var weight = Int64(monthWeights[civil.month - 1])
        switch Weekdays.weekday(day) {
        case 0: weight = weight * 3 / 100
        case 6: weight = weight * 6 / 100
        default: break
        }
        if civil.day >= CivilCalendar.daysInMonth(year: civil.year, month: civil.month) - 1 {
            weight = weight * 3 / 2
        }
        return max(1, weight)
    }

    /// `count` issue dates in [from, through], ascending, following the seasonal weights.
    func schedule(from: Day, through: Day, count: Int) -> IssueSchedule {
        let first = Int(max(from, start) - start)
        let last = Int(min(through, end) - start)
        let low = first == 0 ? 0 : cumulative[first - 1]
        return IssueSchedule(
            calendar: self, low: low, span: cumulative[max(first, last)] - low, count: count, offset: first)
    }

    /// The first day offset at or after `offset` whose cumulative weight exceeds `target`.
    fileprivate func offset(reaching target: Int64, from offset: Int) -> Int {
        var offset = offset
        while offset < cumulative.count - 1, cumulative[offset] <= target { offset += 1 }
        return offset
    }
}

/// Stratified sampling of issue dates: the weight range is cut into `count`
/// equal slices and each invoice falls at a random point of its own slice.
/// Dates come out sorted, one at a time, with no array of dates: like a
/// customer billed regularly, with seasonal bunching and jitter.
struct IssueSchedule {
    let calendar: IssueCalendar
    let low: Int64
    let span: Int64
    let count: Int
    private var produced = 0
    private var offset: Int

    init(calendar: IssueCalendar, low: Int64, span: Int64, count: Int, offset: Int) {
        self.calendar = calendar
        self.low = low
        self.span = span
        self.count = count
        self.offset = offset
    }

    mutating func next(using rng: inout Xoshiro256StarStar) -> Day {
        let sliceStart = low + Int64(Int128(span) * Int128(produced) / Int128(count))
        let sliceEnd = low + Int64(Int128(span) * Int128(produced + 1) / Int128(count))
        produced += 1
        let target = sliceEnd > sliceStart ? sliceStart + Int64(rng.below(Int(sliceEnd - sliceStart))) : sliceStart
        offset = calendar.offset(reaching: target, from: offset)
        return calendar.start + Day(offset)
    }
}
