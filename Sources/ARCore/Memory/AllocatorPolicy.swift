import CPrefetch
import Foundation

/// How the process's allocator treats large arrays.
public enum AllocatorPolicy {
    /// Keeps every block of 1 MB or more in its own mapping, returned to the system when freed.
    ///
    /// glibc raises its mmap threshold to the size of each large block freed (up to 32 MB);
    /// blocks below the new threshold then come from the heap and stay resident after they
    /// are freed. A run frees many such arrays between loading, analysis and writing, so
    /// that memory adds up: setting the threshold fixes it (and stops the adjustment).
    /// Measured at 5M invoices: peak RSS 1.07–1.10 GB → 0.95–0.96 GB, wall time within
    /// the run-to-run spread (README, "Benchmark"). `ARREPORT_DEFAULT_MALLOC=1` leaves glibc's
    /// default, to measure the difference.
    public static func returnLargeBlocksWhenFreed() {
        guard ProcessInfo.processInfo.environment["ARREPORT_DEFAULT_MALLOC"] != "1" else { return }
        _ = ar_set_mmap_threshold(1 << 20)
    }
}
