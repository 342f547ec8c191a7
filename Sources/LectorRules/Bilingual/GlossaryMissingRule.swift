/// A glossary term of the source has no counterpart of its concept in the translation.
public struct GlossaryMissingRule: Rule {
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
        ]
    )

    public init() {}

    public func findings(in context: CheckContext) -> [RuleFinding] {
        guard let bilingual = context.bilingual else { return [] }
        var findings: [RuleFinding] = []
        for pair in bilingual.pairs {
            guard let sourceRange = pair.source, let targetRange = pair.target else { continue }
            let present = Set(context.glossaryMatches(in: targetRange).map(\.conceptIndex))
            var reported = Set<Int>()
            for match in bilingual.sourceMatches(in: sourceRange) {
                // A skeleton guess on the source side is not evidence enough to demand a term.
                if case .variant(_, .skeleton) = match.kind { continue }
                guard !present.contains(match.conceptIndex), reported.insert(match.conceptIndex).inserted,
                      let expected = context.index.concepts[match.conceptIndex]
                        .preferredTerm(in: context.index.targetLanguage) else { continue }
                let found = bilingual.source.text(in: match.range)
                findings.append(RuleFinding(
                    range: targetRange,
                    message: "source term `\(found)` has no glossary translation in this sentence; expected `\(expected.text)`",
                    note: context.index.concepts[match.conceptIndex].definition))
            }
        }
        return findings
    }
}
