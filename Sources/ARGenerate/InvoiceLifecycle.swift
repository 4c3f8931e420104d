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

    /// How an invoice's payable amount is paid: in full, in parts, short, over, or in another currency.
    mutating func pay(
        _ invoice: Int, customer: CustomerProfile, payable: Int64, currency: Int, issue: Day, planned: Day,
        rng: inout Xoshiro256StarStar
    ) throws {
        let roll = rng.below(1000)
        switch roll {
        case 0..<50 where payable >= 3:
            // Paid in 2 or 3 instalments, each its own payment.
            let parts = rng.chance(0.7) ? 2 : 3
            var remaining = payable
            var date = Weekdays.settlementDay(max(issue, planned - Day(rng.between(0, 10))))
            for part in 1...parts {
                let share =
                    part == parts
                    ? remaining
                    : max(1, min(remaining - Int64(parts - part), Int64(Double(remaining) * rng.uniform(0.3, 0.6))))
                try writePayment(
                    invoice: invoice, customer: customer, date: date, amount: share, currency: currency, rng: &rng)
                remaining -= share
                date = Weekdays.settlementDay(date + Day(rng.between(7, 35)))
            }
        case 50..<70 where payable >= 2:
            // Short payment: a deduction the customer takes; half the time a credit note settles it later.
            let paid = max(1, min(payable - 1, Int64(Double(payable) * rng.uniform(0.5, 0.95))))
            try writePayment(
                invoice: invoice, customer: customer, date: planned, amount: paid, currency: currency, rng: &rng)
            if currency == customer.currency, rng.chance(0.5) {
                try writeCreditNote(
                    invoice: invoice, customer: customer, date: planned + Day(rng.between(20, 90)),
                    amount: payable - paid, reason: rng.chance(0.6) ? .discount : .other)
            }
        case 70..<82:
            // Overpayment: the excess becomes unapplied cash of the customer (SPEC 3).
            let extra = max(1, Int64(Double(payable) * rng.uniform(0.002, 0.05)))
            try writePayment(
                invoice: invoice, customer: customer, date: planned, amount: payable + extra, currency: currency,
                rng: &rng)
        case 82..<97 where book.count > 1:
            // Paid in another currency, converted at the day's rates: the report's rates at T leave a small difference.
            let paidIn =
                currency != 0 ? 0 : (customer.currency != 0 ? customer.currency : rng.between(1, book.count - 1))
            let converted = fx.convert(payable, from: currency, to: paidIn, on: planned, book: book)
            try writePayment(
                invoice: invoice, customer: customer, date: planned, amount: converted > 0 ? converted : payable,
                currency: converted > 0 ? paidIn : currency, rng: &rng)
        default:
            try writePayment(
                invoice: invoice, customer: customer, date: planned, amount: payable, currency: currency, rng: &rng)
        }
    }

    /// Pays the batched invoices with one payment id and one date; empties the batch.
    mutating func payBatch(_ batch: inout RemittanceBatch, customer: CustomerProfile, rng: inout Xoshiro256StarStar)
        throws
    {
        guard !batch.isEmpty else { return }
        defer { batch.removeAll() }
        let date = batch.paymentDate
        guard date <= settings.end else { return }
        let method = drawMethod(customer: customer, rng: &rng)
        let payment = nextPaymentNumber
        nextPaymentNumber += 1
        for item in batch.items {
            try writePaymentRow(
                payment, invoice: item.invoiceNumber, customer: customer, date: date, amount: item.amount,
                currency: customer.currency, writesCurrency: true, method: method)
        }
    }

    /// Cash and credits not applied to any invoice: deposits and volume rebates.
    mutating func drawOnAccountActivity(
        customer: CustomerProfile, issue: Day, amount: Int64, rng: inout Xoshiro256StarStar
    ) throws {
        if rng.chance(0.006) {
            let deposit = max(1, Int64(Double(amount) * rng.uniform(0.1, 1.0)))
            let date = Weekdays.settlementDay(issue + Day(rng.between(0, 30)))
            // A defaulted account sends no more cash, not even on account.
            if date < customer.habit.defaultDate ?? .max {
                try writePayment(
                    invoice: nil, customer: customer, date: date, amount: deposit, currency: customer.currency,
                    rng: &rng)
            }
        }
        if rng.chance(0.003) {
            let rebate = max(1, Int64(Double(amount) * rng.uniform(0.01, 0.05)))
            try writeCreditNote(
                invoice: nil, customer: customer, date: issue + Day(rng.between(10, 60)), amount: rebate,
                reason: rng.chance(0.5) ? .discount : .other)
        }
    }

    /// A credit note on the invoice (discount, return or other); returns the amount credited.
    mutating func drawCreditNote(
        _ invoice: Int, customer: CustomerProfile, issue: Day, amount: Int64, rng: inout Xoshiro256StarStar
    ) throws -> Int64 {
        let reason: CreditReason
        let share: Double
        switch rng.below(100) {
        case 0..<50: (reason, share) = (.discount, rng.uniform(0.02, 0.10))
        case 50..<85: (reason, share) = (.return, rng.chance(0.2) ? 1.0 : rng.uniform(0.1, 0.9))
        default: (reason, share) = (.other, rng.uniform(0.01, 0.2))
        }
        let credit = min(amount, max(1, Int64((Double(amount) * share).rounded())))
        try writeCreditNote(
            invoice: invoice, customer: customer, date: issue + Day(rng.between(3, 40)), amount: credit, reason: reason)
        return credit
    }

    /// A dispute on the invoice; resolved ones may end in a credit note on the resolution day.
    mutating func drawDispute(
        _ invoice: Int, customer: CustomerProfile, issue: Day, terms: Int, amount: Int64, creditable: Bool,
        rng: inout Xoshiro256StarStar
    ) throws -> (resolved: Day?, credited: Int64) {
        let reason = DisputeReason(rawValue: rng.weightedIndex(DisputeReason.weights)) ?? .pricing
        let opened = issue + Day(rng.between(2, terms + 15))
        let resolved: Day? = rng.chance(0.12) ? nil : opened + Day(rng.triangular(3, 60))
        try writeDisputeRow(invoice, opened: opened, resolved: resolved, reason: reason)
        guard let resolved, creditable, rng.chance(0.45) else { return (resolved, 0) }
        let fullCredit = reason == .notReceived && rng.chance(0.5)
        let credit =
            fullCredit ? amount : min(amount, max(1, Int64((Double(amount) * rng.uniform(0.05, 0.5)).rounded())))
        try writeCreditNote(invoice: invoice, customer: customer, date: resolved, amount: credit, reason: .dispute)
        return (resolved, credit)
    }
}
