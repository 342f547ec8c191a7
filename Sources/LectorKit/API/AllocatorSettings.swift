import Foundation

/// The allocator settings the `lector` command runs with; an embedding program may apply them too.
///
/// A check allocates and frees many short-lived arrays and strings on background threads, whose
/// glibc heaps are grown a few pages at a time (`mprotect`) and handed back to the system whenever
/// their free top passes 128 KB; arrays of a 20,000-unit file (pairs, matches, findings) are
/// mapped and unmapped on their own. Each page given back and taken again is a page fault:
/// `news.xlf` (20,000 units, `--jobs 1`) made 5,500 `mprotect` calls and 30,000 page faults; with
/// the settings below 930 and 22,700, about 6 % less CPU time in all, and the peak memory the same
/// within 2 %. Memory still goes back to the system after a large document (`releaseFreeMemory`).
///
/// They are process-wide, so the library never applies them on its own: the CLI does, at start,
/// and a program that embeds LectorKit decides for its own process.
public enum AllocatorSettings {
    /// `M_TRIM_THRESHOLD`, `M_TOP_PAD` and `M_MMAP_THRESHOLD` in glibc's `<malloc.h>`.
    private static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3

    /// Applies the settings once per process, unless the environment sets the allocator itself
    /// (`GLIBC_TUNABLES`, `MALLOC_*_`): someone measuring or limiting memory gets what they asked for.
    public static func applyOnce() { _ = applied }

    private static let applied = apply(environment: ProcessInfo.processInfo.environment)

    /// Whether the settings were applied (glibc takes values in its bounds only) or left to `environment`.
    static func apply(environment: [String: String]) -> Bool {
        #if canImport(Glibc)
        guard !environment.keys.contains(where: { $0 == "GLIBC_TUNABLES" || $0.hasPrefix("MALLOC_") }) else { return false }
        // Swift's `Glibc` module does not export `<malloc.h>`; `mallopt` is looked up in the process
        // (where glibc always provides it) and called through its C signature.
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        // A thread's new heap is made writable 16 MB beyond what is asked (past that it grows a
        // page per `mprotect`), and up to 64 MB free on top is kept; blocks up to glibc's own
        // ceiling for its adaptive threshold (32 MB, 16 MB on 32-bit systems, where it refuses
        // more) come from the heap, not from mmap. Each setting is tried whatever the others give.
        let ceiling: Int32 = MemoryLayout<Int>.size == 8 ? 32 << 20 : 16 << 20
        let taken = [mallopt(topPad, 16 << 20), mallopt(trimThreshold, 64 << 20), mallopt(mmapThreshold, ceiling)]
        return taken.allSatisfy { $0 == 1 }
        #else
        return false
        #endif
    }
}
