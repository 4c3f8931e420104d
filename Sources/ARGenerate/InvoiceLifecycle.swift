import ARCore

/// One invoice and what happens to it: dispute, credit notes, payments.
///
/// Everything is decided when the invoice is drawn, and rows dated after the
/// cut-off are simply not written: that is what leaves invoices open at `end`.
extension DatasetGenerator {
    mutating func generateInvoice(
        issue: Day, customer: CustomerProfile, batch: inout RemittanceBatch, rng: inout Xoshiro256StarStar
    ) throws {
        let invoice = nextInvoiceNumber
        nextInvoiceNumber += 1

        // A few invoices of multi-currency data sets are billed in another currency than the customer's.
        var currency = customer.currency
        if book.count > 1, rng.chance(0.03) {
            currency = customer.currency == 0 ? rng.between(1, book.count - 1) : 0
        }
        let inCustomerCurrency = currency == customer.currency
        let amount = drawAmount(customer: customer, currency: currency, rng: &rng)

        var terms = customer.termsDays
        var writesDueDate = true
        switch rng.below(100) {
        case 0..<3: terms += 30  // extended terms negotiated on this invoice: due_date says so
        case 3..<6: writesDueDate = false  // blank due_date: the customer's terms_days apply
        default: break
        }
        let due = issue + Day(terms)
        try writeInvoiceRow(
            invoice, customer: customer, issue: issue, due: writesDueDate ? due : nil, amount: amount,
            currency: currency, writesCurrency: !inCustomerCurrency || !rng.chance(0.02))

        if inCustomerCurrency {
            try drawOnAccountActivity(customer: customer, issue: issue, amount: amount, rng: &rng)
        }

        var credited: Int64 = 0
        var payableFrom = issue
        var disputed = false
        var neverPaid = false
        if rng.chance(0.025) {
            disputed = true
            let outcome = try drawDispute(
                invoice, customer: customer, issue: issue, terms: terms, amount: amount,
                creditable: inCustomerCurrency, rng: &rng)
            credited = outcome.credited
            if let resolved = outcome.resolved {
                payableFrom = resolved + Day(rng.between(0, 14))
            } else {
                neverPaid = true
            }
        } else if inCustomerCurrency, rng.chance(0.03) {
            credited = try drawCreditNote(invoice, customer: customer, issue: issue, amount: amount, rng: &rng)
        }

        let daysLate = customer.habit.daysLate(
            issue: issue, activeFrom: customer.activeFrom, end: settings.end, terms: terms, rng: &rng)
        let planned = Weekdays.settlementDay(max(issue, due + Day(daysLate), payableFrom))

        if let defaultDate = customer.habit.defaultDate, planned >= defaultDate {
            // The account has stopped paying; collections give up on most of it months later.
            if inCustomerCurrency, credited < amount, rng.chance(0.65) {
                let writeOff = max(defaultDate, due) + Day(rng.between(90, 240))
                try writeCreditNote(
                    invoice: invoice, customer: customer, date: writeOff, amount: amount - credited, reason: .writeOff)
            }
            return
        }
        guard !neverPaid, amount > credited else { return }
        let payable = amount - credited

        if customer.remitsInBatches, inCustomerCurrency, !disputed, credited == 0, rng.chance(0.7) {
            if !batch.accepts(planned) { try payBatch(&batch, customer: customer, rng: &rng) }
            batch.add(
                .init(invoiceNumber: invoice, amount: payable, plannedDate: planned), targetSizeIfNew: rng.between(2, 5)
            )
            if batch.isFull { try payBatch(&batch, customer: customer, rng: &rng) }
            return
        }
        try pay(
            invoice, customer: customer, payable: payable, currency: currency, issue: issue, planned: planned, rng: &rng
        )
    }

    /// Log-normal-ish amounts: a product of uniform factors around the customer's typical
    /// invoice (multiplying keeps it libm-free), with a rare large project invoice.
    func drawAmount(customer: CustomerProfile, currency: Int, rng: inout Xoshiro256StarStar) -> Int64 {
        var usd = customer.typicalInvoiceUSD
        usd *= rng.uniform(0.35, 1.65) * rng.uniform(0.35, 1.65) * rng.uniform(0.35, 1.65)
        if rng.chance(0.02) { usd *= rng.uniform(3, 8) }
        let wholeUnits = rng.chance(customer.segment == .smallBusiness ? 0.4 : 0.1)  // subscriptions, flat fees
        return book.minorUnits(usd: usd, in: currency, wholeUnits: wholeUnits)
    }
}
