import Foundation
import LectorICU
import LectorHunspell
import LectorLexicon
import LectorText
import LectorGlossary

/// A word Hunspell does not know in the translation's language, with Hunspell's suggestions.
///
/// Only words that start with a lower-case letter are judged: a capitalized word may be a name,
/// and no spelling dictionary lists enough names (German nouns are capitalized too, so German
/// misspellings of nouns go unseen). Never judged: glossary terms and their variants (the
/// glossary's matches), words of the source (names kept as they are), URLs, e-mail addresses,
/// anything with digits, code-like tokens (`snake_case`, `camelCase`, paths, `@handles`), all-caps
/// acronyms, and the configured house words (`spelling: { words: [...] }`). Without a Hunspell
/// dictionary for the language the rule is off, and the run says so once.
public struct SpellingUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "spelling.unknown",
        name: "Unknown word",
        summary: "A word the language's Hunspell dictionary does not know, with its suggestions; names, glossary terms, URLs, numbers, code and house words excepted.",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("The talks in Kyiv were ↓sucessful."),
            RuleExample("Die Gespräche waren ↓erfolgreih.", source: "The talks were successful.", from: "en", to: "de"),
            RuleExample("Переговоры были ↓успешнымы.", source: "The talks were successful.", from: "en", to: "ru"),
        ],
        nonTriggeringExamples: [
            RuleExample("The talks in Kyiv were successful."),
            RuleExample("Zelenskyy met the NATO envoy; see https://nato.int/news_2024 or mail press@nato.int."),
            RuleExample("Call parseJson() on item_count, then v2beta."),
            RuleExample("Die Gespräche mit Selenskyj waren erfolgreich.", source: "The talks with Zelenskyy were successful.",
                        from: "en", to: "de"),
            RuleExample("Переговоры с Зеленским были успешными.", source: "The talks with Zelenskyy were successful.",
                        from: "en", to: "ru"),
            RuleExample("The talks, said the mayor of Kyiv, went well.", source: "Die Gespräche, sagte der Bürgermeister von Kyjiw, verliefen gut.",
                        from: "de", to: "en"),
        ]
    )

    /// Suggestions shown in the message.
    static let suggestionCount = 3

    /// Which words are judged.
    public struct Options: RuleOptions {
        public var minLength = 2

        public init() {}

        public static let options: [RuleOption<Options>] = [
            .integer("min_length", \.minLength, in: 1...100,
                     summary: "words shorter than this many UTF-16 units are not judged"),
        ]
    }

    public let options: Options

    public init() { options = Options() }
    public init(options: Options) { self.options = options }

    public func findings(in context: CheckContext) -> [RuleFinding] {
        let language = context.index.targetLanguage
        // Without the dictionary the rule is off, and `Checker.resourceNotices` says so once per run.
        guard let hunspell = context.lexicon?.hunspell(language) else { return [] }
        let segmenter: TextSegmenter
        do {
            segmenter = try TextSegmenter(.word, locale: language)
        } catch {
            return [.failure(of: Self.description, error)]
        }
        let document = context.document
        var excluded = ExcludedRanges(Self.excludedRanges(in: document.text, utf16: document.utf16)
            + context.glossaryMatches.map(\.range))
        let sourceWords = context.bilingual.map { Self.foldedWords(of: $0.source.text) } ?? []
        let languageName = LexicalLanguages.name(LexicalLanguages.primary(language))
        var findings: [RuleFinding] = []
        // What was decided for each word form seen so far: `nil` for a word that passes, else the
        // suggestions. Everything after the range checks depends on the word alone, and Hunspell's
        // spell and suggest are most of the rule's time, so a form is judged once per document.
        var verdicts: [String: [String]?] = [:]
        document.utf16.withUnsafeBufferPointer { utf16 in
            segmenter.forEachSegment(in: utf16) { segment in
                guard segment.kind == .letter, segment.end - segment.start >= options.minLength else { return }
                let range = segment.start..<segment.end
                guard !excluded.overlaps(range),
                      !Self.touchesCode(utf16, range) else { return }
                let word = document.text(in: range)
                let verdict: [String]?
                if let known = verdicts[word] {
                    verdict = known
                } else {
                    verdict = Self.suggestionsIfUnknown(word, hunspell: hunspell, context: context, sourceWords: sourceWords)
                    verdicts[word] = verdict
                }
                guard let suggestions = verdict else { return }
                var message = "“\(word)” is not in the \(languageName) dictionary"
                if !suggestions.isEmpty {
                    message += "; did you mean " + suggestions.map { "“\($0)”" }.joined(separator: ", ") + "?"
                }
                findings.append(RuleFinding(range: range, message: message, suggestion: suggestions.first))
            }
        }
        return findings
    }

    /// `nil` when `word` is not judged or is known (dictionary, house words, source words, closed
    /// compounds, glossary tokens); otherwise Hunspell's first suggestions.
    private static func suggestionsIfUnknown(_ word: String, hunspell: HunspellDictionary, context: CheckContext,
                                             sourceWords: Set<String>) -> [String]? {
        guard isJudged(word) else { return nil }
        let folded = CaseMapping.fold(word)
        guard !context.spellingWords.contains(folded), !sourceWords.contains(folded) else { return nil }
        let plainApostrophe = word.replacingOccurrences(of: "’", with: "'")
        if hunspell.spell(word) || (plainApostrophe != word && hunspell.spell(plainApostrophe))
            || isClosedCompound(word, hunspell: hunspell) || context.index.containsToken(word) { return nil }
        return Array(hunspell.suggest(word).prefix(suggestionCount))
    }

    /// Parts each of this many letters or more make a closed compound.
    static let minimumCompoundPart = 4

    /// Two known words written as one (`videoconferences`): dictionaries lag behind closed
    /// compounds, in English as much as in German. A run-on pair of words (`thenext`) passes too;
    /// that is the price of not flagging correct compounds.
    static func isClosedCompound(_ word: String, hunspell: HunspellDictionary) -> Bool {
        let characters = Array(word)
        guard characters.count >= 2 * minimumCompoundPart else { return false }
        for split in minimumCompoundPart...(characters.count - minimumCompoundPart) {
            if hunspell.spell(String(characters[..<split])), hunspell.spell(String(characters[split...])) { return true }
        }
        return false
    }

    /// Lower-case initial, letters (and word-internal apostrophes, hyphens, periods) only, no inner
    /// capital (`parseJson`).
    static func isJudged(_ word: String) -> Bool {
        guard let first = word.first, first.isLetter, first.isLowercase else { return false }
        var sawLower = false
        for character in word {
            if character.isUppercase, sawLower { return false }
            if character.isLowercase { sawLower = true }
            if character.isNumber || character == "_" { return false }
            if !character.isLetter, !"'’-.·\u{00AD}".contains(character), !character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                return false
            }
        }
        return true
    }

    private static let code: Set<UInt16> = Set("_/\\@#=<>{}`$%&|~^".utf16)

    /// A word joined to code-like neighbours: `_`, `/`, `\`, `@`, `#`, `=`, `<`, `>`, `{`, `}`, `` ` ``,
    /// a `.` followed by a letter (file names, `v2.beta`), or `(` right after it (a call).
    static func touchesCode(_ utf16: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        if range.lowerBound > 0, code.contains(utf16[range.lowerBound - 1]) { return true }
        if range.upperBound < utf16.count {
            let next = utf16[range.upperBound]
            if code.contains(next) || next == 0x28 { return true }
            if next == 0x2E, range.upperBound + 1 < utf16.count, let scalar = Unicode.Scalar(utf16[range.upperBound + 1]),
               scalar.properties.isAlphabetic { return true }
        }
        if range.lowerBound > 0, utf16[range.lowerBound - 1] == 0x2E, range.lowerBound > 1,
           let scalar = Unicode.Scalar(utf16[range.lowerBound - 2]), scalar.properties.isAlphabetic { return true }
        return false
    }

    /// URLs and e-mail addresses: whitespace-delimited runs with `://`, a `www.` start or an `@`
    /// between letters.
    static func excludedRanges(in text: String, utf16: [UInt16]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0xA0 }
        while start < utf16.count {
            while start < utf16.count, isSpace(utf16[start]) { start += 1 }
            var end = start
            while end < utf16.count, !isSpace(utf16[end]) { end += 1 }
            if end > start {
                let token = utf16[start..<end]
                let text = String(decoding: token, as: Unicode.UTF16.self)
                if text.contains("://") || text.lowercased().hasPrefix("www.") || text.dropFirst().dropLast().contains("@") {
                    ranges.append(start..<end)
                }
            }
            start = end
        }
        return ranges
    }

    static func foldedWords(of text: String) -> Set<String> {
        Set(text.split { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }.map { CaseMapping.fold(String($0)) })
    }
}

/// Ranges a word must not overlap, asked about words in text order. One pass over the ranges
/// sorted by start answers all words: a scan of every range per word made a long line with many
/// glossary matches quadratic (20,000 matches on one 320 KB HTML line took minutes).
struct ExcludedRanges {
    private let ranges: [Range<Int>]
    private var next = 0
    /// The largest end among the ranges that start before the last word's end.
    private var reach = Int.min

    init(_ ranges: [Range<Int>]) {
        self.ranges = ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether `range` overlaps one of the ranges; `range` must not end before the one asked before.
    mutating func overlaps(_ range: Range<Int>) -> Bool {
        while next < ranges.count, ranges[next].lowerBound < range.upperBound {
            reach = max(reach, ranges[next].upperBound)
            next += 1
        }
        // Every range counted in `reach` starts before `range` ends; one that also ends after
        // `range` starts overlaps it.
        return !range.isEmpty && reach > range.lowerBound
    }
}

