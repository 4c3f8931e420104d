import Crypto
import Foundation
import Testing

@testable import ARCore

@Suite("SharedFileHash: a file's SHA-256 finished by another thread")
struct SharedFileHashTests {
    static let text = (0..<2_000).map { "INV\($0),C\($0 % 7),2025-01-01,,\($0).50\n" }.joined()

    /// Reads the file in the reader's smallest chunks (1 KB) and takes the hash over after `records` records (nil: after all).
    func hash(takingOverAfter records: Int?) throws -> String {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount\n" + Self.text)
        let path = folder.filePath("invoices.csv")
        let shared = SharedFileHash(path: path)
        let reader = try CSVFileReader(path: path, chunkSize: 64, sharedHash: shared)
        #expect(reader.sha256Hex() == "")
        var seen = 0
        var finished: String? = nil
        try reader.forEachRow { _ in
            seen += 1
            if seen == records { finished = try shared.finish() }
            return true
        }
        let hex = try finished ?? shared.finish()
        #expect(seen == 2_000)
        return hex
    }

    @Test("taken over before, during or after the read, the hash is the whole file's", arguments: [1, 2, 777, 1_999, 2_000, nil])
    func takeOver(_ records: Int?) throws {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount\n" + Self.text)
        let whole = Array(try Data(contentsOf: URL(fileURLWithPath: folder.filePath("invoices.csv"))))
        let expected = SHA256.hash(data: whole).map { String(format: "%02x", $0) }.joined()
        #expect(try hash(takingOverAfter: records) == expected)
    }

    @Test("taken over before the reader starts, the other thread hashes it all")
    func beforeReading() throws {
        let folder = try TempDataFolder()
        try folder.write("x.csv", "a,b\n1,2\n")
        let shared = SharedFileHash(path: folder.filePath("x.csv"))
        let hex = try shared.finish()
        #expect(hex == SHA256.hash(data: Data("a,b\n1,2\n".utf8)).map { String(format: "%02x", $0) }.joined())
    }

    /// The whole test file's SHA-256, computed in one piece.
    func expectedHash(_ folder: TempDataFolder) throws -> String {
        let whole = Array(try Data(contentsOf: URL(fileURLWithPath: folder.filePath("invoices.csv"))))
        return SHA256.hash(data: whole).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads every record in the reader's smallest chunks (1 KB) and finishes the hash.
    func readAll(_ shared: SharedFileHash) throws -> String {
        let reader = try CSVFileReader(path: shared.path, chunkSize: 64, sharedHash: shared)
        var seen = 0
        try reader.forEachRow { _ in
            seen += 1
            return true
        }
        #expect(seen == 2_000)
        return try shared.finish()
    }

    func invoicesFile() throws -> TempDataFolder {
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount\n" + Self.text)
        return folder
    }

    @Test("hashed ahead to the end before the reader starts: the reader's chunks are all skipped")
    func hashedAheadInFull() throws {
        let folder = try invoicesFile()
        let shared = SharedFileHash(path: folder.filePath("invoices.csv"))
        shared.hashOn(until: StopSignal())
        #expect(try readAll(shared) == expectedHash(folder))
    }

    @Test("hashed ahead to byte 1500: the reader hashes on from there, starting inside a chunk")
    func hashedAheadInPart() throws {
        let folder = try invoicesFile()
        let shared = SharedFileHash(path: folder.filePath("invoices.csv"))
        let head = Array(try Data(contentsOf: URL(fileURLWithPath: shared.path)).prefix(1500))
        // Inside the reader's second 1 KB chunk.
        head.withUnsafeBytes { shared.add($0, at: 0) }
        #expect(try readAll(shared) == expectedHash(folder))
    }

    @Test("a stop raised before hashing ahead hashes nothing; the reader hashes it all")
    func stoppedBeforeStart() throws {
        let folder = try invoicesFile()
        let shared = SharedFileHash(path: folder.filePath("invoices.csv"))
        let stop = StopSignal()
        stop.raise()
        shared.hashOn(until: stop)
        #expect(try readAll(shared) == expectedHash(folder))
    }

    @Test("hashing ahead on another thread while the reader reads: any interleaving gives the whole file's hash")
    func hashedAheadWhileReading() throws {
        let folder = try invoicesFile()
        for _ in 0..<20 {
            let shared = SharedFileHash(path: folder.filePath("invoices.csv"))
            let hex = try SharedFileHash.hashing([shared]) { try readAll(shared) }
            #expect(hex == (try expectedHash(folder)))
        }
    }

    @Test("a reader that does not hash leaves the rest to finish(): after none hashed ahead, or all")
    func readerLeavesTheHash() throws {
        let folder = try invoicesFile()
        for hashedAhead in [false, true] {
            let shared = SharedFileHash(path: folder.filePath("invoices.csv"), readerHashes: false)
            if hashedAhead { shared.hashOn(until: StopSignal()) }
            let before = shared.hashedBytes
            let reader = try CSVFileReader(path: shared.path, chunkSize: 64, sharedHash: shared)
            try reader.forEachRow { _ in true }
            #expect(reader.recordCount == 2_000)
            #expect(shared.hashedBytes == before)
            #expect(try shared.finish() == expectedHash(folder))
        }
    }

    @Test("finish() called by the reader's thread and another at once: both get the whole file's hash")
    func finishedByTwoThreads() throws {
        let folder = try invoicesFile()
        let expected = try expectedHash(folder)
        for _ in 0..<20 {
            let shared = SharedFileHash(path: folder.filePath("invoices.csv"), readerHashes: false)
            let (fromReader, fromOther) = try SharedFileHash.hashing([shared]) {
                try inParallel({ try readAll(shared) }, { try shared.finish() })
            }
            #expect(fromReader == expected)
            #expect(fromOther == expected)
        }
    }

    @Test("a finish() that fails gives the same error to a later call")
    func finishFailsForEveryCaller() throws {
        let folder = try invoicesFile()
        let shared = SharedFileHash(path: folder.filePath("gone.csv"), readerHashes: false)
        #expect(throws: InputError.missingFile(path: shared.path)) { try shared.finish() }
        #expect(throws: InputError.missingFile(path: shared.path)) { try shared.finish() }
    }
}
