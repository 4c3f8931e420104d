import Foundation
import Testing

@testable import ARGenerate

@Suite("Determinism")
struct DeterminismTests {
    static let files = [
        "customers.csv", "invoices.csv", "payments.csv", "credit_notes.csv", "disputes.csv", "fx_rates.csv",
    ]

    static func contents(of folder: String) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for file in files { contents[file] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)) }
        return contents
    }

    @Test("the same settings write byte-identical files")
    func sameSettingsSameBytes() throws {
        let settings = GeneratorSettings(customers: 30, invoices: 800, seed: 7, currencies: ["EUR", "USD", "JPY"])
        let first = temporaryFolder("same-a")
        let second = temporaryFolder("same-b")
        let firstSummary = try generateDataset(settings, into: first)
        let secondSummary = try generateDataset(settings, into: second)
        #expect(firstSummary == secondSummary)
        #expect(try Self.contents(of: first) == Self.contents(of: second))
    }

    @Test("another seed writes other data of the same shape")
    func otherSeedOtherBytes() throws {
        var settings = GeneratorSettings(customers: 30, invoices: 800, seed: 7)
        let first = temporaryFolder("seed-a")
        _ = try generateDataset(settings, into: first)
        settings.seed = 8
        let second = temporaryFolder("seed-b")
        let summary = try generateDataset(settings, into: second)
        #expect(summary.invoices == 800)
        let a = try Self.contents(of: first)
        let b = try Self.contents(of: second)
        #expect(a["invoices.csv"] != b["invoices.csv"])
        #expect(a["customers.csv"] != b["customers.csv"])
    }

    @Test("generating again into the same folder replaces the files")
    func regenerateOverwrites() throws {
        let folder = temporaryFolder("again")
        _ = try generateDataset(GeneratorSettings(customers: 20, invoices: 400, seed: 1), into: folder)
        let before = try Self.contents(of: folder)
        _ = try generateDataset(GeneratorSettings(customers: 5, invoices: 50, seed: 1), into: folder)
        _ = try generateDataset(GeneratorSettings(customers: 20, invoices: 400, seed: 1), into: folder)
        #expect(try Self.contents(of: folder) == before)
    }

    @Test("the random generator matches the xoshiro256** reference stream")
    func xoshiroReference() {
        // SplitMix64 from seed 0 gives these words (reference implementation by Vigna).
        var mixer = SplitMix64(seed: 0)
        #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
        #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
        var a = Xoshiro256StarStar(seed: 123)
        var b = Xoshiro256StarStar(seed: 123)
        for _ in 0..<1000 { #expect(a.next() == b.next()) }
        for _ in 0..<1000 {
            let value = a.between(-3, 9)
            #expect(value >= -3 && value <= 9)
        }
    }
}
