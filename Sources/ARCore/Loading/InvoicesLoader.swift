/// Reads invoices.csv into columns, validating each row (SPEC sections 2 and 7).
struct InvoicesLoader {
    struct Result: Sendable {
        var table: InvoiceTable
        /// Customer indices in `table` are this resolver's.
        var resolver: CustomerResolver
        var rejects: [Reject]
        var summary: InputFileSummary
    }

    static let file = "invoices.csv"

    /// invoices.csv comes as its hash, which another thread works on while this one parses (see
    /// SharedFileHash) and which names the file.
    static func load(
        _ hash: SharedFileHash, book: CurrencyBook, resolver initial: CustomerResolver, progress: LoadProgress?
    ) throws -> Result {
        let reader = try CSVFileReader(path: hash.path, progress: progress, sharedHash: hash)
        let id = try ColumnRef(required: "invoice_id", in: reader)
        let customer = try ColumnRef(required: "customer_id", in: reader)
        let issue = try ColumnRef(required: "issue_date", in: reader)
        let due = ColumnRef(optional: "due_date", in: reader)
        let amount = try ColumnRef(required: "amount", in: reader)
        let currency = ColumnRef(optional: "currency", in: reader)
        var sink = RejectSink(file: file)
        var resolver = initial
        var table = InvoiceTable()
        // About 60 bytes a row: reserving avoids regrowing millions of entries.
        let expected = max(16, reader.estimatedRows(bytesPerRow: 50))
        table.ids = KeyIndex(capacity: expected)
        table.customer.reserveCapacity(expected)
        table.issue.reserveCapacity(expected)
        table.due.reserveCapacity(expected)
        table.amount.reserveCapacity(expected)
        table.currency.reserveCapacity(expected)
        let required = RequiredColumns([id, customer, issue, amount])
        var staged = StagedInvoices()
        try reader.forEachRow { row in
            guard sink.hasValues(row, required), let issueDay = sink.day(row, issue) else { return true }
            var dueDay: Day? = nil
            switch sink.optionalDay(row, due) {
            case .rejected: return true
            case .day(let day): dueDay = day
            case .empty: break
            }
            guard let customerIndex = sink.customer(row, customer, &resolver) else { return true }
            let rowCurrency = RowCurrency(code: row.value(currency), default: resolver.currency(of: customerIndex), book: book)
            guard let minor = sink.positiveAmount(row, amount, rowCurrency, book),
                let currencyIndex = sink.rated(row, currency, rowCurrency)
            else { return true }
            let dueDate = dueDay ?? issueDay + resolver.termsDays(of: customerIndex)
            if dueDate < issueDay {
                sink.add(row, due.name, .dueBeforeIssue, "due_date \(row.text(due)) is before issue_date \(row.text(issue))")
                return true
            }
            // The duplicate check waits in a small batch whose slots are prefetched now (see StagedInvoices).
            staged.add(
                row, id: id, values: (customerIndex, issueDay, dueDate, minor, currencyIndex), index: &table.ids)
            if staged.isFull { staged.flush(into: &table, sink: &sink, idColumn: id) }
            return true
        }
        staged.flush(into: &table, sink: &sink, idColumn: id)
        var summary = InputFileSummary(reader: reader, file: file, rejected: sink.rejects.count)
        summary.sha256 = try hash.finish()
        return Result(table: table, resolver: resolver, rejects: sink.rejects, summary: summary)
    }
}

/// Valid invoice rows waiting for their duplicate-key check. Their hash slots are
/// prefetched when they are staged, so by the flush, up to 16 rows later, the inserts find
/// them in the cache: the slot table is far larger than the cache, and one miss
/// per invoice was the largest single cost of loading.
struct StagedInvoices {
    typealias Values = (customer: Int32, issue: Day, due: Day, amount: Int64, currency: Int16)
    static let capacity = 16

    private var keys = ByteArena()
    private var raws = ByteArena()
    private var count = 0
    private let probes = FixedSlots(Self.capacity, repeating: KeyIndex.Probe(UnsafeBufferPointer(start: nil, count: 0)))
    private let lines = FixedSlots(Self.capacity, repeating: 0)
    private let values = FixedSlots<Values>(Self.capacity, repeating: (0, 0, 0, 0, 0))

    var isFull: Bool { count == StagedInvoices.capacity }

    /// `index` is inout only to borrow it in place: passed by value, its arrays were retained and
    /// released on every row.
    mutating func add(_ row: CSVRow, id: ColumnRef, values rowValues: Values, index: inout KeyIndex) {
        let key = row.value(id)
        let probe = KeyIndex.Probe(key)
        index.prefetch(probe)
        keys.append(key)
        row.withRaw { raws.append($0) }
        probes[count] = probe
        lines[count] = row.line
        values[count] = rowValues
        count += 1
    }

    /// Inserts the staged keys in file order: new ones become invoices, repeats are duplicate_key.
    mutating func flush(into table: inout InvoiceTable, sink: inout RejectSink, idColumn: ColumnRef) {
        let starts = keys.starts
        keys.bytes.withUnsafeBufferPointer { arena in
            for staged in 0..<count {
                let key = UnsafeBufferPointer(rebasing: arena[Int(starts[staged])..<Int(starts[staged + 1])])
                guard table.ids.insert(key, probes[staged]).inserted else {
                    sink.rejects.append(
                        Reject(
                            file: sink.file, line: lines[staged], column: idColumn.name, reason: .duplicateKey,
                            message: "\(idColumn.name) '\(String(decoding: key, as: UTF8.self))' appears on an earlier row",
                            record: raws.withBytes(staged) { Array($0) }))
                    continue
                }
                let row = values[staged]
                table.customer.append(row.customer)
                table.issue.append(row.issue)
                table.due.append(row.due)
                table.amount.append(row.amount)
                table.currency.append(row.currency)
            }
        }
        keys.removeAll()
        raws.removeAll()
        count = 0
    }
}
