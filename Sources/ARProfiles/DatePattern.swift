import ARCore

/// A strict date pattern such as `M/D/YYYY`, `DD-Mon-YY` or `DD-MM-YYYY HH:MM`,
/// compiled once and matched against raw bytes (docs/PROFILES.md, "Dates").
///
/// Tokens: `YYYY` (4 digits), `YY` (2 digits, pivot: 00-68 are 20xx, 69-99 are 19xx),
/// `MM`/`DD` (exactly 2 digits), `M`/`D` (1 or 2 digits), `Mon` (Jan ... Dec, any case),
/// `HH`, `MM` after an hour, `SS` (2 digits, checked and ignored). Anything else is a literal.
/// The whole field must match and name a real day: `2/30/2013` is rejected.
public struct DatePattern: Sendable, Equatable, CustomStringConvertible {
    enum Token: Sendable, Equatable {
        case year4, year2, month2, month1or2, monthName, day2, day1or2, hour, minute, second
        case literal(UInt8)
    }

    let tokens: [Token]
    public let description: String

    /// Two-digit years below this are 20xx, the others 19xx (as POSIX `strptime %y`).
    public static let twoDigitYearPivot = 69

    /// Compiles `pattern`; nil when it has no year, month or day, or names one twice.
    public init?(_ pattern: String) {
        var tokens: [Token] = []
        let bytes = Array(pattern.utf8)
        var index = 0
        func has(_ text: String) -> Bool {
            let needle = Array(text.utf8)
            return index + needle.count <= bytes.count && Array(bytes[index..<index + needle.count]) == needle
        }
        while index < bytes.count {
            if has("YYYY") {
                tokens.append(.year4)
                index += 4
            } else if has("YY") {
                tokens.append(.year2)
                index += 2
            } else if has("Mon") {
                tokens.append(.monthName)
                index += 3
            } else if has("MM") {
                // MM right after an hour and a colon is minutes.
                let afterHour = tokens.count >= 2 && tokens[tokens.count - 2] == .hour
                tokens.append(afterHour ? .minute : .month2)
                index += 2
            } else if has("M") {
                tokens.append(.month1or2)
                index += 1
            } else if has("DD") {
                tokens.append(.day2)
                index += 2
            } else if has("D") {
                tokens.append(.day1or2)
                index += 1
            } else if has("HH") {
                tokens.append(.hour)
                index += 2
            } else if has("SS") {
                tokens.append(.second)
                index += 2
            } else {
                tokens.append(.literal(bytes[index]))
                index += 1
            }
        }
        func count(_ kinds: [Token]) -> Int { tokens.filter { kinds.contains($0) }.count }
        guard count([.year4, .year2]) == 1, count([.month2, .month1or2, .monthName]) == 1,
            count([.day2, .day1or2]) == 1, count([.hour]) <= 1, count([.minute]) <= 1, count([.second]) <= 1
        else { return nil }
        self.tokens = tokens
        self.description = pattern
    }

    /// ISO `YYYY-MM-DD`, the canonical layout's format.
    public static let iso = DatePattern("YYYY-MM-DD")!

    /// The day `text` names, or nil when it does not match exactly or is not a real day.
    public func parse(_ text: String) -> Day? {
        var copy = Array(text.utf8)
        return copy.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    /// The day the bytes name, or nil when they do not match exactly or are not a real day.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        var at = 0
        var year = -1
        var month = -1
        var day = -1
        @inline(__always) func digits(min: Int, max: Int) -> Int? {
            var value = 0
            var taken = 0
            while taken < max, at < bytes.count {
                let d = Int(bytes[at]) &- 48
                guard d >= 0, d <= 9 else { break }
                value = value * 10 + d
                at += 1
                taken += 1
            }
            return taken >= min ? value : nil
        }
        for token in tokens {
            switch token {
            case .year4:
                guard let v = digits(min: 4, max: 4) else { return nil }
                year = v
            case .year2:
                guard let v = digits(min: 2, max: 2) else { return nil }
                year = v < DatePattern.twoDigitYearPivot ? 2000 + v : 1900 + v
            case .month2:
                guard let v = digits(min: 2, max: 2) else { return nil }
                month = v
            case .month1or2:
                guard let v = digits(min: 1, max: 2) else { return nil }
                month = v
            case .day2:
                guard let v = digits(min: 2, max: 2) else { return nil }
                day = v
            case .day1or2:
                guard let v = digits(min: 1, max: 2) else { return nil }
                day = v
            case .monthName:
                guard at + 3 <= bytes.count, let v = DatePattern.monthNumber(bytes[at], bytes[at + 1], bytes[at + 2])
                else { return nil }
                month = v
                at += 3
            case .hour:
                guard let v = digits(min: 2, max: 2), v <= 23 else { return nil }
            case .minute, .second:
                guard let v = digits(min: 2, max: 2), v <= 59 else { return nil }
            case .literal(let byte):
                guard at < bytes.count, bytes[at] == byte else { return nil }
                at += 1
            }
        }
        guard at == bytes.count, year >= 1, month >= 1, month <= 12, day >= 1,
            day <= CivilCalendar.daysInMonth(year: year, month: month)
        else { return nil }
        return CivilCalendar.day(year: year, month: month, day: day)
    }

    /// 1 ... 12 for an English month abbreviation in any case.
    static func monthNumber(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        // Lower-case ASCII letters; anything else cannot match a name.
        let key = (UInt32(a | 0x20) << 16) | (UInt32(b | 0x20) << 8) | UInt32(c | 0x20)
        switch key {
        case 0x6A_616E: return 1  // jan
        case 0x66_6562: return 2  // feb
        case 0x6D_6172: return 3  // mar
        case 0x61_7072: return 4  // apr
        case 0x6D_6179: return 5  // may
        case 0x6A_756E: return 6  // jun
        case 0x6A_756C: return 7  // jul
        case 0x61_7567: return 8  // aug
        case 0x73_6570: return 9  // sep
        case 0x6F_6374: return 10  // oct
        case 0x6E_6F76: return 11  // nov
        case 0x64_6563: return 12  // dec
        default: return nil
        }
    }
}
