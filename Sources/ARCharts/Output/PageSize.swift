/// A PDF page size in points.
public struct PageSize: Hashable, Sendable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The page as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The same paper turned sideways.
    public var rotated: PageSize { PageSize(width: height, height: width) }

    /// ISO A4, 210 × 297 mm.
    public static let a4Portrait = PageSize(width: 595.276, height: 841.89)
    public static let a4Landscape = a4Portrait.rotated
    /// US Letter, 8.5 × 11 in.
    public static let letterPortrait = PageSize(width: 612, height: 792)
    public static let letterLandscape = letterPortrait.rotated
}
