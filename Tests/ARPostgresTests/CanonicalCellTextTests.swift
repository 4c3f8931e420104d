import ARCore
import NIOCore
import Testing

@testable import ARPostgres

/// PostgreSQL's binary values turned into the text the canonical loader reads.
@Suite struct CanonicalCellTextTests {
    /// A binary numeric: ndigits, weight, sign, dscale, then base-10000 digits.
    func numeric(weight: Int16, negative: Bool = false, scale: Int16, _ digits: [Int16]) -> String? {
        var buffer = ByteBuffer()
        buffer.writeInteger(Int16(digits.count))
        buffer.writeInteger(weight)
        buffer.writeInteger(negative ? UInt16(0x4000) : 0)
        buffer.writeInteger(scale)
        for digit in digits { buffer.writeInteger(digit) }
        return CanonicalCellText.numericText(&buffer)
    }

    @Test func numericIsExactWithoutTrailingZeros() {
        #expect(numeric(weight: 0, scale: 2, [1200]) == "1200")
        #expect(numeric(weight: 0, scale: 2, [1200, 5000]) == "1200.5")
        // 12,345,678.9 = 1234·10000 + 5678 + 9000/10000
        #expect(numeric(weight: 1, scale: 1, [1234, 5678, 9000]) == "12345678.9")
        #expect(numeric(weight: -1, negative: true, scale: 4, [5]) == "-0.0005")
        // 0.00001 = 1000 · 10000^-2
        #expect(numeric(weight: -2, scale: 5, [1000]) == "0.00001")
        #expect(numeric(weight: 0, scale: 2, []) == "0")
        // 100,000,000: trailing zero groups are not sent.
        #expect(numeric(weight: 2, scale: 0, [1]) == "100000000")
        #expect(numeric(weight: 0, scale: 4, [1, 500]) == "1.05")
    }

    @Test func datesAndTimestampsFromPostgresEpoch() {
        #expect(CanonicalCellText.dateText(0) == "2000-01-01")
        #expect(CanonicalCellText.dateText(9135) == "2025-01-04")
        #expect(CanonicalCellText.dateText(-1) == "1999-12-31")
        #expect(CanonicalCellText.dateText(Int32.max) == "infinity")
        // Years outside 1...9999 are written in full, for the loader to reject (never their last 4 digits).
        let year12025 = Int32(CivilCalendar.day(year: 12025, month: 1, day: 1) - CanonicalCellText.postgresEpoch)
        #expect(CanonicalCellText.dateText(year12025) == "12025-01-01")
        let year44BC = Int32(CivilCalendar.day(year: -43, month: 3, day: 15) - CanonicalCellText.postgresEpoch)
        #expect(CanonicalCellText.dateText(year44BC) == "-0043-03-15")
        let day = CanonicalCellText.microsecondsPerDay
        #expect(CanonicalCellText.timestampText(9136 * day) == "2025-01-05")
        #expect(
            CanonicalCellText.timestampText(9136 * day + 13 * 3_600_000_000 + 5_000_250) == "2025-01-05 13:00:05.000250"
        )
        #expect(CanonicalCellText.timestampText(-day + 1_000_000) == "1999-12-31 00:00:01")
    }

    @Test func floatsPrintTheirShortestDecimal() {
        #expect(CanonicalCellText.decimalText(12.3 as Double) == "12.3")
        #expect(CanonicalCellText.decimalText(1250 as Double) == "1250")
        // A real is printed as a Float, not widened (12.34000015258789).
        var buffer = ByteBuffer()
        buffer.writeInteger(Float(12.34).bitPattern)
        #expect(CanonicalCellText.binaryText(&buffer, type: .float4) == "12.34")
    }

    @Test func aUnixSocketNeverAsksForTLS() throws {
        for mode in ["require", "verify-full"] {
            let spec = try PostgresConnectionSpec.resolve(
                url: "postgresql:///ledger?host=/run/postgresql&sslmode=\(mode)", environment: [:],
                defaultUser: "clerk",
                homeDirectory: nil)
            #expect(try PostgresSource.configuration(spec).tls.isAllowed == false)
        }
        let tcp = try PostgresConnectionSpec.resolve(
            url: "postgresql://db/ledger?sslmode=require", environment: [:], defaultUser: "clerk", homeDirectory: nil)
        #expect(try PostgresSource.configuration(tcp).tls.isEnforced)
    }
}
