import LectorText
import LectorGlossary

/// What bilingual rules see besides the translation: the source, the sentence pairs, and the
/// glossary concepts found in the source.
public struct BilingualContext: Sendable {
    public let source: SourceDocument
    /// Primary language subtag of the source.
    public let sourceLanguage: String
    public let pairs: [SentencePair]
    public let sourceIndex: GlossaryIndex
    public let sourceGlossaryMatches: [GlossaryMatch]
    /// Inline markup per pair, for files whose format carries it (XLIFF, TMX); `nil` otherwise.
    public let inlineCodes: [InlineCodePair]?
    /// Whether the file paired the segments itself (XLIFF, TMX, PO, JSONL) rather than Lector.
    public let isPairedByFile: Bool
    /// The file's units as read, one per pair, when the file paired them: their text keeps its
    /// line breaks and tabs, and they carry plural forms and length limits.
    public var units: [BilingualUnit]? = nil
    /// The number of plural forms the file declares (PO `Plural-Forms: nplurals=`), if any.
    public var pluralFormCount: Int? = nil
    /// The file's format (`po`, `xliff`, `android` …), when the file paired the units.
    public var format: String? = nil

    /// What the pair walk learnt of each pair's lexical alignment, for `garbled.sentence`, which
    /// runs after it and would otherwise align every pair once more.
    let alignmentNotes = AlignmentNotes()

    public struct InlineCodePair: Sendable {
        public let source: [String]
        public let target: [String]

        public init(source: [String], target: [String]) {
            self.source = source
            self.target = target
        }
    }

    public init(source: SourceDocument, sourceLanguage: String, pairs: [SentencePair], sourceIndex: GlossaryIndex,
                sourceGlossaryMatches: [GlossaryMatch], inlineCodes: [InlineCodePair]?, isPairedByFile: Bool) {
        self.source = source
        self.sourceLanguage = sourceLanguage
        self.pairs = pairs
        self.sourceIndex = sourceIndex
        self.sourceGlossaryMatches = sourceGlossaryMatches
        self.inlineCodes = inlineCodes
        self.isPairedByFile = isPairedByFile
    }

    /// Source glossary matches inside `range` of the source.
    public func sourceMatches(in range: Range<Int>) -> [GlossaryMatch] {
        Array(sourceGlossaryMatches.starting(in: range))
    }
}

extension CheckContext {
    /// Target glossary matches inside `range` of the document.
    public func glossaryMatches(in range: Range<Int>) -> [GlossaryMatch] {
        Array(glossaryMatches.starting(in: range))
    }
}

extension Array where Element == GlossaryMatch {
    /// The matches that start inside `range`. `GlossaryMatcher` returns matches in text order, so
    /// two binary searches find them: rules ask once per sentence pair, and filtering every match
    /// each time made a file of many units quadratic.
    /// A slice, not a copy: rules read a pair's matches in place, and copying them into an array
    /// retained and released every match's strings for each rule of each pair.
    func starting(in range: Range<Int>) -> ArraySlice<GlossaryMatch> {
        func firstStart(atOrAfter offset: Int) -> Int { partitionPoint { $0.range.lowerBound < offset } }
        return self[firstStart(atOrAfter: range.lowerBound)..<firstStart(atOrAfter: range.upperBound)]
    }
}
