/// What one `generateDataset` call wrote: data rows per file (headers excluded) and bytes.
public struct GenerationSummary: Sendable, Equatable {
    /// Rows of customers.csv.
    public var customers: Int
    /// Rows of invoices.csv.
    public var invoices: Int
    /// Rows of payments.csv (a payment over several invoices counts once per row).
    public var payments: Int
    /// Rows of credit_notes.csv.
    public var creditNotes: Int
    /// Rows of disputes.csv.
    public var disputes: Int
    /// Rows of fx_rates.csv.
    public var fxRates: Int
    /// Bytes of all six files, headers included.
    public var bytesWritten: Int
    /// Customers per payer behaviour (each behaviour is present when customers >= 4).
    public var payerBehaviours: [PayerBehaviour: Int]

    public init(
        customers: Int = 0, invoices: Int = 0, payments: Int = 0, creditNotes: Int = 0, disputes: Int = 0,
        fxRates: Int = 0, bytesWritten: Int = 0, payerBehaviours: [PayerBehaviour: Int] = [:]
    ) {
        self.customers = customers
        self.invoices = invoices
        self.payments = payments
        self.creditNotes = creditNotes
        self.disputes = disputes
        self.fxRates = fxRates
        self.bytesWritten = bytesWritten
        self.payerBehaviours = payerBehaviours
    }
}
