import ARGenerate
import Testing

@testable import ARCore

/// A KeyIndex made with `deferringHash` builds no slots while its keys come in ascending byte
/// order; its answers must be those of a hashed index whatever the order of inserts and lookups.
@Suite("KeyIndex with a deferred hash: sorted keys without slots")
struct DeferredKeyIndexTests {
    @Test("ascending keys build no slots and are found by search; a repeat or a key out of order builds them")
    func ascendingThenNot() {
        var index = KeyIndex(capacity: 8, deferringHash: true)
        #expect(index.insert("A1") == (0, true))
        #expect(index.insert("A10") == (1, true))
        #expect(index.insert("A2") == (2, true))
        #expect(index.insert("B") == (3, true))
        #expect(!index.isHashed)
        #expect(index.find("A10") == 1)
        #expect(index.find("A") == nil)
        #expect(index.find("A100") == nil)
        #expect(index.find("") == nil)
        #expect(index.find("C") == nil)
        // A repeat of the last key is not after it: the slots are built, and it is a duplicate.
        #expect(index.insert("B") == (3, false))
        #expect(index.isHashed)

        var other = KeyIndex(deferringHash: true)
        #expect(other.insert("A") == (0, true))
        #expect(other.insert("C") == (1, true))
        #expect(other.insert("B") == (2, true))
        #expect(other.isHashed)
        #expect(other.insert("A") == (0, false))
        #expect(other.insert("D") == (3, true))
        #expect(other.keys == ["A", "C", "B", "D"])
        #expect(other.find("B") == 2)
    }

    @Test("an empty key sorts first, and is found on the walk without moving the finger")
    func emptyKey() {
        var index = KeyIndex(deferringHash: true)
        for key in ["", "K1", "K2", "K3"] { #expect(index.insert(key).inserted) }
        #expect(!index.isHashed)
        let lookups = ["K1", "", "K2", "", "K3", "K0", ""]
        #expect(results(of: lookups, in: index) == ([1, 0, 2, 0, 3, nil, 0], lookups.count))
    }

    @Test("random runs, mostly ascending, some broken midway, with prefixes and repeats: as a hashed index")
    func againstHashed() {
        var random = SplitMix64(seed: 7)
        for round in 0..<200 {
            let pool = DeferredKeyIndexTests.keyPool(&random, count: 40 + round)
            var sequence = pool.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            // Half the rounds break the order once: a key from anywhere, or a repeat, at a random place.
            if round % 2 == 1 {
                let at = Int(random.next() % UInt64(sequence.count))
                sequence.insert(pool[Int(random.next() % UInt64(pool.count))], at: at)
            }
            if round % 5 == 0 { sequence.append(sequence[sequence.count - 1]) }
            var deferred = KeyIndex(capacity: Int(random.next() % 64), deferringHash: true)
            var hashed = KeyIndex(capacity: 16)
            for key in sequence {
                #expect(deferred.insert(key) == hashed.insert(key), "round \(round), key \(key)")
            }
            #expect(deferred.keys == hashed.keys)
            let absent = ["", "INV", "INV0", "ZZZ", pool[0] + "0", String(pool[0].dropLast())]
            for key in pool + absent { #expect(deferred.find(key) == hashed.find(key), "round \(round), \(key)") }
        }
    }

    @Test(
        "lookups in order, with gaps, small steps back, unknown and empty keys: the walk finishes with the hash's answers"
    )
    func walkInOrder() {
        var random = SplitMix64(seed: 11)
        let keys = (0..<20_000).map { "INV\(String(100_000 + $0 * 3))" }
        var index = KeyIndex(deferringHash: true)
        for key in keys { index.insert(key) }
        #expect(!index.isHashed)
        var lookups: [String] = []
        var position = 0
        while position < keys.count {
            switch random.next() % 10 {
            case 0: lookups.append("")
            case 1: lookups.append("INV\(String(100_000 + position * 3 + 1))")  // between two keys: unknown
            case 2: lookups.append(keys[max(0, position - Int(random.next() % 20))])  // a step back
            default: lookups.append(keys[position])
            }
            position += Int(random.next() % 4)
        }
        lookups += ["AAA", "ZZZ", keys[0], keys[keys.count - 1]]
        var hashed = index
        hashed.buildHash()
        let walked = results(of: lookups, in: index)
        #expect(walked.done == lookups.count)
        #expect(walked.found == lookups.map { hashed.find($0) })
    }

    @Test("lookups in no order stop the walk within a window; findEvery then builds the hash and finishes")
    func walkStops() {
        var random = SplitMix64(seed: 5)
        let keys = (0..<50_000).map { "C-\(String(1_000_000 + $0))" }
        var index = KeyIndex(deferringHash: true)
        for key in keys { index.insert(key) }
        var lookups = keys.shuffled(using: &random)
        lookups.append("C-0")
        let walked = results(of: lookups, in: index)
        #expect(walked.done > 0)
        #expect(walked.done <= 2 * KeyIndex.fingerWindow)

        var found = [Int32?](repeating: -1, count: lookups.count)
        withKeys(lookups) { key in index.findEvery(count: lookups.count, key: key, found: { found[$0] = $1 }) }
        #expect(index.isHashed)
        let position = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
        #expect(found == lookups.map { position[$0] })
    }

    @Test(
        "the cash matcher gives the same applications and unapplied cash with and without the hash, rows in order or not"
    )
    func matcher() throws {
        var random = SplitMix64(seed: 3)
        var invoices = InvoiceTable()
        invoices.ids = KeyIndex(deferringHash: true)
        for n in 0..<60_000 {
            invoices.ids.insert("INV\(String(1_000_000 + n * 2))")
            invoices.customer.append(Int32(n % 50))
            invoices.issue.append(Day(n % 400))
            invoices.due.append(Day(n % 400 + 30))
            invoices.amount.append(Int64(10_000 + n))
            invoices.currency.append(0)
        }
        // 120,000 rows, so each core matches half: every invoice paid in one or two parts, some
        // rows on account or naming an unknown invoice (an odd number: no invoice has it).
        var specs: [(key: String, day: Day, amount: Int64)] = []
        for n in 0..<60_000 {
            specs.append(("INV\(String(1_000_000 + n * 2))", Day(n % 400 + 20), 4_000))
            switch n % 9 {
            case 0: specs.append(("", Day(n % 400 + 25), 700))
            case 1: specs.append(("INV\(String(1_000_000 + n * 2 + 1))", Day(n % 400 + 25), 300))
            default: specs.append(("INV\(String(1_000_000 + n * 2))", Day(n % 400 + 40), 5_000))
            }
        }
        let book = CurrencyBook(reporting: Currency(code: "USD"), latestRates: [:])
        var hashed = invoices
        hashed.ids.buildHash()
        #expect(!invoices.ids.isHashed)
        // In order; shuffled; the first half in order and the second shuffled (one core's walk
        // stops, the other's finishes); the first 20,000 rows shuffled (one core, which stops).
        let inOrder = Array(specs.indices)
        let half = specs.count / 2
        let orders: [(String, [Int])] = [
            ("in order", inOrder),
            ("shuffled", inOrder.shuffled(using: &random)),
            ("second half shuffled", Array(inOrder[..<half]) + inOrder[half...].shuffled(using: &random)),
            ("20,000 rows shuffled", Array(inOrder[..<20_000]).shuffled(using: &random)),
        ]
        for (name, order) in orders {
            let shuffled = name
            var rows = CashRows()
            for (line, spec) in order.map({ specs[$0] }).enumerated() {
                rows.customer.append(0)
                rows.date.append(spec.day)
                rows.amount.append(spec.amount)
                rows.currency.append(0)
                rows.kind.append(.payment)
                var key = spec.key
                key.withUTF8 { rows.invoiceKey.append($0) }
                var reference = "P\(line)"
                reference.withUTF8 { rows.reference.append($0) }
                rows.line.append(Int32(line + 2))
            }
            let (applied, unapplied) = try CashMatcher.match(
                rows, invoices: invoices, book: book, paymentsPath: "p", creditNotesPath: "c")
            let (expected, expectedUnapplied) = try CashMatcher.match(
                rows, invoices: hashed, book: book, paymentsPath: "p", creditNotesPath: "c")
            #expect(applied.start == expected.start, "\(shuffled)")
            #expect(applied.date == expected.date)
            #expect(applied.amount == expected.amount)
            #expect(applied.count == (order.count == specs.count ? 60_000 + 46_666 : expected.count))
            #expect(applied.count > order.count / 2)
            #expect(unapplied.reference == expectedUnapplied.reference)
            #expect(unapplied.reason == expectedUnapplied.reason)
            #expect(unapplied.count == order.count - applied.count)
            // The same rows with the last fifth as credit notes: the cores split the lookups
            // elsewhere (`lookUpMiddle`), and only the applications' kinds change.
            var credited = rows
            let firstCredit = rows.count - rows.count / 5
            for row in firstCredit..<rows.count { credited.kind[row] = .credit }
            #expect(CashMatcher.lookUpMiddle(credited.kind) != rows.count / 2)
            let (withCredits, withCreditsUnapplied) = try CashMatcher.match(
                credited, invoices: invoices, book: book, paymentsPath: "p", creditNotesPath: "c")
            #expect(withCredits.start == applied.start, "\(shuffled)")
            #expect(withCredits.date == applied.date && withCredits.amount == applied.amount)
            #expect(withCredits.kind.filter { $0 == .credit }.count > 0)
            #expect(withCreditsUnapplied.reference == unapplied.reference)
        }
    }

    @Test("the cores' lookups split by cost: a credit note counts four payments")
    func lookUpMiddle() {
        func kinds(_ payments: Int, _ credits: Int) -> [CashKind] {
            [CashKind](repeating: .payment, count: payments) + [CashKind](repeating: .credit, count: credits)
        }
        #expect(CashMatcher.lookUpMiddle(kinds(0, 0)) == 0)
        #expect(CashMatcher.lookUpMiddle(kinds(100, 0)) == 50)
        // 300 + 4 x 20 = 380: 190 on each side, all of the credit notes on the second.
        #expect(CashMatcher.lookUpMiddle(kinds(300, 20)) == 190)
        // 60 + 4 x 40 = 220: the first side has the 60 payments and 50 / 4 = 12 credit notes.
        #expect(CashMatcher.lookUpMiddle(kinds(60, 40)) == 72)
        #expect(CashMatcher.lookUpMiddle(kinds(0, 100)) == 50)
        // Credit notes before payments are not counted apart: the split is only about cost.
        #expect(CashMatcher.lookUpMiddle([.credit, .credit] + kinds(98, 0)) == 50)
    }

    @Test("byte order: memcmp on the common length, then the shorter first, at every length to 24")
    func byteOrder() {
        var random = SplitMix64(seed: 9)
        for _ in 0..<20_000 {
            let a = (0..<Int(random.next() % 25)).map { _ in UInt8(0x30 + random.next() % 4) }
            var b = a
            switch random.next() % 3 {
            case 0: if !b.isEmpty { b[Int(random.next() % UInt64(b.count))] = UInt8(0x30 + random.next() % 4) }
            case 1: b.append(UInt8(0x30 + random.next() % 4))
            default: b = (0..<Int(random.next() % 25)).map { _ in UInt8(0x30 + random.next() % 4) }
            }
            let expected = a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)
            let order = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    let x = UnsafeMutablePointer<UInt8>.allocate(capacity: max(a.count, 1))
                    let y = UnsafeMutablePointer<UInt8>.allocate(capacity: max(b.count, 1))
                    defer {
                        x.deallocate()
                        y.deallocate()
                    }
                    if let source = a.baseAddress { x.update(from: source, count: a.count) }
                    if let source = b.baseAddress { y.update(from: source, count: b.count) }
                    return ShortBytes.compare(UnsafePointer(x), a.count, UnsafePointer(y), b.count).signum()
                }
            }
            #expect(order == expected, "\(a) against \(b)")
        }
    }

    /// Ids with shared prefixes and prefixes of each other ("INV1", "INV10"), some long.
    static func keyPool(_ random: inout SplitMix64, count: Int) -> [String] {
        var keys = Set<String>()
        while keys.count < count {
            let number = String(random.next() % 300)
            switch random.next() % 4 {
            case 0: keys.insert("INV" + number)
            case 1: keys.insert("INV" + number + "0")
            case 2: keys.insert("ACME-CORPORATION-INVOICE-" + number)
            default: keys.insert("I" + number)
            }
        }
        return Array(keys)
    }

    /// What `findAll` over all of `lookups` returns, and where it stopped.
    func results(of lookups: [String], in index: KeyIndex) -> (found: [Int32?], done: Int) {
        var found = [Int32?](repeating: -1, count: lookups.count)
        var done = 0
        withKeys(lookups) { key in
            done = index.findAll(0..<lookups.count, key: key, found: { found[$0] = $1 })
        }
        return (Array(found[0..<done]), done)
    }

    /// Calls `body` with a function from a lookup's position to its bytes.
    func withKeys(_ lookups: [String], _ body: ((Int) -> UnsafeBufferPointer<UInt8>) -> Void) {
        var arena = ByteArena()
        for key in lookups {
            var key = key
            key.withUTF8 { arena.append($0) }
        }
        arena.bytes.withUnsafeBufferPointer { bytes in
            body { UnsafeBufferPointer(rebasing: bytes[Int(arena.starts[$0])..<Int(arena.starts[$0 + 1])]) }
        }
    }
}
