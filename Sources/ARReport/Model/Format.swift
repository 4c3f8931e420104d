import ARCore
import Foundation

/// How values are written in machine-readable outputs (SPEC section 6).
public enum Format {
    /// Two decimals, or empty for a value that cannot be computed.
    public static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if let hundredths = hundredths(value) { return MinorUnits.format(hundredths, minorDigits: 2) }
        return exactRatio(value)
    }

    /// Fast path: hundredths as an integer. It agrees with `%.2f` except where the scaled
    /// value sits on a tie, where `%.2f` (exact binary value, ties to even) decides: nil then.
    /// Risk scores alone write over a million ratios at 200,000 customers.
    @inline(__always)
    static func hundredths(_ value: Double) -> Int64? {
        let scaled = value * 100
        guard scaled.magnitude < 1e15 else { return nil }
        let fraction = (scaled - scaled.rounded(.towardZero)).magnitude
        guard (fraction - 0.5).magnitude > 1e-6 else { return nil }
        return Int64(scaled.rounded(.toNearestOrAwayFromZero))
    }

    /// `%.2f` of a finite value, without a negative zero.
    static func exactRatio(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text == "-0.00" ? "0.00" : text
    }

    public static func money(_ minor: Int64, _ currency: Currency) -> String {
        MinorUnits.format(minor, minorDigits: currency.minorDigits)
    }

    public static func date(_ day: Day) -> String { CivilCalendar.format(day) }

    /// Money for people: thousands separators, e.g. `1,234,567.89`.
    public static func moneyGrouped(_ minor: Int64, _ currency: Currency) -> String {
        let plain = money(minor, currency)
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}
