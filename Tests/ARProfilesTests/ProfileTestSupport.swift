import ARCore
import ARProfiles
import Foundation

/// Writes tiny exports and profiles into a fresh temporary folder and loads them. The folders
/// live in one folder per test process, removed when the process exits (a test may still read
/// a path after its last use of the fixture).
struct ProfileFixture {
    let folder: URL

    init() throws {
        folder = ProfileFixture.scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private static let scratch: URL = {
        atexit { try? FileManager.default.removeItem(at: ProfileFixture.scratch) }
        return FileManager.default.temporaryDirectory.appendingPathComponent(
            "arprofiles-tests-\(ProcessInfo.processInfo.processIdentifier)")
    }()

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func profile(_ yaml: String, name: String = "test") throws -> Profile {
        try Profile.load(path: try write("\(name).yml", yaml))
    }

    func load(_ csv: String, profile yaml: String, asOf: String = "2025-12-31", file: String = "export.csv") throws
        -> LoadResult
    {
        let path = try write(file, csv)
        return try ProfiledSource.load(
            file: path, profile: try profile(yaml),
            settings: LoadSettings(asOf: CivilCalendar.parseISO(asOf)!, reportingCurrency: Currency(code: "USD")))
    }
}

/// The shared real data sets: `<package root>/../shared/data`, or nil when absent.
enum SharedData {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func file(_ name: String) -> String? {
        let path = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/\(name)").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func profile(_ name: String) throws -> Profile {
        try Profile.load(path: packageRoot.appendingPathComponent("profiles/\(name).yml").path)
    }

    static func load(_ file: String, profile: String, asOf: String) throws -> LoadResult? {
        guard let path = SharedData.file(file) else { return nil }
        return try ProfiledSource.load(
            file: path, profile: try SharedData.profile(profile),
            settings: LoadSettings(asOf: CivilCalendar.parseISO(asOf)!, reportingCurrency: Currency(code: "USD")))
    }
}

extension Ledger {
    /// Invoice index by id.
    func invoice(_ id: String) -> Int? { invoices.ids.find(id).map(Int.init) }

    /// The applications of invoice i as (date, amount).
    func applications(of invoice: Int) -> [(Day, Int64)] {
        (Int(applications.start[invoice])..<Int(applications.start[invoice + 1])).map {
            (applications.date[$0], applications.amount[$0])
        }
    }
}
