/// A customer segment and the numbers that make its invoices look like it.
enum CustomerSegment: Int, CaseIterable {
    case enterprise, midMarket, smallBusiness, publicSector

    /// Relative share of customers.
    static let customerShares = [10, 30, 48, 12]

    var label: String {
        switch self {
        case .enterprise: "Enterprise"
        case .midMarket: "Mid-Market"
        case .smallBusiness: "SMB"
        case .publicSector: "Public Sector"
        }
    }

    /// Relative number of invoices per customer: large accounts are billed more often.
    var invoiceVolume: Double {
        switch self {
        case .enterprise: 8
        case .midMarket: 3
        case .smallBusiness: 1
        case .publicSector: 2.5
        }
    }

    /// Typical (median-ish) invoice in USD before the customer's own scale.
    var typicalInvoiceUSD: Double {
        switch self {
        case .enterprise: 18_000
        case .midMarket: 4_500
        case .smallBusiness: 650
        case .publicSector: 9_000
        }
    }

    /// Range of credit limits in USD; the share of customers without a limit.
    var creditLimitUSD: (low: Double, high: Double, noLimitShare: Double) {
        switch self {
        case .enterprise: (250_000, 2_000_000, 0.15)
        case .midMarket: (40_000, 300_000, 0.10)
        case .smallBusiness: (5_000, 40_000, 0.08)
        case .publicSector: (100_000, 1_000_000, 0.55)
        }
    }

    /// Net terms and their weights: mostly 30 days, longer for large accounts.
    var termsChoices: (days: [Int], weights: [Int]) {
        switch self {
        case .enterprise: ([30, 45, 60], [50, 20, 30])
        case .midMarket: ([15, 30, 45, 60], [5, 70, 15, 10])
        case .smallBusiness: ([15, 30, 45], [25, 70, 5])
        case .publicSector: ([30, 45, 60], [60, 20, 20])
        }
    }

    /// Weights of prompt, slow, deteriorating, defaulting payers (PayerBehaviour order).
    var behaviourWeights: [Int] {
        switch self {
        case .enterprise: [60, 25, 10, 5]
        case .midMarket: [55, 25, 12, 8]
        case .smallBusiness: [50, 22, 14, 14]
        case .publicSector: [40, 45, 10, 5]
        }
    }

    /// Weights of card, ach, wire, check, wallet, other (PaymentMethod order).
    var methodWeights: [Int] {
        switch self {
        case .enterprise: [0, 40, 45, 10, 0, 5]
        case .midMarket: [10, 50, 20, 17, 0, 3]
        case .smallBusiness: [40, 30, 2, 15, 10, 3]
        case .publicSector: [2, 40, 20, 38, 0, 0]
        }
    }

    /// Share of customers that pay several invoices with one remittance.
    var batchRemitterShare: Double {
        switch self {
        case .enterprise: 0.45
        case .midMarket: 0.25
        case .smallBusiness: 0.05
        case .publicSector: 0.35
        }
    }
}

/// A sales region; it also biases which non-reporting currency a customer uses.
enum SalesRegion: Int, CaseIterable {
    case northAmerica, emea, apac, latam

    static let customerShares = [45, 30, 15, 10]

    var label: String {
        switch self {
        case .northAmerica: "North America"
        case .emea: "EMEA"
        case .apac: "APAC"
        case .latam: "LATAM"
        }
    }

    /// Currencies customers of this region tend to be billed in.
    var homeCurrencies: [String] {
        switch self {
        case .northAmerica: ["USD", "CAD"]
        case .emea: ["EUR", "GBP", "CHF", "SEK", "NOK", "DKK"]
        case .apac: ["JPY", "AUD", "SGD", "NZD", "HKD", "CNY"]
        case .latam: ["BRL", "MXN", "USD"]
        }
    }
}

/// How a payment was made (SPEC section 1: card, ach, wire, check, wallet, other).
enum PaymentMethod: Int, CaseIterable {
    case card, ach, wire, check, wallet, other

    static let labels: [[UInt8]] = ["card", "ach", "wire", "check", "wallet", "other"].map { Array($0.utf8) }

    var bytes: [UInt8] { Self.labels[rawValue] }
}
