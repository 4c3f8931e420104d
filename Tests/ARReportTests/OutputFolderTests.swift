import Foundation
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
}
