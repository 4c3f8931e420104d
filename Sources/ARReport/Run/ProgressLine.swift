import ARCore
import Foundation
import Synchronization

/// A one-line progress display on stderr while inputs load, only when stderr is a terminal.
final class ProgressLine: Sendable {
    private let progress: LoadProgress
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the display; nil when stderr is not a terminal (piped, cron).
    static func start(progress: LoadProgress) -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1, progress.totalBytes > 0 else { return nil }
        let line = ProgressLine(progress: progress)
        let thread = Thread { line.loop() }
        thread.start()
        return line
    }

    private init(progress: LoadProgress) { self.progress = progress }

    private func loop() {
        let total = Double(progress.totalBytes)
        while !stopped.load(ordering: .relaxed) {
            let read = Double(progress.bytesRead)
            let text = String(
                format: "\rloading %3.0f%%  %.0f of %.0f MB", min(100, read / total * 100), read / 1e6, total / 1e6)
            FileHandle.standardError.write(Data(text.utf8))
            usleep(200_000)
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        finished.signal()
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
        finished.wait()
    }
}
