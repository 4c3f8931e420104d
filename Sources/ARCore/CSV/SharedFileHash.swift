import Crypto
import Synchronization

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
public final class SharedFileHash: Sendable {
    private struct State {
        var hasher = SHA256()
        /// Bytes from the start of the file hashed so far.
        var hashed = 0
        var takenOver = false
    }

    public let path: String
    private let state = Mutex(State())

    public init(path: String) { self.path = path }

    /// The reader: `bytes` follow every byte given before. Ignored once the hash is taken over.
    func add(_ bytes: UnsafeRawBufferPointer) {
        // A span, unlike the pointer, may go into the lock's closure (it is Sendable).
        let chunk = bytes.bytes
        state.withLock { state in
            guard !state.takenOver else { return }
            chunk.withUnsafeBytes { state.hasher.update(bufferPointer: $0) }
            state.hashed += chunk.byteCount
        }
    }

    /// The other thread: takes the hash over where the reader got to, hashes the rest of the
    /// file and returns the whole file's SHA-256 as lower-case hex.
    public func finish() throws(InputError) -> String {
        var (hasher, offset) = state.withLock { state in
            state.takenOver = true
            return (state.hasher, state.hashed)
        }
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
