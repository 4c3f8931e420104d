/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian).
///
/// Hot paths compare and subtract days as plain integers; `Day` only gives
/// them a name and the conversions to and from `YYYY-MM-DD`.
public typealias Day = Int32

/// A year, month and day of the civil calendar.
public struct CivilDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Conversions between day numbers and civil dates (H. Hinnant's algorithms).
public enum CivilCalendar {
    /// The day number of a civil date; the date is assumed valid. Always inlined: the CSV
    /// loaders call it through `parseISO` for every date of millions of rows.
    @inlinable @inline(__always)
    public static func day(year: Int, month: Int, day: Int) -> Day {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Day(truncatingIfNeeded: era * 146_097 + doe - 719_468)
    }

    /// The civil date of a day number.
    @inlinable
    public static func civil(_ day: Day) -> CivilDate {
        let z = Int(day) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CivilDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of the month that holds `day`.
    public static func monthEnd(of day: Day) -> Day {
        let c = civil(day)
        return CivilCalendar.day(year: c.year, month: c.month, day: daysInMonth(year: c.year, month: c.month))
    }

    /// The first day of the month that holds `day`.
    public static func monthStart(of day: Day) -> Day {
        let c = civil(day)
        return CivilCalendar.day(year: c.year, month: c.month, day: 1)
    }

    /// The last day of the month `months` calendar months before the month of `day`.
    public static func monthEnd(monthsBefore months: Int, _ day: Day) -> Day {
        let c = civil(day)
        let index = c.year * 12 + (c.month - 1) - months
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        return CivilCalendar.day(year: year, month: month, day: daysInMonth(year: year, month: month))
    }

    /// `YYYY-MM-DD` for a day number.
    public static func format(_ day: Day) -> String {
        let c = civil(day)
        var bytes = [UInt8](repeating: 0, count: 10)
        writeISO(c, into: &bytes, at: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DD` for a day number to a byte buffer.
    @inlinable
    public static func appendISO(_ day: Day, to buffer: inout [UInt8]) {
        let c = civil(day)
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 10))
        writeISO(c, into: &buffer, at: start)
    }

    @inlinable
    static func writeISO(_ c: CivilDate, into bytes: inout [UInt8], at start: Int) {
        let zero = UInt8(ascii: "0")
        var y = c.year
        for i in stride(from: 3, through: 0, by: -1) {
            bytes[start + i] = zero + UInt8(truncatingIfNeeded: y % 10)
            y /= 10
        }
        bytes[start + 4] = UInt8(ascii: "-")
        bytes[start + 5] = zero + UInt8(truncatingIfNeeded: c.month / 10)
        bytes[start + 6] = zero + UInt8(truncatingIfNeeded: c.month % 10)
        bytes[start + 7] = UInt8(ascii: "-")
        bytes[start + 8] = zero + UInt8(truncatingIfNeeded: c.day / 10)
        bytes[start + 9] = zero + UInt8(truncatingIfNeeded: c.day % 10)
    }

    /// Parses exactly `YYYY-MM-DD` naming a real day; nil otherwise.
    public static func parseISO(_ text: String) -> Day? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { parseISO(UnsafeBufferPointer($0)) }
    }

    /// Parses exactly `YYYY-MM-DD` naming a real day from raw bytes; nil otherwise.
    public static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = Int(bytes[i]) &- 48
            return d >= 0 && d <= 9 ? d : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
        else { return nil }
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
        let month = m0 * 10 + m1
        let dayOfMonth = d0 * 10 + d1
        guard month >= 1, month <= 12, dayOfMonth >= 1, dayOfMonth <= daysInMonth(year: year, month: month) else {
            return nil
        }
        // The divisions are by constants (multiplications once compiled). A table of month starts
        // was no faster: reading a `static let` checks its one-time initialization on every call.
        return day(year: year, month: month, day: dayOfMonth)
    }
}

/// Recently parsed `YYYY-MM-DD` texts and their days. A ledger's dates repeat: millions of
/// rows name a few thousand days, so most rows find their text here and skip the parse and
/// its calendar checks (10M dates at 5M invoices). Only real days are remembered; any other
/// text is parsed, and refused, every time.
public struct DayCache: Sendable {
    /// Direct-mapped by a hash of the text: 4096 entries of 16 bytes stay in the L2 cache.
    private var heads: [UInt64]
    private var tails: [UInt32]
    private var days: [Day]

    public init() {
        // An empty entry's head is eight 0xFF bytes, which no text of digits and dashes has.
        heads = [UInt64](repeating: .max, count: DayCache.size)
        tails = [UInt32](repeating: 0, count: DayCache.size)
        days = [Day](repeating: 0, count: DayCache.size)
    }

    private static var size: Int { 4096 }

    /// The day `bytes` names, exactly as `CivilCalendar.parseISO` gives it.
    @inline(__always)
    public mutating func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes.count == 10 else { return nil }
        let raw = UnsafeRawBufferPointer(bytes)
        // Bytes 0-7 and 8-9.
        let head = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        let tail = UInt32(raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        let slot = Int(truncatingIfNeeded: ((head ^ UInt64(tail) &* 0x9E37_79B9) &* 0xBF58_476D_1CE4_E5B9) >> 52)
        if heads[slot] == head, tails[slot] == tail { return days[slot] }
        guard let day = CivilCalendar.parseISO(bytes) else { return nil }
        heads[slot] = head
        tails[slot] = tail
        days[slot] = day
        return day
    }
}
