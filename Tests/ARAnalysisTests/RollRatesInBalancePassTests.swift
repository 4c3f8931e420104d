import ARCore
import ARGenerate
import Foundation
import Testing

@testable import ARAnalysis

/// The analysis takes its roll rates from the balance pass (`BalanceSeries.compute(rollRatesOver:)`),
/// which walks each invoice once for both. `RollRates.compute` walks them a second time on its own
/// and is the reference: on ledgers with every kind of invoice life, both must give the same rates,
/// and the balances must be those of the pass without roll dates.
@Suite("Roll rates from the balance pass")
struct RollRatesInBalancePassTests {
    /// Invoices in USD and EUR issued over 2024, each left unpaid, paid in full, paid in parts,
    /// overpaid, or paid before its issue date; payments fall on, before and after month ends.
    /// 400 invoices of six customers, paid in every way; with `disputes`, about one in five
    /// disputed some time after its issue, resolved later or not yet.
    static func randomLedger(seed: UInt64, disputes withDisputes: Bool = false) throws -> Ledger {
        var random = SplitMix64(seed: seed)
        var invoices = ["invoice_id,customer_id,issue_date,due_date,amount,currency"]
        var payments = ["payment_id,customer_id,invoice_id,date,amount,currency"]
        var disputes = ["invoice_id,opened,resolved,reason"]
        let start = day("2024-01-01")
        func text(_ day: Day) -> String { CivilCalendar.format(day) }
        for n in 0..<400 {
            let customer = "C\(Int.random(in: 1...6, using: &random))"
            let currency = Bool.random(using: &random) ? "USD" : "EUR"
            let issue = start + Day(Int.random(in: 0...365, using: &random))
            let due = issue + Day([0, 10, 30, 45, 60].randomElement(using: &random)!)
            let amount = Int64.random(in: 1...500_000, using: &random)
            invoices.append(
                "I\(n),\(customer),\(text(issue)),\(text(due)),\(MinorUnits.format(amount, minorDigits: 2)),\(currency)"
            )
            var paid: [(Day, Int64)] = []
            switch Int.random(in: 0..<6, using: &random) {
            case 0: break
            case 1: paid = [(due + Day(Int.random(in: -20...150, using: &random)), amount)]
            case 2:
                let first = Int64.random(in: 1..<max(2, amount), using: &random)
                paid = [
                    (issue + Day(Int.random(in: 0...90, using: &random)), min(first, amount)),
                    (issue + Day(Int.random(in: 30...200, using: &random)), max(1, amount - first)),
                ]
            case 3:
                paid = [
                    (
                        due + Day(Int.random(in: -5...60, using: &random)),
                        amount + Int64.random(in: 1...5_000, using: &random)
                    )
                ]
            case 4:
                paid = [(issue - Day(Int.random(in: 1...40, using: &random)), amount)]
            default:
                paid = [
                    (issue + Day(Int.random(in: 0...120, using: &random)), Int64.random(in: 1...amount, using: &random))
                ]
            }
            if withDisputes, Int.random(in: 0..<5, using: &random) == 0 {
                let opened = issue + Day(Int.random(in: 0...60, using: &random))
                let resolved =
                    Bool.random(using: &random) ? text(opened + Day(Int.random(in: 1...90, using: &random))) : ""
                disputes.append("I\(n),\(text(opened)),\(resolved),pricing")
            }
            for (index, (date, value)) in paid.enumerated() {
                payments.append(
                    "P\(n)-\(index),\(customer),I\(n),\(text(date)),\(MinorUnits.format(value, minorDigits: 2)),\(currency)"
                )
            }
        }
        let fixture = LedgerFixture(
            invoices: invoices.joined(separator: "\n"), payments: payments.joined(separator: "\n"),
            disputes: withDisputes ? disputes.joined(separator: "\n") : nil,
            fxRates: "date,currency,rate\n2024-01-01,EUR,1.0843")
        return try fixture.load(asOf: "2025-06-30").ledger
    }

    @Test(
        "the same rates as the reference walk, and the same balances, for month ends, odd dates and days in a row",
        arguments: [UInt64(1), 2, 3])
    func sameAsReference(seed: UInt64) throws {
        let ledger = try Self.randomLedger(seed: seed)
        let facts = InvoiceFacts(ledger: ledger)
        let monthEnds = (1...12).reversed().map { CivilCalendar.monthEnd(monthsBefore: $0, day("2025-01-31")) }
        let rollSets: [[Day]] = [
            monthEnds,
            [day("2024-02-15"), day("2024-03-01"), day("2024-06-30"), day("2024-06-30") + 200],
            Array(day("2024-05-01")...day("2024-05-10")),
            [day("2024-09-30")],
            [],
        ]
        let bucketSets = [AgingBuckets.standard, try AgingBuckets(edges: [15, 45, 75])]
        for rolls in rollSets {
            // Roll dates among others, as in the analysis (each less a window, a year before).
            let dates = rolls + rolls.map { $0 - 90 } + [day("2023-12-31"), day("2024-07-04")]
            for buckets in bucketSets {
                for basis in [AgingBasis.due, .issue] {
                    let folded = BalanceSeries.compute(
                        ledger: ledger, facts: facts, dates: dates, buckets: buckets, basis: basis, rollRatesOver: rolls
                    )
                    let reference = RollRates.compute(
                        ledger: ledger, facts: facts, dates: rolls, buckets: buckets, basis: basis)
                    #expect(folded.rollRates == reference, "seed \(seed), \(rolls.count) roll dates, \(basis)")
                    #expect(
                        folded.balances
                            == BalanceSeries.compute(
                                ledger: ledger, facts: facts, dates: dates, buckets: buckets, basis: basis))
                }
            }
        }
        // The ledgers have what the walk must get right: rolled balances and balances that do not roll.
        let rates = RollRates.compute(ledger: ledger, facts: facts, dates: monthEnds, buckets: .standard, basis: .due)
        #expect(rates.contains { $0.rolled > 0 } && rates.contains { $0.fromBalance > $0.rolled })
    }
}
