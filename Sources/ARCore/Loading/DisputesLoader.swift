/// Reads disputes.csv: `invoice_id, opened[, resolved, reason]`.
struct DisputesLoader {
    struct Result {
        var table: DisputeTable
        var rejects: [Reject]
        var summary: InputFileSummary
    }

    static let file = "disputes.csv"

    static func load(path: String, invoices: KeyIndex, progress: LoadProgress?) throws -> Result {
        let reader = try CSVFileReader(path: path, progress: progress)
        let invoice = try ColumnRef(required: "invoice_id", in: reader)
        let opened = try ColumnRef(required: "opened", in: reader)
        let resolved = ColumnRef(optional: "resolved", in: reader)
        let reason = ColumnRef(optional: "reason", in: reader)
        var sink = RejectSink(file: file)
        var table = DisputeTable()
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
            guard let invoiceIndex = invoices.find(row.value(invoice)) else {
                sink.add(row, invoice.name, .unknownInvoice, "invoice_id \(row.text(invoice)) is not in invoices.csv")
                return true
            }
            table.invoice.append(invoiceIndex)
            table.opened.append(openedDay)
            table.resolved.append(resolvedDay)
            table.reason.append(row.string(reason))
            return true
        }
        return Result(
            table: table, rejects: sink.rejects,
            summary: InputFileSummary(reader: reader, file: file, rejected: sink.rejects.count))
    }
}
