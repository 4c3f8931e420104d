import ARCore

/// The AR roll-forward of one currency over the DSO window, in its own minor
/// units: opening net AR + invoiced - collected - credited = closing net AR.
public struct RollForwardLine: Sendable, Equatable {
    public var currency: Currency
    public var openingNetAR: Int64
    public var invoiced: Int64
    public var collected: Int64
    public var credited: Int64
    public var closingNetAR: Int64

    public var difference: Int64 { openingNetAR + invoiced - collected - credited - closingNetAR }
    public var ties: Bool { difference == 0 }
}

/// The roll-forward does not tie: a bug in the ledger code, never a data problem.
public struct RollForwardError: Error, Sendable, CustomStringConvertible {
    public var lines: [RollForwardLine]

    public var description: String {
        let broken = lines.filter { !$0.ties }.map { line in
            "\(line.currency.code): opening \(line.openingNetAR) + invoiced \(line.invoiced) - collected \(line.collected)"
                + " - credited \(line.credited) = \(line.openingNetAR + line.invoiced - line.collected - line.credited)"
                + ", closing \(line.closingNetAR) (off by \(line.difference) minor units)"
        }
        return "internal error: the AR roll-forward does not tie: " + broken.joined(separator: "; ")
    }
}

public enum RollForward {
    /// Flows over (opening.date, closing.date] from the ledger's rows, balances from the series.
    public static func compute(ledger: Ledger, opening: Balance, closing: Balance) -> [RollForwardLine] {
        let count = ledger.currencies.count
        var invoiced = [Int64](repeating: 0, count: count)
        var collected = [Int64](repeating: 0, count: count)
        var credited = [Int64](repeating: 0, count: count)
        let after = opening.date, last = closing.date
        let invoices = ledger.invoices
        let applications = ledger.applications
        for invoice in 0..<invoices.count {
            let currency = Int(invoices.currency[invoice])
            if invoices.issue[invoice] > after, invoices.issue[invoice] <= last {
                invoiced[currency] += invoices.amount[invoice]
            }
            for slot in Int(applications.start[invoice])..<Int(applications.start[invoice + 1]) {
                let day = applications.date[slot]
                guard day > after, day <= last else { continue }
                if applications.kind[slot] == .payment {
                    collected[currency] += applications.amount[slot]
                } else {
                    credited[currency] += applications.amount[slot]
                }
            }
        }
        let unapplied = ledger.unapplied
        for item in 0..<unapplied.count where unapplied.date[item] > after && unapplied.date[item] <= last {
            let currency = Int(unapplied.currency[item])
            if unapplied.kind[item] == .payment {
                collected[currency] += unapplied.amount[item]
            } else {
                credited[currency] += unapplied.amount[item]
            }
        }
        return (0..<count).map { currency in
            RollForwardLine(
                currency: ledger.currencies[currency],
                openingNetAR: opening.openByCurrency[currency] - opening.unappliedByCurrency[currency],
                invoiced: invoiced[currency], collected: collected[currency], credited: credited[currency],
                closingNetAR: closing.openByCurrency[currency] - closing.unappliedByCurrency[currency])
        }
    }
}
