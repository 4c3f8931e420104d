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
    /// SharedFileHash) and which names the file. `chunkSize` is the reader's (tests make it small).
    static func load(
        _ hash: SharedFileHash, book: CurrencyBook, resolver initial: CustomerResolver, progress: LoadProgress?,
        chunkSize: Int = 512 << 10
    ) throws -> Result {
        let reader = try CSVFileReader(path: hash.path, chunkSize: chunkSize, progress: progress, sharedHash: hash)
        let id = try ColumnRef(required: "invoice_id", in: reader)
        let customer = try ColumnRef(required: "customer_id", in: reader)
        let issue = try ColumnRef(required: "issue_date", in: reader)
        let due = ColumnRef(optional: "due_date", in: reader)
        let amount = try ColumnRef(required: "amount", in: reader)
        let currency = ColumnRef(optional: "currency", in: reader)
        var rows = InvoiceRows(
            book: book, resolver: initial, header: reader.header.count,
            columns: (id, customer, issue, due, amount, currency),
            expected: max(16, reader.estimatedRows(bytesPerRow: 50)))
        try reader.forEachRow(&rows)
        rows.staged.flush(into: &rows.table, sink: &rows.sink, idColumn: id)
        var summary = InputFileSummary(reader: reader, file: file, rejected: rows.sink.rejects.count)
        // The reader has hashed what the other threads had not: this takes over no work.
        summary.sha256 = try hash.finish()
        return Result(table: rows.table, resolver: rows.resolver, rejects: rows.sink.rejects, summary: summary)
    }
}

/// Valid invoice rows waiting for their duplicate-key check. Their hash slots are
/// prefetched when they are staged, so by the flush, up to 16 rows later, the inserts find
/// them in the cache: the slot table is far larger than the cache, and one miss
/// per invoice was the largest single cost of loading.
///
/// Each row's raw record (for a duplicate's reject) is copied into one buffer allocated once,
/// and its id is found inside it: appending both to arrays checked two arrays' uniqueness and
/// capacity on every row. The batch ends early once half the buffer is used, so a record of up
/// to half its size always fits; a longer one that does not fit the room left, or one whose
/// fields had doubled quotes collapsed (its id is then not a slice of the record as read), is
/// kept aside.
struct StagedInvoices {
    typealias Values = (customer: Int32, issue: Day, due: Day, amount: Int64, currency: Int16)
    static let capacity = 16

    private var count = 0
    /// The records; once half of it is used, the batch counts as full.
    private var bytes = StagedBytes(capacity: 8192)
    /// Where each row's record and id lie in `bytes`.
    private let spans = FixedSlots(Self.capacity, repeating: (record: 0..<0, key: 0..<0))
    /// Records and ids kept aside, by slot: rare.
    private var aside: [Int: (record: [UInt8], key: [UInt8])] = [:]
    /// nil while the index defers its hash: the key then needs no slot.
    private let probes = FixedSlots<KeyIndex.Probe?>(Self.capacity, repeating: nil)
    /// The row's key went into the index when it was staged (see `add`).
    private let insertedEarly = FixedSlots(Self.capacity, repeating: false)
    /// Some row of the batch waits for the flush to insert its key.
    private var waitingToInsert = false
    private let lines = FixedSlots(Self.capacity, repeating: 0)
    /// The rows' values by column; a flush moves the accepted rows' to the front, then appends them.
    private let customers = FixedSlots<Int32>(Self.capacity, repeating: 0)
    private let issues = FixedSlots<Day>(Self.capacity, repeating: 0)
    private let dues = FixedSlots<Day>(Self.capacity, repeating: 0)
    private let amounts = FixedSlots<Int64>(Self.capacity, repeating: 0)
    private let currencies = FixedSlots<Int16>(Self.capacity, repeating: 0)

    var isFull: Bool { count == StagedInvoices.capacity || bytes.used > bytes.capacity / 2 }

    /// `index` is inout only to borrow it in place: passed by value, its arrays were retained and
    /// released on every row.
    mutating func add(
        recordInBuffer: UnsafeBufferPointer<UInt8>?, raw: @autoclosure () -> [UInt8], key: UnsafeBufferPointer<UInt8>,
        line: Int, values rowValues: Values, index: inout KeyIndex
    ) {
        // A key after the last one of an index without its hash yet is new: inserted now, it needs
        // no record kept for a duplicate's reject. Only while every row staged before it in the
        // batch was inserted too, so that the keys go into the index in file order. Only the
        // values wait for the flush.
        if !waitingToInsert, index.appendInOrder(key) != nil {
            spans[count] = (0..<0, 0..<0)
            insertedEarly[count] = true
            stageValues(line: line, rowValues)
            return
        }
        insertedEarly[count] = false
        waitingToInsert = true
        var probe: KeyIndex.Probe? = nil
        if index.isHashed {
            let hashed = KeyIndex.Probe(key)
            index.prefetch(hashed)
            probe = hashed
        }
        if let record = recordInBuffer, bytes.fits(record.count), let recordStart = record.baseAddress,
            let keyStart = key.baseAddress ?? record.baseAddress
        {
            let copied = bytes.append(record)
            let keyOffset = copied.lowerBound + recordStart.distance(to: keyStart)
            spans[count] = (copied, keyOffset..<(keyOffset + key.count))
        } else {
            aside[count] = (raw(), Array(key))
        }
        probes[count] = probe
        stageValues(line: line, rowValues)
    }

    private mutating func stageValues(line: Int, _ rowValues: Values) {
        lines[count] = line
        customers[count] = rowValues.customer
        issues[count] = rowValues.issue
        dues[count] = rowValues.due
        amounts[count] = rowValues.amount
        currencies[count] = rowValues.currency
        count += 1
    }

    /// Inserts the staged keys in file order: new ones become invoices, repeats are duplicate_key.
    mutating func flush(into table: inout InvoiceTable, sink: inout RejectSink, idColumn: ColumnRef) {
        var accepted = 0
        for staged in 0..<count {
            let keptAside = aside.isEmpty ? nil : aside[staged]
            let inserted =
                if insertedEarly[staged] {
                    true
                } else if let keptAside {
                    keptAside.key.withUnsafeBufferPointer { table.ids.insert($0, probes[staged]).inserted }
                } else {
                    table.ids.insert(bytes.slice(spans[staged].key), probes[staged]).inserted
                }
            guard inserted else {
                let key = keptAside?.key ?? Array(bytes.slice(spans[staged].key))
                sink.rejects.append(
                    Reject(
                        file: sink.file, line: lines[staged], column: idColumn.name, reason: .duplicateKey,
                        message: "\(idColumn.name) '\(String(decoding: key, as: UTF8.self))' appears on an earlier row",
                        record: keptAside?.record ?? Array(bytes.slice(spans[staged].record))))
                continue
            }
            customers[accepted] = customers[staged]
            issues[accepted] = issues[staged]
            dues[accepted] = dues[staged]
            amounts[accepted] = amounts[staged]
            currencies[accepted] = currencies[staged]
            accepted += 1
        }
        table.customer.append(contentsOf: customers.prefix(accepted))
        table.issue.append(contentsOf: issues.prefix(accepted))
        table.due.append(contentsOf: dues.prefix(accepted))
        table.amount.append(contentsOf: amounts.prefix(accepted))
        table.currency.append(contentsOf: currencies.prefix(accepted))
        if !aside.isEmpty { aside.removeAll() }
        count = 0
        waitingToInsert = false
        bytes.removeAll()
    }
}
