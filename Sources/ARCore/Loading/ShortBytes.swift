/// Byte comparison for short identifiers, inline: `memcmp` is a call through the PLT, and the
/// ids compared millions of times a run (invoice and customer ids) are ten bytes or so.
enum ShortBytes {
    /// Whether the `count` bytes at `a` and at `b` are equal; reads nothing past either.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        let rawA = UnsafeRawPointer(a)
        let rawB = UnsafeRawPointer(b)
        var offset = 0
        while offset + 8 <= count {
            if rawA.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != rawB.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }
}

extension ShortBytes {
    /// The byte order of `a` against `b` (negative, zero or positive), as `memcmp` and then the
    /// shorter first: eight bytes at a time, loaded big-endian so that integer order is byte order.
    @inline(__always)
    static func compare(_ a: UnsafePointer<UInt8>, _ countA: Int, _ b: UnsafePointer<UInt8>, _ countB: Int) -> Int {
        let rawA = UnsafeRawPointer(a)
        let rawB = UnsafeRawPointer(b)
        let common = min(countA, countB)
        var offset = 0
        while offset + 8 <= common {
            let x = UInt64(bigEndian: rawA.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let y = UInt64(bigEndian: rawB.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            if x != y { return x < y ? -1 : 1 }
            offset += 8
        }
        while offset < common {
            if a[offset] != b[offset] { return a[offset] < b[offset] ? -1 : 1 }
            offset += 1
        }
        return countA - countB
    }
}
