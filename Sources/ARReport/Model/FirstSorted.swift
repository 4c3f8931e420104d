extension Collection {
    /// The first `count` elements of `sorted(by: areInIncreasingOrder)`, in that order, without
    /// sorting the rest: the report lists the top 10 of 200,000 customers, and sorting them all
    /// (with their arrays retained and released on every move) was most of building the model.
    ///
    /// One pass keeps the best `count` so far in order; an element goes after those it does not
    /// precede, so equal elements keep their order, as in the (stable) full sort.
    func firstSorted(_ count: Int, by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> [Element] {
        guard count > 0 else { return [] }
        var best: [Element] = []
        best.reserveCapacity(count + 1)
        for element in self {
            if best.count == count, try !areInIncreasingOrder(element, best[count - 1]) { continue }
            // The first kept element that `element` precedes: it goes just before it.
            var low = 0
            var high = best.count
            while low < high {
                let middle = (low + high) / 2
                if try areInIncreasingOrder(element, best[middle]) { high = middle } else { low = middle + 1 }
            }
            best.insert(element, at: low)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
