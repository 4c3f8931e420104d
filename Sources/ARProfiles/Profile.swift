import ARCore

/// What one row of a foreign export is (docs/PROFILES.md, "Shapes").
public enum ProfileShape: String, Sendable, CaseIterable {
    /// One row per invoice, renamed columns, no settlement information.
    case canonical
    /// One row per invoice with its settlement date (or days) and settled amount:
    /// the implied payments are generated.
    case invoiceWithSettlement = "invoice_with_settlement"
    /// A snapshot of open invoices with their open amounts: no payments, no history.
    case openItems = "open_items"
}

/// Where one canonical value comes from: a source column, or a constant; with a default
/// for empty values, a value map (codes to words or days), and a date format.
public struct FieldSpec: Sendable, Equatable {
    public var column: String?
    public var constant: String?
    public var defaultValue: String?
    /// Source value -> canonical value, matched exactly after trimming; other values pass through.
    public var map: [String: String] = [:]
    /// Overrides the profile's date format for this field.
    public var dateFormat: DatePattern?
    /// `invoice_id` only: no id column, the id is `L` + the physical line number.
    public var fromLineNumber = false
    /// An empty value (after the default) rejects the row as missing_required, for optional
    /// fields and attributes a user cannot do without.
    public var required = false

    public init(
        column: String? = nil, constant: String? = nil, defaultValue: String? = nil, map: [String: String] = [:],
        dateFormat: DatePattern? = nil, fromLineNumber: Bool = false, required: Bool = false
    ) {
        self.required = required
        self.column = column
        self.constant = constant
        self.defaultValue = defaultValue
        self.map = map
        self.dateFormat = dateFormat
        self.fromLineNumber = fromLineNumber
    }
}

/// A mapping profile: how a foreign export's columns become the canonical layout.
public struct Profile: Sendable, Equatable {
    /// The profile's name (its file name without `.yml` unless `name:` says otherwise).
    public var name: String
    /// The file it was read from, for error messages.
    public var path: String
    public var shape: ProfileShape
    public var dateFormat: DatePattern
    public var numbers: NumberFormat
    public var booleans: BooleanWords
    /// Canonical field name -> its source (see `Profile.fieldNames`).
    public var fields: [String: FieldSpec]
    /// Invoice attributes kept for grouping, in the profile's order.
    public var attributes: [(name: String, spec: FieldSpec)]
    /// Fixed rates (1 unit = rate reporting units) for currencies other than the reporting one,
    /// used for every date.
    public var fxRates: [(currency: String, rate: FXRate)]

    public init(
        name: String, path: String = "", shape: ProfileShape, dateFormat: DatePattern = .iso,
        numbers: NumberFormat = .plain, booleans: BooleanWords = .standard, fields: [String: FieldSpec],
        attributes: [(name: String, spec: FieldSpec)] = [], fxRates: [(currency: String, rate: FXRate)] = []
    ) {
        self.name = name
        self.path = path
        self.shape = shape
        self.dateFormat = dateFormat
        self.numbers = numbers
        self.booleans = booleans
        self.fields = fields
        self.attributes = attributes
        self.fxRates = fxRates
    }

    /// Whether the source carries payment history: open-items snapshots do not, so DSO,
    /// countback, CEI, turnover, days to pay/late and the trend cannot be computed.
    public var hasHistory: Bool { shape != .openItems }

    /// The canonical fields a profile may map.
    public static let fieldNames = [
        "customer_id", "customer_name", "segment", "region", "credit_limit",
        "invoice_id", "issue_date", "due_date", "terms_days", "amount", "currency",
        "settled_date", "settled_days", "settled_amount", "disputed",
    ]

    /// Fields every shape needs.
    static let requiredFields = ["customer_id", "invoice_id", "issue_date", "amount"]

    public static func == (lhs: Profile, rhs: Profile) -> Bool {
        lhs.name == rhs.name && lhs.path == rhs.path && lhs.shape == rhs.shape && lhs.dateFormat == rhs.dateFormat
            && lhs.numbers == rhs.numbers && lhs.booleans == rhs.booleans && lhs.fields == rhs.fields
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.spec) == rhs.attributes.map(\.spec)
            && lhs.fxRates.map(\.currency) == rhs.fxRates.map(\.currency)
            && lhs.fxRates.map(\.rate) == rhs.fxRates.map(\.rate)
    }

    /// Every (field, column) pair the profile reads, fields first, then attributes.
    var referencedColumns: [(field: String, column: String)] {
        let fieldColumns = Profile.fieldNames.compactMap { name in fields[name]?.column.map { (name, $0) } }
        return fieldColumns + attributes.compactMap { attribute in attribute.spec.column.map { (attribute.name, $0) } }
    }
}
