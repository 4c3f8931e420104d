import Dispatch
import Foundation
import Synchronization

/// What a load produced: the ledger, every rejected row, and what was read.
public struct LoadResult: Sendable {
    public var ledger: Ledger
    /// In SPEC's file order, then by line.
    public var rejects: [Reject]
    public var inputs: [InputFileSummary]
    /// Milliseconds per loading phase (small files, the big files side by side, matching cash).
    public var phaseMs: [String: Int] = [:]
}

/// Settings that change what is valid: the as-of date picks the fx rates.
public struct LoadSettings: Sendable {
    public var asOf: Day
    public var reportingCurrency: Currency

    public init(asOf: Day, reportingCurrency: Currency) {
        self.asOf = asOf
        self.reportingCurrency = reportingCurrency
    }
}

/// Loads a folder in the canonical layout (SPEC section 1) into a ledger.
public enum DataFolderLoader {
    /// The files of the layout, in the order rejects and inputs are reported.
    public static let fileOrder = [
        CustomersLoader.file, InvoicesLoader.file, CashLoader.paymentsFile, CashLoader.creditNotesFile,
        DisputesLoader.file, FXRatesLoader.file,
    ]

    /// The total size of the layout's files present in `folder`, for progress.
    public static func inputBytes(folder: String) -> Int {
        fileOrder.reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.size] as? Int) ?? 0
            return total + size
        }
    }

    /// `first` runs before any row is read, and its error comes before any of the load's (the
    /// batch checks its templates there): it runs while another thread starts hashing the big files.
    public static func load(
        folder: String, settings: LoadSettings, progress: LoadProgress? = nil, first: () throws -> Void = {}
    ) throws -> LoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            try first()
            throw InputError.missingFile(path: folder)
        }
        func present(_ file: String) -> String? {
            let path = (folder as NSString).appendingPathComponent(file)
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        guard let invoicesPath = present(InvoicesLoader.file) else {
            try first()
            throw InputError.missingFile(path: (folder as NSString).appendingPathComponent(InvoicesLoader.file))
        }
        var rejects: [Reject] = []
        var inputs: [InputFileSummary] = []
        var phases = PhaseTimer()

        // The big files are hashed (for run.json) by whichever thread has time: while fx rates and
        // customers load here, another thread starts on them. Then payments.csv is hashed by its
        // reader as it reads, until the invoices thread, if done first, takes the rest over; and
        // invoices.csv by its reader too, or ahead of it by the payments thread once that is done
        // with payments and whichever of the small files it took (see SharedFileHash and
        // SmallFileLoads). Which is free first depends on the data: invoice ids in order make
        // invoices.csv the quicker file to parse, ids out of order the slower.
        let paymentsPath = present(CashLoader.paymentsFile)
        let creditNotesPath = present(CashLoader.creditNotesFile)
        let disputesPath = present(DisputesLoader.file)
        let invoicesHash = SharedFileHash(path: invoicesPath)
        let paymentsHash = paymentsPath.map { SharedFileHash(path: $0) }
        let (book, customersTable, customerIndex) = try SharedFileHash.hashing(
            [invoicesHash, paymentsHash].compactMap { $0 }
        ) { () throws -> (CurrencyBook, CustomerTable, KeyIndex?) in
            try first()
            var latestRates: [String: FXRate] = [:]
            if let path = present(FXRatesLoader.file) {
                let fx = try FXRatesLoader.load(
                    path: path, asOf: settings.asOf, reporting: settings.reportingCurrency, progress: progress)
                latestRates = fx.latest
                rejects += fx.rejects
                inputs.append(fx.summary)
            }
            let book = CurrencyBook(reporting: settings.reportingCurrency, latestRates: latestRates)
            guard let path = present(CustomersLoader.file) else { return (book, CustomerTable(), nil) }
            let loaded = try CustomersLoader.load(path: path, book: book, progress: progress)
            rejects += loaded.rejects
            inputs.append(loaded.summary)
            return (book, loaded.table, loaded.index)
        }
        var customers = customersTable
        let resolver = CustomerResolver(known: customerIndex, table: customers)

        phases.lap("load_reference")
        // The two big files load side by side. credit_notes.csv and disputes.csv, small beside
        // them, go to whichever thread is free first; disputes' invoice ids are looked up by the
        // invoices thread once both files are read, while the payments thread may still be busy.
        let smallFiles = SmallFileLoads(
            creditNotesPath: creditNotesPath, disputesPath: disputesPath, book: book, resolver: resolver,
            progress: progress)
        // The payments thread, once done with its files, hashes invoices.csv ahead of its reader
        // until that one is done too (also if it failed).
        let invoicesDone = StopSignal()
        let ((loadedInvoices, resolvedDisputes), loadedPayments) = try inParallel(
            {
                defer { invoicesDone.raise() }
                var invoices = try InvoicesLoader.load(
                    invoicesHash, book: book, resolver: resolver, progress: progress)
                invoicesDone.raise()
                _ = try paymentsHash?.finish()
                smallFiles.work()
                let disputes = smallFiles.resolveDisputes(invoices: &invoices.table.ids)
                return (invoices, disputes)
            },
            {
                let payments = try CashLoader.load(
                    payments: paymentsHash, creditNotesPath: nil, book: book, resolver: resolver, progress: progress,
                    reservingExtraRows: smallFiles.estimatedCreditRows)
                smallFiles.work()
                invoicesHash.hashOn(until: invoicesDone)
                return payments
            })
        // Their errors come after the big files', in file order, as when one thread read them all.
        let loadedCredits = try smallFiles.results()
        // Consumed, not copied: a second reference to the payments' columns would make the
        // append below copy them all.
        var invoices = consume loadedInvoices
        var cash = consume loadedPayments
        var credits = consume loadedCredits
        if customerIndex == nil {
            customers = discoverCustomers(&invoices, &cash, &credits)
        }
        if let credits = consume credits {
            cash.rows.append(credits.rows)
            cash.rejects += credits.rejects
            cash.summaries += credits.summaries
        }
        rejects += invoices.rejects + cash.rejects
        inputs.append(invoices.summary)
        inputs += cash.summaries
        phases.lap("load_parse")

        var disputes = DisputeTable()
        if let resolved = resolvedDisputes {
            disputes = resolved.table
            rejects += resolved.rejects
            inputs.append(resolved.summary)
        }
        let (applications, unapplied) = try CashMatcher.match(
            cash.rows, invoices: invoices.table, book: book,
            paymentsPath: paymentsPath ?? "", creditNotesPath: creditNotesPath ?? "")

        let order = Dictionary(uniqueKeysWithValues: fileOrder.enumerated().map { ($1, $0) })
        rejects.sort { (order[$0.file]!, $0.line) < (order[$1.file]!, $1.line) }
        inputs.sort { order[$0.file]! < order[$1.file]! }
        let ledger = Ledger(
            currencies: book.currencies, rates: book.rates, customers: customers, invoices: invoices.table,
            applications: applications, unapplied: unapplied, disputes: disputes)
        phases.lap("load_match")
        return LoadResult(ledger: ledger, rejects: rejects, inputs: inputs, phaseMs: phases.laps)
    }

    /// Without customers.csv, customers are those the rows name, with default settings;
    /// each file's local customer indices are renumbered into one table (invoices first, then
    /// payments, then credit notes).
    private static func discoverCustomers(
        _ invoices: inout InvoicesLoader.Result, _ payments: inout CashLoader.Result,
        _ credits: inout CashLoader.Result?
    ) -> CustomerTable {
        var all = KeyIndex()
        var table = CustomerTable()
        func remap(_ local: KeyIndex) -> [Int32] {
            (0..<local.count).map { index in
                let key = local.key(index)
                let (global, inserted) = all.insert(key)
                if inserted {
                    table.append(
                        id: key, name: key, segment: "", region: "", currency: 0, creditLimit: nil,
                        termsDays: CustomersLoader.defaultTermsDays)
                }
                return global
            }
        }
        func renumber(_ cash: inout CashLoader.Result) {
            let map = remap(cash.resolver.discovered)
            cash.rows.customer = cash.rows.customer.map { map[Int($0)] }
        }
        let invoiceMap = remap(invoices.resolver.discovered)
        invoices.table.customer = invoices.table.customer.map { invoiceMap[Int($0)] }
        renumber(&payments)
        if var part = credits {
            renumber(&part)
            credits = part
        }
        return table
    }
}

/// credit_notes.csv and disputes.csv, loaded by whichever of the two loading threads is free
/// first: with invoice ids in order the invoices thread finishes its file well before the
/// payments thread, with ids out of order well after. Each thread calls `work()` once done
/// with its big file; a file is taken by one thread only. The invoices thread then looks the
/// disputes' invoice ids up (`resolveDisputes`).
final class SmallFileLoads: Sendable {
    private let creditNotesPath: String?
    private let disputesPath: String?
    private let book: CurrencyBook
    private let resolver: CustomerResolver
    private let progress: LoadProgress?
    /// The next file to take: 0 credit notes, 1 disputes, then none.
    private let next = Mutex(0)
    private let credits = Mutex<Result<CashLoader.Result, any Error>?>(nil)
    private let disputes = Mutex<Result<DisputesLoader.Parsed, any Error>?>(nil)
    /// Signalled once disputes.csv's parse has ended, well or not.
    private let disputesParsed = DispatchSemaphore(value: 0)

    init(
        creditNotesPath: String?, disputesPath: String?, book: CurrencyBook, resolver: CustomerResolver,
        progress: LoadProgress?
    ) {
        self.creditNotesPath = creditNotesPath
        self.disputesPath = disputesPath
        self.book = book
        self.resolver = resolver
        self.progress = progress
    }

    /// A guess at credit_notes.csv's rows from its size, for the payments' columns to reserve.
    var estimatedCreditRows: Int {
        guard let creditNotesPath,
            let size = try? FileManager.default.attributesOfItem(atPath: creditNotesPath)[.size] as? Int
        else { return 0 }
        return size / 40
    }

    /// Loads the files no thread has taken yet, one at a time.
    func work() {
        while true {
            let job = next.withLock { next in
                defer { next += 1 }
                return next
            }
            switch job {
            case 0:
                guard let creditNotesPath else { continue }
                let loaded = Result { () throws -> CashLoader.Result in
                    try CashLoader.load(
                        payments: nil, creditNotesPath: creditNotesPath, book: book, resolver: resolver,
                        progress: progress)
                }
                credits.withLock { $0 = loaded }
            case 1:
                guard let disputesPath else { continue }
                let parsed = Result { () throws -> DisputesLoader.Parsed in
                    try DisputesLoader.parse(path: disputesPath, progress: progress)
                }
                disputes.withLock { $0 = parsed }
                disputesParsed.signal()
            default:
                return
            }
        }
    }

    /// disputes.csv's rows looked up in `invoices` (`DisputesLoader.resolve`), once its parse has
    /// ended on either thread: call once, after `work()` has returned, when every file has been
    /// taken (a second call would wait for a signal that never comes).
    /// Nil without the file, or when its parse failed (`results()` throws that error).
    func resolveDisputes(invoices: inout KeyIndex) -> DisputesLoader.Result? {
        guard disputesPath != nil else { return nil }
        disputesParsed.wait()
        guard case .success(let parsed)? = disputes.withLock({ $0 }) else { return nil }
        return DisputesLoader.resolve(parsed, invoices: &invoices)
    }

    /// credit_notes.csv's rows (nil when it is absent); the first error in file order of the two
    /// small files, if any.
    func results() throws -> CashLoader.Result? {
        let credits = try self.credits.withLock { $0 }?.get()
        _ = try disputes.withLock { $0 }?.get()
        return credits
    }
}

/// Milliseconds between laps, for run.json's timings.
struct PhaseTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var laps: [String: Int] = [:]

    init() { last = clock.now }

    mutating func lap(_ name: String) {
        let now = clock.now
        let elapsed = now - last
        laps[name] = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        last = now
    }
}
