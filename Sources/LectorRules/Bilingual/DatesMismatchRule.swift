import LectorText

/// Dates whose day or month differ between a source sentence and its translation, with month
/// names from CLDR through ICU: `24. Februar` = `February 24`, `28.03.2022` = `03/28/2022`.
public struct DatesMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "dates.mismatch",
        name: "Date mismatch",
        summary: "A date of the source is missing from the translation, or the translation gives another day or month.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("The talks began on ↓June 12.", source: "Die Gespräche begannen am 21. Juni.", from: "de", to: "en"),
            RuleExample("The war began on ↓February 4.", source: "Война началась 24 февраля.", from: "ru", to: "en"),
            RuleExample("Die Gespräche begannen am ↓10. Mai.", source: "The talks began on March 10.", from: "en", to: "de"),
        ],
        nonTriggeringExamples: [
            RuleExample("The war began on February 24.", source: "Der Krieg begann am 24. Februar.", from: "de", to: "en"),
            RuleExample("The war began on February 24.", source: "Война началась 24 февраля.", from: "ru", to: "en"),
            RuleExample("Updated 03/28/2022 13:56.", source: "Aktualisiert 28.03.2022 13:56.", from: "de", to: "en"),
            RuleExample("Die Gespräche begannen am 10. März.", source: "The talks began on March 10.", from: "en", to: "de"),
        ]
    )

    public init() {}

    public func findings(in context: CheckContext) -> [RuleFinding] {
        guard let bilingual = context.bilingual,
              let sourceExtractor = try? DateExtractor(language: bilingual.sourceLanguage),
              let targetExtractor = try? DateExtractor(language: context.index.targetLanguage) else { return [] }
        var findings: [RuleFinding] = []
        for pair in bilingual.pairs {
            guard let sourceRange = pair.source, let targetRange = pair.target else { continue }
            var unmatched = sourceExtractor.dates(in: bilingual.source.text(in: sourceRange))
            // Tokenized MT (`am 15 . April`) is read detokenized; findings then cover the sentence.
            let (targetText, tokenized) = Detokenizer.readable(context.document.text(in: targetRange))
            let target = targetExtractor.dates(in: targetText)
            for date in target {
                if let index = unmatched.firstIndex(where: { $0.isSameDay(as: date) }) {
                    unmatched.remove(at: index)
                } else {
                    let range = tokenized ? targetRange
                        : (targetRange.lowerBound + date.range.lowerBound)..<(targetRange.lowerBound + date.range.upperBound)
                    findings.append(RuleFinding(range: range, message: "`\(date.text)` is not a date of the source"
                        + (unmatched.isEmpty ? "" : " (the source has \(unmatched.map { "`\($0.text)`" }.joined(separator: ", ")))")))
                }
            }
            if target.isEmpty {
                for date in unmatched {
                    findings.append(RuleFinding(range: targetRange, message: "the source's date `\(date.text)` is missing here"))
                }
            }
        }
        return findings
    }
}
