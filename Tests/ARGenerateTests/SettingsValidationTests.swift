import ARCore
import Foundation
import Testing

@testable import ARGenerate

@Suite("Settings and file errors")
struct SettingsValidationTests {
    func invalid(_ settings: GeneratorSettings) -> Bool {
        do {
            _ = try generateDataset(settings, into: temporaryFolder("invalid"))
            return false
        } catch let error as GeneratorError {
            if case .invalidSettings = error { return true }
            return false
        } catch {
            return false
        }
    }

    @Test("impossible settings are refused before anything is written")
    func badSettings() {
        #expect(invalid(GeneratorSettings(customers: 0)))
        #expect(invalid(GeneratorSettings(customers: 10, invoices: 9)))
        #expect(
            invalid(
                GeneratorSettings(
                    start: CivilCalendar.day(year: 2025, month: 1, day: 2),
                    end: CivilCalendar.day(year: 2025, month: 1, day: 1))))
        #expect(invalid(GeneratorSettings(currencies: [])))
        #expect(invalid(GeneratorSettings(currencies: ["USD", "usd"])))
        #expect(invalid(GeneratorSettings(currencies: ["EURO"])))
    }

    @Test("the smallest data set: one customer, one invoice, one day")
    func smallest() throws {
        let day = CivilCalendar.day(year: 2025, month: 6, day: 30)
        let folder = temporaryFolder("smallest")
        defer { removeFolder(folder) }
        let summary = try generateDataset(
            GeneratorSettings(customers: 1, invoices: 1, start: day, end: day, currencies: ["JPY", "USD"]), into: folder
        )
        #expect(summary.customers == 1 && summary.invoices == 1)
        let invoices = try CSVTable(path: folder + "/invoices.csv")
        #expect(invoices.value(invoices.rows[0], "issue_date") == "2025-06-30")
    }

    @Test("a folder that cannot be created is named in the error")
    func unwritableFolder() throws {
        let blocker = temporaryFolder("blocker")
        defer { removeFolder(blocker) }
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: blocker))
        let target = blocker + "/data"
        #expect {
            _ = try generateDataset(GeneratorSettings(customers: 2, invoices: 4), into: target)
        } throws: { error in
            guard let error = error as? GeneratorError, case .cannotCreateFolder(let path, _) = error else {
                return false
            }
            return path == target && error.description.contains(target)
        }
    }
}
