/// Colour-blind-safe colours (Okabe & Ito, "Color Universal Design", 2008) and the ramps built from them.
///
/// Blue against orange/vermillion stays distinct under protanopia, deuteranopia and tritanopia, and the
/// aging ramp also varies in lightness, so it still reads in greyscale print.
public enum Palette {
    public static let blue = Color(hex: 0x0072B2)
    public static let vermillion = Color(hex: 0xD55E00)
    public static let bluishGreen = Color(hex: 0x009E73)
    public static let orange = Color(hex: 0xE69F00)
    public static let reddishPurple = Color(hex: 0xCC79A7)
    public static let skyBlue = Color(hex: 0x56B4E9)
    public static let yellow = Color(hex: 0xF0E442)

    /// Colours for unordered series (lines, legends), in the order to use them. Yellow is left out: it
    /// disappears on white paper.
    public static let categorical: [Color] = [blue, vermillion, bluishGreen, orange, reddishPurple, skyBlue]

    /// The categorical colour for series `index`, cycling when there are more series than colours.
    public static func categorical(_ index: Int) -> Color {
        categorical[((index % categorical.count) + categorical.count) % categorical.count]
    }

    /// Colours for `count` aging buckets ordered from current to oldest: blue for the first (not yet
    /// due), then a light-amber-to-dark-vermillion ramp for the past-due buckets, darker meaning older.
    public static func aging(count: Int) -> [Color] {
        guard count > 0 else { return [] }
        if count == 1 { return [blue] }
        let stops = [Color(hex: 0xF5C46E), orange, vermillion, Color(hex: 0x8C2D04)]
        let pastDue = count - 1
        return [blue]
            + (0..<pastDue).map { index in
                let t = pastDue == 1 ? 0.5 : Double(index) / Double(pastDue - 1) * Double(stops.count - 1)
                let lower = min(Int(t), stops.count - 2)
                return stops[lower].mixed(with: stops[lower + 1], t - Double(lower))
            }
    }
}
