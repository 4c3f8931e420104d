extension Ledger {
    /// The ledger of some customers only: their invoices with their applications,
    /// their unapplied cash and disputes. Customer indices are unchanged.
    public func restricted(to keep: [Bool]) -> Ledger {
        var kept = InvoiceTable()
        var keptApplications = ApplicationTable()
        var newIndex = [Int32](repeating: -1, count: invoices.count)
        for invoice in 0..<invoices.count where keep[Int(invoices.customer[invoice])] {
            newIndex[invoice] = Int32(kept.count)
            invoices.ids.withKey(invoice) { _ = kept.ids.insert($0) }
            kept.customer.append(invoices.customer[invoice])
            kept.issue.append(invoices.issue[invoice])
            kept.due.append(invoices.due[invoice])
            kept.amount.append(invoices.amount[invoice])
            kept.currency.append(invoices.currency[invoice])
            for slot in Int(applications.start[invoice])..<Int(applications.start[invoice + 1]) {
                keptApplications.date.append(applications.date[slot])
                keptApplications.amount.append(applications.amount[slot])
                keptApplications.kind.append(applications.kind[slot])
            }
            keptApplications.start.append(Int32(keptApplications.count))
        }
        for (name, values) in invoices.attributes {
            kept.attributes[name] = values.indices.filter { newIndex[$0] >= 0 }.map { values[$0] }
        }
        var keptUnapplied = UnappliedTable()
        for item in 0..<unapplied.count where keep[Int(unapplied.customer[item])] {
            keptUnapplied.customer.append(unapplied.customer[item])
            keptUnapplied.date.append(unapplied.date[item])
            keptUnapplied.amount.append(unapplied.amount[item])
            keptUnapplied.currency.append(unapplied.currency[item])
            keptUnapplied.kind.append(unapplied.kind[item])
            keptUnapplied.reason.append(unapplied.reason[item])
            keptUnapplied.reference.append(unapplied.reference[item])
            keptUnapplied.invoiceReference.append(unapplied.invoiceReference[item])
            keptUnapplied.file.append(unapplied.file[item])
            keptUnapplied.line.append(unapplied.line[item])
        }
        var keptDisputes = DisputeTable()
        for row in 0..<disputes.count where newIndex[Int(disputes.invoice[row])] >= 0 {
            keptDisputes.invoice.append(newIndex[Int(disputes.invoice[row])])
            keptDisputes.opened.append(disputes.opened[row])
            keptDisputes.resolved.append(disputes.resolved[row])
            keptDisputes.reason.append(disputes.reason[row])
        }
        return Ledger(
            currencies: currencies, rates: rates, customers: customers, invoices: kept, applications: keptApplications,
            unapplied: keptUnapplied, disputes: keptDisputes)
    }
}
