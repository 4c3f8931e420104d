import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fields of one data record, trimmed and unquoted on access.
public struct CSVRow {
    let base: UnsafeMutablePointer<UInt8>
    let fields: UnsafeMutableBufferPointer<CSVField>
    let rawCopy: [UInt8]?
    let rawRange: Range<Int>
    /// Physical line where the record starts (header = 1).
    public let line: Int

    /// The trimmed bytes of the field at `column` (nil column = absent: empty).
    public func value(_ column: Int?) -> UnsafeBufferPointer<UInt8> {
        guard let column else { return UnsafeBufferPointer(start: base, count: 0) }
        let field = fields[column]
        return CSVRow.trimmed(UnsafeBufferPointer(start: base + field.start, count: field.end - field.start))
    }

    /// The trimmed field as a String (for the few text columns that are kept).
    public func string(_ column: Int?) -> String {
        String(decoding: value(column), as: UTF8.self)
    }

    /// Calls `body` with the raw record's bytes, without copying them into an array.
    public func withRaw<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let rawCopy { return try rawCopy.withUnsafeBufferPointer(body) }
        return try body(UnsafeBufferPointer(start: base + rawRange.lowerBound, count: rawRange.count))
    }

    /// The raw record's bytes in the reader's buffer, valid only during the row's call; nil when
    /// a field's doubled quotes were collapsed in place, so that only `raw` has the record as read.
    public var rawInBuffer: UnsafeBufferPointer<UInt8>? {
        rawCopy == nil ? UnsafeBufferPointer(start: base + rawRange.lowerBound, count: rawRange.count) : nil
    }

    /// The raw record, byte for byte as read, without its line end.
    public var raw: [UInt8] {
        rawCopy ?? Array(UnsafeBufferPointer(start: base + rawRange.lowerBound, count: rawRange.count))
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }

    /// `field` without the spaces, tabs and CRs at its ends: a value as `value` gives it (a
    /// loader's fast path trims a plain record's fields with it too).
    @inline(__always)
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = field.baseAddress else { return field }
        var start = 0
        var end = field.count
        while start < end, isBlank(base[start]) { start += 1 }
        while end > start, isBlank(base[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }
}

/// Counts bytes read across loader threads, for the progress line.
public final class LoadProgress: Sendable {
    public let totalBytes: Int
    private let readBytes = AtomicCounter()

    public init(totalBytes: Int) { self.totalBytes = totalBytes }

    public func add(_ bytes: Int) { readBytes.add(bytes) }
    public var bytesRead: Int { readBytes.value }
}

/// Reads a CSV file in chunks: the header first, then every record, hashing
/// the bytes (SHA-256) as they stream by (or handing them to a `SharedFileHash`).
public final class CSVFileReader {
    public let path: String
    /// Header names, trimmed and lower-cased.
    public private(set) var header: [String] = []
    /// Number of data records delivered.
    public private(set) var recordCount = 0
    public private(set) var byteCount = 0

    private var buffer: UnsafeMutableRawBufferPointer
    private var filled = 0
    private var consumed = 0
    private var atEOF = false
    private var line = 1
    private let descriptor: Int32
    private var hasher = SHA256()
    /// nil: this reader hashes what it reads itself.
    private let sharedHash: SharedFileHash?
    private let progress: LoadProgress?

    /// Opens `path` and reads its header row. With a `sharedHash`, the bytes read go to it
    /// instead (which may ignore them, see `SharedFileHash.readerHashes`), and its `finish()`
    /// gives the hash. The default chunk of 512 KB stays in a core's 1.25 MB L2 cache from the
    /// read's copy to the scan (and the hash, when the reader hashes); 4 MB chunks did not.
    public init(
        path: String, chunkSize: Int = 512 << 10, progress: LoadProgress? = nil, sharedHash: SharedFileHash? = nil
    ) throws(InputError) {
        self.path = path
        self.progress = progress
        self.sharedHash = sharedHash
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .missingFile(path: path) }
        descriptor = fd
        buffer = .allocate(byteCount: max(chunkSize, 1024), alignment: 64)
        try fill()
        // A byte-order mark is skipped.
        if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { consumed = 3 }
        try readHeader()
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// The SHA-256 of every byte read, as lower-case hex; valid after the last record
    /// (empty with a shared hash: its `finish()` gives it).
    public func sha256Hex() -> String {
        sharedHash == nil ? CSVFileReader.hex(hasher.finalize()) : ""
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A guess at the number of data rows from the file size, to reserve storage.
    public func estimatedRows(bytesPerRow: Int) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return 0 }
        return Int(info.st_size) / bytesPerRow
    }

    /// The index of a header column, matched case-insensitively after trimming.
    public func column(_ name: String) -> Int? {
        header.firstIndex(of: name.lowercased())
    }

    /// Calls `body` with each data record in file order; `body` returns false to stop early.
    public func forEachRow(_ body: (CSVRow) throws -> Bool) throws {
        let width = max(header.count, 1)
        let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: width)
        defer { fields.deallocate() }
        while true {
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let bytes = UnsafeBufferPointer(start: base, count: filled)
            var delivered = 0
            let stop = try CSVScanner.scan(
                bytes, from: consumed, isLastChunk: atEOF, line: &line, fields: fields
            ) { record, _ in
                delivered += 1
                return try body(CSVFileReader.row(record, base: base, fields: fields, width: width))
            }
            recordCount += delivered
            switch stop {
            case .endOfInput:
                return
            case .stopped:
                return
            case .unterminatedQuote(let startLine):
                throw InputError.notCSV(path: path, line: startLine, reason: "a quoted field is never closed")
            case .needMoreData(let offset):
                consumed = offset
                try fill()
            }
        }
    }

    /// Calls `handler` with each data record in file order: first as a `PlainRecord`, read
    /// straight from the buffer, then, if it declines the record, scanned in full. A decline right
    /// after a scanned record doubles the number of records scanned before the next try (up to
    /// 64), so a file whose records all have quotes costs little more than with `forEachRow(_:)`,
    /// while a plain file with a few odd records stays on the fast path. A handler struct is
    /// used here, not closures, because the compiler specializes a generic function for it every
    /// time: whether it inlined closures changed with the size of the code around them.
    func forEachRow<Handler: CSVRowHandler>(_ handler: inout Handler) throws {
        let width = max(header.count, 1)
        let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: width)
        defer { fields.deallocate() }
        var scanRun = 1
        while true {
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var plainRows = 0
            while consumed < filled {
                var record = PlainRecord(base: base, start: consumed, limit: filled, line: line + plainRows)
                guard handler.plainRow(&record) else { break }
                precondition(record.isComplete, "a CSVRowHandler took a record without reading its line end")
                consumed = record.position
                plainRows += 1
            }
            line += plainRows
            recordCount += plainRows
            scanRun = plainRows > 0 ? 1 : min(scanRun * 2, CSVFileReader.longestScanRun)
            var delivered = 0
            var stopped = false
            let stop = try CSVScanner.scan(
                UnsafeBufferPointer(start: base, count: filled), from: consumed, isLastChunk: atEOF, line: &line,
                fields: fields
            ) { record, _ in
                delivered += 1
                if try !handler.row(CSVFileReader.row(record, base: base, fields: fields, width: width)) {
                    stopped = true
                    return false
                }
                return delivered < scanRun
            }
            recordCount += delivered
            switch stop {
            case .endOfInput:
                return
            case .stopped(let offset):
                if stopped { return }
                consumed = offset
            case .unterminatedQuote(let startLine):
                throw InputError.notCSV(path: path, line: startLine, reason: "a quoted field is never closed")
            case .needMoreData(let offset):
                consumed = offset
                try fill()
            }
        }
    }

    /// The most records scanned in full after declines in a row, before the fast path is tried again.
    static var longestScanRun: Int { 64 }

    /// The row of a scanned record, its doubled quotes collapsed in place (the record as read is
    /// then copied first). Only a record flagged for doubled quotes has fields to collapse.
    @inline(__always)
    private static func row(
        _ record: CSVRecord, base: UnsafeMutablePointer<UInt8>, fields: UnsafeMutableBufferPointer<CSVField>,
        width: Int
    ) -> CSVRow {
        var rawCopy: [UInt8]? = nil
        if record.hasEscapedQuotes {
            for index in 0..<width where fields[index].hasEscapedQuotes {
                if rawCopy == nil {
                    rawCopy = Array(
                        UnsafeBufferPointer(start: base + record.rawStart, count: record.rawEnd - record.rawStart))
                }
                fields[index].end = CSVFileReader.collapseQuotes(base, fields[index].start, fields[index].end)
                fields[index].hasEscapedQuotes = false
            }
        }
        return CSVRow(
            base: base, fields: fields, rawCopy: rawCopy, rawRange: record.rawStart..<record.rawEnd, line: record.line)
    }

    /// Collapses each `""` in `base[start..<end]` to `"`, in place; returns the new end.
    private static func collapseQuotes(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var read = start
        var write = start
        while read < end {
            base[write] = base[read]
            if base[read] == UInt8(ascii: "\""), read + 1 < end, base[read + 1] == UInt8(ascii: "\"") { read += 1 }
            read += 1
            write += 1
        }
        return write
    }

    /// Moves unconsumed bytes to the front and reads more, growing the buffer
    /// when one record is larger than it.
    private func fill() throws(InputError) {
        if consumed > 0 {
            let remaining = filled - consumed
            if remaining > 0 {
                memmove(buffer.baseAddress!, buffer.baseAddress! + consumed, remaining)
            }
            filled = remaining
            consumed = 0
        } else if filled == buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 64)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
            buffer.deallocate()
            buffer = bigger
        }
        let firstNew = filled
        while filled < buffer.count, !atEOF {
            let n = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 {
                atEOF = true
                break
            }
            let read = UnsafeRawBufferPointer(start: buffer.baseAddress! + filled, count: n)
            if let sharedHash { sharedHash.add(read, at: byteCount) } else { hasher.update(bufferPointer: read) }
            filled += n
            byteCount += n
            progress?.add(n)
        }
        // Binary content anywhere, not just in the first chunk, makes the file not CSV.
        // The buffer starts on physical line `line`: count line feeds up to the NUL.
        if filled > firstNew, let nul = memchr(buffer.baseAddress! + firstNew, 0, filled - firstNew) {
            let offset = buffer.baseAddress!.distance(to: nul)
            let nulLine = line + buffer[0..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw .notCSV(path: path, line: nulLine, reason: "binary content (NUL byte)")
        }
    }

    private func readHeader() throws(InputError) {
        let maxColumns = 1024
        let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: maxColumns)
        defer { fields.deallocate() }
        while true {
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let bytes = UnsafeBufferPointer(start: base, count: filled)
            var names: [String] = []
            var headerLine = line
            let stop = CSVScanner.scan(bytes, from: consumed, isLastChunk: atEOF, line: &headerLine, fields: fields) {
                _, fieldCount in
                for index in 0..<min(fieldCount, maxColumns) {
                    let field = fields[index]
                    var text = String(
                        decoding: UnsafeBufferPointer(start: base + field.start, count: field.end - field.start),
                        as: UTF8.self)
                    if field.hasEscapedQuotes { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
                    names.append(text.trimmingBlanks().lowercased())
                }
                return false
            }
            switch stop {
            case .stopped(let next):
                header = names
                consumed = next
                line = headerLine
                return
            case .unterminatedQuote(let at):
                throw .notCSV(path: path, line: at, reason: "a quoted field is never closed")
            case .endOfInput:
                throw .notCSV(path: path, line: 1, reason: "empty file, no header row")
            case .needMoreData:
                if atEOF { throw .notCSV(path: path, line: 1, reason: "empty file, no header row") }
                try fill()
            }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and CRs.
    public func trimmingBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

}
