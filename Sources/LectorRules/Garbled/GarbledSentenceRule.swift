import LectorText

/// A sentence whose translation looks garbled: one calibrated score per sentence from signals
/// of meaning change (negation, numbers, toxicity, length, copied words, a list turned into a
/// relative clause, repeated words), with the signals that fired named in the message.
public struct GarbledSentenceRule: Rule {
    public static let description = RuleDescription(
        id: "garbled.sentence",
        name: "Garbled sentence",
        summary: "The translation of a sentence scores as garbled; the message names the signals and their evidence.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("↓Moscow is demanding that Kiev renounce NATO, which recognizes breakaway areas in the east of the country as independent states and Russian rule over the annexed Crimea peninsula.",
                        source: "Moskau fordert von Kiew einen Verzicht auf die Nato, die Anerkennung der abtrünnigen Gebiete im Osten des Landes als unabhängige Staaten sowie der russischen Herrschaft über die annektierte Halbinsel Krim.",
                        from: "de", to: "en"),
            RuleExample("↓Du bist ein Idiot, mach das sofort.", source: "You are a fucking idiot, don't do that.", from: "en", to: "de"),
            RuleExample("↓The negotiations the negotiations the negotiations continue.",
                        source: "Die Verhandlungen gehen weiter.", from: "de", to: "en"),
        ],
        nonTriggeringExamples: [
            RuleExample("Moscow demands that Kyiv renounce NATO, recognise the breakaway areas in the east of the country as independent states, and recognise Russian rule over the annexed Crimea peninsula.",
                        source: "Moskau fordert von Kiew einen Verzicht auf die Nato, die Anerkennung der abtrünnigen Gebiete im Osten des Landes als unabhängige Staaten sowie der russischen Herrschaft über die annektierte Halbinsel Krim.",
                        from: "de", to: "en"),
            RuleExample("The minister, who spoke on Monday, expects progress.",
                        source: "Der Minister, der am Montag sprach, erwartet Fortschritte.", from: "de", to: "en"),
            RuleExample("Ich kann es kaum erwarten, mich dem Protest anzuschließen.",
                        source: "I can't wait to join the protest.", from: "en", to: "de"),
            RuleExample("Die Verhandlungen, die Verhandlungen: darum geht es.",
                        source: "The negotiations, the negotiations: that is what it is about.", from: "en", to: "de"),
            RuleExample("Die Gespräche sollen am Dienstag in Istanbul beginnen.",
                        source: "The talks are to begin in Istanbul on Tuesday.", from: "en", to: "de"),
        ]
    )

    /// The threshold name in `.lector.yml` (`thresholds: garbled.min_score: 0.6`) and `--min-score`.
    public static let thresholdName = "garbled.min_score"

    public init() {}

    public func findings(in context: CheckContext) -> [RuleFinding] {
        let model = GarbledModel.shipped
        let sourceLanguage = context.bilingual?.sourceLanguage
        let pairModel = model.model(source: sourceLanguage, target: context.index.targetLanguage)
        let threshold = context.thresholds[Self.thresholdName] ?? pairModel.threshold
        let extractor = GarbledSignalExtractor(sourceLanguage: sourceLanguage, targetLanguage: context.index.targetLanguage,
                                               lengthMean: pairModel.lengthMean, lengthDeviation: pairModel.lengthDeviation)
        var findings: [RuleFinding] = []
        for (sourceText, range) in segments(of: context) {
            let signals = extractor.signals(source: sourceText, target: context.document.text(in: range))
            let (score, contributions) = model.score(signals, with: pairModel)
            guard score >= threshold else { continue }
            let reasons = contributions.filter { $0.1 > 0.25 }.prefix(3).compactMap { signals.evidence[$0.0] }
            findings.append(RuleFinding(
                range: range,
                message: "garbled sentence (score \(String(format: "%.2f", score))): "
                    + (reasons.isEmpty ? "several weak signals" : reasons.joined(separator: "; "))))
        }
        return findings
    }

    /// Sentence pairs with a translation, or the document's sentences when there is no source.
    private func segments(of context: CheckContext) -> [(String?, Range<Int>)] {
        if let bilingual = context.bilingual {
            return bilingual.pairs.compactMap { pair in
                guard let target = pair.target else { return nil }
                return (pair.source.map { bilingual.source.text(in: $0) }, target)
            }
        }
        let aligner = SentenceAligner(sourceLanguage: context.index.targetLanguage, targetLanguage: context.index.targetLanguage)
        return aligner.sentences(of: context.document).map { (nil, $0) }
    }
}
