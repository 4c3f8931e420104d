import ARAnalysis
import ARCore
import ARPostgres
import ARProfiles
import ARSQLite
import Foundation
import Yams

/// Everything a batch run needs, resolved from flags, the config file and defaults.
public struct RunSettings: Sendable {
    public var data: String
    public var asOf: Day
    public var currency: Currency
    public var dsoDays: Int32
    public var buckets: AgingBuckets
    public var basis: AgingBasis
    /// The output folder; default `output/<as-of>`.
    public var out: String
    /// Any rejected row fails the run (exit 65) and no report is written.
    public var strict: Bool
    public var risk: RiskSettings = .standard
    public var policy: CollectionPolicy = .standard
    /// nil = the default schedule for the buckets.
    public var allowanceRates: AllowanceRates? = nil
    /// With a profile, `data` is one foreign export file read through it (docs/PROFILES.md).
    public var profile: Profile? = nil
    /// `--fx FILE`: dated rates for a profile's export, replacing the profile's fixed rates.
    public var fxFile: String? = nil

    /// The outputs to write (`--formats`); all by default.
    public var formats: Set<ReportFormat> = Set(ReportFormat.allCases)
    /// `--templates DIR`: the user's own templates; nil finds the project's (docs/TEMPLATES.md).
    public var templates: String? = nil
    /// The weekly email's sender and recipients (config `email:`).
    public var email: EmailSettings = .standard
    /// The board pack's paper (`--page-size`, config `page_size`), landscape.
    public var pageSize: PaperSize = .a4
    /// A SQLite source (`--db`, config `sqlite:`) instead of a data folder; `data` then names it.
    public var database: SQLiteSourceSettings? = nil
    /// A PostgreSQL source (`--pg URL`, config `postgres:`) instead of a data folder; `data` then
    /// names the server without its password.
    public var postgres: PostgresSourceSettings? = nil
    /// The run history file each run appends to; nil with `--no-history` (docs/METRICS.md, "Run history").
    public var history: String? = nil

    /// False for an open-items source: metrics that need history are "n/a".
    public var hasHistory: Bool { profile?.hasHistory ?? true }

    public var analysis: AnalysisSettings {
        AnalysisSettings(
            asOf: asOf, dsoDays: dsoDays, buckets: buckets, basis: basis, risk: risk, policy: policy,
            allowanceRates: allowanceRates)
    }

    public var load: LoadSettings { LoadSettings(asOf: asOf, reportingCurrency: currency) }
}

/// Settings as given on the command line or in the config file: each may be absent.
public struct RunOptions: Sendable, Decodable, Equatable {
    public var data: String?
    public var asOf: String?
    public var currency: String?
    public var dsoDays: Int?
    public var buckets: String?
    public var basis: String?
    public var out: String?
    public var strict: Bool?
    /// Config-file only: the risk scorecard, escalation policy and allowance percentages.
    public var risk: RiskOptions?
    public var policy: [PolicyStageOptions]?
    public var allowance: [String: String]?
    /// The config file these options came from, named in configuration errors.
    public var configPath: String?
    /// A profile name (`profiles/NAME.yml`) or a path to a profile `.yml`.
    public var profile: String?
    /// A canonical fx_rates file for a profile's export (`--fx`, config `fx:`).
    public var fx: String?
    /// `csv,html,email,pdf` or a list in the config file.
    public var formats: String?
    public var templates: String?
    /// Config-file only: the weekly email's sender and recipients.
    public var email: EmailOptions?
    /// `a4` or `letter`: the board pack's paper.
    public var pageSize: String?
    /// A SQLite database to read instead of a data folder (`--db`; config `sqlite: {path:, queries:}`).
    public var sqlite: SQLiteOptions?
    /// A PostgreSQL database to read instead of a data folder (`--pg URL`; config `postgres: {url:, queries:}`).
    public var postgres: PostgresOptions?
    /// The run history file (`--history`, config `history:`); default `history.sqlite` beside the output folder.
    public var history: String?
    /// `--no-history`: record nothing.
    public var noHistory: Bool?

    public init(
        data: String? = nil, asOf: String? = nil, currency: String? = nil, dsoDays: Int? = nil, buckets: String? = nil,
        basis: String? = nil, out: String? = nil, strict: Bool? = nil, risk: RiskOptions? = nil,
        policy: [PolicyStageOptions]? = nil, allowance: [String: String]? = nil, configPath: String? = nil,
        profile: String? = nil, fx: String? = nil, formats: String? = nil, templates: String? = nil, email: EmailOptions? = nil,
        pageSize: String? = nil, sqlite: SQLiteOptions? = nil, postgres: PostgresOptions? = nil, history: String? = nil,
        noHistory: Bool? = nil
    ) {
        self.sqlite = sqlite
        self.postgres = postgres
        self.history = history
        self.noHistory = noHistory
        self.pageSize = pageSize
        self.formats = formats
        self.templates = templates
        self.email = email
        self.profile = profile
        self.fx = fx
        self.risk = risk
        self.policy = policy
        self.allowance = allowance
        self.configPath = configPath
        self.data = data
        self.asOf = asOf
        self.currency = currency
        self.dsoDays = dsoDays
        self.buckets = buckets
        self.basis = basis
        self.out = out
        self.strict = strict
    }

    enum CodingKeys: String, CodingKey {
        case data, currency, buckets, basis, out, strict, risk, policy, allowance, profile, fx, templates, email
        case formats, sqlite, postgres, history
        case pageSize = "page_size"
        case asOf = "as_of"
        case dsoDays = "dso_days"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        data = try container.decodeIfPresent(String.self, forKey: .data)
        asOf = try container.decodeIfPresent(String.self, forKey: .asOf)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        dsoDays = try container.decodeIfPresent(Int.self, forKey: .dsoDays)
        // Buckets as a YAML list [30, 60, 90] or a string "30,60,90".
        if let list = try? container.decodeIfPresent([Int].self, forKey: .buckets) {
            buckets = list.map(String.init).joined(separator: ",")
        } else {
            buckets = try container.decodeIfPresent(String.self, forKey: .buckets)
        }
        basis = try container.decodeIfPresent(String.self, forKey: .basis)
        profile = try container.decodeIfPresent(String.self, forKey: .profile)
        fx = try container.decodeIfPresent(String.self, forKey: .fx)
        templates = try container.decodeIfPresent(String.self, forKey: .templates)
        email = try container.decodeIfPresent(EmailOptions.self, forKey: .email)
        pageSize = try container.decodeIfPresent(String.self, forKey: .pageSize)
        sqlite = try container.decodeIfPresent(SQLiteOptions.self, forKey: .sqlite)
        postgres = try container.decodeIfPresent(PostgresOptions.self, forKey: .postgres)
        history = try container.decodeIfPresent(String.self, forKey: .history)
        if let list = try? container.decodeIfPresent([String].self, forKey: .formats) {
            formats = list.joined(separator: ",")
        } else {
            formats = try container.decodeIfPresent(String.self, forKey: .formats)
        }
        out = try container.decodeIfPresent(String.self, forKey: .out)
        strict = try container.decodeIfPresent(Bool.self, forKey: .strict)
        risk = try container.decodeIfPresent(RiskOptions.self, forKey: .risk)
        policy = try container.decodeIfPresent([PolicyStageOptions].self, forKey: .policy)
        // Percents as written (`2.5`), so they parse exactly.
        if let texts = try? container.decodeIfPresent([String: String].self, forKey: .allowance) {
            allowance = texts
        } else {
            allowance = try container.decodeIfPresent([String: Double].self, forKey: .allowance)?.mapValues { String($0) }
        }
    }

    /// Reads a YAML config file; unknown keys are an error so typos do not pass silently.
    public static func load(configFile path: String) throws -> RunOptions {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ReportError.config(path: path, reason: "cannot read the file")
        }
        do {
            let known = Set([
                "data", "as_of", "currency", "dso_days", "buckets", "basis", "out", "strict", "risk", "policy", "allowance", "profile", "fx",
                "formats", "templates", "email", "page_size", "sqlite", "postgres", "history",
            ])
            if let mapping = try Yams.load(yaml: text) as? [String: Any] {
                if let unknown = mapping.keys.sorted().first(where: { !known.contains($0) }) {
                    throw ReportError.config(
                        path: path, reason: "unknown key '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
                }
                if let unknown = AnalysisConfigKeys.unknownKey(in: mapping) {
                    throw ReportError.config(path: path, reason: "unknown key '\(unknown)'")
                }
                if let email = mapping["email"] as? [String: Any],
                    let unknown = email.keys.sorted().first(where: { !EmailOptions.keys.contains($0) })
                {
                    throw ReportError.config(path: path, reason: "unknown key 'email.\(unknown)' (known: cc, from, max_attachments_mb, to)")
                }
                if let unknown = SQLiteOptions.unknownKey(in: mapping["sqlite"]) {
                    throw ReportError.config(path: path, reason: "unknown key '\(unknown)'")
                }
                if let unknown = PostgresOptions.unknownKey(in: mapping["postgres"]) {
                    throw ReportError.config(path: path, reason: "unknown key '\(unknown)'")
                }
            }
            var options = try YAMLDecoder().decode(RunOptions.self, from: text)
            options.configPath = path
            if let problem = options.postgres?.configURLProblem {
                throw ReportError.config(path: path, reason: problem)
            }
            return options
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.config(path: path, reason: "\(error)")
        }
    }

    /// These options with `other`'s present values taking precedence (flags over the config file).
    public func overridden(by other: RunOptions) -> RunOptions {
        // One source: a data folder (or export) or a database; the flag's source replaces the config's,
        // keeping the config's queries for the same kind of database.
        let flagsNameSource = other.data != nil || other.sqlite != nil || other.postgres != nil
        let data = flagsNameSource ? other.data : self.data
        let sqlite = flagsNameSource
            ? other.sqlite.map { SQLiteOptions(path: $0.path ?? self.sqlite?.path, queries: $0.queries ?? self.sqlite?.queries) }
            : self.sqlite
        let postgres = flagsNameSource
            ? other.postgres.map { PostgresOptions(url: $0.url ?? self.postgres?.url, queries: $0.queries ?? self.postgres?.queries) }
            : self.postgres
        return RunOptions(
            data: data, asOf: other.asOf ?? asOf, currency: other.currency ?? currency,
            dsoDays: other.dsoDays ?? dsoDays, buckets: other.buckets ?? buckets, basis: other.basis ?? basis,
            out: other.out ?? out, strict: other.strict ?? strict, risk: other.risk ?? risk, policy: other.policy ?? policy,
            allowance: other.allowance ?? allowance, configPath: other.configPath ?? configPath,
            profile: other.profile ?? profile, fx: other.fx ?? fx, formats: other.formats ?? formats, templates: other.templates ?? templates,
            email: other.email ?? email, pageSize: other.pageSize ?? pageSize, sqlite: sqlite, postgres: postgres,
            history: other.history ?? history, noHistory: other.noHistory ?? noHistory)
    }

    /// Validates the options and fills defaults; `today` is the default as-of date.
    public func resolve(today: Day) throws -> RunSettings {
        let database = try sqlite?.resolve(configPath: configPath ?? "config")
        let server = try postgres?.resolve()
        let sources = [
            data.flatMap { $0.isEmpty ? nil : "--data '\($0)'" }, database.map { "--db '\($0.path)'" },
            server.map { "--pg '\($0.server)'" },
        ].compactMap { $0 }
        if sources.count > 1 {
            throw ReportError.settings("\(sources.joined(separator: " and ")) are \(sources.count) sources: give one")
        }
        guard let data = database?.path ?? server?.server ?? data, !data.isEmpty else {
            throw ReportError.settings(
                "--data is required: the folder with invoices.csv (or --db FILE.sqlite, or --pg postgresql://...)")
        }
        var asOfDay = today
        if let asOf {
            guard let day = CivilCalendar.parseISO(asOf) else {
                throw ReportError.settings("--as-of '\(asOf)' is not a real YYYY-MM-DD date")
            }
            asOfDay = day
        }
        let code = (currency ?? "USD").uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw ReportError.settings("--currency '\(currency ?? "")' is not a 3-letter ISO 4217 code")
        }
        let window = dsoDays ?? 90
        guard window >= 1, window <= 3650 else { throw ReportError.settings("--dso-days must be 1 to 3650, not \(window)") }
        var agingBuckets = AgingBuckets.standard
        if let buckets {
            let parts = buckets.split(separator: ",").map { Int32($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                throw ReportError.settings("--buckets '\(buckets)' must be whole days separated by commas, e.g. 30,60,90,120")
            }
            do {
                agingBuckets = try AgingBuckets(edges: parts.map { $0! })
            } catch {
                throw ReportError.settings("--buckets '\(buckets)': \(error)")
            }
        }
        var agingBasis = AgingBasis.due
        if let basis {
            switch basis.lowercased() {
            case "due", "due_date": agingBasis = .due
            case "issue", "issue_date": agingBasis = .issue
            default: throw ReportError.settings("--basis '\(basis)' must be due or issue")
            }
        }
        var settings = RunSettings(
            data: data, asOf: asOfDay, currency: Currency(code: code), dsoDays: Int32(window), buckets: agingBuckets,
            basis: agingBasis, out: out ?? "output/\(CivilCalendar.format(asOfDay))", strict: strict ?? false)
        let configPath = self.configPath ?? "config"
        if let profile {
            let path = try Profile.locate(profile, in: FileManager.default.currentDirectoryPath)
            settings.profile = try Profile.load(path: path)
        }
        if let fx {
            guard settings.profile != nil else {
                throw ReportError.settings(
                    "--fx '\(fx)' gives rates for a --profile export; a data folder or database has its own fx_rates")
            }
            settings.fxFile = fx
        }
        if let risk { settings.risk = try risk.resolve(configPath: configPath) }
        if let policy {
            settings.policy = try PolicyStageOptions.resolve(policy, currency: settings.currency, configPath: configPath)
        }
        if let allowance {
            settings.allowanceRates = try AllowanceOptions.resolve(allowance, buckets: agingBuckets, configPath: configPath)
        }
        if let formats { settings.formats = try ReportFormat.parse(formats) }
        settings.templates = templates
        if let email { settings.email = try email.resolve(configPath: configPath) }
        settings.database = database
        settings.postgres = server?.settings
        if database != nil || server != nil, settings.profile != nil {
            throw ReportError.settings("--profile reads an export file: it cannot be used with --db or --pg")
        }
        if noHistory != true {
            settings.history = history ?? ((settings.out as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("history.sqlite")
        }
        if let pageSize {
            guard let paper = PaperSize(rawValue: pageSize.lowercased()) else {
                throw ReportError.settings("--page-size '\(pageSize)' must be a4 or letter")
            }
            settings.pageSize = paper
        }
        return settings
    }
}

extension CivilCalendar {
    /// Today's date in UTC as a day number (the only clock read, at the CLI's edge).
    public static func today() -> Day {
        Day(Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

/// The `email:` section: `{from: "AR <ar@example.com>", to: [a@example.com], cc: [b@example.com],
/// max_attachments_mb: 10}`.
public struct EmailOptions: Sendable, Decodable, Equatable {
    public var from: String?
    public var to: [String]?
    public var cc: [String]?
    public var maxAttachmentsMB: Double?

    public init(from: String? = nil, to: [String]? = nil, cc: [String]? = nil, maxAttachmentsMB: Double? = nil) {
        self.from = from
        self.to = to
        self.cc = cc
        self.maxAttachmentsMB = maxAttachmentsMB
    }

    static let keys: Set<String> = ["from", "to", "cc", "max_attachments_mb"]

    enum CodingKeys: String, CodingKey {
        case from, to, cc
        case maxAttachmentsMB = "max_attachments_mb"
    }

    /// `to` and `cc` as a list or a single address.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decodeIfPresent(String.self, forKey: .from)
        func list(_ key: CodingKeys) throws -> [String]? {
            if let many = try? container.decodeIfPresent([String].self, forKey: key) { return many }
            return try container.decodeIfPresent(String.self, forKey: key).map { [$0] }
        }
        to = try list(.to)
        cc = try list(.cc)
        maxAttachmentsMB = try container.decodeIfPresent(Double.self, forKey: .maxAttachmentsMB)
    }

    /// Each address must hold an `@` and no line break (it goes into a mail header).
    func resolve(configPath: String) throws -> EmailSettings {
        var settings = EmailSettings.standard
        func check(_ address: String, _ key: String) throws -> String {
            let trimmed = address.trimmingCharacters(in: .whitespaces)
            guard trimmed.contains("@"), !trimmed.contains(where: { $0 == "\n" || $0 == "\r" }) else {
                throw ReportError.config(path: configPath, reason: "email.\(key): '\(address)' is not an email address")
            }
            return trimmed
        }
        if let from { settings.from = try check(from, "from") }
        if let to {
            guard !to.isEmpty else { throw ReportError.config(path: configPath, reason: "email.to: name at least one recipient") }
            settings.to = try to.map { try check($0, "to") }
        }
        if let cc { settings.cc = try cc.map { try check($0, "cc") } }
        if let maxAttachmentsMB {
            guard maxAttachmentsMB.isFinite, maxAttachmentsMB >= 0, maxAttachmentsMB <= 1_000 else {
                throw ReportError.config(
                    path: configPath, reason: "email.max_attachments_mb: must be 0 to 1000 (MB), not \(maxAttachmentsMB)")
            }
            settings.maxAttachmentBytes = Int((maxAttachmentsMB * 1_000_000).rounded())
        }
        return settings
    }
}
