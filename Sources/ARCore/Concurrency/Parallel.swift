import Foundation
import Synchronization

/// Runs two independent pieces of work at once, one on a new thread and one
/// on the caller's, and returns both results (the machine has two cores; the
/// big input files load side by side).
public func inParallel<A: Sendable, B: Sendable>(
    _ first: @escaping @Sendable () throws -> A, _ second: () throws -> B
) throws -> (A, B) {
    let slot = ResultSlot<A>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        slot.store(Result { try first() })
        done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    let secondResult = Result { try second() }
    done.wait()
    let firstValue = try slot.take().get()
    return (firstValue, try secondResult.get())
}

/// Splits `0..<count` in two halves (at `middle`, when the halves' costs differ) and runs `body`
/// on each at once.
public func inParallelHalves<R: Sendable>(
    count: Int, middle given: Int? = nil, _ body: @escaping @Sendable (Range<Int>) -> R
) -> [R] {
    guard count >= 100_000 else { return [body(0..<count)] }
    let middle = min(max(given ?? count / 2, 0), count)
    // Neither half can throw, so `try!` cannot fire.
    let (a, b) = try! inParallel({ body(0..<middle) }, { body(middle..<count) })
    return [a, b]
}

/// One result handed from a worker thread to the caller.
private final class ResultSlot<Value: Sendable>: Sendable {
    private let value = Mutex<Result<Value, any Error>?>(nil)

    func store(_ result: Result<Value, any Error>) { value.withLock { $0 = result } }

    func take() -> Result<Value, any Error> {
        value.withLock { $0 }!
    }
}
