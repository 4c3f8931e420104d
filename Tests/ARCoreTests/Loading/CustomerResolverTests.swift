import Testing

@testable import ARCore

/// The resolver tries the last row's customer, then the one after it in customers.csv, then the
/// hash table: whichever path finds it, a row gets the same customer, or none.
@Suite("CustomerResolver: a row's customer in customers.csv")
struct CustomerResolverTests {
    /// customers.csv with C1, C2, C3, C10 in that order (indices 0-3).
    func resolver() -> CustomerResolver {
        var index = KeyIndex()
        var table = CustomerTable()
        for id in ["C1", "C2", "C3", "C10"] {
            index.insert(id)
            table.append(
                id: id, name: id, segment: "", region: "", currency: 0, creditLimit: nil, termsDays: 30)
        }
        return CustomerResolver(known: index, table: table)
    }

    func resolve(_ ids: [String]) -> [Int32?] {
        var resolver = resolver()
        return ids.map { id in
            var bytes = Array(id.utf8)
            return bytes.withUnsafeMutableBufferPointer { resolver.resolve(UnsafeBufferPointer($0)) }
        }
    }

    @Test("rows in the file's order, repeated, backwards, skipping ahead and past the last customer")
    func everyOrder() {
        // In order with repeats (the last row's customer, then the next one), C10 after C3 (next),
        // back to C1 (hash), C3 after C1 (not next: hash), C10 after C3 again, C10 repeated (it is
        // the last customer: there is no next one), then C2 (hash).
        #expect(
            resolve(["C1", "C1", "C2", "C3", "C3", "C10", "C1", "C3", "C10", "C10", "C2"])
                == [0, 0, 1, 2, 2, 3, 0, 2, 3, 3, 1])
    }

    @Test("near misses of the next customer's id are not it: a prefix, a longer id, unknown ids")
    func nearMisses() {
        // After C1 the next customer is C2: "C", "C22" and "C2 " are not C2; after C3 the next is
        // C10, and "C1" (its prefix) is customer 0, not 3.
        #expect(resolve(["C1", "C", "C1", "C22", "C1", "C2 ", "C3", "C1"]) == [0, nil, 0, nil, 0, nil, 2, 0])
        // An unknown customer leaves no last customer: the next row is looked up by hash.
        #expect(resolve(["C9", "C2", "C9", "C1"]) == [nil, 1, nil, 0])
    }
}
