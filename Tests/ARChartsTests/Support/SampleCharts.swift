import ARCharts

/// The five charts with realistic inputs, in two variants each, so tests can check that different data
/// gives different pictures. Amounts are already formatted, as the report model would hand them over.
enum SampleChart: String, CaseIterable, Sendable, CustomStringConvertible {
    case agingBuckets
    case agingMix
    case trends
    case topCustomers
    case concentration

    var description: String { rawValue }

    /// The size each chart is drawn at in the board pack: half an A4 landscape page.
    static let size = Size(width: 380, height: 250)

    func chart(variant: Int = 0) -> any Chart {
        switch self {
        case .agingBuckets: SampleData.agingBuckets(variant: variant)
        case .agingMix: SampleData.agingMix(variant: variant)
        case .trends: SampleData.trends(variant: variant)
        case .topCustomers: SampleData.topCustomers(variant: variant)
        case .concentration: SampleData.concentration(variant: variant)
        }
    }

    /// A label each chart must show (for SVG `<desc>` checks).
    var expectedLabel: String {
        switch self {
        case .agingBuckets: "61–90"
        case .agingMix: "Mar 25"
        case .trends: "BPDSO"
        case .topCustomers: "Northwind Traders"
        case .concentration: "Top 10 customers"
        }
    }

    /// The same chart with empty input: it must draw a "No data" state.
    var empty: any Chart {
        switch self {
        case .agingBuckets: AgingBucketsChart(title: "Aging", buckets: [])
        case .agingMix: AgingMixChart(title: "Aging mix", seriesNames: [], periods: [])
        case .trends: TrendChart(title: "Trends", periodLabels: [], panels: [])
        case .topCustomers: TopCustomersChart(title: "Top customers", customers: [])
        case .concentration: ConcentrationChart(title: "Concentration", groups: [])
        }
    }
}

enum SampleData {
    static let months = [
        "Apr 24", "May 24", "Jun 24", "Jul 24", "Aug 24", "Sep 24", "Oct 24", "Nov 24", "Dec 24", "Jan 25", "Feb 25",
        "Mar 25",
    ]
    static let bucketNames = ["Current", "1–30", "31–60", "61–90", "90+"]

    static func agingBuckets(variant: Int) -> AgingBucketsChart {
        // Cents, as the ledger holds them: $4,120,450.00 current and so on.
        let cents: [Int64] =
            variant == 0
            ? [412_045_000, 168_230_000, 74_512_000, 31_870_000, 52_300_000]
            : [250_000_000, 40_000_000, 120_000_000, 90_000_000, -15_000_000]
        let formatted =
            variant == 0
            ? ["$4.12M", "$1.68M", "$745k", "$319k", "$523k"] : ["$2.5M", "$400k", "$1.2M", "$900k", "−$150k"]
        return AgingBucketsChart(
            title: "Open receivables by age",
            subtitle: "As of 31 Mar 2025 · total $7.29M",
            buckets: zip(zip(bucketNames, cents), formatted).map { pair, label in
                .init(label: pair.0, minorUnits: pair.1, amountLabel: label)
            },
            note: "Days past due date; credits netted per customer.")
    }

    static func agingMix(variant: Int) -> AgingMixChart {
        let periods = months.enumerated().map { index, month in
            let drift = Double(index) * (variant == 0 ? 0.03 : -0.02)
            let total = 6_000_000 + Double(index) * 110_000
            let shares = [0.58 - drift, 0.2, 0.1 + drift / 2, 0.05 + drift / 4, 0.07 + drift / 4]
            return AgingMixChart.Period(label: month, amounts: shares.map { $0 * total })
        }
        return AgingMixChart(
            title: "Aging mix, last 12 month ends", subtitle: "Share of open AR by days past due",
            seriesNames: bucketNames, periods: periods, mode: variant == 0 ? .shareOfTotal : .amounts)
    }

    static func trends(variant: Int) -> TrendChart {
        let dso: [Double?] = [52, 51, 53, 55, 54, 56, 58, 57, 55, 54, 52, variant == 0 ? 49.6 : 61]
        let bpdso: [Double?] = [38, 38, 39, 39, 38, 39, 40, 40, 39, 39, nil, 38.2]
        let cei: [Double?] = [
            0.81, 0.83, 0.82, 0.79, 0.78, 0.8, 0.77, 0.79, 0.82, 0.84, 0.85, variant == 0 ? 0.861 : 0.7,
        ]
        return TrendChart(
            title: "Collection performance", subtitle: "Month-end values, last 12 months",
            periodLabels: months,
            panels: [
                .init(
                    title: "Days outstanding",
                    series: [
                        .init(name: "DSO", values: dso, latestLabel: variant == 0 ? "49.6 d" : "61 d"),
                        .init(name: "BPDSO", values: bpdso, latestLabel: "38.2 d"),
                    ],
                    axisFormatter: .number(maxFractionDigits: 0), includesZero: true),
                .init(
                    title: "Collection effectiveness (CEI)",
                    series: [.init(name: "CEI", values: cei)],
                    axisFormatter: .percent(maxFractionDigits: 1), domain: 0.5...1),
            ])
    }

    static func topCustomers(variant: Int) -> TopCustomersChart {
        let names = [
            "Northwind Traders", "Contoso Pharmaceuticals International Holdings GmbH & Co. KG", "Fabrikam Inc.",
            "Adventure Works Cycles", "Tailspin Toys", "Wide World Importers", "Litware Ltd",
            "Proseware, Inc.", "Alpine Ski House", "Coho Winery",
        ]
        let amounts: [Double] = [
            612_400, 480_120, 355_000, 298_700, 240_150, 198_000, 151_900, 120_400, 98_300,
            variant == 0 ? 75_020 : -42_000,
        ]
        let customers = zip(names, amounts).enumerated().map { index, pair in
            TopCustomersChart.Customer(
                name: pair.0, amount: pair.1, amountLabel: AxisFormatter.compactCurrency()(pair.1),
                detail: index < 3 ? "\(90 - index * 20) days" : nil)
        }
        return TopCustomersChart(
            title: "Top 10 customers by past-due balance", subtitle: "Past due at 31 Mar 2025; oldest item in grey",
            customers: variant == 0 ? customers : Array(customers.reversed()))
    }

    static func concentration(variant: Int) -> ConcentrationChart {
        let shares = variant == 0 ? [0.312, 0.468, 0.641] : [0.12, 0.2, 0.33]
        return ConcentrationChart(
            title: "Concentration of open AR", subtitle: "Share held by the largest customers",
            groups: zip(["Top 5 customers", "Top 10 customers", "Top 20 customers"], shares).map { label, share in
                .init(label: label, share: share, detail: AxisFormatter.compactCurrency()(share * 7_290_000))
            })
    }
}
