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
        ]
    )

    public init() {}

    /// `names.missing`'s reading of the source, and the translation's words and dictionary.
    public struct Reading {
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
        /// WordNet's filing of English names (a particular one, or a people's, a feast's).
        let lexicon: Lexicon?
        /// The translation's names in other languages (FreeDict).
        let exonyms: NameCorrespondence.Exonyms?
        /// Each source word's keys, read once per document: the same words come back unit after
        /// unit, and their sound keys go through ICU's transliterator.
        let sourceWords = SourceWordMemo()
        var targetCapitalizesNouns: Bool { NamesMissingRule.capitalizesNouns.contains(targetLanguage) }
    }

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
                           lexicon: context.lexicon,
                           exonyms: NameCorrespondence.Exonyms(lexicon: context.lexicon, target: context.index.targetLanguage))
    }

    public func findings(in pair: SentencePairContext, using prepared: Reading?) -> [RuleFinding] {
        guard let prepared else { return [] }
        let missingName = NamesMissingRule.missingNames(in: pair, using: prepared.names).first
        // Without a source name left unmatched, only a word the translation's spelling dictionary
        // knows as a name (capital only: `Johnson`, `Madrid`) can be one put in a word's place.
        if missingName == nil, prepared.targetSpelling == nil || prepared.targetCapitalizesNouns { return [] }
        let latin = prepared.names.latin
        let utf16 = LectorICU.UTF16.encode(pair.targetText)
        var words: [(text: String, range: Range<Int>)] = []
        utf16.withUnsafeBufferPointer { buffer in
            prepared.targetSegmenter.forEachSegment(in: buffer) { segment in
                guard segment.kind == .letter else { return }
                words.append((LectorICU.UTF16.decode(UnsafeBufferPointer(rebasing: buffer[segment.start..<segment.end])),
                              segment.start..<segment.end))
            }
        }
        var source: SourceKeys?
        var isFirstWord = true
        for segment in words {
            defer { isFirstWord = false }
            let word = segment.text
            let scalars = Array(word.unicodeScalars)
            guard !isFirstWord, scalars.count >= 3, scalars[0].properties.isUppercase,
                  scalars.contains(where: { $0.properties.isLowercase }),
                  !Self.followsSentenceEnd(utf16, at: segment.range.lowerBound) else { continue }
            if NameCorrespondence.isOrdinaryWord(word, spelling: prepared.targetSpelling, lexicon: prepared.targetLexicon,
                                                 inflection: prepared.targetInflection,
                                                 capitalizesNouns: prepared.targetCapitalizesNouns,
                                                 calendar: prepared.names.places.targetCalendar) == true {
                continue
            }
            // WordNet files names of particular people and places as instances; a nationality, a
            // people or a feast (`Japanese`, `Finns`, `Pentecost`) is a word made of a name.
            let sense = prepared.targetLanguage == "en" ? prepared.lexicon?.nameSense(ofEnglish: NameCorrespondence.withoutPossessive(word)) : nil
            if let sense, sense != .instance { continue }
            if sense == nil,
               NameCorrespondence.isDerivedFromName(word, language: prepared.targetLanguage, spelling: prepared.targetSpelling) { continue }
            // `I'm`, `I'll`: the pronoun's contractions.
            if word.hasPrefix("I'") || word.hasPrefix("I’") { continue }
            // Without a missing source name: a name the dictionary knows, of a person or a place, not a
            // people or a language. A place the source names by an adjective (`российский` → Russia,
            // `deutschen` → Germany) is found below, by its stem or its CLDR name.
            if missingName == nil {
                guard prepared.targetSpelling?.spell(word) == true,
                      sense != nil || !NameCorrespondence.namesNoOne(word, language: prepared.targetLanguage, spelling: prepared.targetSpelling),
                      !prepared.names.places.targetLanguages.contains(word.lowercased()) else { continue }
            }
            let keys = NamesMissingRule.keys(of: word, inflection: prepared.targetInflection, latin: latin)
            guard !keys.isEmpty else { continue }
            if source == nil { source = SourceKeys(pair.sourceText, prepared: prepared) }
            guard let source, !source.accountsFor(word, keys: keys, latin: latin, places: prepared.names.places) else { continue }
            if let exonyms = prepared.exonyms,
               NameCorrespondence.matches(renderings: exonyms.keys(of: word, latin: latin), sourceKeys: source.all) { continue }
            // A place without a missing source name as witness: the source may name it by a word
            // made of it that keeps only its start (`кубинцам` → Cuba).
            if missingName == nil, prepared.names.places.targetPlacesAndLanguages.contains(word.lowercased()),
               keys.contains(where: { key in source.all.contains { Self.sharesStart(key, $0) } }) { continue }
            let message = missingName.map { "`\(word)` where the source says `\($0)`" } ?? "`\(word)` is a name the source does not have"
            return [RuleFinding(range: pair.targetRange(ofTextRange: segment.range), message: message)]
        }
        return []
    }

    /// The source sentence's words as a translation's name is compared with them: skeletons of all
    /// words (and of Russian place adjectives' stems), skeletons of capitalized words, sound keys.
    struct SourceKeys {
        var all: [String] = []
        var capitalized: [String] = []
        var sounds: [String] = []
        /// Name codes of capitalized words.
        var capitalizedCodes: [String] = []

        init(_ text: String, prepared: Reading) {
            let latin = prepared.names.latin
            // Chinese and Japanese names are ideographic or kana segments (`東京`, `北京`), not letter ones.
            for segment in prepared.sourceSegmenter.segments(of: text)
            where segment.kind == .letter || segment.kind == .ideographic || segment.kind == .kana {
                let word = segment.text
                let entry = prepared.sourceWords.entry(word) {
                    SourceWordMemo.Entry(
                        keys: NamesMissingRule.keys(of: word, inflection: prepared.sourceInflection, latin: latin),
                        adjectiveKeys: NameCorrespondence.adjectiveStem(word).map { NamesMissingRule.keys(of: $0, inflection: .none, latin: latin) } ?? [],
                        codes: NameCorrespondence.nameCodes(latin.transliterate(word)),
                        sounds: NamesMissingRule.soundKeys(of: word, inflection: prepared.sourceInflection, latin: latin))
                }
                all += entry.keys
                all += entry.adjectiveKeys
                if word.unicodeScalars.first?.properties.isUppercase == true {
                    capitalized += entry.keys
                    capitalizedCodes += entry.codes
                }
                sounds += entry.sounds
            }
        }

        /// Whether some source word is this name: spelled alike, written by its sound (`Blackwood`
        /// for `Блэквуд`), a name starting alike (`Venice` for `Veneția`), or a place the source
        /// names in its own language (`Germany` for `Deutschland`).
        func accountsFor(_ word: String, keys: [String], latin: Transliterator, places: NameCorrespondence.Places) -> Bool {
            if keys.contains(where: { key in all.contains { NamesMissingRule.isClose($0, key) || NamesMissingRule.isClose(key, $0) } }) {
                return true
            }
            if let sound = NameCorrespondence.soundKey(latin.transliterate(word)),
               sounds.contains(where: { NameCorrespondence.isSoundClose(sound, $0) }) {
                return true
            }
            if keys.contains(where: { key in capitalized.contains { NameCorrespondence.isLooselyClose(key, $0) } }) { return true }
            // One name in two languages' spellings of its sounds (`Mihail`/`Michael`, `Anglia`/`England`).
            let codes = NameCorrespondence.nameCodes(latin.transliterate(NameCorrespondence.withoutPossessive(word)))
            if NameCorrespondence.codesAgree(codes, capitalizedCodes) { return true }
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
    struct Entry {
        let keys: [String]
        let adjectiveKeys: [String]
        let codes: [String]
        let sounds: [String]
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()
    private let capacity = 200_000

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
