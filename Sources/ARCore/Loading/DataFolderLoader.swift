import Foundation

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

    public static func load(folder: String, settings: LoadSettings, progress: LoadProgress? = nil) throws -> LoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError.missingFile(path: folder)
        }
        func present(_ file: String) -> String? {
            let path = (folder as NSString).appendingPathComponent(file)
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        guard let invoicesPath = present(InvoicesLoader.file) else {
            throw InputError.missingFile(path: (folder as NSString).appendingPathComponent(InvoicesLoader.file))
        }
        var rejects: [Reject] = []
        var inputs: [InputFileSummary] = []
        var phases = PhaseTimer()

        // The big files are hashed (for run.json) by whichever thread has time: while fx rates and
        // customers load here, another thread starts on them. Then payments.csv is hashed by its
        // reader as it reads, until the invoices thread, done first, takes the rest over; and
        // invoices.csv by whichever loading thread is free first: its own once it has parsed
        // everything, or the payments thread once done with payments, credit notes and disputes
        // (see SharedFileHash). Which is free first depends on the data: invoice ids in order
        // make invoices.csv the quicker file to parse, ids out of order the slower.
        let paymentsPath = present(CashLoader.paymentsFile)
        let creditNotesPath = present(CashLoader.creditNotesFile)
        let disputesPath = present(DisputesLoader.file)
        let invoicesHash = SharedFileHash(path: invoicesPath, readerHashes: false)
        let paymentsHash = paymentsPath.map { SharedFileHash(path: $0) }
        let (book, customersTable, customerIndex) = try SharedFileHash.hashing(
            [invoicesHash, paymentsHash].compactMap { $0 }
        ) { () throws -> (CurrencyBook, CustomerTable, KeyIndex?) in
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
        // The two big files load side by side; disputes.csv is read after the cash files, its
        // invoice ids looked up once invoices.csv is loaded.
        let (loadedInvoices, (loadedCash, parsedDisputes)) = try inParallel(
            {
                let invoices = try InvoicesLoader.load(invoicesHash, book: book, resolver: resolver, progress: progress)
                _ = try paymentsHash?.finish()
                return invoices
            },
            {
                let cash = try CashLoader.load(
                    payments: paymentsHash, creditNotesPath: creditNotesPath, book: book, resolver: resolver,
                    progress: progress)
                let disputes = try disputesPath.map { try DisputesLoader.parse(path: $0, progress: progress) }
                _ = try invoicesHash.finish()
                return (cash, disputes)
            })
        var (invoices, cash) = (loadedInvoices, loadedCash)
        rejects += invoices.rejects + cash.rejects
        inputs.append(invoices.summary)
        inputs += cash.summaries

        if customerIndex == nil {
            customers = discoverCustomers(&invoices, &cash)
        }
        phases.lap("load_parse")

        var disputes = DisputeTable()
        if let parsedDisputes {
            let resolved = DisputesLoader.resolve(parsedDisputes, invoices: &invoices.table.ids)
            disputes = resolved.table
            rejects += resolved.rejects
            inputs.append(resolved.summary)
        }

        phases.lap("load_disputes")
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
    /// each file's local customer indices are renumbered into one table.
    private static func discoverCustomers(_ invoices: inout InvoicesLoader.Result, _ cash: inout CashLoader.Result)
        -> CustomerTable
    {
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
        let invoiceMap = remap(invoices.resolver.discovered)
        let cashMap = remap(cash.resolver.discovered)
        invoices.table.customer = invoices.table.customer.map { invoiceMap[Int($0)] }
        cash.rows.customer = cash.rows.customer.map { cashMap[Int($0)] }
        return table
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
