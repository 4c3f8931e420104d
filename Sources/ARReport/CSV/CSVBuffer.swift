import ARCore

/// Builds CSV bytes: RFC 4180 quoting where a field needs it, `\n` line ends.
///
/// Fields are written through a pointer into a scratch buffer, which goes to the array 16 KB at
/// a time: appending each field and separator to the array checked its uniqueness and room
/// every time (about twenty times a row), and the output tables write millions of rows.
/// Made with `streamingTo:`, the scratch buffer (256 KB, which stays in cache) goes to a file
/// instead, and nothing is kept. Not copyable: a copy would share the scratch buffer.
struct CSVBuffer: ~Copyable {
    private var storage: [UInt8] = []
    private let scratch: CSVScratch
    /// Where full scratch buffers go when streaming; nil: to `storage`.
    private let sink: OutputFileSink?
    /// Bytes of `scratch` written and not yet moved to `storage` or sent to the sink.
    private var pending = 0
    private var atLineStart = true
    /// The ISO text of days from `dateBase` on, ten bytes each, filled as first written (zero:
    /// not yet): a large file repeats a few hundred dates millions of times.
    private var dateText: [UInt8] = []
    private var dateBase: Day = 0
    private static let cachedDays = 4096

    init(capacity: Int = 1 << 16) {
        scratch = CSVScratch(capacity: 16 << 10)
        sink = nil
        storage.reserveCapacity(capacity)
    }

    /// A buffer whose bytes go to `sink` as they are made; `finishStreaming()` after the last row.
    init(streamingTo sink: OutputFileSink) {
        scratch = CSVScratch(capacity: 256 << 10)
        self.sink = sink
    }

    /// Sends the bytes still in the scratch buffer to the sink.
    mutating func finishStreaming() { flush() }

    /// Everything written (not for a streaming buffer, whose bytes went to its file).
    var bytes: [UInt8] {
        mutating get {
            precondition(sink == nil, "the bytes of a streaming CSVBuffer are in its file")
            flush()
            return storage
        }
    }

    private mutating func flush() {
        guard pending > 0 else { return }
        emit(UnsafeBufferPointer(start: scratch.base, count: pending))
        pending = 0
    }

    /// Bytes leaving the scratch buffer (or too long for it), to the sink or to `storage`.
    private mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let sink { sink.write(bytes) } else { storage.append(contentsOf: bytes) }
    }

    /// Where the next `count` bytes go (at most the scratch buffer's capacity).
    @inline(__always)
    private mutating func room(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if pending + count > scratch.capacity { flush() }
        return scratch.base + pending
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        room(1).pointee = byte
        pending += 1
    }

    @inline(__always)
    private mutating func put(_ text: UnsafeBufferPointer<UInt8>) {
        guard let start = text.baseAddress else { return }
        guard text.count <= scratch.capacity else {
            flush()
            emit(text)
            return
        }
        room(text.count).update(from: start, count: text.count)
        pending += text.count
    }

    @inline(__always)
    private mutating func putNumber(_ minor: Int64, digits: Int) {
        pending += MinorUnits.write(minor, minorDigits: digits, into: room(MinorUnits.maxFormattedBytes))
    }

    /// A field that may need quoting.
    mutating func field(_ text: String) {
        var text = text
        text.withUTF8 { field(utf8: $0) }
    }

    /// Raw bytes that may need quoting (a rejected record).
    mutating func field(bytes raw: [UInt8]) {
        raw.withUnsafeBufferPointer { field(utf8: $0) }
    }

    /// UTF-8 bytes, quoted when they must be (`needsQuotes`).
    mutating func field(utf8 text: UnsafeBufferPointer<UInt8>) {
        separator()
        guard CSVBuffer.needsQuotes(text) else {
            put(text)
            return
        }
        put(UInt8(ascii: "\""))
        for byte in text {
            if byte == UInt8(ascii: "\"") { put(byte) }
            put(byte)
        }
        put(UInt8(ascii: "\""))
    }

    /// Minor units with exactly `digits` decimals (never needs quoting).
    mutating func money(_ minor: Int64, digits: Int) {
        separator()
        putNumber(minor, digits: digits)
    }

    mutating func integer(_ value: Int) {
        separator()
        putNumber(Int64(value), digits: 0)
    }

    mutating func date(_ day: Day) {
        separator()
        if dateText.isEmpty {
            dateBase = day - Day(CSVBuffer.cachedDays / 2)
            dateText = [UInt8](repeating: 0, count: CSVBuffer.cachedDays * 10)
        }
        let slot = Int(day) - Int(dateBase)
        guard slot >= 0, slot < CSVBuffer.cachedDays else {
            var text: [UInt8] = []
            CivilCalendar.appendISO(day, to: &text)
            text.withUnsafeBufferPointer { put($0) }
            return
        }
        if dateText[slot * 10] == 0 {
            var text: [UInt8] = []
            CivilCalendar.appendISO(day, to: &text)
            dateText.replaceSubrange(slot * 10..<slot * 10 + 10, with: text)
        }
        dateText.withUnsafeBufferPointer { put(UnsafeBufferPointer(rebasing: $0[slot * 10..<slot * 10 + 10])) }
    }

    /// Whether a field must be quoted: it holds a separator, a quote or a line end, or starts or
    /// ends with a blank (which a reader would trim).
    static func needsQuotes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in text
        where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
        {
            return true
        }
        guard let first = text.first, let last = text.last else { return false }
        return first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09
    }

    /// A field's text as `field(_:)` writes it (quoted if it must be), to append many times with
    /// `field(prepared:)`. Made without a buffer: the aging detail prepares one per customer.
    static func prepared(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8] in
            guard needsQuotes(utf8) else { return Array(utf8) }
            var quoted: [UInt8] = [UInt8(ascii: "\"")]
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { quoted.append(byte) }
                quoted.append(byte)
            }
            quoted.append(UInt8(ascii: "\""))
            return quoted
        }
    }

    /// A field prepared by `prepared(_:)`.
    mutating func field(prepared text: [UInt8]) {
        separator()
        text.withUnsafeBufferPointer { put($0) }
    }

    /// Two decimals (`Format.ratio`), written without an intermediate String; empty when nil.
    mutating func ratio(_ value: Double?) {
        separator()
        guard let value, value.isFinite else { return }
        if let hundredths = Format.hundredths(value) {
            putNumber(hundredths, digits: 2)
        } else {
            var text = Format.exactRatio(value)
            text.withUTF8 { put($0) }
        }
    }

    mutating func header(_ names: [String]) {
        for name in names { field(name) }
        endRow()
    }

    mutating func endRow() {
        put(UInt8(ascii: "\n"))
        atLineStart = true
    }

    private mutating func separator() {
        if !atLineStart { put(UInt8(ascii: ",")) }
        atLineStart = false
    }
}

/// The scratch memory of one `CSVBuffer`, allocated once and freed with it.
final class CSVScratch {
    let capacity: Int
    let base: UnsafeMutablePointer<UInt8>

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
}
