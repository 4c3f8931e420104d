/// Why a row was rejected, in SPEC section 7's order of precedence: a row gets
/// the first reason it fails.
public enum RejectReason: String, CaseIterable, Sendable, Comparable {
    case missingRequired = "missing_required"
    case badDate = "bad_date"
    case unknownCustomer = "unknown_customer"
    case badAmount = "bad_amount"
    case tooManyDecimals = "too_many_decimals"
    case nonPositiveAmount = "non_positive_amount"
    case badNumber = "bad_number"
    case noFXRate = "no_fx_rate"
    case dueBeforeIssue = "due_before_issue"
    case resolvedBeforeOpened = "resolved_before_opened"
    case unknownInvoice = "unknown_invoice"
    case duplicateKey = "duplicate_key"

    public static func < (lhs: RejectReason, rhs: RejectReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A rejected input row, kept byte for byte as read.
public struct Reject: Sendable, Equatable {
    /// The file name within the data folder (`invoices.csv`).
    public var file: String
    /// Physical line where the record starts; the header is line 1.
    public var line: Int
    /// The column that failed (its canonical name).
    public var column: String
    public var reason: RejectReason
    /// A human sentence: what was wrong with the value.
    public var message: String
    /// The raw record without its line end.
    public var record: [UInt8]

    public init(file: String, line: Int, column: String, reason: RejectReason, message: String, record: [UInt8]) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.message = message
        self.record = record
    }
}
