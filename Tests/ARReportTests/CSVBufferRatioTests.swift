import ARCore
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

/// CSVBuffer keeps the text of dates it has written; what it appends must be the computed text.
@Suite struct CSVBufferDateTests {
    @Test("dates near, repeated and far outside the first date's range are written as YYYY-MM-DD")
    func datesMatchComputedText() {
        let first = CivilCalendar.day(year: 2025, month: 6, day: 15)
        // Within the kept range, repeats, its edges and beyond them on both sides, leap days.
        let offsets: [Int32] = [0, 0, 1, -1, 365, 366, 2047, 2048, -2048, -2049, 5000, -5000, 0, 2048, -2049]
        let days = offsets.map { first + $0 } + [CivilCalendar.day(year: 2024, month: 2, day: 29), CivilCalendar.day(year: 1, month: 1, day: 1)]
        var csv = CSVBuffer()
        var expected: [UInt8] = []
        for (index, day) in days.enumerated() {
            csv.date(day)
            if index > 0 { expected.append(UInt8(ascii: ",")) }
            CivilCalendar.appendISO(day, to: &expected)
        }
        #expect(String(decoding: csv.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(String(decoding: csv.bytes.prefix(21), as: UTF8.self) == "2025-06-15,2025-06-15")
    }
}
