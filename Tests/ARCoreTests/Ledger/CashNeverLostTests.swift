import ARCore
import Testing

/// SPEC 2 and 7: cash is never lost. An application naming an unknown invoice is
/// the payer's unapplied cash; an empty invoice_id is cash on account; a payment
/// split over several invoices repeats its payment_id and every part applies.
@Suite("cash is never lost")
struct CashNeverLostTests {
    @Test("a payment naming an unknown invoice is unapplied cash of the payer, amount and all")
    func unknownInvoicePayment() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD + "C2,Beta,,,\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write(
            "payments.csv",
            """
            payment_id,customer_id,invoice_id,date,amount,method
            P1,C2,I9,2024-02-01,50.00,wire
            P2,C2,,2024-02-03,20.5,check

            """)
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        let unapplied = result.ledger.unapplied
        let c2 = try #require(result.customer("C2"))
        #expect(unapplied.count == 2)
        #expect(unapplied.customer == [Int32(c2), Int32(c2)])
        #expect(unapplied.reason == [.unknownInvoice, .onAccount])
        #expect(unapplied.amount == [5_000, 2_050])
        #expect(unapplied.currency == [0, 0])
        #expect(unapplied.date == [day("2024-02-01"), day("2024-02-03")])
        #expect(unapplied.kind == [.payment, .payment])
        #expect(unapplied.reference == ["P1", "P2"])
        #expect(unapplied.invoiceReference == ["I9", ""])
        #expect(unapplied.file == ["payments.csv", "payments.csv"])
        #expect(unapplied.line == [2, 3])
        #expect(result.applications(of: "I1").isEmpty)
    }

    @Test("a payment to an invoice that was rejected is kept as unapplied cash, not dropped")
    func paymentToRejectedInvoice() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,1e2,\n")
        try folder.write("payments.csv", "payment_id,customer_id,invoice_id,date,amount\nP1,C1,I1,2024-02-01,100.00\n")
        let result = try folder.load()
        #expect(result.rejectRows.map(\.reason) == [.badAmount])
        #expect(result.ledger.unapplied.reason == [.unknownInvoice])
        #expect(result.ledger.unapplied.amount == [10_000])
        #expect(result.ledger.unapplied.invoiceReference == ["I1"])
    }

    @Test("credit notes on account and on unknown invoices are unapplied credits")
    func unappliedCredits() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write(
            "credit_notes.csv",
            "credit_id,customer_id,invoice_id,date,amount,reason\nCN1,C1,,2024-03-01,7.00,discount\nCN2,C1,I404,2024-03-02,3.00,return\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.ledger.unapplied.kind == [.credit, .credit])
        #expect(result.ledger.unapplied.reason == [.onAccount, .unknownInvoice])
        #expect(result.ledger.unapplied.amount == [700, 300])
        #expect(result.ledger.unapplied.file == ["credit_notes.csv", "credit_notes.csv"])
    }

    @Test("one payment_id split over three invoices: every part applies to its invoice")
    func splitPayment() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write(
            "invoices.csv",
            invoiceHeader + "I1,C1,2024-01-10,,100.00,\nI2,C1,2024-01-11,,200.00,\nI3,C1,2024-01-12,,300.00,\n")
        try folder.write(
            "payments.csv",
            """
            payment_id,customer_id,invoice_id,date,amount
            P1,C1,I1,2024-02-10,100.00
            P1,C1,I2,2024-02-10,150.00
            P1,C1,I3,2024-02-10,300.00
            P1,C1,,2024-02-10,25.00

            """)
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        #expect(result.applications(of: "I1").map(\.amount) == [10_000])
        #expect(result.applications(of: "I2").map(\.amount) == [15_000])
        #expect(result.applications(of: "I3").map(\.amount) == [30_000])
        #expect(result.ledger.unapplied.amount == [2_500])
        // Every cent of the 575.00 is accounted for.
        #expect(result.ledger.applications.amount.reduce(0, +) + result.ledger.unapplied.amount.reduce(0, +) == 57_500)
    }

    @Test("applications match by invoice_id alone, whoever pays, and are sorted by date")
    func matchByInvoiceAlone() throws {
        let folder = try TempDataFolder()
        try folder.write("customers.csv", oneCustomerUSD + "C2,Beta,,,\n")
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\n")
        try folder.write("payments.csv", "payment_id,customer_id,invoice_id,date,amount\nP2,C2,I1,2024-03-01,30.00\nP1,C1,I1,2024-02-01,60.00\n")
        try folder.write("credit_notes.csv", "credit_id,customer_id,invoice_id,date,amount\nCN1,C1,I1,2024-02-15,10.00\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        let applied = result.applications(of: "I1")
        #expect(applied.map(\.date) == ["2024-02-01", "2024-02-15", "2024-03-01"])
        #expect(applied.map(\.amount) == [6_000, 1_000, 3_000])
        #expect(result.ledger.applications.kind == [.payment, .credit, .payment])
        #expect(result.ledger.unapplied.count == 0)
    }

    @Test("a payment in another currency converts at rate(payment) / rate(invoice), half away from zero")
    func crossCurrencyPayment() throws {
        let folder = try TempDataFolder()
        try folder.write("fx_rates.csv", "date,currency,rate\n2024-06-01,EUR,1.1\n2024-06-01,JPY,0.0067\n")
        try folder.write("customers.csv", oneCustomerUSD)
        try folder.write("invoices.csv", invoiceHeader + "I1,C1,2024-01-10,,100.00,\nI2,C1,2024-01-10,,20000,JPY\n")
        try folder.write(
            "payments.csv",
            "payment_id,customer_id,invoice_id,date,amount,currency\nP1,C1,I1,2024-02-01,10.00,EUR\nP2,C1,I2,2024-02-01,10.00,EUR\nP3,C1,,2024-02-01,10.00,EUR\n")
        let result = try folder.load()
        #expect(result.rejects.isEmpty)
        // 10.00 EUR x 1.1 = 11.00 USD = 1100 cents.
        #expect(result.applications(of: "I1").map(\.amount) == [1_100])
        // 10.00 EUR = 11.00 USD; / 0.0067 = 1641.79... yen, rounded to 1642.
        #expect(result.applications(of: "I2").map(\.amount) == [1_642])
        // Unapplied cash stays in its own currency: 1000 EUR cents.
        let eur = try #require(result.ledger.currencies.firstIndex(of: Currency(code: "EUR")))
        #expect(result.ledger.unapplied.amount == [1_000])
        #expect(result.ledger.unapplied.currency == [Int16(eur)])
    }
}
