import ARCore
import Foundation

/// run.json: what went in, what came out, with which settings, and how long it took.
struct RunManifest: Encodable {
    struct Input: Encodable {
        var file: String
        var path: String
        var sha256: String
        var bytes: Int
        var rows: Int
        var rejected: Int
    }

    struct Rejects: Encodable {
        var total: Int
        var byReason: [String: Int]

        enum CodingKeys: String, CodingKey {
            case total
            case byReason = "by_reason"
        }
    }

    struct Settings: Encodable {
        var data: String
        var currency: String
        var dsoDays: Int
        var buckets: [Int]
        var basis: String
        var strict: Bool
        /// With a profile: its name, file, shape and whether the source has payment history.
        var profile: String?
        var profilePath: String?
        var shape: String?
        var historyAvailable: Bool?

        enum CodingKeys: String, CodingKey {
            case data, currency, buckets, basis, strict, profile, shape
            case dsoDays = "dso_days"
            case profilePath = "profile_path"
            case historyAvailable = "history_available"
        }
    }

    var tool = "arreport"
    var version: String
    var asOf: String
    var settings: Settings
    var inputs: [Input]
    var rejects: Rejects
    var outputs: [WrittenFile]
    var timingsMs: [String: Int]

    enum CodingKeys: String, CodingKey {
        case tool, version, settings, inputs, rejects, outputs
        case asOf = "as_of"
        case timingsMs = "timings_ms"
    }

    init(settings: RunSettings, load: LoadResult, outputs: [WrittenFile], timingsMs: [String: Int]) {
        version = ARReportVersion.current
        asOf = CivilCalendar.format(settings.asOf)
        self.settings = Settings(
            data: settings.data, currency: settings.currency.code, dsoDays: Int(settings.dsoDays),
            buckets: settings.buckets.edges.map(Int.init), basis: settings.basis.rawValue, strict: settings.strict,
            profile: settings.profile?.name, profilePath: settings.profile?.path,
            shape: settings.profile?.shape.rawValue, historyAvailable: settings.profile.map { $0.hasHistory })
        inputs = load.inputs.map {
            Input(file: $0.file, path: $0.path, sha256: $0.sha256, bytes: $0.bytes, rows: $0.rows, rejected: $0.rejected)
        }
        rejects = Rejects(
            total: load.rejects.count,
            byReason: Dictionary(grouping: load.rejects, by: \.reason.rawValue).mapValues(\.count))
        self.outputs = outputs
        self.timingsMs = timingsMs
    }

    func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }
}

/// The version written into run.json.
public enum ARReportVersion {
    public static let current = "0.1.0"
}
