import Foundation
import LectorGlossary
import LectorICU
import LectorText

/// What a rule reads, as its description states it and `lector rules` shows it.
public enum RuleScope: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The translation alone, sentence by sentence or term by term.
    case target
    /// Each sentence of the translation against its source sentence; silent without a source.
    case bilingual
    /// Each unit of a bilingual file (PO entry, XLIFF unit, resource string) against its source:
    /// the string checks; silent on texts, which have no units.
    case unit
    /// The whole document at once (consistency across sentences, directives).
    case document

    public var description: String { rawValue }
}

/// One aligned sentence pair with both sides present, as a bilingual rule reads it. Every range
/// a rule reports is a range of the target document: the `targetRange(…)` functions turn a
/// range within `targetText` or `readableTarget` into one.
public struct SentencePairContext {
    /// The document's contexts, shared by every pair of the walk.
    let walk: PairWalk
    public var check: CheckContext { _read { yield walk.check } }
    public var bilingual: BilingualContext { _read { yield walk.bilingual } }
    /// The pair's position in `bilingual.pairs` (the unit's index in a bilingual file).
    public let index: Int
    /// UTF-16 range of the source sentences in the source document.
    public let sourceRange: Range<Int>
    /// UTF-16 range of the target sentences in the target document.
    public let targetRange: Range<Int>
    public let sourceText: String
    public let targetText: String
    /// What several rules read off the same pair, made by the first that asks (the checker hands
    /// one context to every rule of the pair).
    let shared = SharedPairWork()

    init(walk: PairWalk, index: Int, sourceRange: Range<Int>, targetRange: Range<Int>) {
        self.walk = walk
        self.index = index
        self.sourceRange = sourceRange
        self.targetRange = targetRange
        sourceText = walk.bilingual.source.text(in: sourceRange)
        targetText = walk.check.document.text(in: targetRange)
    }

    /// The two sides as the files have them: for a masked document (HTML, Markdown) with the
    /// markup, URLs and code that `sourceText` and `targetText` leave out.
    public var unmaskedSourceText: String { bilingual.source.isMasked ? bilingual.source.unmaskedText(in: sourceRange) : sourceText }
    public var unmaskedTargetText: String { check.document.isMasked ? check.document.unmaskedText(in: targetRange) : targetText }

    /// Primary subtags of the two languages.
    public var sourceLanguage: String { bilingual.sourceLanguage }
    public var targetLanguage: String { check.index.targetLanguage }

    /// The target as extraction should read it: machine translation output that was tokenized
    /// (`am 15 . April`) is detokenized, and `isTargetTokenized` says so.
    public var readableTarget: (text: String, isTokenized: Bool) {
        let (text, tokenized) = Detokenizer.readable(targetText)
        return (text, tokenized)
    }

    /// The document range of a UTF-16 range within `targetText`.
    public func targetRange(ofTextRange range: Range<Int>) -> Range<Int> {
        (targetRange.lowerBound + range.lowerBound)..<(targetRange.lowerBound + range.upperBound)
    }

    /// The document range of a UTF-16 range within the readable target: the same place when the
    /// target was not tokenized; the whole sentence when it was, since detokenizing moved the
    /// offsets.
    public func targetRange(ofReadableRange range: Range<Int>, tokenized: Bool) -> Range<Int> {
        tokenized ? targetRange : targetRange(ofTextRange: range)
    }

    /// Glossary matches of the target inside this pair.
    public var targetMatches: [GlossaryMatch] { check.glossaryMatches(in: targetRange) }
    /// Glossary matches of the source inside this pair.
    public var sourceMatches: [GlossaryMatch] { bilingual.sourceMatches(in: sourceRange) }
    /// `targetMatches` and `sourceMatches` in place, for the rules.
    var targetMatchSlice: ArraySlice<GlossaryMatch> { check.glossaryMatches.starting(in: targetRange) }
    var sourceMatchSlice: ArraySlice<GlossaryMatch> { bilingual.sourceGlossaryMatches.starting(in: sourceRange) }
    /// Inline markup of the pair's unit, for formats that carry it (XLIFF, TMX).
    public var inlineCodes: BilingualContext.InlineCodePair? {
        guard let codes = bilingual.inlineCodes, index < codes.count else { return nil }
        return codes[index]
    }
}

/// Work on one sentence pair that more than one rule needs.
final class SharedPairWork {
    /// The lexical alignment and the word store it was made with.
    var alignment: (words: ObjectIdentifier, value: LexicalAlignment?)?
    /// The alignment's gap links (`LexicalAlignment.GapLinks`) of each reading asked for, with the
    /// word store they were made with: `meaning.omission` and `meaning.addition` share them where
    /// they read compounds alike (every pair but one with a compounding language).
    var gapLinks: [(words: ObjectIdentifier, value: LexicalAlignment.GapLinks)] = []
    var readableTarget: (text: String, isTokenized: Bool)?
    /// ICU word segments of each side (`SentencePairContext.wordSegments`), by side and locale.
    var wordSegments: [(isSource: Bool, locale: String, value: PairWordSegments)] = []
    /// Each side with its placeholders blanked (`withoutPlaceholders`), in word segments, by
    /// side and locale; `nil` where the side has no placeholder.
    var blankedSegments: [(isSource: Bool, locale: String, value: PairWordSegments?)] = []
    /// Numbers and dates of each side, with the tokens they were read from, and the language
    /// they were read in.
    var sourceNumbers: (language: String, value: NumberReading)?
    var targetNumbers: (language: String, value: NumberReading)?
    /// `NamesMissingRule.missingNames` and the locales of the reading that found them.
    var missingNames: (source: String, target: String, value: [String])?
    /// `SentenceWord.words` of each side and the language they were split for.
    var sourceWords: (language: String, value: [SentenceWord])?
    var targetWords: (language: String, value: [SentenceWord])?
    /// Negations of each side: the lexicon's language and the words' language.
    var sourceNegations: (lexicon: String, words: String, value: [NegationLexicon.Negation])?
    var targetNegations: (lexicon: String, words: String, value: [NegationLexicon.Negation])?
}

extension SentencePairContext {
    /// The words of one side (`SentenceWord.words`), split once per pair: the alignment,
    /// `meaning.negation` and `meaning.antonym` all read them.
    func sentenceWords(of side: LexicalAlignment.Side, language: String) -> [SentenceWord] {
        let cached = side == .source ? shared.sourceWords : shared.targetWords
        if let cached, cached.language == language { return cached.value }
        // A unit's ICU MessageFormat selectors (`one {`, `few {`) are syntax, not words to align.
        let text = side == .source ? sourceText : targetText
        let made = SentenceWord.words(in: bilingual.units == nil ? text : StringText.withoutMessageFormatSyntax(text, settings: check.strings),
                                      language: language)
        if side == .source { shared.sourceWords = (language, made) } else { shared.targetWords = (language, made) }
        return made
    }

    /// The negations of one side by `lexicon`, in words split for `language`; found once per pair
    /// for `meaning.negation` and `meaning.antonym`.
    func negations(of side: LexicalAlignment.Side, lexicon: NegationLexicon, language: String) -> [NegationLexicon.Negation] {
        // Keyed by the two languages side by side: joined into one string, the key was built
        // four times a pair.
        let cached = side == .source ? shared.sourceNegations : shared.targetNegations
        if let cached, cached.lexicon == lexicon.language, cached.words == language { return cached.value }
        let made = lexicon.negations(in: side == .source ? sourceText : targetText,
                                     words: sentenceWords(of: side, language: language))
        if side == .source {
            shared.sourceNegations = (lexicon.language, language, made)
        } else {
            shared.targetNegations = (lexicon.language, language, made)
        }
        return made
    }
}

/// One side of a pair in UTF-16 code units, with its ICU word segments.
struct PairWordSegments {
    let units: [UInt16]
    let segments: [Segment]

    /// The text of a segment.
    func text(of segment: Segment) -> String {
        units.withUnsafeBufferPointer { LectorICU.UTF16.decode(UnsafeBufferPointer(rebasing: $0[segment.start..<segment.end])) }
    }
}

extension SentencePairContext {
    /// The word segments of one side's text (`sourceText`, `targetText`) by a word segmenter,
    /// made once per pair and locale: `names.missing`, `names.replaced` and the number reader
    /// each segmented the same two texts, up to three times a side.
    func wordSegments(of side: LexicalAlignment.Side, segmenter: TextSegmenter) -> PairWordSegments {
        let isSource = side == .source
        let locale = segmenter.locale
        if let made = shared.wordSegments.first(where: { $0.isSource == isSource && $0.locale == locale }) { return made.value }
        let units = shared.wordSegments.first(where: { $0.isSource == isSource })?.value.units
            ?? sideUnits(isSource: isSource)
        let made = PairWordSegments(units: units, segmenter: segmenter, splitter: walk.splitter(for: segmenter))
        // Each side is segmented at least once: room for both at the first.
        if shared.wordSegments.isEmpty { shared.wordSegments.reserveCapacity(2) }
        shared.wordSegments.append((isSource, locale, made))
        return made
    }
}

extension SentencePairContext {
    /// `LectorICU.UTF16.encode` of the source (`isSource`) or of the readable target
    /// (`sharedReadableTarget`): the units the pair's word segments were made of when there are
    /// some, copied from the document otherwise (`sideUnits`); encoded only for a detokenized
    /// target, whose text is no range of the document.
    func encodedText(isSource: Bool) -> [UInt16] {
        let readable = isSource ? nil : sharedReadableTarget
        if let readable, readable.isTokenized { return LectorICU.UTF16.encode(readable.text) }
        return shared.wordSegments.first(where: { $0.isSource == isSource })?.value.units ?? sideUnits(isSource: isSource)
    }
}

extension PairWordSegments {
    /// `units` split into words by `segmenter`, their ASCII stretches by `splitter` (of the
    /// segmenter's locale) when there is one.
    init(units: [UInt16], segmenter: TextSegmenter, splitter: SegmentSplitter?) {
        var segments: [Segment] = []
        // Two segments (a word, the space after it) take four units or more of prose: room for
        // a sentence's segments at once, where growing from empty copied them five or six times.
        segments.reserveCapacity(units.count / 2 + 1)
        units.withUnsafeBufferPointer { buffer in
            if let splitter {
                splitter.appendSegments(of: buffer, icu: segmenter, to: &segments)
            } else {
                segmenter.forEachSegment(in: buffer) { segments.append($0) }
            }
        }
        self.init(units: units, segments: segments)
    }
}

extension SentencePairContext {
    /// One side's text in UTF-16 code units: `sourceText` and `targetText` are decoded from their
    /// documents' units, so the units are copied from there rather than encoded again from the
    /// text (ICU's conversion, a seventh of segmenting a pair). A range that cuts a surrogate
    /// pair (decoded as U+FFFD) is encoded from the text, as before.
    func sideUnits(isSource: Bool) -> [UInt16] {
        isSource ? Self.units(of: bilingual.source, in: sourceRange, text: sourceText)
            : Self.units(of: check.document, in: targetRange, text: targetText)
    }

    /// `LectorICU.UTF16.encode(text)` of `text`, the document's `text(in: range)`.
    static func units(of document: SourceDocument, in range: Range<Int>, text: @autoclosure () -> String) -> [UInt16] {
        let all = document.utf16
        guard range.lowerBound >= 0, range.upperBound <= all.count else { return LectorICU.UTF16.encode(text()) }
        if !range.isEmpty,
           Unicode.UTF16.isTrailSurrogate(all[range.lowerBound]) || Unicode.UTF16.isLeadSurrogate(all[range.upperBound - 1]) {
            return LectorICU.UTF16.encode(text())
        }
        return Array(all[range])
    }
}

/// What `NumberExtractor.numbersAndDates` reads off one side of a pair.
typealias NumbersAndDates = (numbers: [ExtractedNumber], dates: [ExtractedDate])

extension SentencePairContext {
    /// The target as extraction reads it (`readableTarget`), detokenized once per pair.
    var sharedReadableTarget: (text: String, isTokenized: Bool) {
        if let made = shared.readableTarget { return made }
        let made = readableTarget
        shared.readableTarget = made
        return made
    }

    /// The numbers and dates of the source, and of the readable target. `numbers.mismatch`,
    /// `numbers.unit` and `dates.mismatch` all read them; ICU's segmentation, number parsing and
    /// date matching of each side were a sixth of a bilingual check when each rule ran them on
    /// its own.
    func numbersAndDates(ofSource extractor: NumberExtractor) -> NumbersAndDates {
        let reading = numberReading(ofSource: extractor)
        return (reading.numbers, reading.dates)
    }

    func numbersAndDates(ofReadableTarget extractor: NumberExtractor) -> NumbersAndDates {
        let reading = numberReading(ofReadableTarget: extractor)
        return (reading.numbers, reading.dates)
    }

    /// The source's numbers and dates with the tokens they were read from, which the names of
    /// days and months are read off too (`namedDays(ofSource:stems:)`).
    func numberReading(ofSource extractor: NumberExtractor) -> NumberReading {
        if let made = shared.sourceNumbers, made.language == extractor.language { return made.value }
        let made: NumberReading
        if let blanked = blankedSegments(of: .source, segmenter: extractor.wordSegmenter) {
            made = extractor.reading(inUTF16: blanked.units, segments: blanked.segments)
        } else {
            // The text as it stands: its word segments are the pair's (the name rules read them too).
            let words = wordSegments(of: .source, segmenter: extractor.wordSegmenter)
            made = extractor.reading(inUTF16: words.units, segments: words.segments)
        }
        shared.sourceNumbers = (extractor.language, made)
        return made
    }

    /// The same of the readable target (`sharedReadableTarget`).
    func numberReading(ofReadableTarget extractor: NumberExtractor) -> NumberReading {
        if let made = shared.targetNumbers, made.language == extractor.language { return made.value }
        let readable = sharedReadableTarget
        let made: NumberReading
        if let blanked = blankedSegments(of: .target, segmenter: extractor.wordSegmenter) {
            made = extractor.reading(inUTF16: blanked.units, segments: blanked.segments)
        } else if readable.isTokenized {
            made = extractor.reading(of: readable.text)
        } else {
            // Not detokenized: the readable target is `targetText`, whose segments the pair keeps.
            let words = wordSegments(of: .target, segmenter: extractor.wordSegmenter)
            made = extractor.reading(inUTF16: words.units, segments: words.segments)
        }
        shared.targetNumbers = (extractor.language, made)
        return made
    }

    /// The source, or the readable target (`sharedReadableTarget`), with its placeholders
    /// blanked, segmented into words once per pair and locale: the number reader and the names
    /// of days and months read the same. `nil` when the side has no placeholder to blank.
    func blankedSegments(of side: LexicalAlignment.Side, segmenter: TextSegmenter) -> PairWordSegments? {
        let isSource = side == .source
        let locale = segmenter.locale
        if let made = shared.blankedSegments.first(where: { $0.isSource == isSource && $0.locale == locale }) { return made.value }
        var made: PairWordSegments?
        if let blanked = blankedUnits(isSource: isSource) {
            made = PairWordSegments(units: blanked, segmenter: segmenter, splitter: walk.splitter(for: segmenter))
        }
        // The number reader asks of both sides: room for both at the first.
        if shared.blankedSegments.isEmpty { shared.blankedSegments.reserveCapacity(2) }
        shared.blankedSegments.append((isSource, locale, made))
        return made
    }

    /// The source or the readable target (`encodedText(isSource:)`) of a unit, with its
    /// placeholders blanked out (offsets kept): the digits of `%1$@` or `{0}` number an
    /// argument, and `markup.mismatch` compares them; they are no figure. Prose (texts, aligned
    /// articles) is read as written. `nil` when the text stays as it is.
    ///
    /// Blanked in the side's code units: the text was blanked as a string, decoded from its
    /// units, and encoded for the scanner and again for the segmenter.
    func blankedUnits(isSource: Bool) -> [UInt16]? {
        guard bilingual.units != nil, PlaceholderScanner.mayHavePlaceholder(isSource ? sourceText : sharedReadableTarget.text)
        else { return nil }
        var units = encodedText(isSource: isSource)
        let ranges = PlaceholderScanner(syntaxes: check.strings.placeholderSyntaxes).placeholders(inUTF16: units).map(\.range)
        guard !ranges.isEmpty else { return nil }
        // A range that cut a surrogate pair would leave half of it, which the text blanked as a
        // string read as U+FFFD: that text is made, as it was.
        func cutsPair(_ offset: Int) -> Bool {
            offset > 0 && offset < units.count && Unicode.UTF16.isLeadSurrogate(units[offset - 1]) && Unicode.UTF16.isTrailSurrogate(units[offset])
        }
        let cuts = ranges.contains { cutsPair($0.lowerBound) || cutsPair($0.upperBound) }
        for range in ranges {
            for index in range where index < units.count { units[index] = 0x20 }
        }
        return cuts ? LectorICU.UTF16.encode(LectorICU.UTF16.decode(units)) : units
    }
}

extension SentencePairContext {
    /// The pair's lexical alignment. `meaning.omission`, `meaning.addition` and `meaning.antonym`
    /// all read it, and aligning a pair (every content word against every other) was most of the
    /// time of a bilingual check when each rule made its own.
    func lexicalAlignment(using words: AlignmentWords) -> LexicalAlignment? {
        if let made = shared.alignment, made.words == ObjectIdentifier(words) { return made.value }
        let value = LexicalAlignment(source: sentenceWords(of: .source, language: words.sourceLanguage),
                                     target: sentenceWords(of: .target, language: words.targetLanguage), words: words,
                                     scratch: walk.alignmentScratch)
        shared.alignment = (ObjectIdentifier(words), value)
        bilingual.alignmentNotes.record(pair: index, of: bilingual.pairs.count, words: words, counts: value.map(AlignmentCounts.init))
        return value
    }

    /// The gap links of the pair's alignment (made with `words`), once per reading of compounds.
    func gapLinks(of alignment: LexicalAlignment, using words: AlignmentWords, readingCompounds: Bool) -> LexicalAlignment.GapLinks {
        let compounds = (source: readingCompounds && alignment.sourceCompounds, target: readingCompounds && alignment.targetCompounds)
        if let made = shared.gapLinks.first(where: { $0.words == ObjectIdentifier(words) && $0.value.compounds == compounds }) {
            return made.value
        }
        // The other reading, if made, often is this one (`LexicalAlignment.gapLinks(readingCompounds:memo:known:)`).
        let known = shared.gapLinks.first { $0.words == ObjectIdentifier(words) }?.value
        let made = alignment.gapLinks(readingCompounds: readingCompounds, memo: words, known: known)
        shared.gapLinks.append((ObjectIdentifier(words), made))
        return made
    }
}

/// How many content words the dictionary knows on each side of a pair, and how many of them the
/// alignment linked: all `garbled.sentence` needs of an alignment, a few bytes instead of the
/// alignment itself, so the notes stay small for a file of any length.
struct AlignmentCounts: Equatable {
    let sourceKnown: Int, sourceAligned: Int
    let targetKnown: Int, targetAligned: Int

    init(_ alignment: LexicalAlignment) {
        // Counted in one pass, without arrays of indices: every pair of a file is counted.
        func known(_ words: [LexicalAlignment.Word], _ links: [[Int]]) -> (Int, Int) {
            var known = 0, aligned = 0
            for index in words.indices where words[index].isContent && words[index].isKnown {
                known += 1
                if !links[index].isEmpty { aligned += 1 }
            }
            return (known, aligned)
        }
        (sourceKnown, sourceAligned) = known(alignment.source, alignment.sourceLinks)
        (targetKnown, targetAligned) = known(alignment.target, alignment.targetLinks)
    }
}

/// Alignment counts per pair index, written by the pair walk and read by `garbled.sentence`. Only
/// an entry made with the same word store counts; a pair without one is aligned by the reader.
final class AlignmentNotes: @unchecked Sendable {
    private let lock = NSLock()
    /// By pair index, `nil` where no pair was noted: the walk notes pairs in order, nearly every
    /// one, and a dictionary of 200,000 pairs (a whole file checked on one thread) spent a
    /// hundredth of the check hashing and missing the cache.
    private var notes: [(words: ObjectIdentifier, counts: AlignmentCounts?)?] = []

    /// `count`: how many pairs the document has, room for all of which is made at the first
    /// note: grown note by note, the list (48 bytes a pair) was copied into ever larger blocks,
    /// each of fresh pages the kernel cleared (news.xlf: 36 of 4,509 samples, half of them the
    /// kernel clearing pages; 14 of 4,778 with the room made at once).
    func record(pair index: Int, of count: Int? = nil, words: AlignmentWords, counts: AlignmentCounts?) {
        guard index >= 0 else { return }
        lock.withLock {
            if notes.isEmpty, let count, count > index { notes.reserveCapacity(count) }
            // The walk notes pairs in order: the next index is appended (filling a range with
            // `repeatElement` went through the generic copy for every pair).
            if index == notes.count {
                notes.append((ObjectIdentifier(words), counts))
                return
            }
            if index > notes.count { notes.append(contentsOf: repeatElement(nil, count: index - notes.count + 1)) }
            notes[index] = (ObjectIdentifier(words), counts)
        }
    }

    /// `.some(nil)` when the pair was found not alignable; `nil` when nobody aligned it.
    func counts(pair index: Int, words: AlignmentWords) -> AlignmentCounts?? {
        lock.withLock {
            guard notes.indices.contains(index), let note = notes[index], note.words == ObjectIdentifier(words) else { return nil }
            return .some(note.counts)
        }
    }
}

/// A pair with one side missing: a source sentence the aligner left without translation (or a
/// unit without target), or a translated sentence without source.
public struct UnpairedSentenceContext {
    let walk: PairWalk
    public var check: CheckContext { _read { yield walk.check } }
    public var bilingual: BilingualContext { _read { yield walk.bilingual } }
    public let pair: SentencePair
    /// The pair's position in `BilingualContext.pairs` (for a file paired by units, its unit's).
    public let index: Int
}

/// A rule that compares each sentence of the translation with its source. The checker walks the
/// aligned pairs once for all bilingual rules and hands each rule one pair at a time; the rule
/// never loops, guards or shifts ranges itself.
///
/// `prepare` runs once per document, for what is costly to build (ICU extractors, segmenters);
/// it throws when that fails, and the failure is reported rather than taken for "no findings".
public protocol BilingualRule: Rule {
    associatedtype Preparation = Void
    func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> Preparation
    func findings(in pair: SentencePairContext, using prepared: Preparation) -> [RuleFinding]
    /// Pairs with one side missing; most rules have nothing to say about them.
    func findings(inUnpaired pair: UnpairedSentenceContext) -> [RuleFinding]
    /// Whether the preparation depends only on the two languages, the lexicon and the rule's
    /// settings, never on the document, so that the chunks of one file may share it
    /// (`KeptPreparations`) with its memos. `false` unless the rule says so.
    static var preparationOutlivesDocument: Bool { get }
}

/// Preparations kept from one document to the next by a checker that checks one file in chunks
/// (each chunk a document of its own), for the rules whose preparation does not depend on the
/// document (`BilingualRule.preparationOutlivesDocument`): their segmenters and the verdicts they
/// memoize per word are made once per thread instead of once per chunk. One set serves one file
/// of one checker, and one thread at a time (a preparation holds ICU objects that are not
/// thread-safe); the checker hands each chunk a set no other thread is using.
public final class KeptPreparations: @unchecked Sendable {
    /// By the rule's position in the checker's list; each value is a one-element array of the
    /// rule's `Preparation` (an optional preparation stays distinguishable from none made).
    fileprivate var values: [Int: Any] = [:]
    /// Working objects several rules share (`AlignmentWords`), by key, for this set's thread alone.
    private var objects: [String: AnyObject] = [:]

    public init() {}

    /// The object kept under `key`, made by `make` the first time (a failure is not kept).
    func object<Object: AnyObject>(_ key: String, make: () throws(ICUError) -> Object) throws(ICUError) -> Object {
        if let kept = objects[key] as? Object { return kept }
        let made = try make()
        objects[key] = made
        return made
    }
}

/// One entry of the checker's walk over the aligned pairs, made once and handed to every
/// bilingual rule.
public enum AlignedPairContext {
    case complete(SentencePairContext)
    case oneSided(UnpairedSentenceContext)

    public init(check: CheckContext, bilingual: BilingualContext, index: Int) {
        self.init(walk: PairWalk(check: check, bilingual: bilingual), index: index)
    }

    /// The pair at `index` of a walk over a document's pairs.
    public init(walk: PairWalk, index: Int) {
        let pair = walk.bilingual.pairs[index]
        if let sourceRange = pair.source, let targetRange = pair.target {
            self = .complete(SentencePairContext(walk: walk, index: index, sourceRange: sourceRange, targetRange: targetRange))
        } else {
            self = .oneSided(UnpairedSentenceContext(walk: walk, pair: pair, index: index))
        }
    }
}

/// The document's contexts that every pair context of one walk over its pairs reads, held once:
/// copied into each pair's context, their two dozen references were retained and released for
/// every pair.
public final class PairWalk {
    public let check: CheckContext
    public let bilingual: BilingualContext
    /// The working memory the walk's pair alignments reuse, one pair after another.
    let alignmentScratch = AlignmentScratch()
    /// The segment splitter of each word segmenter's locale (`SegmentSplitter`; `nil` where ICU
    /// splits everything), found once per walk rather than under a lock at every pair.
    private var splitters: [(locale: String, value: SegmentSplitter?)] = []

    /// The splitter that gives `segmenter`'s segments (`wordSegments(of:segmenter:)`).
    func splitter(for segmenter: TextSegmenter) -> SegmentSplitter? {
        guard segmenter.unit == .word else { return nil }
        let locale = segmenter.locale
        if let known = splitters.first(where: { $0.locale == locale }) { return known.value }
        let made = SegmentSplitter(locale: locale)
        splitters.append((locale, made))
        return made
    }

    public init(check: CheckContext, bilingual: BilingualContext) {
        self.check = check
        self.bilingual = bilingual
    }
}

extension BilingualRule {
    public func findings(inUnpaired pair: UnpairedSentenceContext) -> [RuleFinding] { [] }

    public static var preparationOutlivesDocument: Bool { false }

    /// The rule alone, as the `Rule` protocol runs it: the same pair walk the checker does. A
    /// preparation that fails is reported at the start of the document, never taken for "no
    /// findings".
    public func findings(in context: CheckContext) -> [RuleFinding] {
        guard let bilingual = context.bilingual else { return [] }
        let check: (AlignedPairContext) -> [RuleFinding]
        do {
            check = try pairChecker(for: context, bilingual: bilingual)
        } catch {
            return [RuleFinding.failure(of: Self.description, error)]
        }
        var findings: [RuleFinding] = []
        let walk = PairWalk(check: context, bilingual: bilingual)
        for index in bilingual.pairs.indices {
            findings += check(AlignedPairContext(walk: walk, index: index))
        }
        return findings
    }

    /// Prepares the rule for one document and returns what checks each of its pairs, with the
    /// preparation's type erased so that the checker can hold every bilingual rule in one list.
    public func pairChecker(for context: CheckContext, bilingual: BilingualContext) throws
        -> (AlignedPairContext) -> [RuleFinding] {
        let prepared = try prepare(for: context, bilingual: bilingual)
        return { pair in
            switch pair {
            case .complete(let pair): self.findings(in: pair, using: prepared)
            case .oneSided(let pair): self.findings(inUnpaired: pair)
            }
        }
    }

    /// `pairChecker(for:bilingual:)` with the preparation kept in `kept` (at `slot`, the rule's
    /// position in the checker's list) and taken from there by the next document, when the rule's
    /// preparation outlives a document. A preparation that fails is not kept: each document
    /// reports the failure, as without `kept`.
    public func pairChecker(for context: CheckContext, bilingual: BilingualContext, kept: KeptPreparations?, slot: Int) throws
        -> (AlignedPairContext) -> [RuleFinding] {
        guard let kept, Self.preparationOutlivesDocument else { return try pairChecker(for: context, bilingual: bilingual) }
        let prepared: Preparation
        if let made = kept.values[slot] as? [Preparation], let first = made.first {
            prepared = first
        } else {
            prepared = try prepare(for: context, bilingual: bilingual)
            kept.values[slot] = [prepared]
        }
        return { pair in
            switch pair {
            case .complete(let pair): self.findings(in: pair, using: prepared)
            case .oneSided(let pair): self.findings(inUnpaired: pair)
            }
        }
    }
}

extension BilingualRule where Preparation == Void {
    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws {}
}
