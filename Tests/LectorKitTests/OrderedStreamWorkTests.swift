import Foundation
@testable import LectorKit
import Testing

/// `orderedStreamWork`, which checks a streamed bilingual file: jobs are made on a producer thread
/// of their own while others are worked on, each job is worked on once, results are delivered in
/// the order the jobs were made, and no more than `lookAhead` jobs are made ahead of delivery.
@Suite struct OrderedStreamWorkTests {
    /// What the threads of a run saw, counted under a lock: the test's own counters must not race.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var workRuns: [Int: Int] = [:]
        private var made = 0
        private var delivered = 0
        private(set) var mostAhead = 0
        private var inNext = false
        private(set) var overlappingNext = false
        private var producers = Set<UInt>()
        private var workers = Set<UInt>()

        func startNext() -> Int {
            lock.withLock {
                if inNext { overlappingNext = true }
                inNext = true
                producers.insert(UInt(pthread_self()))
                made += 1
                mostAhead = max(mostAhead, made - delivered)
                return made - 1
            }
        }

        func endNext() { lock.withLock { inNext = false } }

        func worked(_ job: Int) {
            lock.withLock {
                workRuns[job, default: 0] += 1
                workers.insert(UInt(pthread_self()))
            }
        }

        func delivered(_ count: Int) { lock.withLock { delivered = count } }

        var runs: [Int: Int] { lock.withLock { workRuns } }
        var producerWorked: Bool { lock.withLock { !producers.isDisjoint(with: workers) } }
        var workerThreads: Int { lock.withLock { workers.count } }
    }

    @Test func everyJobIsWorkedOnOnceAndDeliveredInOrder() {
        let log = Log()
        var results: [Int] = []
        orderedStreamWork(jobs: 2, lookAhead: 4, next: { () -> Int? in
            let job = log.startNext()
            defer { log.endNext() }
            return job < 1_000 ? job : nil
        }, work: { job -> Int in
            // Jobs of uneven length, so that they finish out of order.
            usleep(UInt32(job % 7 == 0 ? 300 : 10))
            log.worked(job)
            return job * 3
        }, deliver: { value in
            results.append(value)
            log.delivered(results.count)
            return true
        })
        #expect(results == (0..<1_000).map { $0 * 3 })
        #expect(log.runs == Dictionary(uniqueKeysWithValues: (0..<1_000).map { ($0, 1) }))
        #expect(!log.overlappingNext)
        // The job being made counts: no more than `lookAhead` beyond those delivered.
        #expect(log.mostAhead <= 4)
        // Reading has a thread of its own, which works on no job.
        #expect(!log.producerWorked)
        #expect(log.workerThreads <= 2)
    }

    @Test func deliverReturningFalseStopsTheRun() {
        let log = Log()
        var results: [Int] = []
        orderedStreamWork(jobs: 2, lookAhead: 4, next: { () -> Int? in
            let job = log.startNext()
            defer { log.endNext() }
            // An endless input: the run ends only because delivery stops it.
            return job
        }, work: { job -> Int in
            log.worked(job)
            return job
        }, deliver: { value in
            results.append(value)
            log.delivered(results.count)
            return value < 10
        })
        #expect(results == Array(0...10))
        // Jobs made past the stop are at most those in flight, and none ran twice.
        #expect(log.runs.values.allSatisfy { $0 == 1 })
        #expect(log.runs.count <= 11 + 4)
    }

    @Test func anEmptyInputDeliversNothing() {
        var delivered = 0
        orderedStreamWork(jobs: 2, lookAhead: 4, next: { () -> Int? in nil }, work: { $0 }, deliver: { _ in
            delivered += 1
            return true
        })
        #expect(delivered == 0)
    }
}
