import Foundation

/// A database source (SQLite, PostgreSQL) loaded through the canonical loader: `export`
/// streams each table or query into a canonical CSV file in a temporary folder (returning
/// how each file's lines map to the table's rows), the folder is loaded like a CSV folder,
/// and rejects and inputs are then named by table and row again.
public enum TableSource {
    /// `source` names the database in inputs (`ar.sqlite`, a server without its password);
    /// `phase` is the run.json timing of the export (`load_sqlite`).
    public static func load(
        source: String, phase: String, settings: LoadSettings,
        export: (_ folder: String) throws -> [String: TableRowMap]
    ) throws -> LoadResult {
        let clock = ContinuousClock()
        let start = clock.now
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "arreport-\(phase)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try export(folder.path)
        let elapsed = clock.now - start
        let exportMs = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)

        var result = try DataFolderLoader.load(folder: folder.path, settings: settings)
        result.rejects = result.rejects.map { reject in
            guard let table = CanonicalTable.named(file: reject.file) else { return reject }
            var mapped = reject
            mapped.file = table.name
            mapped.line = files[table.name]?.row(startingOn: reject.line) ?? reject.line
            return mapped
        }
        result.inputs = result.inputs.map { input in
            guard let table = CanonicalTable.named(file: input.file) else { return input }
            var mapped = input
            mapped.file = table.name
            mapped.path = "\(source):\(table.name)"
            return mapped
        }
        result.phaseMs[phase] = exportMs
        return result
    }
}
