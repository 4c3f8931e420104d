#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads customers.csv into a customer table and its id index.
struct CustomersLoader {
    struct Result {
        var table: CustomerTable
        var index: KeyIndex
        var rejects: [Reject]
        var summary: InputFileSummary
    }

    static let file = "customers.csv"
    static let defaultTermsDays: Int32 = 30

    static func load(path: String, book: CurrencyBook, progress: LoadProgress?) throws -> Result {
        let reader = try CSVFileReader(path: path, progress: progress)
        let id = try ColumnRef(required: "customer_id", in: reader)
        let name = ColumnRef(optional: "name", in: reader)
        let segment = ColumnRef(optional: "segment", in: reader)
        let region = ColumnRef(optional: "region", in: reader)
        let currency = ColumnRef(optional: "currency", in: reader)
        let creditLimit = ColumnRef(optional: "credit_limit", in: reader)
        let terms = ColumnRef(optional: "terms_days", in: reader)
        // Contact columns for the collections worklist: free text, never validated.
        let email = ColumnRef(optional: "email", in: reader)
        let phone = ColumnRef(optional: "phone", in: reader)
        // Sized from the file (rows run 40 to 80 bytes), so the table does not regrow as it fills.
        // Ids in order (customers.csv is usually sorted) are checked for repeats without the
        // table, which is then built in one prefetched pass: the rows' lookups need it.
        let expected = reader.estimatedRows(bytesPerRow: 40)
        var rows = CustomerRows(
            book: book, header: reader.header.count,
            columns: (id, name, segment, region, currency, creditLimit, terms, email, phone),
            index: KeyIndex(capacity: expected, deferringHash: true))
        rows.table.reserveCapacity(expected)
        try reader.forEachRow(&rows)
        rows.index.buildHash()
        return Result(
            table: rows.table, index: rows.index, rejects: rows.sink.rejects,
            summary: InputFileSummary(reader: reader, file: file, rejected: rows.sink.rejects.count))
    }
}

/// Finds a row's customer: in customers.csv when it exists (else the row is
/// unknown_customer), or discovered from the rows themselves when it does not.
struct CustomerResolver: Sendable {
    /// The ids of customers.csv; empty and unused when the file is absent.
    let known: KeyIndex
    let hasCustomerFile: Bool
    let knownCurrency: [Int16]
    let knownTerms: [Int32]
    /// Customers first seen in this file (only without customers.csv).
    private(set) var discovered = KeyIndex()
    /// The previous row's customer: exports are usually grouped by customer, so most
    /// rows repeat it and skip the hash lookup.
    private var lastKey: [UInt8] = []
    private var lastIndex: Int32? = nil

    init(known: KeyIndex?, table: CustomerTable) {
        self.known = known ?? KeyIndex()
        hasCustomerFile = known != nil
        knownCurrency = table.currency
        knownTerms = table.termsDays
    }

    /// The customer's index (local to this resolver when discovered), or nil when unknown.
    mutating func resolve(_ id: UnsafeBufferPointer<UInt8>) -> Int32? {
        if lastIndex != nil, lastKey.count == id.count,
            lastKey.withUnsafeBufferPointer({ ShortBytes.equal($0.baseAddress!, id.baseAddress!, count: id.count) })
        {
            return lastIndex
        }
        let index: Int32?
        if hasCustomerFile {
            // Rows often follow customers.csv's order: the customer after the last one is tried
            // first, next to it in memory, before a hash lookup (a likely cache miss).
            if let last = lastIndex, Int(last) + 1 < known.count, known.keyEquals(Int(last) + 1, id) {
                index = last + 1
            } else {
                index = known.find(id)
            }
        } else {
            index = discovered.insert(id).index
        }
        lastKey.removeAll(keepingCapacity: true)
        lastKey.append(contentsOf: id)
        lastIndex = index
        return index
    }

    func currency(of customer: Int32) -> Int16 {
        hasCustomerFile ? knownCurrency[Int(customer)] : 0
    }

    func termsDays(of customer: Int32) -> Int32 {
        hasCustomerFile ? knownTerms[Int(customer)] : CustomersLoader.defaultTermsDays
    }
}
