/// A glossary term of the source has no counterpart of its concept in the translation.
public struct GlossaryMissingRule: BilingualRule {
    public static let description = RuleDescription(
        id: "glossary.missing",
        name: "Missing glossary term",
        summary: "A source sentence names a glossary concept, and its translation has no term of that concept.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("↓Moscow demands that Ukraine renounce NATO.",
                        source: "Moskau fordert von Kiew einen Verzicht auf die Nato.", from: "de", to: "en"),
            RuleExample("↓The spokesman said this on Monday.", source: "Песков заявил об этом в понедельник.",
                        from: "ru", to: "en"),
            RuleExample("↓Selenskyj sprach in der Hauptstadt.", source: "Zelenskyy spoke in Kyiv.", from: "en", to: "de"),
        ],
        nonTriggeringExamples: [
            RuleExample("Moscow demands that Kyiv renounce NATO.",
                        source: "Moskau fordert von Kiew einen Verzicht auf die Nato.", from: "de", to: "en"),
            RuleExample("Peskov said this on Monday.", source: "Песков заявил об этом в понедельник.", from: "ru", to: "en"),
            RuleExample("Selenskyj sprach in Kiew.", source: "Zelenskyy spoke in Kyiv.", from: "en", to: "de"),
            RuleExample("The mayor of Kyiv's twin city spoke.", source: "Der Bürgermeister der Partnerstadt Kiews sprach.",
                        from: "de", to: "en"),
        ],
        scope: .bilingual
    )

    public init() {}

    public func findings(in pair: SentencePairContext, using _: Void) -> [RuleFinding] {
        // Most pairs have no source term: nothing to look for, and the glossary index (a struct of
        // many arrays) is not copied out of the context for them.
        let sourceMatches = pair.sourceMatchSlice
        guard !sourceMatches.isEmpty else { return [] }
        let index = pair.check.index
        // Lists, not sets: a sentence has a few terms, and each set made was a look-up of its
        // storage's type in the runtime's shared table (`_SetStorage` is not specialized here).
        let present = pair.targetMatchSlice.map(\.conceptIndex)
        var reported: [Int] = []
        var findings: [RuleFinding] = []
        for match in sourceMatches {
            // A skeleton guess on the source side is not evidence enough to demand a term.
            if case .variant(_, .skeleton) = match.kind { continue }
            guard !present.contains(match.conceptIndex), !reported.contains(match.conceptIndex) else { continue }
            reported.append(match.conceptIndex)
            guard let expected = index.concepts[match.conceptIndex].preferredTerm(in: index.targetLanguage) else { continue }
            let found = pair.bilingual.source.text(in: match.range)
            findings.append(RuleFinding(
                range: pair.targetRange,
                message: "source term `\(found)` has no glossary translation in this sentence; expected `\(expected.text)`",
                note: index.concepts[match.conceptIndex].definition))
        }
        return findings
    }
}
