/// How an export writes numbers: its decimal separator and an optional thousands
/// separator (docs/PROFILES.md, "Numbers").
public struct NumberFormat: Sendable, Equatable {
    public var decimal: UInt8
    /// nil = no grouping allowed.
    public var thousands: UInt8?

    public init(decimal: UInt8 = UInt8(ascii: "."), thousands: UInt8? = nil) {
        self.decimal = decimal
        self.thousands = thousands
    }

    public static let plain = NumberFormat()

    /// The number in the canonical form `[-]digits[.digits]`, or nil when it is not
    /// a number in this format. Grouping is optional but, when used, strict:
    /// `1,234,567.89` is accepted and `12,34.5` is not.
    public func canonical(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") || bytes[at] == UInt8(ascii: "+") {
            if bytes[at] == UInt8(ascii: "-") { out.append(UInt8(ascii: "-")) }
            at += 1
        }
        // Integer part: digits, optionally grouped by threes.
        var integerDigits = 0
        var groupDigits = 0
        var grouped = false
        while at < bytes.count {
            let byte = bytes[at]
            if byte >= 48, byte <= 57 {
                out.append(byte)
                integerDigits += 1
                groupDigits += 1
            } else if let thousands, byte == thousands {
                // The first group holds 1 to 3 digits, each later one exactly 3.
                guard groupDigits >= 1, groupDigits <= 3, !grouped || groupDigits == 3 else { return nil }
                grouped = true
                groupDigits = 0
            } else {
                break
            }
            at += 1
        }
        guard integerDigits > 0, !grouped || groupDigits == 3 else { return nil }
        if at < bytes.count, bytes[at] == decimal {
            at += 1
            out.append(UInt8(ascii: "."))
            var fraction = 0
            while at < bytes.count, bytes[at] >= 48, bytes[at] <= 57 {
                out.append(bytes[at])
                at += 1
                fraction += 1
            }
            guard fraction > 0 else { return nil }
        }
        guard at == bytes.count else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// `canonical` for a String.
    public func canonical(_ text: String) -> String? {
        var copy = Array(text.utf8)
        return copy.withUnsafeMutableBufferPointer { canonical(UnsafeBufferPointer($0)) }
    }
}

/// The words an export uses for yes and no, matched case-insensitively.
public struct BooleanWords: Sendable, Equatable {
    public var yes: Set<String>
    public var no: Set<String>

    public init(yes: [String], no: [String]) {
        self.yes = Set(yes.map { $0.lowercased() })
        self.no = Set(no.map { $0.lowercased() })
    }

    public static let standard = BooleanWords(yes: ["yes", "y", "true", "t", "1"], no: ["no", "n", "false", "f", "0"])

    /// true, false, or nil for a word that is neither.
    public func value(_ text: String) -> Bool? {
        let word = text.lowercased()
        if yes.contains(word) { return true }
        if no.contains(word) { return false }
        return nil
    }
}
