/// The six files of the canonical layout (SPEC section 1), open for writing.
struct DatasetFiles: ~Copyable {
    static let customersHeader = ["customer_id", "name", "segment", "region", "currency", "credit_limit", "terms_days"]
    static let invoicesHeader = ["invoice_id", "customer_id", "issue_date", "due_date", "amount", "currency"]
    static let paymentsHeader = ["payment_id", "customer_id", "invoice_id", "date", "amount", "currency", "method"]
    static let creditNotesHeader = ["credit_id", "customer_id", "invoice_id", "date", "amount", "reason"]
    static let disputesHeader = ["invoice_id", "opened", "resolved", "reason"]
    static let fxRatesHeader = ["date", "currency", "rate"]

    var customers: CSVRowWriter
    var invoices: CSVRowWriter
    var payments: CSVRowWriter
    var creditNotes: CSVRowWriter
    var disputes: CSVRowWriter
    var fxRates: CSVRowWriter

    init(folder: String, dates: ISODateTable) throws {
        func path(_ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
        // Opened into locals first: a noncopyable struct cannot be left half-initialized by a throw.
        let customers = try CSVRowWriter(path: path("customers.csv"), header: Self.customersHeader, dates: dates)
        let invoices = try CSVRowWriter(path: path("invoices.csv"), header: Self.invoicesHeader, dates: dates)
        let payments = try CSVRowWriter(path: path("payments.csv"), header: Self.paymentsHeader, dates: dates)
        let creditNotes = try CSVRowWriter(path: path("credit_notes.csv"), header: Self.creditNotesHeader, dates: dates)
        let disputes = try CSVRowWriter(path: path("disputes.csv"), header: Self.disputesHeader, dates: dates)
        let fxRates = try CSVRowWriter(path: path("fx_rates.csv"), header: Self.fxRatesHeader, dates: dates)
        self.customers = customers
        self.invoices = invoices
        self.payments = payments
        self.creditNotes = creditNotes
        self.disputes = disputes
        self.fxRates = fxRates
    }

    /// Flushes and closes every file, then reports what was written.
    mutating func close() throws -> GenerationSummary {
        try customers.close()
        try invoices.close()
        try payments.close()
        try creditNotes.close()
        try disputes.close()
        try fxRates.close()
        return GenerationSummary(
            customers: customers.rows, invoices: invoices.rows, payments: payments.rows,
            creditNotes: creditNotes.rows, disputes: disputes.rows, fxRates: fxRates.rows,
            bytesWritten: customers.bytesWritten + invoices.bytesWritten + payments.bytesWritten
                + creditNotes.bytesWritten + disputes.bytesWritten + fxRates.bytesWritten)
    }
}
