import Foundation

extension LintSession {
    /// Whether `checkBilingualStream` reads this input as a stream: a JSON Lines or XLIFF file (not
    /// standard input) larger than `CheckConfiguration.windowBytes`, checked per file on more than
    /// one thread (on one, a file is checked whole, as `Checker.chunkedUnitFindings` does).
    public func isStreamedBilingual(_ input: Input, documents: DocumentMode? = nil) -> Bool {
        streamedPath(input, documents: documents) != nil
    }

    private func streamedPath(_ input: Input, documents: DocumentMode?) -> String? {
        guard case .bilingual(let path, _) = input, path != "-", (documents ?? .perFile) == .perFile,
              configuration.threadCount > 1, BilingualFileLoader.isStreamable(path: path),
              // A file whose size cannot be read is checked whole, which reports why it cannot be read.
              let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int,
              size > configuration.windowBytes else { return nil }
        return path
    }

    /// Checks a large JSON Lines or XLIFF file (`isStreamedBilingual`) from the file, a chunk of
    /// units at a time, and hands its findings to `emit` in file order as the chunks are done.
    /// The findings, their order and the errors are those of `check(input)`, which checks the
    /// loaded file in chunks (`Checker.chunkedUnitFindings`); only memory differs: no more than
    /// the chunks in flight and the facts of the whole file are held, never all its units unless
    /// their text is small (`CheckConfiguration.retainedUnitTextBytes`).
    ///
    /// A first pass reads the file for what every chunk must know of the whole (`WholeFileFacts`:
    /// spellings and source words, held as sets), its languages and whether it can be checked in
    /// chunks at all; it throws any error of the file before a finding is emitted. It keeps the
    /// chunks it read if their text is no more than `retainedUnitTextBytes`, and the second pass
    /// checks them as kept; otherwise the second pass reads the file again. A file that must be
    /// checked whole (fewer than two chunks of units, suppression directives in its targets) is
    /// loaded and checked whole, as by `check`.
    /// Returns `false`, having emitted nothing, for any other input.
    public func checkBilingualStream(_ input: Input, documents: DocumentMode? = nil,
                                     emit: ([Finding]) throws(InputError) -> Void) throws(InputError) -> Bool {
        guard let path = streamedPath(input, documents: documents), let stream = BilingualFileLoader.unitStream(path: path) else {
            return false
        }
        StageProfile.shared?.mark("streamed file: survey starts")
        var chunks = UnitChunks(stream)
        // The languages so far decide the checker of the first pass; a file whose first naming of a
        // language comes later is read a second time with the right one.
        let firstChunk = try chunks.next()
        var checker = try self.checker(source: stream.sourceLanguage ?? configuration.sourceLanguage,
                                       target: stream.targetLanguage ?? configuration.targetLanguage)
        var survey = try WholeFileSurvey.read(chunks: &chunks, first: firstChunk, path: path, checker: checker)
        if survey.checksWhole {
            try emit(checkBilingual(BilingualFileLoader.loadAll(path: path, sourceLanguage: configuration.sourceLanguage),
                                    documents: .perFile))
            return true
        }
        let final = try self.checker(source: stream.sourceLanguage ?? configuration.sourceLanguage,
                                     target: stream.targetLanguage ?? configuration.targetLanguage)
        if final.configuration.sourceLanguage != checker.configuration.sourceLanguage
            || final.configuration.targetLanguage != checker.configuration.targetLanguage {
            guard let again = BilingualFileLoader.unitStream(path: path) else { throw changed(path) }
            var chunks = UnitChunks(again)
            let first = try chunks.next()
            survey = try WholeFileSurvey.read(chunks: &chunks, first: first, path: path, checker: final)
            checker = final
        }
        StageProfile.shared?.mark("streamed file: survey done")
        let template = BilingualFile(path: path, sourceLanguage: stream.sourceLanguage, targetLanguage: stream.targetLanguage,
                                     units: [], pluralFormCount: stream.pluralFormCount, format: stream.format)
        let kept = survey.kept
        survey.kept = []
        try checker.checkChunks(kept: kept, rest: { () throws(InputError) -> UnitChunks in
            guard let second = BilingualFileLoader.unitStream(path: path) else { throw changed(path) }
            return UnitChunks(second)
        }, file: template, facts: survey.facts, units: survey.units, emit: emit)
        StageProfile.shared?.mark("streamed file: check done")
        return true
    }

    private func changed(_ path: String) -> InputError {
        InputError(file: path, message: "the file changed while it was being checked")
    }
}

/// A stream's units in chunks of exactly `Checker.unitsPerChunk`, the last one shorter: the chunks
/// `Checker.chunkedUnitFindings` cuts a loaded file into.
struct UnitChunks {
    let stream: any BilingualUnitStream
    private var pending: [BilingualUnit] = []
    private var ended = false

    init(_ stream: any BilingualUnitStream) { self.stream = stream }

    mutating func next() throws(InputError) -> [BilingualUnit]? {
        let size = Checker.unitsPerChunk
        while pending.count < size, !ended {
            if let units = try stream.next() { pending += units } else { ended = true }
        }
        guard !pending.isEmpty else { return nil }
        let chunk = Array(pending.prefix(size))
        pending.removeFirst(chunk.count)
        return chunk
    }
}

/// The first pass of `checkBilingualStream`.
struct WholeFileSurvey {
    var facts = WholeFileFacts()
    var units = 0
    /// Every chunk of the file in order, kept for the second pass, with their target documents
    /// and glossary matches when the first pass made them; none if their text is more than
    /// `retainedUnitTextBytes`.
    var kept: [(units: [BilingualUnit], target: ReadTarget?)] = []
    /// Whether the file is checked whole, as `Checker.chunkedUnitFindings` checks a file of fewer
    /// than two chunks, one with suppression directives or one that declares a plural count.
    var checksWhole = false

    static func read(chunks: inout UnitChunks, first: [BilingualUnit]?, path: String,
                     checker: Checker) throws(InputError) -> WholeFileSurvey {
        var survey = WholeFileSurvey()
        let comparesSpellings = checker.comparesSpellings
        let readsSourceWords = checker.readsSourceWords
        var spellings = GlossaryInconsistentRule.Tally()
        var sourceWords = Set<String>()
        var pendingFirst = first
        var failure: InputError?
        var suppressed = false
        var inOrder = true
        var lastLine = 0
        var reader = chunks
        var keeping = true
        var keptBytes = 0
        let keptBudget = checker.configuration.retainedUnitTextBytes
        let jobs = checker.configuration.threadCount
        let profile = StageProfile.shared
        // A chunk's facts take about a millisecond, and XLIFF comes in bursts of a block's units
        // (4,000 news units a MiB): the reader may run that far ahead, a few MB of units.
        orderedStreamWork(jobs: jobs, lookAhead: 32, next: { () -> [BilingualUnit]? in
            let start = profile == nil ? 0 : StageProfile.now()
            defer { profile?.add("streamed file: survey, reading units", since: start) }
            let chunk: [BilingualUnit]?
            if let first = pendingFirst {
                pendingFirst = nil
                chunk = first
            } else {
                do throws(InputError) {
                    chunk = try reader.next()
                } catch {
                    failure = error
                    return nil
                }
            }
            for unit in chunk ?? [] {
                let line = (unit.target ?? unit.source).line
                if line < lastLine { inOrder = false }
                lastLine = line
            }
            return chunk
        }, work: { part -> (units: [BilingualUnit], textBytes: Int, suppresses: Bool, facts: WholeFileFacts, target: ReadTarget?) in
            let start = profile == nil ? 0 : StageProfile.now()
            defer { profile?.add("streamed file: survey, whole-file facts", since: start) }
            let suppresses = part.contains { $0.target?.text.contains("lector-") ?? false }
            let read = suppresses ? (facts: WholeFileFacts(), target: nil)
                : checker.chunkFactsAndTarget(part, path: path, spellings: comparesSpellings, sourceWords: readsSourceWords)
            let textBytes = part.reduce(0) { $0 + $1.source.text.utf8.count + ($1.target?.text.utf8.count ?? 0) }
            return (part, textBytes, suppresses, read.facts, read.target)
        }, deliver: { part in
            survey.units += part.units.count
            if part.suppresses {
                // Checked whole: the rest of the file need not be surveyed.
                suppressed = true
                return false
            }
            // All the file's chunks or none: a file too large to keep whole is read again whole
            // (its memory stays that of the chunks in flight).
            if keeping, keptBytes + part.textBytes <= keptBudget {
                keptBytes += part.textBytes
                survey.kept.append((part.units, part.target))
            } else if keeping {
                keeping = false
                survey.kept = []
            }
            if let tally = part.facts.spellings { spellings.append(tally) }
            if let words = part.facts.sourceWords { sourceWords.formUnion(words) }
            return true
        })
        chunks = reader
        if let failure { throw failure }
        if suppressed {
            // Any error of the file is the whole-file reader's to throw.
            survey.checksWhole = true
            survey.kept = []
            return survey
        }
        // Findings are emitted before the file is done only because units come in file order.
        survey.checksWhole = survey.units < 2 * Checker.unitsPerChunk || chunks.stream.pluralFormCount != nil || !inOrder
        if survey.checksWhole { survey.kept = [] }
        survey.facts = WholeFileFacts(spellings: comparesSpellings ? spellings : nil, sourceWords: readsSourceWords ? sourceWords : nil)
        return survey
    }
}

extension Checker {
    /// The second pass of `LintSession.checkBilingualStream`: `chunkedUnitFindings` of a file read
    /// chunk by chunk, its findings emitted in the order `chunkedUnitFindings` returns them: the
    /// `kept` chunks (all the file's, each of `unitsPerChunk` units but the last) if there are any,
    /// else those read from `rest`, a new stream over the file.
    ///
    /// That order is the chunks' order, sorted if it is not sorted. Every finding of a unit lies at
    /// or after the line where the unit's target (or, without one, its source) starts, and units
    /// come in file order; so once a chunk is done, the findings before the next chunk's first line
    /// can be sorted and emitted, and only those on or after it wait.
    func checkChunks(kept: [(units: [BilingualUnit], target: ReadTarget?)], rest: () throws(InputError) -> UnitChunks,
                     file: BilingualFile, facts: WholeFileFacts, units expected: Int,
                     emit: ([Finding]) throws(InputError) -> Void) throws(InputError) {
        var kept = kept
        var nextKept = 0
        var reader: UnitChunks?
        var failure: InputError?
        var read = 0
        /// Where the next chunk starts in the assembled target document.
        var offset = 0
        var waiting: [Finding] = []
        var waitingSorted = true
        let jobs = configuration.threadCount
        typealias Chunk = (units: [BilingualUnit], target: ReadTarget?, start: Int)
        let preparations = PreparationPool()
        let profile = StageProfile.shared
        orderedStreamWork(jobs: jobs, lookAhead: 2 * jobs, next: { () -> Chunk? in
            let readStart = profile == nil ? 0 : StageProfile.now()
            defer { profile?.add("streamed file: check, reading units", since: readStart) }
            let part: [BilingualUnit]?
            var target: ReadTarget?
            if nextKept < kept.count {
                (part, target) = kept[nextKept]
                // Held from here on by its job only, and freed when it is checked.
                kept[nextKept] = ([], nil)
                nextKept += 1
            } else if !kept.isEmpty {
                part = nil
            } else {
                do throws(InputError) {
                    if reader == nil { reader = try rest() }
                    part = try reader?.next()
                } catch {
                    failure = error
                    return nil
                }
            }
            guard let part else { return nil }
            let start = offset
            for unit in part { offset += (unit.target?.text.utf16.count ?? 0) + 1 }
            read += part.count
            return (part, target, start)
        }, work: { chunk -> (findings: [Finding], firstLine: Int) in
            profile?.mark("streamed file: first chunk's check starts")
            let found = preparations.using { kept in
                unitFindings(file.with(units: chunk.units), wholeFile: facts, kept: kept, read: chunk.target)
            }
            let first = chunk.units.first.map { ($0.target ?? $0.source).line } ?? 0
            return (found.map { $0.moved(lines: 0, bytes: 0, utf16: chunk.start) }, first)
        }, deliver: { chunk in
            // Every finding still to come lies on or after this chunk's first line.
            var ready: [Finding] = []
            if !waiting.isEmpty {
                if !waitingSorted {
                    waiting.sort(by: Finding.reportingOrder)
                    waitingSorted = true
                }
                let split = waiting.firstIndex { $0.location.line >= chunk.firstLine } ?? waiting.count
                ready = Array(waiting[..<split])
                waiting.removeFirst(split)
            }
            if let last = waiting.last, let first = chunk.findings.first, Finding.reportingOrder(first, last) {
                waitingSorted = false
            }
            if !chunk.findings.isSorted(by: Finding.reportingOrder) { waitingSorted = false }
            waiting += chunk.findings
            guard !ready.isEmpty else { return true }
            do throws(InputError) {
                try emit(ready)
            } catch {
                failure = error
                return false
            }
            return true
        })
        if let failure { throw failure }
        if read != expected {
            throw InputError(file: file.path, message: "the file changed while it was being checked")
        }
        if !waitingSorted { waiting.sort(by: Finding.reportingOrder) }
        releaseFreeMemory()
        try emit(waiting)
    }
}

/// Like `orderedWindowWork`, for jobs that a sequential producer makes one after the other until
/// it returns `nil` (the chunks of a file being read): `next` is called on a thread of its own, in
/// order, so that reading runs while the jobs made before are worked on (an XLIFF file is parsed a
/// block of thousands of units at a time); `work` runs on `jobs` threads; `deliver` gets the
/// results in job order, one call at a time. At most `lookAhead` jobs beyond the next to deliver
/// are made, so memory stays bounded however long the input. `deliver` returning `false` stops
/// the run. Returns once every thread it started has ended.
func orderedStreamWork<Job, Value>(jobs: Int, lookAhead: Int, next: () -> Job?, work: (Job) -> Value,
                                   deliver: (Value) -> Bool) {
    withoutActuallyEscaping(next) { next in
    withoutActuallyEscaping(work) { work in
    withoutActuallyEscaping(deliver) { deliver in
    let runner = StreamWorkRunner(lookAhead: max(lookAhead, 1), next: next, work: work, deliver: deliver)
    let produced = DispatchSemaphore(value: 0)
    // The thread holds the runner, and so the closures, unretained: a `Thread` keeps its block
    // after it signals, and the closures must have no owner left when this call returns. The
    // runner lives until `produced` is signalled, as this call waits for that.
    let unretained = Unmanaged.passUnretained(runner)
    let producer = Thread {
        unretained._withUnsafeGuaranteedRef { $0.produce() }
        produced.signal()
    }
    // The readers' parsers recurse no deeper than on the main thread, whose stack is 8 MiB.
    producer.stackSize = 8 << 20
    producer.start()
    DispatchQueue.concurrentPerform(iterations: max(jobs, 1)) { _ in runner.runThread() }
    // `next` may not outlive this call, and the producer's runner must outlive the producer.
    withExtendedLifetime(runner) { produced.wait() }
    }
    }
    }
}

/// The state of one `orderedStreamWork`: its closures run under its discipline (`next` on the
/// producer's thread only, one `deliver` at a time; `work` on values no other thread touches).
private final class StreamWorkRunner<Job, Value>: @unchecked Sendable {
    let lookAhead: Int
    let next: () -> Job?
    let work: (Job) -> Value
    let deliver: (Value) -> Bool
    let condition = NSCondition()
    /// Jobs made and not yet taken, first in order, with their numbers (`made` counts all made).
    var queue: [(index: Int, job: Job)] = []
    var made = 0
    var delivered = 0
    var delivering = false
    var stopped = false
    var exhausted = false
    var pending: [Int: Value] = [:]

    init(lookAhead: Int, next: @escaping () -> Job?, work: @escaping (Job) -> Value, deliver: @escaping (Value) -> Bool) {
        self.lookAhead = lookAhead
        self.next = next
        self.work = work
        self.deliver = deliver
    }

    /// The producer's thread: makes jobs until there are no more or the run has stopped.
    func produce() {
        while true {
            condition.lock()
            while !stopped, made >= delivered + lookAhead { condition.wait() }
            if stopped {
                condition.unlock()
                return
            }
            condition.unlock()
            // Made outside the lock, so that jobs are taken and results delivered meanwhile.
            let job = next()
            condition.lock()
            defer {
                condition.broadcast()
                condition.unlock()
            }
            guard let job else {
                exhausted = true
                return
            }
            queue.append((made, job))
            made += 1
        }
    }

    func runThread() {
        while let (index, job) = take() {
            finish(index, work(job))
        }
    }

    /// The next job made and its number; `nil` once there are no more or the run has stopped.
    private func take() -> (Int, Job)? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, queue.isEmpty, !exhausted { condition.wait() }
        guard !stopped, !queue.isEmpty else { return nil }
        // No more than `lookAhead` jobs wait.
        return queue.removeFirst()
    }

    private func finish(_ index: Int, _ value: Value) {
        condition.lock()
        pending[index] = value
        if !delivering {
            delivering = true
            while !stopped, let ready = pending.removeValue(forKey: delivered) {
                condition.unlock()
                let goOn = deliver(ready)
                condition.lock()
                delivered += 1
                if !goOn { stopped = true }
                condition.broadcast()
            }
            delivering = false
        }
        condition.broadcast()
        condition.unlock()
    }
}
