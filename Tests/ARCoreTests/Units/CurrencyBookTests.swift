import Testing

@testable import ARCore

/// A row's currency code is found in the book in any case; codes the book has no rate for,
/// empty ones and ones longer than seven bytes are not found.
@Suite("CurrencyBook: codes to indices")
struct CurrencyBookTests {
    static let book = CurrencyBook(
        reporting: Currency(code: "USD"),
        latestRates: [
            "EUR": FXRate(mantissa: 10843, scale: 4), "JPY": FXRate(mantissa: 67, scale: 4),
            "BTCX": FXRate(mantissa: 1, scale: 0), "ABCDEFG": FXRate(mantissa: 2, scale: 0),
        ])

    func index(_ code: String) -> Int16? {
        let bytes = Array(code.utf8)
        return bytes.withUnsafeBufferPointer { Self.book.index(ofCode: $0) }
    }

    @Test("the reporting currency first, then the others in code order, in any case")
    func found() {
        #expect(Self.book.currencies.map(\.code) == ["USD", "ABCDEFG", "BTCX", "EUR", "JPY"])
        #expect(index("USD") == 0)
        #expect(index("usd") == 0)
        #expect(index("Eur") == 3)
        #expect(index("jpY") == 4)
        #expect(index("btcx") == 2)
        #expect(index("abcdefg") == 1)
        #expect(index("JPY") == Self.book.index(ofCode: "jpy"))
    }

    @Test("unknown, empty, too long, or a prefix of a known code: not found")
    func notFound() {
        for code in ["GBP", "", "US", "USDX", "EU", "ABCDEFGH", "BTC", "U$D", "US ", " USD"] {
            #expect(index(code) == nil, "\(code.debugDescription)")
        }
    }

    @Test("a book of more than eight currencies (matched another way than a handful) finds each and no other")
    func manyCurrencies() {
        let codes = ["AUD", "CAD", "CHF", "DKK", "EUR", "GBP", "JPY", "NOK", "SEK", "ABCDEFG"]
        var rates: [String: FXRate] = [:]
        for code in codes { rates[code] = FXRate(mantissa: 1, scale: 0) }
        let book = CurrencyBook(reporting: Currency(code: "USD"), latestRates: rates)
        #expect(book.currencies.count == 11)
        for (position, currency) in book.currencies.enumerated() {
            for code in [currency.code, currency.code.lowercased()] {
                #expect(book.index(ofCode: code) == Int16(position), "\(code)")
            }
        }
        for code in ["", "ZAR", "US", "USDX", "ABCDEFGH", "EU"] {
            #expect(book.index(ofCode: code) == nil, "\(code.debugDescription)")
        }
    }
}
