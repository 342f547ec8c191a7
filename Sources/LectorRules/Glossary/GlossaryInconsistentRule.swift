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
        // A document checked in windows hands every window the spellings of the whole document.
        let tally = context.documentSpellings ?? Tally(context)
        var findings: [RuleFinding] = []
        for match in context.glossaryMatches {
            guard case .allowed = match.kind, let spellings = tally.concepts[match.conceptIndex], spellings.keys.count > 1
            else { continue }
            let dominant = spellings.dominant
            guard match.key != dominant else { continue }
            let dominantText = spellings.firstText[dominant]!
            let message = GlossaryMessage.inconsistent(found: context.stemText(of: match), dominant: dominantText,
                                                       count: spellings.counts[dominant]!)
            let suffix = context.document.text(in: (match.range.upperBound - match.suffixLength)..<match.range.upperBound)
            findings.append(RuleFinding(range: match.range, message: message.description,
                                        suggestion: dominantText + suffix, isSafeFix: false))
        }
        return findings.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// How often each allowed spelling of each concept occurs in a document, which came first, and
    /// how its first occurrence is written: all the rule needs of the document besides the
    /// matches it flags. Tallies of consecutive parts of a document add up to the whole's.
    public struct Tally: Sendable {
        public struct Spellings: Sendable {
            /// In the order first seen.
            var keys: [[UInt16]] = []
            var counts: [[UInt16]: Int] = [:]
            /// The text (without inflection suffix) of each spelling's first occurrence.
            var firstText: [[UInt16]: String] = [:]
            var firstIsPreferred: [[UInt16]: Bool] = [:]

            /// The most used spelling; on a tie the preferred term, then the first seen.
            var dominant: [UInt16] {
                var best = keys[0]
                for key in keys.dropFirst() {
                    let count = counts[key]!, bestCount = counts[best]!
                    if count > bestCount || (count == bestCount && firstIsPreferred[key]! && !firstIsPreferred[best]!) {
                        best = key
                    }
                }
                return best
            }
        }

        public private(set) var concepts: [Int: Spellings] = [:]

        /// Whether some concept has two allowed spellings in it: only then can the rule, told this
        /// tally as the document's, flag anything (a part of a document whose tally has none
        /// is flagged the same whether it is told its own tally or the whole's).
        public var hasTwoSpellings: Bool { concepts.values.contains { $0.keys.count > 1 } }

        public init() {}

        public init(_ context: CheckContext) {
            for match in context.glossaryMatches {
                guard case .allowed(let term) = match.kind else { continue }
                if concepts[match.conceptIndex]?.counts[match.key] == nil {
                    let preferred = context.index.concepts[match.conceptIndex].preferredTerm(in: context.index.targetLanguage)
                    concepts[match.conceptIndex, default: Spellings()].keys.append(match.key)
                    concepts[match.conceptIndex]!.firstText[match.key] = context.stemText(of: match)
                    concepts[match.conceptIndex]!.firstIsPreferred[match.key] = preferred.map { term == $0 } ?? false
                }
                concepts[match.conceptIndex]!.counts[match.key, default: 0] += 1
            }
        }

        /// Adds the tally of the part of the document that follows this one.
        public mutating func append(_ later: Tally) {
            for (concept, spellings) in later.concepts {
                for key in spellings.keys {
                    if concepts[concept]?.counts[key] == nil {
                        concepts[concept, default: Spellings()].keys.append(key)
                        concepts[concept]!.firstText[key] = spellings.firstText[key]
                        concepts[concept]!.firstIsPreferred[key] = spellings.firstIsPreferred[key]
                    }
                    concepts[concept]!.counts[key, default: 0] += spellings.counts[key]!
                }
            }
        }
    }
}
