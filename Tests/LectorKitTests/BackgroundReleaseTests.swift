import Foundation
import Testing
import LectorText

/// `BackgroundRelease` frees what it is given on its own thread, in the order given, and only
/// once the caller's reference is gone.
@Suite struct BackgroundReleaseTests {
    /// Records the thread its deinit ran on.
    final class Tracked: @unchecked Sendable {
        let index: Int
        let log: Log
        init(_ index: Int, log: Log) { self.index = index; self.log = log }
        deinit { log.add(index, thread: pthread_self()) }
    }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var order: [Int] = []
        private(set) var threads: [pthread_t] = []
        func add(_ index: Int, thread: pthread_t) {
            lock.withLock {
                order.append(index)
                if !threads.contains(where: { pthread_equal($0, thread) != 0 }) { threads.append(thread) }
            }
        }
        var snapshot: (order: [Int], threads: [pthread_t]) { lock.withLock { (order, threads) } }
    }

    @Test func valuesAreFreedOnTheReleaseThreadInTheOrderGiven() {
        let log = Log()
        let caller = pthread_self()
        for index in 0..<200 {
            // Arrays of objects, as a file's units are: the array's last reference goes with the call.
            let values = (0..<10).map { Tracked(index * 10 + $0, log: log) }
            BackgroundRelease.release(consume values)
        }
        BackgroundRelease.waitUntilDone()
        let (order, threads) = log.snapshot
        #expect(order == Array(0..<2_000))
        #expect(!threads.isEmpty && !threads.contains { pthread_equal($0, caller) != 0 })
    }

    @Test func aValueTheCallerStillHoldsIsFreedWhereItsLastReferenceGoes() {
        let log = Log()
        var kept: Tracked? = Tracked(1, log: log)
        BackgroundRelease.release(kept)
        BackgroundRelease.waitUntilDone()
        #expect(log.snapshot.order.isEmpty)
        kept = nil
        #expect(log.snapshot.order == [1])
    }

    @Test func trimRequestsMadeTogetherAreOneAndValuesStayWhole() {
        // Many threads asking at once, between releases: every call returns, the queue drains.
        let log = Log()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            BackgroundRelease.releaseFreeMemory()
            if index % 8 == 0 { BackgroundRelease.release([Tracked(index, log: log)]) }
            BackgroundRelease.releaseFreeMemory()
        }
        BackgroundRelease.waitUntilDone()
        #expect(log.snapshot.order.sorted() == Array(stride(from: 0, to: 64, by: 8)))
    }

    @Test func trimmingWaitsForEarlierReleasesAndKeepsValuesWhole() {
        let log = Log()
        // A large block and many small ones freed, then trimmed, while this thread allocates.
        BackgroundRelease.release([UInt8](repeating: 7, count: 64 << 20))
        BackgroundRelease.release((0..<5_000).map { Tracked($0, log: log) })
        BackgroundRelease.releaseFreeMemory()
        let survivors = (0..<5_000).map { [UInt8](repeating: UInt8($0 & 0xFF), count: 1 + $0 % 512) }
        BackgroundRelease.waitUntilDone()
        #expect(log.snapshot.order.count == 5_000)
        #expect(survivors.enumerated().allSatisfy { index, bytes in bytes.count == 1 + index % 512 && bytes.allSatisfy { $0 == UInt8(index & 0xFF) } })
    }
}
