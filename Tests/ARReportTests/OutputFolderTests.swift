import ARCore
import Foundation
import Synchronization
import Testing

@testable import ARReport

@Suite("OutputFolder: staged files, hashes, errors")
struct OutputFolderTests {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("outfolder-\(UUID().uuidString)")

    @Test("a written file has its bytes, size and SHA-256, and appears only on commit")
    func writeAndCommit() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("2025-12-31").path
        var folder = try OutputFolder(target: target)
        try folder.write("kpis.csv", Array("abc".utf8))
        try folder.write("empty.csv", [])
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(
            folder.written == [
                WrittenFile(
                    file: "kpis.csv", bytes: 3,
                    sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                WrittenFile(
                    file: "empty.csv", bytes: 0,
                    sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ])
        try folder.commit()
        #expect(FileManager.default.contents(atPath: target + "/kpis.csv") == Data("abc".utf8))
        #expect(FileManager.default.contents(atPath: target + "/empty.csv") == Data())
    }

    /// Rows of every kind of field, long enough to cross the streaming buffer's 256 KB many times,
    /// with a field longer than the buffer (written around it) and fields that need quotes.
    static func writeRows(_ csv: inout CSVBuffer) {
        csv.header(["id", "text", "amount", "date"])
        for n in 0..<40_000 {
            csv.integer(n)
            csv.field(n % 7 == 0 ? "a \"quoted\", field" : "plain\(n)")
            csv.money(Int64(n) * 1_001 - 20_000_000, digits: 2)
            csv.date(Day(20_000 + n % 900))
            csv.endRow()
            if n == 20_000 { csv.field(String(repeating: "x", count: 300_000)) }
        }
    }

    @Test("a streamed table has the bytes, size and SHA-256 of the same table built in memory")
    func streamedTable() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        var folder = try OutputFolder(target: parent.appendingPathComponent("streamed").path)
        defer { folder.discard() }
        var inMemory = CSVBuffer()
        Self.writeRows(&inMemory)
        let expected = inMemory.bytes
        #expect(expected.count > 1_500_000)
        let streamed = try folder.stagingFolder.stream("t.csv") { Self.writeRows(&$0) }
        try folder.write("m.csv", expected)
        #expect(streamed.bytes == expected.count)
        #expect(streamed.sha256 == folder.written[0].sha256)
        #expect(FileManager.default.contents(atPath: folder.stagingFolder.path + "/t.csv") == Data(expected))
        // An empty stream is an empty file.
        let empty = try folder.stagingFolder.stream("e.csv") { _ in }
        #expect(empty.file == "e.csv" && empty.bytes == 0)
        #expect(empty.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("a streamed table that cannot be created, or fails mid-write, is an error naming its path")
    func streamedFailures() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = try OutputFolder(target: parent.appendingPathComponent("out").path)
        defer { folder.discard() }
        #expect {
            try folder.stagingFolder.stream("no-such-folder/t.csv") { Self.writeRows(&$0) }
        } throws: { error in
            guard case ReportError.cannotWrite(let path, let reason) = error else { return false }
            return path.hasSuffix("/no-such-folder/t.csv") && reason == "No such file or directory"
        }
        // /dev/full takes the open and refuses every write: the disk-full case, after the first buffer.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        #expect {
            try OutputFolder.Staging(path: "/dev").stream("full") { Self.writeRows(&$0) }
        } throws: { error in
            guard case ReportError.cannotWrite(let path, let reason) = error else { return false }
            return path == "/dev/full" && reason == "No space left on device"
        }
    }

    @Test("a file that cannot be created is an error naming its path and the system's reason")
    func unwritableFile() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        var folder = try OutputFolder(target: parent.appendingPathComponent("out").path)
        defer { folder.discard() }
        #expect {
            try folder.write("no-such-folder/kpis.csv", Array("abc".utf8))
        } throws: { error in
            guard case ReportError.cannotWrite(let path, let reason) = error else { return false }
            return path.hasSuffix("/no-such-folder/kpis.csv") && reason == "No such file or directory"
        }
        #expect(folder.written.isEmpty)
    }

    @Test("jobs taken by two threads are written by either and listed in job order")
    func jobsOnTwoThreads() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("jobs").path
        for _ in 0..<10 {
            var folder = try OutputFolder(target: target)
            let jobs = OutputJobs(
                (0..<40).map { n in OutputJobs.Job(file: "t\(n).csv") { Array("row \(n)\n".utf8) } },
                writingInto: folder.stagingFolder)
            _ = try inParallel({ jobs.work() }, { jobs.work() })
            try jobs.record(into: &folder)
            #expect(folder.written.map(\.file) == (0..<40).map { "t\($0).csv" })
            #expect(folder.written.map(\.bytes) == (0..<40).map { "row \($0)\n".utf8.count })
            try folder.commit()
            #expect(FileManager.default.contents(atPath: target + "/t39.csv") == Data("row 39\n".utf8))
        }
    }

    @Test("a job whose file cannot be written fails the record with the first such file, in job order")
    func failedJob() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        var folder = try OutputFolder(target: parent.appendingPathComponent("out").path)
        defer { folder.discard() }
        let jobs = OutputJobs(
            ["a.csv", "missing/b.csv", "c.csv", "missing/d.csv"].map { name in OutputJobs.Job(file: name) { [1] } },
            writingInto: folder.stagingFolder)
        _ = try inParallel({ jobs.work() }, { jobs.work() })
        #expect {
            try jobs.record(into: &folder)
        } throws: { error in
            guard case ReportError.cannotWrite(let path, _) = error else { return false }
            return path.hasSuffix("/missing/b.csv")
        }
        #expect(folder.written.map(\.file) == ["a.csv"])
    }

    @Test("jobs are taken largest first, and listed in job order")
    func largestFirst() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        var folder = try OutputFolder(target: parent.appendingPathComponent("out").path)
        defer { folder.discard() }
        let made = Mutex<[String]>([])
        let sizes = [("a.csv", 0), ("b.csv", 5), ("c.csv", 0), ("d.csv", 9), ("e.csv", 5)]
        let jobs = OutputJobs(
            sizes.map { name, rows in
                OutputJobs.Job(file: name, rows: rows) {
                    made.withLock { $0.append(name) }
                    return [1]
                }
            },
            writingInto: folder.stagingFolder)
        jobs.work()
        #expect(made.withLock { $0 } == ["d.csv", "b.csv", "e.csv", "a.csv", "c.csv"])
        try jobs.record(into: &folder)
        #expect(folder.written.map(\.file) == ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv"])
    }

    @Test("a failed job taken first is reported though jobs listed before it never started")
    func failureBeforeEarlierJobs() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        var folder = try OutputFolder(target: parent.appendingPathComponent("out").path)
        defer { folder.discard() }
        let jobs = OutputJobs(
            [OutputJobs.Job(file: "a.csv") { [1] }, OutputJobs.Job(file: "missing/b.csv", rows: 10) { [1] }],
            writingInto: folder.stagingFolder)
        jobs.work()
        #expect(!FileManager.default.fileExists(atPath: folder.stagingFolder.path + "/a.csv"))
        #expect {
            try jobs.record(into: &folder)
        } throws: { error in
            guard case ReportError.cannotWrite(let path, _) = error else { return false }
            return path.hasSuffix("/missing/b.csv")
        }
        #expect(folder.written.isEmpty)
    }

    @Test("jobs added while the other thread waits are written by it, listed after the first ones")
    func addedJobs() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        var folder = try OutputFolder(target: parent.appendingPathComponent("out").path)
        defer { folder.discard() }
        let jobs = OutputJobs(
            [OutputJobs.Job(file: "a.csv", rows: 1) { [1] }], writingInto: folder.stagingFolder, moreToCome: true)
        let writer = Mutex<[String]>([])
        _ = try inParallel(
            {
                // Waits for the added jobs until close().
                jobs.work()
                writer.withLock { $0.append("returned") }
            },
            {
                Thread.sleep(forTimeInterval: 0.05)
                for name in ["b.csv", "c.csv"] {
                    jobs.add(OutputJobs.Job(file: name) { Array(name.utf8) })
                    Thread.sleep(forTimeInterval: 0.02)
                }
                #expect(writer.withLock { $0 }.isEmpty, "work() returned before close()")
                jobs.close()
            })
        jobs.work()
        try jobs.record(into: &folder)
        #expect(folder.written.map(\.file) == ["a.csv", "b.csv", "c.csv"])
        #expect(FileManager.default.contents(atPath: folder.stagingFolder.path + "/c.csv") == Data("c.csv".utf8))

        // Closed or stopped with nothing added, a waiting thread returns.
        for end in ["close", "stop"] {
            let empty = OutputJobs([], writingInto: folder.stagingFolder, moreToCome: true)
            _ = try inParallel({ empty.work() }) {
                Thread.sleep(forTimeInterval: 0.02)
                if end == "close" { empty.close() } else { empty.stop() }
            }
        }
    }

    @Test("after a failed write no further job is started, and stop() ends the work too")
    func stopsAfterFailure() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        var folder = try OutputFolder(target: parent.appendingPathComponent("out").path)
        defer { folder.discard() }
        let made = Mutex<[String]>([])
        let jobs = OutputJobs(
            ["a.csv", "missing/b.csv", "c.csv"].map { name in
                OutputJobs.Job(file: name) {
                    made.withLock { $0.append(name) }
                    return [1]
                }
            },
            writingInto: folder.stagingFolder)
        jobs.work()
        #expect(made.withLock { $0 } == ["a.csv", "missing/b.csv"])
        #expect(throws: ReportError.self) { try jobs.record(into: &folder) }

        let stopped = OutputJobs([OutputJobs.Job(file: "d.csv") { [1] }], writingInto: folder.stagingFolder)
        stopped.stop()
        stopped.work()
        #expect(!FileManager.default.fileExists(atPath: folder.stagingFolder.path + "/d.csv"))
    }
}
