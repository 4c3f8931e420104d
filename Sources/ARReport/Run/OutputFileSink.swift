import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// An output file written in pieces, hashed (SHA-256) as they go by: what a streaming `CSVBuffer`
/// writes to, and how a file made whole is written. A failed write is kept, later pieces are
/// dropped, and `finish(as:)` reports it. Used by one thread.
final class OutputFileSink {
    let path: String
    private var descriptor: Int32
    private var hasher = SHA256()
    private var count = 0
    private var failure: String? = nil

    init(path: String) throws(ReportError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil, let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += n
        }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        count += bytes.count
    }

    /// Closes the file: its entry for run.json, named `file`, or the first failure.
    func finish(as file: String) throws(ReportError) -> WrittenFile {
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw .cannotWrite(path: path, reason: failure) }
        return WrittenFile(file: file, bytes: count, sha256: hasher.finalize().lowercaseHex)
    }
}

extension Sequence<UInt8> {
    /// The bytes as lower-case hex, two digits each: how run.json writes a SHA-256.
    var lowercaseHex: String { map { String(format: "%02x", $0) }.joined() }
}
