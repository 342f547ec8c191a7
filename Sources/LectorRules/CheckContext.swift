import LectorICU
import LectorText
import LectorFormats
import LectorGlossary
import LectorLexicon

/// What the rules see of one document: the text, the glossary index, and the glossary matches,
/// found once and shared by every glossary rule.
public struct CheckContext: Sendable {
    public let document: SourceDocument
    public let index: GlossaryIndex
    public let glossaryMatches: [GlossaryMatch]
    /// The source side, when the translation is checked against its source.
    public let bilingual: BilingualContext?
    /// Rule thresholds from the configuration (`garbled.min_score`).
    public let thresholds: [String: Double]
    /// Hunspell, FreeDict and WordNet for the checked pair; `nil` where a caller gives none, and then
    /// rules that need words know nothing. A present lexicon may still lack resources: ask it.
    public let lexicon: Lexicon?
    /// House words `spelling.unknown` accepts, case-folded.
    public let spellingWords: Set<String>
    /// Settings of the string checks (placeholder syntaxes, accelerator markers …).
    public let strings: StringCheckSettings
    /// The translation's language as configured, region included (`en-GB`); `index.targetLanguage`
    /// is its primary subtag.
    public let targetLanguageTag: String
    /// The primary subtag of the translation's language, read by string checks of every unit:
    /// made once here, as `index` and its language never change.
    let targetPrimaryLanguage: String
    /// For one window of a document checked in windows (`Checker.checkWindows`): the spellings of
    /// the whole document, which `glossary.inconsistent` compares; `nil` when the context is the
    /// whole document.
    public var documentSpellings: GlossaryInconsistentRule.Tally?
    /// For one chunk of a bilingual file checked in chunks: the case-folded words of the whole
    /// file's sources, which `spelling.unknown` accepts in any unit; `nil` when the context is the
    /// whole file.
    public var documentSourceWords: Set<String>?
    /// For a document checked on a thread that keeps its rules' working data from one document to
    /// the next (a file's chunks, a stream's records): where shared word stores are kept for that
    /// thread alone, so that two threads do not wait on one store's lock.
    public var kept: KeptPreparations?
    /// The document's words as `WordSegmenter` splits them for `index.targetLanguage`, in order,
    /// when glossary matching read them already (`GlossaryMatcher.matchesAndWords(in:)`); `nil`,
    /// and a rule that reads words splits the text itself.
    public var targetWords: WordSpans?

    public init(document: SourceDocument, index: GlossaryIndex, glossaryMatches: [GlossaryMatch],
                bilingual: BilingualContext? = nil, thresholds: [String: Double] = [:], lexicon: Lexicon? = nil,
                spellingWords: Set<String> = [], strings: StringCheckSettings = StringCheckSettings()) {
        self.init(document: document, index: index, glossaryMatches: glossaryMatches, bilingual: bilingual,
                  thresholds: thresholds, lexicon: lexicon, spellingWords: spellingWords, strings: strings,
                  targetLanguageTag: index.targetLanguage)
    }

    /// A context whose translation's language tag has more than its primary subtag (`en-GB`).
    public init(document: SourceDocument, index: GlossaryIndex, glossaryMatches: [GlossaryMatch],
                bilingual: BilingualContext? = nil, thresholds: [String: Double] = [:], lexicon: Lexicon? = nil,
                spellingWords: Set<String> = [], strings: StringCheckSettings = StringCheckSettings(),
                targetLanguageTag: String) {
        self.strings = strings
        self.targetLanguageTag = targetLanguageTag
        targetPrimaryLanguage = Term.primaryLanguage(of: index.targetLanguage)
        self.document = document
        self.index = index
        self.glossaryMatches = glossaryMatches
        self.bilingual = bilingual
        self.thresholds = thresholds
        self.lexicon = lexicon
        self.spellingWords = spellingWords
    }

    public func concept(of match: GlossaryMatch) -> Concept { index.concepts[match.conceptIndex] }

    /// The house term that replaces a match, in the form of the original: `Kiev’s` → `Kyiv’s`,
    /// `KIEV` → `KYIV`.
    public func suggestion(for match: GlossaryMatch) -> String? {
        guard !match.hasInnerInflection,
              let preferred = concept(of: match).preferredTerm(in: index.targetLanguage) else { return nil }
        if match.lemma != nil {
            // A form Hunspell read (`Kijowie` of `Kijów`): the preferred term in the same form, where
            // the dictionary can make it; otherwise no replacement, and the message names the lemma.
            return index.inflectedForms(of: preferred.text, like: document.text(in: match.range)).first
        }
        let stemEnd = match.range.upperBound - match.suffixLength
        let original = document.text(in: match.range.lowerBound..<stemEnd)
        let suffix = document.text(in: stemEnd..<match.range.upperBound)
        // A combining mark after the word's last letter changes that letter (`Kiev́`): whether the
        // replacement should carry it cannot be known, so no replacement is offered.
        if let last = original.unicodeScalars.last, Self.isCombiningMark(last),
           !formEndsWith(match, last) { return nil }
        // Only letters of a script with case tell capitals: Hangul or Devanagari is never "shouted".
        let letters = original.unicodeScalars.filter { $0.properties.isAlphabetic && $0.properties.isCased }
        let shouted = letters.count > 1 && letters.allSatisfy { !$0.properties.isLowercase }
        let replacement = shouted && !preferred.isCaseSensitive
            ? CaseMapping.uppercase(preferred.text, locale: index.targetLanguage)
            : preferred.text
        // A Slavic case ending moved onto another stem is often no word (`Киеве` → `Київе`, where
        // Ukrainian says `Києві`; `Харькове` → `Харківе`): only a form the target language's
        // dictionary knows or makes is offered, else none, and the message names the lemma.
        if !suffix.isEmpty, Self.stemAlternatingLanguages.contains(index.targetLanguage) {
            if let dictionary = index.hunspellWithTerms, dictionary.spell(replacement + suffix) { return replacement + suffix }
            return index.inflectedForms(of: preferred.text, like: original + suffix).first
        }
        return replacement + suffix
    }

    /// Target languages whose case endings change the stem they follow (`Київ`, `у Києві`).
    static let stemAlternatingLanguages: Set<String> = ["ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bg"]

    /// A glossary message with the lemma of a form Hunspell read after the quoted form:
    /// "`Киеве` (Киев) is deprecated; use `Київ`".
    public func namingLemma(_ message: String, of match: GlossaryMatch) -> String {
        guard let lemma = match.lemma else { return message }
        let quoted = "`\(stemText(of: match))`"
        guard let range = message.firstRange(of: quoted) else { return message }
        var named = message
        named.replaceSubrange(range, with: "\(quoted) (\(lemma))")
        return named
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Whether the glossary form that matched ends with `mark` itself (Devanagari `दिल्ली` ends
    /// with a vowel sign, which is part of the word).
    private func formEndsWith(_ match: GlossaryMatch, _ mark: Unicode.Scalar) -> Bool {
        let form: String
        switch match.kind {
        case .allowed(let term), .forbidden(let term): form = term.text
        case .variant(let variant, _): form = variant
        }
        return form.unicodeScalars.last == mark
    }

    /// The text of a match without its inflection suffix.
    public func stemText(of match: GlossaryMatch) -> String {
        document.text(in: match.range.lowerBound..<(match.range.upperBound - match.suffixLength))
    }
}
