/// Matches payment and credit rows to invoices by invoice_id alone (SPEC
/// section 7): applications to known invoices, converted into the invoice's
/// currency and grouped by invoice; the rest is unapplied cash of the payer.
enum CashMatcher {
    static func match(
        _ rows: CashRows, invoices: InvoiceTable, book: CurrencyBook, paymentsPath: String, creditNotesPath: String
    ) throws -> (ApplicationTable, UnappliedTable) {
        // -1: on account; -2: names an unknown invoice; else the invoice index. Each core looks up
        // half the rows, by cost (`lookUpMiddle`). Without a hash (the invoice ids came in order),
        // a half whose rows name invoices too far out of order stops early, and finishes once the
        // hash is built.
        var ids = invoices.ids
        var parts = inParallelHalves(count: rows.count, middle: lookUpMiddle(rows.kind)) {
            [ids] range -> LookedUp in
            var part = LookedUp(
                range: range, target: [Int32](repeating: -1, count: range.count), done: range.lowerBound)
            // The first half's array has room for the second's, appended to it below.
            if range.lowerBound == 0 { part.target.reserveCapacity(rows.count) }
            part.lookUp(rows.invoiceKey, in: ids)
            return part
        }
        if parts.contains(where: { !$0.isComplete }) {
            ids.buildHash()
            // The rest of each half is looked up into a new array, spliced in here: the closures
            // capture ranges, not the halves, so each half's target stays unique and is written
            // in place (a captured copy would make the write copy it, reserved room lost).
            let (hashed, pending) = (ids, parts.map { $0.done..<$0.range.upperBound })
            let rest: @Sendable (Range<Int>) -> [Int32] = { LookedUp.targets(rows.invoiceKey, $0, in: hashed) }
            let tails: [[Int32]]
            if pending.count == 2 {
                let (first, second) = try inParallel({ rest(pending[0]) }, { rest(pending[1]) })
                tails = [first, second]
            } else {
                tails = pending.map(rest)
            }
            for index in parts.indices { parts[index].fill(tails[index]) }
        }
        var joined = parts.removeFirst().target
        if let second = parts.first { joined.append(contentsOf: second.target) }
        let target = joined

        let converters = PairConverters(book)

        // Each core groups the applications of half the invoices. The first half's arrays have
        // room for the second's, appended below.
        let middle = invoices.count / 2
        let ((first, firstOverflow), (second, secondOverflow)) = try inParallel(
            {
                applications(
                    to: 0..<middle, of: rows, target: target, invoices: invoices, converters: converters,
                    reserving: rows.count)
            },
            {
                applications(
                    to: middle..<invoices.count, of: rows, target: target, invoices: invoices,
                    converters: converters, reserving: 0)
            })
        // The first row in file order whose conversion overflows, as a one-pass match would find it.
        if let row = [firstOverflow, secondOverflow].compactMap({ $0 }).min() {
            throw InputError.arithmeticOverflow(
                path: rows.kind[row] == .payment ? paymentsPath : creditNotesPath, line: Int(rows.line[row]))
        }
        // The unapplied cash is gathered on the other core while this one joins the halves (each
        // took a core alone for about 30 ms at 5M, when it followed the second half's grouping).
        var table = consume first
        let (unapplied, _) = try inParallel(
            { unappliedRows(rows, target: target) },
            {
                let offset = Int32(table.count)
                table.start.reserveCapacity(invoices.count + 1)
                for index in 1..<second.start.count { table.start.append(second.start[index] + offset) }
                table.date.append(contentsOf: second.date)
                table.amount.append(contentsOf: second.amount)
                table.kind.append(contentsOf: second.kind)
            })
        return (table, unapplied)
    }

    /// Where the two cores' lookups split the rows: credit notes come after the payments, and the
    /// finger walk over their invoice ids, less in order than the payments' (a gallop of a few
    /// steps each, against the next key for most payments), costs about four times a payment's.
    /// Perf at 5M: split by rows, the half with the 300,000 credit notes took about 25 ms longer.
    static func lookUpMiddle(_ kind: [CashKind]) -> Int {
        var payments = kind.count
        while payments > 0, kind[payments - 1] == .credit { payments -= 1 }
        let half = (payments + 4 * (kind.count - payments)) / 2
        return half <= payments ? half : payments + (half - payments) / 4
    }

    /// The applications to the invoices in `range`, grouped by invoice and sorted by date, with
    /// `start` counted from the range's first invoice; and the first row whose conversion into
    /// its invoice's currency overflows, if any (the table is then unusable: its applications are
    /// incomplete and its starts left as placing cursors).
    private static func applications(
        to range: Range<Int>, of rows: CashRows, target: [Int32], invoices: InvoiceTable, converters: PairConverters,
        reserving capacity: Int
    ) -> (ApplicationTable, Int?) {
        let lower = Int32(range.lowerBound)
        let upper = Int32(range.upperBound)
        // Where each invoice's applications start: counts at [invoice + 1], then running sums.
        var start = [Int32](repeating: 0, count: range.count + 1)
        start.withUnsafeMutableBufferPointer { start in
            for row in 0..<rows.count {
                let invoice = target[row]
                if invoice >= lower, invoice < upper { start[Int(invoice - lower) + 1] += 1 }
            }
            for index in 0..<range.count { start[index + 1] += start[index] }
        }

        var table = ApplicationTable()
        let total = Int(start[range.count])
        table.date = filled(total, with: 0, capacity: capacity)
        table.amount = filled(total, with: 0, capacity: capacity)
        table.kind = filled(total, with: .payment, capacity: capacity)
        var overflowRow: Int? = nil
        // Through buffer pointers: indexing the table's arrays checked their uniqueness on every write.
        // Each invoice's start is its cursor while the rows are placed: it then stands where the
        // invoice's applications end, which is where the next invoice's starts, and one shift puts
        // the starts back. (A copy of the starts as cursors was 10 MB more to fault in per half.)
        start.withUnsafeMutableBufferPointer { cursor in
            table.date.withUnsafeMutableBufferPointer { date in
                table.amount.withUnsafeMutableBufferPointer { amount in
                    table.kind.withUnsafeMutableBufferPointer { kind in
                        for row in 0..<rows.count {
                            let invoice = target[row]
                            guard invoice >= lower, invoice < upper else { continue }
                            let local = Int(invoice - lower)
                            let slot = Int(cursor[local])
                            cursor[local] += 1
                            guard
                                let converted = converters.convert(
                                    rows.amount[row], from: rows.currency[row], to: invoices.currency[Int(invoice)])
                            else {
                                overflowRow = row
                                return
                            }
                            date[slot] = rows.date[row]
                            amount[slot] = converted
                            kind[slot] = rows.kind[row]
                        }
                    }
                }
            }
            guard overflowRow == nil else { return }
            var index = range.count
            while index > 0 {
                cursor[index] = cursor[index - 1]
                index -= 1
            }
            cursor[0] = 0
        }
        table.start = start
        if overflowRow == nil { sortByDate(&table) }
        return (table, overflowRow)
    }

    /// `count` copies of `value` in an array with room for `capacity` elements.
    private static func filled<T>(_ count: Int, with value: T, capacity: Int) -> [T] {
        [T](unsafeUninitializedCapacity: max(count, capacity)) { buffer, initialized in
            UnsafeMutableBufferPointer(rebasing: buffer[0..<count]).initialize(repeating: value)
            initialized = count
        }
    }

    /// Rows on account (-1) or naming an unknown invoice (-2): the payer's unapplied cash, in file order.
    private static func unappliedRows(_ rows: CashRows, target: [Int32]) -> UnappliedTable {
        var unapplied = UnappliedTable()
        for row in 0..<rows.count where target[row] < 0 {
            unapplied.customer.append(rows.customer[row])
            unapplied.date.append(rows.date[row])
            unapplied.amount.append(rows.amount[row])
            unapplied.currency.append(rows.currency[row])
            unapplied.kind.append(rows.kind[row])
            unapplied.reason.append(target[row] == -1 ? .onAccount : .unknownInvoice)
            unapplied.reference.append(rows.reference.string(row))
            unapplied.invoiceReference.append(rows.invoiceKey.string(row))
            unapplied.file.append(rows.kind[row] == .payment ? CashLoader.paymentsFile : CashLoader.creditNotesFile)
            unapplied.line.append(Int(rows.line[row]))
        }
        return unapplied
    }

    /// Insertion sort of each invoice's few applications by date, keeping file order on ties.
    private static func sortByDate(_ table: inout ApplicationTable) {
        let starts = table.start
        table.date.withUnsafeMutableBufferPointer { date in
            table.amount.withUnsafeMutableBufferPointer { amount in
                table.kind.withUnsafeMutableBufferPointer { kind in
                    for invoice in 0..<(starts.count - 1) {
                        let lower = Int(starts[invoice])
                        let upper = Int(starts[invoice + 1])
                        guard upper - lower > 1 else { continue }
                        for i in (lower + 1)..<upper {
                            let d = date[i]
                            let a = amount[i]
                            let k = kind[i]
                            var j = i - 1
                            while j >= lower, date[j] > d {
                                date[j + 1] = date[j]
                                amount[j + 1] = amount[j]
                                kind[j + 1] = kind[j]
                                j -= 1
                            }
                            date[j + 1] = d
                            amount[j + 1] = a
                            kind[j + 1] = k
                        }
                    }
                }
            }
        }
    }
}

/// The invoices that a range of cash rows names, looked up from the range's start up to `done`.
struct LookedUp: Sendable {
    let range: Range<Int>
    /// By row from the range's start: -1 on account, -2 an unknown invoice, else the invoice index.
    var target: [Int32]
    var done: Int

    var isComplete: Bool { done == range.upperBound }

    /// Looks up the rows from `done` on; without a hash in `ids`, it may stop early (see `KeyIndex.findAll`).
    mutating func lookUp(_ keys: ByteArena, in ids: KeyIndex) {
        let (lower, from) = (range.lowerBound, done)
        done = target.withUnsafeMutableBufferPointer { target in
            LookedUp.lookUp(keys, from..<range.upperBound, in: ids) { row, value in target[row - lower] = value }
        }
    }

    /// The targets of `rows` (looked up to the end: `ids` must be hashed), by row from the first.
    static func targets(_ keys: ByteArena, _ rows: Range<Int>, in ids: KeyIndex) -> [Int32] {
        var targets = [Int32](repeating: -1, count: rows.count)
        targets.withUnsafeMutableBufferPointer { targets in
            _ = lookUp(keys, rows, in: ids) { row, value in targets[row - rows.lowerBound] = value }
        }
        return targets
    }

    /// Writes the targets of the rows from `done` to the range's end (`targets(_:_:in:)`).
    mutating func fill(_ rest: [Int32]) {
        let offset = done - range.lowerBound
        target.withUnsafeMutableBufferPointer { target in
            for (index, value) in rest.enumerated() { target[offset + index] = value }
        }
        done = range.upperBound
    }

    /// Looks up `rows`, giving `set` each row that names an invoice and its target; returns where it stopped.
    @inline(__always)
    private static func lookUp(
        _ keys: ByteArena, _ rows: Range<Int>, in ids: KeyIndex, set: (Int, Int32) -> Void
    ) -> Int {
        keys.bytes.withUnsafeBufferPointer { arena in
            let starts = keys.starts
            return ids.findAll(
                rows,
                key: { row in UnsafeBufferPointer(rebasing: arena[Int(starts[row])..<Int(starts[row + 1])]) },
                found: { row, invoice in
                    if starts[row] != starts[row + 1] { set(row, invoice ?? -2) }
                })
        }
    }
}

/// Converters between every pair of the book's currencies, row-major: [from * count + to].
struct PairConverters: Sendable {
    private let count: Int
    private let table: [MinorUnitConverter]

    init(_ book: CurrencyBook) {
        let currencies = book.currencies
        count = currencies.count
        table = (0..<(count * count)).map { [count] pair in
            let from = pair / count
            let to = pair % count
            return MinorUnitConverter(
                from: currencies[from], rate: book.rates[from], to: currencies[to], rate: book.rates[to])
        }
    }

    /// `amount` in `from`'s minor units, in `to`'s; nil on overflow.
    @inline(__always)
    func convert(_ amount: Int64, from: Int16, to: Int16) -> Int64? {
        table[Int(from) * count + Int(to)].convert(amount)
    }
}
