import ARCore

/// Invoices of one customer waiting to be paid together with a single payment.
///
/// The customer's remittance advice lists several invoices: payments.csv gets
/// one row per invoice, all with the same payment_id and date. The storage is
/// reused from customer to customer, so batching allocates nothing per row.
struct RemittanceBatch {
    struct Item {
        let invoiceNumber: Int
        let amount: Int64
        let plannedDate: Day
    }

    /// Invoices planned this many days after the batch's first one start a new batch.
    static let windowDays: Day = 21

    private(set) var items: [Item] = []
    /// How many invoices this remittance will hold (2 to 5, drawn when it opens).
    private(set) var targetSize = 0

    init() { items.reserveCapacity(8) }

    var isEmpty: Bool { items.isEmpty }
    var isFull: Bool { !items.isEmpty && items.count >= targetSize }

    /// The payment date: once the last invoice of the batch is due to be paid.
    var paymentDate: Day { items.reduce(items.first?.plannedDate ?? 0) { max($0, $1.plannedDate) } }

    /// Whether an invoice planned on `date` can still join without stretching the batch too far.
    func accepts(_ date: Day) -> Bool {
        guard let first = items.first else { return true }
        return date <= first.plannedDate + Self.windowDays
    }

    mutating func add(_ item: Item, targetSizeIfNew: Int) {
        if items.isEmpty { targetSize = targetSizeIfNew }
        items.append(item)
    }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }
}
