// A copy of templates/board_pack.yml, used when no templates folder is found (a test keeps them equal).

extension BoardPackLayout {
    /// The project's default layout, built into the binary.
    public static let defaultText = ####"""
# The board pack's layout: arreport draws board_pack.pdf from it, one page per entry, in order.
# Edit freely (or copy into your --templates folder). README.md, "Board pack", lists every name.
#
#   page:     what the page is about (cover, aging, trends, top_past_due, risk, cash_forecast,
#             allowance, data_quality, worklist); names its bookmark
#   heading:  the page's title
#   intro:    an optional line under the heading
#   blocks:   drawn top to bottom; two half-width blocks in a row sit side by side
#     - kpis: [keys]                KPI tiles: total_ar, dso, cei, over_90_share, current_ar,
#                                   past_due_ar, disputed_ar, unapplied
#       compare: month_end          the change shown: month_end, week or both
#     - chart: NAME                 aging_buckets, aging_mix, dso_cei, top_past_due, concentration,
#                                   risk_bands, cash_forecast, forecast_vs_actual
#     - table: NAME                 aging, trend, top_past_due, top_risks, risk_bands, allowance,
#                                   forecast, backtest, input_files, reject_reasons, unapplied,
#                                   largest_unapplied, worklist
#       rows: 10                    at most this many rows (tables)
#       title: Text                 a heading over the block (tables; charts carry their own)
#       width: half                 half or full (charts and tables default to half)
#     - contents: true              the list of pages with their numbers (cover)

title: AR board pack
pages:
  - page: cover
    heading: Accounts receivable
    intro: Board pack
    blocks:
      - kpis: [total_ar, dso, cei, over_90_share]
        compare: month_end
      - kpis: [current_ar, past_due_ar, disputed_ar, unapplied]
        compare: month_end
      - contents: true

  - page: aging
    heading: Aging of open receivables
    blocks:
      - kpis: [current_ar, past_due_ar, over_90_share, disputed_ar]
        compare: month_end
      - chart: aging_buckets
      - table: aging
        title: Open AR by bucket

  - page: trends
    heading: Trends over 12 months
    blocks:
      - chart: aging_mix
      - chart: dso_cei

  - page: top_past_due
    heading: Top past-due customers
    blocks:
      - chart: top_past_due
      - table: top_past_due
        title: Largest past-due balances
        rows: 10
      - table: worklist
        title: Collections worklist, most urgent first
        rows: 5
        width: full

  - page: risk
    heading: Customer risk
    blocks:
      - chart: risk_bands
      - table: risk_bands
        title: Customers and open AR by band
      - table: top_risks
        title: Highest risk scores
        rows: 8
        width: full

  - page: cash_forecast
    heading: Cash forecast and allowance
    blocks:
      - chart: cash_forecast
      - chart: forecast_vs_actual
      - table: allowance
        title: Allowance for doubtful accounts

  - page: data_quality
    heading: Data quality
    blocks:
      - table: input_files
        title: Rows read and rejected by file
      - table: reject_reasons
        title: Rejected rows by reason
      - table: unapplied
        title: Unapplied cash by source
      - table: largest_unapplied
        title: Largest unapplied items
        rows: 8
"""####
}
