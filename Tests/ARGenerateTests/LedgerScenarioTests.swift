import ARCore
import Foundation
import Testing

@testable import ARGenerate

/// The AR situations the analytics must meet are all present in a small data set.
@Suite("AR scenarios in the data")
struct LedgerScenarioTests {
    let data = GeneratedDataset.shared

    /// Payments and credit notes applied per invoice, in the invoice's currency only.
    func appliedPerInvoice() -> [String: Int64] {
        let facts = data.invoiceFacts
        let currencies = data.customerCurrency
        var applied: [String: Int64] = [:]
        for row in data.payments.rows {
            let invoice = data.payments.value(row, "invoice_id")
            guard let fact = facts[invoice] else { continue }
            let written = data.payments.value(row, "currency")
            let currency = written.isEmpty ? currencies[fact.customer] ?? "?" : written
            guard currency == fact.currency else { continue }
            applied[invoice, default: 0] += minorUnits(data.payments.value(row, "amount"), currency: currency) ?? 0
        }
        for row in data.creditNotes.rows {
            let invoice = data.creditNotes.value(row, "invoice_id")
            guard let fact = facts[invoice] else { continue }
            applied[invoice, default: 0] +=
                minorUnits(data.creditNotes.value(row, "amount"), currency: fact.currency) ?? 0
        }
        return applied
    }

    @Test("invoices are still open at the cut-off, and most older ones are settled")
    func openInvoicesAtEnd() {
        let facts = data.invoiceFacts
        let applied = appliedPerInvoice()
        let open = facts.filter { applied[$0.key, default: 0] < $0.value.amount }
        #expect(open.count > 50)
        #expect(open.count < facts.count / 2)
        // Invoices of the last month are mostly unpaid: that is the current AR.
        let lastMonth = open.filter { $0.value.issue > data.settings.end - 30 }
        #expect(lastMonth.count > 20)
    }

    @Test("every payer behaviour is assigned, and defaulters get write-offs")
    func behaviours() {
        let counts = data.summary.payerBehaviours
        for behaviour in PayerBehaviour.allCases { #expect(counts[behaviour, default: 0] > 0, "\(behaviour) missing") }
        #expect(counts.values.reduce(0, +) == data.settings.customers)
        #expect(data.creditNotes.rows.contains { data.creditNotes.value($0, "reason") == "write_off" })
    }

    @Test("slow payers pay weeks after the due date, prompt payers around it")
    func latenessFollowsBehaviour() throws {
        // Customer C00001 is always prompt and C00002 always slow (the first four get fixed behaviours).
        var dueByInvoice: [String: Day] = [:]
        let terms = Dictionary(
            uniqueKeysWithValues: data.customers.rows.map {
                (data.customers.value($0, "customer_id"), Day(data.customers.value($0, "terms_days")) ?? 30)
            })
        for row in data.invoices.rows {
            let issue = CivilCalendar.parseISO(data.invoices.value(row, "issue_date")) ?? 0
            let due =
                CivilCalendar.parseISO(data.invoices.value(row, "due_date")) ?? issue
                + (terms[data.invoices.value(row, "customer_id")] ?? 30)
            dueByInvoice[data.invoices.value(row, "invoice_id")] = due
        }
        func medianDaysLate(_ customer: String) -> Int {
            var days: [Int] = []
            for row in data.payments.rows where data.payments.value(row, "customer_id") == customer {
                guard let due = dueByInvoice[data.payments.value(row, "invoice_id")],
                    let date = CivilCalendar.parseISO(data.payments.value(row, "date"))
                else { continue }
                days.append(Int(date - due))
            }
            return days.sorted()[days.count / 2]
        }
        let prompt = medianDaysLate("C00001")
        let slow = medianDaysLate("C00002")
        #expect(prompt > -10 && prompt < 10, "prompt median \(prompt)")
        #expect(slow >= 18 && slow <= 47, "slow median \(slow)")
    }

    @Test("one payment settles several invoices of a customer on consecutive rows")
    func multiInvoicePayments() {
        var rowsByPayment: [String: [Int]] = [:]
        for (index, row) in data.payments.rows.enumerated() {
            rowsByPayment[data.payments.value(row, "payment_id"), default: []].append(index)
        }
        let multi = rowsByPayment.filter { $0.value.count > 1 }
        #expect(multi.count > 5)
        for (payment, indices) in multi {
            #expect(indices == Array(indices[0]..<(indices[0] + indices.count)), "\(payment) rows not consecutive")
            let rows = indices.map { data.payments.rows[$0] }
            #expect(Set(rows.map { data.payments.value($0, "customer_id") }).count == 1)
            #expect(Set(rows.map { data.payments.value($0, "date") }).count == 1)
            #expect(Set(rows.map { data.payments.value($0, "invoice_id") }).count == rows.count)
        }
    }

    @Test("split payments: one invoice paid by several payment ids")
    func splitPayments() {
        var paymentsPerInvoice: [String: Set<String>] = [:]
        for row in data.payments.rows where !data.payments.value(row, "invoice_id").isEmpty {
            paymentsPerInvoice[data.payments.value(row, "invoice_id"), default: []].insert(
                data.payments.value(row, "payment_id"))
        }
        #expect(paymentsPerInvoice.values.filter { $0.count >= 2 }.count > 10)
    }

    @Test("cash and credits on account have no invoice_id")
    func onAccount() {
        #expect(data.payments.rows.contains { data.payments.value($0, "invoice_id").isEmpty })
        #expect(data.creditNotes.rows.contains { data.creditNotes.value($0, "invoice_id").isEmpty })
    }

    @Test("some invoices are overpaid")
    func overpayments() {
        let facts = data.invoiceFacts
        let applied = appliedPerInvoice()
        #expect(applied.filter { $0.value > (facts[$0.key]?.amount ?? .max) }.count > 3)
    }

    @Test("currencies mix: foreign customers, invoices and payments in other currencies, JPY without decimals")
    func multiCurrency() {
        let facts = data.invoiceFacts
        let currencies = data.customerCurrency
        #expect(currencies.values.contains { $0 != "USD" })
        #expect(facts.values.contains { $0.currency != currencies[$0.customer] })
        let crossCurrencyPayments = data.payments.rows.filter {
            let invoice = data.payments.value($0, "invoice_id")
            let written = data.payments.value($0, "currency")
            return !invoice.isEmpty && !written.isEmpty && written != facts[invoice]?.currency
        }
        #expect(crossCurrencyPayments.count > 3)
        let yen = data.invoices.rows.filter { data.invoices.value($0, "currency") == "JPY" }
        #expect(!yen.isEmpty)
        for row in yen { #expect(!data.invoices.value(row, "amount").contains(".")) }
        #expect(data.payments.rows.contains { data.payments.value($0, "currency").isEmpty })
    }

    @Test("names with commas and quotes are quoted and read back whole")
    func quotedNames() throws {
        let names = data.customers.rows.map { data.customers.value($0, "name") }
        #expect(names.contains { $0.contains(", ") })
        #expect(names.contains { $0.contains("\"") })
        let raw = try String(contentsOfFile: data.folder + "/customers.csv", encoding: .utf8)
        #expect(raw.contains("\"\""))  // a doubled quote inside a quoted field
        for name in names where name.contains(",") || name.contains("\"") {
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            #expect(raw.contains("," + quoted + ","))
        }
    }

    @Test("issue dates follow the seasons: December is busier than August")
    func seasonality() {
        var perMonth = [Int](repeating: 0, count: 13)
        for row in data.invoices.rows {
            if let day = CivilCalendar.parseISO(data.invoices.value(row, "issue_date")) {
                perMonth[CivilCalendar.civil(day).month] += 1
            }
        }
        #expect(perMonth[12] > perMonth[8])
        #expect(perMonth[3] > perMonth[2])
    }
}
