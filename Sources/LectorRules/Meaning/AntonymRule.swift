import LectorText

/// A word of the translation that means the opposite of a source word: `rose` where the source's
/// `sank` translates as `fell`.
///
/// WordNet's antonyms are English, so one side of the pair must be English. With an English
/// translation, a translation word without counterpart in the source is checked against the
/// dictionary translations of the source words that have none either: one of them is its antonym.
/// With an English source, a source word without counterpart is checked against the dictionary
/// translations of the unaccounted translation words. Both words are content words, or both are
/// function words (`function-words.txt`) linked both ways (`mehr` → `less`). A word with a negation
/// within two words of it, on its own side (`not`, `nicht`, `failed`), is left to
/// `meaning.negation` (`not high` for `low` is a faithful translation, and in `nicht selten` →
/// `often` the negation decides the meaning), unless the negative is the opposite itself
/// (`impossible` for `möglich`). Antonyms are the lemma's own (WordNet's pointers from any word of
/// its sense, and the words of the opposite's sense), not those an adjective satellite takes from
/// its head; they are compared with the translations' English lemmas (`risen` → `rise`).
public struct AntonymRule: BilingualRule {
    public static let description = RuleDescription(
        id: "meaning.antonym",
        name: "Opposite meaning",
        summary: "A translation word is the antonym (WordNet) of a dictionary translation of a source word.",
        // Info by default: see README, *Meaning checks*, for the false alarms on the perturbation
        // suite's report split.
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("Prices have ↓decreased.", source: "Die Preise sind gestiegen.", from: "de", to: "en"),
            // FreeDict gives the participle or comparative (`risen`, `higher`), WordNet opposes
            // lemmas; `prohibit` shares the sense of `forbid`, which WordNet links to `allow`.
            RuleExample("Prices have ↓fallen.", source: "Die Preise sind gestiegen.", from: "de", to: "en"),
            RuleExample("The shares closed significantly ↓lower on Friday.", source: "Die Aktie schloss am Freitag deutlich höher.",
                        from: "de", to: "en"),
            RuleExample("Access is ↓prohibited.", source: "Der Zutritt ist erlaubt.", from: "de", to: "en"),
            // FreeDict gives `forbidden` as `nicht erlaubt`: a negated translation makes no counterparts.
            RuleExample("Access is ↓forbidden.", source: "Der Zutritt ist erlaubt.", from: "de", to: "en"),
            RuleExample("Prices ↓decreased sharply last year.", source: "Les prix ont fortement augmenté l'année dernière.",
                        from: "fr", to: "en"),
            RuleExample("Le nombre de cas a fortement ↓diminué.", source: "The number of cases increased sharply.", from: "en", to: "fr"),
            // `Unemployment` is negative by its own prefix, which negates no neighbour.
            RuleExample("Le chômage a ↓baissé.", source: "Unemployment rose.", from: "en", to: "fr"),
            RuleExample("They built an ↓old school.", source: "Они построили новую школу.", from: "ru", to: "en"),
            // Closed-class opposites, and an opposite that is a lexical negative of its own.
            RuleExample("Patients now need ↓less oxygen.", source: "Patienten brauchen jetzt mehr Sauerstoff.", from: "de", to: "en"),
            RuleExample("A cure is ↓impossible.", source: "Eine Heilung ist möglich.", from: "de", to: "en"),
            RuleExample("Pain was measured ↓before the operation.", source: "Die Schmerzen wurden nach der Operation gemessen.",
                        from: "de", to: "en"),
            // A negation elsewhere in the sentence negates something else.
            RuleExample("The cause is not known, but prices have ↓decreased.", source: "Die Ursache ist nicht bekannt, aber die Preise sind gestiegen.",
                        from: "de", to: "en"),
        ],
        nonTriggeringExamples: [
            RuleExample("Prices have increased.", source: "Die Preise sind gestiegen.", from: "de", to: "en"),
            RuleExample("Prices have risen.", source: "Die Preise sind gestiegen.", from: "de", to: "en"),
            RuleExample("The shares closed significantly higher on Friday.", source: "Die Aktie schloss am Freitag deutlich höher.",
                        from: "de", to: "en"),
            RuleExample("Access is permitted.", source: "Der Zutritt ist erlaubt.", from: "de", to: "en"),
            RuleExample("Access is forbidden.", source: "Der Zutritt ist nicht erlaubt.", from: "de", to: "en"),
            // A litotes that `meaning.negation` cancels still covers its word; a reflexive particle
            // is no preposition.
            RuleExample("Such attacks are frequent.", source: "Solche Angriffe sind nicht selten.", from: "de", to: "en"),
            RuleExample("Solche Fehler kommen häufig vor.", source: "Such mistakes are not uncommon.", from: "en", to: "de"),
            RuleExample("The elections will be held on 5 October.", source: "Volby se konají 5. října.", from: "cs", to: "en"),
            RuleExample("Prices increased sharply last year.", source: "Les prix ont fortement augmenté l'année dernière.",
                        from: "fr", to: "en"),
            RuleExample("Le nombre de cas a fortement augmenté.", source: "The number of cases increased sharply.", from: "en", to: "fr"),
            RuleExample("Prices did not increase.", source: "Die Preise sind gesunken.", from: "de", to: "en"),
            RuleExample("Before and after the operation.", source: "Vor und nach der Operation.", from: "de", to: "en"),
            RuleExample("Les prix n'ont pas fortement diminué l'année dernière.", source: "Prices did not increase sharply last year.",
                        from: "en", to: "fr"),
            RuleExample("Such complications are often seen.", source: "Solche Komplikationen sind nicht selten.", from: "de", to: "en"),
            RuleExample("They built a new school.", source: "Они построили новую школу.", from: "ru", to: "en"),
            RuleExample("Patients now need more oxygen.", source: "Patienten brauchen jetzt mehr Sauerstoff.", from: "de", to: "en"),
            RuleExample("A cure is not possible.", source: "Eine Heilung ist unmöglich.", from: "de", to: "en"),
            RuleExample("A cure is possible.", source: "Eine Heilung ist möglich.", from: "de", to: "en"),
            RuleExample("Pain was measured after the operation.", source: "Die Schmerzen wurden nach der Operation gemessen.",
                        from: "de", to: "en"),
            RuleExample("Both positive and negative effects were seen.", source: "Sowohl positive als auch negative Effekte wurden beobachtet.",
                        from: "de", to: "en"),
            // `old` is a satellite of `past`, whose opposite `present` translates `bestehender`.
            RuleExample("A 68-year-old patient with dyspnoea for five days.", source: "Ein 68jähriger Patient mit seit fünf Tagen bestehender Dyspnoe.",
                        from: "de", to: "en"),
        ]
    )

    public init() {}

    /// The pair's word store, and the negation cue lists of its languages, found once per
    /// document rather than once per pair.
    /// A class: handing it to each pair copies one reference, not the two cue lists' dozens.
    public final class Prepared {
        let words: AlignmentWords
        let sourceNegations: NegationLexicon?
        let targetNegations: NegationLexicon?
        /// To leave out the other side's negated dictionary translations (`not allowed`).
        let englishNegations: NegationLexicon?

        init(words: AlignmentWords, sourceNegations: NegationLexicon?, targetNegations: NegationLexicon?) {
            self.words = words
            self.sourceNegations = sourceNegations
            self.targetNegations = targetNegations
            englishNegations = words.sourceLanguage == "en" ? sourceNegations : targetNegations
        }
    }

    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> Prepared? {
        guard let words = try AlignmentWords.shared(for: context), words.sourceLanguage == "en" || words.targetLanguage == "en",
              words.lexicon.hasWordNet else { return nil }
        return Prepared(words: words, sourceNegations: NegationLexicon.forLanguage(words.sourceLanguage),
                        targetNegations: NegationLexicon.forLanguage(words.targetLanguage))
    }

    public func findings(in pair: SentencePairContext, using prepared: Prepared?) -> [RuleFinding] {
        guard let prepared, let alignment = pair.lexicalAlignment(using: prepared.words) else { return [] }
        let words = prepared.words
        // Read only for a candidate opposite, which few pairs have.
        var negationCues: NegationCues?
        func cues() -> NegationCues {
            if let negationCues { return negationCues }
            let made = Self.negationCues(pair, words, source: prepared.sourceNegations, target: prepared.targetNegations)
            negationCues = made
            return made
        }
        // WordNet's antonyms are English: `english` is the side whose words have them, `other` the
        // side whose words are translated into English.
        let englishIsTarget = words.targetLanguage == "en"
        let english = englishIsTarget ? alignment.target : alignment.source
        let other = englishIsTarget ? alignment.source : alignment.target
        let otherLanguage = englishIsTarget ? words.sourceLanguage : words.targetLanguage
        let otherSide: LexicalAlignment.Side = englishIsTarget ? .source : .target
        // The lexicon is read through `words` where it is asked, not taken into a local: the
        // local retained and released it, one object for every thread, for every pair.
        func isCandidate(_ word: LexicalAlignment.Word) -> Bool {
            // The word's facts hold `AlignmentWords.hasTwoLetters` of its text, read once per word of the store.
            !word.isNameOrNumber && word.facts.hasTwoLetters
        }
        // Every English word of the dictionary translations of an other-side word, function words
        // included (`nach` → `after`): the alignment leaves those out, since a function word is
        // never evidence of an omission, but closed-class opposites (before/after, more/less)
        // are antonyms all the same.
        var allTranslations: [Int: Set<String>] = [:]
        func translations(_ index: Int) -> Set<String> {
            if let known = allTranslations[index] { return known }
            let word = other[index]
            if let known = words.knownTranslationWords(of: word.info, side: otherSide) { allTranslations[index] = known; return known }
            // A negated translation (`not allowed`) means the opposite of its words: none of them
            // is evidence that the word means what they do.
            var result = word.info.translations.subtracting(word.info.negatedTranslations)
            var direct = false
            for lemma in word.info.lemmas {
                for translation in words.lexicon.translations(of: lemma, from: otherLanguage, to: "en") {
                    direct = true
                    if prepared.englishNegations?.negatesWithWord(translation.text) == true { continue }
                    result.formUnion(AlignmentWords.contentWords(of: translation.text))
                }
            }
            if !direct {
                let pivots = words.lexicon.pivots(from: otherLanguage, to: "en")
                for lemma in word.info.lemmas where !pivots.isEmpty {
                    for translation in words.lexicon.pivotTranslations(of: lemma, from: otherLanguage, to: "en", through: pivots) {
                        if prepared.englishNegations?.negatesWithWord(translation.text) == true { continue }
                        result.formUnion(AlignmentWords.contentWords(of: translation.text))
                    }
                }
            }
            allTranslations[index] = result
            words.noteTranslationWords(result, of: word.info, side: otherSide)
            return result
        }
        // An English word is accounted for when an other-side word translates it (counterparts in
        // the alignment, or its lemma among all of a word's translations), and as many of them as
        // the English side has words of its lemma: in `negative and negative` for `positive und
        // negative`, one `negative` is unaccounted (tune split: recall +0.01 on each pair).
        func isAccounted(english e: LexicalAlignment.Word) -> Bool {
            let accounting = other.indices.filter { index in
                let o = other[index]
                return (englishIsTarget ? words.arePlainCounterparts(o.info, e.info)
                            : words.arePlainCounterparts(e.info, o.info))
                    || !translations(index).isDisjoint(with: e.info.lemmas)
            }.count
            guard accounting > 0 else { return false }
            return accounting >= english.filter { !$0.info.lemmas.isDisjoint(with: e.info.lemmas) }.count
        }
        // The translations with their English dictionary forms: FreeDict gives a participle or
        // a comparative where the source word is one (`gestiegen` → `risen`, `höher` → `higher`),
        // WordNet opposes lemmas (`rise` ↔ `fall`, `high` ↔ `low`).
        var lemmatized: [Int: Set<String>] = [:]
        func translationLemmas(_ index: Int) -> Set<String> {
            if let known = lemmatized[index] { return known }
            let result = words.translationLemmas(of: other[index].info, side: otherSide) {
                var result = translations(index)
                for translation in result {
                    for lemma in words.lexicon.lemmas(of: translation, language: "en") { result.insert(lemma.lowercased()) }
                }
                return result
            }
            lemmatized[index] = result
            return result
        }
        var reverse: [String: Set<String>] = [:]
        func reverseTranslations(_ antonym: String) -> Set<String> {
            if let known = reverse[antonym] { return known }
            var result = Set<String>()
            for translation in words.lexicon.translations(of: antonym, from: "en", to: otherLanguage) {
                result.formUnion(AlignmentWords.contentWords(of: translation.text))
            }
            reverse[antonym] = result
            return result
        }
        // The lemma's own antonyms only: an adjective satellite's head's opposite is no opposite
        // of the satellite (`vast`, a satellite of `large`, against `little`; `old`, one of
        // `past`, against `present`). With them, de-en flagged 2.1 % of the tune split's good
        // pairs, without them 1.4 %, and what they found on perturbed pairs was mostly such a
        // pair elsewhere in the sentence, not the swapped word.
        // (`WordInfo.ownAntonyms`: once per word of the store, not once per pair.)
        // Made for the first English word with antonyms: most pairs have none.
        var otherCandidates: [Bool] = []
        // The store's verdicts for one English word at a time (`readAntonymVerdicts`), in one
        // buffer for the pair.
        var verdicts: [UInt64] = []
        // By index: most English words have no antonyms, and each copied out of the array was
        // a reference count taken and given back.
        for eIndex in english.indices {
            // The antonyms before the determiners: most words have none, which settles them
            // without hashing their text (nor reading their info: `WordFacts.hasOwnAntonyms`).
            guard english[eIndex].facts.hasOwnAntonyms, isCandidate(english[eIndex]),
                  !Self.determiners.contains(english[eIndex].text) else { continue }
            let e = english[eIndex]
            let eAntonyms = e.info.ownAntonyms
            if otherCandidates.isEmpty { otherCandidates = other.map(isCandidate) }
            var eAccounted: Bool?
            // Whether each other-side word's translations hold one of the antonyms, as far as
            // the store remembers it for the two words (`AlignmentWords.antonymVerdicts`): most
            // never do, and asking was a hashed look-up per antonym and word, every pair.
            words.readAntonymVerdicts(english: e.infoID, others: other, into: &verdicts)
            var learned: [(other: WordInfo, shares: Bool)] = []
            defer { words.noteAntonymVerdicts(english: e.info, learned) }
            for index in other.indices where otherCandidates[index] {
                // 0 none kept, 1 no, 2 yes; a word known to hold none is passed over uncopied.
                let known = verdicts[other.count + index]
                if known == 1 { continue }
                let o = other[index]
                // Closed-class opposites pair closed-class words (`mehr` → `less`, `nach` →
                // `before`): a function word and a content word are never opposites here, since
                // a function word's many senses reach content words by chance (`über` lists
                // `past`, whose opposite is `present`). The link must also hold both ways: the
                // opposite among the word's translations and the word among the opposite's.
                // Keeping only the first two translations of the word (its first sense) as well
                // lost 0.06 of de-en's recall on the tune split (FreeDict lists `nach` as `on`
                // and `to` before `after`) for 0.2 % of its false alarms (`von` → `off`).
                let isContent = o.isContent && e.isContent
                guard isContent || (!o.isContent && !e.isContent) else { continue }
                // A function word the dictionary also gives as a reflexive pronoun is, in most of
                // its uses, the reflexive (Czech `se`, listed as `oneself` and as the preposition
                // `off`): its prepositional senses oppose nothing in `Volby se konají` → `held on`.
                if !isContent, !translations(index).isDisjoint(with: Self.englishReflexives) { continue }
                let oTranslations = translationLemmas(index)
                var shared: [String] = []
                for antonym in eAntonyms where oTranslations.contains(antonym) { shared.append(antonym) }
                if known == 0 { learned.append((o.info, !shared.isEmpty)) }
                guard let opposite = shared.sorted().first(where: {
                    isContent || !reverseTranslations($0).isDisjoint(with: o.info.lemmas)
                }) else { continue }
                // The opposite word itself in the English side means the other-side word is
                // translated there (`before and after` for `vor und nach`).
                guard !english.contains(where: { !$0.info.lemmas.isDisjoint(with: [opposite]) }) else { continue }
                // Content words only: an other-side content word with a counterpart in English
                // is translated, whatever else it may mean.
                if o.isContent, english.contains(where: {
                    // Links that only a negated translation makes (`forbidden` and `erlaubt`, by
                    // `nicht erlaubt`) translate nothing here: they are the very opposite.
                    $0.isContent && (englishIsTarget ? words.arePlainCounterparts(o.info, $0.info)
                                        : words.arePlainCounterparts($0.info, o.info))
                }) { continue }
                if eAccounted == nil { eAccounted = isAccounted(english: e) }
                guard eAccounted == false else { break }
                let (t, s) = englishIsTarget ? (e, o) : (o, e)
                guard !cues().isNear(source: s.range, in: alignment.source, target: t.range, in: alignment.target) else { continue }
                let message = englishIsTarget
                    ? "`\(written(t, in: pair.targetText))` is the opposite of `\(opposite)`, which translates `\(written(s, in: pair.sourceText))`"
                    : "`\(written(t, in: pair.targetText))` means `\(opposite)`, the opposite of `\(written(s, in: pair.sourceText))` in the source"
                return [RuleFinding(range: pair.targetRange(ofTextRange: t.range), message: message)]
            }
        }
        return []
    }

    /// Quantifying determiners: WordNet opposes them (`all` ↔ `some`, `no`), but their translations
    /// are articles and partitives (`some` → `des`, `une`), so a dictionary link says nothing.
    static let determiners: Set<String> = ["all", "some", "any", "each", "every", "no", "none"]

    /// English reflexive pronouns, the words dictionaries translate a reflexive particle by.
    static let englishReflexives: Set<String> = [
        "oneself", "myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves",
    ]

    /// Opposites WordNet lacks: its adverbs `before` and `after`, `earlier` and `later` carry no
    /// antonym pointer, although they are the plainest opposites of time.
    static let missingFromWordNet: [String: Set<String>] = [
        "before": ["after"], "after": ["before"], "earlier": ["later"], "later": ["earlier"],
    ]

    private func written(_ word: LexicalAlignment.Word, in text: String) -> String {
        String(decoding: Array(text.utf16)[word.range], as: Unicode.UTF16.self)
    }

    /// The negations of each side, by where their cues are. A negation near either word leaves the
    /// pair to `meaning.negation`: an antonym may render a negation (`not high` → `niedrig`), and
    /// where both sides negate, which word the negation covers decides the meaning (`nicht selten`
    /// → `often`), which the lexicons cannot tell. Only a negation within `window` words counts:
    /// one elsewhere in the sentence negates something else (`… ließ sich nicht nachweisen` does not
    /// make `before` right for `nach`). Read on the tune split, any negation in the sentence
    /// silenced 20 of de-en's 334 misses and 22 of ru-en's 232; within two words, recall rose
    /// de-en 0.292 → 0.331, en-fr 0.215 → 0.277, ru-en 0.249 → 0.307 for false alarms
    /// 1.9 → 2.2 %, 1.0 → 1.7 %, 0.2 → 0.3 % (before the satellites' antonyms were dropped). The one exception is the candidate word itself
    /// (`impossible`, `unimportant`): a lexical negative that is the antonym in question is the
    /// finding, not a reason to stay quiet.
    ///
    /// Lexical negatives count too (`nonessential` → `non essentiel`, `failed`): counting only
    /// grammatical ones found a few more swapped `un-` words on the tune split but raised the false
    /// alarms of en-fr from 1.5 % to 1.9 %. But a word that its own affix makes a lexical negative
    /// (`unemployment`) bears on no other word: leaving such words out of the cues raised de-en's
    /// recall on the tune split from 0.339 to 0.341, false alarms unchanged on every pair.
    struct NegationCues {
        let source: [(range: Range<Int>, grammatical: Bool)]
        let target: [(range: Range<Int>, grammatical: Bool)]

        /// Words either side of a word that a negation must be within to bear on it.
        static let window = 2

        /// Whether a negation other than the one expressed by the words at these ranges stands
        /// within `window` words of either word, in its own sentence.
        func isNear(source sourceWord: Range<Int>, in sourceWords: [LexicalAlignment.Word],
                    target targetWord: Range<Int>, in targetWords: [LexicalAlignment.Word]) -> Bool {
            Self.isNear(source, sourceWord, sourceWords) || Self.isNear(target, targetWord, targetWords)
        }

        private static func isNear(_ cues: [(range: Range<Int>, grammatical: Bool)], _ word: Range<Int>,
                                   _ words: [LexicalAlignment.Word]) -> Bool {
            guard let position = words.firstIndex(where: { $0.range == word }) else { return false }
            let low = max(0, position - window), high = min(words.count - 1, position + window)
            return cues.contains { cue in
                (cue.grammatical || !cue.range.overlaps(word)) && words[low...high].contains { $0.range.overlaps(cue.range) }
            }
        }
    }

    /// A litotes that `meaning.negation` cancels (`nicht selten`, `not uncommon`) is two negations
    /// all the same, over the word it covers: a cue here, so that `frequent` for `nicht selten`
    /// stays quiet as `often` does.
    static func negationCues(_ pair: SentencePairContext, _ words: AlignmentWords, source: NegationLexicon?,
                             target: NegationLexicon?) -> NegationCues {
        func cues(_ side: LexicalAlignment.Side, _ lexicon: NegationLexicon, _ language: String) -> [(range: Range<Int>, grammatical: Bool)] {
            // A word that its own affix makes a lexical negative (`unemployment`, `unknown`) negates
            // itself alone: it bears on no neighbour (`Unemployment rose` → `Le chômage a baissé`).
            pair.negations(of: side, lexicon: lexicon, language: language)
                .filter { $0.strength == .grammatical || !$0.isAffixed }
                .map { ($0.range, $0.strength == .grammatical) }
                + lexicon.cancelledRanges(in: pair.sentenceWords(of: side, language: language)).map { ($0, true) }
        }
        let inSource = source.map { cues(.source, $0, words.sourceLanguage) } ?? []
        let inTarget = target.map { cues(.target, $0, words.targetLanguage) } ?? []
        return NegationCues(source: inSource, target: inTarget)
    }
}
