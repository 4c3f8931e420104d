/// The typography, colours and spacing every chart shares, so a board pack looks like one document.
///
/// Sizes are in points at the size the chart is drawn: with the default theme a chart drawn at
/// 360 × 240 pt or larger on A4 keeps all text at 8 pt or more.
public struct ChartTheme: Hashable, Sendable {
    public var background: Color?
    public var title: TextStyle
    public var subtitle: TextStyle
    public var axisLabel: TextStyle
    public var valueLabel: TextStyle
    public var legend: TextStyle
    public var note: TextStyle
    /// Horizontal grid lines behind the data.
    public var gridColor: Color
    /// The zero line and the category axis.
    public var baselineColor: Color
    /// Track behind share bars and other "remainder" shapes.
    public var trackColor: Color
    /// The colour of a single-series bar chart.
    public var accent: Color
    /// Space between the chart's frame and its content.
    public var padding: Double
    /// Width of trend lines.
    public var lineWidth: Double

    public init(
        background: Color?, title: TextStyle, subtitle: TextStyle, axisLabel: TextStyle, valueLabel: TextStyle,
        legend: TextStyle, note: TextStyle, gridColor: Color, baselineColor: Color, trackColor: Color,
        accent: Color, padding: Double, lineWidth: Double
    ) {
        self.background = background
        self.title = title
        self.subtitle = subtitle
        self.axisLabel = axisLabel
        self.valueLabel = valueLabel
        self.legend = legend
        self.note = note
        self.gridColor = gridColor
        self.baselineColor = baselineColor
        self.trackColor = trackColor
        self.accent = accent
        self.padding = padding
        self.lineWidth = lineWidth
    }

    /// Near-black text for titles and data labels; softer greys for supporting text.
    public static let ink = Color(hex: 0x1F2933)
    public static let secondaryInk = Color(hex: 0x52606D)
    public static let tertiaryInk = Color(hex: 0x7B8794)

    /// The house style: DejaVu Sans, white background, Okabe-Ito colours, 8 pt minimum text.
    public static let standard = ChartTheme(
        background: .white,
        title: TextStyle(size: 12, weight: .bold, color: ink),
        subtitle: TextStyle(size: 9, color: secondaryInk),
        axisLabel: TextStyle(size: 8, color: secondaryInk),
        valueLabel: TextStyle(size: 8, color: ink),
        legend: TextStyle(size: 8, color: secondaryInk),
        note: TextStyle(size: 8, color: tertiaryInk),
        gridColor: Color(hex: 0xE4E7EB),
        baselineColor: Color(hex: 0x9AA5B1),
        trackColor: Color(hex: 0xEEF0F3),
        accent: Palette.blue,
        padding: 12,
        lineWidth: 2
    )

    /// The standard theme without a background fill, for drawing onto a page that has its own.
    public static let transparent: ChartTheme = {
        var theme = ChartTheme.standard
        theme.background = nil
        return theme
    }()

    /// For charts placed on a laid-out page: no background and no padding, so the chart's title and
    /// plot line up with the page's own margins and headings.
    public static let embedded: ChartTheme = {
        var theme = ChartTheme.transparent
        theme.padding = 0
        return theme
    }()
}
