import ARGenerate
import Testing

@testable import ARCore

/// SPEC 1 and 7: amounts are `[+-]?digits[.digits]`, held as Int64 minor units,
/// with decimals counted as written.
@Suite("MinorUnits parse and format")
struct MinorUnitsTests {
    @Test(
        "well-formed amounts become minor units",
        arguments: [
            ("12.34", 2, Int64(1_234)), ("12", 2, 1_200), ("12.3", 2, 1_230), ("-5.00", 2, -500), ("+5", 2, 500),
            ("007.50", 2, 750), ("0.00", 2, 0), ("-0", 2, 0), ("5", 0, 5), ("1.234", 3, 1_234), ("0.001", 3, 1),
            ("100.10", 2, 10_010), ("0000000000000000000000001", 0, 1),
            ("9223372036854775807", 0, Int64.max), ("92233720368547758.07", 2, Int64.max),
            ("-92233720368547758.07", 2, -Int64.max), ("92233720368547758", 2, 9_223_372_036_854_775_800),
        ])
    func parses(_ text: String, _ digits: Int, _ minor: Int64) {
        #expect(MinorUnits.parse(text, minorDigits: digits) == .value(minor))
    }

    @Test(
        "more decimals than the currency has, counted as written",
        arguments: [("100.000", 2), ("0.001", 2), ("5.5", 0), ("5.0", 0), ("1.2345", 3), ("-1.999", 2), ("0.000", 2)])
    func tooManyDecimals(_ text: String, _ digits: Int) {
        #expect(MinorUnits.parse(text, minorDigits: digits) == .tooManyDecimals)
    }

    @Test(
        "anything else is malformed, including values too large for Int64 minor units",
        arguments: [
            "", "-", "+", ".", ".5", "5.", "-.5", "12,50", "1e5", "$100", "1 000", " 5", "5 ", "1.2.3", "--5", "+-5",
            "1_000", "0x10", "5-", "1.2a", "1.234x", "abc", "∞", "NaN",
            "9223372036854775808", "92233720368547758.08", "92233720368547759", "99999999999999999999.12",
        ])
    func malformed(_ text: String) {
        #expect(MinorUnits.parse(text, minorDigits: 2) == .malformed)
    }

    /// `parse` takes a short path for plain amounts of up to 18 bytes; the general path must
    /// agree with it on everything, the boundary lengths and scalings included.
    @Test("the short path for plain amounts gives what the general parse gives")
    func shortPathAgrees() {
        var texts: [String] = [
            "1", "1.", ".1", "1.2.", "01", "1.0", "999999999999999999", "99999999999999999.9", "9999999999999999.99",
            "922337203685477.58", "9223372036854775.9", "99999999999999999", "999999999999999999.", "1.5-", "1-5",
            "12:5", "12/5", "0.", "0.0000", "5.00000000000000000",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("0123456789.-+ ,x/:".utf8)
        for _ in 0..<20_000 {
            let length = next(22)
            texts.append(
                String(
                    decoding: (0..<length).map { _ in alphabet[next(12) == 0 ? next(alphabet.count) : next(10)] },
                    as: UTF8.self))
            let whole = String(repeating: "9", count: next(19) + 1)
            texts.append(whole + "." + String(repeating: "9", count: next(5)))
        }
        for text in texts {
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                let view = UnsafeBufferPointer(buffer)
                for digits in 0...4 {
                    #expect(
                        MinorUnits.parse(view, minorDigits: digits)
                            == MinorUnits.parseGeneral(view, minorDigits: digits),
                        "\(text) with \(digits) digits")
                }
            }
        }
    }

    @Test(
        "format writes exactly the currency's decimals",
        arguments: [
            (Int64(1_234), 2, "12.34"), (5, 2, "0.05"), (-5, 2, "-0.05"), (0, 2, "0.00"), (1_234, 0, "1234"),
            (-1_234, 3, "-1.234"), (1, 3, "0.001"), (-100, 2, "-1.00"), (Int64.max, 2, "92233720368547758.07"),
            (Int64.min, 2, "-92233720368547758.08"), (Int64.min, 0, "-9223372036854775808"), (0, 0, "0"),
            (7, 4, "0.0007"), (-123_456_789, 4, "-12345.6789"),
        ])
    func formats(_ minor: Int64, _ digits: Int, _ text: String) {
        #expect(MinorUnits.format(minor, minorDigits: digits) == text)
    }

    /// The text a reader expects, built the slow way: the magnitude's decimal digits, padded with
    /// zeros to one more than the decimals, the point put in, the sign in front.
    static func referenceText(_ minor: Int64, _ digits: Int) -> String {
        var text = String(minor.magnitude)
        if text.count <= digits { text = String(repeating: "0", count: digits + 1 - text.count) + text }
        if digits > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -digits)) }
        return (minor < 0 ? "-" : "") + text
    }

    @Test("format agrees with the slow reference for every length of number and 0 to 18 decimals")
    func formatsLikeReference() {
        var generator = SplitMix64(seed: 42)
        var samples: [Int64] = [0, 1, -1, 9, 10, 11, 99, 100, Int64.max, Int64.min, Int64.min + 1]
        var power: Int64 = 1
        for _ in 0...18 {
            samples += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
            power = power.multipliedReportingOverflow(by: 10).overflow ? power : power * 10
        }
        for _ in 0..<2_000 {
            let bits = Int64.random(in: 1...62, using: &generator)
            samples.append(Int64.random(in: -(1 << bits)...(1 << bits), using: &generator))
        }
        // `write` straight into a room of `maxFormattedBytes`: the count it returns is the text's,
        // and no byte after the text is touched.
        let room = UnsafeMutablePointer<UInt8>.allocate(capacity: MinorUnits.maxFormattedBytes)
        defer { room.deallocate() }
        for minor in samples {
            for digits in 0...18 {
                let reference = Self.referenceText(minor, digits)
                #expect(MinorUnits.format(minor, minorDigits: digits) == reference, "\(minor), \(digits)")
                room.initialize(repeating: 0xFF, count: MinorUnits.maxFormattedBytes)
                let count = MinorUnits.write(minor, minorDigits: digits, into: room)
                #expect(count == reference.utf8.count, "\(minor), \(digits)")
                let untouched = UnsafeBufferPointer(start: room + count, count: MinorUnits.maxFormattedBytes - count)
                #expect(untouched.allSatisfy { $0 == 0xFF }, "\(minor), \(digits)")
            }
        }
    }

    @Test("append adds after what the buffer already holds")
    func appendsAfterExisting() {
        var buffer = Array("x,".utf8)
        MinorUnits.append(-1_234, minorDigits: 2, to: &buffer)
        buffer.append(UInt8(ascii: ","))
        MinorUnits.append(0, minorDigits: 0, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "x,-12.34,0")
    }

    @Test("format then parse gives the same minor units back", arguments: [0, 2, 3])
    func roundTrip(_ digits: Int) {
        var value: Int64 = 1
        var samples: [Int64] = [0, 1, -1, 9, 10, 99, 100, 101, Int64.max, -Int64.max]
        while value < Int64.max / 7 {
            samples += [value, -value, value + 1, -(value - 1)]
            value *= 7
        }
        for minor in samples {
            #expect(
                MinorUnits.parse(MinorUnits.format(minor, minorDigits: digits), minorDigits: digits) == .value(minor))
        }
    }
}
