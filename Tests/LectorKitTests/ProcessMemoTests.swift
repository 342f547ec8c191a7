import Foundation
import LectorText
import Testing

/// `ProcessMemo`, which keeps values made from a key alone for the process (a language's CLDR unit
/// names, the Hunspell stems of those names), asked by every checking thread.
@Suite struct ProcessMemoTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func add(_ key: String) { lock.withLock { counts[key, default: 0] += 1 } }
        func count(_ key: String) -> Int { lock.withLock { counts[key] ?? 0 } }
    }

    /// With `makesOnce`, many threads asking for a few keys at once make each value once, and every
    /// thread gets the value made.
    @Test func makesOnceMakesEachValueOnce() {
        let memo = ProcessMemo<String, [String]>(makesOnce: true)
        let made = Counter()
        let keys = ["de", "en", "ru"]
        let wrong = Counter()
        DispatchQueue.concurrentPerform(iterations: 12) { thread in
            for round in 0..<50 {
                let key = keys[(thread + round) % keys.count]
                let value = memo.value(for: key) { () -> [String] in
                    made.add(key)
                    usleep(2_000)  // long enough for the other threads to ask for the same key meanwhile
                    return [key, key.uppercased()]
                }
                if value != [key, key.uppercased()] { wrong.add(key) }
            }
        }
        for key in keys {
            #expect(made.count(key) == 1, "\(key)")
            #expect(wrong.count(key) == 0, "\(key)")
        }
    }

    /// With `makesOnce`, a thread asking for one key does not wait for another key's value being
    /// made: here the first key's value can only be finished once the second's was made, which
    /// would never happen if the memo made one value at a time.
    @Test func makesOnceMakesOtherKeysMeanwhile() {
        let memo = ProcessMemo<String, Int>(makesOnce: true)
        let secondMade = DispatchSemaphore(value: 0), firstStarted = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        let outcome = Counter()
        // Threads of their own: the tests running meanwhile may hold every thread of Dispatch's pool.
        finished.enter()
        Thread {
            let value = memo.value(for: "first") { () -> Int in
                firstStarted.signal()
                // Gives up after 60 s instead of hanging the test run.
                if secondMade.wait(timeout: .now() + 60) == .timedOut { outcome.add("waited") }
                return 1
            }
            outcome.add("first \(value)")
            finished.leave()
        }.start()
        firstStarted.wait()
        finished.enter()
        Thread {
            let value = memo.value(for: "second") { () -> Int in 2 }
            secondMade.signal()
            outcome.add("second \(value)")
            finished.leave()
        }.start()
        finished.wait()
        #expect(outcome.count("waited") == 0)
        #expect(outcome.count("first 1") == 1 && outcome.count("second 2") == 1)
    }

    /// A failure is not kept: the next asker makes the value again.
    @Test func aFailureIsMadeAgain() throws {
        struct Failure: Error {}
        let memo = ProcessMemo<String, Int>(makesOnce: true)
        #expect(throws: Failure.self) { try memo.value(for: "de") { () throws(Failure) -> Int in throw Failure() } }
        #expect(memo.value(for: "de") { 7 } == 7)
        #expect(memo.value(for: "de") { 8 } == 7)
    }
}
