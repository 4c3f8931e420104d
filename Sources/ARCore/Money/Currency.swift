/// An ISO 4217 currency code and the number of minor-unit digits it uses.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The upper-cased code, as read (`USD`, `JPY`); not necessarily a real ISO code.
    public let code: String
    /// Minor-unit digits: 2 for most, 0 for JPY, 3 for KWD.
    public let minorDigits: Int

    public init(code: String) {
        let upper = code.uppercased()
        self.code = upper
        self.minorDigits = Currency.minorDigits(of: upper)
    }

    public var description: String { code }

    /// 10^minorDigits: the number of minor units in one major unit.
    public var minorPerMajor: Int64 { Decimal10.power(minorDigits) }

    /// ISO 4217 minor digits; codes that are not listed as exceptions use 2.
    public static func minorDigits(of code: String) -> Int {
        switch code {
        case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
            "VND", "VUV", "XAF", "XOF", "XPF":
            return 0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
            return 3
        case "CLF", "UYW":
            return 4
        default:
            return 2
        }
    }
}

/// Powers of ten and exact decimal helpers shared by money and FX code.
public enum Decimal10 {
    /// 10^exponent, for exponents 0 ... 18. Multiplied out, not read from a table: a `static let`
    /// table checks its one-time initialization on every read (`swift_once`), which cost 1% of a
    /// 5M-invoice run's CPU time when every amount parsed read it.
    @inlinable
    public static func power(_ exponent: Int) -> Int64 {
        precondition(exponent >= 0 && exponent <= 18, "10^\(exponent) is outside Int64's exact powers")
        var value: Int64 = 1
        for _ in 0..<exponent { value &*= 10 }
        return value
    }

    /// `numerator / denominator` rounded half away from zero; denominator > 0.
    @inlinable
    public static func divideRoundingHalfAway(_ numerator: Int128, by denominator: Int128) -> Int128 {
        // Amounts times rates mostly fit in 64 bits: one hardware division instead of two calls
        // to the 128-bit division routines (a quotient and a remainder), per converted amount.
        if let small = Int64(exactly: numerator), let divisor = Int64(exactly: denominator), divisor > 0 {
            let (quotient, remainder) = small.quotientAndRemainder(dividingBy: divisor)
            // |remainder| >= divisor - |remainder|: the fraction is at least one half (no overflow).
            if remainder.magnitude >= divisor.magnitude - remainder.magnitude {
                return Int128(small < 0 ? quotient - 1 : quotient + 1)
            }
            return Int128(quotient)
        }
        let quotient = numerator / denominator
        let remainder = numerator - quotient * denominator
        // |remainder| * 2 >= denominator means the fraction is at least one half.
        if remainder.magnitude * 2 >= denominator.magnitude {
            return numerator < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }
}
