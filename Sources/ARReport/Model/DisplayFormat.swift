import ARCore
import Foundation

/// How values are written for people (the HTML report, the email, the board pack): grouped
/// thousands, currency symbols, compact amounts, long dates. Machine-readable outputs use `Format`.
public enum DisplayFormat {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `$`, `€`, `£`, `¥`, or the code and a space (`CHF `).
    public static func symbol(_ currency: Currency) -> String {
        switch currency.code {
        case "USD": return "$"
        case "EUR": return "€"
        case "GBP": return "£"
        case "JPY": return "¥"
        default: return currency.code + " "
        }
    }

    /// Grouped with the currency's digits, no symbol: `1,234,567.89` (tables carry the code in the header).
    public static func money(_ minor: Int64, _ currency: Currency) -> String {
        Format.moneyGrouped(minor, currency)
    }

    /// Compact with a symbol: `$10.85M`, `$412.3K`, `$950.00`, `-$1.2K`.
    public static func compactMoney(_ minor: Int64, _ currency: Currency) -> String {
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        let perMajor = pow(10, Double(currency.minorDigits))
        let major = Double(magnitude) / perMajor
        let body: String
        if major >= 999_995_000 {
            body = String(format: "%.2fB", major / 1e9)
        } else if major >= 999_995 {
            body = String(format: "%.2fM", major / 1e6)
        } else if major >= 9_999.5 {
            body = String(format: "%.1fK", major / 1e3)
        } else {
            body = money(Int64(magnitude), currency)
        }
        return sign + symbol(currency) + body
    }

    /// One decimal: `67.6`; empty for nil.
    public static func oneDecimal(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }

    /// A percentage with one decimal: `42.1%`; empty for nil.
    public static func percent(_ value: Double?) -> String {
        let text = oneDecimal(value)
        return text.isEmpty ? "" : text + "%"
    }

    /// `part / whole` as a percentage; `0.0%` when the whole is 0.
    public static func share(_ part: Int64, of whole: Int64) -> String {
        percent(whole == 0 ? 0 : Double(part) / Double(whole) * 100)
    }

    /// A CSS width 0 to 100 with one decimal.
    public static func barWidth(_ part: Int64, of whole: Int64) -> String {
        guard whole > 0 else { return "0" }
        return oneDecimal(min(100, max(0, Double(part) / Double(whole) * 100)))
    }

    /// A machine-written decimal (`10851858.15`) with thousands separators (`10,851,858.15`).
    public static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integer = parts.first, !integer.isEmpty, integer.allSatisfy(\.isASCII), integer.allSatisfy(\.isNumber),
            let whole = Int(integer)
        else { return text }
        return (negative ? "-" : "") + count(whole) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A whole number grouped: `50,000`.
    public static func count(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return (value < 0 ? "-" : "") + digits + grouped
    }

    /// `31 December 2025`.
    public static func longDate(_ day: Day) -> String {
        let date = CivilCalendar.civil(day)
        return "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    /// `31 Dec`.
    public static func shortDate(_ day: Day) -> String {
        let date = CivilCalendar.civil(day)
        return "\(date.day) \(monthNames[date.month - 1].prefix(3))"
    }

    /// `Dec 2025`.
    public static func month(_ day: Day) -> String {
        let date = CivilCalendar.civil(day)
        return "\(monthNames[date.month - 1].prefix(3)) \(date.year)"
    }

    /// `final_notice` → `Final notice`.
    public static func words(_ code: String) -> String {
        let text = code.replacingOccurrences(of: "_", with: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
