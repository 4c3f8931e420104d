import ARCore

/// How invoices get paid: in full, in parts, short, over, in another currency,
/// several at once, or as cash on account.
extension DatasetGenerator {
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
}
