/// One value per risk factor, in `RiskFactor.allCases` order, held inline: a scorecard scores
/// every customer (200,000 at 5M invoices, at T and at T-7), and three small arrays per
/// customer (raw values, factors, reasons) were a third of the scoring's time in malloc.
public struct RiskFactorValues: Sendable, Equatable {
    /// Lanes 0..<6 hold the factors; the last two stay 0.
    private var lanes = SIMD8<Double>()

    /// The number of factors.
    public static let count = 6

    /// Every factor 0.
    public init() {}

    /// One value per factor, by name.
    public init(late: Double, pastDue: Double, severe: Double, utilization: Double, trend: Double, disputes: Double) {
        lanes = SIMD8(late, pastDue, severe, utilization, trend, disputes, 0, 0)
    }

    /// `values` in `RiskFactor.allCases` order: exactly one per factor.
    public init(_ values: [Double]) {
        precondition(values.count == Self.count, "a risk factor value for each of the \(Self.count) factors")
        for index in values.indices { lanes[index] = values[index] }
    }

    /// The value of factor `index` in `RiskFactor.allCases` order.
    @inline(__always)
    public subscript(index: Int) -> Double {
        get {
            precondition(index >= 0 && index < Self.count, "risk factor index \(index) out of range")
            return lanes[index]
        }
        set {
            precondition(index >= 0 && index < Self.count, "risk factor index \(index) out of range")
            lanes[index] = newValue
        }
    }

    /// The values as an array, in `RiskFactor.allCases` order.
    public var array: [Double] { (0..<Self.count).map { lanes[$0] } }
}
