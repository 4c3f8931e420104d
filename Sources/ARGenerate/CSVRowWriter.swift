import ARCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one CSV file through a large reusable byte buffer.
///
/// Rows are appended as bytes (no String per row) and the buffer goes to disk
/// with one `fwrite` per megabyte, so a multi-gigabyte file costs a few MB of
/// memory. Non-copyable: it owns the C `FILE*` and closes it exactly once.
struct CSVRowWriter: ~Copyable {
    /// Flush once the buffer holds this much; rows are short, so it never grows far past it.
    static let flushThreshold = 1 << 20

    let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8]
    /// Data rows written so far, the header excluded.
    private(set) var rows = 0
    /// Bytes handed to the file so far plus what is buffered.
    var bytesWritten: Int { flushedBytes + buffer.count }
    private var flushedBytes = 0
    private let isoDates: ISODateTable

    /// Creates (truncates) the file and writes the header row; `dates` are pre-formatted.
    init(path: String, header: [String], dates: ISODateTable) throws {
        guard let file = fopen(path, "wb") else {
            throw GeneratorError.cannotWrite(path: path, reason: Self.systemError())
        }
        self.path = path
        self.file = file
        isoDates = dates
        buffer = []
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
        buffer.append(contentsOf: header.joined(separator: ",").utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    deinit {
        // Only reached without `close()` when generation failed: the error is already on its way.
        if let file { fclose(file) }
    }

    // MARK: Fields

    @inline(__always)
    mutating func comma() { buffer.append(UInt8(ascii: ",")) }

    /// Ends a row and flushes when the buffer is full.
    @inline(__always)
    mutating func endRow() throws {
        buffer.append(UInt8(ascii: "\n"))
        rows += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Bytes known to need no quoting (codes, ids, fixed words).
    @inline(__always)
    mutating func raw(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Free text, quoted per RFC 4180 when it holds a comma, a quote or a line break.
    mutating func text(_ value: String) {
        let utf8 = value.utf8
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            buffer.append(contentsOf: utf8)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(UInt8(ascii: "\"")) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// `YYYY-MM-DD`, copied from the pre-formatted table when the day is in it.
    @inline(__always)
    mutating func date(_ day: Day) {
        let offset = Int(day) - Int(isoDates.firstDay)
        guard offset >= 0, offset < isoDates.count else {
            CivilCalendar.appendISO(day, to: &buffer)
            return
        }
        isoDates.bytes.withUnsafeBufferPointer { table in
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: table[(offset * 10)..<(offset * 10 + 10)]))
        }
    }

    /// An amount in minor units written with the currency's decimals.
    @inline(__always)
    mutating func amount(_ minor: Int64, minorDigits: Int) {
        MinorUnits.append(minor, minorDigits: minorDigits, to: &buffer)
    }

    /// A non-negative whole number.
    @inline(__always)
    mutating func integer(_ value: Int) { identifier(prefix: [], number: value, width: 1) }

    /// `prefix` then `number` zero-padded to at least `width` digits (`INV0000042`).
    mutating func identifier(prefix: [UInt8], number: Int, width: Int) {
        buffer.append(contentsOf: prefix)
        var digits = 1
        var rest = number / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let count = max(digits, width)
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        // Digits written in place, least significant last: no scratch array, division by a constant only.
        buffer.withUnsafeMutableBufferPointer { bytes in
            var rest = number
            var index = start + count - 1
            while rest > 0 {
                bytes[index] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
                rest /= 10
                index -= 1
            }
        }
    }

    // MARK: Disk

    /// Hands the buffer to the file and empties it, keeping its capacity.
    mutating func flush() throws {
        guard let file else { throw GeneratorError.cannotWrite(path: path, reason: "file already closed") }
        let count = buffer.count
        guard count > 0 else { return }
        let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, count, file) }
        guard written == count else { throw GeneratorError.cannotWrite(path: path, reason: Self.systemError()) }
        flushedBytes += count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; errors of the final write surface here.
    mutating func close() throws {
        try flush()
        guard let file else { return }
        self.file = nil
        guard fclose(file) == 0 else { throw GeneratorError.cannotWrite(path: path, reason: Self.systemError()) }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}

/// `YYYY-MM-DD` of every day of a range, formatted once by ARCore: a data set
/// writes millions of dates from a few hundred distinct days.
struct ISODateTable {
    let firstDay: Day
    let count: Int
    /// 10 bytes per day.
    let bytes: [UInt8]

    init(from firstDay: Day, through lastDay: Day) {
        self.firstDay = firstDay
        count = max(0, Int(lastDay) - Int(firstDay) + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 10)
        for offset in 0..<count { CivilCalendar.appendISO(firstDay + Day(offset), to: &bytes) }
        self.bytes = bytes
    }
}
