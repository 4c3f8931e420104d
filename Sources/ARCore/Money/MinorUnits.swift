/// The outcome of reading a decimal amount such as `1234.50` into minor units.
public enum AmountParse: Equatable, Sendable {
    case value(Int64)
    /// Not `[+-]?digits[.digits]`, or too large for Int64 minor units.
    case malformed
    /// More decimals written than the currency has minor digits (`100.000` in USD).
    case tooManyDecimals
}

/// Reads decimal text straight into integer minor units, without Double.
public enum MinorUnits {
    /// Parses `[+-]?digits[.digits]` with at most `minorDigits` decimals written.
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, minorDigits: Int) -> AmountParse {
        if let value = parseCommon(bytes, minorDigits: minorDigits) { return .value(value) }
        return parseGeneral(bytes, minorDigits: minorDigits)
    }

    /// Every case of `parse`, each digit checked for overflow.
    @inlinable
    static func parseGeneral(_ bytes: UnsafeBufferPointer<UInt8>, minorDigits: Int) -> AmountParse {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var value: Int64 = 0
        var integerDigits = 0
        while i < n {
            let d = Int64(bytes[i]) &- 48
            guard d >= 0, d <= 9 else { break }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return .malformed }
            value = s
            integerDigits += 1
            i += 1
        }
        guard integerDigits > 0 else { return .malformed }
        var decimals = 0
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n {
                let d = Int64(bytes[i]) &- 48
                guard d >= 0, d <= 9 else { return .malformed }
                decimals += 1
                if decimals <= minorDigits {
                    let (m, o1) = value.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 { return .malformed }
                    value = s
                }
                i += 1
            }
            guard decimals > 0 else { return .malformed }
        }
        guard i == n else { return .malformed }
        if decimals > minorDigits { return .tooManyDecimals }
        let (scaled, overflow) = value.multipliedReportingOverflow(by: Decimal10.power(minorDigits - decimals))
        if overflow { return .malformed }
        return .value(negative ? -scaled : scaled)
    }

    /// The common case on its own: unsigned `digits[.digits]`, at most 18 bytes (so no overflow
    /// before scaling) and no more decimals than the currency has. Anything else is nil, for the
    /// general parse to read or reject. Two digit loops without overflow checks, instead of two
    /// checked operations per digit.
    @inlinable @inline(__always)
    static func parseCommon(_ bytes: UnsafeBufferPointer<UInt8>, minorDigits: Int) -> Int64? {
        let n = bytes.count
        guard n > 0, n <= 18, minorDigits <= 18 else { return nil }
        var value: Int64 = 0
        var i = 0
        while i < n {
            let digit = bytes[i] &- 48
            guard digit <= 9 else { break }
            value = value &* 10 &+ Int64(digit)
            i += 1
        }
        guard i > 0 else { return nil }
        var decimals = 0
        if i < n {
            guard bytes[i] == UInt8(ascii: "."), i + 1 < n else { return nil }
            i += 1
            while i < n {
                let digit = bytes[i] &- 48
                guard digit <= 9 else { return nil }
                value = value &* 10 &+ Int64(digit)
                i += 1
                decimals += 1
            }
            guard decimals <= minorDigits else { return nil }
        }
        let (scaled, overflow) = value.multipliedReportingOverflow(by: Decimal10.power(minorDigits - decimals))
        return overflow ? nil : scaled
    }

    /// Parses amount text; convenience for tests and configuration.
    public static func parse(_ text: String, minorDigits: Int) -> AmountParse {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0), minorDigits: minorDigits) }
    }

    /// Formats minor units with exactly `minorDigits` decimals: `-1234.50`.
    public static func format(_ minor: Int64, minorDigits: Int) -> String {
        var buffer: [UInt8] = []
        append(minor, minorDigits: minorDigits, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends minor units formatted with exactly `minorDigits` decimals, without allocating.
    /// The text is built right to left in a scratch buffer and appended at once: one append per
    /// amount, not one per character (CSV writing formats millions of amounts).
    @inlinable
    public static func append(_ minor: Int64, minorDigits: Int, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxFormattedBytes) { scratch in
            let count = write(minor, minorDigits: minorDigits, into: scratch.baseAddress!)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<count]))
        }
    }

    /// Room `write` needs: it writes at most 21 bytes (a sign, 19 digits and a point, or with 18
    /// minor digits a sign, "0." and 18 digits).
    /// Computed, not stored: inlined into other modules, a stored one is read through an accessor.
    @inlinable public static var maxFormattedBytes: Int { 21 }

    /// Writes minor units formatted with exactly `minorDigits` decimals at `target`, which has
    /// room for `maxFormattedBytes`; returns the bytes written.
    ///
    /// The length is worked out first, so each digit goes straight to its place, two digits per
    /// division: CSV tables write millions of amounts.
    @inlinable
    public static func write(_ minor: Int64, minorDigits: Int, into target: UnsafeMutablePointer<UInt8>) -> Int {
        precondition(minorDigits >= 0 && minorDigits <= 18, "minor digits out of range")
        let magnitude = minor.magnitude
        // The magnitude's digits (at most 19), and at least one before the point: 5 with two decimals is 0.05.
        var digits = 1
        var bound: UInt64 = 10
        while digits < 19, magnitude >= bound {
            digits += 1
            bound &*= 10
        }
        digits = max(digits, minorDigits + 1)
        let sign = minor < 0 ? 1 : 0
        let count = sign + digits + (minorDigits > 0 ? 1 : 0)
        var rest = magnitude
        var position = count
        @inline(__always) func pair() {
            let two = rest % 100
            rest /= 100
            position -= 2
            target[position] = UInt8(truncatingIfNeeded: two / 10) &+ 48
            target[position + 1] = UInt8(truncatingIfNeeded: two % 10) &+ 48
        }
        @inline(__always) func single() {
            position -= 1
            target[position] = UInt8(truncatingIfNeeded: rest % 10) &+ 48
            rest /= 10
        }
        if minorDigits > 0 {
            for _ in 0..<(minorDigits / 2) { pair() }
            if minorDigits % 2 == 1 { single() }
            position -= 1
            target[position] = UInt8(ascii: ".")
        }
        while position - sign >= 2 { pair() }
        if position > sign { single() }
        if sign == 1 { target[0] = UInt8(ascii: "-") }
        return count
    }
}
