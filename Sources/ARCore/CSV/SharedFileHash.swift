import Crypto
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The SHA-256 of a big input file, worked on by whichever loading thread has time.
///
/// While the small files load on one core, another thread hashes the big ones from the start
/// (`hashing`). Then either the file's reader hashes each chunk as it reads it, skipping what was
/// already hashed, or, made with `readerHashes: false`, it leaves the rest to `finish()`. The
/// first call of `finish()` takes the hash over where it got to and hashes the rest of the file;
/// a call meanwhile from another thread waits for it. Both big files' readers hash; a loading
/// thread done with its files first takes over the other file's hash (`finish()` for payments.csv,
/// `hashOn(until:)` ahead of the reader for invoices.csv), so neither core waits long for the
/// other.
public final class SharedFileHash: Sendable {
    private struct State {
        var hasher = SHA256()
        /// Bytes from the start of the file hashed so far.
        var hashed = 0
        var takenOver = false
    }

    public let path: String
    /// Whether the reader's chunks are hashed as it reads them (`add`), or left to `finish()`.
    public let readerHashes: Bool
    private let state = Mutex(State())
    /// The whole file's hash once a `finish()` has worked it out; held while it does, so a second caller waits.
    private let finished = Mutex<Result<String, InputError>?>(nil)

    public init(path: String, readerHashes: Bool = true) {
        self.path = path
        self.readerHashes = readerHashes
    }

    /// Bytes from the start of the file hashed so far.
    var hashedBytes: Int { state.withLock { $0.hashed } }

    /// The reader: `bytes` were read from `offset`, just after every byte given before. What was
    /// already hashed is skipped; everything is ignored once the hash is taken over, or always if
    /// the reader does not hash.
    func add(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        guard readerHashes else { return }
        // A span, unlike the pointer, may go into the lock's closure (it is Sendable).
        let chunk = bytes.bytes
        state.withLock { state in
            // The hash only ever grows from the file's start, and the reader gives every chunk
            // in order, so it has always reached this chunk's start.
            assert(state.takenOver || state.hashed >= offset, "a chunk after a gap in the hash")
            guard !state.takenOver, state.hashed < offset + chunk.byteCount, state.hashed >= offset else { return }
            let skip = state.hashed - offset
            chunk.withUnsafeBytes { state.hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[skip...])) }
            state.hashed = offset + chunk.byteCount
        }
    }

    /// Hashes on from where the hash has got to, a block at a time, until `stop` is raised, the
    /// file ends or the hash is taken over: another thread while the small files load, or a
    /// loading thread done before the other. A read error stops it quietly; the reader or
    /// `finish()` reports it.
    func hashOn(until stop: StopSignal) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 512 << 10, alignment: 64)
        defer { block.deallocate() }
        while !stop.isRaised {
            let (offset, takenOver) = state.withLock { ($0.hashed, $0.takenOver) }
            guard !takenOver else { return }
            let n = pread(fd, block.baseAddress!, block.count, off_t(offset))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            let chunk = UnsafeRawBufferPointer(start: block.baseAddress!, count: n).bytes
            state.withLock { state in
                // The reader may have hashed past `offset` meanwhile: this block is then stale.
                guard !state.takenOver, state.hashed == offset else { return }
                chunk.withUnsafeBytes { state.hasher.update(bufferPointer: $0) }
                state.hashed += n
            }
        }
    }

    /// Runs `work` on this thread while another thread hashes `files`, in order, and stops that
    /// thread when `work` returns: the small files load on one core while the other starts on
    /// the big ones.
    public static func hashing<T>(_ files: [SharedFileHash], during work: () throws -> T) rethrows -> T {
        let stop = StopSignal()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for file in files where !stop.isRaised { file.hashOn(until: stop) }
            done.signal()
        }
        thread.start()
        defer {
            stop.raise()
            done.wait()
        }
        return try work()
    }

    /// The whole file's SHA-256 as lower-case hex. The first call takes the hash over where it
    /// got to and hashes the rest of the file; a call meanwhile from another thread waits for it,
    /// and later calls return the same result (or error).
    public func finish() throws(InputError) -> String {
        try finished.withLock { (result: inout Result<String, InputError>?) throws(InputError) -> String in
            let outcome = result ?? Result { () throws(InputError) -> String in try hashRest() }
            result = outcome
            return try outcome.get()
        }
    }

    private func hashRest() throws(InputError) -> String {
        var (hasher, offset) = state.withLock { state in
            state.takenOver = true
            return (state.hasher, state.hashed)
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .missingFile(path: path) }
        defer { close(fd) }
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 512 << 10, alignment: 64)
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

/// A flag one thread raises to stop another's loop.
final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    func raise() { raised.store(true, ordering: .releasing) }
    var isRaised: Bool { raised.load(ordering: .acquiring) }
}
