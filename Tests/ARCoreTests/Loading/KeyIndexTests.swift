import Testing

@testable import ARCore

@Suite("KeyIndex: ids to dense indices")
struct KeyIndexTests {
    @Test("keys get 0, 1, 2, ... in order of first insertion; a repeat is found, not added")
    func denseIndices() {
        var index = KeyIndex()
        #expect(index.insert("INV-1") == (0, true))
        #expect(index.insert("INV-2") == (1, true))
        #expect(index.insert("INV-1") == (0, false))
        #expect(index.insert("") == (2, true))
        #expect(index.insert("") == (2, false))
        #expect(index.count == 3)
        #expect(index.keys == ["INV-1", "INV-2", ""])
        #expect(index.find("INV-2") == 1)
        #expect(index.find("INV-3") == nil)
        #expect(index.find("INV-") == nil)
    }

    @Test("keys that differ only after their first 16 bytes, or only in length, stay apart")
    func longKeys() {
        var index = KeyIndex()
        let base = "ACME-CORPORATION-INVOICE-2025-000"
        #expect(index.insert(base + "1").index == 0)
        #expect(index.insert(base + "2").index == 1)
        #expect(index.insert(base).index == 2)
        #expect(index.insert(base + "1 ").index == 3)
        #expect(index.find(base + "2") == 1)
        #expect(index.find(base + "3") == nil)
        #expect(index.key(3) == base + "1 ")
    }

    @Test("keys compare as their Strings do: ASCII by bytes, a prefix first, other text as Strings")
    func keyOrder() {
        var index = KeyIndex()
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are one String: neither precedes.
        let keys = ["INV-10", "INV-9", "INV-1", "inv-1", "", "Ab", "é", "e\u{301}", "f", "Z"]
        for key in keys { _ = index.insert(key) }
        var wrong: [String] = []
        for a in keys.indices {
            for b in keys.indices where index.keyPrecedes(a, b) != (keys[a] < keys[b]) {
                wrong.append("\(keys[a]) vs \(keys[b])")
            }
        }
        #expect(wrong.isEmpty)
        #expect(index.keyPrecedes(0, 1))  // "INV-10" < "INV-9", as text
        #expect(index.keyPrecedes(2, 0))  // a prefix first
        #expect(!index.keyPrecedes(6, 7) && !index.keyPrecedes(7, 6))
    }

    @Test("growing from the smallest table keeps every key and its index")
    func growth() {
        var index = KeyIndex(capacity: 1)
        for i in 0..<50_000 { #expect(index.insert("C\(i)").inserted) }
        var misplaced = 0
        for i in 0..<50_000 where index.find("C\(i)") != Int32(i) { misplaced += 1 }
        #expect(misplaced == 0)
        #expect(index.find("C50000") == nil)
        #expect(index.count == 50_000)
    }

    /// Slots keep 32 bits of the hash, so distinct keys can share them; the bytes decide.
    /// The two keys also share their first slot in a 16-slot table, so the second one's probe meets the first.
    @Test("two different keys with the same hash bits and first slot are told apart by their bytes")
    func sharedHashBits() throws {
        let (first, second) = try #require(KeyIndexTests.keysSharingHashBits())
        #expect(first != second)
        #expect(KeyIndexTests.tagAndSlot(first) == KeyIndexTests.tagAndSlot(second))

        var index = KeyIndex(capacity: 2)
        #expect(index.insert(first) == (0, true))
        #expect(index.find(second) == nil)
        #expect(index.insert(second) == (1, true))
        #expect(index.insert(second) == (1, false))
        #expect(index.find(first) == 0)
        #expect(index.find(second) == 1)
    }

    /// The hash bits a slot keeps, and the first slot of the key in the smallest (16-slot) table.
    static func tagAndSlot(_ key: String) -> UInt64 {
        var bytes = Array(key.utf8)
        return bytes.withUnsafeMutableBufferPointer {
            let probe = KeyIndex.Probe(UnsafeBufferPointer($0))
            return probe.tag | (probe.hash & 15)
        }
    }

    /// 36 bits to match: by the birthday bound, a million keys hold such a pair with near certainty.
    static func keysSharingHashBits() -> (String, String)? {
        var seen: [UInt64: String] = [:]
        for i in 0..<1_000_000 {
            let key = "INV\(i)"
            if let earlier = seen.updateValue(key, forKey: tagAndSlot(key)) { return (earlier, key) }
        }
        return nil
    }
}
