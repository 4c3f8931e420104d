/// How a piece of text looks: family, size in points, weight and colour.
public struct TextStyle: Hashable, Sendable {
    public enum Weight: Hashable, Sendable {
        case regular
        case bold
    }

    /// The font family asked of Cairo. Cairo silently falls back when a family is missing, so the
    /// default is DejaVu Sans, which `scripts/install-deps.sh` installs (fonts-dejavu-core).
    public var family: String
    public var size: Double
    public var weight: Weight
    public var color: Color

    public init(family: String = TextStyle.defaultFamily, size: Double, weight: Weight = .regular, color: Color) {
        self.family = family
        self.size = size
        self.weight = weight
        self.color = color
    }

    /// The same style with another size.
    public func sized(_ size: Double) -> TextStyle {
        var copy = self
        copy.size = size
        return copy
    }

    /// The same style with another colour.
    public func colored(_ color: Color) -> TextStyle {
        var copy = self
        copy.color = color
        return copy
    }

    /// The same style in bold.
    public var bold: TextStyle {
        var copy = self
        copy.weight = .bold
        return copy
    }

    public static let defaultFamily = "DejaVu Sans"
}
