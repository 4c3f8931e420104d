/// One table of the canonical layout (SPEC section 1) as a database holds it: a table named
/// like the CSV file without `.csv`, with the same column names.
public struct CanonicalTable: Sendable, Equatable {
    /// `invoices`: the table name, also the name rejects and inputs carry.
    public let name: String
    /// The required columns the loader checks first; a missing one is a one-line error.
    public let requiredColumns: [String]
    /// Every column of the table SPEC section 1 names (the loader ignores any other).
    public let columns: [String]

    /// `invoices.csv`: the canonical file the table is streamed into.
    public var fileName: String { name + ".csv" }

    /// The tables in SPEC's file order; only `invoices` must exist.
    public static let all: [CanonicalTable] = [
        CanonicalTable(
            name: "customers", requiredColumns: ["customer_id"],
            columns: [
                "customer_id", "name", "segment", "region", "currency", "credit_limit", "terms_days", "email", "phone",
            ]),
        CanonicalTable(
            name: "invoices", requiredColumns: ["invoice_id", "customer_id", "issue_date", "amount"],
            columns: ["invoice_id", "customer_id", "issue_date", "due_date", "amount", "currency"]),
        CanonicalTable(
            name: "payments", requiredColumns: ["payment_id", "customer_id", "date", "amount"],
            columns: ["payment_id", "customer_id", "invoice_id", "date", "amount", "currency", "method"]),
        CanonicalTable(
            name: "credit_notes", requiredColumns: ["credit_id", "customer_id", "date", "amount"],
            columns: ["credit_id", "customer_id", "invoice_id", "date", "amount", "reason"]),
        CanonicalTable(
            name: "disputes", requiredColumns: ["invoice_id", "opened"],
            columns: ["invoice_id", "opened", "resolved", "reason"]),
        CanonicalTable(
            name: "fx_rates", requiredColumns: ["date", "currency", "rate"], columns: ["date", "currency", "rate"]),
    ]

    /// The table whose canonical file is `fileName`, if any.
    public static func named(file fileName: String) -> CanonicalTable? {
        all.first { $0.fileName == fileName }
    }

    /// The first of `names` (sorted) that is no canonical table, with the message a source
    /// reports for a query given for it; nil when all are tables.
    public static func unknownQueryTable<Names: Sequence<String>>(in names: Names) -> (table: String, message: String)?
    {
        guard let unknown = names.sorted().first(where: { name in !all.contains { $0.name == name } }) else {
            return nil
        }
        return (unknown, "no such canonical table (known: \(all.map(\.name).joined(separator: ", ")))")
    }
}
