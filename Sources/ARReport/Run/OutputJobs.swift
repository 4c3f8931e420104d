import Dispatch
import Synchronization

/// Output files made and written by whichever core is free: the CSV tables are taken by the
/// thread writing them and, once the report pages are done, by the report thread too; the files
/// the report side makes (aging_summary.csv, the pages) are added as they are made. Jobs are
/// taken largest first, so the last ones taken are short and neither core is left alone with a
/// large table at the end. Each file is written into the staging folder by the thread that made
/// it; `record(into:)` then lists them in the folder in job order (added ones last), as if
/// written one after the other. After a failed write (or `stop()`), no further job is started;
/// with two writes in flight, which of them fails first on a full disk depends on timing and on
/// the order jobs are taken in, and the first failing job in job order, among those that ran,
/// is the one reported. Made with `moreToCome`, a thread with nothing to take waits for jobs to
/// be added until `close()`.
final class OutputJobs: Sendable {
    struct Job: Sendable {
        var file: String
        /// The rows the file will have, about: only the order jobs are taken in depends on it.
        var rows: Int = 0
        var content: Content

        enum Content: Sendable {
            /// The file's bytes, made whole and then written.
            case bytes(@Sendable () -> [UInt8])
            /// A CSV file written as it is made (see `OutputFolder.Staging.stream`).
            case streamed(@Sendable (inout CSVBuffer) -> Void)
        }

        init(file: String, rows: Int = 0, content: Content) {
            self.file = file
            self.rows = rows
            self.content = content
        }

        init(file: String, rows: Int = 0, make: @escaping @Sendable () -> [UInt8]) {
            self.init(file: file, rows: rows, content: .bytes(make))
        }

        /// A large CSV table, streamed to its file rather than built in memory.
        static func streamed(_ file: String, rows: Int, _ write: @escaping @Sendable (inout CSVBuffer) -> Void) -> Job {
            Job(file: file, rows: rows, content: .streamed(write))
        }
    }

    private struct State {
        var jobs: [Job]
        var taken: [Bool]
        var done: [Result<WrittenFile, ReportError>?]
        var stopped = false
        /// No job will be added.
        var closed = false

        enum Next {
            case job(index: Int, job: Job)
            /// None to take now, but one may be added.
            case wait
            case finished
        }

        /// The largest job not taken yet (ties in job order), now taken.
        mutating func take() -> Next {
            guard !stopped else { return .finished }
            var best: Int? = nil
            for index in jobs.indices where !taken[index] {
                if let current = best, jobs[index].rows <= jobs[current].rows { continue }
                best = index
            }
            guard let best else { return closed ? .finished : .wait }
            taken[best] = true
            return .job(index: best, job: jobs[best])
        }
    }

    private let state: Mutex<State>
    private let folder: OutputFolder.Staging
    /// Signalled on every change a waiting thread may take up: a job added, the jobs closed or stopped.
    private let changed = DispatchSemaphore(value: 0)

    /// With `moreToCome`, jobs may be `add`ed until `close()`; without, the list is complete.
    init(_ jobs: [Job], writingInto folder: OutputFolder.Staging, moreToCome: Bool = false) {
        state = Mutex(
            State(
                jobs: jobs, taken: [Bool](repeating: false, count: jobs.count),
                done: [Result<WrittenFile, ReportError>?](repeating: nil, count: jobs.count), closed: !moreToCome))
        self.folder = folder
    }

    /// Adds a job after the others (before `close()`); a thread in `work()`, or the next to call
    /// it, takes it.
    func add(_ job: Job) {
        state.withLock { state in
            precondition(!state.closed, "a job added after close()")
            state.jobs.append(job)
            state.taken.append(false)
            state.done.append(nil)
        }
        changed.signal()
    }

    /// No job will be added: `work()` returns once none is left.
    func close() {
        state.withLock { $0.closed = true }
        wakeBoth()
    }

    /// Takes jobs until none is left after `close()`, or the work is stopped; a failed write is
    /// kept for `record(into:)` to throw, and stops the work.
    func work() {
        while true {
            switch state.withLock({ $0.take() }) {
            case .finished:
                return
            case .wait:
                changed.wait()
            case .job(let index, let job):
                let result = Result { () throws(ReportError) -> WrittenFile in
                    switch job.content {
                    case .bytes(let make): try folder.write(job.file, make())
                    case .streamed(let write): try folder.stream(job.file, write)
                    }
                }
                let failed = state.withLock { state in
                    state.done[index] = result
                    if case .failure = result { state.stopped = true }
                    return state.stopped
                }
                if failed { wakeBoth() }
            }
        }
    }

    /// No job is started after this (the run has failed).
    func stop() {
        state.withLock { $0.stopped = true }
        wakeBoth()
    }

    /// At most two threads work: a signal each (spare signals only make a waiter look again).
    private func wakeBoth() {
        changed.signal()
        changed.signal()
    }

    /// Lists every written file in `folder`, in job order; throws the first failure instead.
    /// Call after every `work()` has returned, and only if no `stop()` came from outside.
    func record(into folder: inout OutputFolder) throws(ReportError) {
        let results = state.withLock { $0.done }
        let failed = results.contains { if case .failure? = $0 { true } else { false } }
        for result in results {
            switch result {
            case .success(let file)?: folder.record(file)
            case .failure(let error)?: throw error
            // Jobs are taken largest first: one not started after a failure may precede it in job order.
            case nil: if !failed { preconditionFailure("record(into:) before every job was done") }
            }
        }
    }
}
