import ARCore
import Testing

/// run.json records each input's SHA-256; it must be the hash of the file's bytes.
/// The expected digests were computed once with `sha256sum` and pasted here.
@Suite("input sha256 and byte counts")
struct InputDigestTests {
    @Test("the FIPS 180-2 example: sha256(\"abc\")")
    func abc() throws {
        let folder = try TempDataFolder()
        try folder.write("abc.csv", "abc")
        let reader = try CSVFileReader(path: folder.filePath("abc.csv"))
        try reader.forEachRow { _ in true }
        #expect(reader.header == ["abc"])
        #expect(reader.sha256Hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(reader.byteCount == 3)
    }

    @Test("the loader's summary of invoices.csv carries sha256sum's digest, byte and row counts")
    func loaderSummary() throws {
        let text = "invoice_id,customer_id,issue_date,amount\nI1,C1,2024-01-10,100.00\nI2,C1,2024-01-11,\"1,5\"\n"
        let folder = try TempDataFolder()
        try folder.write("invoices.csv", text)
        let result = try folder.load()
        let summary = try #require(result.inputs.first)
        #expect(summary.sha256 == "2d088ef8999b661a6b7e2d0b470ceecf2fa1267ebe65a7b3664bf913da3db180")
        #expect(summary.bytes == text.utf8.count)
        #expect(summary.rows == 2)
        #expect(summary.rejected == 1)
    }

    /// 3,000 rows `I<n>,C1,2024-01-10,<n>.<n mod 100, 2 digits>`: 81,821 bytes.
    static var bigFile: String {
        var text = "invoice_id,customer_id,issue_date,amount\n"
        for n in 0..<3_000 {
            let cents = n % 100
            text += "I\(n),C1,2024-01-10,\(n).\(cents < 10 ? "0" : "")\(cents)\n"
        }
        return text
    }

    @Test("a file read in many small chunks hashes every byte once", arguments: [16, 1_024, 1_500, 4 << 20])
    func chunkedDigest(_ chunkSize: Int) throws {
        let folder = try TempDataFolder()
        try folder.write("big.csv", Self.bigFile)
        let reader = try CSVFileReader(path: folder.filePath("big.csv"), chunkSize: chunkSize)
        var rows = 0
        try reader.forEachRow { _ in
            rows += 1
            return true
        }
        #expect(rows == 3_000)
        #expect(reader.byteCount == 81_821)
        #expect(reader.sha256Hex() == "7d73eee72fd9541c42a870aeeb1aaea070d986ce4db4755a96e1b8a2b995818e")
    }
}
