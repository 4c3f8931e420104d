import ARCore

/// Row writers for invoices, payments, credit notes and disputes.
///
/// Every row dated after the data set's `end` is dropped here, in one place:
/// the data set shows the ledger as it stood on its cut-off day.
extension DatasetGenerator {
    mutating func writeInvoiceRow(
        _ invoice: Int, customer: CustomerProfile, issue: Day, due: Day?, amount: Int64, currency: Int,
        writesCurrency: Bool
    ) throws {
        files.invoices.identifier(prefix: Self.invoicePrefix, number: invoice, width: invoiceIDWidth)
        files.invoices.comma()
        files.invoices.identifier(prefix: Self.customerPrefix, number: customer.index + 1, width: customerIDWidth)
        files.invoices.comma()
        files.invoices.date(issue)
        files.invoices.comma()
        if let due { files.invoices.date(due) }
        files.invoices.comma()
        files.invoices.amount(amount, minorDigits: book[currency].minorDigits)
        files.invoices.comma()
        if writesCurrency { files.invoices.raw(book[currency].codeBytes) }
        try files.invoices.endRow()
    }

    /// A payment event of one row; takes the next payment id only when it is written.
    mutating func writePayment(
        invoice: Int?, customer: CustomerProfile, date: Day, amount: Int64, currency: Int, rng: inout Xoshiro256StarStar
    ) throws {
        let method = drawMethod(customer: customer, rng: &rng)
        // The currency column is left blank now and then where the customer's currency applies by default.
        let writesCurrency = currency != customer.currency || !rng.chance(0.02)
        guard date <= settings.end else { return }
        let payment = nextPaymentNumber
        nextPaymentNumber += 1
        try writePaymentRow(
            payment, invoice: invoice, customer: customer, date: date, amount: amount, currency: currency,
            writesCurrency: writesCurrency, method: method)
    }

    mutating func writePaymentRow(
        _ payment: Int, invoice: Int?, customer: CustomerProfile, date: Day, amount: Int64, currency: Int,
        writesCurrency: Bool, method: PaymentMethod?
    ) throws {
        files.payments.identifier(prefix: Self.paymentPrefix, number: payment, width: Self.paymentIDWidth)
        files.payments.comma()
        files.payments.identifier(prefix: Self.customerPrefix, number: customer.index + 1, width: customerIDWidth)
        files.payments.comma()
        if let invoice { files.payments.identifier(prefix: Self.invoicePrefix, number: invoice, width: invoiceIDWidth) }
        files.payments.comma()
        files.payments.date(date)
        files.payments.comma()
        files.payments.amount(amount, minorDigits: book[currency].minorDigits)
        files.payments.comma()
        if writesCurrency { files.payments.raw(book[currency].codeBytes) }
        files.payments.comma()
        if let method { files.payments.raw(method.bytes) }
        try files.payments.endRow()
    }

    /// Mostly the customer's usual method; blank on 1 % of payments (the column is optional).
    func drawMethod(customer: CustomerProfile, rng: inout Xoshiro256StarStar) -> PaymentMethod? {
        let roll = rng.below(100)
        if roll < 80 { return customer.preferredMethod }
        if roll == 99 { return nil }
        return PaymentMethod(rawValue: rng.weightedIndex(customer.segment.methodWeights)) ?? customer.preferredMethod
    }

    /// A credit note in the customer's currency (SPEC 7); on account when `invoice` is nil.
    mutating func writeCreditNote(
        invoice: Int?, customer: CustomerProfile, date: Day, amount: Int64, reason: CreditReason
    ) throws {
        guard date <= settings.end, amount > 0 else { return }
        let credit = nextCreditNumber
        nextCreditNumber += 1
        files.creditNotes.identifier(prefix: Self.creditPrefix, number: credit, width: Self.creditIDWidth)
        files.creditNotes.comma()
        files.creditNotes.identifier(prefix: Self.customerPrefix, number: customer.index + 1, width: customerIDWidth)
        files.creditNotes.comma()
        if let invoice {
            files.creditNotes.identifier(prefix: Self.invoicePrefix, number: invoice, width: invoiceIDWidth)
        }
        files.creditNotes.comma()
        files.creditNotes.date(date)
        files.creditNotes.comma()
        files.creditNotes.amount(amount, minorDigits: book[customer.currency].minorDigits)
        files.creditNotes.comma()
        files.creditNotes.raw(reason.bytes)
        try files.creditNotes.endRow()
    }

    /// A dispute opened after `end` is not written; one resolved after `end` is still open.
    mutating func writeDisputeRow(_ invoice: Int, opened: Day, resolved: Day?, reason: DisputeReason) throws {
        guard opened <= settings.end else { return }
        files.disputes.identifier(prefix: Self.invoicePrefix, number: invoice, width: invoiceIDWidth)
        files.disputes.comma()
        files.disputes.date(opened)
        files.disputes.comma()
        if let resolved, resolved <= settings.end { files.disputes.date(resolved) }
        files.disputes.comma()
        files.disputes.raw(reason.bytes)
        try files.disputes.endRow()
    }
}
