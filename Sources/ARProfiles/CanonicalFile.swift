/// One canonical CSV file being written from a foreign export, with the original
/// physical line of each record so the canonical loader's rejects can be mapped back.
struct CanonicalFile {
    let name: String
    let columns: [String]
    private(set) var bytes: [UInt8]
    /// origins[k] = the original line of record k (on line k + 2 of this file).
    private(set) var origins: [Int] = []

    init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
        bytes = Array((columns.joined(separator: ",") + "\n").utf8)
    }

    var isEmpty: Bool { origins.isEmpty }

    /// The original line of the record on `line` of this file (header = 1).
    func origin(ofLine line: Int) -> Int? {
        let index = line - 2
        return origins.indices.contains(index) ? origins[index] : nil
    }

    /// Appends one record. A line end inside a value becomes a space, so every record
    /// is exactly one physical line and line k + 2 is record k.
    mutating func append(_ fields: [String], origin: Int) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }
            if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
            for byte in field.utf8 {
                switch byte {
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"): bytes.append(UInt8(ascii: " "))
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\"")])
                default: bytes.append(byte)
                }
            }
            if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        }
        bytes.append(UInt8(ascii: "\n"))
        origins.append(origin)
    }
}
