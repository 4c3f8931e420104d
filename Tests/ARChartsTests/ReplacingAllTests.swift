import Testing

@testable import ARCharts

/// The byte search that prefixes the ids of an SVG chart (`SVGRenderer.prefixingIDs`).
@Suite("Replacing every occurrence in a text")
struct ReplacingAllTests {
    @Test(
        "left to right, without overlaps, at either end, and nothing for an empty or absent target",
        arguments: [
            ("aaa", "aa", "X", "Xa"),
            ("aaaa", "aa", "X", "XX"),
            ("id=\"a\" id=\"b\"", "id=\"", "id=\"p-", "id=\"p-a\" id=\"p-b\""),
            ("xx url(#", "url(#", "url(#p-", "xx url(#p-"),
            ("abc", "", "X", "abc"),
            ("abc", "abcd", "X", "abc"),
            ("", "a", "X", ""),
            ("é-aé", "a", "b", "é-bé"),
        ])
    func replaces(_ text: String, _ target: String, _ replacement: String, _ expected: String) {
        #expect(text.replacingAll(target, with: replacement) == expected)
    }
}
