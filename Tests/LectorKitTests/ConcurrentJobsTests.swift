import Foundation
@testable import LectorKit
import LectorTestSupport
import Testing

/// `--jobs` bounds the threads of the per-record paths (a JSON Lines stream, `--document
/// per-record`): a batch engine that runs one lector per core asks each for one thread.
@Suite struct ConcurrentJobsTests {
    @Test func oneThreadRunsEveryJobInOrderOnTheCallingThread() {
        let caller = pthread_self()
        var order: [Int] = []
        var onCaller = true
        concurrentJobs(count: 50, threads: 1) { index in
            order.append(index)
            if pthread_equal(pthread_self(), caller) == 0 { onCaller = false }
        }
        #expect(order == Array(0..<50))
        #expect(onCaller)
    }

    @Test func severalThreadsRunEveryJobExactlyOnce() {
        // Counted under a lock: reading a shared array while other threads write it would race.
        let runs = JobTally(count: 500)
        concurrentJobs(count: 500, threads: 3) { index in runs.record(index, on: pthread_self()) }
        #expect(runs.counts == Array(repeating: 1, count: 500))
        #expect(runs.threadCount <= 3)
    }

    @Test func aStreamGivesTheSameFindingsOnOneThreadAsOnSeveral() throws {
        var records: [String] = []
        for index in 0..<120 {
            let target = index % 5 == 0 ? "Talks in Kiev on day \(index)." : "Talks in Kyiv on day \(index)."
            records.append(#"{"id": "r\#(index)", "source": "Gespräche in Kiew am Tag \#(index).", "target": "\#(target)"}"#)
        }
        let input = Fixtures.temporaryDirectory().appendingPathComponent("jobs.jsonl")
        try Data((records.joined(separator: "\n") + "\n").utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        var results: [[Finding]] = []
        for jobs in [1, 2] {
            var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en", sourceLanguage: "de")
            configuration.jobs = jobs
            let session = try LintSession(configuration)
            let descriptor = open(input.path, O_RDONLY)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            var findings: [Finding] = []
            try JSONLinesStream(session: session, lookAhead: 16).check(readingFrom: descriptor) { findings += $0 }
            results.append(findings)
        }
        #expect(results[0].filter { $0.ruleID == "glossary.forbidden" }.map(\.unit) == stride(from: 0, to: 120, by: 5).map { "r\($0)" })
        #expect(results[0] == results[1])
    }
}

extension ConcurrentJobsTests {
    /// Records checked one after another on a thread reuse the rules' language-only preparations
    /// and their per-word memos; each record's findings are still those of checking it alone.
    @Test func keptPreparationsChangeNoRecordsFindings() throws {
        let lines = [
            #"{"id": "a", "source": "Scholz traf Macron am 3. Mai in Paris.", "target": "Scholz met in Paris on 3 May."}"#,
            #"{"id": "b", "source": "Die Regierung kündigte Hilfen von 436 Millionen Euro an.", "target": "The government announced aid worth 463 million euros."}"#,
            #"{"id": "c", "source": "Macron und Scholz sprachen mit Selenskyj.", "target": "Macron and Scholz spoke with Zelensky."}"#,
            #"{"id": "d", "source": "Am 24. Februar 2022 begann der Krieg.", "target": "The war began on 25 February 2022."}"#,
            #"{"id": "e", "source": "Scholz traf Macron in Berlin.", "target": "Scholz met Macron in Berlin."}"#,
            #"{"id": "f", "source": "Kuleba sagte, 76 Delegierte seien in Lwiw.", "target": "Kuleba said 67 delegates were in Lviv."}"#,
        ]
        let checker = Fixtures.bilingualChecker(from: "de", to: "en")
        let whole = try JSONLinesReader.read(data: Data(lines.joined(separator: "\n").utf8), name: "all.jsonl")
        let warm = checker.check(whole, documents: .perRecord)
        #expect(Set(warm.filter { $0.ruleID == "numbers.mismatch" }.compactMap(\.unit)) == ["b", "f"])
        var cold: [Finding] = []
        for (index, line) in lines.enumerated() {
            let padded = String(repeating: "\n", count: index) + line
            cold += checker.check(try JSONLinesReader.read(data: Data(padded.utf8), name: "all.jsonl"), documents: .perRecord)
        }
        #expect(warm == cold.sorted(by: Finding.reportingOrder))
    }
}

private final class JobTally: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [Int]
    private var threads: [pthread_t] = []

    init(count: Int) { runs = Array(repeating: 0, count: count) }

    func record(_ index: Int, on thread: pthread_t) {
        lock.lock()
        defer { lock.unlock() }
        runs[index] += 1
        if !threads.contains(where: { pthread_equal($0, thread) != 0 }) { threads.append(thread) }
    }

    var counts: [Int] { lock.withLock { runs } }
    var threadCount: Int { lock.withLock { threads.count } }
}
