import ARCore

/// The currencies of a data set: codes as bytes, minor digits and realistic value levels.
struct CurrencyBook {
    struct Entry {
        let currency: Currency
        let codeBytes: [UInt8]
        /// Approximate value of one unit in US dollars, the anchor of amounts and rates.
        let usdPerUnit: Double
        var minorDigits: Int { currency.minorDigits }
        var minorPerMajor: Int64 { currency.minorPerMajor }
    }

    /// Index 0 is the reporting currency.
    let entries: [Entry]

    init(codes: [String]) {
        entries = codes.map { code in
            let currency = Currency(code: code)
            return Entry(
                currency: currency, codeBytes: Array(currency.code.utf8),
                usdPerUnit: Self.usdPerUnit[currency.code] ?? 1.0)
        }
    }

    var count: Int { entries.count }
    subscript(index: Int) -> Entry { entries[index] }

    /// Rough 2024-2025 levels; unknown codes trade near 1 USD.
    static let usdPerUnit: [String: Double] = [
        "USD": 1.0, "EUR": 1.08, "GBP": 1.27, "JPY": 0.0067, "CAD": 0.74, "CHF": 1.12, "AUD": 0.66,
        "NZD": 0.61, "SEK": 0.095, "NOK": 0.094, "DKK": 0.145, "CNY": 0.14, "HKD": 0.128, "SGD": 0.74,
        "INR": 0.012, "BRL": 0.19, "MXN": 0.055, "KRW": 0.00074, "ZAR": 0.054, "KWD": 3.25, "BHD": 2.65,
    ]

    /// Value of one unit of `index` in reporting-currency units, at the level the walk wanders around.
    func referenceRate(_ index: Int) -> Double {
        entries[index].usdPerUnit / entries[0].usdPerUnit
    }

    /// Converts a US-dollar value into minor units of currency `index`, rounded, at least one major unit.
    func minorUnits(usd: Double, in index: Int, wholeUnits: Bool) -> Int64 {
        let entry = entries[index]
        let major = usd / entry.usdPerUnit
        let minor: Double =
            wholeUnits ? major.rounded() * Double(entry.minorPerMajor) : (major * Double(entry.minorPerMajor)).rounded()
        return max(entry.minorPerMajor, Int64(minor))
    }

    /// A "nice" limit: the US-dollar value in currency `index`, kept to two significant digits.
    func roundedLimit(usd: Double, in index: Int) -> Int64 {
        let entry = entries[index]
        var major = usd / entry.usdPerUnit
        var scale = 1.0
        while major >= 100 {
            major /= 10
            scale *= 10
        }
        return Int64(major.rounded() * scale) * entry.minorPerMajor
    }
}
