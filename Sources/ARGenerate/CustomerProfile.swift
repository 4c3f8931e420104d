import ARCore

/// Everything drawn once per customer; a pure function of (seed, customer index).
///
/// Being pure lets the generator draw the profiles twice (once to share the
/// invoices out, once to write them) instead of holding them all in memory.
struct CustomerProfile {
    let index: Int
    let segment: CustomerSegment
    let region: SalesRegion
    /// Index into the CurrencyBook.
    let currency: Int
    /// In the customer's currency's minor units; nil = no limit.
    let creditLimit: Int64?
    let termsDays: Int
    let habit: PaymentHabit
    /// First and last day the customer is invoiced (new customers, churn, credit hold).
    let activeFrom: Day
    let activeTo: Day
    let preferredMethod: PaymentMethod
    /// Pays several invoices with one remittance.
    let remitsInBatches: Bool
    /// This customer's typical invoice in USD.
    let typicalInvoiceUSD: Double
    /// Relative share of the data set's invoices, integer so the split is exact.
    let invoiceWeight: Int64

    /// The first customers get fixed behaviours so every behaviour is present in any data set of 4+ customers.
    static let guaranteedBehaviours: [PayerBehaviour] = [.prompt, .slow, .deteriorating, .defaulting]

    init(index: Int, settings: GeneratorSettings, book: CurrencyBook) {
        var rng = Xoshiro256StarStar(seed: settings.seed, stream: UInt64(index), salt: 1)
        self.index = index
        let segment = CustomerSegment(rawValue: rng.weightedIndex(CustomerSegment.customerShares)) ?? .smallBusiness
        self.segment = segment
        region = SalesRegion(rawValue: rng.weightedIndex(SalesRegion.customerShares)) ?? .northAmerica
        currency = Self.drawCurrency(index: index, region: region, book: book, rng: &rng)

        let limits = segment.creditLimitUSD
        let limitRoll = rng.unit()
        if limitRoll < limits.noLimitShare {
            creditLimit = nil
        } else if limitRoll < limits.noLimitShare + 0.01 {
            creditLimit = 0  // cash-in-advance accounts: a real limit of zero
        } else {
            creditLimit = book.roundedLimit(usd: rng.uniform(limits.low, limits.high), in: currency)
        }
        let terms = segment.termsChoices
        termsDays = terms.days[rng.weightedIndex(terms.weights)]
        preferredMethod = PaymentMethod(rawValue: rng.weightedIndex(segment.methodWeights)) ?? .ach
        typicalInvoiceUSD = segment.typicalInvoiceUSD * rng.uniform(0.5, 2.0)
        invoiceWeight = Int64((segment.invoiceVolume * rng.uniform(0.4, 1.6) * 1000).rounded())

        let start = settings.start
        let end = settings.end
        let span = Double(end - start)
        var activeFrom = start
        // Some customers are won during the period, a few churn before its end.
        if rng.chance(0.2) { activeFrom = start + Day(span * rng.uniform(0, 0.6)) }
        var activeTo = end
        if rng.chance(0.08) { activeTo = activeFrom + Day(Double(end - activeFrom) * rng.uniform(0.4, 0.9)) }

        let behaviour =
            index < Self.guaranteedBehaviours.count
            ? Self.guaranteedBehaviours[index]
            : PayerBehaviour.allCases[rng.weightedIndex(segment.behaviourWeights)]
        var defaultDate: Day?
        if behaviour == .defaulting {
            let date = activeFrom + Day(Double(end - activeFrom) * rng.uniform(0.3, 0.85))
            defaultDate = date
            activeTo = min(end, date + Day(rng.between(30, 75)))  // invoicing stops once the account is on hold
        }
        let baseDaysLate: Int
        let driftDays: Int
        switch behaviour {
        case .prompt, .defaulting: (baseDaysLate, driftDays) = (0, 0)
        case .slow: (baseDaysLate, driftDays) = (rng.between(24, 40), 0)
        case .deteriorating: (baseDaysLate, driftDays) = (rng.between(-2, 6), rng.between(35, 90))
        }
        habit = PaymentHabit(
            behaviour: behaviour, baseDaysLate: baseDaysLate, driftDays: driftDays, defaultDate: defaultDate)
        self.activeFrom = activeFrom
        self.activeTo = max(activeFrom, activeTo)
        remitsInBatches = behaviour != .defaulting && rng.chance(segment.batchRemitterShare)
    }

    /// Most customers pay in the reporting currency; the others in a currency of their region when listed.
    private static func drawCurrency(index: Int, region: SalesRegion, book: CurrencyBook, rng: inout Xoshiro256StarStar)
        -> Int
    {
        guard book.count > 1 else { return 0 }
        let foreign = index == 1 || rng.chance(0.25)  // customer 1 always foreign: small sets still mix currencies
        guard foreign else { return 0 }
        let home = (1..<book.count).filter { region.homeCurrencies.contains(book[$0].currency.code) }
        if !home.isEmpty, rng.chance(0.7) { return rng.element(of: home) }
        return rng.between(1, book.count - 1)
    }
}
