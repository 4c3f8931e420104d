import ARCore
import ARProfiles
import Testing

/// Each shape on tiny hand-made exports; rejects name the original file, line and record.
@Suite struct ShapeTests {
    let settlementProfile = """
        shape: invoice_with_settlement
        date_format: DD.MM.YYYY
        numbers: {decimal: ",", thousands: "."}
        booleans: {true_values: [Ja], false_values: [Nein]}
        fields:
          customer_id: Kunde
          invoice_id: Rechnung
          issue_date: Datum
          due_date: Faellig
          amount: Betrag
          currency: {constant: USD}
          settled_amount: Bezahlt
          settled_date: BezahltAm
          disputed: Strittig
        attributes:
          channel: {column: Kanal, default: paper}
        """

    let settlementExport = """
        Kunde,Rechnung,Datum,Faellig,Betrag,Bezahlt,BezahltAm,Strittig,Kanal
        C1,I1,05.01.2025,04.02.2025,"1.234,56","1.234,56",10.02.2025,Ja,
        C1,I2,31.02.2025,02.03.2025,"10,00",,,Nein,email
        C2,I3,10.01.2025,09.02.2025,"500,00","200,00",20.01.2025,Ja,email
        C2,I4,10.01.2025,01.01.2025,"10,00",,,Nein,email
        C2,I1,11.01.2025,10.02.2025,"20,00",,,Nein,email
        C3,I5,12.01.2025,11.02.2025,"12,345",,,Nein,email
        C3,I6,12.01.2025,11.02.2025,"75,00",,,Vielleicht,email
        C3,I7,12.01.2025,11.02.2025,"75,00",,,Nein,email

        """

    @Test func invoiceWithSettlementGeneratesPaymentsAndDisputes() throws {
        let fixture = try ProfileFixture()
        let load = try fixture.load(settlementExport, profile: settlementProfile, asOf: "2025-03-31")
        let ledger = load.ledger
        #expect(ledger.invoices.count == 3)
        #expect(ledger.customers.ids.sorted() == ["C1", "C2", "C3"])

        // I1: 1.234,56 paid in full on 10.02.2025, disputed from issue to settlement.
        let i1 = try #require(ledger.invoice("I1"))
        #expect(ledger.invoices.amount[i1] == 123_456)
        #expect(ledger.applications(of: i1).map(\.0) == [CivilCalendar.parseISO("2025-02-10")!])
        #expect(ledger.applications(of: i1).map(\.1) == [123_456])
        // I3: 500,00 of which 200,00 paid: 300,00 stays open; its dispute stays open too.
        let i3 = try #require(ledger.invoice("I3"))
        #expect(ledger.applications(of: i3).map(\.1) == [20_000])
        #expect(ledger.disputes.count == 2)
        let disputeOnI1 = try #require((0..<ledger.disputes.count).first { Int(ledger.disputes.invoice[$0]) == i1 })
        #expect(ledger.disputes.opened[disputeOnI1] == CivilCalendar.parseISO("2025-01-05"))
        #expect(ledger.disputes.resolved[disputeOnI1] == CivilCalendar.parseISO("2025-02-10"))
        let disputeOnI3 = try #require((0..<ledger.disputes.count).first { Int(ledger.disputes.invoice[$0]) == i3 })
        #expect(ledger.disputes.resolved[disputeOnI3] == Day.max)
        // I7: never settled, no payment.
        let i7 = try #require(ledger.invoice("I7"))
        #expect(ledger.applications(of: i7).isEmpty)

        // The blank channel took the default.
        let channel = try #require(ledger.invoices.attributes["channel"])
        #expect(channel[i1] == "paper")
        #expect(channel[i3] == "email")

        #expect(load.rejects.map(\.line) == [3, 5, 6, 7, 8])
        #expect(load.rejects.map(\.reason) == [.badDate, .dueBeforeIssue, .duplicateKey, .tooManyDecimals, .badNumber])
        #expect(load.rejects.map(\.column) == ["Datum", "Faellig", "Rechnung", "Betrag", "Strittig"])
        #expect(load.rejects.allSatisfy { $0.file == "export.csv" })
        #expect(
            String(decoding: load.rejects[0].record, as: UTF8.self)
                == "C1,I2,31.02.2025,02.03.2025,\"10,00\",,,Nein,email")

        #expect(load.inputs.count == 1)
        #expect(load.inputs[0].file == "export.csv")
        #expect(load.inputs[0].rows == 8)
        #expect(load.inputs[0].rejected == 5)
        #expect(load.inputs[0].sha256.count == 64)
    }

    @Test func canonicalLoaderRejectsAreMappedBackToTheOriginalLines() throws {
        // The credit limit has too many decimals: the canonical loader rejects customer C1
        // (bad_number, on the line that introduced it) and then C1's later invoice (unknown_customer).
        let fixture = try ProfileFixture()
        let load = try fixture.load(
            """
            cust,inv,issued,amt,limit
            C1,A1,2025-01-01,100.00,12.345
            C2,A2,2025-01-02,50.00,
            C1,A3,2025-01-03,70.00,12.345

            """,
            profile: """
                shape: canonical
                fields:
                  customer_id: cust
                  invoice_id: inv
                  issue_date: issued
                  amount: amt
                  credit_limit: limit
                """)
        #expect(load.ledger.invoices.count == 1)
        #expect(load.rejects.map(\.line) == [2, 4])
        #expect(load.rejects.map(\.reason) == [.badNumber, .unknownCustomer])
        #expect(load.rejects.map(\.column) == ["limit", "cust"])
        #expect(load.rejects.map(\.file) == ["export.csv", "export.csv"])
        #expect(String(decoding: load.rejects[1].record, as: UTF8.self) == "C1,A3,2025-01-03,70.00,12.345")
    }

    @Test func openItemsBecomeInvoicesWithoutPaymentsInTheirCurrency() throws {
        let fixture = try ProfileFixture()
        let profile = """
            shape: open_items
            date_format: YYYYMMDD
            numbers: {decimal: ".", thousands: ","}
            fields:
              customer_id: Customer
              customer_name: Name
              invoice_id: {from: line_number}
              issue_date: Posted
              due_date: Due
              terms_days: {column: Terms, map: {N30: 30, N15: 15}}
              amount: Open
              currency: Cur
            fx_rates: {CAD: "0.75"}
            """
        let load = try fixture.load(
            """
            Customer,Name,Posted,Due,Terms,Open,Cur
            C1,Acme,20250301,,N30,"1,000.00",USD
            C2,Maple,20250310,20250325,N15,200.00,cad
            C3,Gone,20250310,,N99,5.00,USD
            C4,Euro,20250310,20250325,N15,5.00,EUR

            """, profile: profile, asOf: "2025-03-31")
        let ledger = load.ledger
        #expect(ledger.invoices.count == 2)
        #expect(ledger.applications.count == 0)
        let first = try #require(ledger.invoice("L2"))
        #expect(ledger.invoices.amount[first] == 100_000)
        #expect(ledger.invoices.due[first] == CivilCalendar.parseISO("2025-03-31"))  // 1 March + N30
        let second = try #require(ledger.invoice("L3"))
        #expect(ledger.currencies[Int(ledger.invoices.currency[second])].code == "CAD")
        #expect(ledger.customers.names.contains("Maple"))
        #expect(load.rejects.map(\.line) == [4, 5])
        #expect(load.rejects.map(\.reason) == [.badNumber, .noFXRate])
        #expect(try fixture.profile(profile).hasHistory == false)
    }

    @Test func aProfileNamingAMissingColumnIsOneClearError() throws {
        let fixture = try ProfileFixture()
        let path = try fixture.write(
            "export.csv", "invoiceNumber,customerID,InvoiceDate,InvoiceAmount\nI1,C1,2025-01-01,1.00\n")
        let profile = try fixture.profile(
            """
            shape: canonical
            fields: {customer_id: customerID, invoice_id: invoiceNumbr, issue_date: InvoiceDate, amount: InvoiceAmount}
            """, name: "ibm")
        #expect(
            throws: ProfileError.missingColumn(file: path, profile: "ibm", field: "invoice_id", column: "invoiceNumbr")
        ) {
            try ProfiledSource.load(
                file: path, profile: profile,
                settings: LoadSettings(
                    asOf: CivilCalendar.parseISO("2025-01-31")!, reportingCurrency: Currency(code: "USD")))
        }
        #expect(
            ProfileError.missingColumn(file: "x.csv", profile: "ibm", field: "invoice_id", column: "invoiceNumbr")
                .description == "x.csv:1: profile 'ibm' maps invoice_id to column 'invoiceNumbr', which the file lacks")
    }
}

/// `--fx FILE`: dated rates for an export, replacing the profile's fixed ones.
@Suite struct FXFileTests {
    let profile = """
        shape: open_items
        fields:
          customer_id: Customer
          invoice_id: {from: line_number}
          issue_date: Posted
          amount: Open
          currency: Cur
        fx_rates: {CAD: "0.75"}
        """
    let export = """
        Customer,Posted,Open,Cur
        C1,2025-03-01,100.00,USD
        C2,2025-03-10,200.00,CAD
        C3,2025-03-10,5.00,EUR

        """

    func load(rates: String, asOf: String = "2025-03-31") throws -> LoadResult {
        let fixture = try ProfileFixture()
        let path = try fixture.write("export.csv", export)
        return try ProfiledSource.load(
            file: path, profile: try fixture.profile(profile),
            settings: LoadSettings(asOf: CivilCalendar.parseISO(asOf)!, reportingCurrency: Currency(code: "USD")),
            fxFile: try fixture.write("rates.csv", rates))
    }

    @Test func theLatestDatedRateOnOrBeforeTheAsOfDateApplies() throws {
        let rates = """
            currency,date,rate
            CAD,2025-03-01,0.7000
            CAD,2025-03-28,0.6950
            CAD,2025-04-15,0.8000
            EUR,2025-03-01,1.0800

            """
        let load = try load(rates: rates)
        #expect(load.rejects.isEmpty)
        let ledger = load.ledger
        let cad = try #require(ledger.currencies.firstIndex { $0.code == "CAD" })
        // 28 March's rate, not the profile's 0.75 nor 15 April's.
        #expect(ledger.rates[cad] == FXRate.parse("0.6950"))
        #expect(ledger.invoices.count == 3)
        // Both files are inputs of the run, each with its own hash.
        #expect(load.inputs.map(\.file) == ["export.csv", "rates.csv"])
        #expect(load.inputs[1].rows == 4 && load.inputs[1].sha256.count == 64)
        // At 20 March the 1 March rate applies.
        let earlier = try self.load(rates: rates, asOf: "2025-03-20").ledger
        #expect(
            earlier.rates[try #require(earlier.currencies.firstIndex { $0.code == "CAD" })] == FXRate.parse("0.7000"))
    }

    @Test func badRatesNameTheRatesFileAndMissingCurrenciesTheExportLine() throws {
        let load = try load(
            rates: """
                date,currency,rate
                2025-03-01,CAD,0.70
                2025-03-05,CAD,seventy

                """)
        // The file has no EUR: the EUR invoice (line 4) is rejected, pointing at the rates file.
        let eur = try #require(load.rejects.first { $0.file == "export.csv" })
        #expect(eur.line == 4 && eur.reason == .noFXRate && eur.message == "no rate for EUR: add it to rates.csv")
        let rate = try #require(load.rejects.first { $0.file == "rates.csv" })
        #expect(rate.line == 3 && rate.column == "rate" && rate.reason == .badNumber)
        #expect(String(decoding: rate.record, as: UTF8.self) == "2025-03-05,CAD,seventy")
        #expect(load.inputs.map(\.rejected) == [1, 1])
    }

    @Test func aRatesFileWithoutItsColumnsIsOneClearError() throws {
        do {
            _ = try load(rates: "day,currency,rate\n")
            Issue.record("a rates file without a date column was accepted")
        } catch let InputError.missingColumn(path, column) {
            #expect(path.hasSuffix("/rates.csv") && column == "date")
        }
    }
}
