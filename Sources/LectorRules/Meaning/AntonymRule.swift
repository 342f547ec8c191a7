import LectorText

/// A word of the translation that means the opposite of a source word: `rose` where the source's
/// `sank` translates as `fell`.
///
/// WordNet's antonyms are English, so one side of the pair must be English. With an English
/// translation, a translation word without counterpart in the source is checked against the
/// dictionary translations of the source words that have none either: one of them is its antonym.
/// With an English source, a source word without counterpart is checked against the dictionary
/// translations of the unaccounted translation words. Both words must be content words (not in
/// `function-words.txt`), and a pair where either side negates (`not`, `nicht`, `failed`) is left to `meaning.negation`
/// (`not high` for `low` is a faithful translation, and in `nicht selten` → `often` the negation
/// decides the meaning).
public struct AntonymRule: BilingualRule {
    public static let description = RuleDescription(
        id: "meaning.antonym",
        name: "Opposite meaning",
        summary: "A translation word is the antonym (WordNet) of a dictionary translation of a source word.",
        // Info by default: see README, *Meaning checks*, for the false alarms on the perturbation
        // suite's report split.
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("Prices have ↓decreased.", source: "Die Preise sind gestiegen.", from: "de", to: "en"),
            RuleExample("Prices ↓decreased sharply last year.", source: "Les prix ont fortement augmenté l'année dernière.",
                        from: "fr", to: "en"),
            RuleExample("Le nombre de cas a fortement ↓diminué.", source: "The number of cases increased sharply.", from: "en", to: "fr"),
        ],
        nonTriggeringExamples: [
            RuleExample("Prices have increased.", source: "Die Preise sind gestiegen.", from: "de", to: "en"),
            RuleExample("Prices increased sharply last year.", source: "Les prix ont fortement augmenté l'année dernière.",
                        from: "fr", to: "en"),
            RuleExample("Le nombre de cas a fortement augmenté.", source: "The number of cases increased sharply.", from: "en", to: "fr"),
            RuleExample("Prices did not increase.", source: "Die Preise sind gesunken.", from: "de", to: "en"),
            RuleExample("Before and after the operation.", source: "Vor und nach der Operation.", from: "de", to: "en"),
            RuleExample("Les prix n'ont pas fortement diminué l'année dernière.", source: "Prices did not increase sharply last year.",
                        from: "en", to: "fr"),
            RuleExample("Such complications are often seen.", source: "Solche Komplikationen sind nicht selten.", from: "de", to: "en"),
        ]
    )

    public init() {}

    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> AlignmentWords? {
        guard let words = try AlignmentWords.shared(for: context), words.sourceLanguage == "en" || words.targetLanguage == "en",
              words.lexicon.hasWordNet else { return nil }
        return words
    }

    public func findings(in pair: SentencePairContext, using words: AlignmentWords?) -> [RuleFinding] {
        guard let words, let alignment = pair.lexicalAlignment(using: words) else { return [] }
        let negations = Self.negations(pair, words)
        guard negations.source + negations.target == 0 else { return [] }
        let source = alignment.source, target = alignment.target
        func isAccounted(_ word: LexicalAlignment.Word, among others: [LexicalAlignment.Word], isSource: Bool) -> Bool {
            others.contains { isSource ? LexicalAlignment.areCounterparts(word.info, $0.info) : LexicalAlignment.areCounterparts($0.info, word.info) }
        }
        let candidates = { (words: [LexicalAlignment.Word]) in
            words.filter { !$0.isNameOrNumber && $0.text.unicodeScalars.filter(\.properties.isAlphabetic).count >= 2 }
        }
        let sourceWords = candidates(source), targetWords = candidates(target)
        for t in targetWords {
            for s in sourceWords {
                let opposite: String?
                let message: String
                if words.targetLanguage == "en" {
                    opposite = s.info.translations.intersection(t.info.antonyms).sorted().first
                    message = opposite.map { "`\(written(t, in: pair.targetText))` is the opposite of `\($0)`, which translates `\(written(s, in: pair.sourceText))`" } ?? ""
                } else {
                    opposite = t.info.translations.intersection(s.info.antonyms).sorted().first
                    message = opposite.map { "`\(written(t, in: pair.targetText))` means `\($0)`, the opposite of `\(written(s, in: pair.sourceText))` in the source" } ?? ""
                }
                guard opposite != nil, !isAccounted(t, among: source, isSource: false),
                      !isAccounted(s, among: target, isSource: true) else { continue }
                // Function words (`zu`, `mit`, `über`, `more`) have too many senses for their
                // dictionary translations to say which one is meant.
                guard s.isContent, t.isContent else { continue }
                return [RuleFinding(range: pair.targetRange(ofTextRange: t.range), message: message)]
            }
        }
        return []
    }

    private func written(_ word: LexicalAlignment.Word, in text: String) -> String {
        String(decoding: Array(text.utf16)[word.range], as: Unicode.UTF16.self)
    }

    /// How many negations each side has. A negation on either side leaves the pair to
    /// `meaning.negation`: an antonym may render a negation (`not high` → `niedrig`), and where
    /// both sides negate, which word the negation covers decides the meaning (`nicht selten` →
    /// `often`), which the lexicons cannot tell.
    ///
    /// Lexical negatives count too (`nonessential` → `non essentiel`, `failed`): counting only
    /// grammatical ones found a few more swapped `un-` words on the tune split but raised the false
    /// alarms of en-fr from 1.5 % to 1.9 %.
    static func negations(_ pair: SentencePairContext, _ words: AlignmentWords) -> (source: Int, target: Int) {
        let inSource = NegationLexicon.forLanguage(words.sourceLanguage).map {
            pair.negations(of: .source, lexicon: $0, language: words.sourceLanguage).count
        } ?? 0
        let inTarget = NegationLexicon.forLanguage(words.targetLanguage).map {
            pair.negations(of: .target, lexicon: $0, language: words.targetLanguage).count
        } ?? 0
        return (inSource, inTarget)
    }
}
