import ARCore

/// The allowance of one aging bucket.
public struct AllowanceLine: Sendable, Equatable {
    public var bucket: Int
    /// Open AR in the bucket at T, reporting minor units.
    public var balance: Int64
    public var basisPoints: Int64
    /// round_half_away_from_zero(balance × percent / 100), reporting minor units.
    public var allowance: Int64
}

/// Allowance for doubtful accounts by aging percentages (docs/METRICS.md, "Allowance for doubtful accounts").
public struct Allowance: Sendable, Equatable {
    public var lines: [AllowanceLine]

    /// The sum of the rounded bucket allowances.
    public var total: Int64 { lines.reduce(0) { $0 + $1.allowance } }

    /// Exact in integers: balance × basis points / 10,000, rounded half away from zero, per bucket.
    public static func compute(bucketBalances: [Int64], rates: AllowanceRates) -> Allowance {
        Allowance(
            lines: bucketBalances.indices.map { bucket in
                let points = rates.basisPoints[bucket]
                let allowance = Decimal10.divideRoundingHalfAway(Int128(bucketBalances[bucket]) * Int128(points), by: 10_000)
                return AllowanceLine(
                    bucket: bucket, balance: bucketBalances[bucket], basisPoints: points, allowance: Int64(allowance))
            })
    }
}
