import Synchronization

/// Output files made and written by whichever core is free: the CSV tables are taken in order
/// by the thread writing them and, once the report pages are done, by the report thread too.
/// Each file is written into the staging folder by the thread that made it; `record(into:)`
/// then lists them in the folder in job order, as if written one after the other. After a
/// failed write (or `stop()`), no further job is started; with two writes in flight, which of
/// them fails first on a full disk depends on timing, and the first failing job in job order
/// is the one reported.
final class OutputJobs: Sendable {
    struct Job: Sendable {
        var file: String
        var make: @Sendable () -> [UInt8]
    }

    private let jobs: [Job]
    private let folder: OutputFolder.Staging
    private let next = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private let done: Mutex<[Result<WrittenFile, ReportError>?]>

    init(_ jobs: [Job], writingInto folder: OutputFolder.Staging) {
        self.jobs = jobs
        self.folder = folder
        done = Mutex([Result<WrittenFile, ReportError>?](repeating: nil, count: jobs.count))
    }

    /// Takes jobs until none is left or the work is stopped; a failed write is kept for
    /// `record(into:)` to throw, and stops the work.
    func work() {
        while !stopped.load(ordering: .relaxed) {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < jobs.count else { return }
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
        for result in results {
            // A job not done follows a failed one: the loop throws before reaching it.
            guard let result else { preconditionFailure("record(into:) before every job was done") }
            folder.record(try result.get())
        }
    }
}
