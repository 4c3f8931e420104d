import ARCore
import ARProfiles
import Foundation
import Testing

/// The shipped profiles on the real public data sets in ../shared/data (skipped when absent).
@Suite struct RealDataTests {
    func day(_ iso: String) -> Day { CivilCalendar.parseISO(iso)! }

    @Test func ibmReproducesTheReadmeFacts() throws {
        guard let load = try SharedData.load("ibm_accounts_receivable.csv", profile: "ibm", asOf: "2014-12-31") else {
            return
        }
        let ledger = load.ledger
        let invoices = ledger.invoices
        #expect(load.rejects.isEmpty)
        #expect(invoices.count == 2_466)
        #expect(ledger.customers.count == 100)
        #expect(invoices.amount.reduce(0, +) == 14_770_318)  // 147,703.18
        #expect((0..<invoices.count).allSatisfy { invoices.due[$0] - invoices.issue[$0] == 30 })
        var late = 0
        var lastSettlement = Day.min
        for invoice in 0..<invoices.count {
            let applications = ledger.applications(of: invoice)
            // Every invoice is settled by one payment of its full amount.
            #expect(applications.map(\.1) == [invoices.amount[invoice]])
            if let settled = applications.first?.0 {
                if settled > invoices.due[invoice] { late += 1 }
                lastSettlement = max(lastSettlement, settled)
            }
        }
        #expect(late == 877)
        #expect(ledger.disputes.count == 561)
        #expect(lastSettlement == day("2014-01-09"))  // nothing open after it
        #expect(ledger.unapplied.count == 0)
        let paperless = try #require(invoices.attributes["paperless"])
        #expect(Set(paperless) == ["Paper", "Electronic"])
        #expect(paperless.filter { $0 == "Electronic" }.count == 1_203)
        #expect(load.inputs.map(\.file) == ["ibm_accounts_receivable.csv"])
        #expect(load.inputs[0].rows == 2_466)
    }

    @Test func dirtyIbmLoadsAndARequiredAttributeRejectsWithLines() throws {
        guard let path = SharedData.file("ibm_accounts_receivable_dirty.csv") else { return }
        let settings = LoadSettings(asOf: day("2014-12-31"), reportingCurrency: Currency(code: "USD"))
        // The shipped profile keeps the 120 added rows (blank PaperlessBill, PaperlessDate):
        // they are real receivables; `38.0` amounts and ids without leading zeros are valid.
        let lenient = try ProfiledSource.load(file: path, profile: try SharedData.profile("ibm"), settings: settings)
        #expect(lenient.ledger.invoices.count == 2_586)
        #expect(lenient.rejects.isEmpty)
        #expect(lenient.ledger.invoices.attributes["paperless"]?.filter(\.isEmpty).count == 120)

        // Requiring the channel (`required: true`) turns the blanks into rejects with their
        // lines and raw records, without stopping the load.
        var strict = try SharedData.profile("ibm")
        strict.attributes = strict.attributes.map { attribute in
            var spec = attribute.spec
            if attribute.name == "paperless" { spec.required = true }
            return (attribute.name, spec)
        }
        let load = try ProfiledSource.load(file: path, profile: strict, settings: settings)
        #expect(load.rejects.count == 120)
        #expect(load.rejects.allSatisfy { $0.reason == .missingRequired && $0.column == "PaperlessBill" })
        #expect(load.rejects.prefix(5).map(\.line) == [3, 13, 15, 24, 31])
        #expect(String(decoding: load.rejects[0].record, as: UTF8.self).hasPrefix("897,9174-IYKOC,,136962706,"))
        #expect(load.ledger.invoices.count == 2_466)
    }

    @Test func cassandraLoadsPartialSettlementsAndMonthNameDates() throws {
        guard let load = try SharedData.load("cassandra_invoices_train.csv", profile: "cassandra", asOf: "2017-12-31")
        else { return }
        let ledger = load.ledger
        #expect(load.rejects.isEmpty)
        #expect(ledger.invoices.count == 8_753)
        #expect(ledger.customers.count == 3_276)
        // Line 2: 26-Apr-11, 672.78 settled in full 13 days later.
        let first = try #require(ledger.invoice("L2"))
        #expect(ledger.invoices.issue[first] == day("2011-04-26"))
        #expect(ledger.invoices.due[first] == day("2011-05-26"))
        #expect(ledger.applications(of: first).map(\.0) == [day("2011-05-09")])
        var partial = 0
        var outstanding: Int64 = 0
        for invoice in 0..<ledger.invoices.count {
            let paid = ledger.applications(of: invoice).reduce(0) { $0 + $1.1 }
            if paid < ledger.invoices.amount[invoice] {
                partial += 1
                outstanding += ledger.invoices.amount[invoice] - paid
            }
        }
        #expect(partial == 634)
        #expect(outstanding > 0)
    }

    @Test func highradiusLoadsAsOpenItemsInUSDAndCAD() throws {
        guard let load = try SharedData.load("highradius_open_invoices.csv", profile: "highradius", asOf: "2020-05-31")
        else { return }
        let ledger = load.ledger
        #expect(try SharedData.profile("highradius").hasHistory == false)
        #expect(ledger.applications.count == 0)
        // 32 rows are due before they were posted: rejected on their own lines.
        #expect(load.rejects.count == 32)
        #expect(load.rejects.allSatisfy { $0.reason == .dueBeforeIssue && $0.column == "due_in_date" })
        #expect(ledger.invoices.count == 9_700 - 32)
        let codes = Set(ledger.invoices.currency.map { ledger.currencies[Int($0)].code })
        #expect(codes == ["USD", "CAD"])
        #expect(ledger.invoices.currency.filter { ledger.currencies[Int($0)].code == "CAD" }.count > 700)
        // 664 customers, one of whom has only rejected rows.
        #expect(ledger.customers.count == 663)
    }
}
