import Foundation
import LectorICU
import LectorText
import LectorGlossary
import LectorLexicon
import LectorHunspell

/// A proper name of the source sentence with no counterpart in its translation.
///
/// A source word counts as a name when it is capitalized, is not a glossary term (those are
/// `glossary.missing`'s), and is no ordinary word of the source language: for languages that
/// capitalize nouns (German) or at the start of a sentence, a dictionary's headword list decides
/// (`Lexicon`); without one, such words are not judged. Its counterpart is any capitalized word
/// of the translation whose spelling skeleton, after transliteration to Latin, is within one
/// letter (two for long names) of the name's: `Peskow` ~ `Peskov`, `Шойгу` ~ `Shoigu`.
public struct NamesMissingRule: BilingualRule {
    public static let description = RuleDescription(
        id: "names.missing",
        name: "Missing name",
        summary: "A proper name of the source has no transliterated or identical counterpart in the translation.",
        // Info by default: on the WMT21 critical-error dev sets the segments it flags were no
        // likelier to be errors than any other segment (usernames, titles and brands are names).
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("↓The minister met his counterpart on Monday.",
                        source: "Der Minister traf am Montag seinen Kollegen Tichanowski.", from: "de", to: "en"),
            RuleExample("↓The finance minister did not comment.", source: "Министр финансов Силуанов не стал комментировать.",
                        from: "ru", to: "en"),
            RuleExample("↓On Tuesday, Macron spoke on the phone.", source: "Во вторник Макрон поговорил по телефону с Шольцем.",
                        from: "ru", to: "en"),
            RuleExample("↓Die Außenministerin sprach am Montag.", source: "Foreign Minister Baerbock spoke on Monday.",
                        from: "en", to: "de"),
            // FreeDict lists `München`, but only as a name (its translation is `Munich`).
            RuleExample("↓The trains run to the Bavarian capital.", source: "Die Züge fahren nach München.", from: "de", to: "en"),
            // Romanian Hunspell lists `malaga` (the wine); WordNet knows Malaga as a particular city.
            RuleExample("↓The tourists visited the city yesterday.", source: "Turiștii au vizitat ieri orașul Malaga.", from: "ro", to: "en"),
        ],
        nonTriggeringExamples: [
            // A city CLDR names in both languages, inflected in the source (`Kijowie`, `Kyjevě`).
            RuleExample("Talks were held in Kyiv.", source: "Rozmowy odbyły się w Kijowie.", from: "pl", to: "en"),
            RuleExample("Talks were held in Kyiv.", source: "Jednání se konala v Kyjevě.", from: "cs", to: "en"),
            RuleExample("Переговоры прошли в Киеве.", source: "Talks were held in Kyiv.", from: "en", to: "ru"),
            RuleExample("Finance Minister Siluanov did not comment.", source: "Министр финансов Силуанов не стал комментировать.",
                        from: "ru", to: "en"),
            RuleExample("The minister met his counterpart Tikhanovsky on Monday.",
                        source: "Der Minister traf am Montag seinen Kollegen Tichanowski.", from: "de", to: "en"),
            RuleExample("Negotiations continue on Tuesday in the Turkish city.",
                        source: "Die Verhandlungen gehen am Dienstag in der türkischen Stadt weiter.", from: "de", to: "en"),
            RuleExample("Außenministerin Baerbock sprach am Montag.", source: "Foreign Minister Baerbock spoke on Monday.",
                        from: "en", to: "de"),
            RuleExample("The talks in Istanbul continue on Tuesday.", source: "Переговоры в Стамбуле продолжатся во вторник.",
                        from: "ru", to: "en"),
            // A place by its name in CLDR, a name by its sound, a term written as a common word.
            RuleExample("The President of Georgia spoke on Monday.", source: "Президент Грузии выступил в понедельник.", from: "ru", to: "en"),
            RuleExample("Yesterday Blackwood spoke in parliament.", source: "Вчера Блэквуд выступил в парламенте.", from: "ru", to: "en"),
            RuleExample("The coronavirus is spreading fast.", source: "Das Coronavirus verbreitet sich schnell.", from: "de", to: "en"),
            // A name in the instrumental (`Шольцем`: Шольц + -ем), and a weekday in the plural,
            // which English writes with a capital too (`Sundays`: CLDR's `Sunday` by Hunspell's stem).
            RuleExample("On Tuesday, Macron spoke with Scholz on the phone.", source: "Во вторник Макрон поговорил по телефону с Шольцем.",
                        from: "ru", to: "en"),
            RuleExample("Магазины по воскресеньям закрыты.", source: "The shops stay closed on Sundays.", from: "en", to: "ru"),
            // German nouns no dictionary lists as headwords: a noun with a plural by Hunspell
            // (`Bildgebungen`), a word Hunspell knows in lower case opening a sentence (`kein`), an
            // English word inside a hyphenated compound (`Wood-Lampe`).
            RuleExample("Imaging showed no changes.", source: "Die Bildgebung zeigte keine Veränderungen.", from: "de", to: "en"),
            // `Tag` translates as `day`, a short word, not a name written in capitals.
            RuleExample("The talks in Kyiv lasted a day.", source: "Die Gespräche in Kiew dauerten einen Tag.", from: "de", to: "en"),
            RuleExample("None of the patients needed further therapy.", source: "Kein Patient benötigte eine weitere Therapie.",
                        from: "de", to: "en"),
            RuleExample("The skin was examined under ultraviolet light.", source: "Die Haut wurde unter einer Wood-Lampe untersucht.",
                        from: "de", to: "en"),
            // `München`, a name by FreeDict, has its counterpart in `Munich`.
            RuleExample("Trains run to Munich every hour.", source: "Züge fahren stündlich nach München.", from: "de", to: "en"),
            // A name after an elided article (`d'Italie`), a name the dictionary translates
            // (`Venus` → `Венера`, through German), a German noun written as an English word.
            RuleExample("Des rapports provenant de Chine et d'Italie le suggèrent.", source: "Reports from China and Italy suggest it.",
                        from: "en", to: "fr"),
            RuleExample("Зонд долетел до Венеры за полгода.", source: "The probe reached Venus in six months.", from: "en", to: "ru"),
            RuleExample("Hepatic toxicity of sevoflurane is rare.", source: "Eine hepatische Toxizität von Sevofluran ist selten.",
                        from: "de", to: "en"),
            RuleExample("The talks in Istanbul continue on Tuesday, the Secretary General said.",
                        source: "Die Gespräche in Istanbul gehen am Dienstag weiter, sagte der Generalsekretär.", from: "de", to: "en"),
        ]
    )

    /// Languages that capitalize every noun, so a capital letter says nothing about names.
    static let capitalizesNouns: Set<String> = ["de", "lb"]

    public init() {}

    /// How names are spelled in Latin letters for their keys. Han comes out as syllables with
    /// spaces (`北京` → `bei jing`): one word keeps one key.
    static let latinTransliteration = "Any-Latin; Latin-ASCII; [:Zs:] Remove"

    /// What reading names takes, made once per document: ICU word and sentence segmenters for
    /// both languages, the transliterator to Latin, and the source language's dictionary. A class:
    /// every pair unwrapped a copy of its dozen references.
    public final class Reading {
        let sourceWords: TextSegmenter
        let targetWords: TextSegmenter
        let sentences: TextSegmenter
        let latin: Transliterator
        let lexicon: FreeDictDictionary?
        let sourceInflection: InflectionRules
        let ordinaryWords = OrdinaryWordMemo()
        /// What each word of the translation adds to `TargetKeys`: the same words come back
        /// unit after unit, and each is transliterated by ICU.
        let targetKeys = TargetKeyMemo()
        /// Each candidate name's skeletons and sound keys (`keys`, `soundKeys`), made once per document.
        let nameKeys = NameKeyMemo()
        /// The source language's spelling dictionary, which knows proper nouns by their capital.
        let sourceSpelling: HunspellDictionary?
        /// Countries and cities named in both languages (CLDR).
        let places: NameCorrespondence.Places
        /// The translation's names in other languages (FreeDict), for exonyms CLDR lacks.
        let exonyms: NameCorrespondence.Exonyms?
        /// WordNet, for an English source: `Chinese`, `Finns` name no one.
        let englishSource: Lexicon?
        /// For a source that capitalizes its nouns (German): which capitalized words are names.
        let capitalizedNouns: NameCorrespondence.CapitalizedNouns?
        /// WordNet, for a Latin-script source other than English: a word its spelling dictionary
        /// knows in lower case that English knows as a particular place or person (`Malaga`,
        /// `Napoleon` in Romanian, which Hunspell lists as the wine and the coin).
        let instances: Lexicon?
        /// The bilingual dictionary, for names translated by a word of their own (`Venus` → `Венера`).
        let dictionary: Lexicon?
        /// Languages that bridge the pair (`pivots(from:to:)`), found once per document.
        let pivots: [String]
        let sourceLanguage: String
        let targetLanguage: String

        init(check: CheckContext, bilingual: BilingualContext) throws {
            sourceWords = try TextSegmenter(.word, locale: bilingual.sourceLanguage)
            targetWords = try TextSegmenter(.word, locale: check.index.targetLanguage)
            sentences = try TextSegmenter(.sentence, locale: bilingual.sourceLanguage)
            latin = try Transliterator(id: NamesMissingRule.latinTransliteration)
            lexicon = Lexicon.headwords(of: bilingual.sourceLanguage)
            sourceInflection = InflectionRules.forLanguage(bilingual.sourceLanguage)
            sourceSpelling = check.lexicon?.hunspell(bilingual.sourceLanguage)
            places = try NameCorrespondence.Places.of(source: LexicalLanguages.primary(bilingual.sourceLanguage),
                                                      target: LexicalLanguages.primary(check.index.targetLanguage), latin: latin)
            exonyms = NameCorrespondence.Exonyms(lexicon: check.lexicon, target: check.index.targetLanguage)
            englishSource = LexicalLanguages.primary(bilingual.sourceLanguage) == "en" ? check.lexicon : nil
            capitalizedNouns = NameCorrespondence.CapitalizedNouns(source: bilingual.sourceLanguage, target: check.index.targetLanguage,
                                                                   lexicon: check.lexicon)
            let (source, target) = (LexicalLanguages.primary(bilingual.sourceLanguage), LexicalLanguages.primary(check.index.targetLanguage))
            (sourceLanguage, targetLanguage) = (source, target)
            let hasWordNet = check.lexicon?.hasWordNet == true
            instances = hasWordNet && source != "en" && !NamesMissingRule.capitalizesNouns.contains(source) ? check.lexicon : nil
            dictionary = check.lexicon.flatMap { $0.hasTranslations(from: source, to: target) ? $0 : nil }
            pivots = dictionary?.pivots(from: source, to: target) ?? []
        }
    }

    /// The reading depends on the languages and the lexicon alone; its memo of ordinary words is
    /// kept across the chunks of a file.
    public static let preparationOutlivesDocument = true

    /// `nil` for Japanese or Chinese translations: names there are transcribed into the script,
    /// and a Latin skeleton cannot find them.
    public func prepare(for context: CheckContext, bilingual: BilingualContext) throws -> Reading? {
        guard !GarbledSignalExtractor.denseScripts.contains(context.index.targetLanguage) else { return nil }
        return try Reading(check: context, bilingual: bilingual)
    }

    public func findings(in pair: SentencePairContext, using prepared: Reading?) -> [RuleFinding] {
        guard let prepared else { return [] }
        let missing = Self.missingNames(in: pair, using: prepared)
        guard !missing.isEmpty else { return [] }
        return Self.withoutRenderedNames(missing, in: pair, using: prepared).map { name in
            RuleFinding(range: pair.targetRange, message: "the name `\(name)` in the source has no counterpart in this sentence")
        }
    }

    /// Source names of a sentence pair without a counterpart in its translation (shared with
    /// `names.replaced`).
    /// Made once per pair: `names.missing` and `names.replaced` both ask, with readings of the
    /// same two languages.
    static func missingNames(in pair: SentencePairContext, using prepared: Reading) -> [String] {
        let (source, target) = (prepared.sourceWords.locale, prepared.targetWords.locale)
        if let made = pair.shared.missingNames, made.source == source, made.target == target { return made.value }
        let value = findMissingNames(in: pair, using: prepared)
        pair.shared.missingNames = (source, target, value)
        return value
    }

    private static func findMissingNames(in pair: SentencePairContext, using prepared: Reading) -> [String] {
        // The glossary's matches read in place: copied into an array (and their ranges into
        // another), every match's strings were retained and released at every pair.
        let candidates = NamesMissingRule().names(in: pair.sourceRange, of: pair.bilingual.source, words: prepared.sourceWords,
                                                  sentences: prepared.sentences, lexicon: prepared.lexicon,
                                                  spelling: prepared.sourceSpelling, places: prepared.places,
                                                  inflection: prepared.sourceInflection, excluding: pair.sourceMatchSlice,
                                                  nouns: prepared.capitalizedNouns, memo: prepared.ordinaryWords,
                                                  instances: prepared.instances,
                                                  wordSegments: pair.wordSegments(of: .source, segmenter: prepared.sourceWords).segments)
        guard !candidates.isEmpty else { return [] }
        let targetWords = pair.wordSegments(of: .target, segmenter: prepared.targetWords)
        // Most names have their counterpart among the translation's capitalized words, the first
        // test below: the keys of every word (its lower-case ones, its sound keys) are read only
        // for a name that test leaves, which few pairs have.
        let names = TargetKeys(capitalizedOf: targetWords, latin: prepared.latin, memo: prepared.targetKeys)
        var allKeys: TargetKeys?
        return candidates.filter { name in
            let nameKeys = prepared.nameKeys.entry(name) {
                (Self.keys(of: name, inflection: prepared.sourceInflection, latin: prepared.latin),
                 Self.soundKeys(of: name, inflection: prepared.sourceInflection, latin: prepared.latin))
            }
            let keys = nameKeys.keys
            guard !keys.isEmpty, !keys.contains(where: { Self.isClose($0, toAnyOf: names.capitalized) }) else { return false }
            let target = allKeys ?? TargetKeys(targetWords, latin: prepared.latin, memo: prepared.targetKeys)
            allKeys = target
            // A name the translation writes as a common word (`Coronavirus` → coronavirus,
            // `Kardioverter` → cardioverter): long skeletons only, which few words share.
            if keys.contains(where: { key in Self.hasCharacters(key, atLeast: 6) && target.all.contains { Self.hasCharacters($0, atLeast: 6) && Self.isClose(key, $0) } }) { return false }
            // A German noun no resource knows, which the translation writes as its own word with
            // the same start (`Toxizität` → toxicity, `Metastasierung` → metastasis): German
            // capitalizes nouns, so its capital said nothing, and names are rarely so long.
            if prepared.capitalizedNouns != nil,
               keys.contains(where: { key in Self.hasCharacters(key, atLeast: 7) && target.lowercase.contains { Self.hasCharacters($0, atLeast: 6) && NameCorrespondence.isLooselyClose(key, $0) } }) {
                return false
            }
            // The same for the last part of a German compound whose first part the dictionary
            // knows (`Transplantat|fixation` → fixation, `Fern|metastasierung` → metastases).
            if prepared.capitalizedNouns != nil, let spelling = prepared.sourceSpelling,
               Self.compoundTails(of: name, spelling: spelling).contains(where: { tail in
                   guard let key = SpellingSkeleton.skeleton(of: prepared.latin.transliterate(tail)) else { return false }
                   return target.lowercase.contains { Self.hasCharacters($0, atLeast: 6) && NameCorrespondence.isLooselyClose(key, $0) }
               }) {
                return false
            }
            let sounds = nameKeys.sounds
            if sounds.contains(where: { sound in target.sounds.contains { NameCorrespondence.isSoundClose(sound, $0) } }) { return false }
            let stems = NameCorrespondence.adjectiveStem(name).map { Self.keys(of: $0, inflection: .none, latin: prepared.latin) } ?? []
            if stems.contains(where: { Self.isClose($0, toAnyOf: target.capitalized) }) { return false }
            if keys.contains(where: { key in target.capitalized.contains { NameCorrespondence.isLooselyClose(key, $0) } }) { return false }
            // A place the translation writes in lower case is the place still (`germany`).
            if prepared.places.correspond(sourceKeys: keys + stems, targetKeys: target.capitalized + target.lowercase) { return false }
            return !Self.isTranslated(name, in: target, using: prepared)
        }
    }

    /// The last parts (seven letters or more) of a compound whose first part (four letters or
    /// more) the spelling dictionary knows, in either case.
    static func compoundTails(of word: String, spelling: HunspellDictionary) -> [String] {
        let letters = Array(word)
        guard letters.count >= 11 else { return [] }
        var tails: [String] = []
        for split in 4...(letters.count - 7) {
            let head = String(letters[..<split])
            guard spelling.spell(head) || spelling.spell(head.lowercased()) else { continue }
            tails.append(String(letters[split...]))
        }
        return tails
    }

    /// A name the bilingual dictionary translates by a word the translation has: `Venus` →
    /// `Венера`, `Kiew` → `Kyiv`. Asked last, for the few names nothing else accounts for.
    static func isTranslated(_ name: String, in target: TargetKeys, using prepared: Reading) -> Bool {
        guard let dictionary = prepared.dictionary else { return false }
        let base = NameCorrespondence.withoutPossessive(name)
        var forms = [base] + prepared.sourceInflection.baseForms(of: base)
        for lemma in dictionary.lemmas(of: base, language: prepared.sourceLanguage) where !forms.contains(lemma) { forms.append(lemma) }
        let (from, to) = (prepared.sourceLanguage, prepared.targetLanguage)
        for form in forms {
            // Through a third language where the pair's own dictionary lacks the name (eng-rus has
            // 1,700 headwords; `Venus` is `Venus` in German and `Венера` from there).
            var translations = dictionary.translations(of: form, from: from, to: to)
            if translations.isEmpty, !prepared.pivots.isEmpty {
                translations = dictionary.pivotTranslations(of: form, from: from, to: to, through: prepared.pivots)
            }
            for translation in translations {
                // A name's own rendering (`Венера`, `Kyiv`), or a long word; not `the` of `the Netherlands`.
                for part in translation.text.split(whereSeparator: { !$0.isLetter })
                where part.count >= 5 || (part.count >= 3 && part.first?.isUppercase == true) {
                    guard let key = SpellingSkeleton.skeleton(of: prepared.latin.transliterate(String(part))) ?? Self.shortKey(String(part), prepared.latin)
                    else { continue }
                    if target.all.contains(where: { Self.isClose(key, $0) }) { return true }
                }
            }
        }
        return false
    }

    /// The missing names left once weaker evidence is heard, which `names.missing` alone applies
    /// (`names.replaced` weighs the same evidence against the name it finds in their place, and
    /// needs the missing name as its witness): WordNet's words made of names, names spelled by
    /// their sounds, and exonyms CLDR lacks.
    static func withoutRenderedNames(_ names: [String], in pair: SentencePairContext, using prepared: Reading) -> [String] {
        let target = TargetKeys(pair.wordSegments(of: .target, segmenter: prepared.targetWords), latin: prepared.latin, memo: prepared.targetKeys)
        var targetCodes: [String]?
        return names.filter { name in
            // WordNet's adjectives and kinds are words made of names (`Chinese`, `Asian`, `Finns`),
            // which a translation writes as its own words (`chinois`, `asiatique`).
            if let sense = prepared.englishSource?.nameSense(ofEnglish: NameCorrespondence.withoutPossessive(name)), sense != .instance {
                return false
            }
            // One name spelled by its sounds in each language (`Mihail`/`Michael`).
            let forms = [name] + prepared.sourceInflection.baseForms(of: name)
            let codes = forms.flatMap { NameCorrespondence.nameCodes(prepared.latin.transliterate($0)) }
            if targetCodes == nil { targetCodes = target.capitalizedLatin.flatMap(NameCorrespondence.nameCodes) }
            if NameCorrespondence.codesAgree(codes, targetCodes ?? []) { return false }
            // An exonym CLDR lacks: a translation's name whose renderings in other languages
            // spell this one (`Danube` is `Dunaj` for `Dunărea`).
            guard let exonyms = prepared.exonyms else { return true }
            let keys = Self.keys(of: name, inflection: prepared.sourceInflection, latin: prepared.latin)
                + (NameCorrespondence.adjectiveStem(name).map { Self.keys(of: $0, inflection: .none, latin: prepared.latin) } ?? [])
            return !target.capitalizedWords.contains { word in
                NameCorrespondence.matches(renderings: exonyms.keys(of: word, latin: prepared.latin), sourceKeys: keys)
            }
        }
    }

    /// The translation's words as `missingNames` compares them: skeletons of its capitalized
    /// words and of all its words, and the sound keys of all its words.
    struct TargetKeys {
        var capitalized: [String] = []
        var all: [String] = []
        var sounds: [String] = []
        /// The capitalized words themselves, and in Latin letters.
        var capitalizedWords: [String] = []
        var capitalizedLatin: [String] = []
        /// Skeletons of the words written in lower case.
        var lowercase: [String] = []

        /// The keys of a pair's translation, from its word segments (`SentencePairContext.wordSegments`).
        init(_ words: PairWordSegments, latin: Transliterator, memo: TargetKeyMemo? = nil) {
            // Nearly every word has a skeleton: the arrays of all words grow without copying, and
            // those of the few capitalized ones (nearly every sentence has one) are made once.
            all.reserveCapacity(words.segments.count)
            sounds.reserveCapacity(words.segments.count)
            lowercase.reserveCapacity(words.segments.count)
            let names = min(words.segments.count, 8)
            capitalized.reserveCapacity(names)
            capitalizedWords.reserveCapacity(names)
            capitalizedLatin.reserveCapacity(names)
            words.units.withUnsafeBufferPointer { units in
                for segment in words.segments where segment.kind == .letter {
                    add(Self.entry(of: UnsafeBufferPointer(rebasing: units[segment.start..<segment.end]), latin: latin, memo: memo))
                }
            }
        }

        /// Only `capitalized`, `capitalizedWords` and `capitalizedLatin` of the translation (the
        /// other arrays empty): the same as `init(_:latin:memo:)` makes of them. A word starting
        /// with an ASCII lower-case letter is none of them unless it has an apostrophe
        /// (`elidedName`), so such words are passed over on their units, neither decoded nor looked up.
        init(capitalizedOf words: PairWordSegments, latin: Transliterator, memo: TargetKeyMemo? = nil) {
            let names = min(words.segments.count, 8)
            capitalized.reserveCapacity(names)
            capitalizedWords.reserveCapacity(names)
            capitalizedLatin.reserveCapacity(names)
            words.units.withUnsafeBufferPointer { units in
                for segment in words.segments where segment.kind == .letter {
                    if units[segment.start] >= 0x61, units[segment.start] <= 0x7A,
                       !units[segment.start..<segment.end].contains(where: { $0 == 0x27 || $0 == 0x2019 }) { continue }
                    let entry = Self.entry(of: UnsafeBufferPointer(rebasing: units[segment.start..<segment.end]), latin: latin, memo: memo)
                    if let capitalized = entry.capitalized {
                        self.capitalized.append(capitalized.key)
                        capitalizedWords.append(capitalized.word)
                        capitalizedLatin.append(capitalized.latin)
                    }
                }
            }
        }

        /// The entry of the word with these units: from the memo by its units when it has them
        /// (no string decoded and hashed), else made from the decoded word through the memo.
        static func entry(of units: UnsafeBufferPointer<UInt16>, latin: Transliterator, memo: TargetKeyMemo?) -> Entry {
            guard let memo else { return entry(of: LectorICU.UTF16.decode(units), latin: latin) }
            if let known = memo.entry(ofUnits: units) { return known }
            let text = LectorICU.UTF16.decode(units)
            let made = memo.entry(text) { Self.entry(of: text, latin: latin) }
            memo.remember(made, ofUnits: units)
            return made
        }

        private mutating func add(_ entry: Entry) {
            if let capitalized = entry.capitalized {
                self.capitalized.append(capitalized.key)
                capitalizedWords.append(capitalized.word)
                capitalizedLatin.append(capitalized.latin)
            } else if let key = entry.key {
                lowercase.append(key)
            }
            if let key = entry.key { all.append(key) }
            if let sound = entry.sound { sounds.append(sound) }
        }

        /// What one word of the translation adds to the keys. A class: read from the memo for
        /// every word of every pair, a struct was copied out with a retain of each of its strings.
        final class Entry: Sendable {
            /// Its skeleton, if it has one.
            let key: String?
            /// For a capitalized word with a key (a skeleton or a short key): the key, the word, and
            /// the word without a possessive in Latin letters.
            let capitalized: (key: String, word: String, latin: String)?
            let sound: String?

            init(key: String?, capitalized: (key: String, word: String, latin: String)?, sound: String?) {
                (self.key, self.capitalized, self.sound) = (key, capitalized, sound)
            }
        }

        static func entry(of text: String, latin: Transliterator) -> Entry {
            let word = elidedName(text) ?? text
            let spelled = latin.transliterate(word)
            let key = SpellingSkeleton.skeleton(of: spelled)
            var capitalized: (key: String, word: String, latin: String)?
            if let first = word.unicodeScalars.first, first.properties.isUppercase,
               let key = key ?? NamesMissingRule.shortKey(word, latin) {
                // Name codes of `Trump's` are those of `Trump`.
                let base = NameCorrespondence.withoutPossessive(word)
                capitalized = (key, word, base.utf8.count == word.utf8.count ? spelled : latin.transliterate(base))
            }
            return Entry(key: key, capitalized: capitalized, sound: NameCorrespondence.soundKey(spelled))
        }

        /// The name after an elided article or preposition that ICU keeps in one word
        /// (`d'Italie`, `l'Amérique`, `dell'Italia`): the capitalized part; `nil` for other words.
        static func elidedName(_ word: String) -> String? {
            // Most words have no apostrophe (' or the first byte of ’): one pass over the bytes.
            guard word.utf8.contains(where: { $0 == 0x27 || $0 == 0xE2 }),
                  let apostrophe = word.lastIndex(where: { $0 == "'" || $0 == "’" }), apostrophe != word.startIndex,
                  word[word.startIndex].isLowercase else { return nil }
            let tail = word[word.index(after: apostrophe)...]
            guard tail.count >= 2, tail.first?.isUppercase == true else { return nil }
            return String(tail)
        }
    }

    /// Sound keys of a name, of its uninflected forms and of its adjective stem.
    static func soundKeys(of word: String, inflection: InflectionRules, latin: Transliterator) -> [String] {
        let forms = [word] + inflection.baseForms(of: word) + (NameCorrespondence.adjectiveStem(word).map { [$0] } ?? [])
        return forms.compactMap { NameCorrespondence.soundKey(latin.transliterate($0)) }
    }

    /// Capitalized source words that are names by the rules above, but for those a glossary
    /// match of `covered` starts at or covers. `wordSegments`: the word segments of `range` by
    /// `words`, when they are made already.
    func names(in range: Range<Int>, of document: SourceDocument, words: TextSegmenter, sentences: TextSegmenter,
                       lexicon: FreeDictDictionary?, spelling: HunspellDictionary?, places: NameCorrespondence.Places?,
                       inflection: InflectionRules, excluding covered: ArraySlice<GlossaryMatch>,
                       nouns: NameCorrespondence.CapitalizedNouns? = nil,
                       memo: OrdinaryWordMemo = OrdinaryWordMemo(), instances: Lexicon? = nil,
                       wordSegments: [Segment]? = nil) -> [String] {
        let language = words.locale
        let capitalizesNouns = Self.capitalizesNouns.contains(language)
        // Sentence starts in order, searched by halving: a set hashed every word's offset, and
        // the words were read by a closure held in a variable, whose captured state was boxed
        // and checked for exclusive access at every word (together a quarter of reading names).
        var sentenceStarts: [Int] = []
        var result: [String] = []
        document.utf16.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            // Where nouns are capitalized a word's verdict is the same at a sentence's start as
            // inside it (the test below), so the sentences are not segmented at all: ICU's
            // sentence iterator was a twentieth of reading a German pair's names.
            if !capitalizesNouns {
                sentences.forEachSegment(in: slice) { sentenceStarts.append($0.start) }
                sentenceStarts.sort()
            }
            func isSentenceStart(_ offset: Int) -> Bool {
                let index = sentenceStarts.partitionPoint { $0 < offset }
                return index < sentenceStarts.count && sentenceStarts[index] == offset
            }
            var atSentenceStart = true
            var lastSentenceStart = 0
            func visit(_ segment: Segment) {
                if !capitalizesNouns, isSentenceStart(segment.start) || segment.start < lastSentenceStart {
                    atSentenceStart = true
                    lastSentenceStart = segment.start
                }
                guard segment.kind.isWordLike else { return }
                defer { atSentenceStart = false }
                guard segment.kind == .letter, segment.end - segment.start >= 3 else { return }
                let offset = range.lowerBound + segment.start
                for index in covered.indices where covered[index].range.contains(offset) { return }
                let units = UnsafeBufferPointer(rebasing: slice[segment.start..<segment.end])
                // The word as text, decoded only where something reads it: most capitalized words
                // come back in every document, and their verdict is found by their units
                // (`OrdinaryWordMemo.verdict(ofUnits:)`). `nil` until decoded; decoded at once when
                // the word is changed from its units (an initial cut off).
                var decoded: String?
                if units.contains(0x2E) {
                    // The word's own first letter decides first, as for any word.
                    if let first = Unicode.Scalar(units[0]), !Latin1ScalarProperties.isUppercase(first) { return }
                    var word = LectorICU.UTF16.decode(units)
                    // An initial joined to the name by its period, which ICU keeps in one word
                    // (`Дм.Гордона`, `А.Трефиловой`): the name is the part after it.
                    if let period = word.lastIndex(of: "."),
                       case let tail = word[word.index(after: period)...], tail.count >= 3, tail.first?.isUppercase == true {
                        word = String(tail)
                    }
                    guard WordCase(word.unicodeScalars).mayBeName else { return }
                    decoded = word
                } else {
                    // Most words start in lower case, and the rest are read in the same pass
                    // before the word is decoded.
                    guard WordCase(units: units).mayBeName else { return }
                }
                let isUnitsWord = decoded == nil
                // A word of the translation's language inside a German compound written with
                // hyphens is a loan (`Graft-versus-Host-ähnliche`, `Low-Density-Lipoprotein`,
                // `Wood-Lampe`), though WordNet knows a painter Wood and a cartoonist Low.
                if let nouns, Self.isHyphenated(slice, segment.start..<segment.end) {
                    let word = decoded ?? LectorICU.UTF16.decode(units)
                    decoded = word
                    if nouns.isWord(word, hyphenated: true) { return }
                }
                func decide(_ word: String) -> Bool? {
                    if let nouns, places?.sourceCalendar.contains(word.lowercased()) != true {
                        if nouns.isSourceWord(word) { return true }
                        if nouns.isNameEntry(word) { return false }
                        if nouns.isNoun(word) || nouns.isWord(word) { return true }
                    }
                    return NameCorrespondence.isOrdinaryWord(word, spelling: spelling, lexicon: lexicon, inflection: inflection,
                                                             capitalizesNouns: capitalizesNouns,
                                                             calendar: places?.sourceCalendar ?? [])
                }
                // A piece of a word whose letters were mis-encoded (`Leuk‰mie`, `Zusammengefaﬂt`).
                // Asked late, of the few words the verdicts leave, but always before a memo keeps
                // anything: the memos answer by the word's text under canonical equivalence, and a
                // mis-encoded piece (whose verdict depends on its spelling, NFD or NFC) must never
                // decide the verdict of a later word, as it never did when it was asked first.
                var misencodedAsked = false
                func isMisencoded() -> Bool {
                    misencodedAsked = true
                    return Self.isMisencoded(slice, segment.start..<segment.end)
                }
                let ordinary: Bool?
                if isUnitsWord, let known = memo.verdict(ofUnits: units) {
                    ordinary = known
                } else {
                    if isMisencoded() { return }
                    let word = decoded ?? LectorICU.UTF16.decode(units)
                    decoded = word
                    // The memo keeps the verdict with CLDR's places applied: `places` and `inflection`
                    // are the memo's reading's too.
                    ordinary = memo.isOrdinaryWord(word) {
                        var verdict = decide(word)
                        // German before the 1996 reform wrote `ß` after a short vowel (`Blutfluß`,
                        // `läßt`, `Prozeß`), which today's dictionaries spell `ss`.
                        if verdict != true, nouns != nil, word.contains("ß"), decide(word.replacingOccurrences(of: "ß", with: "ss")) == true {
                            verdict = true
                        }
                        // CLDR's places are names, though dictionaries list them (`Deutschland`, `China`).
                        if verdict != false, let places, places.isSourcePlace([word.lowercased()] + inflection.baseForms(of: word)) {
                            verdict = false
                        }
                        return verdict
                    }
                    if isUnitsWord { memo.remember(ordinary, ofUnits: units) }
                }
                if atSentenceStart || capitalizesNouns {
                    guard ordinary == false else { return }
                } else if ordinary == true {
                    // Mid-sentence, a capital on a word the dictionary knows in lower case is a
                    // name when English knows the same word as a particular one (`Malaga`).
                    if !misencodedAsked, isMisencoded() { return }
                    let word = decoded ?? LectorICU.UTF16.decode(units)
                    decoded = word
                    guard let instances, memo.isInstance(word, {
                        Self.isLatin(Array(word.unicodeScalars)) && ([word] + inflection.baseForms(of: word)).contains { instances.nameSense(ofEnglish: $0) == .instance }
                    }) else { return }
                }
                if !misencodedAsked, isMisencoded() { return }
                result.append(decoded ?? LectorICU.UTF16.decode(units))
            }
            // `visit` called, not handed on as a closure value: as a value, the variables it writes
            // were checked for exclusive access at run time at every word.
            if let wordSegments {
                for segment in wordSegments { visit(segment) }
            } else {
                words.forEachSegment(in: slice) { visit($0) }
            }
        }
        return result
    }

    /// The case of a word's letters as names read it, from one pass over its scalars: the first
    /// scalar and each scalar after it asked once whether it is upper or lower case (reading a
    /// word was a decoded string, an array of its scalars and three passes over it).
    struct WordCase {
        /// Scalars read: all of the word's when it starts in upper case and the reading was
        /// `counting`; otherwise up to where the answer was settled (a lower-case start, a
        /// second capital inside).
        private(set) var scalarCount = 0
        private(set) var startsUppercase = false
        private(set) var hasLowercase = false
        /// Upper-case scalars after the first, counted up to 2.
        private(set) var innerCapitals = 0

        init<S: Sequence<Unicode.Scalar>>(_ scalars: S) {
            for scalar in scalars where !add(scalar) { break }
        }

        /// A word's UTF-16 units (valid UTF-16: a Swift string's), decoded in place; `counting`
        /// reads to the end whatever the answer, so that `scalarCount` is the word's.
        init(units: UnsafeBufferPointer<UInt16>, counting: Bool = false) {
            var index = 0
            while index < units.count {
                let unit = units[index]
                let scalar: Unicode.Scalar
                if Unicode.UTF16.isLeadSurrogate(unit), index + 1 < units.count, Unicode.UTF16.isTrailSurrogate(units[index + 1]) {
                    let value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[index + 1] - 0xDC00)
                    scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                    index += 2
                } else {
                    scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
                    index += 1
                }
                guard add(scalar) || (counting && startsUppercase) else { break }
            }
        }

        /// Takes the next scalar; `false` once the answer cannot change (a lower-case start, or
        /// two capitals inside).
        private mutating func add(_ scalar: Unicode.Scalar) -> Bool {
            scalarCount += 1
            if scalarCount == 1 {
                startsUppercase = Self.isUppercase(scalar)
                if !startsUppercase { return false }
                hasLowercase = Self.isLowercase(scalar)
                return true
            }
            if Self.isUppercase(scalar) {
                innerCapitals += 1
                return innerCapitals < 2
            }
            if !hasLowercase { hasLowercase = Self.isLowercase(scalar) }
            return true
        }

        /// `Latin1ScalarProperties`' answers, ASCII's (`A`–`Z`, `a`–`z`: no other ASCII scalar has
        /// a case) read inline: nearly every scalar of a word is ASCII, and each was a call into
        /// another module.
        @inline(__always)
        private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? scalar.value &- 0x41 < 26 : Latin1ScalarProperties.isUppercase(scalar)
        }

        @inline(__always)
        private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? scalar.value &- 0x61 < 26 : Latin1ScalarProperties.isLowercase(scalar)
        }

        /// Capitalized with lower case (acronyms keep or translate freely) and at most one capital
        /// after the first: abbreviations written with capitals inside (`КоАП`, `ЦАХАЛа`) are
        /// acronyms too.
        var mayBeName: Bool { startsUppercase && hasLowercase && innerCapitals < 2 }
    }

    /// Latin letters only (`Malaga`, not `Москва`), which an English word can spell.
    static func isLatin(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.allSatisfy { $0.properties.isAlphabetic && ($0.isASCII || ($0.value >= 0xC0 && $0.value < 0x250)) }
    }

    /// Whether a word is joined by a hyphen to a letter before or after it.
    static func isHyphenated(_ text: UnsafeBufferPointer<UInt16>, _ word: Range<Int>) -> Bool {
        func isHyphen(_ unit: UInt16) -> Bool { unit == 0x2D || unit == 0x2010 || unit == 0x2011 }
        if word.upperBound + 1 < text.count, isHyphen(text[word.upperBound]), isLetter(text[word.upperBound + 1]) { return true }
        return word.lowerBound >= 2 && isHyphen(text[word.lowerBound - 1]) && isLetter(text[word.lowerBound - 2])
    }

    private static func isLetter(_ unit: UInt16) -> Bool { Unicode.Scalar(unit).map(Latin1ScalarProperties.isAlphabetic) ?? false }

    /// A word with a ligature of compatibility (`ﬂ`, `ﬁ`: text converted from a legacy encoding),
    /// or one that a single symbol joins to more letters (`Leuk‰mie`, where `ä` was lost): no
    /// name, but a fragment of a word whose spelling no dictionary can check.
    static func isMisencoded(_ text: UnsafeBufferPointer<UInt16>, _ word: Range<Int>) -> Bool {
        if text[word].contains(where: { $0 >= 0xFB00 && $0 <= 0xFB06 }) { return true }
        func isJoiningSymbol(_ unit: UInt16) -> Bool { unit < 256 ? latin1JoiningSymbols[Int(unit)] : Self.isJoiningSymbol(unit) }
        if word.upperBound + 1 < text.count, isJoiningSymbol(text[word.upperBound]), isLetter(text[word.upperBound + 1]) { return true }
        return word.lowerBound >= 2 && isJoiningSymbol(text[word.lowerBound - 1]) && isLetter(text[word.lowerBound - 2])
    }

    /// A symbol that, between two letters, stands for a letter a wrong encoding lost (`Leuk‰mie`).
    static func isJoiningSymbol(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit), !scalar.properties.isAlphabetic, !scalar.properties.isWhitespace else { return false }
        switch scalar.properties.generalCategory {
        case .otherPunctuation, .otherSymbol, .mathSymbol, .currencySymbol, .modifierSymbol:
            // Punctuation that ends or joins words in ordinary text.
            return !".,;:!?'’\"/&*@#%".unicodeScalars.contains(scalar)
        default: return false
        }
    }

    /// `isJoiningSymbol` of U+0000…U+00FF, from the function itself: every capitalized word asks
    /// of its neighbours, and the properties' look-ups were a tenth of reading names.
    private static let latin1JoiningSymbols: [Bool] = (0..<256).map { isJoiningSymbol(UInt16($0)) }

    /// Languages that write compounds as one word, whose last part is a word of its own.
    static let compounds: Set<String> = ["de", "nl", "sv", "da", "no", "nb", "nn", "is", "fi", "et", "hu"]

    /// A headword, an inflected headword, or (in compounding languages) a compound whose last part
    /// is one: `Kremlsprecher`, `Sicherheitsgarantien`, `Präsidialamt`.
    static func isOrdinaryWord(_ word: String, lexicon: FreeDictDictionary, inflection: InflectionRules) -> Bool {
        if isHeadword(word, lexicon: lexicon, inflection: inflection) { return true }
        guard compounds.contains(lexicon.language) else { return false }
        let scalars = Array(word.lowercased().unicodeScalars)
        guard scalars.count >= 6 else { return false }
        for split in 3...(scalars.count - 3) {
            var tail = String.UnicodeScalarView()
            tail.append(contentsOf: scalars[split...])
            guard isHeadword(String(tail), lexicon: lexicon, inflection: inflection) else { continue }
            // A long last part is evidence enough; a short one (`-amt`) needs a word before it too.
            if scalars.count - split >= 4 { return true }
            var head = String.UnicodeScalarView()
            head.append(contentsOf: scalars[..<split])
            if isHeadword(String(head), lexicon: lexicon, inflection: inflection) { return true }
        }
        return false
    }

    /// `isOrdinaryWord`'s verdicts per word for one document's reading (one dictionary, one
    /// set of inflection rules, one set of CLDR places): a capitalized German word the dictionary
    /// lacks is tried as a compound at every split, which was most of this rule's time, and
    /// documents repeat words.
    final class OrdinaryWordMemo {
        // The resources behind a verdict are fixed for a document pair, so the word is the key.
        private var verdicts: [String: Bool?] = [:]
        private var instances: [String: Bool] = [:]
        /// Kept preparations carry a memo from document to document (a stream's records): past
        /// this many words, new verdicts are computed and not kept, so memory stays bounded.
        private let capacity = WordStoreCapacity.words

        func isInstance(_ word: String, _ decide: () -> Bool) -> Bool {
            if let known = instances[word] { return known }
            let verdict = decide()
            if instances.count < capacity { instances[word] = verdict }
            return verdict
        }

        func isOrdinaryWord(_ word: String, _ decide: () -> Bool?) -> Bool? {
            if let known = verdicts[word] { return known }
            let verdict = decide()
            if verdicts.count < capacity { verdicts[word] = verdict }
            return verdict
        }

        /// The verdicts `isOrdinaryWord` gave, by the word's UTF-16 units: a word seen before is
        /// answered without decoding it into a string, hashing that (Swift normalizes a string to
        /// hash it) and freeing it, which was a third of reading a German pair's names. A verdict
        /// for a string never changes (one kept, or one computed again from the same resources), so
        /// the units of a word give the answer its string would.
        private var unitVerdicts = UTF16WordTable<Bool?>()

        /// `.none` for units not remembered.
        func verdict(ofUnits units: UnsafeBufferPointer<UInt16>) -> Bool?? {
            unitVerdicts.value(of: units)
        }

        func remember(_ verdict: Bool?, ofUnits units: UnsafeBufferPointer<UInt16>) {
            if unitVerdicts.count < capacity { unitVerdicts.insert(verdict, for: units) }
        }
    }

    /// `TargetKeys.Entry` per word of the translation for one document's reading (one
    /// transliterator). Bounded: past `capacity` words, new ones are computed and not kept.
    final class TargetKeyMemo: @unchecked Sendable {
        private var entries: [String: TargetKeys.Entry] = [:]
        private let lock = NSLock()
        private let capacity = WordStoreCapacity.words
        /// The entries `entry(_:_:)` gave, by the word's UTF-16 units (`OrdinaryWordMemo`'s unit table).
        private var byUnits = UTF16WordTable<TargetKeys.Entry>()

        func entry(ofUnits units: UnsafeBufferPointer<UInt16>) -> TargetKeys.Entry? {
            lock.withLock { byUnits.value(of: units) }
        }

        func remember(_ entry: TargetKeys.Entry, ofUnits units: UnsafeBufferPointer<UInt16>) {
            lock.withLock {
                if byUnits.count < capacity { byUnits.insert(entry, for: units) }
            }
        }

        func entry(_ word: String, _ make: () -> TargetKeys.Entry) -> TargetKeys.Entry {
            if let known = lock.withLock({ entries[word] }) { return known }
            let made = make()
            lock.withLock {
                if entries.count < capacity { entries[word] = made }
            }
            return made
        }
    }

    /// A source name's `keys` and `soundKeys` for one document's reading (one transliterator, one
    /// set of inflection rules). Bounded like `TargetKeyMemo`.
    final class NameKeyMemo: @unchecked Sendable {
        private var entries: [String: (keys: [String], sounds: [String])] = [:]
        private let lock = NSLock()
        private let capacity = WordStoreCapacity.words

        func entry(_ name: String, _ make: () -> (keys: [String], sounds: [String])) -> (keys: [String], sounds: [String]) {
            if let known = lock.withLock({ entries[name] }) { return known }
            let made = make()
            lock.withLock {
                if entries.count < capacity { entries[name] = made }
            }
            return made
        }
    }

    static func isHeadword(_ word: String, lexicon: FreeDictDictionary, inflection: InflectionRules) -> Bool {
        lexicon.contains(word) || inflection.baseForms(of: word).contains { lexicon.contains($0) }
    }

    /// Skeletons of a name and of its uninflected forms.
    static func keys(of word: String, inflection: InflectionRules, latin: Transliterator) -> [String] {
        let forms = [word] + inflection.baseForms(of: word)
        return forms.compactMap { SpellingSkeleton.skeleton(of: latin.transliterate($0)) ?? Self.shortKey($0, latin) }
    }

    /// Names shorter than a skeleton allows (`Ли`) are compared by their folded Latin spelling.
    static func shortKey(_ word: String, _ latin: Transliterator) -> String? {
        let key = latin.transliterate(word).lowercased()
        return key.count >= 2 ? key : nil
    }

    /// Within one edit (two for names of eight letters or more), or one a prefix of the other
    /// (an inflected target form: `Shoigu's`).
    static func isClose(_ name: String, _ candidate: String) -> Bool {
        // Keys are nearly always printable ASCII (skeletons, Latin-ASCII transliterations). The
        // lexical alignment compares every capitalized word with every word of the other side, so
        // this ran millions of times per file, and the string path (Foundation replacements,
        // grapheme counts) was most of the bilingual check's time. On bytes it allocates nothing.
        var name = name, candidate = candidate
        if let close = name.withUTF8({ a in candidate.withUTF8 { b in isCloseASCII(a, b) } }) { return close }
        if isCloseAsWritten(name, candidate) { return true }
        let (a, b) = (phonological(name), phonological(candidate))
        return (a != name || b != candidate) && isCloseAsWritten(a, b)
    }

    /// Sound changes between languages that spelling follows: a vowel before `s` + consonant at the
    /// start (`Istanbul` / `Стамбул`, `Espagne` / `Spain`), `n` before `b`/`p` written `m`, `c` as `k`.
    static func phonological(_ key: String) -> String {
        var key = key
        if let ascii = key.withUTF8({ bytes -> String? in
            guard isPrintableASCII(bytes) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { phonological(bytes, into: $0) }
        }) {
            return ascii
        }
        return phonologicalAsWritten(key)
    }

    /// `phonological` on characters, for keys the byte path does not take (and the reference the
    /// byte path is tested against).
    static func phonologicalAsWritten(_ key: String) -> String {
        var result = key.replacingOccurrences(of: "nb", with: "mb").replacingOccurrences(of: "np", with: "mp")
            .replacingOccurrences(of: "c", with: "k")
        let scalars = Array(result.unicodeScalars)
        if scalars.count >= 4, "aeiou".unicodeScalars.contains(scalars[0]), scalars[1] == "s",
           !"aeiou".unicodeScalars.contains(scalars[2]) {
            result = String(result.dropFirst())
        }
        return result
    }

    /// `text.count >= count`, told by the byte count where it can be: a character has one byte or
    /// more, and printable ASCII (nearly every key) one each. The keys of a translation's words
    /// were counted character by character for each name of the source.
    @inline(__always)
    static func hasCharacters(_ text: String, atLeast count: Int) -> Bool {
        let bytes = text.utf8
        if bytes.count < count { return false }
        if bytes.withContiguousStorageIfAvailable({ isPrintableASCII($0) }) == true { return true }
        return text.count >= count
    }

    /// Printable ASCII has one byte per character (no `\r\n` cluster), so byte counts, prefixes and
    /// edit distances are the same as on characters and scalars.
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75  // a e i o u
    }

    /// `phonological` of printable ASCII in one pass: the replacements never create a new match of
    /// another (`m` and `k` are in no pattern) and keep each letter a vowel or not, so they can all
    /// be read off the input. Returns the output's length (the input's, or one less).
    static func phonological(_ key: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let count = key.count
        let start = count >= 4 && isVowel(key[0]) && key[1] == 0x73 && !isVowel(key[2]) ? 1 : 0  // s
        var written = 0
        for index in start..<count {
            var byte = key[index]
            if byte == 0x6E, index + 1 < count, key[index + 1] == 0x62 || key[index + 1] == 0x70 {  // n before b, p
                byte = 0x6D  // m
            } else if byte == 0x63 {  // c
                byte = 0x6B  // k
            }
            output[written] = byte
            written += 1
        }
        return written
    }

    /// Whether some key of `others` is close to `key` either way (`isClose(other, key) ||
    /// isClose(key, other)`). `names.replaced` compares each name of the translation with every
    /// key of the source sentence: each pair of printable ASCII keys is checked once for both
    /// directions.
    static func isCloseEitherWay(_ key: String, toAnyOf others: [String]) -> Bool {
        anyOf(others, isCloseTo: key, printable: isClosePrintableEitherWay) { isClose($0, key) || isClose(key, $0) }
    }

    /// Whether some key of `candidates` is close to `name` (`isClose(name, candidate)`).
    static func isClose(_ name: String, toAnyOf candidates: [String]) -> Bool {
        anyOf(candidates, isCloseTo: name, printable: isClosePrintable) { isClose(name, $0) }
    }

    /// Whether `general(other)` holds for some key of `others`, with `key`'s bytes read and checked
    /// once for all of them: a pair of printable ASCII keys is answered by `printable(key, other)`
    /// on their bytes, any other pair by `general`.
    @inline(__always)
    private static func anyOf(_ others: [String], isCloseTo key: String,
                              printable: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool,
                              general: (String) -> Bool) -> Bool {
        var key = key
        return key.withUTF8 { keyBytes in
            let keyIsPrintable = isPrintableASCII(keyBytes)
            for other in others {
                var bytesOfOther = other
                let close = keyIsPrintable ? bytesOfOther.withUTF8 { otherBytes -> Bool? in
                    isPrintableASCII(otherBytes) ? printable(keyBytes, otherBytes) : nil
                } : nil
                if close ?? general(other) { return true }
            }
            return false
        }
    }

    /// `isClosePrintable(a, b) || isClosePrintable(b, a)`: the length test, whether a sound change
    /// applies, and the changed keys are the same both ways round, so each is made once.
    static func isClosePrintableEitherWay(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        isClosePrintableEitherWay(a, b, soundChange: nil)
    }

    /// The same, told whether a sound change applies to either key (`soundChanges(a) ||
    /// soundChanges(b)`) by a caller that knows it; `nil` to find out.
    static func isClosePrintableEitherWay(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, soundChange: Bool?) -> Bool {
        if abs(a.count - b.count) > 3 { return false }
        if isCloseAsWrittenEitherWay(a, b) { return true }
        guard soundChange ?? (soundChanges(a) || soundChanges(b)) else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(a.count, 1)) { x in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(b.count, 1)) { y in
                let xCount = phonological(a, into: x), yCount = phonological(b, into: y)
                // A sound change applies (the guard above), so a changed key differs: no need to compare.
                let x = UnsafeBufferPointer(rebasing: x[..<xCount]), y = UnsafeBufferPointer(rebasing: y[..<yCount])
                return isCloseAsWrittenEitherWay(x, y)
            }
        }
    }

    /// `isClose` on printable ASCII; `nil` when either key is something else.
    private static func isCloseASCII(_ name: UnsafeBufferPointer<UInt8>, _ candidate: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard isPrintableASCII(name), isPrintableASCII(candidate) else { return nil }
        return isClosePrintable(name, candidate)
    }

    /// `isClose` of two printable ASCII keys.
    private static func isClosePrintable(_ name: UnsafeBufferPointer<UInt8>, _ candidate: UnsafeBufferPointer<UInt8>) -> Bool {
        // `isCloseAsWritten` needs lengths at most 2 apart, and `phonological` shortens a key by
        // one byte at most: keys further apart are not close either way (most pairs of a
        // sentence's keys), answered before any sound change is made.
        if abs(name.count - candidate.count) > 3 { return false }
        if isCloseAsWritten(name, candidate) { return true }
        // Keys no sound change touches (most: no `c`, `nb`, `np` or vowel + s + consonant start)
        // were compared above already as they are.
        guard soundChanges(name) || soundChanges(candidate) else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(name.count, 1)) { a in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(candidate.count, 1)) { b in
                let aCount = phonological(name, into: a), bCount = phonological(candidate, into: b)
                // A sound change applies (the guard above), so a changed key differs: no need to compare.
                let a = UnsafeBufferPointer(rebasing: a[..<aCount]), b = UnsafeBufferPointer(rebasing: b[..<bCount])
                return isCloseAsWritten(a, b)
            }
        }
    }

    /// Whether `phonological` changes a printable ASCII key: each of its changes (dropping the
    /// first letter, `n` → `m`, `c` → `k`) leaves a different key, so this is `phonological(key) != key`.
    static func soundChanges(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = key.count
        if count >= 4 && isVowel(key[0]) && key[1] == 0x73 && !isVowel(key[2]) { return true }  // s
        for index in 0..<count {
            let byte = key[index]
            if byte == 0x63 { return true }  // c
            if byte == 0x6E, index + 1 < count, key[index + 1] == 0x62 || key[index + 1] == 0x70 { return true }  // n before b, p
        }
        return false
    }

    static func isCloseAsWritten(_ name: UnsafeBufferPointer<UInt8>, _ candidate: UnsafeBufferPointer<UInt8>) -> Bool {
        // Equal or a prefix: one `memcmp` of `name`'s length (the generic `elementsEqual` compared
        // byte by byte through its iterators).
        if candidate.count >= name.count, candidate.count - name.count <= 2, startsWith(candidate, name) { return true }
        if name.count < 8 { return isWithinOneEdit(name, candidate) }
        return editDistance(name, candidate, limit: 2) <= 2
    }

    /// `isCloseAsWritten(a, b) || isCloseAsWritten(b, a)`, with the distance found once: the
    /// edit distance and `isWithinOneEdit` are the same both ways round, and two edits allowed
    /// (a key of eight letters or more either way) take in one. Two long keys had their table
    /// computed twice.
    static func isCloseAsWrittenEitherWay(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if long.count - short.count <= 2, startsWith(long, short) { return true }
        if long.count < 8 { return isWithinOneEdit(short, long) }
        return editDistance(short, long, limit: 2) <= 2
    }

    /// Whether `bytes` starts with `prefix` (no longer than `bytes`).
    @inline(__always)
    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress, let other = prefix.baseAddress, !prefix.isEmpty else { return prefix.isEmpty }
        return memcmp(start, other, prefix.count) == 0
    }

    /// `editDistance(a, b, limit: 1) <= 1` in one pass: with equal lengths one edit is one
    /// substitution (an insertion needs a deletion to keep the length), with lengths one apart it
    /// is one letter of the longer left out; further apart, no single edit does.
    static func isWithinOneEdit(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        switch long.count - short.count {
        case 0:
            var mismatches = 0
            for index in 0..<short.count where short[index] != long[index] {
                mismatches += 1
                if mismatches > 1 { return false }
            }
            return true
        case 1:
            // The first difference is the letter left out; the rest must then agree one place on.
            var index = 0
            while index < short.count, short[index] == long[index] { index += 1 }
            while index < short.count, short[index] == long[index + 1] { index += 1 }
            return index == short.count
        default:
            return false
        }
    }

    /// `editDistance` on bytes, with its two rows on the stack, up to `limit`: any distance
    /// beyond it is `limit + 1` (callers ask `<= limit`).
    ///
    /// Only the cells at most `limit` off the diagonal are computed: a cell further off is more
    /// than `limit` edits from the start whatever the bytes, and every value is kept at
    /// `limit + 1` at most, which changes no answer `<= limit` (each step adds 0 or 1 to a
    /// minimum). A name's keys were compared with every key of the sentence on every cell of
    /// the table, most of them out of reach (names.missing, names.replaced: 850 instructions a
    /// comparison).
    static func editDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let cap = limit + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { rows in
            var previous = UnsafeMutableBufferPointer(rebasing: rows[0...b.count])
            var current = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...])
            for j in 0...b.count { previous[j] = min(j, cap) }
            for i in 1...a.count {
                // The band of row `i`, and the cells either side of it that the next row reads.
                let low = max(1, i - limit), high = min(b.count, i + limit)
                current[low - 1] = low == 1 ? min(i, cap) : cap
                var rowMinimum = current[low - 1]
                let byte = a[i - 1]
                var j = low
                while j <= high {
                    let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (byte == b[j - 1] ? 0 : 1), cap)
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                    j += 1
                }
                if high < b.count { current[high + 1] = cap }
                if rowMinimum > limit { return cap }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }

    private static func isCloseAsWritten(_ name: String, _ candidate: String) -> Bool {
        if name == candidate || (candidate.hasPrefix(name) && candidate.count - name.count <= 2) { return true }
        let limit = name.count >= 8 ? 2 : 1
        return editDistance(Array(name.unicodeScalars), Array(candidate.unicodeScalars), limit: limit) <= limit
    }

    /// Levenshtein distance, giving up once it exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
