import LectorICU

/// Another spelling of a glossary name: a transliteration of its Cyrillic form under some scheme,
/// its form in another language of the glossary, or a spelling with the same skeleton.
public struct GlossaryVariantRule: Rule {
    public static let description = RuleDescription(
        id: "glossary.variant",
        name: "Variant spelling",
        summary: "A name is spelled as another transliteration scheme or language writes it, not as the house glossary does.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("The head of the delegation, Vladimir ↓Medinski, spoke."),
            RuleExample("↓Medinskiy and ↓Peskow both commented."),
            RuleExample("Fighting near ↓Saporischschja and ↓Charkiw continued."),
            RuleExample("President ↓Zelensky said so in a video message."),
            RuleExample("The mayor of ↓Kiew met ↓Selenskyj."),
        ],
        nonTriggeringExamples: [
            RuleExample("The head of the delegation, Vladimir Medinsky, spoke."),
            RuleExample("President Zelenskyy met Peskov and Lavrov in Antalya."),
            RuleExample("Canadians love poutine."),
            RuleExample("Zaporizhzhia and Mykolaiv were shelled."),
        ]
    )

    public init() {}

    public func findings(in context: CheckContext) -> [RuleFinding] {
        context.glossaryMatches.compactMap { match in
            guard case .variant(_, let origin) = match.kind,
                  let preferred = context.concept(of: match).preferredTerm(in: context.index.targetLanguage)
            else { return nil }
            let found = context.stemText(of: match)
            let message: GlossaryMessage
            switch origin {
            case let .transliteration(scheme, source):
                message = .transliteration(found: found, scheme: scheme, source: source, preferred: preferred.text)
            case let .glossaryForm(language, _):
                message = .otherLanguage(found: found, language: LanguageTag.englishName(of: language),
                                         preferred: preferred.text)
            case .skeleton:
                let native = context.concept(of: match).terms.first {
                    ["uk", "ru", "be"].contains($0.primaryLanguage) && $0.status.isAllowed
                }
                message = .skeleton(found: found, preferred: preferred.text, nativeForm: native?.text)
            }
            let suggestion = context.suggestion(for: match)
            return RuleFinding(range: match.range, message: context.namingLemma(message.description, of: match), suggestion: suggestion,
                               isSafeFix: suggestion != nil,
                               note: context.concept(of: match).definition)
        }
    }
}
