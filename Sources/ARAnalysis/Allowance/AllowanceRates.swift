/// Allowance percentages per aging bucket, in basis points (hundredths of a percent):
/// 250 = 2.50 % (docs/METRICS.md, "Allowance for doubtful accounts").
public struct AllowanceRates: Sendable, Equatable {
    /// One per bucket, in bucket order.
    public var basisPoints: [Int64]

    public init(basisPoints: [Int64]) {
        self.basisPoints = basisPoints
    }

    /// The default schedule, keyed on each bucket's first day past due: current 1 %,
    /// up to 30 days 3 %, up to 60 days 6 %, up to 90 days 10 %, up to 120 days 25 %, beyond 50 %.
    /// With the standard edges: current 1, 1-30 3, 31-60 6, 61-90 10, 91-120 25, 121+ 50.
    public static func standard(for buckets: AgingBuckets) -> AllowanceRates {
        var rates: [Int64] = [100]
        var firstDay: Int32 = 1
        for edge in buckets.edges + [Int32.max] {
            switch firstDay {
            case ...30: rates.append(300)
            case ...60: rates.append(600)
            case ...90: rates.append(1000)
            case ...120: rates.append(2500)
            default: rates.append(5000)
            }
            if edge < Int32.max { firstDay = edge + 1 }
        }
        return AllowanceRates(basisPoints: rates)
    }
}
