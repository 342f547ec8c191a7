import LectorText

/// Dates whose day or month differ between a source sentence and its translation, with month
/// names from CLDR through ICU: `24. Februar` = `February 24`, `28.03.2022` = `03/28/2022`.
public struct DatesMismatchRule: BilingualRule {
    public static let description = RuleDescription(
        id: "dates.mismatch",
        name: "Date mismatch",
        summary: "A date of the source is missing from the translation, or the translation gives another day or month.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("The talks began on ↓June 12.", source: "Die Gespräche begannen am 21. Juni.", from: "de", to: "en"),
            RuleExample("The war began on ↓February 4.", source: "Война началась 24 февраля.", from: "ru", to: "en"),
            RuleExample("Die Gespräche begannen am ↓10. Mai.", source: "The talks began on March 10.", from: "en", to: "de"),
            RuleExample("The flag was blessed on ↓14 June 1884.", source: "Lipp õnnistati Otepääl 4. juunil 1884.", from: "et", to: "en"),
        ],
        nonTriggeringExamples: [
            RuleExample("The war began on February 24.", source: "Der Krieg begann am 24. Februar.", from: "de", to: "en"),
            RuleExample("The war began on February 24.", source: "Война началась 24 февраля.", from: "ru", to: "en"),
            RuleExample("Updated 03/28/2022 13:56.", source: "Aktualisiert 28.03.2022 13:56.", from: "de", to: "en"),
            RuleExample("Die Gespräche begannen am 10. März.", source: "The talks began on March 10.", from: "en", to: "de"),
            RuleExample("The flag was blessed on 4 June 1884.", source: "Lipp õnnistati Otepääl 4. juunil 1884.", from: "et", to: "en"),
            RuleExample("Estonia was a member of the League of Nations from 22 September 1921.",
                        source: "Eesti oli Rahvasteliidu liige alates 22. septembrist 1921.", from: "et", to: "en"),
        ],
        scope: .bilingual
    )

    public init() {}

    /// The extractors depend on the languages alone.
    public static let preparationOutlivesDocument = true

    /// Number extractors, which find the dates too: `numbers.mismatch` reads the same pass
    /// (`SentencePairContext.numbersAndDates`).
    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws
        -> (source: NumberExtractor, target: NumberExtractor) {
        (try NumberExtractor(language: bilingual.sourceLanguage), try NumberExtractor(language: context.index.targetLanguage))
    }

    public func findings(in pair: SentencePairContext, using extractors: (source: NumberExtractor, target: NumberExtractor))
        -> [RuleFinding] {
        var unmatched = pair.numbersAndDates(ofSource: extractors.source).dates
        // Tokenized MT (`am 15 . April`) is read detokenized; findings then cover the sentence.
        let tokenized = pair.sharedReadableTarget.isTokenized
        let target = pair.numbersAndDates(ofReadableTarget: extractors.target).dates
        var findings: [RuleFinding] = []
        for date in target {
            if let index = unmatched.firstIndex(where: { $0.isSameDay(as: date) }) {
                unmatched.remove(at: index)
            } else {
                findings.append(RuleFinding(range: pair.targetRange(ofReadableRange: date.range, tokenized: tokenized),
                                            message: "`\(date.text)` is not a date of the source"
                    + (unmatched.isEmpty ? "" : " (the source has \(unmatched.map { "`\($0.text)`" }.joined(separator: ", ")))")))
            }
        }
        if target.isEmpty {
            for date in unmatched {
                findings.append(RuleFinding(range: pair.targetRange, message: "the source's date `\(date.text)` is missing here"))
            }
        }
        return findings
    }
}
