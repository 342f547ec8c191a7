import Foundation

/// CPU time per stage of `Checker` and per rule, summed over every document and thread of the run,
/// when the environment sets `LECTOR_PROFILE` (to anything but `0`); printed on standard error at
/// exit, largest first. Off, it costs one load of a `nil` per stage.
///
/// Times are each thread's own CPU time, so other processes on the machine do not inflate them and
/// parallel runs add up to the CPU they used. The thread CPU clock is a system call, though (the
/// vDSO does not serve it), and a check times every rule on every pair: about 1.1 million calls on
/// a 20,000-unit file, which made a profiled run 25-40 % slower. So `now()` reads the monotonic
/// clock (served by the vDSO), and each total is converted to CPU time when it is added: the
/// thread's CPU clock is read then (at most once a millisecond per thread), and a stretch of wall
/// time counts at the thread's CPU-to-wall ratio over the windows between those reads that it
/// spans. A total that ends where the CPU clock was just read (a stage, a whole document) is thus
/// the thread's CPU time up to where its start falls inside a window (a start before the thread's
/// first read counts as running: its first stage is charged its wall time until then); the per-pair
/// sums of a pair loop, which are added together after it, share the loop's CPU time in proportion
/// to their wall time (time the thread was descheduled is spread over the rules, not charged to
/// the one it hit). Measured on news.xlf, a profiled check now costs about as much as one without.
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

    /// Where each thread's CPU clock was read (`ThreadClock`), by the thread's `Thread` object
    /// (`pthread_t` is an integer on glibc but a pointer on Darwin and musl).
    private var clocks: [ObjectIdentifier: ThreadClock] = [:]

    /// The monotonic clock in nanoseconds: the start of a stretch to pass to `add(_:since:)`, and
    /// the ends of the wall-time stretches summed for `add(_:nanoseconds:calls:)`.
    static func now() -> UInt64 {
        read(CLOCK_MONOTONIC)
    }

    fileprivate static func read(_ clock: clockid_t) -> UInt64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The CPU time of the stretch from `start` (a `now()` of this thread) to now.
    func add(_ stage: String, since start: UInt64, calls: Int = 1) {
        let end = Self.now()
        lock.lock()
        defer { lock.unlock() }
        let cpu = withClock(at: end) { clock in
            clock.stageEnd = end
            return clock.cpu(at: end) &- clock.cpu(at: min(start, end))
        }
        let old = totals[stage] ?? (0, 0)
        totals[stage] = (old.nanoseconds + cpu, old.calls + calls)
    }

    /// Adds wall time summed without the lock (a pair loop's per-rule sums, just after the loop), at
    /// this thread's CPU-to-wall ratio since the last `add(_:since:)`: over the loop, so that every
    /// rule of it is scaled alike.
    func add(_ stage: String, nanoseconds: UInt64, calls: Int) {
        let end = Self.now()
        lock.lock()
        defer { lock.unlock() }
        let cpu = withClock(at: end) { clock in
            let start = min(clock.stageEnd ?? end, end)
            let ratio = end > start ? min(1, Double(clock.cpu(at: end) &- clock.cpu(at: start)) / Double(end - start)) : clock.lastRatio
            return UInt64((Double(nanoseconds) * ratio).rounded())
        }
        let old = totals[stage] ?? (0, 0)
        totals[stage] = (old.nanoseconds + cpu, old.calls + calls)
    }

    /// Runs `body` on this thread's clock, read anew when the last read is a millisecond old. Holds
    /// the lock.
    private func withClock<Result>(at wall: UInt64, _ body: (inout ThreadClock) -> Result) -> Result {
        let thread = ObjectIdentifier(Thread.current)
        var clock = clocks[thread] ?? ThreadClock()
        clock.read(at: wall)
        defer { clocks[thread] = clock }
        return body(&clock)
    }

    /// The CPU nanoseconds added to `stage` so far.
    func nanoseconds(of stage: String) -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        return totals[stage]?.nanoseconds
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

/// Readings of one thread's CPU clock against the monotonic clock, oldest first, at least
/// `interval` apart: a moment between two readings is given the CPU time on the straight line
/// between them.
private struct ThreadClock {
    static let interval: UInt64 = 1_000_000
    /// At most this many readings are kept (about a minute of a busy thread), so that a long run
    /// does not grow the profile without end.
    static let kept = 65_536

    private var wall: [UInt64] = []
    private var cpu: [UInt64] = []
    /// CPU over wall time between the last two readings (1 until there are two).
    private(set) var lastRatio = 1.0
    /// When this thread's last stage ended (`add(_:since:)`), where its next pair loop starts.
    var stageEnd: UInt64?

    /// Reads the CPU clock, unless it was read less than `interval` before `now`.
    mutating func read(at now: UInt64) {
        if let last = wall.last, now &- last < Self.interval, now >= last { return }
        let time = StageProfile.read(CLOCK_THREAD_CPUTIME_ID)
        if let lastCPU = cpu.last, let lastWall = wall.last, time >= lastCPU, now > lastWall {
            lastRatio = min(1, Double(time - lastCPU) / Double(now - lastWall))
        } else if !cpu.isEmpty {
            // A new thread with the identity of one that ended: its clocks start over.
            wall.removeAll()
            cpu.removeAll()
            lastRatio = 1
            stageEnd = nil
        }
        if wall.count == Self.kept {
            wall.removeFirst(Self.kept / 2)
            cpu.removeFirst(Self.kept / 2)
        }
        wall.append(now)
        cpu.append(time)
    }

    /// The thread's CPU time at the monotonic moment `moment`: interpolated between the readings
    /// around it, extrapolated at the last ratio after the last one and at 1 before the first.
    func cpu(at moment: UInt64) -> UInt64 {
        guard let lastWall = wall.last, let lastCPU = cpu.last else { return 0 }
        if moment >= lastWall { return lastCPU + UInt64((Double(moment - lastWall) * lastRatio).rounded()) }
        // Before the first reading kept, the thread is taken to have run all along (back to its start).
        guard moment > wall[0] else { return cpu[0] - min(cpu[0], wall[0] - moment) }
        // The last reading at or before `moment`.
        var low = 0, high = wall.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if wall[middle] <= moment { low = middle } else { high = middle - 1 }
        }
        let ratio = min(1, Double(cpu[low + 1] &- cpu[low]) / Double(max(1, wall[low + 1] - wall[low])))
        return cpu[low] + UInt64((Double(moment - wall[low]) * ratio).rounded())
    }
}

