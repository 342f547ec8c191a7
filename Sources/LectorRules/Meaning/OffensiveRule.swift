import LectorText

/// Offensive language on one side of a sentence pair only: an insult, slur, obscenity or threat
/// of the source that the translation softened away, or one the translation added.
///
/// Per-language lists of offensive words (`Resources/Meaning/offensive.txt`, whose header says
/// where they come from); both languages need a list, or the rule says nothing.
public struct OffensiveRule: BilingualRule {
    public static let description = RuleDescription(
        id: "meaning.offensive",
        name: "Offensive language added or removed",
        summary: "The source has offensive words and the translation none, or the other way round.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("↓Du bist ein Mensch, mach das sofort.", source: "You are a fucking idiot, do it now.", from: "en", to: "de"),
            RuleExample("Das ist ein ↓Idiot.", source: "This is a man.", from: "en", to: "de"),
            RuleExample("↓Jsi člověk, udělej to hned.", source: "You are an idiot, do it now.", from: "en", to: "cs"),
            RuleExample("↓你是一个人。", source: "You are an idiot.", from: "en", to: "zh"),
        ],
        nonTriggeringExamples: [
            RuleExample("Du bist ein Idiot, mach das sofort.", source: "You are a fucking idiot, do it now.", from: "en", to: "de"),
            RuleExample("Jsi idiot, udělej to hned.", source: "You are an idiot, do it now.", from: "en", to: "cs"),
            RuleExample("Die Gespräche gehen am Dienstag weiter.", source: "The talks continue on Tuesday.", from: "en", to: "de"),
            RuleExample("你是个白痴。", source: "You are an idiot.", from: "en", to: "zh"),
        ],
        scope: .bilingual
    )

    public init() {}

    /// Both languages' lists, looked up once per document, each in an object of the document's
    /// own (`LanguageCues.copy()`): every sentence pair retains and releases both, and with the
    /// lexicon's objects, which every thread shares, their counts moved between the cores.
    public struct Lists {
        let source: CueLexicon.LanguageCues
        let target: CueLexicon.LanguageCues
    }

    /// `nil` when either language has no list: the rule then says nothing.
    public func prepare(for context: CheckContext, bilingual: BilingualContext) -> Lists? {
        let lexicon = CueLexicon.offensive
        guard lexicon.hasCues(for: bilingual.sourceLanguage), lexicon.hasCues(for: context.index.targetLanguage),
              let source = lexicon.languageCues(bilingual.sourceLanguage),
              let target = lexicon.languageCues(context.index.targetLanguage) else { return nil }
        return Lists(source: source.copy(), target: target.copy())
    }

    public func findings(in pair: SentencePairContext, using lists: Lists?) -> [RuleFinding] {
        guard let lists else { return [] }
        let lexicon = CueLexicon.offensive
        let inSource = lexicon.cues(in: pair.sourceText, using: lists.source)
        let inTarget = lexicon.cues(in: pair.targetText, using: lists.target)
        if let word = inSource.first, inTarget.isEmpty {
            return [RuleFinding(range: pair.targetRange,
                                message: "the source's offensive `\(word)` has no offensive counterpart in the translation")]
        } else if let word = inTarget.first, inSource.isEmpty {
            let range = Self.range(of: word, in: pair.targetText).map { pair.targetRange(ofTextRange: $0) }
            return [RuleFinding(range: range ?? pair.targetRange, message: "the translation adds offensive `\(word)`; the source has none")]
        }
        return []
    }

    /// UTF-16 range of a cue word in the text, compared in lower case.
    static func range(of word: String, in text: String) -> Range<Int>? {
        guard let found = text.lowercased().range(of: word), text.count == text.lowercased().count else { return nil }
        let lower = text.lowercased()
        let start = lower.utf16.distance(from: lower.startIndex, to: found.lowerBound)
        return start..<(start + word.utf16.count)
    }
}
