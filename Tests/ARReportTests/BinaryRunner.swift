import Foundation

/// Runs the built `arreport` executable, as a user or cron would.
struct BinaryRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, from this file's place in Tests/ARReportTests.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The executable: $ARREPORT_BIN, or beside the test bundle, or in .build/debug.
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["ARREPORT_BIN"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("arreport"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arreport"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/arreport"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// Runs the binary; `environment` adds to (or, with an empty value, removes from) this process's.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            var variables = ProcessInfo.processInfo.environment
            for (name, value) in environment { variables[name] = value.isEmpty ? nil : value }
            process.environment = variables
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh empty temporary folder, inside one folder per test process that is removed when
    /// the process exits (tests hand folders to the binary and do not clean up after it).
    static func temporaryFolder() throws -> URL {
        let url = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This process's scratch folder, created (and its removal at exit arranged) on first use.
    private static let scratch: URL = {
        atexit { try? FileManager.default.removeItem(at: BinaryRunner.scratch) }
        return FileManager.default.temporaryDirectory.appendingPathComponent(
            "arreport-tests-\(ProcessInfo.processInfo.processIdentifier)")
    }()
}
