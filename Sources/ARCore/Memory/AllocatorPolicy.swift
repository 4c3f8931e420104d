import CPrefetch
import Foundation

/// How the process's allocator treats the batch's large arrays.
public enum AllocatorPolicy {
    /// Lets arrays freed between phases be reused by the next phase's allocations instead of
    /// going back to the system, so the next phase does not fault in fresh pages (about 3 µs a
    /// page on this VM: page faults were 14% of a 5M-invoice run's CPU time).
    ///
    /// - Blocks under 32 MB come from glibc's heap rather than their own mappings (the default
    ///   threshold starts at 128 KB and floats up to 32 MB as blocks are freed).
    /// - The heap is not trimmed until 1 GB lies free at its top: the run exits soon after.
    /// - Two arenas: one per loading thread. With one, the two parsers contend for its lock
    ///   (load_parse +130 ms); with more, freed memory is spread over more arenas (peak +40 MB).
    ///
    /// Measured at 5M invoices against the former policy (every block of 1 MB or more in its own
    /// mapping, returned when freed; README, "Benchmark"): page faults 367k -> 229k, peak memory
    /// 720-760 -> 820-850 MB. `ARREPORT_DEFAULT_MALLOC=1` leaves glibc's defaults, to compare.
    public static func reuseFreedMemory() {
        guard ProcessInfo.processInfo.environment["ARREPORT_DEFAULT_MALLOC"] != "1" else { return }
        _ = ar_set_malloc_policy(32 << 20, 1 << 30, 2)
    }
}
