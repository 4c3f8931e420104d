/// Many short byte strings in one array: string i is `bytes[starts[i]..<starts[i+1]]`.
public struct ByteArena: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var starts: [UInt32] = [0]

    public init() {}

    public var count: Int { starts.count - 1 }

    public mutating func reserve(strings: Int, bytes: Int) {
        starts.reserveCapacity(strings + 1)
        self.bytes.reserveCapacity(bytes)
    }

    public mutating func append(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
        starts.append(UInt32(bytes.count))
    }

    /// Empties the arena, keeping its storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
    }

    public func isEmpty(_ index: Int) -> Bool { starts[index] == starts[index + 1] }

    public func string(_ index: Int) -> String {
        bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(starts[index])..<Int(starts[index + 1])]), as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of string `index`.
    public func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[Int(starts[index])..<Int(starts[index + 1])]))
        }
    }
}
