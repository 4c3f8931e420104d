import ARAnalysis
import ARCore
import ARSQLite

/// What the report model is built from: the analysis at T, the headline figures and risk scores
/// of the same ledger at the two comparison dates, and what loading it found.
public struct ReportSources: Sendable {
    public var ledger: Ledger
    public var analysis: AnalysisResult
    /// The same ledger at T-7.
    public var weekAgo: AnalysisSnapshot
    /// The same ledger at the previous month end.
    public var monthEnd: AnalysisSnapshot
    public var inputs: [InputFileSummary]
    public var rejects: [Reject]
    public var hasHistory: Bool
    /// What earlier recorded runs of the source said (run history); used when `hasHistory` is false.
    public var recorded: RecordedComparison? = nil

    public init(
        ledger: Ledger, analysis: AnalysisResult, weekAgo: AnalysisSnapshot, monthEnd: AnalysisSnapshot,
        inputs: [InputFileSummary], rejects: [Reject], hasHistory: Bool = true
    ) {
        self.ledger = ledger
        self.analysis = analysis
        self.weekAgo = weekAgo
        self.monthEnd = monthEnd
        self.inputs = inputs
        self.rejects = rejects
        self.hasHistory = hasHistory
    }

    /// The comparison dates of a report at `asOf`: T-7 and the last day of the previous month.
    public static func comparisonDates(asOf: Day) -> (weekAgo: Day, monthEnd: Day) {
        (asOf - 7, CivilCalendar.monthEnd(monthsBefore: 1, asOf))
    }
}

/// Builds the one `ReportModel` every renderer formats. It selects and formats what the analysis
/// computed; the only arithmetic is differences against the comparison dates, shares and rankings.
public enum ReportModelBuilder {
    /// Rows kept in the model's tables, so rendering cost does not grow with the customer count.
    public static let topCustomers = 10
    public static let worklistItems = 5
    public static let newlyHighRows = 10
    public static let largestUnapplied = 10
    /// Aging colours, current to oldest, as `ARCharts.Palette.aging` draws them for the default buckets.
    static let bandColors = ["low": "#009E73", "medium": "#E69F00", "high": "#D55E00", "critical": "#8C2D04"]

    public static func build(_ sources: ReportSources) -> ReportModel {
        let ledger = sources.ledger
        let analysis = sources.analysis
        let kpis = analysis.kpis
        let currency = kpis.currency
        var model = ReportModel()
        let (weekDay, monthDay) = ReportSources.comparisonDates(asOf: kpis.asOf)
        model.title = "Accounts receivable report"
        model.asOf = Format.date(kpis.asOf)
        model.asOfLong = DisplayFormat.longDate(kpis.asOf)
        model.currency = currency.code
        model.weekAgo = Format.date(weekDay)
        model.weekAgoLong = DisplayFormat.longDate(weekDay)
        model.monthEnd = Format.date(monthDay)
        model.monthEndLong = DisplayFormat.longDate(monthDay)

        // An open-items snapshot at T-7 would only hold today's open invoices: its changes come
        // from the recorded runs of the same source instead, or are n/a without one.
        func comparison(_ snapshot: AnalysisSnapshot, _ day: Day, _ record: HistoryRecord?) -> TileComparison {
            guard !sources.hasHistory else {
                return TileComparison(figures: TileFigures(snapshot.kpis), label: "vs \(DisplayFormat.shortDate(day))")
            }
            return TileComparison(
                figures: record.map(TileFigures.init), label: "vs \(DisplayFormat.shortDate(record?.asOf ?? day))")
        }
        let tiles = KPITiles(
            now: kpis, week: comparison(sources.weekAgo, weekDay, sources.recorded?.weekAgo),
            month: comparison(sources.monthEnd, monthDay, sources.recorded?.monthEnd), hasHistory: sources.hasHistory)
        model.headline = tiles.headline
        model.balances = tiles.balances
        model.subject = subject(kpis: kpis, hasHistory: sources.hasHistory)
        model.kpis = KPIRow.rows(kpis, rejectedRows: sources.rejects.count, hasHistory: sources.hasHistory)
            .filter { $0.metric != "as_of" && $0.metric != "currency" && $0.metric != "history_available" }
            .map { KPILine(metric: $0.metric, label: $0.label, value: $0.value.isEmpty ? "n/a" : DisplayFormat.grouped($0.value)) }

        model.aging = aging(ledger: ledger, analysis: analysis)
        model.trend = trend(analysis: analysis, currency: currency)
        model.topPastDue = topPastDue(ledger: ledger, analysis: analysis)
        model.concentration = concentration(ledger: ledger, analysis: analysis)
        model.risk = risk(ledger: ledger, analysis: analysis, weekAgo: sources.hasHistory ? sources.weekAgo.risk : nil)
        model.worklist = worklist(ledger: ledger, analysis: analysis)
        model.allowance = allowance(analysis: analysis)
        model.forecast = forecast(ledger: ledger, analysis: analysis)
        model.risk.top = topRisks(ledger: ledger, analysis: analysis)
        model.dataQuality = dataQuality(ledger: ledger, analysis: analysis, inputs: sources.inputs, rejects: sources.rejects)
        if !sources.hasHistory, let recorded = sources.recorded {
            model.recordedRuns = RecordedRunsSection(recorded, now: kpis)
        }
        model.chartData = chartData(model: model, ledger: ledger, analysis: analysis)
        addBoardPackChartData(&model.chartData, ledger: ledger, analysis: analysis)
        model.charts = chartSlots(model: model)
        return model
    }

    /// `AR report 2025-12-31: AR $10.85M, DSO 70.2, CEI 71.3%, >90d 7.9%`.
    static func subject(kpis: KPIs, hasHistory: Bool) -> String {
        let dso = hasHistory ? DisplayFormat.oneDecimal(kpis.dso) : ""
        let cei = hasHistory ? DisplayFormat.percent(kpis.cei) : ""
        return "AR report \(Format.date(kpis.asOf)): AR \(DisplayFormat.compactMoney(kpis.totalAR, kpis.currency)), "
            + "DSO \(dso.isEmpty ? "n/a" : dso), CEI \(cei.isEmpty ? "n/a" : cei), "
            + ">90d \(DisplayFormat.share(kpis.over90AR, of: kpis.totalAR))"
    }

    static func aging(ledger: Ledger, analysis: AnalysisResult) -> AgingSection {
        let currency = ledger.reportingCurrency
        let labels = analysis.settings.buckets.labels
        let total = analysis.kpis.totalAR
        var amounts = [Int64](repeating: 0, count: labels.count)
        var invoices = [Int](repeating: 0, count: labels.count)
        var disputed = [Int64](repeating: 0, count: labels.count)
        for item in analysis.position.openItems {
            amounts[item.bucket] += item.open
            invoices[item.bucket] += 1
            if item.disputed { disputed[item.bucket] += item.open }
        }
        let colors = agingColors(count: labels.count)
        var section = AgingSection()
        section.buckets = labels.indices.map { index in
            AgingBucketRow(
                label: labels[index], amount: DisplayFormat.money(amounts[index], currency),
                share: DisplayFormat.share(amounts[index], of: total),
                barWidth: DisplayFormat.barWidth(amounts[index], of: total), invoices: DisplayFormat.count(invoices[index]),
                disputed: DisplayFormat.money(disputed[index], currency),
                allowance: index < analysis.allowance.lines.count
                    ? DisplayFormat.money(analysis.allowance.lines[index].allowance, currency) : "",
                color: colors[index])
        }
        section.total = DisplayFormat.money(total, currency)
        section.totalShare = DisplayFormat.share(total, of: total)
        section.totalAllowance = DisplayFormat.money(analysis.allowance.total, currency)
        section.totalDisputed = DisplayFormat.money(disputed.reduce(0, +), currency)
        section.totalInvoices = DisplayFormat.count(invoices.reduce(0, +))
        return section
    }

    /// The colours `ARCharts.Palette.aging(count:)` gives the buckets, as CSS hex.
    static func agingColors(count: Int) -> [String] {
        guard count > 0 else { return [] }
        if count == 1 { return ["#0072B2"] }
        let stops: [(Double, Double, Double)] = [(0xF5, 0xC4, 0x6E), (0xE6, 0x9F, 0x00), (0xD5, 0x5E, 0x00), (0x8C, 0x2D, 0x04)]
        let pastDue = count - 1
        return ["#0072B2"]
            + (0..<pastDue).map { index in
                let t = pastDue == 1 ? 0.5 : Double(index) / Double(pastDue - 1) * Double(stops.count - 1)
                let lower = min(Int(t), stops.count - 2)
                let f = t - Double(lower)
                let a = stops[lower], b = stops[lower + 1]
                func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
                return "#" + [mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2)].map { hex2($0) }.joined()
            }
    }

    static func hex2(_ value: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[(value >> 4) & 15], digits[value & 15]])
    }

    static func trend(analysis: AnalysisResult, currency: Currency) -> TrendSection {
        var section = TrendSection()
        section.bucketLabels = analysis.settings.buckets.labels.map { LabelCell(label: $0) }
        section.rows = analysis.trend.enumerated().map { index, point in
            let last = index == analysis.trend.count - 1
            return TrendRow(
                date: Format.date(point.date),
                period: last ? DisplayFormat.shortDate(point.date) + " " + String(CivilCalendar.civil(point.date).year)
                    : DisplayFormat.month(point.date),
                totalAR: DisplayFormat.money(point.totalAR, currency),
                buckets: point.buckets.map { ValueCell(value: DisplayFormat.money($0, currency)) },
                dso: DisplayFormat.oneDecimal(point.dso).isEmpty ? "n/a" : DisplayFormat.oneDecimal(point.dso),
                cei: DisplayFormat.percent(point.cei).isEmpty ? "n/a" : DisplayFormat.percent(point.cei), isAsOf: last)
        }
        return section
    }

    /// The `topCustomers` customers with the most past-due AR (open AR more than 0 days past due;
    /// ties by customer_id), how many customers have any, and every customer's past-due amount.
    static func pastDueRanking(ledger: Ledger, analysis: AnalysisResult) -> (top: [Int], count: Int, pastDue: [Int64]) {
        let position = analysis.position
        let ids = ledger.customers.ids
        var pastDue = [Int64](repeating: 0, count: ledger.customers.count)
        var candidates: [Int] = []
        for customer in 0..<ledger.customers.count where position.openTotal[customer] > 0 {
            pastDue[customer] = position.openTotal[customer] - position.bucketTotals[customer * position.bucketCount]
            if pastDue[customer] > 0 { candidates.append(customer) }
        }
        let top = candidates.firstSorted(topCustomers) { a, b in
            pastDue[a] != pastDue[b] ? pastDue[a] > pastDue[b] : ids[a] < ids[b]
        }
        return (top, candidates.count, pastDue)
    }

    static func topPastDue(ledger: Ledger, analysis: AnalysisResult) -> TopCustomersSection {
        let currency = ledger.reportingCurrency
        let position = analysis.position
        let (top, pastDueCount, pastDue) = pastDueRanking(ledger: ledger, analysis: analysis)
        var riskOf: [Int: CustomerRisk] = [:]
        let wanted = Set(top)
        for entry in analysis.risk where wanted.contains(entry.customer) { riskOf[entry.customer] = entry }
        var section = TopCustomersSection()
        section.rows = top.enumerated().map { rank, customer in
            CustomerRow(
                rank: String(rank + 1), customerID: ledger.customers.ids[customer], name: ledger.customers.names[customer],
                pastDue: DisplayFormat.money(pastDue[customer], currency),
                over90: DisplayFormat.money(position.over90[customer], currency),
                total: DisplayFormat.money(position.openTotal[customer], currency),
                share: DisplayFormat.share(pastDue[customer], of: analysis.kpis.pastDueAR),
                riskScore: riskOf[customer].map { Format.score(tenths: $0.scoreTenths) } ?? "",
                riskBand: riskOf[customer]?.band.rawValue ?? "", hasRisk: riskOf[customer] != nil)
        }
        section.count = String(section.rows.count)
        section.customersPastDue = DisplayFormat.count(pastDueCount)
        section.hasRows = !section.rows.isEmpty
        return section
    }

    /// The concentration rows: the share of AR held by this many largest balances.
    static let concentrationSizes = [5, 10, 20]

    /// The largest positive customer balances, largest first, as many as the largest concentration row needs.
    static func largestBalances(_ analysis: AnalysisResult) -> [Int64] {
        analysis.position.openTotal.lazy.filter { $0 > 0 }.firstSorted(concentrationSizes.max()!, by: >)
    }

    /// Share of AR held by the 5, 10 and 20 largest balances.
    static func concentration(ledger: Ledger, analysis: AnalysisResult) -> [ConcentrationRow] {
        let currency = ledger.reportingCurrency
        let total = analysis.kpis.totalAR
        let balances = largestBalances(analysis)
        return concentrationSizes.map { size in
            let amount = balances.prefix(size).reduce(0, +)
            return ConcentrationRow(
                label: "Top \(size)", customers: String(min(size, balances.count)),
                amount: DisplayFormat.money(amount, currency), share: DisplayFormat.share(amount, of: total),
                barWidth: DisplayFormat.barWidth(amount, of: total))
        }
    }

    /// `weekAgo` nil: the scores at T-7 are not known (an open-items source), nothing is listed as changed.
    static func risk(ledger: Ledger, analysis: AnalysisResult, weekAgo: [CustomerRisk]?) -> RiskSection {
        let currency = ledger.reportingCurrency
        let position = analysis.position
        let (counts, balances) = bandTotals(analysis)
        var section = RiskSection()
        let total = analysis.kpis.totalAR
        section.bands = RiskBand.allCases.enumerated().map { rank, band in
            RiskBandRow(
                band: band.rawValue, label: DisplayFormat.words(band.rawValue),
                customers: DisplayFormat.count(counts[rank]),
                balance: DisplayFormat.money(balances[rank], currency),
                share: DisplayFormat.share(balances[rank], of: total),
                barWidth: DisplayFormat.barWidth(balances[rank], of: total), color: bandColors[band.rawValue] ?? "")
        }
        section.scoredCustomers = DisplayFormat.count(analysis.risk.count)
        section.highOrCriticalCount = DisplayFormat.count(counts[bandRank(.high)] + counts[bandRank(.critical)])

        guard let weekAgo else {
            section.changesKnown = false
            return section
        }
        // The same ledger at T-7: customer indices are the same. Only the row's position in
        // `weekAgo` is kept per customer (-1: unscored), not a copy of the row.
        var before = [Int32](repeating: -1, count: ledger.customers.count)
        for (row, entry) in weekAgo.enumerated() { before[entry.customer] = Int32(row) }
        func previous(_ customer: Int) -> CustomerRisk? { before[customer] < 0 ? nil : weekAgo[Int(before[customer])] }
        let newly = analysis.risk.lazy.filter { entry in
            guard entry.band == .high || entry.band == .critical else { return false }
            // Unscored a week ago, or in a lower band (high to critical counts: it became critical).
            guard let previous = previous(entry.customer) else { return true }
            return bandRank(previous.band) < bandRank(entry.band)
        }
        let newlyCount = newly.count
        section.newlyHighCount = DisplayFormat.count(newlyCount)
        section.hasNewlyHigh = newlyCount > 0
        let ids = ledger.customers.ids
        let listed = newly.firstSorted(newlyHighRows) { a, b in
            a.scoreTenths != b.scoreTenths ? a.scoreTenths > b.scoreTenths : ids[a.customer] < ids[b.customer]
        }
        section.newlyHigh = listed.map { entry in
            let previous = previous(entry.customer)
            return RiskChangeRow(
                customerID: ledger.customers.ids[entry.customer], name: ledger.customers.names[entry.customer],
                score: Format.score(tenths: entry.scoreTenths), band: entry.band.rawValue,
                previousBand: previous?.band.rawValue ?? "unscored",
                previousScore: previous.map { Format.score(tenths: $0.scoreTenths) } ?? "",
                reasons: entry.reasons.map { DisplayFormat.words($0.key) }.joined(separator: ", "),
                balance: DisplayFormat.money(position.openTotal[entry.customer], currency))
        }
        return section
    }

    /// A band's place in `RiskBand.allCases`, low to critical.
    static func bandRank(_ band: RiskBand) -> Int { band.rank }

    /// Scored customers and their AR by band, in `RiskBand.allCases` order.
    static func bandTotals(_ analysis: AnalysisResult) -> (customers: [Int], balances: [Int64]) {
        var customers = [Int](repeating: 0, count: RiskBand.allCases.count)
        var balances = [Int64](repeating: 0, count: RiskBand.allCases.count)
        for entry in analysis.risk {
            let rank = bandRank(entry.band)
            customers[rank] += 1
            balances[rank] += analysis.position.openTotal[entry.customer]
        }
        return (customers, balances)
    }

    static func worklist(ledger: Ledger, analysis: AnalysisResult) -> WorklistSection {
        let currency = ledger.reportingCurrency
        let customers = ledger.customers
        var section = WorklistSection()
        section.items = analysis.worklist.prefix(worklistItems).enumerated().map { rank, item in
            WorklistRow(
                rank: String(rank + 1), customerID: customers.ids[item.customer], name: customers.names[item.customer],
                stage: String(item.stage + 1), action: item.action, actionLabel: DisplayFormat.words(item.action),
                oldestInvoice: ledger.invoices.ids.key(Int(item.oldestInvoice)),
                daysPastDue: DisplayFormat.count(Int(item.daysPastDue)),
                pastDue: DisplayFormat.money(item.pastDueAmount, currency),
                riskScore: item.risk.map { Format.score(tenths: $0.scoreTenths) } ?? "",
                riskBand: item.risk?.band.rawValue ?? "", priority: DisplayFormat.money(item.priority, currency),
                email: customers.emails[item.customer], phone: customers.phones[item.customer],
                hasContact: !customers.emails[item.customer].isEmpty || !customers.phones[item.customer].isEmpty,
                hasPhone: !customers.phones[item.customer].isEmpty, hasRisk: item.risk != nil)
        }
        section.shown = String(section.items.count)
        section.total = DisplayFormat.count(analysis.worklist.count)
        section.totalPastDue = DisplayFormat.money(analysis.worklist.reduce(0) { $0 + $1.pastDueAmount }, currency)
        section.hasItems = !section.items.isEmpty
        section.hasMore = analysis.worklist.count > section.items.count
        return section
    }

    static func allowance(analysis: AnalysisResult) -> AllowanceSection {
        let currency = analysis.kpis.currency
        let labels = analysis.settings.buckets.labels
        var section = AllowanceSection()
        section.lines = analysis.allowance.lines.map { line in
            AllowanceRow(
                bucket: labels[line.bucket], balance: DisplayFormat.money(line.balance, currency),
                percent: MinorUnits.format(line.basisPoints, minorDigits: 2) + "%",
                allowance: DisplayFormat.money(line.allowance, currency))
        }
        section.total = DisplayFormat.money(analysis.allowance.total, currency)
        section.coverage = DisplayFormat.share(analysis.allowance.total, of: analysis.kpis.totalAR)
        return section
    }

    static let unappliedLabels = [
        "on_account": "On account (no invoice named)", "unknown_invoice": "Names an unknown invoice",
        "prepayment": "Prepayment (invoice issued later)", "excess": "Excess over the invoice",
    ]

    static func dataQuality(ledger: Ledger, analysis: AnalysisResult, inputs: [InputFileSummary], rejects: [Reject])
        -> DataQualitySection
    {
        let currency = ledger.reportingCurrency
        var section = DataQualitySection()
        section.files = inputs.map {
            InputFileRow(file: $0.file, rows: DisplayFormat.count($0.rows), rejected: DisplayFormat.count($0.rejected))
        }
        let read = inputs.reduce(0) { $0 + $1.rows }
        section.rowsRead = DisplayFormat.count(read)
        section.rowsRejected = DisplayFormat.count(rejects.count)
        section.rejectRate = DisplayFormat.percent(read == 0 ? 0 : Double(rejects.count) / Double(read) * 100)
        var byReason: [RejectReason: Int] = [:]
        for reject in rejects { byReason[reject.reason, default: 0] += 1 }
        section.reasons = byReason.sorted { a, b in a.value != b.value ? a.value > b.value : a.key.rawValue < b.key.rawValue }
            .map { RejectReasonRow(reason: $0.key.rawValue, label: DisplayFormat.words($0.key.rawValue), count: DisplayFormat.count($0.value)) }
        section.hasRejects = !rejects.isEmpty

        let items = analysis.position.unappliedItems
        let sources: [UnappliedItem.Source] = [.onAccount, .unknownInvoice, .prepayment, .excess]
        // By the source's place in `sources`: a dictionary keyed by the source hashed its raw
        // String twice per item (hundreds of thousands of unapplied rows).
        func slot(_ source: UnappliedItem.Source) -> Int {
            switch source {
            case .onAccount: 0
            case .unknownInvoice: 1
            case .prepayment: 2
            case .excess: 3
            }
        }
        var count = [Int](repeating: 0, count: sources.count)
        var amount = [Int64](repeating: 0, count: sources.count)
        for item in items {
            count[slot(item.source)] += 1
            amount[slot(item.source)] += item.amount
        }
        section.unapplied = sources.filter { count[slot($0)] > 0 }.map { source in
            UnappliedSourceRow(
                source: source.rawValue, label: unappliedLabels[source.rawValue] ?? source.rawValue,
                items: DisplayFormat.count(count[slot(source)]),
                amount: DisplayFormat.money(amount[slot(source)], currency))
        }
        section.unappliedTotal = DisplayFormat.money(analysis.kpis.unapplied, currency)
        section.unappliedItems = DisplayFormat.count(items.count)
        section.hasUnapplied = !items.isEmpty
        let largest = items.indices.firstSorted(largestUnapplied) { a, b in
            items[a].amount != items[b].amount ? items[a].amount > items[b].amount : a < b
        }
        section.largestUnapplied = largest.map { index in
            let item = items[index]
            return UnappliedItemRow(
                customerID: ledger.customers.ids[Int(item.customer)], name: ledger.customers.names[Int(item.customer)],
                source: DisplayFormat.words(item.source.rawValue), reference: item.reference, date: Format.date(item.date),
                amount: DisplayFormat.money(item.amount, currency))
        }
        return section
    }

    static func chartData(model: ReportModel, ledger: Ledger, analysis: AnalysisResult) -> ReportChartData {
        let currency = ledger.reportingCurrency
        var data = ReportChartData()
        data.minorUnitsPerMajor = currency.minorPerMajor
        data.bucketLabels = analysis.settings.buckets.labels
        let trendLast = analysis.trend.last
        data.bucketAmounts = trendLast?.buckets ?? []
        data.trendLabels = analysis.trend.map { DisplayFormat.month($0.date) }
        if let last = analysis.trend.last, !data.trendLabels.isEmpty {
            data.trendLabels[data.trendLabels.count - 1] = DisplayFormat.shortDate(last.date)
        }
        data.trendBuckets = analysis.trend.map(\.buckets)
        data.trendDSO = analysis.trend.map(\.dso)
        data.trendCEI = analysis.trend.map(\.cei)
        let (top, _, pastDue) = pastDueRanking(ledger: ledger, analysis: analysis)
        for customer in top {
            data.topNames.append(ledger.customers.names[customer])
            data.topPastDue.append(pastDue[customer])
            data.topLabels.append(DisplayFormat.compactMoney(pastDue[customer], currency))
        }
        let total = analysis.kpis.totalAR
        let balances = largestBalances(analysis)
        for size in concentrationSizes {
            let amount = balances.prefix(size).reduce(0, +)
            data.concentrationLabels.append("Top \(size)")
            data.concentrationShares.append(total == 0 ? 0 : Double(amount) / Double(total))
            data.concentrationShareLabels.append(DisplayFormat.share(amount, of: total))
        }
        return data
    }

    /// File names, CIDs and alt texts of the charts; the images are drawn by the renderers.
    static func chartSlots(model: ReportModel) -> ReportCharts {
        func slot(_ name: String, _ title: String) -> ChartImage {
            ChartImage(
                key: name.split(separator: "_").enumerated().map { $0 == 0 ? String($1) : $1.capitalized }.joined(),
                file: "chart_\(name).png", cid: "chart-\(name)-\(model.asOf)@arreport", title: title, alt: title, svg: "",
                width: "", height: "", available: false)
        }
        var charts = ReportCharts()
        charts.aging = slot("aging", "Open AR by aging bucket")
        charts.agingMix = slot("aging_mix", "Aging mix over 12 months")
        charts.trend = slot("trend", "DSO and CEI over 12 months")
        charts.topPastDue = slot("top_past_due", "Top customers by past-due balance")
        charts.concentration = slot("concentration", "Concentration of AR")
        return charts
    }
}
