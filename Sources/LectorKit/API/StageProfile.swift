import Foundation

/// CPU time per stage of `Checker` and per rule, summed over every document and thread of the run,
/// when the environment sets `LECTOR_PROFILE` (to anything but `0`); printed on standard error at
/// exit, largest first. Off, it costs one load of a `nil` per stage.
///
/// Times are each thread's own CPU time (`CLOCK_THREAD_CPUTIME_ID`), so other processes on the
/// machine do not inflate them and parallel runs add up to the CPU they used.
final class StageProfile: @unchecked Sendable {
    static let shared: StageProfile? = {
        guard let value = ProcessInfo.processInfo.environment["LECTOR_PROFILE"], value != "0" else { return nil }
        let profile = StageProfile()
        atexit { StageProfile.shared?.printReport() }
        return profile
    }()

    private let lock = NSLock()
    private var totals: [String: (nanoseconds: UInt64, calls: Int)] = [:]
    /// Wall-clock moments of the run (`mark`), in order: what is serial shows as the time between
    /// the process's start and the first parallel work.
    private var marks: [(event: String, milliseconds: Double)] = []

    /// This thread's CPU time in nanoseconds.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    func add(_ stage: String, since start: UInt64, calls: Int = 1) {
        let elapsed = Self.now() &- start
        lock.lock()
        defer { lock.unlock() }
        let old = totals[stage] ?? (0, 0)
        totals[stage] = (old.nanoseconds + elapsed, old.calls + calls)
    }

    /// Adds totals gathered without the lock (a pair loop's per-rule sums).
    func add(_ stage: String, nanoseconds: UInt64, calls: Int) {
        lock.lock()
        defer { lock.unlock() }
        let old = totals[stage] ?? (0, 0)
        totals[stage] = (old.nanoseconds + nanoseconds, old.calls + calls)
    }

    /// Records that `event` happens now: wall-clock milliseconds since the process started (as the
    /// kernel counts it, to 10 ms), printed after the stages. Only the first mark of an event is kept.
    func mark(_ event: String) {
        let milliseconds = Self.millisecondsSinceProcessStart()
        lock.lock()
        defer { lock.unlock() }
        if !marks.contains(where: { $0.event == event }) { marks.append((event, milliseconds)) }
    }

    private static func millisecondsSinceProcessStart() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_BOOTTIME, &now)
        let nowMilliseconds = Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6
        // Field 22 of /proc/self/stat, after the parenthesized command name: start time in clock ticks since boot.
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nowMilliseconds }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nowMilliseconds }
        return nowMilliseconds - ticks * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func printReport() {
        lock.lock()
        let rows = totals.sorted { $0.value.nanoseconds > $1.value.nanoseconds }
        let marks = marks
        lock.unlock()
        let document = totals["check (whole document)"]?.nanoseconds ?? 0
        var text = "lector profile (CPU ms per stage, all threads; % of whole-document checks)\n"
        for (stage, total) in rows {
            let milliseconds = Double(total.nanoseconds) / 1e6
            let share = document > 0 ? 100 * Double(total.nanoseconds) / Double(document) : 0
            text += String(format: "%10.1f ms %6.1f %%  %9d calls  ", milliseconds, share, total.calls) + stage + "\n"
        }
        if !marks.isEmpty {
            text += "lector timeline (wall ms since the process started)\n"
            for mark in marks { text += String(format: "%10.0f ms  ", mark.milliseconds) + mark.event + "\n" }
        }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            // A profile that cannot be written is not worth failing the run for.
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
