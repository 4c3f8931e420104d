/// A point in user space: PDF points (1/72 in), also the unit of PNG and SVG sizes before scaling.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A width and height in points.
public struct Size: Hashable, Sendable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

/// An axis-aligned rectangle in points, origin at the top left, y growing downwards (Cairo's convention).
public struct Rect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// A rectangle at the origin with the given size.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }
    public var size: Size { Size(width: width, height: height) }

    /// The rectangle shrunk by the given margins (negative values grow it); never narrower than zero.
    public func inset(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) -> Rect {
        Rect(
            x: x + left, y: y + top,
            width: max(0, width - left - right), height: max(0, height - top - bottom))
    }

    /// The rectangle shrunk by the same margin on every side.
    public func inset(by margin: Double) -> Rect {
        inset(top: margin, left: margin, bottom: margin, right: margin)
    }

    /// Splits off a band of `amount` points from the top: (band, remainder).
    public func splitTop(_ amount: Double) -> (top: Rect, rest: Rect) {
        let a = min(max(0, amount), height)
        return (Rect(x: x, y: y, width: width, height: a), Rect(x: x, y: y + a, width: width, height: height - a))
    }

    /// Splits off a band of `amount` points from the bottom: (band, remainder).
    public func splitBottom(_ amount: Double) -> (bottom: Rect, rest: Rect) {
        let a = min(max(0, amount), height)
        return (
            Rect(x: x, y: maxY - a, width: width, height: a), Rect(x: x, y: y, width: width, height: height - a)
        )
    }
}
