import ARCore
import Foundation

/// Loads a foreign export through a profile: converts it into canonical files in a
/// temporary folder, loads those with the canonical loader, and reports everything
/// (rejects, inputs) against the original file (docs/PROFILES.md, "How a profile loads").
public enum ProfiledSource {
    /// `fxFile`: dated rates (a canonical fx_rates file) replacing the profile's fixed ones.
    public static func load(file path: String, profile: Profile, settings: LoadSettings, fxFile: String? = nil) throws
        -> LoadResult
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.missingFile(path: path)
        }
        guard !isDirectory.boolValue else { throw ProfileError.notAFile(path: path) }
        let clock = ContinuousClock()
        let start = clock.now
        var conversion = try ProfileConverter.convert(
            file: path, profile: profile, reporting: settings.reportingCurrency, fxFile: fxFile)
        let elapsed = clock.now - start
        let convertMs = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "arreport-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in conversion.files where !file.isEmpty || file.name == "invoices.csv" {
            try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
        }
        var result = try DataFolderLoader.load(folder: folder.path, settings: settings)

        // Rejects of the converted files point back at the original line; one reason per line,
        // the first in SPEC's file order (a customer's reject before its invoice's).
        let files = Dictionary(uniqueKeysWithValues: conversion.files.map { ($0.name, $0) })
        var mapped: [Reject] = []
        var rejectedLines = Set(conversion.rejects.map(\.line))
        var rateRejects: [Reject] = []
        for reject in result.rejects {
            guard let file = files[reject.file], let line = file.origin(ofLine: reject.line) else { continue }
            // With --fx, fx_rates.csv is that file's rows, on their own lines.
            if let fxSource = conversion.fxSource, reject.file == "fx_rates.csv" {
                rateRejects.append(
                    Reject(
                        file: fxSource.file, line: line, column: reject.column, reason: reject.reason,
                        message: reject.message, record: []))
                continue
            }
            guard rejectedLines.insert(line).inserted else { continue }
            mapped.append(
                Reject(
                    file: conversion.source.file, line: line,
                    column: sourceColumn(reject.column, in: reject.file, profile: profile), reason: reject.reason,
                    message: reject.message, record: []))
        }
        if !mapped.isEmpty { try fillRecords(&mapped, from: path) }
        if let fxFile, !rateRejects.isEmpty { try fillRecords(&rateRejects, from: fxFile) }
        result.rejects = rateRejects + (conversion.rejects + mapped).sorted { $0.line < $1.line }

        // Invoice attributes by invoice id, in the ledger's invoice order.
        // The ids are looked up once, in row order (see KeyIndex.findEvery).
        if !profile.attributes.isEmpty {
            var ids = result.ledger.invoices.ids
            var keys = ByteArena()
            for id in conversion.invoiceIds {
                var id = id
                id.withUTF8 { keys.append($0) }
            }
            var invoiceOfRow = [Int32?](repeating: nil, count: keys.count)
            keys.bytes.withUnsafeBufferPointer { arena in
                ids.findEvery(
                    count: keys.count,
                    key: { row in
                        UnsafeBufferPointer(rebasing: arena[Int(keys.starts[row])..<Int(keys.starts[row + 1])])
                    },
                    found: { row, invoice in invoiceOfRow[row] = invoice })
            }
            for (index, attribute) in profile.attributes.enumerated() {
                var values = [String](repeating: "", count: result.ledger.invoices.count)
                for (row, invoice) in invoiceOfRow.enumerated() {
                    if let invoice { values[Int(invoice)] = conversion.attributeValues[index][row] }
                }
                result.ledger.invoices.attributes[attribute.name] = values
            }
        }

        conversion.source.rejected = result.rejects.count - rateRejects.count
        result.inputs = [conversion.source]
        if var fxSource = conversion.fxSource {
            fxSource.rejected = rateRejects.count
            result.inputs.append(fxSource)
        }
        result.phaseMs["load_convert"] = convertMs
        return result
    }

    /// Copies each reject's raw record from the original file (a second pass, only when needed).
    static func fillRecords(_ rejects: inout [Reject], from path: String) throws {
        let wanted = Dictionary(grouping: rejects.indices, by: { rejects[$0].line })
        let reader = try CSVFileReader(path: path)
        try reader.forEachRow { row in
            if let indices = wanted[row.line] {
                let raw = row.raw
                for index in indices { rejects[index].record = raw }
            }
            return true
        }
    }

    /// The source column a canonical column of a converted file came from.
    static func sourceColumn(_ column: String, in file: String, profile: Profile) -> String {
        let field: String?
        switch (file, column) {
        case ("customers.csv", "name"): field = "customer_name"
        case ("customers.csv", "currency"), ("invoices.csv", "currency"), ("payments.csv", "currency"):
            field = "currency"
        case ("payments.csv", "payment_id"): field = "invoice_id"
        case ("payments.csv", "date"), ("disputes.csv", "resolved"):
            field = profile.fields["settled_date"] != nil ? "settled_date" : "settled_days"
        case ("payments.csv", "amount"): field = profile.fields["settled_amount"] != nil ? "settled_amount" : "amount"
        case ("disputes.csv", "opened"): field = "issue_date"
        default: field = column
        }
        guard let field, let spec = profile.fields[field] else { return column }
        return spec.column ?? field
    }
}
