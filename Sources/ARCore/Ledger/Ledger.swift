/// The validated AR data, columnar and ready for analysis at the as-of date
/// whose exchange rates it carries.
public struct Ledger: Sendable {
    /// Currencies in use; index 0 is the reporting currency.
    public var currencies: [Currency]
    /// The rate at the as-of date of each currency (reporting = 1).
    public var rates: [FXRate]
    public var customers: CustomerTable {
        didSet { customerOrder = Ledger.order(of: customers) }
    }
    /// Customer indices sorted by customer id: the order of every per-customer output, sorted
    /// once here rather than by each computation that lists customers.
    public private(set) var customerOrder: [Int]
    public var invoices: InvoiceTable
    public var applications: ApplicationTable
    public var unapplied: UnappliedTable
    public var disputes: DisputeTable

    public init(
        currencies: [Currency], rates: [FXRate], customers: CustomerTable, invoices: InvoiceTable,
        applications: ApplicationTable, unapplied: UnappliedTable, disputes: DisputeTable
    ) {
        self.currencies = currencies
        self.rates = rates
        self.customers = customers
        customerOrder = Ledger.order(of: customers)
        self.invoices = invoices
        self.applications = applications
        self.unapplied = unapplied
        self.disputes = disputes
    }

    public var reportingCurrency: Currency { currencies[0] }

    private static func order(of customers: CustomerTable) -> [Int] {
        customers.ids.indices.sorted { customers.ids[$0] < customers.ids[$1] }
    }

    /// Converters from each currency into the reporting currency at the as-of rates.
    public var toReporting: [MinorUnitConverter] {
        currencies.indices.map { MinorUnitConverter(from: currencies[$0], rate: rates[$0], to: currencies[0]) }
    }
}
