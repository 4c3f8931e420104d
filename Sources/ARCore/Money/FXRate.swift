/// An exchange rate held exactly as a decimal: `mantissa / 10^scale` units of
/// the reporting currency for one unit of a currency.
public struct FXRate: Hashable, Sendable, CustomStringConvertible {
    public var mantissa: Int64
    public var scale: Int

    public static let one = FXRate(mantissa: 1, scale: 0)

    /// Largest accepted mantissa and decimals, so conversions stay inside 128 bits.
    public static let maxMantissa: Int64 = 1_000_000_000_000_000
    public static let maxScale = 10

    public init(mantissa: Int64, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
    }

    /// Parses a positive decimal rate (`1.0843`); nil when malformed, not positive or too precise.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> FXRate? {
        var mantissa: Int64 = 0
        var scale = 0
        var seenDot = false
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: "."), !seenDot {
                seenDot = true
                continue
            }
            let d = Int64(byte) &- 48
            guard d >= 0, d <= 9 else { return nil }
            mantissa = mantissa * 10 + d
            digits += 1
            if seenDot { scale += 1 }
            if mantissa > maxMantissa || scale > maxScale { return nil }
        }
        guard digits > 0, mantissa > 0, !(seenDot && scale == 0), bytes.first != UInt8(ascii: ".") else {
            return nil
        }
        return FXRate(mantissa: mantissa, scale: scale)
    }

    public static func parse(_ text: String) -> FXRate? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    public var description: String {
        MinorUnits.format(mantissa, minorDigits: scale)
    }

    /// The rate as a Double, for display only.
    public var approximateValue: Double { Double(mantissa) / Double(Decimal10.power(scale)) }
}

/// Converts minor units of one currency into minor units of another exactly:
/// `round_half_away(minor * factor)` with the factor kept as a fraction.
/// See docs/METRICS.md, "Money and FX".
public struct MinorUnitConverter: Sendable, Hashable {
    public let numerator: Int128
    public let denominator: Int128
    /// Same currency: conversion is the identity.
    public let isIdentity: Bool

    public static let identity = MinorUnitConverter(numerator: 1, denominator: 1)

    init(numerator: Int128, denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
        isIdentity = numerator == denominator
    }

    /// From `currency` at `rate` into the reporting currency (whose rate is 1).
    public init(from currency: Currency, rate: FXRate, to reporting: Currency) {
        self.init(from: currency, rate: rate, to: reporting, rate: .one)
    }

    /// From `source` at `sourceRate` into `target` at `targetRate` (both against the reporting currency):
    /// minor_t = minor_s * rate_s / rate_t * 10^(digits_t - digits_s).
    public init(from source: Currency, rate sourceRate: FXRate, to target: Currency, rate targetRate: FXRate) {
        var numerator = Int128(sourceRate.mantissa) * Int128(Decimal10.power(targetRate.scale))
        var denominator = Int128(targetRate.mantissa) * Int128(Decimal10.power(sourceRate.scale))
        let digitShift = target.minorDigits - source.minorDigits
        if digitShift >= 0 {
            numerator *= Int128(Decimal10.power(digitShift))
        } else {
            denominator *= Int128(Decimal10.power(-digitShift))
        }
        self.init(numerator: numerator, denominator: denominator)
    }

    /// The converted amount, or nil when 128-bit arithmetic would overflow.
    @inlinable
    public func convert(_ minor: Int64) -> Int64? {
        if isIdentity { return minor }
        let (product, overflow) = Int128(minor).multipliedReportingOverflow(by: numerator)
        if overflow { return nil }
        let result = Decimal10.divideRoundingHalfAway(product, by: denominator)
        return Int64(exactly: result)
    }
}
