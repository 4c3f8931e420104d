/// Everything the HTML report, the email and the board pack show, already computed and formatted.
///
/// One model feeds every renderer, so they cannot disagree. Stored properties only: templates see
/// the model through `Mirror`, which cannot see computed properties. Every key is listed in
/// docs/TEMPLATES.md. Built by `ReportModelBuilder`.
public struct ReportModel: Sendable {
    public var title = ""
    /// ISO `2025-12-31` and long `31 December 2025`.
    public var asOf = ""
    public var asOfLong = ""
    public var currency = ""
    /// The comparison dates: T-7 and the previous month end.
    public var weekAgo = ""
    public var weekAgoLong = ""
    public var monthEnd = ""
    public var monthEndLong = ""
    /// The email's subject line: the as-of date and the headline figures.
    public var subject = ""
    /// AR, DSO, CEI and the share over 90 days.
    public var headline: [KPITile] = []
    /// Current, past due, disputed, unapplied.
    public var balances: [KPITile] = []
    /// Every kpis.csv metric with its label and display value.
    public var kpis: [KPILine] = []
    public var aging = AgingSection()
    public var trend = TrendSection()
    public var topPastDue = TopCustomersSection()
    public var concentration: [ConcentrationRow] = []
    public var risk = RiskSection()
    public var worklist = WorklistSection()
    public var allowance = AllowanceSection()
    /// The 13-week cash forecast and its back-test (ForecastSection.swift).
    public var forecast = ForecastSection()
    public var dataQuality = DataQualitySection()
    /// What email.eml attaches and what it leaves in the output folder (set when the email is rendered).
    public var email = EmailAttachmentsSection()
    /// Open-items sources only: the previous recorded runs (run history) and the change since; nil otherwise.
    public var recordedRuns: RecordedRunsSection? = nil
    /// Chart images, filled by the renderers (inline SVG in the HTML, CID images in the email).
    public var charts = ReportCharts()
    /// Raw series the charts are drawn from (already computed; not for templates).
    public var chartData = ReportChartData()

    public init() {}
}

/// The email's attachments: attached in order, each one that still fits within the limit in all
/// (config `email.max_attachments_mb`); the others are named with their size.
public struct EmailAttachmentsSection: Sendable, TemplateRow {
    /// `kpis.csv, aging_summary.csv and board_pack.pdf`.
    public var attached = ""
    public var hasAttachments = false
    /// `aging_summary.csv (17.6 MB)`.
    public var notAttached = ""
    public var hasNotAttached = false
    /// `10 MB`.
    public var limit = ""
    public init() {}
}

/// A row type templates iterate over: a blank instance gives the keys a section may name.
protocol TemplateRow { init() }

/// One headline figure and its change against T-7 and the previous month end.
public struct KPITile: Sendable, Equatable, TemplateRow {
    /// The kpis.csv metric key, e.g. `total_ar`, also usable as a CSS class.
    public var key = ""
    public var label = ""
    public var value = ""
    /// `USD`, `days`, `%` or empty.
    public var unit = ""
    public var versusWeek = KPIChange()
    public var versusMonth = KPIChange()
}

/// The change of a figure against an earlier date.
public struct KPIChange: Sendable, Equatable, TemplateRow {
    /// `vs 24 Dec` (the comparison date).
    public var label = ""
    /// Signed, with its unit: `+$12.4K`, `-2.3 days`, `+1.5 pts`; `n/a` when either side is empty.
    public var delta = ""
    /// ▲, ▼ or – (never alone: `text` says it in words).
    public var arrow = ""
    /// up, down or flat.
    public var direction = ""
    /// good, bad or neutral: for CSS (`change-good`) and colour.
    public var assessment = ""
    /// `better`, `worse`, `higher`, `lower`, `unchanged` or `n/a`.
    public var text = ""
    /// The text colour for inline styles (the email): green good, dark orange bad, grey neutral.
    public var color = ""
    public var available = false
}

/// One metric of kpis.csv for people.
public struct KPILine: Sendable, Equatable, TemplateRow {
    public var metric = ""
    public var label = ""
    public var value = ""
}

public struct AgingSection: Sendable, TemplateRow {
    public var buckets: [AgingBucketRow] = []
    public var total = ""
    public var totalShare = ""
    public var totalAllowance = ""
    public var totalDisputed = ""
    public var totalInvoices = ""
}

public struct AgingBucketRow: Sendable, Equatable, TemplateRow {
    public var label = ""
    public var amount = ""
    /// Of total AR, `42.1%`.
    public var share = ""
    /// The bar width for a CSS bar, 0 to 100 (`width:42.1%`).
    public var barWidth = ""
    public var invoices = ""
    public var disputed = ""
    public var allowance = ""
    /// Colour of the bucket in the charts, `#009E73`.
    public var color = ""
}

public struct TrendSection: Sendable, TemplateRow {
    public var bucketLabels: [LabelCell] = []
    /// Oldest first; the last row is the as-of date.
    public var rows: [TrendRow] = []
}

public struct LabelCell: Sendable, Equatable, TemplateRow {
    public var label = ""
}

public struct TrendRow: Sendable, Equatable, TemplateRow {
    public var date = ""
    /// `Dec 2025`, or the as-of date's short form for the last point.
    public var period = ""
    public var totalAR = ""
    public var buckets: [ValueCell] = []
    public var dso = ""
    public var cei = ""
    public var isAsOf = false
}

public struct ValueCell: Sendable, Equatable, TemplateRow {
    public var value = ""
}

public struct TopCustomersSection: Sendable, TemplateRow {
    public var rows: [CustomerRow] = []
    public var count = ""
    /// Customers with a past-due balance, all of them.
    public var customersPastDue = ""
    public var hasRows = false
}

public struct CustomerRow: Sendable, Equatable, TemplateRow {
    public var rank = ""
    public var customerID = ""
    public var name = ""
    public var pastDue = ""
    public var over90 = ""
    public var total = ""
    /// Of all past-due AR.
    public var share = ""
    public var riskScore = ""
    public var riskBand = ""
    public var hasRisk = false
}

public struct ConcentrationRow: Sendable, Equatable, TemplateRow {
    /// `Top 5`.
    public var label = ""
    public var customers = ""
    public var amount = ""
    public var share = ""
    public var barWidth = ""
}

public struct RiskSection: Sendable, TemplateRow {
    public var bands: [RiskBandRow] = []
    public var scoredCustomers = ""
    /// False for an open-items source: its ledger at T-7 holds only today's open invoices, so
    /// the scores at T-7 cannot be rebuilt and no change since T-7 is listed.
    public var changesKnown = true
    /// Customers whose band is high or critical at T and was lower (or unscored) at T-7.
    public var newlyHigh: [RiskChangeRow] = []
    public var newlyHighCount = ""
    public var hasNewlyHigh = false
    public var highOrCriticalCount = ""
    /// The highest risk scores, for the board pack.
    public var top: [RiskCustomerRow] = []
}

public struct RiskBandRow: Sendable, Equatable, TemplateRow {
    /// low, medium, high, critical.
    public var band = ""
    public var label = ""
    public var customers = ""
    public var balance = ""
    public var share = ""
    public var barWidth = ""
    public var color = ""
}

public struct RiskChangeRow: Sendable, Equatable, TemplateRow {
    public var customerID = ""
    public var name = ""
    public var score = ""
    public var band = ""
    /// The band at T-7, or `unscored`.
    public var previousBand = ""
    public var previousScore = ""
    public var reasons = ""
    public var balance = ""
}

public struct WorklistSection: Sendable, TemplateRow {
    /// The top items by priority.
    public var items: [WorklistRow] = []
    public var shown = ""
    public var total = ""
    public var totalPastDue = ""
    public var hasItems = false
    public var hasMore = false
}

public struct WorklistRow: Sendable, Equatable, TemplateRow {
    public var rank = ""
    public var customerID = ""
    public var name = ""
    public var stage = ""
    /// The policy's action, `final_notice`, and for people, `Final notice`.
    public var action = ""
    public var actionLabel = ""
    public var oldestInvoice = ""
    public var daysPastDue = ""
    public var pastDue = ""
    public var riskScore = ""
    public var riskBand = ""
    public var priority = ""
    public var email = ""
    public var phone = ""
    public var hasContact = false
    public var hasPhone = false
    public var hasRisk = false
}

public struct AllowanceSection: Sendable, TemplateRow {
    public var lines: [AllowanceRow] = []
    public var total = ""
    /// Of total AR.
    public var coverage = ""
}

public struct AllowanceRow: Sendable, Equatable, TemplateRow {
    public var bucket = ""
    public var balance = ""
    public var percent = ""
    public var allowance = ""
}

public struct DataQualitySection: Sendable, TemplateRow {
    public var files: [InputFileRow] = []
    public var rowsRead = ""
    public var rowsRejected = ""
    public var rejectRate = ""
    public var reasons: [RejectReasonRow] = []
    public var hasRejects = false
    public var unapplied: [UnappliedSourceRow] = []
    public var unappliedTotal = ""
    public var unappliedItems = ""
    /// The largest unapplied items.
    public var largestUnapplied: [UnappliedItemRow] = []
    public var hasUnapplied = false
}

public struct InputFileRow: Sendable, Equatable, TemplateRow {
    public var file = ""
    public var rows = ""
    public var rejected = ""
}

public struct RejectReasonRow: Sendable, Equatable, TemplateRow {
    /// The reason code, `bad_date`, and for people, `Bad date`.
    public var reason = ""
    public var label = ""
    public var count = ""
}

public struct UnappliedSourceRow: Sendable, Equatable, TemplateRow {
    /// on_account, unknown_invoice, prepayment, excess.
    public var source = ""
    public var label = ""
    public var items = ""
    public var amount = ""
}

public struct UnappliedItemRow: Sendable, Equatable, TemplateRow {
    public var customerID = ""
    public var name = ""
    public var source = ""
    public var reference = ""
    public var date = ""
    public var amount = ""
}

/// A chart as each renderer shows it.
public struct ChartImage: Sendable, Equatable, TemplateRow {
    /// The key under `charts`: `aging`, `agingMix`, `trend`, `topPastDue`, `concentration`.
    public var key = ""
    /// The file name of the PNG in the output folder, `chart_aging.png`.
    public var file = ""
    /// The Content-ID of the inline image in the email (without brackets).
    public var cid = ""
    public var title = ""
    /// A plain-text description of the data: the `alt` text.
    public var alt = ""
    /// Inline SVG markup (HTML report), empty until rendered.
    public var svg = ""
    /// Pixel size of the PNG at 1x, for `width`/`height` attributes in the email.
    public var width = ""
    public var height = ""
    public var available = false
}

public struct ReportCharts: Sendable, TemplateRow {
    public var aging = ChartImage()
    public var agingMix = ChartImage()
    public var trend = ChartImage()
    public var topPastDue = ChartImage()
    public var concentration = ChartImage()
    /// Whether the chart library could draw them (false: the pages show the tables only).
    public var available = false
}

/// Numbers the charts are drawn from, reporting minor units: computed by the analysis, not here.
public struct ReportChartData: Sendable, TemplateRow {
    public var minorUnitsPerMajor: Int64 = 100
    public var bucketLabels: [String] = []
    public var bucketAmounts: [Int64] = []
    public var trendLabels: [String] = []
    public var trendBuckets: [[Int64]] = []
    public var trendDSO: [Double?] = []
    public var trendBPDSO: [Double?] = []
    public var trendCEI: [Double?] = []
    public var topNames: [String] = []
    public var topPastDue: [Int64] = []
    public var topLabels: [String] = []
    public var concentrationLabels: [String] = []
    public var concentrationShares: [Double] = []
    public var concentrationShareLabels: [String] = []
    /// Risk bands low to critical: open AR in each, and its label.
    public var riskBandLabels: [String] = []
    public var riskBandBalances: [Int64] = []
    public var riskBandBalanceLabels: [String] = []
    /// The 13-week forecast, and the back-test's forecast and actual collections per week.
    public var forecastLabels: [String] = []
    public var forecastExpected: [Int64] = []
    public var backTestLabels: [String] = []
    public var backTestForecast: [Int64] = []
    public var backTestActual: [Int64] = []
}
