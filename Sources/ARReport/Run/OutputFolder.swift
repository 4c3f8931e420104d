import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A written output file: its name, size and SHA-256.
public struct WrittenFile: Sendable, Equatable, Codable {
    public var file: String
    public var bytes: Int
    public var sha256: String
}

/// Writes a run's files into a hidden temporary folder beside the target and
/// renames it into place only when every file is written, so a failed or
/// killed run never leaves a half-written folder and keeps the previous one.
public struct OutputFolder {
    public let target: URL
    let staging: URL
    public private(set) var written: [WrittenFile] = []

    public init(target: String) throws {
        self.target = URL(fileURLWithPath: target).standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            OutputFolder.removeAbandonedStaging(in: parent)
            staging = parent.appendingPathComponent(
                ".\(self.target.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ReportError.cannotWrite(path: target, reason: OutputFolder.reason(error))
        }
    }

    /// The staging folder, where any thread may write files (see `OutputJobs`); what it writes
    /// is listed in the folder by `record(_:)`.
    struct Staging: Sendable {
        let path: String

        /// Writes one file and returns its entry for run.json.
        func write(_ file: String, _ bytes: [UInt8]) throws(ReportError) -> WrittenFile {
            let sink = try OutputFileSink(path: path + "/" + file)
            bytes.withUnsafeBufferPointer { sink.write($0) }
            return try sink.finish(as: file)
        }

        /// Writes one CSV file as `body` makes it, through a buffer that stays in cache (a large
        /// table is never whole in memory), and returns its entry for run.json.
        func stream(_ file: String, _ body: (inout CSVBuffer) -> Void) throws(ReportError) -> WrittenFile {
            let sink = try OutputFileSink(path: path + "/" + file)
            var csv = CSVBuffer(streamingTo: sink)
            body(&csv)
            csv.finishStreaming()
            return try sink.finish(as: file)
        }
    }

    var stagingFolder: Staging { Staging(path: staging.path) }

    /// Writes one file into the staging folder and records its hash.
    public mutating func write(_ file: String, _ bytes: [UInt8]) throws {
        record(try stagingFolder.write(file, bytes))
    }

    /// Lists a file written into the staging folder (by `Staging.write`).
    mutating func record(_ entry: WrittenFile) {
        written.append(entry)
    }

    /// Moves `file`'s entry in `written` (and so in run.json) to just after `previous`'s, for a
    /// file made on another thread and written late; nothing changes unless both were written.
    public mutating func list(_ file: String, after previous: String) {
        guard let from = written.firstIndex(where: { $0.file == file }),
            written.contains(where: { $0.file == previous })
        else { return }
        let entry = written.remove(at: from)
        written.insert(entry, at: written.firstIndex(where: { $0.file == previous })! + 1)
    }

    /// The bytes of a file this run has already written (the email attaches the board pack).
    public func writtenBytes(_ file: String) -> [UInt8]? {
        guard written.contains(where: { $0.file == file }) else { return nil }
        return (try? Data(contentsOf: staging.appendingPathComponent(file))).map { Array($0) }
    }

    /// Moves the staging folder into place, replacing a previous run's folder.
    public func commit() throws {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        var previous: URL? = nil
        do {
            if manager.fileExists(atPath: target.path) {
                let aside = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
                try? manager.removeItem(at: aside)
                try manager.moveItem(at: target, to: aside)
                previous = aside
            }
            try manager.moveItem(at: staging, to: target)
        } catch {
            // Put the previous output back if the new one could not take its place.
            if let previous, !manager.fileExists(atPath: target.path) {
                try? manager.moveItem(at: previous, to: target)
            }
            throw ReportError.cannotWrite(path: target.path, reason: OutputFolder.reason(error))
        }
        if let previous { try? manager.removeItem(at: previous) }
    }

    /// Removes the staging folder of a run that failed.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Staging folders whose process is gone (killed runs) are deleted.
    static func removeAbandonedStaging(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(".") && (name.contains(".tmp-") || name.contains(".old-")) {
            let marker = name.contains(".tmp-") ? ".tmp-" : ".old-"
            guard let pidText = name.components(separatedBy: marker).last?.split(separator: "-").first,
                let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
