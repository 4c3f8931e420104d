/// Matches payment and credit rows to invoices by invoice_id alone (SPEC
/// section 7): applications to known invoices, converted into the invoice's
/// currency and grouped by invoice; the rest is unapplied cash of the payer.
enum CashMatcher {
    static func match(
        _ rows: CashRows, invoices: InvoiceTable, book: CurrencyBook, paymentsPath: String, creditNotesPath: String
    ) throws -> (ApplicationTable, UnappliedTable) {
        let ids = invoices.ids
        // -1: on account; -2: names an unknown invoice; else the invoice index.
        let parts = inParallelHalves(count: rows.count) { range -> [Int32] in
            var target = [Int32](repeating: -1, count: range.count)
            rows.invoiceKey.bytes.withUnsafeBufferPointer { arena in
                let starts = rows.invoiceKey.starts
                ids.findAll(
                    count: range.count,
                    key: { i in
                        let row = range.lowerBound + i
                        return UnsafeBufferPointer(rebasing: arena[Int(starts[row])..<Int(starts[row + 1])])
                    },
                    found: { i, invoice in
                        let row = range.lowerBound + i
                        if starts[row] != starts[row + 1] { target[i] = invoice ?? -2 }
                    })
            }
            return target
        }
        let target = parts.count == 1 ? parts[0] : parts[0] + parts[1]

        // Converters between every pair of currencies, row-major: [from * count + to].
        let currencies = book.currencies
        let currencyCount = currencies.count
        let converters: [MinorUnitConverter] = (0..<(currencyCount * currencyCount)).map { pair in
            let from = pair / currencyCount, to = pair % currencyCount
            return MinorUnitConverter(
                from: currencies[from], rate: book.rates[from], to: currencies[to], rate: book.rates[to])
        }

        var unapplied = UnappliedTable()
        var perInvoice = [Int32](repeating: 0, count: invoices.count + 1)
        for row in 0..<rows.count {
            let invoice = target[row]
            if invoice >= 0 {
                perInvoice[Int(invoice) + 1] += 1
            } else {
                unapplied.customer.append(rows.customer[row])
                unapplied.date.append(rows.date[row])
                unapplied.amount.append(rows.amount[row])
                unapplied.currency.append(rows.currency[row])
                unapplied.kind.append(rows.kind[row])
                unapplied.reason.append(invoice == -1 ? .onAccount : .unknownInvoice)
                unapplied.reference.append(rows.reference.string(row))
                unapplied.invoiceReference.append(rows.invoiceKey.string(row))
                unapplied.file.append(rows.kind[row] == .payment ? CashLoader.paymentsFile : CashLoader.creditNotesFile)
                unapplied.line.append(Int(rows.line[row]))
            }
        }
        for index in 0..<invoices.count { perInvoice[index + 1] += perInvoice[index] }

        var applications = ApplicationTable()
        let total = Int(perInvoice[invoices.count])
        applications.start = perInvoice
        applications.date = [Day](repeating: 0, count: total)
        applications.amount = [Int64](repeating: 0, count: total)
        applications.kind = [CashKind](repeating: .payment, count: total)
        var next = perInvoice
        for row in 0..<rows.count {
            let invoice = Int(target[row])
            guard invoice >= 0 else { continue }
            let slot = Int(next[invoice])
            next[invoice] += 1
            let from = Int(rows.currency[row])
            let to = Int(invoices.currency[invoice])
            guard let amount = converters[from * currencyCount + to].convert(rows.amount[row]) else {
                throw InputError.arithmeticOverflow(
                    path: rows.kind[row] == .payment ? paymentsPath : creditNotesPath, line: Int(rows.line[row]))
            }
            applications.date[slot] = rows.date[row]
            applications.amount[slot] = amount
            applications.kind[slot] = rows.kind[row]
        }
        sortByDate(&applications)
        return (applications, unapplied)
    }

    /// Insertion sort of each invoice's few applications by date, keeping file order on ties.
    private static func sortByDate(_ table: inout ApplicationTable) {
        let starts = table.start
        table.date.withUnsafeMutableBufferPointer { date in
            table.amount.withUnsafeMutableBufferPointer { amount in
                table.kind.withUnsafeMutableBufferPointer { kind in
                    for invoice in 0..<(starts.count - 1) {
                        let lower = Int(starts[invoice])
                        let upper = Int(starts[invoice + 1])
                        guard upper - lower > 1 else { continue }
                        for i in (lower + 1)..<upper {
                            let d = date[i], a = amount[i], k = kind[i]
                            var j = i - 1
                            while j >= lower, date[j] > d {
                                date[j + 1] = date[j]
                                amount[j + 1] = amount[j]
                                kind[j + 1] = kind[j]
                                j -= 1
                            }
                            date[j + 1] = d
                            amount[j + 1] = a
                            kind[j + 1] = k
                        }
                    }
                }
            }
        }
    }
}
