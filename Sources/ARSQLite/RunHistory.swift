import ARCore
import Foundation
import GRDB

/// The run history: a SQLite file every `arreport run` appends to (docs/METRICS.md,
/// "Run history"). Table `runs` holds one row per run, `run_aging` its aging totals and
/// `run_inputs` the inputs it read.
public struct RunHistory {
    public let path: String
    private let queue: DatabaseQueue

    /// Opens the history, creating the file and its tables when `create` is true.
    public init(path: String, create: Bool) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw SQLiteSourceError.missingDatabase(path: path) }
        do {
            if create {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            }
            var configuration = Configuration()
            configuration.readonly = !create
            configuration.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            if create { try queue.write { db in try db.execute(sql: Self.schema) } }
        } catch let error as DatabaseError {
            throw SQLiteSource.classify(error, path: path, table: "runs")
        } catch let error as SQLiteSourceError {
            throw error
        } catch {
            throw SQLiteSourceError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY,
            as_of TEXT NOT NULL,
            run_at TEXT NOT NULL,
            source TEXT NOT NULL,
            currency TEXT NOT NULL,
            total_ar INTEGER NOT NULL,
            current_ar INTEGER NOT NULL,
            past_due_ar INTEGER NOT NULL,
            over_90_ar INTEGER NOT NULL,
            disputed_ar INTEGER NOT NULL,
            unapplied INTEGER NOT NULL,
            dso REAL, countback_dso REAL, bpdso REAL, add_days REAL, cei REAL,
            customers_with_balance INTEGER NOT NULL,
            rejected_rows INTEGER NOT NULL,
            has_history INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS runs_by_source ON runs (source, currency, as_of);
        CREATE TABLE IF NOT EXISTS run_aging (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            position INTEGER NOT NULL,
            bucket TEXT NOT NULL,
            amount INTEGER NOT NULL,
            PRIMARY KEY (run_id, position)
        );
        CREATE TABLE IF NOT EXISTS run_inputs (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            rows INTEGER NOT NULL
        );
        """

    /// Appends one run.
    public func append(_ record: HistoryRecord) throws {
        do {
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO runs (as_of, run_at, source, currency, total_ar, current_ar, past_due_ar, over_90_ar,
                            disputed_ar, unapplied, dso, countback_dso, bpdso, add_days, cei, customers_with_balance,
                            rejected_rows, has_history)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        CivilCalendar.format(record.asOf), record.runAt, record.source, record.currency.code,
                        record.totalAR, record.currentAR, record.pastDueAR, record.over90AR, record.disputedAR,
                        record.unapplied, record.dso, record.countbackDSO, record.bpdso, record.add, record.cei,
                        record.customersWithBalance, record.rejectedRows, record.hasHistory,
                    ])
                let id = db.lastInsertedRowID
                for (position, total) in record.aging.enumerated() {
                    try db.execute(
                        sql: "INSERT INTO run_aging (run_id, position, bucket, amount) VALUES (?, ?, ?, ?)",
                        arguments: [id, position, total.bucket, total.amount])
                }
                for input in record.inputs {
                    try db.execute(
                        sql: "INSERT INTO run_inputs (run_id, file, sha256, rows) VALUES (?, ?, ?, ?)",
                        arguments: [id, input.file, input.sha256, input.rows])
                }
            }
        } catch let error as DatabaseError {
            throw SQLiteSourceError.cannotWrite(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Every recorded run, by as-of date then run time (optionally of one source only).
    public func records(source: String? = nil) throws -> [HistoryRecord] {
        try fetch(where: source == nil ? "" : "WHERE source = ?", arguments: source.map { [$0] } ?? [], order: "ORDER BY as_of, id")
    }

    /// The latest run of `source` in `currency` with an as-of on or before `day` (ties: the later run).
    public func latest(source: String, currency: Currency, onOrBefore day: Day) throws -> HistoryRecord? {
        try fetch(
            where: "WHERE source = ? AND currency = ? AND as_of <= ?",
            arguments: [source, currency.code, CivilCalendar.format(day)], order: "ORDER BY as_of DESC, id DESC LIMIT 1"
        ).first
    }

    /// What earlier runs say at a report's comparison dates (T-7 and the previous month end).
    public func comparison(source: String, currency: Currency, asOf: Day) throws -> RecordedComparison {
        RecordedComparison(
            weekAgo: try latest(source: source, currency: currency, onOrBefore: asOf - 7),
            monthEnd: try latest(source: source, currency: currency, onOrBefore: CivilCalendar.monthEnd(monthsBefore: 1, asOf)))
    }

    private func fetch(where filter: String, arguments: StatementArguments, order: String) throws -> [HistoryRecord] {
        do {
            return try queue.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM runs \(filter) \(order)", arguments: arguments)
                return try rows.map { row in
                    let id: Int64 = row["id"]
                    let aging = try Row.fetchAll(
                        db, sql: "SELECT bucket, amount FROM run_aging WHERE run_id = ? ORDER BY position", arguments: [id]
                    ).map { AgingTotal(bucket: $0["bucket"], amount: $0["amount"]) }
                    let inputs = try Row.fetchAll(
                        db, sql: "SELECT file, sha256, rows FROM run_inputs WHERE run_id = ? ORDER BY rowid", arguments: [id]
                    ).map { HistoryInput(file: $0["file"], sha256: $0["sha256"], rows: $0["rows"]) }
                    let asOfText: String = row["as_of"]
                    return HistoryRecord(
                        asOf: CivilCalendar.parseISO(asOfText) ?? Day(0), runAt: row["run_at"], source: row["source"],
                        currency: Currency(code: row["currency"]), totalAR: row["total_ar"], currentAR: row["current_ar"],
                        pastDueAR: row["past_due_ar"], over90AR: row["over_90_ar"], disputedAR: row["disputed_ar"],
                        unapplied: row["unapplied"], dso: row["dso"], countbackDSO: row["countback_dso"], bpdso: row["bpdso"],
                        add: row["add_days"], cei: row["cei"], customersWithBalance: row["customers_with_balance"],
                        rejectedRows: row["rejected_rows"], hasHistory: row["has_history"], aging: aging, inputs: inputs)
                }
            }
        } catch let error as DatabaseError {
            throw SQLiteSource.classify(error, path: path, table: "runs")
        }
    }
}
