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

    /// Appends strings given as their bytes, one after another, and where each will end in the
    /// arena (its byte count before the append plus the string's end in `values`).
    mutating func append(_ values: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<UInt32>) {
        precondition(ends.last.map { Int($0) == bytes.count + values.count } ?? values.isEmpty, "ends not in the arena")
        bytes.append(contentsOf: values)
        starts.append(contentsOf: ends)
    }

    /// Appends every string of `other`, in order.
    mutating func append(_ other: ByteArena) {
        let offset = UInt32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        starts.append(contentsOf: other.starts.dropFirst().lazy.map { $0 + offset })
    }

    var byteCount: Int { bytes.count }

    /// Empties the arena, keeping its storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
    }

    public func isEmpty(_ index: Int) -> Bool { starts[index] == starts[index + 1] }

    public func string(_ index: Int) -> String {
        bytes.withUnsafeBufferPointer {
            String(
                decoding: UnsafeBufferPointer(rebasing: $0[Int(starts[index])..<Int(starts[index + 1])]), as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of string `index`.
    public func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[Int(starts[index])..<Int(starts[index + 1])]))
        }
    }
}

/// Short byte strings on their way to a `ByteArena`, copied into a buffer allocated once and
/// appended to the arena together: appending each string on its own checked the arena's two
/// arrays for uniqueness and room every time. Used by one thread at a time.
struct StagedStrings {
    private var bytes = StagedBytes(capacity: 1024)
    /// Where each staged string ends in `bytes`.
    private let ends: FixedSlots<UInt32>
    private var count = 0

    /// Room for `capacity` strings (flush before adding more).
    init(capacity: Int) {
        ends = FixedSlots(capacity, repeating: 0)
    }

    /// Whether `value` fits beside the strings staged (else flush first; a string longer than
    /// the whole buffer never fits, and goes to the arena on its own).
    func fits(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.fits(value.count) && count < ends.count
    }

    /// Stages `value`, which must fit.
    mutating func add(_ value: UnsafeBufferPointer<UInt8>) {
        ends[count] = UInt32(bytes.append(value).upperBound)
        count += 1
    }

    mutating func flush(into arena: inout ByteArena) {
        guard count > 0 else { return }
        let base = UInt32(arena.byteCount)
        for index in 0..<count { ends[index] += base }
        arena.append(bytes.all, ends: ends.prefix(count))
        count = 0
        bytes.removeAll()
    }
}
