import ARCore
import Foundation
import Testing

extension BinaryRunner {
    /// The small fixture without the rows it rejects: a data folder that loads cleanly.
    static func cleanSmallFixture() throws -> URL {
        let small = fixtures.appendingPathComponent("small")
        let clean = try BinaryRunner.temporaryFolder().appendingPathComponent("clean")
        try FileManager.default.createDirectory(at: clean, withIntermediateDirectories: true)
        let settings = LoadSettings(
            asOf: CivilCalendar.parseISO("2025-03-31")!, reportingCurrency: Currency(code: "USD"))
        let rejects = try DataFolderLoader.load(folder: small.path, settings: settings).rejects
        for file in DataFolderLoader.fileOrder {
            let path = small.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let rejected = Set(rejects.filter { $0.file == file }.map(\.line))
            let reader = try CSVFileReader(path: path)
            var bytes = Array((reader.header.joined(separator: ",") + "\n").utf8)
            try reader.forEachRow { row in
                if !rejected.contains(row.line) { bytes += row.raw + [UInt8(ascii: "\n")] }
                return true
            }
            try Data(bytes).write(to: clean.appendingPathComponent(file))
        }
        #expect(try DataFolderLoader.load(folder: clean.path, settings: settings).rejects.isEmpty)
        return clean
    }
}
