import ARCore
import Testing

/// SPEC 7: reporting = round half away from zero (minor x rate x 10^(digit difference)),
/// exact decimal arithmetic.
@Suite("FX rates and exact conversion")
struct FXConversionTests {
    let usd = Currency(code: "USD"), eur = Currency(code: "EUR"), jpy = Currency(code: "JPY"),
        kwd = Currency(code: "KWD")

    func rate(_ text: String) throws -> FXRate { try #require(FXRate.parse(text)) }

    @Test("minor digits follow ISO 4217; codes are upper-cased")
    func minorDigits() {
        #expect(Currency(code: "USD").minorDigits == 2)
        #expect(Currency(code: "jpy").minorDigits == 0)
        #expect(Currency(code: "jpy").code == "JPY")
        #expect(Currency(code: "KWD").minorDigits == 3)
        #expect(Currency(code: "BHD").minorDigits == 3)
        #expect(Currency(code: "EUR").minorDigits == 2)
        #expect(Currency(code: "KRW").minorDigits == 0)
    }

    @Test("rates parse as exact decimals")
    func parseRates() {
        #expect(FXRate.parse("1.0843") == FXRate(mantissa: 10_843, scale: 4))
        #expect(FXRate.parse("150") == FXRate(mantissa: 150, scale: 0))
        #expect(FXRate.parse("0.0067") == FXRate(mantissa: 67, scale: 4))
        for bad in ["0", "0.000", "-1.1", "+1.1", ".5", "5.", "1e3", "1,1", "", "abc", "1.2.3"] {
            #expect(FXRate.parse(bad) == nil, "\(bad)")
        }
    }

    @Test(
        "EUR to USD at 1.5: halves round away from zero on both sides",
        // 1 x 1.5 = 1.5 -> 2; 5 x 1.5 = 7.5 -> 8; 2 x 1.5 = 3 exactly.
        arguments: [(Int64(1), Int64(2)), (-1, -2), (5, 8), (-5, -8), (2, 3), (-2, -3), (0, 0), (1_000, 1_500)])
    func halfAwayAtOnePointFive(_ eurCents: Int64, _ usdCents: Int64) throws {
        let converter = MinorUnitConverter(from: eur, rate: try rate("1.5"), to: usd)
        #expect(converter.convert(eurCents) == usdCents)
    }

    @Test(
        "EUR to USD at 1.25: below half rounds toward zero, above half away",
        // 1 x 1.25 = 1.25 -> 1; 2 x 1.25 = 2.5 -> 3; 3 x 1.25 = 3.75 -> 4.
        arguments: [(Int64(1), Int64(1)), (-1, -1), (2, 3), (-2, -3), (3, 4), (-3, -4)])
    func quarterRate(_ eurCents: Int64, _ usdCents: Int64) throws {
        #expect(MinorUnitConverter(from: eur, rate: try rate("1.25"), to: usd).convert(eurCents) == usdCents)
    }

    @Test(
        "JPY (0 digits) to USD (2 digits) at 0.005: one yen is half a cent",
        arguments: [(Int64(1), Int64(1)), (-1, -1), (3, 2), (-3, -2), (2, 1), (200, 100), (-199, -100)])
    func yenToCents(_ yen: Int64, _ cents: Int64) throws {
        #expect(MinorUnitConverter(from: jpy, rate: try rate("0.005"), to: usd).convert(yen) == cents)
    }

    @Test(
        "KWD (3 digits) to USD at 3.25: one fils is 0.325 cents",
        // 154 fils = 50.05 cents -> 50; 2 fils = 0.65 -> 1; 1 fils = 0.325 -> 0.
        arguments: [(Int64(154), Int64(50)), (-154, -50), (2, 1), (-2, -1), (1, 0), (-1, 0), (1_000, 325)])
    func filsToCents(_ fils: Int64, _ cents: Int64) throws {
        #expect(MinorUnitConverter(from: kwd, rate: try rate("3.25"), to: usd).convert(fils) == cents)
    }

    @Test("KWD at 5: half a cent per fils rounds away from zero")
    func filsHalf() throws {
        let converter = MinorUnitConverter(from: kwd, rate: try rate("5"), to: usd)
        #expect(converter.convert(1) == 1)
        #expect(converter.convert(-1) == -1)
        #expect(converter.convert(3) == 2)
        #expect(converter.convert(-3) == -2)
    }

    @Test("between two foreign currencies: rate(source) / rate(target)")
    func crossRate() throws {
        // 10.00 EUR at 1.1 = 11.00 USD; JPY at 0.0067: 11 / 0.0067 = 1641.79 -> 1642 yen.
        let converter = MinorUnitConverter(from: eur, rate: try rate("1.1"), to: jpy, rate: try rate("0.0067"))
        #expect(converter.convert(1_000) == 1_642)
        #expect(converter.convert(-1_000) == -1_642)
        // Back: 1642 yen x 0.0067 / 1.1 = 10.0013 EUR -> 1000 cents.
        #expect(
            MinorUnitConverter(from: jpy, rate: try rate("0.0067"), to: eur, rate: try rate("1.1")).convert(1_642)
                == 1_000)
    }

    @Test("the same currency converts to itself; a result beyond Int64 is nil, not wrapped")
    func identityAndOverflow() throws {
        #expect(MinorUnitConverter(from: usd, rate: .one, to: usd).convert(Int64.max) == Int64.max)
        let double = MinorUnitConverter(from: eur, rate: try rate("2"), to: usd)
        #expect(double.convert(Int64.max / 2) == Int64.max - 1)
        #expect(double.convert(Int64.max) == nil)
        #expect(double.convert(Int64.min) == nil)
        // 10^16 cents at 1.5 = 1.5 x 10^16, exact.
        #expect(
            MinorUnitConverter(from: eur, rate: try rate("1.5"), to: usd).convert(10_000_000_000_000_000)
                == 15_000_000_000_000_000)
    }

    @Test("powers of ten: 10^0 through 10^18, each ten times the one before")
    func powersOfTen() {
        #expect(Decimal10.power(0) == 1)
        #expect(Decimal10.power(2) == 100)
        #expect(Decimal10.power(18) == 1_000_000_000_000_000_000)
        for exponent in 1...18 { #expect(Decimal10.power(exponent) == Decimal10.power(exponent - 1) * 10) }
        // Minor units per major unit, as SPEC's currencies use them.
        #expect(Currency(code: "USD").minorPerMajor == 100)
        #expect(Currency(code: "JPY").minorPerMajor == 1)
        #expect(Currency(code: "KWD").minorPerMajor == 1_000)
    }

    /// The 64-bit path of `divideRoundingHalfAway` against the rule done in 128 bits: halves,
    /// signs, the 64-bit boundaries and random values.
    @Test("rounding half away from zero: 64-bit and 128-bit paths agree")
    func roundingPaths() {
        func reference(_ n: Int128, _ d: Int128) -> Int128 {
            let q = n / d
            let r = n % d
            return r.magnitude * 2 >= d.magnitude ? (n < 0 ? q - 1 : q + 1) : q
        }
        var cases: [(Int128, Int128)] = [
            (5, 10), (-5, 10), (4, 10), (-4, 10), (6, 10), (15, 10), (-15, 10), (0, 7), (1, 1), (-1, 1),
            (Int128(Int64.max), 2), (Int128(Int64.min), 2), (Int128(Int64.min), 3),
            (Int128(Int64.max), Int128(Int64.max)),
            (Int128(Int64.min), Int128(Int64.max)), (Int128(Int64.max) + 1, 2), (Int128(Int64.min) - 1, 2),
            (Int128(Int64.max) * 1_000, 7), (12_345, Int128(Int64.max) + 10),
        ]
        var state: UInt64 = 42
        func random() -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64(bitPattern: state) >> Int64(state % 60)
        }
        for _ in 0..<50_000 { cases.append((Int128(random()), Int128(max(1, random().magnitude >> 1)))) }
        for (n, d) in cases {
            #expect(Decimal10.divideRoundingHalfAway(n, by: d) == reference(n, d), "\(n) / \(d)")
        }
    }
}
