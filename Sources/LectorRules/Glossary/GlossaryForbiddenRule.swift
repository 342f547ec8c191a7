/// A deprecated or superseded term of the target language is used.
public struct GlossaryForbiddenRule: Rule {
    public static let description = RuleDescription(
        id: "glossary.forbidden",
        name: "Forbidden term",
        summary: "A term the glossary marks deprecated or superseded is used; the fix is the preferred term.",
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample("Moscow demands that ↓Kiev renounce NATO."),
            RuleExample("↓Kiev’s mayor spoke on Monday."),
            RuleExample("Shelling continued in ↓Kharkov and ↓Odessa."),
            RuleExample("Talks with ↓Nato were planned."),
        ],
        nonTriggeringExamples: [
            RuleExample("Moscow demands that Kyiv renounce NATO."),
            RuleExample("He ordered chicken Kiev in Kyiv."),
            RuleExample("The history of Kievan Rus' begins in the ninth century."),
            RuleExample("The Battle of Kiev was fought in 1941."),
        ]
    )

    public init() {}

    public func findings(in context: CheckContext) -> [RuleFinding] {
        context.glossaryMatches.compactMap { match in
            guard case .forbidden(let term) = match.kind else { return nil }
            let suggestion = context.suggestion(for: match)
            let preferred = context.concept(of: match).preferredTerm(in: context.index.targetLanguage)?.text
            let message = GlossaryMessage.deprecated(found: context.stemText(of: match), preferred: preferred,
                                                     superseded: term.status == .superseded, note: term.note)
            return RuleFinding(range: match.range, message: context.namingLemma(message.description, of: match), suggestion: suggestion,
                               isSafeFix: suggestion != nil,
                               note: context.concept(of: match).definition)
        }
    }
}
