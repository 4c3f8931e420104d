import ARAnalysis

extension AnalysisResult {
    /// The result for an open-items source, which holds no payment history: the figures
    /// that need it are cleared rather than reported wrong (docs/METRICS.md, "Profiles").
    /// The trend keeps only the as-of point, without DSO and CEI; roll rates (month-end
    /// history) and the forecast back-test (payments after T-91) are left empty.
    public func withoutHistory() -> AnalysisResult {
        var result = self
        result.kpis.salesWindow = 0
        result.kpis.dso = nil
        result.kpis.bpdso = nil
        result.kpis.add = nil
        result.kpis.cei = nil
        result.kpis.turnover = nil
        result.kpis.avgDaysToPay = nil
        result.kpis.avgDaysLate = nil
        result.rollRates = []
        result.backTest.weeks = []
        if var last = result.trend.last {
            last.dso = nil
            last.cei = nil
            last.bpdso = nil
            result.trend = [last]
        }
        return result
    }
}
