import Foundation
import LectorICU
import LectorText
import LectorGlossary
import LectorLexicon
import LectorHunspell

/// Another name in the place of a source name: `Biden` where the source says `Trump`, `Kyiv`
/// where it says `Charkiw`.
///
/// Fires on a sentence pair where a source name has no counterpart in the translation (as
/// `names.missing` finds it) and the translation has a name of its own that nothing in the source
/// spells: a capitalized word inside the sentence that is no ordinary word of the translation's
/// language (its dictionary's headwords, when installed) and whose spelling skeleton, after
/// transliteration, is close to no source word.
public struct NamesReplacedRule: BilingualRule {
    public static let description = RuleDescription(
        id: "names.replaced",
        name: "Name replaced",
        summary: "The translation has another name where the source has a name: a different person, place or organisation.",
        // Info by default: its false alarms are under 2 % on every pair of the perturbation suite's
        // report split, but at warning the WMT21 en-de critical-error MCC falls (0.215 → 0.212);
        // see README, *Perturbation suite*.
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("President ↓Biden spoke on Monday.", source: "Präsident Trump sprach am Montag.", from: "de", to: "en"),
            RuleExample("The minister met his counterpart ↓Lukashenko on Monday.",
                        source: "Der Minister traf am Montag seinen Kollegen Tichanowski.", from: "de", to: "en"),
            RuleExample("Finance Minister ↓Kudrin did not comment.", source: "Министр финансов Силуанов не стал комментировать.",
                        from: "ru", to: "en"),
            RuleExample("On Tuesday, Macron spoke with ↓Merkel on the phone.", source: "Во вторник Макрон поговорил по телефону с Шольцем.",
                        from: "ru", to: "en"),
            RuleExample("Außenministerin ↓Merkel sprach am Montag.", source: "Foreign Minister Baerbock spoke on Monday.",
                        from: "en", to: "de"),
            RuleExample("The council met ↓Kowalski on Monday.", source: "Volikogu kohtus esmaspäeval Jacksoniga.", from: "et", to: "en"),
            RuleExample("The Pope spoke with the mayor of ↓Lindqvist on Monday.", source: "Papa a vorbit luni cu primarul Berlinului.",
                        from: "ro", to: "en"),
            // FreeDict lists `Madrid` as a headword; Hunspell knows it only with its capital, as a name.
            RuleExample("The talks in ↓Madrid continue on Tuesday.", source: "Переговоры в Лиссабоне продолжатся во вторник.",
                        from: "ru", to: "en"),
            // A place the dictionary knows, where the source names none.
            RuleExample("The patients were treated in ↓Oslo.", source: "Die Patienten wurden stationär behandelt.", from: "de", to: "en"),
            // `München` is a name by FreeDict (it translates only into `Munich`), so `Dresden` in its
            // place is another one.
            RuleExample("Trains run to ↓Dresden every hour.", source: "Züge fahren stündlich nach München.", from: "de", to: "en"),
            // `berlin` is also an English word (a carriage); with its capital, CLDR's city.
            RuleExample("The minister travelled to ↓Berlin.", source: "Der Minister reiste nach Paris.", from: "de", to: "en"),
            // `trump` is an English word; untranslated (no `Trumpf`) and not kept, it was a name.
            RuleExample("Präsident ↓Biden sprach am Montag in Paris.", source: "President Trump spoke in Paris on Monday.",
                        from: "en", to: "de"),
        ],
        nonTriggeringExamples: [
            // CLDR's names of a city (`東京` = Tokyo, `Kijowie` = Kyiv, `Киеве` = Kyiv), and a Chinese
            // name in its Pinyin (`北京` = Beijing).
            RuleExample("He lives in Tokyo.", source: "彼は東京に住んでいる。", from: "ja", to: "en"),
            RuleExample("He works in Beijing.", source: "他在北京工作。", from: "zh", to: "en"),
            RuleExample("Talks were held in Kyiv.", source: "Rozmowy odbyły się w Kijowie.", from: "pl", to: "en"),
            RuleExample("Переговоры прошли в Киеве.", source: "Talks were held in Kyiv.", from: "en", to: "ru"),
            RuleExample("President Trump spoke on Monday.", source: "Präsident Trump sprach am Montag.", from: "de", to: "en"),
            RuleExample("Heavy fighting was reported near Kharkiv.", source: "Aus der Nähe von Charkiw wurden schwere Kämpfe gemeldet.",
                        from: "de", to: "en"),
            RuleExample("Finance Minister Siluanov did not comment.", source: "Министр финансов Силуанов не стал комментировать.",
                        from: "ru", to: "en"),
            // A name in the instrumental (`Шольцем`: Шольц + -ем); a weekday in the plural (`Sundays`).
            RuleExample("On Tuesday, Macron spoke with Scholz on the phone.", source: "Во вторник Макрон поговорил по телефону с Шольцем.",
                        from: "ru", to: "en"),
            RuleExample("The shops stay closed on Sundays.", source: "Die Geschäfte bleiben an Sonntagen geschlossen.", from: "de", to: "en"),
            RuleExample("The talks in Istanbul continue on Tuesday.", source: "Переговоры в Стамбуле продолжатся во вторник.",
                        from: "ru", to: "en"),
            RuleExample("The council met Jackson on Monday.", source: "Volikogu kohtus esmaspäeval Jacksoniga.", from: "et", to: "en"),
            RuleExample("The Pope spoke with the mayor of Berlin on Monday.", source: "Papa a vorbit luni cu primarul Berlinului.",
                        from: "ro", to: "en"),
            // The same name written by its sound, a place by its CLDR name, a nationality.
            RuleExample("Yesterday Blackwood spoke in parliament.", source: "Вчера Блэквуд выступил в парламенте.", from: "ru", to: "en"),
            RuleExample("The President of Georgia spoke on Monday.", source: "Президент Грузии выступил в понедельник.", from: "ru", to: "en"),
            RuleExample("Ten Chadian soldiers died in the operation.", source: "Operatsioonis hukkus kümme Tšaadi sõdurit.",
                        from: "et", to: "en"),
            // Exonyms no dictionary of the pair has, found through the target name's renderings in
            // other languages (Danube: Dunaj, Danubio; Britain: Brytania), and a saint's name
            // spelled by its sounds.
            RuleExample("The city on the Danube has an old sporting tradition.", source: "Orașul de la Dunăre are o tradiție veche în domeniul sportului.",
                        from: "ro", to: "en"),
            RuleExample("It was his only visit to Great Britain.", source: "See jäi ainsaks korraks, mil ta Suurbritannias käis.",
                        from: "et", to: "en"),
            RuleExample("He was succeeded by his son Michael.", source: "La domnie a urmat fiul său Mihail.", from: "ro", to: "en"),
            // `München` is read as a name (its FreeDict entry translates only into `Munich`), and
            // `Munich` is found through the translation's own FreeDict entries: without that exonym
            // link, `Munich` would be a name in `München`'s place.
            RuleExample("Trains run to Munich every hour.", source: "Züge fahren stündlich nach München.", from: "de", to: "en"),
            RuleExample("Trains run to Hamburg, Munich and Cologne.", source: "Züge fahren nach Hamburg, München und Köln.",
                        from: "de", to: "en"),
            RuleExample("Präsident Trump sprach am Montag in Paris.", source: "President Trump spoke in Paris on Monday.",
                        from: "en", to: "de"),
            // Capitalized words of a title, each translated (`Generalsekretär`, `Alliierten`).
            RuleExample("Der Generalsekretär traf die Alliierten in Brüssel.", source: "The Secretary General met the Allies in Brussels.",
                        from: "en", to: "de"),
        ]
    )

    public init() {}

    /// `names.missing`'s reading of the source, and the translation's words and dictionary. A
    /// class: every pair unwrapped a copy of its references.
    public final class Reading {
        let names: NamesMissingRule.Reading
        let targetSegmenter: TextSegmenter
        let sourceSegmenter: TextSegmenter
        let targetLexicon: FreeDictDictionary?
        let targetInflection: InflectionRules
        let sourceInflection: InflectionRules
        /// The translation's spelling dictionary: a capitalized word it knows in lower case
        /// (`Grenadier`, `Allies`, `Oblast`) is an ordinary word, not a name.
        let targetSpelling: HunspellDictionary?
        let targetLanguage: String
        let sourceLanguage: String
        /// The source's spelling dictionary: a capitalized source word it knows in lower case may
        /// be a name that is also a word (`wordLikeName`).
        let sourceSpelling: HunspellDictionary?
        /// WordNet's filing of English names (a particular one, or a people's, a feast's).
        let lexicon: Lexicon?
        /// The translation's names in other languages (FreeDict).
        let exonyms: NameCorrespondence.Exonyms?
        /// Each source word's keys, read once per document: the same words come back unit after
        /// unit, and their sound keys go through ICU's transliterator.
        let sourceWords = SourceWordMemo()
        /// Each capitalized translation word's facts (`facts(of:prepared:)`), read once per document.
        let targetWords = TargetNameMemo()
        let targetCapitalizesNouns: Bool
        /// Whether the source capitalizes its nouns: asked at each pair without a missing name.
        let sourceCapitalizesNouns: Bool
        /// Whether the lexicon has a dictionary between the two languages (either way): asked
        /// at each pair without a missing name, and two look-ups of the resource cache each time.
        let lexiconTranslatesPair: Bool

        init(names: NamesMissingRule.Reading, targetSegmenter: TextSegmenter, sourceSegmenter: TextSegmenter,
             targetLexicon: FreeDictDictionary?, targetInflection: InflectionRules, sourceInflection: InflectionRules,
             targetSpelling: HunspellDictionary?, targetLanguage: String, sourceLanguage: String,
             sourceSpelling: HunspellDictionary?, lexicon: Lexicon?, exonyms: NameCorrespondence.Exonyms?) {
            self.names = names
            self.targetSegmenter = targetSegmenter
            self.sourceSegmenter = sourceSegmenter
            self.targetLexicon = targetLexicon
            self.targetInflection = targetInflection
            self.sourceInflection = sourceInflection
            self.targetSpelling = targetSpelling
            self.targetLanguage = targetLanguage
            self.sourceLanguage = sourceLanguage
            self.sourceSpelling = sourceSpelling
            self.lexicon = lexicon
            self.exonyms = exonyms
            targetCapitalizesNouns = NamesMissingRule.capitalizesNouns.contains(targetLanguage)
            sourceCapitalizesNouns = NamesMissingRule.capitalizesNouns.contains(sourceLanguage)
            lexiconTranslatesPair = lexicon?.hasTranslations(from: sourceLanguage, to: targetLanguage) == true
        }
    }

    /// The reading depends on the languages and the lexicon alone; its memo of source words is
    /// kept across the chunks of a file.
    public static let preparationOutlivesDocument = true

    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> Reading? {
        guard let names = try NamesMissingRule().prepare(for: context, bilingual: bilingual) else { return nil }
        return Reading(names: names,
                           targetSegmenter: try TextSegmenter(.word, locale: context.index.targetLanguage),
                           sourceSegmenter: try TextSegmenter(.word, locale: bilingual.sourceLanguage),
                           targetLexicon: Lexicon.forLanguage(context.index.targetLanguage),
                           targetInflection: InflectionRules.forLanguage(context.index.targetLanguage),
                           sourceInflection: InflectionRules.forLanguage(bilingual.sourceLanguage),
                           targetSpelling: context.lexicon?.hunspell(context.index.targetLanguage),
                           targetLanguage: LexicalLanguages.primary(context.index.targetLanguage),
                           sourceLanguage: LexicalLanguages.primary(bilingual.sourceLanguage),
                           sourceSpelling: context.lexicon?.hunspell(bilingual.sourceLanguage),
                           lexicon: context.lexicon,
                           exonyms: NameCorrespondence.Exonyms(lexicon: context.lexicon, target: context.index.targetLanguage))
    }

    public func findings(in pair: SentencePairContext, using prepared: Reading?) -> [RuleFinding] {
        guard let prepared else { return [] }
        let missingName = NamesMissingRule.missingNames(in: pair, using: prepared.names).first
        // A source name that is also a word in lower case (`Trump`, `Macron`, `May`) is no
        // missing name for `names.missing`, but it can witness a name put in its place.
        let mayHaveWordLikeName = missingName == nil && !prepared.sourceCapitalizesNouns && prepared.lexiconTranslatesPair
        var wordLikeName: String??
        // Without a source name left unmatched, only a word the translation's spelling dictionary
        // knows as a name (capital only: `Johnson`, `Madrid`) can be one put in a word's place.
        if missingName == nil, prepared.targetSpelling == nil || prepared.targetCapitalizesNouns, !mayHaveWordLikeName { return [] }
        let latin = prepared.names.latin
        let targetWords = pair.wordSegments(of: .target, segmenter: prepared.targetSegmenter)
        let utf16 = targetWords.units
        var source: SourceKeys?
        var isFirstWord = true
        // One pass over the letter segments: a word is decoded only once its units show a
        // capital inside the sentence (most are in lower case); the words as text only when
        // `wordLikeName` reads them.
        for segment in targetWords.segments where segment.kind == .letter {
            defer { isFirstWord = false }
            let range = segment.start..<segment.end
            guard !isFirstWord, Self.isCapitalizedInside(range, of: utf16) else { continue }
            // The word's facts by its units: the word is decoded (and its string hashed) only the
            // first time its units are met, and as text only where a finding or an exonym reads it.
            let facts = utf16.withUnsafeBufferPointer { all in
                prepared.targetWords.facts(ofUnits: UnsafeBufferPointer(rebasing: all[range]), word: { targetWords.text(of: segment) }) {
                    Self.facts(of: $0, prepared: prepared)
                }
            }
            guard let facts else { continue }
            // Without a missing source name: a name the dictionary knows, of a person or a place, not a
            // people or a language. A place the source names by an adjective (`российский` → Russia,
            // `deutschen` → Germany) is found below, by its stem or its CLDR name.
            var witness = missingName
            if missingName == nil {
                if mayHaveWordLikeName, wordLikeName == nil {
                    let words = targetWords.segments.filter { $0.kind == .letter }.map(targetWords.text(of:))
                    wordLikeName = .some(Self.wordLikeName(in: pair, targetWords: words, prepared: prepared))
                }
                witness = wordLikeName ?? nil
                guard facts.isKnownName || witness != nil, !facts.isLanguage else { continue }
            }
            let keys = facts.keys
            guard !keys.isEmpty else { continue }
            if source == nil { source = SourceKeys(pair.wordSegments(of: .source, segmenter: prepared.sourceSegmenter), prepared: prepared) }
            guard let source, !source.accountsFor(facts, places: prepared.names.places) else { continue }
            let word = targetWords.text(of: segment)
            if let exonyms = prepared.exonyms,
               NameCorrespondence.matches(renderings: exonyms.keys(of: word, latin: latin), sourceKeys: source.all) { continue }
            // A place without a missing source name as witness: the source may name it by a word
            // made of it that keeps only its start (`кубинцам` → Cuba).
            if witness == nil, facts.isPlaceOrLanguage,
               keys.contains(where: { key in source.all.contains { Self.sharesStart(key, $0) } }) { continue }
            let message = witness.map { "`\(word)` where the source says `\($0)`" } ?? "`\(word)` is a name the source does not have"
            return [RuleFinding(range: pair.targetRange(ofTextRange: range), message: message)]
        }
        return []
    }

    /// What a capitalized word of the translation is, whatever the pair; `nil` for a word that
    /// is no name put in another's place: an ordinary word, a word made of a name, `I'm`.
    /// A class: read from the memo for each capitalized word of each pair, a struct was copied
    /// out with a retain of each of its arrays and strings.
    final class TargetWordFacts: Sendable {
        /// A name the translation's spelling dictionary knows, of a person or a place, not a
        /// people or a language.
        let isKnownName: Bool
        /// A language's name (CLDR).
        let isLanguage: Bool
        /// A place's or a language's name (CLDR).
        let isPlaceOrLanguage: Bool
        /// `NamesMissingRule.keys` in the translation's inflection.
        let keys: [String]
        /// The sound key of the word in Latin letters, and the name codes of the word without
        /// a possessive, which `SourceKeys.accountsFor` compares with the source's (read once per
        /// word, not once per pair: each went through ICU's transliterator).
        let sound: String?
        let codes: [String]

        init(isKnownName: Bool, isLanguage: Bool, isPlaceOrLanguage: Bool, keys: [String], sound: String?, codes: [String]) {
            (self.isKnownName, self.isLanguage, self.isPlaceOrLanguage) = (isKnownName, isLanguage, isPlaceOrLanguage)
            (self.keys, self.sound, self.codes) = (keys, sound, codes)
        }
    }

    static func facts(of word: String, prepared: Reading) -> TargetWordFacts? {
        // A city or country CLDR names, written with its capital inside a sentence of a language
        // that does not capitalize nouns, is the place even where the dictionary also has the
        // word in lower case (`Berlin`, a carriage; `Turkey`, `Jersey`). Regions are not (`World`
        // in `World War`), nor languages.
        let isCLDRPlace = !prepared.targetCapitalizesNouns
            && prepared.names.places.targetCitiesAndCountries.contains(word.lowercased())
            && !prepared.names.places.targetLanguages.contains(word.lowercased())
        if !isCLDRPlace,
           NameCorrespondence.isOrdinaryWord(word, spelling: prepared.targetSpelling, lexicon: prepared.targetLexicon,
                                             inflection: prepared.targetInflection,
                                             capitalizesNouns: prepared.targetCapitalizesNouns,
                                             calendar: prepared.names.places.targetCalendar) == true {
            return nil
        }
        // WordNet files names of particular people and places as instances; a nationality, a
        // people or a feast (`Japanese`, `Finns`, `Pentecost`) is a word made of a name.
        let sense = prepared.targetLanguage == "en" ? prepared.lexicon?.nameSense(ofEnglish: NameCorrespondence.withoutPossessive(word)) : nil
        if let sense, sense != .instance { return nil }
        if sense == nil,
           NameCorrespondence.isDerivedFromName(word, language: prepared.targetLanguage, spelling: prepared.targetSpelling) { return nil }
        // `I'm`, `I'll`: the pronoun's contractions.
        if word.hasPrefix("I'") || word.hasPrefix("I’") { return nil }
        let knownName = prepared.targetSpelling?.spell(word) == true && !prepared.targetCapitalizesNouns
            && (sense != nil || !NameCorrespondence.namesNoOne(word, language: prepared.targetLanguage, spelling: prepared.targetSpelling))
        let lower = word.lowercased()
        return TargetWordFacts(isKnownName: knownName, isLanguage: prepared.names.places.targetLanguages.contains(lower),
                               isPlaceOrLanguage: prepared.names.places.targetPlacesAndLanguages.contains(lower),
                               keys: NamesMissingRule.keys(of: word, inflection: prepared.targetInflection, latin: prepared.names.latin),
                               sound: NameCorrespondence.soundKey(prepared.names.latin.transliterate(word)),
                               codes: NameCorrespondence.nameCodes(prepared.names.latin.transliterate(NameCorrespondence.withoutPossessive(word))))
    }

    /// A capitalized word inside the source sentence that its language also writes in lower case
    /// as a word (`Trump`, `Macron`, `May`), of which the translation has neither the spelling nor
    /// any dictionary translation: read as the word, it would have been translated; it was not, so
    /// it was a name, and no name of the translation renders it.
    static func wordLikeName(in pair: SentencePairContext, targetWords: [String], prepared: Reading) -> String? {
        guard let lexicon = prepared.lexicon, let spelling = prepared.sourceSpelling else { return nil }
        let sourceWords = pair.wordSegments(of: .source, segmenter: prepared.sourceSegmenter)
        let source = sourceWords.units
        var candidates: [String] = []
        var isFirstWord = true
        source.withUnsafeBufferPointer { buffer in
            for segment in sourceWords.segments {
                guard segment.kind == .letter else { continue }
                defer { isFirstWord = false }
                let word = LectorICU.UTF16.decode(UnsafeBufferPointer(rebasing: buffer[segment.start..<segment.end]))
                // A part of a hyphenated compound (`All-Union`) is translated with the whole.
                guard !isFirstWord, Self.isCapitalizedInside(word, at: segment.start, of: source),
                      word.unicodeScalars.dropFirst().allSatisfy({ !$0.properties.isUppercase }),
                      !NamesMissingRule.isHyphenated(buffer, segment.start..<segment.end) else { continue }
                let lower = word.lowercased()
                guard !prepared.names.places.sourceCalendar.contains(lower), spelling.spell(lower) else { continue }
                candidates.append(word)
            }
        }
        guard !candidates.isEmpty else { return nil }
        // Without accents as well: a translation that drops them (`Grafin`) still translates.
        func folded(_ text: String) -> String { text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let target = folded(pair.targetText)
        let targetKeys = Set(targetWords.flatMap { NamesMissingRule.keys(of: $0, inflection: prepared.targetInflection, latin: prepared.names.latin) })
        for word in candidates {
            let keys = NamesMissingRule.keys(of: word, inflection: prepared.sourceInflection, latin: prepared.names.latin)
            if keys.isEmpty || keys.contains(where: { key in targetKeys.contains { NamesMissingRule.isClose(key, $0) } }) { continue }
            let lower = word.lowercased()
            let lemmas = [lower] + lexicon.lemmas(of: lower, language: prepared.sourceLanguage).filter { $0 != lower }
            let translations = lemmas.flatMap { lexicon.translations(of: $0, from: prepared.sourceLanguage, to: prepared.targetLanguage) }
            // Without a dictionary entry nothing says how the word would have been translated.
            guard !translations.isEmpty else { continue }
            // A translation's word inside a target word (compounds: `Generalsekretär`), from its
            // first five letters (inflection: `Trümpfe`).
            let translated = translations.contains { translation in
                folded(translation.text).split(whereSeparator: { !$0.isLetter }).contains { part in
                    part.count >= 3 && target.contains(part.count > 5 ? String(part.prefix(5)) : String(part))
                }
            }
            if !translated { return word }
        }
        return nil
    }

    /// A word of three letters or more with a capital and lower case, not after the end of a
    /// sentence inside the segment: a name, or a word that may be one.
    static func isCapitalizedInside(_ word: String, at offset: Int, of utf16: [UInt16]) -> Bool {
        var scalars = word.unicodeScalars.makeIterator()
        guard let first = scalars.next(), Latin1ScalarProperties.isUppercase(first) else { return false }
        var count = 1, hasLowercase = Latin1ScalarProperties.isLowercase(first)
        while let scalar = scalars.next() {
            count += 1
            if !hasLowercase { hasLowercase = Latin1ScalarProperties.isLowercase(scalar) }
        }
        return count >= 3 && hasLowercase && !followsSentenceEnd(utf16, at: offset)
    }

    /// `isCapitalizedInside` of the word at `range` of `utf16`, read on its units in one pass
    /// (`NamesMissingRule.WordCase`), without decoding it.
    static func isCapitalizedInside(_ range: Range<Int>, of utf16: [UInt16]) -> Bool {
        let shape = utf16.withUnsafeBufferPointer { NamesMissingRule.WordCase(units: UnsafeBufferPointer(rebasing: $0[range]), counting: true) }
        return shape.startsUppercase && shape.scalarCount >= 3 && shape.hasLowercase && !followsSentenceEnd(utf16, at: range.lowerBound)
    }

    /// The source sentence's words as a translation's name is compared with them: skeletons of all
    /// words (and of Russian place adjectives' stems), and each word's memo entry with whether it
    /// is capitalized, whose sound keys and name codes are read from there. (Flattened into
    /// arrays of their own, the keys of each pair's words were a third of this rule's time.) A
    /// class: a struct was copied, with a retain of each array, at each name of the translation.
    final class SourceKeys {
        /// Each word's entry, and whether the word is capitalized: one array for both, reserved.
        private var words: [(entry: SourceWordMemo.Entry, isCapitalized: Bool)] = []
        private var flattened: [String]?
        /// The sentence's word segments, the first not yet read, and what gives a word's entry.
        /// Words are read as far as a question needs: most names of a translation have a source
        /// word spelled alike (`isCloseToSomeKey`), and the words after it were decoded and looked
        /// up for nothing.
        private let segments: PairWordSegments?
        private var next = 0
        private let entryOf: ((String) -> SourceWordMemo.Entry)?
        /// Where a word's entry is found by its units before `entryOf` is asked (which decodes
        /// the word and hashes the string): the memo `entryOf` reads, when it reads one.
        private let memo: SourceWordMemo?

        /// Every word's `allKeys`, in order. Made on first use: `accountsFor` reads the entries'
        /// keys in place, and most names are accounted for before anything needs them as one
        /// array (joining them, a retain per key, was a quarter of making the source's keys).
        var all: [String] {
            if let flattened { return flattened }
            readAll()
            var made: [String] = []
            made.reserveCapacity(words.count)
            for word in words { made += word.entry.allKeys }
            flattened = made
            return made
        }

        /// - Parameter words: the source sentence's word segments by `prepared.sourceSegmenter`.
        convenience init(_ words: PairWordSegments, prepared: Reading) {
            let latin = prepared.names.latin
            self.init(words, memo: prepared.sourceWords) { word in
                prepared.sourceWords.entry(word) {
                    SourceWordMemo.Entry(
                        keys: NamesMissingRule.keys(of: word, inflection: prepared.sourceInflection, latin: latin),
                        adjectiveKeys: NameCorrespondence.adjectiveStem(word).map { NamesMissingRule.keys(of: $0, inflection: .none, latin: latin) } ?? [],
                        // Of its uninflected forms too, as `names.missing` reads them: `Шольцем` is `Scholz`.
                        codes: ([word] + prepared.sourceInflection.baseForms(of: word)).flatMap {
                            NameCorrespondence.nameCodes(latin.transliterate($0))
                        },
                        sounds: NamesMissingRule.soundKeys(of: word, inflection: prepared.sourceInflection, latin: latin))
                }
            }
        }

        /// The words of `words` as `entry` reads each, read when needed. `memo`: the memo that
        /// `entry` reads, whose entries are then found by the words' units first.
        init(_ words: PairWordSegments, memo: SourceWordMemo? = nil, entry: @escaping (String) -> SourceWordMemo.Entry) {
            self.words.reserveCapacity(words.segments.count)
            segments = words
            entryOf = entry
            self.memo = memo
        }

        /// The words' entries as they are, and whether each word is capitalized.
        init(entries: [(entry: SourceWordMemo.Entry, isCapitalized: Bool)]) {
            words = entries
            segments = nil
            entryOf = nil
            memo = nil
        }

        /// Reads the next word into `words`; `false` when none is left.
        private func readNext() -> Bool {
            guard let segments, let entryOf else { return false }
            while next < segments.segments.count {
                let segment = segments.segments[next]
                next += 1
                // Chinese and Japanese names are ideographic or kana segments (`東京`, `北京`), not letter ones.
                guard segment.kind == .letter || segment.kind == .ideographic || segment.kind == .kana else { continue }
                let (entry, isCapitalized) = segments.units.withUnsafeBufferPointer { all in
                    let units = UnsafeBufferPointer(rebasing: all[segment.start..<segment.end])
                    // The first scalar, as the decoded word has it (the units come from a valid
                    // string; a lone surrogate, which makes the decoded word empty, is no capital).
                    var scalars = units.makeIterator(), decoder = Unicode.UTF16()
                    let isCapitalized: Bool
                    if case .scalarValue(let first) = decoder.decode(&scalars) {
                        isCapitalized = Latin1ScalarProperties.isUppercase(first)
                    } else {
                        isCapitalized = false
                    }
                    if let known = memo?.entry(ofUnits: units) { return (known, isCapitalized) }
                    let entry = entryOf(LectorICU.UTF16.decode(units))
                    memo?.remember(entry, ofUnits: units)
                    return (entry, isCapitalized)
                }
                words.append((entry, isCapitalized))
                return true
            }
            return false
        }

        private func readAll() {
            while readNext() {}
        }

        /// Whether each word is capitalized, all words read: read off the units of the word's
        /// first scalar, as the decoded word's first scalar says.
        var capitalization: [Bool] {
            readAll()
            return words.map(\.isCapitalized)
        }

        /// `NamesMissingRule.isCloseEitherWay(key, toAnyOf: all)`, asked of each word's keys in
        /// place, reading words only until one is close.
        func isCloseToSomeKey(_ key: String) -> Bool {
            var bytesOfKey = key
            return bytesOfKey.withUTF8 { keyBytes in
                // The key is read once for all words, and a word whose keys are all printable
                // ASCII (nearly all: `SourceWordMemo.Entry.soundChangeMask` is set, and says to
                // which a sound change applies) is compared on bytes without scanning its keys
                // again; keys of lengths more than 3 apart are never close
                // (`isClosePrintableEitherWay`), told by their counts alone.
                let keyIsPrintable = NamesMissingRule.isPrintableASCII(keyBytes)
                let keyChanges = keyIsPrintable && NamesMissingRule.soundChanges(keyBytes)
                func isClose(_ entry: SourceWordMemo.Entry) -> Bool {
                    guard keyIsPrintable, let mask = entry.soundChangeMask else { return NamesMissingRule.isCloseEitherWay(key, toAnyOf: entry.allKeys) }
                    for (index, other) in entry.allKeys.enumerated() where abs(other.utf8.count - keyBytes.count) <= 3 {
                        var bytesOfOther = other
                        let soundChange = keyChanges || mask & (1 << index) != 0
                        if bytesOfOther.withUTF8({ NamesMissingRule.isClosePrintableEitherWay(keyBytes, $0, soundChange: soundChange) }) {
                            return true
                        }
                    }
                    return false
                }
                if words.contains(where: { isClose($0.entry) }) { return true }
                while readNext() {
                    if isClose(words[words.count - 1].entry) { return true }
                }
                return false
            }
        }

        /// Whether some source word is this name: spelled alike, written by its sound (`Blackwood`
        /// for `Блэквуд`), a name starting alike (`Venice` for `Veneția`), or a place the source
        /// names in its own language (`Germany` for `Deutschland`).
        /// The word is read through its facts (`TargetWordFacts`: its keys, sound key and name codes).
        func accountsFor(_ word: TargetWordFacts, places: NameCorrespondence.Places) -> Bool {
            let keys = word.keys
            if keys.contains(where: isCloseToSomeKey) { return true }
            // The rest asks of every word.
            readAll()
            if let sound = word.sound, words.contains(where: { $0.entry.sounds.contains { NameCorrespondence.isSoundClose(sound, $0) } }) {
                return true
            }
            if keys.contains(where: { key in
                words.contains { $0.isCapitalized && $0.entry.keys.contains { NameCorrespondence.isLooselyClose(key, $0) } }
            }) {
                return true
            }
            // One name in two languages' spellings of its sounds (`Mihail`/`Michael`, `Anglia`/`England`).
            if NameCorrespondence.codesAgree(word.codes, words.filter(\.isCapitalized).flatMap(\.entry.codes)) { return true }
            return places.correspond(sourceKeys: all, targetKeys: keys)
        }
    }

    /// The same first three letters after `phonological`'s sound changes (`kuba`, `kubintsam`), a
    /// longer word on the source side.
    static func sharesStart(_ place: String, _ sourceKey: String) -> Bool {
        guard place.count >= 3, sourceKey.count > place.count else { return false }
        return NamesMissingRule.phonological(place).prefix(3) == NamesMissingRule.phonological(sourceKey).prefix(3)
    }

    /// Whether the word follows the end of a sentence inside the segment (`… . Moscow`).
    static func followsSentenceEnd(_ utf16: [UInt16], at offset: Int) -> Bool {
        var index = offset - 1
        while index >= 0, utf16[index] == 0x20 || utf16[index] == 0xA0 { index -= 1 }
        guard index >= 0 else { return true }
        return [0x2E, 0x21, 0x3F, 0x3A, 0x22, 0x201C, 0x201E, 0xAB, 0x2014].contains(utf16[index])
    }
}

/// The keys of the source words a document has read (`NamesReplacedRule.SourceKeys`), shared by
/// the threads that check its units. Bounded: past `capacity` words, new ones are computed and not kept.
final class SourceWordMemo: @unchecked Sendable {
    /// A class: a pair's `SourceKeys` keeps each of its words' entries, one reference each.
    final class Entry: Sendable {
        let keys: [String]
        let adjectiveKeys: [String]
        let codes: [String]
        let sounds: [String]
        /// `keys` and then `adjectiveKeys`, as `SourceKeys.all` lists them.
        let allKeys: [String]
        /// When every key of `allKeys` is printable ASCII (`NamesMissingRule.isPrintableASCII`)
        /// and there are at most 64: bit `i` set when a sound change applies to key `i`
        /// (`NamesMissingRule.soundChanges`); otherwise `nil`.
        let soundChangeMask: UInt64?

        init(keys: [String], adjectiveKeys: [String], codes: [String], sounds: [String]) {
            (self.keys, self.adjectiveKeys, self.codes, self.sounds) = (keys, adjectiveKeys, codes, sounds)
            allKeys = keys + adjectiveKeys
            var mask: UInt64? = allKeys.count <= 64 ? 0 : nil
            for (index, key) in allKeys.enumerated() where mask != nil {
                var key = key
                key.withUTF8 { bytes in
                    if !NamesMissingRule.isPrintableASCII(bytes) {
                        mask = nil
                    } else if NamesMissingRule.soundChanges(bytes) {
                        mask! |= 1 << index
                    }
                }
            }
            soundChangeMask = mask
        }
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()
    private let capacity = WordStoreCapacity.words

    /// The entries `entry(_:_:)` gave, by the word's UTF-16 units: a word seen before is found
    /// without decoding it into a string and hashing that (`OrdinaryWordMemo`'s unit table).
    private var byUnits = UTF16WordTable<Entry>()

    func entry(ofUnits units: UnsafeBufferPointer<UInt16>) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return byUnits.value(of: units)
    }

    func remember(_ entry: Entry, ofUnits units: UnsafeBufferPointer<UInt16>) {
        lock.lock()
        if byUnits.count < capacity { byUnits.insert(entry, for: units) }
        lock.unlock()
    }

    func entry(_ word: String, _ make: () -> Entry) -> Entry {
        lock.lock()
        if let known = entries[word] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        if entries.count < capacity { entries[word] = made }
        lock.unlock()
        return made
    }
}

/// `NamesReplacedRule.TargetWordFacts` per capitalized word of the translation, for one document's
/// reading. Bounded: past `capacity` words, new ones are computed and not kept.
final class TargetNameMemo: @unchecked Sendable {
    private var entries: [String: NamesReplacedRule.TargetWordFacts?] = [:]
    private let lock = NSLock()
    private let capacity = WordStoreCapacity.words

    /// The facts `facts(_:_:)` gave, by the word's UTF-16 units (`OrdinaryWordMemo`'s unit table).
    private var byUnits = UTF16WordTable<NamesReplacedRule.TargetWordFacts?>()

    func facts(_ word: String, _ make: () -> NamesReplacedRule.TargetWordFacts?) -> NamesReplacedRule.TargetWordFacts? {
        if let known = lock.withLock({ entries[word] }) { return known }
        let made = make()
        lock.withLock {
            if entries.count < capacity { entries[word] = .some(made) }
        }
        return made
    }

    /// `facts(word(), make)` of the word with these units: a word met before is answered by its
    /// units, without decoding it into a string and hashing that. A string's answer never changes
    /// (one kept, or one made again from the same resources), so the units give the answer their
    /// string would.
    func facts(ofUnits units: UnsafeBufferPointer<UInt16>, word: () -> String,
               _ make: (String) -> NamesReplacedRule.TargetWordFacts?) -> NamesReplacedRule.TargetWordFacts? {
        if let known = lock.withLock({ byUnits.value(of: units) }) { return known }
        let text = word()
        let made = facts(text) { make(text) }
        lock.withLock {
            if byUnits.count < capacity { byUnits.insert(made, for: units) }
        }
        return made
    }
}
