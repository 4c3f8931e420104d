import ARCore

/// The first of a set of sorted dates on or after a day, for the passes that walk each invoice
/// over many dates (balances, roll rates). A table of every day the dates span gives it in one
/// read instead of a binary search per invoice: the searches were about a third of the balance
/// pass's samples at 5M invoices, and a tenth of the roll rates'.
struct DateSearch: Sendable {
    let dates: [Day]
    private let first: Day
    /// For each day from the first date to the last, the index `lowerBound` gives;
    /// empty when the dates span too many days for a table.
    private let table: [Int32]

    init(_ sorted: [Day]) {
        dates = sorted
        first = sorted.first ?? 0
        guard let last = sorted.last, Int(last) - Int(first) < 100_000 else {
            table = []
            return
        }
        var table = [Int32]()
        table.reserveCapacity(Int(last) - Int(first) + 1)
        var index = 0
        for day in first...last {
            while sorted[index] < day { index += 1 }
            table.append(Int32(index))
        }
        self.table = table
    }

    /// First index in `dates` whose date is >= `day` (`dates.count` when none is).
    @inline(__always)
    func lowerBound(_ day: Day) -> Int {
        if day <= first { return 0 }
        guard !table.isEmpty else { return DateSearch.binarySearch(dates, day) }
        let offset = Int(day) - Int(first)
        return offset < table.count ? Int(table[offset]) : dates.count
    }

    /// The same by binary search: the fallback for a wide span, and the reference tests check against.
    static func binarySearch(_ dates: [Day], _ day: Day) -> Int {
        var low = 0
        var high = dates.count
        while low < high {
            let middle = (low + high) / 2
            if dates[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
