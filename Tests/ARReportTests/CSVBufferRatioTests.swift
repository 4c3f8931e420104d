import Foundation
import Testing

@testable import ARReport

/// CSVBuffer writes ratios straight into its bytes; they must be exactly `Format.ratio`'s text.
@Suite struct CSVBufferRatioTests {
    func written(_ value: Double?) -> String {
        var csv = CSVBuffer()
        csv.ratio(value)
        return String(decoding: csv.bytes, as: UTF8.self)
    }

    @Test func ratiosMatchFormatRatioIncludingTiesAndEdges() {
        // Ties (2.675 is 2.67499999... in binary, 0.125 is exact), negative zero, huge values, nil.
        let values: [Double?] = [
            0, -0.001, 0.005, 0.125, 1.005, 2.675, 12.345, -12.345, 55.93, 99.995, 1e13, 1e15, 1e16, -1e16, nil,
            .infinity, .nan,
        ]
        for value in values {
            #expect(written(value) == Format.ratio(value), "\(String(describing: value))")
        }
        #expect(written(55.9312) == "55.93")
        #expect(written(-0.001) == "0.00")
        #expect(written(nil) == "")
        // And a spread of ordinary values.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let value = Double.random(in: -1_000...1_000, using: &generator)
            #expect(written(value) == Format.ratio(value), "\(value)")
        }
    }
}
