import ARCore
import NIOCore
import PostgresNIO

/// A PostgreSQL value as canonical CSV text (docs/METRICS.md, "PostgreSQL"). postgres-nio
/// receives values in PostgreSQL's binary format; each type is turned into the text the
/// canonical loader reads, exactly: numeric keeps its scale (`1200.00`), a date is
/// `YYYY-MM-DD`, NULL is empty.
enum CanonicalCellText {
    /// Days from 1970-01-01 (our `Day`) to 2000-01-01 (PostgreSQL's epoch).
    static let postgresEpoch: Day = 10_957
    static let microsecondsPerDay: Int64 = 86_400_000_000

    /// Appends `cell` to the current row of `writer`; false when its type has no canonical text.
    static func append(_ cell: PostgresCell, to writer: TableCSVWriter) -> Bool {
        guard var buffer = cell.bytes else {
            writer.field("")
            return true
        }
        if cell.format == .text || isText(cell.dataType) {
            buffer.withUnsafeReadableBytes { raw in writer.field(utf8: raw.bindMemory(to: UInt8.self)) }
            return true
        }
        guard let text = binaryText(&buffer, type: cell.dataType) else { return false }
        writer.field(text)
        return true
    }

    /// Types whose binary form is their text: character types, and user-defined types such as
    /// enums and citext (their oids are 16384 and above) when the bytes are valid UTF-8.
    static func isText(_ type: PostgresDataType) -> Bool {
        switch type {
        case .text, .varchar, .bpchar, .name, .char: return true
        default: return type.rawValue == 705  // "unknown": an untyped literal
        }
    }

    static func binaryText(_ buffer: inout ByteBuffer, type: PostgresDataType) -> String? {
        switch type {
        case .int2: return buffer.readInteger(as: Int16.self).map { String($0) }
        case .int4: return buffer.readInteger(as: Int32.self).map { String($0) }
        case .int8: return buffer.readInteger(as: Int64.self).map { String($0) }
        case .oid: return buffer.readInteger(as: UInt32.self).map { String($0) }
        case .bool: return buffer.readInteger(as: UInt8.self).map { $0 == 0 ? "false" : "true" }
        // A real prints as the Float it is: widened to Double, 12.34 would become 12.34000015258789.
        case .float4: return buffer.readInteger(as: UInt32.self).map { decimalText(Float(bitPattern: $0)) }
        case .float8: return buffer.readInteger(as: UInt64.self).map { decimalText(Double(bitPattern: $0)) }
        case .numeric: return numericText(&buffer)
        case .date: return buffer.readInteger(as: Int32.self).map(dateText)
        // timestamptz is not read: its date depends on a time zone; a query casts it (`paid_at::date`).
        case .timestamp: return buffer.readInteger(as: Int64.self).map(timestampText)
        case .uuid: return uuidText(&buffer)
        case .json: return buffer.readString(length: buffer.readableBytes)
        case .jsonb:
            guard buffer.readInteger(as: UInt8.self) == 1 else { return nil }
            return buffer.readString(length: buffer.readableBytes)
        default:
            guard type.rawValue >= 16_384, let text = buffer.readString(length: buffer.readableBytes),
                text.utf8.allSatisfy({ $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            else { return nil }
            return text
        }
    }

    /// The shortest decimal that reads back as the same Double; a whole number has no `.0`
    /// (as for SQLite REAL values: money belongs in numeric columns, see docs/METRICS.md).
    static func decimalText<Value: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Value) -> String {
        guard value.isFinite else { return "\(value)" }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// PostgreSQL's binary numeric: ndigits, weight, sign, dscale, then base-10000 digits
    /// (the first has the weight's power). Printed as psql does but without trailing zero
    /// decimals: a numeric(14,2) column holds yen too, and `50000.00` JPY would otherwise be
    /// rejected for having more decimals than the currency (docs/METRICS.md, "PostgreSQL").
    static func numericText(_ buffer: inout ByteBuffer) -> String? {
        guard let count = buffer.readInteger(as: Int16.self), let weight = buffer.readInteger(as: Int16.self),
            let sign = buffer.readInteger(as: UInt16.self), let scale = buffer.readInteger(as: Int16.self),
            count >= 0, scale >= 0
        else { return nil }
        var digits: [Int16] = []
        digits.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let digit = buffer.readInteger(as: Int16.self), (0..<10_000).contains(digit) else { return nil }
            digits.append(digit)
        }
        switch sign {
        case 0xC000: return "NaN"
        case 0xD000: return "Infinity"
        case 0xF000: return "-Infinity"
        case 0x0000, 0x4000: break
        default: return nil
        }
        func group(_ index: Int) -> Int16 { index >= 0 && index < digits.count ? digits[index] : 0 }
        func padded(_ digit: Int16) -> String {
            let text = String(digit)
            return String(repeating: "0", count: 4 - text.count) + text
        }
        var text = sign == 0x4000 && !digits.isEmpty ? "-" : ""
        if weight < 0 {
            text += "0"
        } else {
            text += String(group(0))
            for index in stride(from: 1, through: Int(weight), by: 1) { text += padded(group(index)) }
        }
        if scale > 0 {
            var fraction = ""
            for power in 1...((Int(scale) + 3) / 4) { fraction += padded(group(Int(weight) + power)) }
            var decimals = fraction.prefix(Int(scale))
            while decimals.last == "0" { decimals.removeLast() }
            if !decimals.isEmpty { text += "." + decimals }
        }
        return text == "-0" ? "0" : text
    }

    static func dateText(_ days: Int32) -> String {
        switch days {
        case Int32.max: return "infinity"
        case Int32.min: return "-infinity"
        default: return isoText(Int64(days) + Int64(postgresEpoch))
        }
    }

    /// `YYYY-MM-DD`; a year outside 1...9999 is written in full (`12025-01-01`, `-0044-03-15`),
    /// which the loader rejects as a bad date instead of reading its last four digits.
    static func isoText(_ day: Int64) -> String {
        guard let inRange = Day(exactly: day) else { return "day \(day)" }
        let civil = CivilCalendar.civil(inRange)
        guard (1...9999).contains(civil.year) else {
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
            let year = String(civil.year.magnitude)
            return (civil.year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - year.count)) + year
                + "-\(two(civil.month))-\(two(civil.day))"
        }
        return CivilCalendar.format(inRange)
    }

    /// A timestamp at midnight is its date; any other time is kept, so the loader rejects it
    /// as a bad date rather than arreport silently dropping the time (cast it: `paid_at::date`).
    static func timestampText(_ microseconds: Int64) -> String {
        if microseconds == Int64.max { return "infinity" }
        if microseconds == Int64.min { return "-infinity" }
        let (days, rest) = microseconds.quotientAndRemainder(dividingBy: microsecondsPerDay)
        let day = rest < 0 ? days - 1 : days
        let time = rest < 0 ? rest + microsecondsPerDay : rest
        let date = isoText(day + Int64(postgresEpoch))
        guard time != 0 else { return date }
        let seconds = time / 1_000_000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : String(value) }
        var text = "\(date) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        if time % 1_000_000 != 0 {
            let fraction = String(time % 1_000_000)
            text += "." + String(repeating: "0", count: 6 - fraction.count) + fraction
        }
        return text
    }

    static func uuidText(_ buffer: inout ByteBuffer) -> String? {
        guard let bytes = buffer.readBytes(length: 16) else { return nil }
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(
            separator: "-")
    }
}
