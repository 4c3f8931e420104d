/// The currencies a run may use: the reporting currency and every currency
/// with an fx rate dated on or before the as-of date.
public struct CurrencyBook: Sendable {
    public private(set) var currencies: [Currency]
    public private(set) var rates: [FXRate]
    private var codes: [[UInt8]]

    /// - Parameter latestRates: the latest rate on or before the as-of date, by upper-case code.
    public init(reporting: Currency, latestRates: [String: FXRate]) {
        currencies = [reporting]
        rates = [.one]
        for code in latestRates.keys.sorted() where code != reporting.code {
            currencies.append(Currency(code: code))
            rates.append(latestRates[code]!)
        }
        codes = currencies.map { Array($0.code.utf8) }
    }

    /// The index of an upper- or lower-case code; nil when the currency has no rate.
    public func index(ofCode bytes: UnsafeBufferPointer<UInt8>) -> Int16? {
        outer: for (index, code) in codes.enumerated() where code.count == bytes.count {
            for position in 0..<code.count where code[position] != CurrencyBook.upper(bytes[position]) {
                continue outer
            }
            return Int16(index)
        }
        return nil
    }

    public func index(ofCode code: String) -> Int16? {
        var bytes = Array(code.utf8)
        return bytes.withUnsafeMutableBufferPointer { index(ofCode: UnsafeBufferPointer($0)) }
    }

    /// Minor digits of a written code, known to the book or not (ISO 4217 table).
    public func minorDigits(ofCode bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let index = index(ofCode: bytes) { return currencies[Int(index)].minorDigits }
        return Currency.minorDigits(of: String(decoding: bytes.map(CurrencyBook.upper), as: UTF8.self))
    }

    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 {
        byte >= 97 && byte <= 122 ? byte - 32 : byte
    }
}
