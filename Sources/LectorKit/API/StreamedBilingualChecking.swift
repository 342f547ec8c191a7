import Foundation
import LectorICU

extension LintSession {
    /// Whether `checkBilingualStream` reads this input as a stream: a JSON Lines or XLIFF file (not
    /// standard input) larger than `CheckConfiguration.windowBytes`, checked per file on more than
    /// one thread (on one, a file is checked whole, as `Checker.chunkedUnitFindings` does).
    public func isStreamedBilingual(_ input: Input, documents: DocumentMode? = nil) -> Bool {
        streamedPath(input, documents: documents) != nil
    }

    private func streamedPath(_ input: Input, documents: DocumentMode?) -> String? {
        guard case .bilingual(let path, _) = input, Self.streams(path: path, documents: documents, configuration: configuration)
        else { return nil }
        return path
    }

    private static func streams(path: String, documents: DocumentMode?, configuration: CheckConfiguration) -> Bool {
        guard path != "-", (documents ?? .perFile) == .perFile,
              configuration.threadCount > 1, BilingualFileLoader.isStreamable(path: path),
              // A file whose size cannot be read is checked whole, which reports why it cannot be read.
              let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int,
              size > configuration.windowBytes else { return false }
        return true
    }

    /// Starts reading the first chunk of `path` on a thread of its own (`BilingualReadAhead`), for
    /// `checkBilingualStream` to take over once the session is made: for a file that
    /// `isStreamedBilingual` would stream if it is read as a bilingual file; `nil` for anything
    /// else. Reading ahead decides nothing: the session checks the file as it would without it.
    public static func readBilingualAhead(path: String, documents: DocumentMode?,
                                          configuration: CheckConfiguration) -> BilingualReadAhead? {
        guard streams(path: path, documents: documents, configuration: configuration) else { return nil }
        return BilingualReadAhead(path: path, largeUnits: configuration.largeChunkUnits)
    }

    /// Checks a large JSON Lines or XLIFF file (`isStreamedBilingual`) from the file, a chunk of
    /// units at a time, and hands its findings to `emit` in file order.
    /// The findings, their order and the errors are those of `check(input)`, which checks the
    /// loaded file in chunks (`Checker.chunkedUnitFindings`); only memory differs: no more than
    /// the chunks in flight, the facts of the whole file and its findings are held, never all its
    /// units unless their text is small (`CheckConfiguration.retainedUnitTextBytes`).
    ///
    /// A first pass reads the file for what every chunk must know of the whole (`WholeFileFacts`:
    /// spellings and source words, held as sets), its languages and whether it can be checked in
    /// chunks at all; it throws any error of the file before a finding is emitted. It also checks
    /// each chunk as it reads it, told the chunk's own facts (`OnePass`): once the whole file's
    /// are known, the findings that only the chunk's facts let through (`spelling.unknown` of a
    /// word that is a source word elsewhere in the file) are dropped, and the rest are the
    /// findings of a check told the whole file's facts, emitted at the end. Where that cannot be
    /// made exact (`OnePassFallback`), a second pass checks the file again as before: the chunks
    /// the first pass kept if their text is no more than `retainedUnitTextBytes`, otherwise the
    /// file read again, its findings emitted as the chunks are done. A file that must be checked
    /// whole (fewer than two chunks of units, suppression directives in its targets) is loaded
    /// and checked whole, as by `check`.
    /// Returns `false`, having emitted nothing, for any other input.
    /// - Parameter readAhead: the file's first chunk read while the session was made
    ///   (`readBilingualAhead`); taken over if it is this input's file, else stopped and left.
    public func checkBilingualStream(_ input: Input, documents: DocumentMode? = nil, readAhead: BilingualReadAhead? = nil,
                                     emit: ([Finding]) throws(InputError) -> Void) throws(InputError) -> Bool {
        try streamedCheck(input, documents: documents, readAhead: readAhead, emit: emit) != nil
    }

    /// How `checkBilingualStream` checked a file.
    enum StreamedCheck: Equatable {
        /// Loaded and checked whole.
        case whole
        /// Checked by the first pass alone.
        case onePass
        /// Checked again by a second pass, for this reason.
        case twoPasses(OnePassFallback)
    }

    /// `checkBilingualStream`, saying how it checked the file (`nil`: not a streamed input).
    func streamedCheck(_ input: Input, documents: DocumentMode? = nil, readAhead: BilingualReadAhead? = nil,
                       emit: ([Finding]) throws(InputError) -> Void) throws(InputError) -> StreamedCheck? {
        let taken = readAhead?.take()
        guard let path = streamedPath(input, documents: documents) else { return nil }
        var chunks: UnitChunks
        let firstChunk: [BilingualUnit]?
        if let readAhead, let taken, readAhead.path == path, readAhead.largeUnits == configuration.largeChunkUnits {
            // The stream as it stands after its first chunk, as read below.
            chunks = taken.chunks
            StageProfile.shared?.mark("streamed file: first chunk read ahead, taken over")
            firstChunk = try taken.first.get()
        } else {
            guard let stream = BilingualFileLoader.unitStream(path: path) else { return nil }
            StageProfile.shared?.mark("streamed file: survey starts")
            chunks = UnitChunks(stream, largeUnits: configuration.largeChunkUnits)
            firstChunk = try chunks.next()
        }
        // The languages so far decide the checker of the first pass; a file whose first naming of a
        // language comes later is read a second time with the right one.
        let stream = chunks.stream
        var checker = try self.checker(source: stream.sourceLanguage ?? configuration.sourceLanguage,
                                       target: stream.targetLanguage ?? configuration.targetLanguage)
        // What the first pass's checks are told of the file; the file's own as far as it was read.
        let early = BilingualFile(path: path, sourceLanguage: stream.sourceLanguage, targetLanguage: stream.targetLanguage,
                                  units: [], pluralFormCount: stream.pluralFormCount, format: stream.format)
        var survey = try WholeFileSurvey.read(chunks: &chunks, first: firstChunk, path: path, checker: checker,
                                              checking: early)
        if survey.checksWhole {
            try emit(checkBilingual(BilingualFileLoader.loadAll(path: path, sourceLanguage: configuration.sourceLanguage),
                                    documents: .perFile))
            return .whole
        }
        let final = try self.checker(source: stream.sourceLanguage ?? configuration.sourceLanguage,
                                     target: stream.targetLanguage ?? configuration.targetLanguage)
        if final.configuration.sourceLanguage != checker.configuration.sourceLanguage
            || final.configuration.targetLanguage != checker.configuration.targetLanguage {
            guard let again = BilingualFileLoader.unitStream(path: path) else { throw changed(path) }
            var chunks = UnitChunks(again, largeUnits: configuration.largeChunkUnits)
            let first = try chunks.next()
            // The chunks were checked with the wrong languages; this pass only surveys (a new
            // stream names the languages late again), and the second pass checks.
            survey = try WholeFileSurvey.read(chunks: &chunks, first: first, path: path, checker: final)
            survey.fallback = .languagesNamedLate
            checker = final
        }
        let template = BilingualFile(path: path, sourceLanguage: stream.sourceLanguage, targetLanguage: stream.targetLanguage,
                                     units: [], pluralFormCount: stream.pluralFormCount, format: stream.format)
        if survey.fallback == nil, template.sourceLanguage != early.sourceLanguage || template.targetLanguage != early.targetLanguage
            || template.format != early.format || template.pluralFormCount != early.pluralFormCount {
            // The checks were told the file as it was before its languages were named.
            survey.fallback = .languagesNamedLate
        }
        if survey.fallback == nil, let checked = survey.checked {
            StageProfile.shared?.mark("streamed file: one pass done")
            // The chunks kept for a second pass, then the file's source words, are freed on a
            // utility thread while the findings go out.
            let kept = survey.kept
            survey.kept = []
            BackgroundRelease.release(consume kept)
            try checker.emitOnePass(checked, sourceWords: survey.facts.sourceWords, emit: emit)
            let done = survey
            survey = WholeFileSurvey()
            BackgroundRelease.release(consume done)
            StageProfile.shared?.mark("streamed file: check done")
            return .onePass
        }
        let fallback = survey.fallback ?? .notChecked
        survey.checked = nil
        StageProfile.shared?.mark("streamed file: survey done")
        let kept = survey.kept
        survey.kept = []
        try checker.checkChunks(kept: kept, rest: { () throws(InputError) -> UnitChunks in
            guard let second = BilingualFileLoader.unitStream(path: path) else { throw changed(path) }
            return UnitChunks(second, largeUnits: configuration.largeChunkUnits)
        }, file: template, facts: survey.facts, units: survey.units, emit: emit)
        StageProfile.shared?.mark("streamed file: check done")
        return .twoPasses(fallback)
    }

    private func changed(_ path: String) -> InputError {
        InputError(file: path, message: "the file changed while it was being checked")
    }
}

/// The first chunk of a large JSON Lines, XLIFF or TMX file, read on a thread of its own while the
/// rest of the run starts (`LintSession.readBilingualAhead`): XLIFF is parsed a block of about a
/// MiB at a time, some 20 ms before the first chunk can be checked, which were serial while the
/// session's second core was half idle. `LintSession.checkBilingualStream` takes the stream over
/// (`take`) in the state the first chunk left it, so the rest of the run is as without it; an
/// error met reading the first chunk is thrown where reading it would have thrown it.
public final class BilingualReadAhead: @unchecked Sendable {
    let path: String
    /// `CheckConfiguration.largeChunkUnits` of the run it reads for: taken over only by a run that
    /// cuts chunks the same way.
    let largeUnits: Int
    private let condition = NSCondition()
    private var read: (chunks: UnitChunks, first: Result<[BilingualUnit]?, InputError>)?
    private var finished = false

    init(path: String, largeUnits: Int) {
        self.path = path
        self.largeUnits = largeUnits
        startReadAheadThread { [self] in
            var made: (chunks: UnitChunks, first: Result<[BilingualUnit]?, InputError>)?
            // A file that cannot be opened as a stream is left to `checkBilingualStream`, which
            // finds the same and checks it whole.
            if let stream = BilingualFileLoader.unitStream(path: path) {
                var chunks = UnitChunks(stream, largeUnits: largeUnits)
                let first: Result<[BilingualUnit]?, InputError>
                do throws(InputError) {
                    first = .success(try chunks.next())
                } catch {
                    first = .failure(error)
                }
                made = (chunks, first)
            }
            condition.withLock {
                read = made
                finished = true
                condition.broadcast()
            }
        }
    }

    /// Stops the reading, for a run that does not stream the file after all (waiting for the
    /// chunk being read); what was read is dropped.
    public func stop() {
        _ = take()
    }

    /// Waits until the first chunk is read, and leaves it (for tests).
    func finish() {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
    }

    /// Waits for the first chunk and returns the stream after it and the chunk (or the error
    /// reading it threw); `nil` if the file could not be opened as a stream, or once taken.
    func take() -> (chunks: UnitChunks, first: Result<[BilingualUnit]?, InputError>)? {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        defer { read = nil }
        return read
    }
}

/// A stream's units in chunks: of `largeUnits` (`CheckConfiguration.largeChunkUnits`) while the
/// stream has more to give, then, once it has ended, what is left in chunks of
/// `Checker.unitsPerChunk`, the last one shorter, as `Checker.chunks(of:largeUnits:)` cuts a
/// loaded file near its end: small chunks there keep the threads finishing together.
struct UnitChunks {
    let stream: any BilingualUnitStream
    let largeUnits: Int
    private var pending: [BilingualUnit] = []
    private var ended = false

    init(_ stream: any BilingualUnitStream, largeUnits: Int) {
        self.stream = stream
        self.largeUnits = max(largeUnits, 1)
    }

    mutating func next() throws(InputError) -> [BilingualUnit]? {
        while pending.count < largeUnits, !ended {
            if let units = try stream.next() { pending += units } else { ended = true }
        }
        guard !pending.isEmpty else { return nil }
        let chunk = Array(pending.prefix(ended ? Checker.unitsPerChunk : largeUnits))
        pending.removeFirst(chunk.count)
        return chunk
    }
}

/// Why a streamed file's first pass did not check it alone (`LintSession.checkBilingualStream`):
/// its findings, told only each chunk's facts, could differ from those told the whole file's in
/// a way that cannot be mended afterwards.
enum OnePassFallback: Equatable {
    /// The first pass did not check (the survey was asked only for facts).
    case notChecked
    /// An embedder's rule may read the whole file's facts (`CheckContext.documentSpellings`,
    /// `documentSourceWords`) in a way only it knows.
    case customRules
    /// A glossary concept is written two ways in the file: `glossary.inconsistent` flags the less
    /// used spelling, which only the whole file's counts decide.
    case twoSpellings
    /// A unit's note mentions a `lector-` directive: a directive that silences `spelling.unknown`
    /// on its unit is used or unused (`suppression.unused`) depending on findings later dropped.
    case suppressionNotes
    /// The findings kept until the end would take more than `retainedFindingBytes`.
    case findingsTooLarge
    /// The file named its languages (or format) after its first chunk: the chunks were checked
    /// with the languages of the configuration.
    case languagesNamedLate
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
    /// When the first pass checked every chunk, told its own facts: each chunk's findings (their
    /// offsets in the assembled document, as `checkChunks` moves them) and the line its units
    /// start on. `nil` when it did not (`fallback`).
    var checked: [(findings: [Finding], firstLine: Int)]?
    /// Why the first pass stopped checking, or did not start.
    var fallback: OnePassFallback?

    /// - Parameter checking: the file (its languages, format and plural count as the stream knew
    ///   them before its first chunk) whose chunks are checked as they are read; `nil`: facts only.
    static func read(chunks: inout UnitChunks, first: [BilingualUnit]?, path: String,
                     checker: Checker, checking: BilingualFile? = nil) throws(InputError) -> WholeFileSurvey {
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
        // The one-pass check, unless it cannot be made exact whatever the file holds.
        let onePass = OnePass()
        if checking == nil {
            onePass.stop()
            survey.fallback = .notChecked
        } else if !checker.configuration.customRules.isEmpty {
            onePass.stop()
            survey.fallback = .customRules
        } else {
            survey.checked = []
        }
        let findingsBudget = checker.configuration.retainedFindingBytes
        var findingsBytes = 0
        /// Where the next chunk starts in the assembled target document (as in `checkChunks`).
        var offset = 0
        let preparations = PreparationPool()
        func fallBack(_ reason: OnePassFallback) {
            onePass.stop()
            survey.fallback = reason
            survey.checked = nil
        }
        // A chunk's facts take about a millisecond, and XLIFF comes in bursts of a block's units
        // (4,000 news units a MiB): the reader may run about twice that far ahead, a few MB of units.
        orderedStreamWork(jobs: jobs, lookAhead: max(2 * jobs, 8_192 / max(chunks.largeUnits, 1)), next: { () -> [BilingualUnit]? in
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
        }, work: { part -> SurveyedChunk in
            var start = profile == nil ? 0 : StageProfile.now()
            let suppresses = part.contains { $0.target?.text.mentionsLectorDirective ?? false }
            let read = suppresses ? (facts: WholeFileFacts(), target: nil)
                : checker.chunkFactsAndTarget(part, path: path, spellings: comparesSpellings, sourceWords: readsSourceWords)
            let textBytes = part.reduce(0) { $0 + $1.source.text.utf8.count + ($1.target?.text.utf8.count ?? 0) }
            // Conservative: any mention of a directive in a note, as `unitDirective` reads them or not.
            let notes = part.contains { $0.notes.contains(where: \.mentionsLectorDirective) }
            if let profile {
                profile.add("streamed file: survey, whole-file facts", since: start)
                start = StageProfile.now()
            }
            var findings: [Finding]?
            if let checking, !suppresses, !notes, onePass.isOn {
                // Told the chunk's own facts: its spellings (if the file's have no concept written
                // two ways, neither have the chunk's, and `glossary.inconsistent` flags nothing
                // either way) and its source words (a subset of the file's: a word unknown here
                // and a source word elsewhere is dropped at the end, `emitOnePass`).
                findings = preparations.using { kept in
                    checker.unitFindings(checking.with(units: part), wholeFile: read.facts, kept: kept, read: read.target)
                }
                profile?.add("streamed file: one pass, check", since: start)
            }
            return SurveyedChunk(units: part, textBytes: textBytes, suppresses: suppresses, notes: notes, facts: read.facts,
                                 target: read.target, findings: findings)
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
            let chunkStart = offset
            for unit in part.units { offset += (unit.target?.text.utf16.count ?? 0) + 1 }
            if survey.checked != nil {
                if part.notes {
                    fallBack(.suppressionNotes)
                } else if comparesSpellings, spellings.hasTwoSpellings {
                    fallBack(.twoSpellings)
                } else if let found = part.findings {
                    findingsBytes += found.reduce(0) { $0 + $1.retainedBytes }
                    if findingsBytes > findingsBudget {
                        fallBack(.findingsTooLarge)
                    } else {
                        let firstLine = part.units.first.map { ($0.target ?? $0.source).line } ?? 0
                        survey.checked?.append((found.map { $0.moved(lines: 0, bytes: 0, utf16: chunkStart) }, firstLine))
                    }
                }
            }
            return true
        })
        chunks = reader
        if let failure { throw failure }
        if suppressed {
            // Any error of the file is the whole-file reader's to throw.
            survey.checksWhole = true
            survey.kept = []
            survey.checked = nil
            return survey
        }
        // Findings are emitted before the file is done only because units come in file order.
        survey.checksWhole = survey.units < 2 * Checker.unitsPerChunk || chunks.stream.pluralFormCount != nil || !inOrder
        if survey.checksWhole {
            survey.kept = []
            survey.checked = nil
        }
        survey.facts = WholeFileFacts(spellings: comparesSpellings ? spellings : nil, sourceWords: readsSourceWords ? sourceWords : nil)
        return survey
    }
}

/// What the first pass makes of a chunk (`WholeFileSurvey.read`).
private struct SurveyedChunk {
    let units: [BilingualUnit]
    let textBytes: Int
    /// Suppression directives in its targets: the file is checked whole.
    let suppresses: Bool
    /// A note mentions a `lector-` directive (`OnePassFallback.suppressionNotes`).
    let notes: Bool
    let facts: WholeFileFacts
    let target: ReadTarget?
    /// Its findings told its own facts, if the first pass checked it.
    let findings: [Finding]?
}

/// Whether the first pass still checks chunks: read by its jobs, stopped by its deliveries.
private final class OnePass: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    var isOn: Bool { lock.withLock { !stopped } }

    func stop() { lock.withLock { stopped = true } }
}

extension Finding {
    /// About what a kept finding costs in memory: its strings' bytes and about 200 for the rest
    /// (locations, the rule id, the file's path shared, the array's slot).
    var retainedBytes: Int {
        200 + message.utf8.count + text.utf8.count + (sentence?.utf8.count ?? 0) + (suggestion?.utf8.count ?? 0)
            + (note?.utf8.count ?? 0) + (unit?.utf8.count ?? 0)
    }
}

extension Checker {
    /// Emits the findings of a file the first pass checked alone (`WholeFileSurvey.checked`), in the
    /// order `checkChunks` would: every chunk's findings, less the `spelling.unknown` findings of
    /// words that are source words of the file (`sourceWords`, the whole file's) though not of
    /// their chunk. The rule judges a word by its case-folded form, and only the source words
    /// decide between a chunk's facts and the file's; so what is left is what the rule, told the
    /// file's source words, finds.
    func emitOnePass(_ checked: [(findings: [Finding], firstLine: Int)], sourceWords: Set<String>?,
                     emit: ([Finding]) throws(InputError) -> Void) throws(InputError) {
        let spelling = SpellingUnknownRule.description.id
        var order = ChunkFindingsOrder()
        for var chunk in checked {
            if let sourceWords {
                // A finding's `text` is the word as the rule read it: an assembled document is
                // never masked, so `unmaskedText(in:)` is `text(in:)`. A rule failure has no text.
                chunk.findings.removeAll { finding in
                    finding.ruleID == spelling && !finding.text.isEmpty && sourceWords.contains(CaseMapping.fold(finding.text))
                }
            }
            let ready = order.add(chunk.findings, firstLine: chunk.firstLine)
            if !ready.isEmpty { try emit(ready) }
        }
        releaseFreeMemory()
        try emit(order.finish())
    }
}

extension Checker {
    /// The second pass of `LintSession.checkBilingualStream`: `chunkedUnitFindings` of a file read
    /// chunk by chunk, its findings emitted in the order `chunkedUnitFindings` returns them: the
    /// `kept` chunks (all the file's, in the first pass's chunks) if there are any,
    /// else those read from `rest`, a new stream over the file. Findings are emitted as soon as
    /// their place in that order is sure (`ChunkFindingsOrder`).
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
        var order = ChunkFindingsOrder()
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
            let ready = order.add(chunk.findings, firstLine: chunk.firstLine)
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
        releaseFreeMemory()
        try emit(order.finish())
    }
}

/// A file's findings chunk by chunk, given back in the order `Checker.chunkedUnitFindings` returns
/// them: the chunks' order, sorted if it is not sorted. Every finding of a unit lies at or after
/// the line where the unit's target (or, without one, its source) starts, and units come in file
/// order; so once a chunk is added, the findings before its first line can be sorted and given
/// back, and only those on or after it wait.
struct ChunkFindingsOrder {
    private var waiting: [Finding] = []
    private var waitingSorted = true

    /// Adds the findings of the next chunk, whose units start on `firstLine`; returns those that
    /// come before it.
    mutating func add(_ findings: [Finding], firstLine: Int) -> [Finding] {
        // Every finding still to come lies on or after this chunk's first line.
        var ready: [Finding] = []
        if !waiting.isEmpty {
            if !waitingSorted {
                waiting.sort(by: Finding.reportingOrder)
                waitingSorted = true
            }
            let split = waiting.firstIndex { $0.location.line >= firstLine } ?? waiting.count
            ready = Array(waiting[..<split])
            waiting.removeFirst(split)
        }
        if let last = waiting.last, let first = findings.first, Finding.reportingOrder(first, last) {
            waitingSorted = false
        }
        if !findings.isSorted(by: Finding.reportingOrder) { waitingSorted = false }
        waiting += findings
        return ready
    }

    /// The findings still waiting, once every chunk is added.
    mutating func finish() -> [Finding] {
        if !waitingSorted { waiting.sort(by: Finding.reportingOrder) }
        defer { waiting = [] }
        return waiting
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
