import ARProfiles
import Testing

@Suite struct NumberFormatTests {
    @Test func decimalCommaWithDotThousands() {
        let european = NumberFormat(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: "."))
        #expect(european.canonical("1.234,56") == "1234.56")
        #expect(european.canonical("1.234.567,8") == "1234567.8")
        #expect(european.canonical("1234,56") == "1234.56")  // grouping is optional
        #expect(european.canonical("-12,50") == "-12.50")
        #expect(european.canonical("12.34,5") == nil)  // a later group must have 3 digits
        #expect(european.canonical("1,234.56") == nil)
        #expect(european.canonical("1.234,") == nil)
    }

    @Test func dotDecimalWithCommaThousands() {
        let us = NumberFormat(decimal: UInt8(ascii: "."), thousands: UInt8(ascii: ","))
        #expect(us.canonical("1,234.56") == "1234.56")
        #expect(us.canonical("147,703.18") == "147703.18")
        #expect(us.canonical("1234.56") == "1234.56")
        #expect(us.canonical("+5") == "5")
        #expect(us.canonical("1,23.4") == nil)
        #expect(us.canonical(",123") == nil)
        #expect(us.canonical("1234,") == nil)
        #expect(us.canonical("$100") == nil)
        #expect(us.canonical("1e5") == nil)
    }

    @Test func plainNumbersRefuseGrouping() {
        #expect(NumberFormat.plain.canonical("38.0") == "38.0")
        #expect(NumberFormat.plain.canonical("1,234.56") == nil)
        #expect(NumberFormat.plain.canonical("12,50") == nil)
        #expect(NumberFormat.plain.canonical("") == nil)
        #expect(NumberFormat.plain.canonical("-") == nil)
    }

    @Test func booleansAreCaseInsensitiveWords() {
        let words = BooleanWords.standard
        #expect(words.value("Yes") == true)
        #expect(words.value("NO") == false)
        #expect(words.value("y") == true)
        #expect(words.value("0") == false)
        #expect(words.value("maybe") == nil)
        let custom = BooleanWords(yes: ["Disputed", "X"], no: ["Clear"])
        #expect(custom.value("x") == true)
        #expect(custom.value("clear") == false)
        #expect(custom.value("yes") == nil)
    }
}
