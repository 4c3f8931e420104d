import Foundation

/// Turns a value into the text of a tick or value label. Charts take one per value axis, so the caller
/// decides the currency and style; the library never guesses a currency.
public struct AxisFormatter: Sendable {
    public let format: @Sendable (Double) -> String

    public init(_ format: @escaping @Sendable (Double) -> String) {
        self.format = format
    }

    public func callAsFunction(_ value: Double) -> String { format(value) }

    /// Where a currency symbol goes.
    public enum SymbolPosition: Sendable {
        case prefix
        case suffix
    }

    /// Compact money for axes: `$0`, `$250k`, `$1.25M`, `€350k`, `−$50k`, `12k kr` (up to three
    /// significant digits, trailing zeros dropped; a true minus sign for negatives).
    public static func compactCurrency(symbol: String = "$", position: SymbolPosition = .prefix) -> AxisFormatter {
        AxisFormatter { value in
            let number = compactNumber(abs(value))
            let body = position == .prefix ? symbol + number : number + (symbol.isEmpty ? "" : " " + symbol)
            return isNegative(value) ? "\u{2212}" + body : body
        }
    }

    /// Compact plain numbers: `950`, `12.5k`, `3M`.
    public static let compact = AxisFormatter { value in
        (isNegative(value) ? "\u{2212}" : "") + compactNumber(abs(value))
    }

    /// Fractions as percentages: 0.853 → `85.3%` (with `maxFractionDigits` 1), 0.25 → `25%`.
    public static func percent(maxFractionDigits: Int = 1) -> AxisFormatter {
        AxisFormatter { value in
            (isNegative(value) ? "\u{2212}" : "") + trimmed(abs(value) * 100, maxFractionDigits) + "%"
        }
    }

    /// Plain numbers with an optional unit suffix: 45.25 → `45.3` (or `45.3 d` with suffix " d").
    public static func number(maxFractionDigits: Int = 1, suffix: String = "") -> AxisFormatter {
        AxisFormatter { value in
            (isNegative(value) ? "\u{2212}" : "") + trimmed(abs(value), maxFractionDigits) + suffix
        }
    }

    /// A value that rounds to zero prints without a sign.
    private static func isNegative(_ value: Double) -> Bool { value < 0 && abs(value) >= 0.005 }

    static func compactNumber(_ magnitude: Double) -> String {
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (index, (size, suffix)) in units.enumerated() where magnitude >= size * 0.9995 {
            let scaled = magnitude / size
            // 999,999 rounds to "1000k": show it as "1M" instead.
            if scaled.rounded() >= 1000, index > 0 { return trimmed(scaled / 1000, 2) + units[index - 1].1 }
            return trimmed(scaled, scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2) + suffix
        }
        return trimmed(magnitude, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2)
    }

    /// `value` with at most `digits` decimals, trailing zeros and a bare point removed.
    static func trimmed(_ value: Double, _ digits: Int) -> String {
        var text = String(format: "%.\(max(0, digits))f", value)
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
