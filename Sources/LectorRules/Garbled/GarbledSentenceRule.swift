import LectorICU
import LectorText
import LectorFormats

/// A translation that reads as garbled in ways the meaning rules cannot name: a loop of repeated
/// words, a length far from what its source asks for, a German list read as a relative clause, or
/// a translation with nothing in common with its source (none of the words the bilingual
/// dictionary knows on either side has a counterpart on the other).
///
/// Each condition is explicit and says what it saw; nothing here is a fitted weight. Lost
/// negations, numbers, names and offensive words are the `meaning.*`, `numbers.*` and `names.*`
/// rules' findings.
public struct GarbledSentenceRule: Rule {
    public static let description = RuleDescription(
        id: "garbled.sentence",
        name: "Garbled sentence",
        summary: "The translation loops, is far longer or shorter than its source allows, turned a list into a relative clause, or has nothing in common with its source; the message says which.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("↓Moscow is demanding that Kiev renounce NATO, which recognizes breakaway areas in the east of the country as independent states and Russian rule over the annexed Crimea peninsula.",
                        source: "Moskau fordert von Kiew einen Verzicht auf die Nato, die Anerkennung der abtrünnigen Gebiete im Osten des Landes als unabhängige Staaten sowie der russischen Herrschaft über die annektierte Halbinsel Krim.",
                        from: "de", to: "en"),
            RuleExample("↓The negotiations the negotiations the negotiations continue.",
                        source: "Die Verhandlungen gehen weiter.", from: "de", to: "en"),
            RuleExample("Les négociations ↓continuent continuent continuent continuent.",
                        source: "The negotiations continue.", from: "en", to: "fr"),
            RuleExample("Die ↓Gespräche Gespräche Gespräche gehen weiter.", source: "The talks continue.", from: "en", to: "de"),
            RuleExample("↓The weather in the mountains was cold and rainy during the whole week.",
                        source: "Die Regierung kündigte am Montag neue Sanktionen gegen Moskau an.", from: "de", to: "en"),
            RuleExample("↓Les prix du pain et du lait ont fortement augmenté l'année dernière.",
                        source: "The health minister visited the new children's hospital on Monday.", from: "en", to: "fr"),
            RuleExample("↓Los precios del pan y de la leche subieron mucho el año pasado.",
                        source: "The health minister visited the new children's hospital on Monday.", from: "en", to: "es"),
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
            RuleExample("The head of the delegation, the head of the government and the head of the army met at the end of the week.",
                        source: "Der Delegationsleiter, der Regierungschef und der Armeechef trafen sich am Ende der Woche.", from: "de", to: "en"),
            RuleExample("According to the Ministry of Foreign Affairs, the talks between the two delegations will continue in Istanbul on Tuesday afternoon.",
                        source: "据外交部称，两国代表团之间的会谈将于周二下午在伊斯坦布尔继续进行。", from: "zh", to: "en"),
            RuleExample("Die Gespräche sollen am Dienstag in Istanbul beginnen.",
                        source: "The talks are to begin in Istanbul on Tuesday.", from: "en", to: "de"),
            RuleExample("The government announced new sanctions against Moscow on Monday.",
                        source: "Die Regierung kündigte am Montag neue Sanktionen gegen Moskau an.", from: "de", to: "en"),
            RuleExample("Lundi, le ministre de la santé a visité le nouvel hôpital pour enfants.",
                        source: "The health minister visited the new children's hospital on Monday.", from: "en", to: "fr"),
            RuleExample("El lunes, el ministro de sanidad visitó el nuevo hospital infantil.",
                        source: "The health minister visited the new children's hospital on Monday.", from: "en", to: "es"),
        ]
    )

    /// The threshold name `.lector.yml` and `lector eval ced --min-score` accept. It set the cut-off
    /// of the former fitted score; the rule's conditions are now explicit and do not read it.
    public static let thresholdName = "garbled.min_score"

    /// The length condition's bounds. The defaults are the bounds no translation of the
    /// perturbation suite's tune split falls outside; a project with terse or wordy house style
    /// may widen them, and one that wants more flagged may narrow them.
    public struct Options: RuleOptions {
        public var minLengthRatio = GarbledConditions.lengthBounds.low
        public var maxLengthRatio = GarbledConditions.lengthBounds.high
        public var minSourceLength = GarbledConditions.minimumSourceLength

        public init() {}

        public static let options: [RuleOption<Options>] = [
            .number("min_length_ratio", \.minLengthRatio, in: 0.01...1,
                    summary: "a translation shorter than this share of its source (in comparable units) is flagged"),
            .number("max_length_ratio", \.maxLengthRatio, in: 1...100,
                    summary: "a translation longer than this multiple of its source is flagged"),
            .integer("min_source_length", \.minSourceLength, in: 1...100_000,
                     summary: "sources shorter than this many comparable units (letters; a CJK character is 3) are not length-checked"),
        ]
    }

    public let options: Options

    public init() { options = Options() }
    public init(options: Options) { self.options = options }

    public func findings(in context: CheckContext) -> [RuleFinding] {
        let sourceLanguage = context.bilingual?.sourceLanguage
        let targetLanguage = Term.primaryLanguage(of: context.index.targetLanguage)
        var findings: [RuleFinding] = []
        let words: AlignmentWords?
        do {
            words = try AlignmentWords.shared(for: context)
        } catch {
            // Without the transliterator the other conditions still run; the missing one is said.
            findings.append(.failure(of: Self.description, error))
            words = nil
        }
        let loopsPossible = !GarbledSignalExtractor.denseScripts.contains(targetLanguage)
        for (index, sourceText, range) in segments(of: context) {
            // An ASCII sentence in which no word sequence even hashes the same three times in a
            // row has no loop, and is not read for one; without a source only the loop condition
            // applies, and such a sentence is not made into a string.
            let mayLoop = !loopsPossible || context.document.utf16.withUnsafeBufferPointer({
                GarbledConditions.mayLoop(ascii: UnsafeBufferPointer(rebasing: $0[range]))
            }) != false
            if sourceText == nil, !mayLoop { continue }
            let target = context.document.text(in: range)
            var reasons: [String] = []
            let loop = mayLoop ? GarbledConditions.loopFinding(in: target, language: targetLanguage) : nil
            if let loop { reasons.append(loop.description) }
            if let sourceText, let sourceLanguage {
                if let clause = GarbledConditions.relativeClause(source: sourceText, target: target, sourceLanguage: sourceLanguage,
                                                                 targetLanguage: targetLanguage) {
                    reasons.append(clause)
                }
                if let length = GarbledConditions.length(source: sourceText, target: target,
                                                         bounds: (options.minLengthRatio, options.maxLengthRatio),
                                                         minimumSourceLength: options.minSourceLength) {
                    reasons.append(length)
                }
                if let words {
                    let counts: AlignmentCounts?
                    if let index, let noted = context.bilingual?.alignmentNotes.counts(pair: index, words: words) {
                        counts = noted
                    } else {
                        counts = LexicalAlignment(source: sourceText, target: target, words: words).map(AlignmentCounts.init)
                    }
                    if let counts, let unrelated = GarbledConditions.nothingInCommon(counts) { reasons.append(unrelated) }
                }
            }
            guard !reasons.isEmpty else { continue }
            // A loop alone is its own place (and a short excerpt, however long the loop runs);
            // any other reason is about the whole sentence.
            let place = loop.map { reasons.count == 1 ? (range.lowerBound + $0.range.lowerBound)..<(range.lowerBound + $0.range.upperBound) : range } ?? range
            findings.append(RuleFinding(range: place, message: "garbled sentence: " + reasons.joined(separator: "; ")))
        }
        return findings
    }

    /// Sentence pairs with a translation, or the document's sentences when there is no source.
    private func segments(of context: CheckContext) -> [(Int?, String?, Range<Int>)] {
        if let bilingual = context.bilingual {
            return bilingual.pairs.indices.compactMap { index in
                let pair = bilingual.pairs[index]
                guard let target = pair.target else { return nil }
                return (index, pair.source.map { bilingual.source.text(in: $0) }, target)
            }
        }
        // `SentenceAligner.sentences(of:)`, paragraph by paragraph, without the paragraphs that
        // cannot hold a loop (`mayLoop(paragraph:)`): ICU's sentence segmentation was most of the
        // rule's time on text without a source. Never "no sentences" in a check: `Checker` builds
        // this segmenter first and stops (exit 2) if it fails.
        let language = context.index.targetLanguage
        guard let segmenter = try? TextSegmenter(.sentence, locale: LanguageSubtag.primary(of: language)) else { return [] }
        let loopsPossible = !GarbledSignalExtractor.denseScripts.contains(Term.primaryLanguage(of: language))
        let document = context.document
        var result: [(Int?, String?, Range<Int>)] = []
        for paragraph in SentenceAligner.paragraphs(of: document) {
            if loopsPossible, document.utf16.withUnsafeBufferPointer({ GarbledConditions.mayLoop(paragraph: paragraph, of: $0) }) == false {
                continue
            }
            for sentence in SentenceAligner.sentences(in: paragraph, of: document, with: segmenter) {
                result.append((nil, nil, sentence))
            }
        }
        return result
    }
}
