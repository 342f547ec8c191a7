import Foundation
import LectorText

/// A phrase or clause of the source that nothing in the translation accounts for.
///
/// The words of the pair are aligned through the bilingual lexicon (`LexicalAlignment`). Since the
/// dictionaries know only part of the words, one word without counterpart is no finding; a run of
/// content words without counterpart is, when the rest of the sentence aligned well enough that
/// such a run is unlikely to be a gap of the dictionary: each unaligned word of the run counts with
/// the share of the sentence's other words (known to the dictionary, or not) that did align, and
/// every stretch of a run is weighed as a run of its own (a dictionary gap next to a dropped
/// clause must not make the run too long to fit the pair's lengths). Where
/// the pair's usual length ratio is known (`LengthFit`), the chance is divided by how much better
/// the two lengths fit with the run taken as missing: a clause left out makes the translation
/// shorter than its source asks for, a dictionary gap does not. It is multiplied by
/// `paraphraseWeight` for each translation word without counterpart where the run's translation
/// would stand, since a paraphrase leaves such words and a dropped clause does not. A word linked
/// only to a counterpart that a nearer word of the same meaning holds (the second `Regierung`,
/// where the translation says `government` once) counts as unaligned.
public struct OmissionRule: BilingualRule {
    public static let description = RuleDescription(
        id: "meaning.omission",
        name: "Source phrase left out",
        summary: "A run of content words of the source has no counterpart in the translation while the rest of the sentence aligns.",
        // Info by default: see README, *Meaning checks*, for the false alarms on the perturbation
        // suite's report split.
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("↓The government announced new sanctions against Moscow on Monday.",
                        source: "Die Regierung kündigte am Montag neue Sanktionen gegen Moskau sowie Hilfen für die hungernde Bevölkerung der besetzten Gebiete an.",
                        from: "de", to: "en"),
            RuleExample("↓Lundi matin, le ministre de la santé a visité le nouvel hôpital pour enfants de la capitale.",
                        source: "The health minister visited the new children's hospital in the capital on Monday morning and promised more money for young doctors and nurses.",
                        from: "en", to: "fr"),
            RuleExample("↓Ministr včera ve starém paláci podepsal nový zákon.",
                        source: "The minister signed the new law in the old palace yesterday, although the opposition strongly criticised this decision.",
                        from: "en", to: "cs"),
            // FreeDict's eng-rus is tiny: the Russian words align through deu-rus and deu-eng.
            RuleExample("↓The government announced new sanctions against Moscow on Monday.",
                        source: "Правительство объявило в понедельник новые санкции против Москвы и помощь голодающему населению оккупированных территорий.",
                        from: "ru", to: "en"),
            RuleExample("↓The cause of the disease is unknown.",
                        source: "Die Ursache der Krankheit ist unbekannt, aber die Patienten erholen sich innerhalb von zwei Wochen.",
                        from: "de", to: "en"),
        ],
        nonTriggeringExamples: [
            RuleExample("The government announced new sanctions against Moscow and aid for the starving population of the occupied territories on Monday.",
                        source: "Die Regierung kündigte am Montag neue Sanktionen gegen Moskau sowie Hilfen für die hungernde Bevölkerung der besetzten Gebiete an.",
                        from: "de", to: "en"),
            RuleExample("Lundi matin, le ministre de la santé a visité le nouvel hôpital pour enfants de la capitale et a promis plus d'argent pour les jeunes médecins et infirmières.",
                        source: "The health minister visited the new children's hospital in the capital on Monday morning and promised more money for young doctors and nurses.",
                        from: "en", to: "fr"),
            RuleExample("Ministr včera ve starém paláci podepsal nový zákon.",
                        source: "The minister signed the new law in the old palace yesterday.", from: "en", to: "cs"),
            RuleExample("The government announced new sanctions against Moscow and aid to the starving population of the occupied territories on Monday.",
                        source: "Правительство объявило в понедельник новые санкции против Москвы и помощь голодающему населению оккупированных территорий.",
                        from: "ru", to: "en"),
            RuleExample("The cause of the disease is unknown, but the patients recover within two weeks.",
                        source: "Die Ursache der Krankheit ist unbekannt, aber die Patienten erholen sich innerhalb von zwei Wochen.",
                        from: "de", to: "en"),
        ]
    )

    /// A run is reported when a gap of the dictionary like it, anywhere in the sentence, is less
    /// likely than this once weighed (`UnalignedSpan.weighedChance`). Chosen with
    /// `paraphraseWeight` on the perturbation suite's tune split by the rule kept since the first
    /// thresholds: the most recall with false alarms at most 1.5 % on every pair (0.008 before
    /// runs were weighed by the other side's words and read from the nearest links, 0.058 before
    /// every stretch of a run was weighed on its own).
    static let maximumChance = 0.061
    /// e^1.5: the weight per unaligned translation word in the run's window; of 0, e^0.5, e,
    /// e^1.5 and e^2 the one that found most on the tune split under the same rule. Compounds are
    /// not read through their parts here (`readingCompounds`): that found less on the tune split
    /// (de-en 0.64 against 0.65 at the same false alarms, en-fr 0.75 against 0.78).
    static let paraphraseWeight = exp(1.5)
    /// At least this many content words in the run, and this many elsewhere in the sentence.
    /// One word elsewhere is enough: the length evidence speaks for a short sentence that lost
    /// most of itself (3 before; on the tune split 3 found de-en 0.58, en-fr 0.69, ru-en 0.32
    /// against 0.65, 0.78, 0.45 with 1, at the same threshold).
    static let minimumRun = 2
    static let minimumRest = 1

    public init() {}

    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> AlignmentWords? {
        try AlignmentWords.shared(for: context)
    }

    public func findings(in pair: SentencePairContext, using words: AlignmentWords?) -> [RuleFinding] {
        guard let words, let alignment = pair.lexicalAlignment(using: words),
              let gap = alignment.leastLikelyGap(on: .source, text: pair.sourceText, otherText: pair.targetText,
                                                 lengthFit: words.lengthFit,
                                                 minimumRun: Self.minimumRun, minimumRest: Self.minimumRest,
                                                 paraphraseWeight: Self.paraphraseWeight,
                                                 links: pair.gapLinks(of: alignment, using: words, readingCompounds: false)),
              gap.weighedChance(paraphraseWeight: Self.paraphraseWeight) < Self.maximumChance else { return [] }
        let phrase = String(decoding: Array(pair.sourceText.utf16)[gap.range], as: Unicode.UTF16.self)
        return [RuleFinding(range: pair.targetRange, message: "`\(phrase)` has no counterpart in the translation")]
    }
}
