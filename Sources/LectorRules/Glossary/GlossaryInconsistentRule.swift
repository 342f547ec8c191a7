import LectorFormats
import LectorGlossary

/// One concept written with two allowed spellings in the same document (`Erdogan` and `Erdoğan`).
public struct GlossaryInconsistentRule: Rule {
    public static let description = RuleDescription(
        id: "glossary.inconsistent",
        name: "Inconsistent spelling",
        summary: "A concept appears under two admitted spellings in one document; the less used one is flagged.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("Kievan Rus' was a medieval state. Historians of Kievan Rus' (or ↓Kyivan Rus') disagree."),
            RuleExample("↓Kyivan Rus' and Kievan Rus' are one state; this text prefers neither."),
        ],
        nonTriggeringExamples: [
            RuleExample("Kievan Rus' was a medieval state. Historians of Kievan Rus' disagree."),
            RuleExample("Kyivan Rus' was a medieval state. Historians of Kyivan Rus' disagree."),
        ],
        scope: .document
    )

    public init() {}

    public func findings(in context: CheckContext) -> [RuleFinding] {
        // Per concept: how often each allowed spelling occurs, and where.
        var uses: [Int: [[UInt16]: [GlossaryMatch]]] = [:]
        var order: [Int: [[UInt16]]] = [:]
        for match in context.glossaryMatches {
            guard case .allowed = match.kind else { continue }
            if uses[match.conceptIndex]?[match.key] == nil { order[match.conceptIndex, default: []].append(match.key) }
            uses[match.conceptIndex, default: [:]][match.key, default: []].append(match)
        }
        var findings: [RuleFinding] = []
        for (concept, spellings) in uses where spellings.count > 1 {
            let keys = order[concept]!
            let preferred = context.index.concepts[concept].preferredTerm(in: context.index.targetLanguage)
            // The most used spelling wins; on a tie the preferred term, then the first seen.
            let dominant = keys.max { lhs, rhs in
                let left = spellings[lhs]!.count, right = spellings[rhs]!.count
                if left != right { return left < right }
                if isPreferred(spellings[rhs]!.first!, preferred) != isPreferred(spellings[lhs]!.first!, preferred) {
                    return isPreferred(spellings[rhs]!.first!, preferred)
                }
                return keys.firstIndex(of: lhs)! > keys.firstIndex(of: rhs)!
            }!
            let dominantMatch = spellings[dominant]!.first!
            let dominantText = context.stemText(of: dominantMatch)
            for key in keys where key != dominant {
                for match in spellings[key]! {
                    let message = GlossaryMessage.inconsistent(found: context.stemText(of: match), dominant: dominantText,
                                                               count: spellings[dominant]!.count)
                    let suffix = context.document.text(in: (match.range.upperBound - match.suffixLength)..<match.range.upperBound)
                    findings.append(RuleFinding(range: match.range, message: message.description,
                                                suggestion: dominantText + suffix, isSafeFix: false))
                }
            }
        }
        return findings.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func isPreferred(_ match: GlossaryMatch, _ preferred: Term?) -> Bool {
        guard case .allowed(let term) = match.kind, let preferred else { return false }
        return term == preferred
    }
}
