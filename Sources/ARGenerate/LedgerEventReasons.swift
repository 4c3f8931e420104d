/// Why a credit note was issued (SPEC section 1 reasons).
enum CreditReason: Int {
    case discount, dispute, writeOff, `return`, other

    private static let labels: [[UInt8]] = ["discount", "dispute", "write_off", "return", "other"].map {
        Array($0.utf8)
    }

    var bytes: [UInt8] { Self.labels[rawValue] }
}

/// Why a customer disputed an invoice.
enum DisputeReason: Int, CaseIterable {
    case pricing, quantity, damaged, notReceived

    static let weights = [35, 25, 20, 20]
    private static let labels: [[UInt8]] = ["pricing", "quantity", "damaged", "not_received"].map { Array($0.utf8) }

    var bytes: [UInt8] { Self.labels[rawValue] }
}
