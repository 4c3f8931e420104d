import Synchronization

/// Output files made and written by whichever core is free: the CSV tables are taken by the
/// thread writing them and, once the report pages are done, by the report thread too. They are
/// taken largest first, so the last ones taken are short and neither core is left alone with a
/// large table at the end. Each file is written into the staging folder by the thread that made
/// it; `record(into:)` then lists them in the folder in job order, as if written one after the
/// other. After a failed write (or `stop()`), no further job is started; with two writes in
/// flight, which of them fails first on a full disk depends on timing and on the order jobs are
/// taken in, and the first failing job in job order, among those that ran, is the one reported.
final class OutputJobs: Sendable {
    struct Job: Sendable {
        var file: String
        /// The rows the file will have, about: only the order jobs are taken in depends on it.
        var rows: Int = 0
        var make: @Sendable () -> [UInt8]
    }

    private let jobs: [Job]
    /// Job indices, largest first (ties in job order).
    private let takeOrder: [Int]
    private let folder: OutputFolder.Staging
    private let next = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private let done: Mutex<[Result<WrittenFile, ReportError>?]>

    init(_ jobs: [Job], writingInto folder: OutputFolder.Staging) {
        self.jobs = jobs
        takeOrder = jobs.indices.sorted { (-jobs[$0].rows, $0) < (-jobs[$1].rows, $1) }
        self.folder = folder
        done = Mutex([Result<WrittenFile, ReportError>?](repeating: nil, count: jobs.count))
    }

    /// Takes jobs until none is left or the work is stopped; a failed write is kept for
    /// `record(into:)` to throw, and stops the work.
    func work() {
        while !stopped.load(ordering: .relaxed) {
            let taken = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard taken < jobs.count else { return }
            let index = takeOrder[taken]
            let job = jobs[index]
            let result = Result { () throws(ReportError) -> WrittenFile in try folder.write(job.file, job.make()) }
            if case .failure = result { stop() }
            done.withLock { $0[index] = result }
        }
    }

    /// No job is started after this (the run has failed).
    func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    /// Lists every written file in `folder`, in job order; throws the first failure instead.
    /// Call after every `work()` has returned, and only if no `stop()` came from outside.
    func record(into folder: inout OutputFolder) throws(ReportError) {
        let results = done.withLock { $0 }
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
