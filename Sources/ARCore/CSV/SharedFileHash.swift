import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The SHA-256 of a file that one thread reads, finished by whichever of two threads has time.
///
/// The reading thread hashes each chunk as it reads it, until the other thread, done with its
/// own work, takes the hash over: from then on the reader only parses, and the other thread
/// reads the rest of the file again and hashes it. The hashing lands on the thread with slack,
/// whichever that is for the data at hand (invoices.csv and payments.csv load side by side).
///
/// Unchecked Sendable: the three fields are read and written only under `lock` (a `Mutex` cannot
/// take the reader's buffer pointer into its closure).
public final class SharedFileHash: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var hasher = SHA256()
    /// Bytes from the start of the file hashed so far.
    private var hashed = 0
    private var takenOver = false

    public init(path: String) { self.path = path }

    /// The reader: `bytes` follow every byte given before. Ignored once the hash is taken over.
    func add(_ bytes: UnsafeRawBufferPointer) {
        lock.lock()
        defer { lock.unlock() }
        guard !takenOver else { return }
        hasher.update(bufferPointer: bytes)
        hashed += bytes.count
    }

    /// The other thread: takes the hash over where the reader got to, hashes the rest of the
    /// file and returns the whole file's SHA-256 as lower-case hex.
    public func finish() throws(InputError) -> String {
        lock.lock()
        takenOver = true
        var hasher = self.hasher
        var offset = hashed
        lock.unlock()
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .missingFile(path: path) }
        defer { close(fd) }
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 << 20, alignment: 64)
        defer { block.deallocate() }
        while true {
            let n = pread(fd, block.baseAddress!, block.count, off_t(offset))
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: block.baseAddress!, count: n))
            offset += n
        }
        return CSVFileReader.hex(hasher.finalize())
    }
}
