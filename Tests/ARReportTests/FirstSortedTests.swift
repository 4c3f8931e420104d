import Testing

@testable import ARReport

@Suite("firstSorted: the top of a ranking without a full sort")
struct FirstSortedTests {
    @Test("equals the prefix of the full (stable) sort, ties included", arguments: [0, 1, 3, 10, 99, 100, 150])
    func matchesFullSort(_ count: Int) {
        // Pseudo-random keys with many ties; the payload records the original position.
        var state: UInt64 = 42
        let items = (0..<100).map { position -> (key: Int, position: Int) in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Int(state >> 60), position)
        }
        let descending: ((key: Int, position: Int), (key: Int, position: Int)) -> Bool = { $0.key > $1.key }
        let expected = Array(items.sorted(by: descending).prefix(count)).map(\.position)
        #expect(items.firstSorted(count, by: descending).map(\.position) == expected)
    }

    @Test("an empty collection or a count of zero gives nothing")
    func empty() {
        #expect([Int]().firstSorted(5, by: <) == [])
        #expect([3, 1, 2].firstSorted(0, by: <) == [])
        #expect([3, 1, 2].firstSorted(2, by: <) == [1, 2])
    }
}
