import ARCore
import Foundation

/// Writes a deterministic synthetic AR data set (SPEC section 1 layout) into `folder`, creating it if needed.
public func generateDataset(_ settings: GeneratorSettings, into folder: String) throws -> GenerationSummary {
    try settings.validate()
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
        throw GeneratorError.cannotCreateFolder(path: folder, reason: error.localizedDescription)
    }
    var generator = try DatasetGenerator(settings: settings, folder: folder)
    return try generator.run()
}

/// One generation run: the shared tables, the open files and the id counters.
///
/// Customers are generated one after the other and each invoice's payments,
/// credit notes and dispute are written as soon as it is drawn, so memory does
/// not grow with the data set: only the six 1 MB buffers and small tables.
struct DatasetGenerator: ~Copyable {
    let settings: GeneratorSettings
    let book: CurrencyBook
    let fx: FXRateSeries
    let calendar: IssueCalendar
    var files: DatasetFiles

    /// Ids are zero-padded to a width fixed by the data set's size, so they sort as text.
    let customerIDWidth: Int
    let invoiceIDWidth: Int
    static let paymentIDWidth = 9
    static let creditIDWidth = 7
    static let customerPrefix = Array("C".utf8)
    static let invoicePrefix = Array("INV".utf8)
    static let paymentPrefix = Array("P".utf8)
    static let creditPrefix = Array("CN".utf8)

    var nextInvoiceNumber = 1
    var nextPaymentNumber = 1
    var nextCreditNumber = 1
    var behaviourCounts: [PayerBehaviour: Int] = [:]

    init(settings: GeneratorSettings, folder: String) throws {
        self.settings = settings
        book = CurrencyBook(codes: settings.currencies)
        fx = FXRateSeries(book: book, start: settings.start, end: settings.end, seed: settings.seed)
        calendar = IssueCalendar(start: settings.start, end: settings.end)
        files = try DatasetFiles(folder: folder, dates: ISODateTable(from: fx.firstDay, through: settings.end))
        customerIDWidth = max(5, Self.decimalDigits(settings.customers))
        invoiceIDWidth = max(7, Self.decimalDigits(settings.invoices))
    }

    static func decimalDigits(_ value: Int) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    mutating func run() throws -> GenerationSummary {
        try writeFXRates()

        // Invoices are shared out in proportion to each customer's weight, one each at least,
        // summing exactly to settings.invoices: cumulative integer shares need no array of counts.
        var totalWeight: Int128 = 0
        for index in 0..<settings.customers {
            totalWeight += Int128(CustomerProfile(index: index, settings: settings, book: book).invoiceWeight)
        }
        let extraInvoices = Int128(settings.invoices - settings.customers)
        var cumulativeWeight: Int128 = 0
        var batch = RemittanceBatch()
        for index in 0..<settings.customers {
            let profile = CustomerProfile(index: index, settings: settings, book: book)
            let sharedBefore = extraInvoices * cumulativeWeight / totalWeight
            cumulativeWeight += Int128(profile.invoiceWeight)
            let sharedAfter = extraInvoices * cumulativeWeight / totalWeight
            try generateCustomer(profile, invoiceCount: 1 + Int(sharedAfter - sharedBefore), batch: &batch)
        }

        var summary = try files.close()
        summary.payerBehaviours = behaviourCounts
        return summary
    }

    /// One customer row, then its invoices in issue order with everything that follows each.
    mutating func generateCustomer(_ customer: CustomerProfile, invoiceCount: Int, batch: inout RemittanceBatch) throws
    {
        behaviourCounts[customer.habit.behaviour, default: 0] += 1
        try writeCustomerRow(customer)

        var rng = Xoshiro256StarStar(seed: settings.seed, stream: UInt64(customer.index), salt: 3)
        var schedule = calendar.schedule(from: customer.activeFrom, through: customer.activeTo, count: invoiceCount)
        for _ in 0..<invoiceCount {
            let issue = schedule.next(using: &rng)
            try generateInvoice(issue: issue, customer: customer, batch: &batch, rng: &rng)
        }
        try payBatch(&batch, customer: customer, rng: &rng)
    }

    mutating func writeCustomerRow(_ customer: CustomerProfile) throws {
        var nameRNG = Xoshiro256StarStar(seed: settings.seed, stream: UInt64(customer.index), salt: 2)
        let name = CompanyNames.name(
            customerIndex: customer.index, segment: customer.segment, region: customer.region, rng: &nameRNG)
        let currency = book[customer.currency]
        files.customers.identifier(prefix: Self.customerPrefix, number: customer.index + 1, width: customerIDWidth)
        files.customers.comma()
        files.customers.text(name)
        files.customers.comma()
        files.customers.text(customer.segment.label)
        files.customers.comma()
        files.customers.text(customer.region.label)
        files.customers.comma()
        files.customers.raw(currency.codeBytes)
        files.customers.comma()
        if let limit = customer.creditLimit { files.customers.amount(limit, minorDigits: currency.minorDigits) }
        files.customers.comma()
        files.customers.integer(customer.termsDays)
        try files.customers.endRow()
    }

    /// fx_rates.csv: by date, then currency; the header alone when there is one currency.
    mutating func writeFXRates() throws {
        guard book.count > 1 else { return }
        var day = fx.firstDay
        while day <= fx.lastDay {
            if fx.isPublished(day) {
                for index in 1..<book.count {
                    files.fxRates.date(day)
                    files.fxRates.comma()
                    files.fxRates.raw(book[index].codeBytes)
                    files.fxRates.comma()
                    files.fxRates.amount(fx.rate(index, on: day), minorDigits: FXRateSeries.rateDigits)
                    try files.fxRates.endRow()
                }
            }
            day += 1
        }
    }
}
