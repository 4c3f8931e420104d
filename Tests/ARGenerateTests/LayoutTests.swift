import ARCore
import Foundation
import Testing

@testable import ARGenerate

/// Every row must load without a reject (SPEC sections 1, 2 and 7).
@Suite("Canonical layout and validity")
struct LayoutTests {
    let data = GeneratedDataset.shared
    var end: Day { data.settings.end }

    @Test("each file has the canonical header")
    func headers() {
        #expect(
            data.customers.header == [
                "customer_id", "name", "segment", "region", "currency", "credit_limit", "terms_days",
            ])
        #expect(data.invoices.header == ["invoice_id", "customer_id", "issue_date", "due_date", "amount", "currency"])
        #expect(
            data.payments.header == ["payment_id", "customer_id", "invoice_id", "date", "amount", "currency", "method"])
        #expect(data.creditNotes.header == ["credit_id", "customer_id", "invoice_id", "date", "amount", "reason"])
        #expect(data.disputes.header == ["invoice_id", "opened", "resolved", "reason"])
        #expect(data.fxRates.header == ["date", "currency", "rate"])
    }

    @Test("row counts match the settings and the summary")
    func rowCounts() throws {
        #expect(data.customers.rows.count == data.settings.customers)
        #expect(data.invoices.rows.count == data.settings.invoices)
        #expect(data.summary.customers == data.customers.rows.count)
        #expect(data.summary.invoices == data.invoices.rows.count)
        #expect(data.summary.payments == data.payments.rows.count)
        #expect(data.summary.creditNotes == data.creditNotes.rows.count)
        #expect(data.summary.disputes == data.disputes.rows.count)
        #expect(data.summary.fxRates == data.fxRates.rows.count)
        var bytes = 0
        for file in DeterminismTests.files {
            let attributes = try FileManager.default.attributesOfItem(atPath: data.folder + "/" + file)
            bytes += (attributes[.size] as? Int) ?? 0
        }
        #expect(data.summary.bytesWritten == bytes)
        // A few % of invoices get credit notes and disputes: realistic, not empty, not dominant.
        #expect(data.summary.creditNotes > 20 && data.summary.creditNotes < 400)
        #expect(data.summary.disputes > 10 && data.summary.disputes < 200)
        #expect(data.summary.payments > data.summary.invoices / 2)
    }

    @Test("customers: unique ids, known segments and regions, valid limits and terms")
    func customers() {
        var ids: Set<String> = []
        for row in data.customers.rows {
            #expect(row.count == 7)
            #expect(ids.insert(data.customers.value(row, "customer_id")).inserted)
            #expect(
                ["Enterprise", "Mid-Market", "SMB", "Public Sector"].contains(data.customers.value(row, "segment")))
            #expect(["North America", "EMEA", "APAC", "LATAM"].contains(data.customers.value(row, "region")))
            let currency = data.customers.value(row, "currency")
            #expect(data.settings.currencies.contains(currency))
            let limit = data.customers.value(row, "credit_limit")
            if !limit.isEmpty { #expect((minorUnits(limit, currency: currency) ?? -1) >= 0, "limit \(limit)") }
            #expect([15, 30, 45, 60].contains(Int(data.customers.value(row, "terms_days")) ?? -1))
            #expect(!data.customers.value(row, "name").isEmpty)
        }
        #expect(data.customers.rows.contains { data.customers.value($0, "credit_limit").isEmpty })
        #expect(
            data.customers.rows.filter { data.customers.value($0, "terms_days") == "30" }.count > data.customers.rows
                .count / 3)
    }

    @Test("invoices: unique ids, real dates in the period, due on or after issue, amounts in the currency's digits")
    func invoices() {
        let currencies = data.customerCurrency
        var ids: Set<String> = []
        var blankDue = 0
        for row in data.invoices.rows {
            #expect(row.count == 6)
            #expect(ids.insert(data.invoices.value(row, "invoice_id")).inserted)
            let customer = data.invoices.value(row, "customer_id")
            #expect(currencies[customer] != nil, "unknown customer \(customer)")
            let issue = CivilCalendar.parseISO(data.invoices.value(row, "issue_date"))
            #expect(issue != nil)
            if let issue { #expect(issue >= data.settings.start && issue <= end) }
            let dueText = data.invoices.value(row, "due_date")
            if dueText.isEmpty {
                blankDue += 1
            } else if let issue {
                let due = CivilCalendar.parseISO(dueText)
                #expect(due != nil && due! >= issue)
            }
            let written = data.invoices.value(row, "currency")
            let currency = written.isEmpty ? currencies[customer] ?? "?" : written
            let amount = minorUnits(data.invoices.value(row, "amount"), currency: currency)
            #expect(amount != nil && amount! > 0, "amount \(data.invoices.value(row, "amount")) \(currency)")
        }
        #expect(blankDue > 0 && blankDue < data.invoices.rows.count / 10)
    }

    @Test("payments: real dates up to end, positive amounts, known methods, known invoices")
    func payments() {
        let facts = data.invoiceFacts
        let currencies = data.customerCurrency
        for row in data.payments.rows {
            #expect(row.count == 7)
            let customer = data.payments.value(row, "customer_id")
            #expect(currencies[customer] != nil)
            let date = CivilCalendar.parseISO(data.payments.value(row, "date"))
            #expect(date != nil && date! <= end && date! >= data.settings.start)
            let written = data.payments.value(row, "currency")
            let currency = written.isEmpty ? currencies[customer] ?? "?" : written
            let amount = minorUnits(data.payments.value(row, "amount"), currency: currency)
            #expect(amount != nil && amount! > 0, "amount \(data.payments.value(row, "amount")) \(currency)")
            #expect(
                ["", "card", "ach", "wire", "check", "wallet", "other"].contains(data.payments.value(row, "method")))
            let invoice = data.payments.value(row, "invoice_id")
            if !invoice.isEmpty {
                #expect(facts[invoice]?.customer == customer, "payment of \(invoice) by another customer")
                if let issue = facts[invoice]?.issue, let date { #expect(date >= issue) }
            }
        }
    }

    @Test("credit notes: customer's currency, never more than the invoice, known reasons")
    func creditNotes() {
        let facts = data.invoiceFacts
        let currencies = data.customerCurrency
        var ids: Set<String> = []
        var creditedPerInvoice: [String: Int64] = [:]
        for row in data.creditNotes.rows {
            #expect(row.count == 6)
            #expect(ids.insert(data.creditNotes.value(row, "credit_id")).inserted)
            let customer = data.creditNotes.value(row, "customer_id")
            let currency = currencies[customer] ?? "?"
            let date = CivilCalendar.parseISO(data.creditNotes.value(row, "date"))
            #expect(date != nil && date! <= end)
            let amount = minorUnits(data.creditNotes.value(row, "amount"), currency: currency)
            #expect(amount != nil && amount! > 0)
            #expect(
                ["discount", "dispute", "write_off", "return", "other"].contains(data.creditNotes.value(row, "reason")))
            let invoice = data.creditNotes.value(row, "invoice_id")
            if !invoice.isEmpty, let fact = facts[invoice] {
                #expect(fact.customer == customer)
                #expect(fact.currency == currency, "credit note on an invoice in another currency")
                creditedPerInvoice[invoice, default: 0] += amount ?? 0
            } else {
                #expect(invoice.isEmpty, "unknown invoice \(invoice)")
            }
        }
        for (invoice, credited) in creditedPerInvoice {
            #expect(credited <= facts[invoice]?.amount ?? 0, "\(invoice) credited beyond its amount")
        }
    }

    @Test("disputes: one per known invoice, resolved on or after opened, some still open")
    func disputes() {
        let facts = data.invoiceFacts
        var seen: Set<String> = []
        var stillOpen = 0
        for row in data.disputes.rows {
            #expect(row.count == 4)
            let invoice = data.disputes.value(row, "invoice_id")
            #expect(seen.insert(invoice).inserted)
            let opened = CivilCalendar.parseISO(data.disputes.value(row, "opened"))
            #expect(opened != nil && opened! <= end)
            if let opened, let issue = facts[invoice]?.issue {
                #expect(opened > issue)
            } else {
                Issue.record("unknown invoice \(invoice)")
            }
            let resolvedText = data.disputes.value(row, "resolved")
            if resolvedText.isEmpty {
                stillOpen += 1
            } else {
                let resolved = CivilCalendar.parseISO(resolvedText)
                #expect(resolved != nil && opened != nil && resolved! >= opened! && resolved! <= end)
            }
            #expect(["pricing", "quantity", "damaged", "not_received"].contains(data.disputes.value(row, "reason")))
        }
        #expect(stillOpen > 0 && stillOpen < data.disputes.rows.count)
    }

    @Test("fx rates: every non-reporting currency has a rate dated on or before start, near its level")
    func fxRates() {
        var firstDate: [String: Day] = [:]
        var seen: Set<String> = []
        for row in data.fxRates.rows {
            let currency = data.fxRates.value(row, "currency")
            let date = CivilCalendar.parseISO(data.fxRates.value(row, "date"))
            #expect(date != nil && date! <= end)
            #expect(seen.insert("\(data.fxRates.value(row, "date"))/\(currency)").inserted, "duplicate rate")
            // At most six decimals, positive.
            let rate = MinorUnits.parse(data.fxRates.value(row, "rate"), minorDigits: 6)
            if case .value(let millionths) = rate { #expect(millionths > 0) } else { Issue.record("bad rate \(rate)") }
            if let date { firstDate[currency] = min(firstDate[currency] ?? date, date) }
            let micro = Double(data.fxRates.value(row, "rate")) ?? 0
            let levels: [String: Double] = ["EUR": 1.08, "GBP": 1.27, "JPY": 0.0067]
            let level = levels[currency] ?? 0
            #expect(micro > level * 0.6 && micro < level * 1.4, "\(currency) at \(micro)")
        }
        #expect(Set(firstDate.keys) == ["EUR", "GBP", "JPY"])
        for (_, first) in firstDate { #expect(first <= data.settings.start) }
    }

    @Test("one currency: fx_rates.csv holds the header only")
    func singleCurrency() throws {
        let folder = temporaryFolder("single")
        defer { removeFolder(folder) }
        let summary = try generateDataset(GeneratorSettings(customers: 5, invoices: 60, seed: 3), into: folder)
        #expect(summary.fxRates == 0)
        let text = try String(contentsOfFile: folder + "/fx_rates.csv", encoding: .utf8)
        #expect(text == "date,currency,rate\n")
    }
}
