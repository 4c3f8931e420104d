import Testing

@testable import ARCore

@Suite("ShortBytes.equal: ids compared inline")
struct ShortBytesTests {
    @Test("lengths 0 to 24, equal and differing at each position, never reading past either")
    func everyPosition() {
        for count in 0...24 {
            // Exactly `count` bytes each, so a read past the end would be a read past the allocation.
            let a = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
            let b = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
            defer {
                a.deallocate()
                b.deallocate()
            }
            for i in 0..<count {
                a[i] = UInt8(48 + i % 10)
                b[i] = a[i]
            }
            #expect(ShortBytes.equal(a, b, count: count))
            for i in 0..<count {
                b[i] ^= 0x20
                #expect(!ShortBytes.equal(a, b, count: count), "length \(count), byte \(i)")
                b[i] ^= 0x20
            }
        }
    }

    @Test("equal prefixes in longer buffers that differ right after: equal, so nothing past count was compared")
    func nothingPastCount() {
        for count in 0...24 {
            var a = [UInt8](repeating: 0x41, count: 40)
            var b = a
            for i in count..<40 {
                a[i] = 0x30
                b[i] = 0x31
            }
            let equal = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in ShortBytes.equal(a.baseAddress!, b.baseAddress!, count: count) }
            }
            #expect(equal, "length \(count)")
        }
    }
}
