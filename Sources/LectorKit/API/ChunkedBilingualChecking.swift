import Foundation

/// What a chunk of a bilingual file checked in chunks must know of the whole file: the two things
/// a rule reads across units (`glossary.inconsistent`'s spellings, and the source words
/// `spelling.unknown` accepts anywhere in the translation).
struct WholeFileFacts: Sendable {
    var spellings: GlossaryInconsistentRule.Tally?
    var sourceWords: Set<String>?
}

extension Checker {
    /// Units per chunk of a bilingual file checked on several threads, at its end (`chunks(of:largeUnits:)`).
    static let unitsPerChunk = 256

    /// Where a loaded file of `count` units is cut into chunks: chunks of `largeUnits`
    /// (`CheckConfiguration.largeChunkUnits`) while more than four of them are left, then of
    /// `unitsPerChunk`, which keep the threads finishing together. `UnitChunks` cuts a stream the
    /// same way, once it has ended.
    static func chunks(of count: Int, largeUnits: Int) -> [Range<Int>] {
        let large = max(largeUnits, 1)
        var chunks: [Range<Int>] = []
        var start = 0
        while start < count {
            let size = count - start > 4 * large ? large : unitsPerChunk
            chunks.append(start..<min(count, start + size))
            start += size
        }
        return chunks
    }

    /// The findings of `check(_:documents: .perFile)`, found on `CheckConfiguration.threadCount`
    /// threads: the units are checked in chunks of consecutive units, each chunk a document of its
    /// own that is told the whole file's spellings and source words, and the chunks' findings are
    /// joined in file order. Only a finding's `utf16Offset`, which counts in the assembled
    /// document, needs moving. A file whose findings could depend on the chunking otherwise is
    /// checked whole: suppression directives in its targets (a region may span units) or a
    /// declared plural count (`plural.forms` reports a wrong one at the first plural unit).
    func chunkedUnitFindings(_ file: BilingualFile) -> [Finding] {
        let units = file.units
        let jobs = configuration.threadCount
        guard jobs > 1, units.count >= 2 * Self.unitsPerChunk, file.pluralFormCount == nil,
              !units.contains(where: { $0.target?.text.mentionsLectorDirective ?? false }) else { return unitFindings(file) }
        let chunks = Self.chunks(of: units.count, largeUnits: configuration.largeChunkUnits)
        // Where each chunk starts in the assembled target document: a unit is its target (line
        // breaks become spaces of the same length) and a line break.
        var starts: [Int] = []
        var offset = 0
        for chunk in chunks {
            starts.append(offset)
            for unit in units[chunk] { offset += (unit.target?.text.utf16.count ?? 0) + 1 }
        }
        let comparesSpellings = comparesSpellings
        let readsSourceWords = readsSourceWords
        var facts = WholeFileFacts()
        if comparesSpellings || readsSourceWords {
            var spellings = GlossaryInconsistentRule.Tally()
            var sourceWords = Set<String>()
            orderedWindowWork(count: chunks.count, jobs: jobs, lookAhead: 2 * jobs, work: { index -> WholeFileFacts in
                chunkFacts(Array(units[chunks[index]]), path: file.path, spellings: comparesSpellings, sourceWords: readsSourceWords)
            }, deliver: { (_, part: WholeFileFacts) in
                if let tally = part.spellings { spellings.append(tally) }
                if let words = part.sourceWords { sourceWords.formUnion(words) }
                return true
            })
            facts = WholeFileFacts(spellings: comparesSpellings ? spellings : nil, sourceWords: readsSourceWords ? sourceWords : nil)
        }
        var findings: [Finding] = []
        let preparations = PreparationPool()
        orderedWindowWork(count: chunks.count, jobs: jobs, lookAhead: 2 * jobs, work: { index -> [Finding] in
            preparations.using { kept in
                unitFindings(file.with(units: Array(units[chunks[index]])), wholeFile: facts, kept: kept)
            }
        }, deliver: { (index, found: [Finding]) in
            findings += found.map { $0.moved(lines: 0, bytes: 0, utf16: starts[index]) }
            return true
        })
        releaseFreeMemory()
        if !findings.isSorted(by: Finding.reportingOrder) { findings.sort(by: Finding.reportingOrder) }
        return findings
    }
}

/// A chunk's target document (`Checker.targetDocument`) and its glossary matches outside links
/// (`Checker.glossaryMatches(in:)`, `nil` when the matcher cannot be built), made by the first pass
/// over a streamed file and checked by the second as `unitFindings` would have made them.
struct ReadTarget {
    let document: SourceDocument
    let matches: TargetMatches?
}

/// A target document's glossary matches outside links and code, and its words as the matcher read
/// them (`Checker.glossaryMatches(in:)`): the rules that read the words again (`spelling.unknown`)
/// take them from here instead of splitting the text again.
struct TargetMatches: Sendable {
    let matches: [GlossaryMatch]
    let words: WordSpans
}

extension Checker {
    /// Whether `spelling.unknown` reads the whole file's source words.
    var readsSourceWords: Bool {
        configuration.sourceLanguage != nil && !configuration.disabledRules.contains(SpellingUnknownRule.description.id)
    }

    /// What one chunk of units adds to `WholeFileFacts`.
    func chunkFacts(_ part: [BilingualUnit], path: String, spellings: Bool, sourceWords: Bool) -> WholeFileFacts {
        chunkFactsAndTarget(part, path: path, spellings: spellings, sourceWords: sourceWords).facts
    }

    /// `chunkFacts`, and the target document and glossary matches it read for the spellings.
    func chunkFactsAndTarget(_ part: [BilingualUnit], path: String, spellings: Bool,
                             sourceWords: Bool) -> (facts: WholeFileFacts, target: ReadTarget?) {
        var facts = WholeFileFacts()
        var read: ReadTarget?
        let profile = StageProfile.shared
        var start = profile == nil ? 0 : StageProfile.now()
        if spellings {
            let target = Self.targetDocument(of: part, path: path)
            let matches = glossaryMatches(in: target)
            // Without a matcher, no spellings: not lost, the check of the chunk builds the same
            // matcher and reports the failure.
            facts.spellings = spellingTally(of: target, matches: matches?.matches ?? [])
            read = ReadTarget(document: target, matches: matches)
            if let profile {
                profile.add("whole-file facts: glossary spellings", since: start)
                start = StageProfile.now()
            }
        }
        if sourceWords {
            facts.sourceWords = SpellingUnknownRule.foldedWords(of: SourceDocument.assembledText(part.map(\.source)))
            profile?.add("whole-file facts: source words", since: start)
        }
        return (facts, read)
    }
}

/// The rule preparations kept across the chunks of one file (`KeptPreparations`), one set per
/// thread at work: a chunk takes a set no other thread holds and gives it back when done.
final class PreparationPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [KeptPreparations] = []

    func using<Value>(_ body: (KeptPreparations) -> Value) -> Value {
        let kept = lock.withLock { free.popLast() } ?? KeptPreparations()
        defer { lock.withLock { free.append(kept) } }
        return body(kept)
    }
}

extension Array {
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { !areInIncreasingOrder($1, $0) }
    }
}

extension String {
    /// Whether the text holds `lector-`, where a suppression directive may begin: a file with one
    /// in a target is checked whole, and a note with one makes a streamed file's one pass fall
    /// back. The same byte search the inline directives are found with: Foundation's
    /// `contains("lector-")` (a search under canonical equivalence, through `NSString`) was a
    /// hundredth of a `--jobs 2` check. It also finds the text before a combining mark
    /// (`lector-\u{301}`), which Foundation's does not; such a file takes the exact path, checked
    /// whole or again, which gives the same findings.
    var mentionsLectorDirective: Bool { InlineSuppressions.mayContainDirective(self) }
}
