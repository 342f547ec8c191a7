import Foundation
import LectorTestSupport
import Testing
import LectorHunspell

/// Dictionaries created and destroyed on several threads at once must not corrupt libhunspell's
/// shared UTF-8 table (see `HunspellDictionary.lifecycle`). A full test run once aborted with
/// "corrupted size vs. prev_size" inside libhunspell while background loads ran. The race is
/// narrow: without the lock this stress test catches it only sometimes (it passed 3 of 3 runs
/// on a loaded 2-core machine), so it guards against a regression, it does not prove the fix.
@Suite struct HunspellLifecycleTests {
    @Test func dictionariesMadeAndDroppedOnManyThreadsAtOnce() throws {
        let folder = Fixtures.temporaryDirectory()
        let affix = folder.appendingPathComponent("tiny.aff"), dictionary = folder.appendingPathComponent("tiny.dic")
        try "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n".write(to: affix, atomically: true, encoding: .utf8)
        try "3\nKyiv\nZelensky/S\nпереговоры\n".write(to: dictionary, atomically: true, encoding: .utf8)

        let accepted = ManagedAtomicCounter()
        // Each thread makes and drops one dictionary at a time, so the shared count keeps passing
        // through zero: the table is allocated and freed over and over, from both threads.
        let threads = 4, rounds = 3_000
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<rounds {
                guard let made = try? HunspellDictionary(affixPath: affix.path, dictionaryPath: dictionary.path) else { continue }
                if made.spell("Zelenskys") && made.spell("переговоры") && !made.spell("Kiev") { accepted.increment() }
            }
        }
        #expect(accepted.value == threads * rounds)
    }
}

private final class ManagedAtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
