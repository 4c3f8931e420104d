import ARCore
import Foundation
import Testing

/// A table streamed into a canonical CSV file, and its rows found again from the file's lines.
@Suite struct TableCSVWriterTests {
    @Test func quotesWhatNeedsItAndMapsLinesBackToRows() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("table-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try TableCSVWriter(path: path, columns: ["invoice_id", "note"])
        let rows = [
            ["I1", "plain"], ["I2", "two\nlines"], ["I3", "Smith, \"Co\""], ["I4", "three\nmore\nlines"], ["I5", ""],
        ]
        for row in rows {
            for value in row { writer.field(value) }
            try writer.endRow()
        }
        let map = try writer.finish()
        #expect(writer.rows == 5)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text
                == "invoice_id,note\nI1,plain\nI2,\"two\nlines\"\nI3,\"Smith, \"\"Co\"\"\"\nI4,\"three\nmore\nlines\"\nI5,\n"
        )
        // Lines: 1 header, 2 I1, 3-4 I2, 5 I3, 6-8 I4, 9 I5.
        #expect([2, 3, 5, 6, 9].map { map.row(startingOn: $0) } == [1, 2, 3, 4, 5])
        #expect(map.row(startingOn: 4) == nil)
        #expect(map.row(startingOn: 7) == nil)
        #expect(map.row(startingOn: 1) == nil)
        // The loader's own line numbers agree.
        let reader = try CSVFileReader(path: path)
        var lines: [Int] = []
        try reader.forEachRow { row in
            lines.append(row.line)
            return true
        }
        #expect(lines.compactMap { map.row(startingOn: $0) } == [1, 2, 3, 4, 5])
    }
}
