/// What was read from one input file, for run.json and the data-quality section.
public struct InputFileSummary: Sendable, Equatable {
    public var file: String
    public var path: String
    public var sha256: String
    public var bytes: Int
    /// Data records read (the header is not counted).
    public var rows: Int
    public var rejected: Int

    public init(file: String, path: String, sha256: String, bytes: Int, rows: Int, rejected: Int) {
        self.file = file
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.rows = rows
        self.rejected = rejected
    }

    init(reader: CSVFileReader, file: String, rejected: Int) {
        self.init(
            file: file, path: reader.path, sha256: reader.sha256Hex(), bytes: reader.byteCount,
            rows: reader.recordCount, rejected: rejected)
    }
}
