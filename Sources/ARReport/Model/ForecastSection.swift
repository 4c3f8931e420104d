/// The 13-week cash forecast and its back-test, formatted (docs/METRICS.md, "Cash forecast").
public struct ForecastSection: Sendable, TemplateRow {
    /// Weeks 1 to 13.
    public var weeks: [ForecastWeekRow] = []
    /// Expected in the 13 weeks, after them, and unlikely to be collected.
    public var next13Weeks = ""
    public var beyond = ""
    public var unlikely = ""
    /// The back-test's as-of date (T-91), ISO and long.
    public var backTestAsOf = ""
    public var backTestAsOfLong = ""
    public var backTest: [BackTestRow] = []
    public var backTestForecast = ""
    public var backTestActual = ""
    /// Weighted absolute percentage error over the 13 weeks, `18.4%`, or `n/a`.
    public var wape = ""
    public var hasBackTest = false
}

public struct ForecastWeekRow: Sendable, Equatable, TemplateRow {
    /// `W1`.
    public var week = ""
    /// `1 Jan – 7 Jan`.
    public var dates = ""
    public var expected = ""
}

public struct BackTestRow: Sendable, Equatable, TemplateRow {
    public var week = ""
    public var dates = ""
    public var forecast = ""
    public var actual = ""
    /// Forecast minus actual, signed.
    public var error = ""
}

/// A scored customer among the highest risk scores.
public struct RiskCustomerRow: Sendable, Equatable, TemplateRow {
    public var rank = ""
    public var customerID = ""
    public var name = ""
    public var score = ""
    public var band = ""
    /// The factors that drive the score, `Days past due, Disputes`.
    public var reasons = ""
    public var balance = ""
    public var pastDue = ""
}
