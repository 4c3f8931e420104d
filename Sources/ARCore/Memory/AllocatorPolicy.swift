import CPrefetch
import Foundation

/// How the process's allocator treats the batch's large arrays.
public enum AllocatorPolicy {
    /// Lets arrays freed between phases be reused by the next phase's allocations instead of
    /// going back to the system, so the next phase does not fault in fresh pages (about 3 µs a
    /// page on this VM: page faults were 14% of a 5M-invoice run's CPU time).
    ///
    /// - Blocks come from glibc's heaps rather than mappings of their own (`M_MMAP_MAX` 0). With
    ///   only a 32 MB threshold, each larger block had a mapping, returned to the system when
    ///   freed: the load's transient payment columns and id arenas (40-50 MB each) were given
    ///   back, and the analysis and the output tables faulted in as much again. One exception
    ///   remains: on the second arena, a block larger than its 64 MB heaps still gets a mapping
    ///   (glibc does not check the limit there), so from about 8M invoices the largest columns of
    ///   one loading thread are mapped again.
    /// - The heap is not trimmed until 1 GB lies free at its top: the run exits soon after. So
    ///   freed memory stays with the process, and peak memory follows the largest phase's needs
    ///   plus what the heap could not reuse.
    /// - Two arenas: one per loading thread. With one, the two parsers contend for its lock
    ///   (load_parse +130 ms); with more, freed memory is spread over more arenas (peak +40 MB).
    ///
    /// Measured at 5M invoices (README, "Benchmark"), against every block of 1 MB or more in its
    /// own mapping: page faults 367k -> 229k, peak memory 720-760 -> 820-850 MB. Then against
    /// blocks over 32 MB in their own mappings (`scripts/bench-compare.sh -n 8`, 7 of 8 pairs
    /// faster): page faults 227k -> 206k, CPU time 5.36 -> 5.12 s, total 2829 -> 2706 ms, peak
    /// memory 777-828 -> 861-873 MB. `ARREPORT_DEFAULT_MALLOC=1` leaves glibc's defaults, to compare.
    public static func reuseFreedMemory() {
        guard ProcessInfo.processInfo.environment["ARREPORT_DEFAULT_MALLOC"] != "1" else { return }
        _ = ar_set_malloc_policy(32 << 20, 1 << 30, 2, 1)
    }
}
