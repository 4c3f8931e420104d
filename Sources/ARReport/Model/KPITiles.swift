import ARAnalysis
import ARCore
import ARSQLite

/// The figures a tile shows, from the ledger's analysis at a date or from a recorded run.
struct TileFigures {
    var totalAR: Int64
    var currentAR: Int64
    var pastDueAR: Int64
    var over90AR: Int64
    var disputedAR: Int64
    var unapplied: Int64
    var dso: Double?
    var cei: Double?

    init(_ kpis: KPIs) {
        totalAR = kpis.totalAR
        currentAR = kpis.currentAR
        pastDueAR = kpis.pastDueAR
        over90AR = kpis.over90AR
        disputedAR = kpis.disputedAR
        unapplied = kpis.unapplied
        dso = kpis.dso
        cei = kpis.cei
    }

    init(_ record: HistoryRecord) {
        totalAR = record.totalAR
        currentAR = record.currentAR
        pastDueAR = record.pastDueAR
        over90AR = record.over90AR
        disputedAR = record.disputedAR
        unapplied = record.unapplied
        dso = record.dso
        cei = record.cei
    }
}

/// What a tile's change is measured against, and its label (`vs 24 Mar`).
struct TileComparison {
    var figures: TileFigures?
    var label: String
}

/// The headline tiles with their changes against T-7 and the previous month end.
struct KPITiles {
    /// Whether a rise is good, bad, or neither (AR grows with sales, so its size alone is no verdict).
    enum Polarity {
        case higherIsBetter, lowerIsBetter, neutral
    }

    /// How a value and its change are written.
    enum Kind {
        case money, days, percent
    }

    var headline: [KPITile] = []
    var balances: [KPITile] = []

    /// `week` and `month` are the ledger at T-7 and the previous month end; for a source without
    /// history (open items) they are the recorded runs instead, or nothing (docs/METRICS.md, "Run history").
    init(now kpis: KPIs, week: TileComparison, month: TileComparison, hasHistory: Bool) {
        let currency = kpis.currency
        let now = TileFigures(kpis)
        func tile(
            _ key: String, _ label: String, _ kind: Kind, _ polarity: Polarity, _ value: (TileFigures) -> Double?,
            history: Bool = false
        ) -> KPITile {
            let usable = !history || hasHistory
            let current = usable ? value(now) : nil
            var tile = KPITile()
            tile.key = key
            tile.label = label
            switch kind {
            case .money:
                tile.value = current.map { DisplayFormat.compactMoney(Int64($0), currency) } ?? "n/a"
                tile.unit = ""
            case .days:
                tile.value = DisplayFormat.oneDecimal(current).isEmpty ? "n/a" : DisplayFormat.oneDecimal(current)
                tile.unit = "days"
            case .percent:
                tile.value = DisplayFormat.percent(current).isEmpty ? "n/a" : DisplayFormat.percent(current)
                tile.unit = ""
            }
            tile.versusWeek = Self.change(
                current, usable ? week.figures.flatMap(value) : nil, kind: kind, polarity: polarity, currency: currency,
                label: week.label)
            tile.versusMonth = Self.change(
                current, usable ? month.figures.flatMap(value) : nil, kind: kind, polarity: polarity,
                currency: currency, label: month.label)
            return tile
        }
        func over90Share(_ k: TileFigures) -> Double? { k.totalAR == 0 ? nil : Double(k.over90AR) / Double(k.totalAR) * 100 }
        headline = [
            tile("total_ar", "Total AR", .money, .neutral, { Double($0.totalAR) }),
            tile("dso", "DSO", .days, .lowerIsBetter, { $0.dso }, history: true),
            tile("cei", "CEI", .percent, .higherIsBetter, { $0.cei }, history: true),
            tile("over_90_share", "Over 90 days", .percent, .lowerIsBetter, over90Share),
        ]
        balances = [
            tile("current_ar", "Current", .money, .neutral, { Double($0.currentAR) }),
            tile("past_due_ar", "Past due", .money, .lowerIsBetter, { Double($0.pastDueAR) }),
            tile("disputed_ar", "Disputed", .money, .lowerIsBetter, { Double($0.disputedAR) }),
            tile("unapplied", "Unapplied cash", .money, .lowerIsBetter, { Double($0.unapplied) }),
        ]
    }

    /// The change from `before` to `now`: signed delta in the value's unit, arrow, words and verdict.
    static func change(
        _ now: Double?, _ before: Double?, kind: Kind, polarity: Polarity, currency: Currency, label: String
    ) -> KPIChange {
        var change = rawChange(now, before, kind: kind, polarity: polarity, currency: currency, label: label)
        change.color = colors[change.assessment] ?? "#52606D"
        return change
    }

    static func rawChange(
        _ now: Double?, _ before: Double?, kind: Kind, polarity: Polarity, currency: Currency, label: String
    ) -> KPIChange {
        var change = KPIChange()
        change.label = label
        guard let now, let before, now.isFinite, before.isFinite else {
            change.delta = "n/a"
            change.arrow = "–"
            change.direction = "flat"
            change.assessment = "neutral"
            change.text = "n/a"
            return change
        }
        change.available = true
        let delta: Double
        switch kind {
        case .money:
            let minor = Int64(now) - Int64(before)
            delta = Double(minor)
            let sign = minor > 0 ? "+" : ""
            var text = sign + DisplayFormat.compactMoney(minor, currency)
            if before != 0 { text += " (" + (minor > 0 ? "+" : "") + DisplayFormat.percent(delta / abs(before) * 100) + ")" }
            change.delta = text
        case .days:
            delta = (now * 10).rounded() / 10 - (before * 10).rounded() / 10
            change.delta = (delta > 0 ? "+" : "") + DisplayFormat.oneDecimal(delta) + " days"
        case .percent:
            delta = (now * 10).rounded() / 10 - (before * 10).rounded() / 10
            change.delta = (delta > 0 ? "+" : "") + DisplayFormat.oneDecimal(delta) + " pts"
        }
        if abs(delta) < 0.05 || (kind == .money && delta == 0) {
            change.arrow = "–"
            change.direction = "flat"
            change.assessment = "neutral"
            change.text = "unchanged"
            change.delta =
                kind == .money ? "±" + DisplayFormat.compactMoney(0, currency) : "0.0" + (kind == .days ? " days" : " pts")
            return change
        }
        let up = delta > 0
        change.arrow = up ? "▲" : "▼"
        change.direction = up ? "up" : "down"
        switch polarity {
        case .neutral:
            change.assessment = "neutral"
            change.text = up ? "higher" : "lower"
        case .higherIsBetter:
            change.assessment = up ? "good" : "bad"
            change.text = up ? "better" : "worse"
        case .lowerIsBetter:
            change.assessment = up ? "bad" : "good"
            change.text = up ? "worse" : "better"
        }
        return change
    }

    static let colors = ["good": "#00765A", "bad": "#B34A00", "neutral": "#52606D"]
}
