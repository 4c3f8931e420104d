import CPrefetch

/// Customers, one row each, in index order.
public struct CustomerTable: Sendable {
    public var ids: [String] = []
    public var names: [String] = []
    public var segments: [String] = []
    public var regions: [String] = []
    /// Index into `Ledger.currencies`.
    public var currency: [Int16] = []
    /// In the customer's currency's minor units; nil = no limit (0 is a real limit).
    public var creditLimit: [Int64?] = []
    public var termsDays: [Int32] = []
    /// Contact details from the optional customers.csv columns; empty when not given.
    public var emails: [String] = []
    public var phones: [String] = []

    public init() {}

    public var count: Int { ids.count }

    /// Room for `count` customers in every column.
    mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
        names.reserveCapacity(count)
        segments.reserveCapacity(count)
        regions.reserveCapacity(count)
        currency.reserveCapacity(count)
        creditLimit.reserveCapacity(count)
        termsDays.reserveCapacity(count)
        emails.reserveCapacity(count)
        phones.reserveCapacity(count)
    }

    mutating func append(
        id: String, name: String, segment: String, region: String, currency: Int16, creditLimit: Int64?,
        termsDays: Int32, email: String = "", phone: String = ""
    ) {
        ids.append(id)
        names.append(name)
        segments.append(segment)
        regions.append(region)
        self.currency.append(currency)
        self.creditLimit.append(creditLimit)
        self.termsDays.append(termsDays)
        emails.append(email)
        phones.append(phone)
    }
}

extension CustomerTable {
    /// Prefetches customer `index`'s slots in the ids, names, emails and phones: for rows that
    /// visit customers in no order (the worklist, by priority), a few rows ahead.
    public func prefetchRow(_ index: Int) {
        func prefetch(_ column: [String]) {
            column.withUnsafeBufferPointer { slots in
                guard let base = slots.baseAddress, index >= 0, index < slots.count else { return }
                ar_prefetch(base + index)
            }
        }
        prefetch(ids)
        prefetch(names)
        prefetch(emails)
        prefetch(phones)
    }
}

/// Invoices in columns: amounts in the invoice currency's minor units, dates as day numbers.
public struct InvoiceTable: Sendable {
    public var ids = KeyIndex()
    public var customer: [Int32] = []
    public var issue: [Day] = []
    public var due: [Day] = []
    public var amount: [Int64] = []
    public var currency: [Int16] = []
    /// Extra attributes a profile keeps for grouping (`paperless`, `country`...):
    /// attribute name -> one value per invoice, in invoice order. Empty for the canonical layout.
    public var attributes: [String: [String]] = [:]

    public init() {}

    public var count: Int { customer.count }
}

/// What an application or unapplied item is: cash or a credit note.
public enum CashKind: UInt8, Sendable {
    case payment = 0
    case credit = 1
}

/// Applications to known invoices, grouped by invoice (compressed rows):
/// the applications of invoice i are `start[i]..<start[i+1]`, sorted by date.
/// Amounts are already in the invoice's currency.
public struct ApplicationTable: Sendable {
    public var start: [Int32] = [0]
    public var date: [Day] = []
    public var amount: [Int64] = []
    public var kind: [CashKind] = []

    public init() {}

    public var count: Int { date.count }
}

/// Why cash sits unapplied on a customer's account (besides invoice excess and prepayments,
/// which the ledger derives at each date).
public enum UnappliedReason: String, Sendable {
    /// No invoice_id: cash or credit on account.
    case onAccount = "on_account"
    /// The invoice_id names no known invoice: kept as the payer's cash.
    case unknownInvoice = "unknown_invoice"
}

/// Payments and credit notes that are not applied to a known invoice, in their own currency.
public struct UnappliedTable: Sendable {
    public var customer: [Int32] = []
    public var date: [Day] = []
    public var amount: [Int64] = []
    public var currency: [Int16] = []
    public var kind: [CashKind] = []
    public var reason: [UnappliedReason] = []
    /// payment_id or credit_id.
    public var reference: [String] = []
    /// The invoice_id as written, for unknown invoices; empty on account.
    public var invoiceReference: [String] = []
    public var file: [String] = []
    public var line: [Int] = []

    public init() {}

    public var count: Int { customer.count }
}

/// Disputes on invoices: open from `opened` until `resolved` (exclusive), `Day.max` when unresolved.
public struct DisputeTable: Sendable {
    public var invoice: [Int32] = []
    public var opened: [Day] = []
    public var resolved: [Day] = []
    public var reason: [String] = []

    public init() {}

    public var count: Int { invoice.count }
}
