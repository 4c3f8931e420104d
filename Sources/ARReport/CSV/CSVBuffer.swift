import ARCore

/// Builds CSV bytes: RFC 4180 quoting where a field needs it, `\n` line ends.
struct CSVBuffer {
    private(set) var bytes: [UInt8] = []
    private var atLineStart = true
    /// The ISO text of days from `dateBase` on, ten bytes each, filled as first written (zero:
    /// not yet): a large file repeats a few hundred dates millions of times.
    private var dateText: [UInt8] = []
    private var dateBase: Day = 0
    private static let cachedDays = 4096

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// A field that may need quoting.
    mutating func field(_ text: String) {
        var text = text
        text.withUTF8 { field(utf8: $0) }
    }

    /// Raw bytes that may need quoting (a rejected record).
    mutating func field(bytes raw: [UInt8]) {
        raw.withUnsafeBufferPointer { field(utf8: $0) }
    }

    /// UTF-8 bytes, quoted when they hold a separator, a quote, a line end, or
    /// leading or trailing blanks (which a reader would trim).
    mutating func field(utf8 text: UnsafeBufferPointer<UInt8>) {
        separator()
        var needsQuotes = false
        for byte in text
        where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
        {
            needsQuotes = true
            break
        }
        if !needsQuotes, let first = text.first, let last = text.last,
            first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09
        {
            needsQuotes = true
        }
        guard needsQuotes else {
            bytes.append(contentsOf: text)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Minor units with exactly `digits` decimals (never needs quoting).
    mutating func money(_ minor: Int64, digits: Int) {
        separator()
        MinorUnits.append(minor, minorDigits: digits, to: &bytes)
    }

    mutating func integer(_ value: Int) {
        separator()
        MinorUnits.append(Int64(value), minorDigits: 0, to: &bytes)
    }

    mutating func date(_ day: Day) {
        separator()
        if dateText.isEmpty {
            dateBase = day - Day(CSVBuffer.cachedDays / 2)
            dateText = [UInt8](repeating: 0, count: CSVBuffer.cachedDays * 10)
        }
        let slot = Int(day) - Int(dateBase)
        guard slot >= 0, slot < CSVBuffer.cachedDays else {
            CivilCalendar.appendISO(day, to: &bytes)
            return
        }
        if dateText[slot * 10] == 0 {
            var text: [UInt8] = []
            CivilCalendar.appendISO(day, to: &text)
            dateText.replaceSubrange(slot * 10..<slot * 10 + 10, with: text)
        }
        dateText.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[slot * 10..<slot * 10 + 10])) }
    }

    /// A field's text as `field(_:)` writes it (quoted if it must be), to append many times with `field(prepared:)`.
    static func prepared(_ text: String) -> [UInt8] {
        var buffer = CSVBuffer(capacity: text.utf8.count + 2)
        buffer.field(text)
        return buffer.bytes
    }

    /// A field prepared by `prepared(_:)`.
    mutating func field(prepared text: [UInt8]) {
        separator()
        bytes.append(contentsOf: text)
    }

    /// Two decimals (`Format.ratio`), written without an intermediate String; empty when nil.
    mutating func ratio(_ value: Double?) {
        separator()
        guard let value, value.isFinite else { return }
        if let hundredths = Format.hundredths(value) {
            MinorUnits.append(hundredths, minorDigits: 2, to: &bytes)
        } else {
            bytes.append(contentsOf: Format.exactRatio(value).utf8)
        }
    }

    mutating func header(_ names: [String]) {
        for name in names { field(name) }
        endRow()
    }

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        atLineStart = true
    }

    private mutating func separator() {
        if !atLineStart { bytes.append(UInt8(ascii: ",")) }
        atLineStart = false
    }
}
