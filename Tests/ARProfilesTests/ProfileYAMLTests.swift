import ARProfiles
import Testing

/// A malformed profile is refused naming the file and the key.
@Suite struct ProfileYAMLTests {
    let minimal = "fields: {customer_id: c, invoice_id: i, issue_date: d, amount: a}\n"

    func error(_ yaml: String) -> ProfileError? {
        do {
            _ = try Profile.parse(yaml: yaml, path: "p.yml", defaultName: "p")
            return nil
        } catch {
            return error
        }
    }

    @Test func aMinimalProfileReadsWithDefaults() throws {
        let profile = try Profile.parse(yaml: "shape: canonical\n" + minimal, path: "p.yml", defaultName: "p")
        #expect(profile.name == "p")
        #expect(profile.dateFormat == .iso)
        #expect(profile.fields["invoice_id"] == FieldSpec(column: "i"))
        #expect(profile.hasHistory)
    }

    @Test func problemsNameTheKey() {
        #expect(
            error(minimal)
                == .malformed(
                    path: "p.yml", key: "shape",
                    reason: "missing (one of canonical, invoice_with_settlement, open_items)"))
        #expect(error("shape: ledger\n" + minimal)?.key == "shape")
        #expect(
            error("shape: canonical\nfields: {customer_id: c, invoice_id: i, issue_date: d}\n")?.key == "fields.amount")
        #expect(
            error("shape: canonical\nfields: {customer_id: c, invoice_id: i, issue_date: d, amount: a, amout: b}\n")?
                .key == "fields.amout")
        #expect(error("shape: canonical\ndate_format: DD/MM\n" + minimal)?.key == "date_format")
        #expect(error("shape: canonical\nnumbers: {decimal: ';'}\n" + minimal)?.key == "numbers.decimal")
        #expect(error("shape: canonical\nfx_rates: {CAD: abc}\n" + minimal)?.key == "fx_rates.CAD")
        #expect(error("shape: canonical\ncolour: red\n" + minimal)?.key == "colour")
        #expect(error("shape: invoice_with_settlement\n" + minimal)?.key == "fields.settled_date")
        #expect(
            error(
                "shape: open_items\nfields: {customer_id: c, invoice_id: i, issue_date: d, amount: a, settled_date: s}\n"
            )?.key == "fields.settled_date")
        #expect(
            error(
                "shape: canonical\nfields: {customer_id: c, invoice_id: {column: i, constant: x}, issue_date: d, amount: a}\n"
            )?.key == "fields.invoice_id")
        #expect(error("shape: [canonical\n")?.key == "(yaml)")
    }
}

extension ProfileError {
    var key: String? {
        if case .malformed(_, let key, _) = self { return key }
        return nil
    }
}
