import Foundation
@testable import LectorKit
import Testing

/// `StageProfile` times with the monotonic clock but must report CPU time: a thread that sleeps
/// through a stage, or through the rules of a pair loop, is charged (almost) nothing for it, and
/// one that computes is charged what it computed.
@Suite struct StageProfileTests {
    static func threadCPU() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Spends `nanoseconds` of this thread's CPU time.
    static func burn(_ nanoseconds: UInt64) {
        let start = threadCPU()
        var value = 1.0
        while threadCPU() - start < nanoseconds { value = (value * 1.000001).truncatingRemainder(dividingBy: 7) }
        #expect(value >= 0)
    }

    @Test func stagesAreChargedTheirCPUTimeNotTheirWallTime() {
        let profile = StageProfile()
        var start = StageProfile.now()
        Self.burn(20_000_000)
        profile.add("busy", since: start)
        start = StageProfile.now()
        usleep(30_000)
        profile.add("asleep", since: start)
        start = StageProfile.now()
        Self.burn(20_000_000)
        profile.add("busy again", since: start)
        #expect(profile.nanoseconds(of: "busy").map { $0 >= 15_000_000 } == true, "\(String(describing: profile.nanoseconds(of: "busy")))")
        #expect(profile.nanoseconds(of: "asleep").map { $0 < 5_000_000 } == true, "\(String(describing: profile.nanoseconds(of: "asleep")))")
        #expect(profile.nanoseconds(of: "busy again").map { $0 >= 15_000_000 && $0 < 40_000_000 } == true,
                "\(String(describing: profile.nanoseconds(of: "busy again")))")
    }

    @Test func pairLoopSumsShareTheLoopsCPUTime() {
        let profile = StageProfile()
        let start = StageProfile.now()
        Self.burn(2_000_000)
        profile.add("setup", since: start)
        var asleep: UInt64 = 0
        var busy: UInt64 = 0
        for _ in 0..<5 {
            var pairStart = StageProfile.now()
            usleep(6_000)
            asleep &+= StageProfile.now() &- pairStart
            pairStart = StageProfile.now()
            Self.burn(4_000_000)
            busy &+= StageProfile.now() &- pairStart
        }
        profile.add("asleep (pairs)", nanoseconds: asleep, calls: 5)
        profile.add("busy (pairs)", nanoseconds: busy, calls: 5)
        let (sleeping, working) = (profile.nanoseconds(of: "asleep (pairs)") ?? 0, profile.nanoseconds(of: "busy (pairs)") ?? 0)
        // The loop used about 20 ms of CPU in 50 ms: the sums share those 20 ms by their wall time.
        #expect(sleeping + working >= 15_000_000 && sleeping + working < 30_000_000, "\(sleeping) + \(working)")
        #expect(asleep >= 30_000_000 && sleeping < asleep / 2, "\(sleeping) of \(asleep)")
    }
}
