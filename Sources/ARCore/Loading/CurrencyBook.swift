/// The currencies a run may use: the reporting currency and every currency
/// with an fx rate dated on or before the as-of date.
public struct CurrencyBook: Sendable {
    public private(set) var currencies: [Currency]
    public private(set) var rates: [FXRate]
    /// Each code's upper-case bytes packed into an integer: a row's code is matched with
    /// one comparison per currency, no arrays touched per row.
    private var packedCodes: [UInt64]
    /// Each currency's minor digits, beside its packed code (read per row without the `Currency`).
    private var packedDigits: [Int]

    /// - Parameter latestRates: the latest rate on or before the as-of date, by upper-case code.
    public init(reporting: Currency, latestRates: [String: FXRate]) {
        currencies = [reporting]
        rates = [.one]
        for code in latestRates.keys.sorted() where code != reporting.code {
            currencies.append(Currency(code: code))
            rates.append(latestRates[code]!)
        }
        packedCodes = currencies.map { currency in
            var bytes = Array(currency.code.utf8)
            return bytes.withUnsafeMutableBufferPointer { CurrencyBook.pack(UnsafeBufferPointer($0)) ?? 0 }
        }
        packedDigits = currencies.map(\.minorDigits)
    }

    /// The index of an upper- or lower-case code; nil when the currency has no rate.
    public func index(ofCode bytes: UnsafeBufferPointer<UInt8>) -> Int16? {
        rated(bytes)?.index
    }

    /// The index and minor digits of an upper- or lower-case code; nil when the currency has no
    /// rate. Every row of the big files asks: indexed without a closure, which cost a retain and
    /// release of both arrays per row when inlined into a loader.
    func rated(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int16, digits: Int)? {
        guard let packed = CurrencyBook.pack(bytes) else { return nil }
        guard packedCodes.count <= 8 else {
            for index in packedCodes.indices where packedCodes[index] == packed {
                return (Int16(index), packedDigits[index])
            }
            return nil
        }
        // A handful of currencies, met in no order row after row: every code is compared,
        // without a branch on which one matched (the early exit mispredicted about every
        // other row). From the last to the first, so the first match wins, as with the early exit.
        var found = -1
        for index in packedCodes.indices.reversed() { found = packedCodes[index] == packed ? index : found }
        return found < 0 ? nil : (Int16(found), packedDigits[found])
    }

    /// The minor digits of the currency at `index`.
    @inline(__always)
    func minorDigits(at index: Int16) -> Int { packedDigits[Int(index)] }

    /// Up to 7 upper-cased bytes and the length in one integer; nil when longer or empty.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard let base = bytes.baseAddress, bytes.count <= 7, bytes.count > 0 else { return nil }
        // Three-letter codes, nearly all of them, without a loop.
        if bytes.count == 3 {
            return 3 << 24 | UInt64(upper(base[0])) << 16 | UInt64(upper(base[1])) << 8 | UInt64(upper(base[2]))
        }
        var packed = UInt64(bytes.count)
        for byte in bytes { packed = packed << 8 | UInt64(upper(byte)) }
        return packed
    }

    public func index(ofCode code: String) -> Int16? {
        var bytes = Array(code.utf8)
        return bytes.withUnsafeMutableBufferPointer { index(ofCode: UnsafeBufferPointer($0)) }
    }

    /// Minor digits of a written code, known to the book or not (ISO 4217 table).
    public func minorDigits(ofCode bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let rated = rated(bytes) { return rated.digits }
        return Currency.minorDigits(of: String(decoding: bytes.map(CurrencyBook.upper), as: UTF8.self))
    }

    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 {
        byte >= 97 && byte <= 122 ? byte - 32 : byte
    }
}
