import ARCharts

/// The board pack's tables, from the report model's already-formatted rows (at most `rows` of them).
enum BoardPackTables {
    typealias Column = DataTable.Column

    static func table(_ name: BoardPackTable, model: ReportModel, rows limit: Int) -> DataTable {
        func money(_ title: String) -> Column { Column(title, alignment: .trailing) }
        switch name {
        case .aging:
            let buckets = model.aging.buckets
            return DataTable(
                columns: [
                    Column("Bucket", flexible: true), money("Open AR"), money("Share"), money("Invoices"), money("Disputed"),
                ],
                rows: buckets.prefix(limit).map { [$0.label, $0.amount, $0.share, $0.invoices, $0.disputed] },
                totals: ["Total", model.aging.total, model.aging.totalShare, model.aging.totalInvoices, model.aging.totalDisputed],
                swatches: buckets.prefix(limit).map { Color(css: $0.color) })
        case .trend:
            return DataTable(
                columns: [Column("Month end", flexible: true), money("Total AR"), money("DSO"), money("CEI")],
                rows: model.trend.rows.suffix(limit).map { [$0.period, $0.totalAR, $0.dso, $0.cei] })
        case .topPastDue:
            return DataTable(
                columns: [
                    Column("#", alignment: .trailing), Column("Customer", flexible: true), money("Past due"), money("Over 90"),
                    money("Share"), money("Risk"),
                ],
                rows: model.topPastDue.rows.prefix(limit).map {
                    [$0.rank, $0.name, $0.pastDue, $0.over90, $0.share, $0.hasRisk ? $0.riskScore : "–"]
                }, emptyMessage: "No past-due balances")
        case .topRisks:
            return DataTable(
                columns: [
                    Column("#", alignment: .trailing), Column("Customer", flexible: true), money("Score"), Column("Band"),
                    money("Open AR"), money("Past due"), Column("Main factors", flexible: true),
                ],
                rows: model.risk.top.prefix(limit).map {
                    [$0.rank, $0.name, $0.score, $0.band, $0.balance, $0.pastDue, $0.reasons]
                }, emptyMessage: "No customers scored")
        case .riskBands:
            return DataTable(
                columns: [Column("Band", flexible: true), money("Customers"), money("Open AR"), money("Share")],
                rows: model.risk.bands.prefix(limit).map { [$0.label, $0.customers, $0.balance, $0.share] },
                swatches: model.risk.bands.prefix(limit).map { Color(css: $0.color) })
        case .allowance:
            return DataTable(
                columns: [Column("Bucket", flexible: true), money("Open AR"), money("Rate"), money("Allowance")],
                rows: model.allowance.lines.prefix(limit).map { [$0.bucket, $0.balance, $0.percent, $0.allowance] },
                totals: ["Total (\(model.allowance.coverage) of AR)", model.aging.total, "", model.allowance.total],
                swatches: model.aging.buckets.prefix(limit).map { Color(css: $0.color) })
        case .forecast:
            let forecast = model.forecast
            var rows = forecast.weeks.prefix(limit).map { [$0.week, $0.dates, $0.expected] }
            rows.append(["Later", "after week 13", forecast.beyond])
            rows.append(["Unlikely", "over 120 days late, no recent payment", forecast.unlikely])
            return DataTable(
                columns: [Column("Week"), Column("Dates", flexible: true), money("Expected")], rows: rows)
        case .backtest:
            let forecast = model.forecast
            return DataTable(
                columns: [Column("Week"), Column("Dates", flexible: true), money("Forecast"), money("Actual"), money("Error")],
                rows: forecast.backTest.prefix(limit).map { [$0.week, $0.dates, $0.forecast, $0.actual, $0.error] },
                totals: ["Total", "WAPE \(forecast.wape)", forecast.backTestForecast, forecast.backTestActual, ""],
                emptyMessage: "No back-test")
        case .inputFiles:
            let quality = model.dataQuality
            return DataTable(
                columns: [Column("File", flexible: true), money("Rows read"), money("Rejected")],
                rows: quality.files.prefix(limit).map { [$0.file, $0.rows, $0.rejected] },
                totals: ["Total (\(quality.rejectRate) rejected)", quality.rowsRead, quality.rowsRejected],
                emptyMessage: "No input files")
        case .rejectReasons:
            return DataTable(
                columns: [Column("Reason", flexible: true), money("Rows")],
                rows: model.dataQuality.reasons.prefix(limit).map { [$0.label, $0.count] },
                totals: model.dataQuality.hasRejects ? ["Total", model.dataQuality.rowsRejected] : nil,
                emptyMessage: "No rejected rows")
        case .unapplied:
            let quality = model.dataQuality
            return DataTable(
                columns: [Column("Source", flexible: true), money("Items"), money("Amount")],
                rows: quality.unapplied.prefix(limit).map { [$0.label, $0.items, $0.amount] },
                totals: quality.hasUnapplied ? ["Total", quality.unappliedItems, quality.unappliedTotal] : nil,
                emptyMessage: "No unapplied cash")
        case .largestUnapplied:
            return DataTable(
                columns: [
                    Column("Customer", flexible: true), Column("Source"), Column("Reference"), Column("Date"), money("Amount"),
                ],
                rows: model.dataQuality.largestUnapplied.prefix(limit).map {
                    [$0.name, $0.source, $0.reference, $0.date, $0.amount]
                }, emptyMessage: "No unapplied cash")
        case .worklist:
            return DataTable(
                columns: [
                    Column("#", alignment: .trailing), Column("Customer", flexible: true), Column("Action"),
                    money("Days past due"), money("Past due"), money("Risk"),
                ],
                rows: model.worklist.items.prefix(limit).map {
                    [$0.rank, $0.name, $0.actionLabel, $0.daysPastDue, $0.pastDue, $0.hasRisk ? $0.riskScore : "–"]
                }, emptyMessage: "Nothing to chase")
        }
    }
}
