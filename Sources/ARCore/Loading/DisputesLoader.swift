/// Reads disputes.csv: `invoice_id, opened[, resolved, reason]`.
///
/// In two steps, so the file can be read while invoices.csv is still loading: `parse` checks
/// everything but the invoice, whose check comes last in SPEC section 7's precedence, and
/// `resolve` then looks the invoice ids up.
struct DisputesLoader {
    struct Result {
        var table: DisputeTable
        var rejects: [Reject]
        var summary: InputFileSummary
    }

    /// Rows that passed every check but the invoice's, with what an unknown_invoice reject needs.
    struct Parsed: Sendable {
        var invoiceKeys = ByteArena()
        var opened: [Day] = []
        var resolved: [Day] = []
        var reason: [String] = []
        var lines: [Int] = []
        /// Each row's raw record: `recordBytes[recordStarts[i]..<recordStarts[i + 1]]` (whole
        /// records can outgrow a ByteArena's 32-bit offsets).
        var recordBytes: [UInt8] = []
        var recordStarts: [Int] = [0]
        var invoiceColumn = ""
        var rejects: [Reject] = []
        var summary = InputFileSummary(file: file, path: "", sha256: "", bytes: 0, rows: 0, rejected: 0)
    }

    static let file = "disputes.csv"

    static func parse(path: String, progress: LoadProgress?) throws -> Parsed {
        let reader = try CSVFileReader(path: path, progress: progress)
        let invoice = try ColumnRef(required: "invoice_id", in: reader)
        let opened = try ColumnRef(required: "opened", in: reader)
        let resolved = ColumnRef(optional: "resolved", in: reader)
        let reason = ColumnRef(optional: "reason", in: reader)
        var sink = RejectSink(file: file)
        var parsed = Parsed(invoiceColumn: invoice.name)
        let required = RequiredColumns([invoice, opened])
        try reader.forEachRow { row in
            if let missing = row.firstMissing(in: required) {
                sink.add(row, missing.name, .missingRequired, "\(missing.name) is empty")
                return true
            }
            guard let openedDay = FieldCheck.date(row.value(opened)) else {
                sink.add(row, opened.name, .badDate, "opened \(row.text(opened)) is not a real YYYY-MM-DD day")
                return true
            }
            var resolvedDay = Day.max
            if !row.value(resolved).isEmpty {
                guard let day = FieldCheck.date(row.value(resolved)) else {
                    sink.add(row, resolved.name, .badDate, "resolved \(row.text(resolved)) is not a real YYYY-MM-DD day")
                    return true
                }
                guard day >= openedDay else {
                    sink.add(row, resolved.name, .resolvedBeforeOpened, "resolved \(row.text(resolved)) is before opened \(row.text(opened))")
                    return true
                }
                resolvedDay = day
            }
            parsed.invoiceKeys.append(row.value(invoice))
            parsed.opened.append(openedDay)
            parsed.resolved.append(resolvedDay)
            parsed.reason.append(row.string(reason))
            parsed.lines.append(row.line)
            row.withRaw { parsed.recordBytes.append(contentsOf: $0) }
            parsed.recordStarts.append(parsed.recordBytes.count)
            return true
        }
        parsed.rejects = sink.rejects
        parsed.summary = InputFileSummary(reader: reader, file: file, rejected: sink.rejects.count)
        return parsed
    }

    /// The parsed rows whose invoice is in `invoices`; the others are unknown_invoice rejects.
    /// `invoices` is inout because a lookup may build its hash (see KeyIndex.findEvery), which the
    /// cash matcher then uses too.
    static func resolve(_ parsed: Parsed, invoices: inout KeyIndex) -> Result {
        var table = DisputeTable()
        var rejects = parsed.rejects
        var found = [Int32?](repeating: nil, count: parsed.lines.count)
        parsed.invoiceKeys.bytes.withUnsafeBufferPointer { arena in
            let starts = parsed.invoiceKeys.starts
            invoices.findEvery(
                count: parsed.lines.count,
                key: { row in UnsafeBufferPointer(rebasing: arena[Int(starts[row])..<Int(starts[row + 1])]) },
                found: { row, invoice in found[row] = invoice })
        }
        for row in found.indices {
            guard let invoice = found[row] else {
                rejects.append(
                    Reject(
                        file: file, line: parsed.lines[row], column: parsed.invoiceColumn, reason: .unknownInvoice,
                        message: "invoice_id '\(parsed.invoiceKeys.string(row))' is not in invoices.csv",
                        record: Array(parsed.recordBytes[parsed.recordStarts[row]..<parsed.recordStarts[row + 1]])))
                continue
            }
            table.invoice.append(invoice)
            table.opened.append(parsed.opened[row])
            table.resolved.append(parsed.resolved[row])
            table.reason.append(parsed.reason[row])
        }
        var summary = parsed.summary
        summary.rejected = rejects.count
        return Result(table: table, rejects: rejects, summary: summary)
    }
}
