import Foundation
import LectorICU
import LectorGlossary
import LectorHunspell
import LectorLexicon

/// What tells a name from a word, and a name from its rendering in another language, beyond the
/// spelling skeleton that `NamesMissingRule.isClose` compares: shared by `names.missing` and
/// `names.replaced`.
enum NameCorrespondence {
    // MARK: - Name or word

    /// Whether a capitalized word is an ordinary word of its language, not a name: `true` or
    /// `false` when a resource knows, `nil` when none does.
    ///
    /// Hunspell's dictionaries spell proper nouns with their capital (`Madrid`, `Johnson`,
    /// `России`) and ordinary words in lower case, so a word Hunspell accepts only capitalized is
    /// a name, and one it accepts in lower case is a word. FreeDict's headword lists are read
    /// without case and list many proper nouns (`Madrid`, `Chicago`, `Oslo`), so they decide only
    /// what Hunspell does not know. German capitalizes every noun: there Hunspell's capital says
    /// nothing, and FreeDict decides alone.
    static func isOrdinaryWord(_ word: String, spelling: HunspellDictionary?, lexicon: FreeDictDictionary?,
                               inflection: InflectionRules, capitalizesNouns: Bool, calendar: Set<String>) -> Bool? {
        // English capitalizes the days and months, which name no one (CLDR's names).
        if isCalendarWord(word, calendar: calendar, inflection: inflection) { return true }
        if let spelling, !capitalizesNouns {
            if spelling.spell(word.lowercased()) { return true }
            if spelling.spell(word) {
                // A form of a day or month the dictionary knows only with its capital (`Sundays`).
                return spelling.stem(word).contains { calendar.contains($0.lowercased()) }
            }
        }
        guard let lexicon else { return nil }
        return NamesMissingRule.isOrdinaryWord(word, lexicon: lexicon, inflection: inflection)
    }

    /// A month or weekday name of CLDR's, as written or with an ending of the language's inflection
    /// list removed (`Monday's`, `Montags`). Plurals the list lacks (`Sundays`) are read by the
    /// spelling dictionary's stems, in `isOrdinaryWord`: no list of calendar words of Lector's own.
    static func isCalendarWord(_ word: String, calendar: Set<String>, inflection: InflectionRules) -> Bool {
        guard !calendar.isEmpty else { return false }
        let lower = word.lowercased()
        return calendar.contains(lower) || inflection.baseForms(of: lower).contains(where: calendar.contains)
    }

    /// What tells a name from a noun in a source language that capitalizes both (German), where a
    /// capital says nothing and the headword list alone decided: words it lacks were names
    /// (`Reposition`, `Weder` opening a sentence), names it lists were words (`München`, `Köln`).
    /// A class: each candidate name of each pair read it, and a struct was copied with a retain
    /// of each of its references.
    final class CapitalizedNouns {
        let sourceLanguage: String
        let sourceSpelling: HunspellDictionary?
        /// The translation's spelling dictionary, when that language writes its nouns in lower case.
        let targetSpelling: HunspellDictionary?
        let targetLanguage: String
        let lexicon: Lexicon?

        init?(source: String, target: String, lexicon: Lexicon?) {
            let (source, target) = (LexicalLanguages.primary(source), LexicalLanguages.primary(target))
            guard NamesMissingRule.capitalizesNouns.contains(source) else { return nil }
            (sourceLanguage, targetLanguage) = (source, target)
            sourceSpelling = lexicon?.hunspell(source)
            targetSpelling = NamesMissingRule.capitalizesNouns.contains(target) ? nil : lexicon?.hunspell(target)
            self.lexicon = lexicon
        }

        /// A word the source's dictionary knows in lower case (`Weder`, `Kein`, `Hinzu` opening a
        /// sentence: no noun, so no name), or a loan noun the translation's language writes in
        /// lower case and WordNet files as no particular one (`Reposition`, `Fetus`, `Rigor`).
        /// Inside a compound written with hyphens (`Graft-versus-Host-ähnliche`, `Wood-Lampe`),
        /// a word of the translation's language is one whatever WordNet says of it.
        func isWord(_ word: String, hyphenated: Bool = false) -> Bool {
            let lower = word.lowercased()
            if isSourceWord(word) { return true }
            guard let targetSpelling, targetSpelling.spell(lower) else { return false }
            guard targetLanguage == "en", !hyphenated else { return true }
            return lexicon?.nameSense(ofEnglish: lower) != .instance
        }

        /// Known to the source's dictionary in lower case: no noun, so no name.
        func isSourceWord(_ word: String) -> Bool { sourceSpelling?.spell(word.lowercased()) == true }

        /// A noun by the source's dictionary: it, or its stem (`Ängsten` → Angst), is known with a
        /// plural in `-e`, `-en` or `-n` (`Bildgebungen`, `Gelenkdestruktionen`, compounds
        /// included), which names lack (`Merkel`, `München`, `Goethe` are listed without one).
        /// `-er` is left out: it makes the people of a place (`Berliner`), and `-s` the genitive.
        func isNoun(_ word: String) -> Bool {
            guard let sourceSpelling, sourceSpelling.spell(word) else { return false }
            let forms = [word] + sourceSpelling.stem(word).filter { $0 != word && $0.unicodeScalars.first?.properties.isUppercase == true }
            return forms.contains { form in ["e", "en", "n"].contains { sourceSpelling.spell(form + $0) } }
        }

        /// A headword whose entries, written with the word's capital, translate only into names:
        /// `München` → Munich, `Köln` → Cologne, `Europa` → Europe; with WordNet, one of them a
        /// particular place or person (`Amerikaner` → American is a word made of a name).
        func isNameEntry(_ word: String) -> Bool {
            guard let lexicon else { return false }
            for other in ["en"] + lexicon.languagesTranslated(from: sourceLanguage) where other != sourceLanguage {
                let translations = lexicon.nameTranslations(of: word, from: sourceLanguage, to: other)
                guard !translations.isEmpty else { continue }
                // Every word of every translation capitalized, short ones after the first aside
                // (`Republic of Korea`); `Doppler sonography`, `In consideration of` are words, and
                // so is `day` (`Tag`): a short word alone is no exception.
                let isName = translations.allSatisfy { translation in
                    translation.split(separator: " ").enumerated().allSatisfy { index, word in
                        (index > 0 && word.count <= 3) || word.unicodeScalars.first?.properties.isUppercase == true
                    }
                }
                guard isName else { return false }
                guard other == "en", lexicon.hasWordNet else { return true }
                return translations.contains { translation in
                    translation.split(separator: " ").contains { lexicon.nameSense(ofEnglish: String($0)) == .instance }
                }
            }
            return false
        }
    }

    /// English words derived from names that name no one: nationalities and adjectives
    /// (`Chadian`, `Semitic`, `Portuguese`, `Spanish`), peoples and followers (`Dacians`,
    /// `Balkans`, `Corvinists`). A translation writes them where the source has a name in another
    /// form (`Tšaadi`, `Croaților`), so they are not a name put in another's place.
    ///
    /// Without a spelling dictionary, by the ending alone (which also takes `Damian` for one).
    /// With one, the ending counts only when what it derives from is a name the dictionary knows:
    /// `Dacian` from `Dacia`, `Dacians` from `Dacian`; not `Damian` (no `Damia`, `Dam`).
    static func isDerivedFromName(_ word: String, language: String, spelling: HunspellDictionary? = nil) -> Bool {
        guard LexicalLanguages.primary(language) == "en" else { return false }
        let lower = word.lowercased()
        for suffix in ["ian", "ians", "ean", "eans", "ese", "ish", "ic", "ics", "ists", "ites", "ans", "an"]
        where lower.hasSuffix(suffix) && lower.count - suffix.count >= 3 {
            guard let spelling else {
                if suffix == "ans" || suffix == "an" { return lower.count >= 6 && suffix == "ans" }
                return true
            }
            let stem = String(word.dropLast(suffix.count))
            let bases = suffix.hasSuffix("s") ? [String(word.dropLast())] : []
            for base in bases + [stem, stem + "a", stem + "ia", stem + "e", stem + "y"] where base != word {
                if spelling.spell(base), !spelling.spell(base.lowercased()) { return true }
            }
        }
        return false
    }

    /// English words that name groups, beliefs or speakers rather than a person or a place:
    /// plurals of names (`Serbs`, `Jews`, `Bolsheviks`: the singular is a name too), `-ism`,
    /// `-ity` (`Christianity`), `-esque`, `-an` adjectives, brands (`YouTube`), and `I'm`, `I'll`.
    static func namesNoOne(_ word: String, language: String, spelling: HunspellDictionary?) -> Bool {
        guard LexicalLanguages.primary(language) == "en" else { return false }
        if word.hasPrefix("I'") || word.hasPrefix("I’") { return true }
        let lower = word.lowercased()
        for suffix in ["ism", "isms", "ity", "esque"] where lower.hasSuffix(suffix) && lower.count - suffix.count >= 3 { return true }
        if lower.hasSuffix("s"), word.count >= 4, let spelling, spelling.spell(String(word.dropLast())) { return true }
        // Adjectives of places and peoples in `-an` (`Asian`, `Theban`, `Minoan`).
        if lower.hasSuffix("an"), lower.count >= 5 { return true }
        // A capital inside the word is a brand's (`YouTube`), which translations keep.
        return word.unicodeScalars.dropFirst().contains { $0.properties.isUppercase }
    }

    // MARK: - Names in other languages

    /// A target name's renderings in the other languages FreeDict links with the translation's
    /// language, by skeleton: `Danube` is `Dunaj`, `Danubio`, `Donau`; `England` is `Anglia`;
    /// `Michael` is `Michał`, `Michele`. Exonyms run in families across neighbouring languages,
    /// so a source name close to any of them (`Dunărea` ~ `Dunaj`, `Veneția` ~ `Venecia`) is the
    /// same place or person, though no dictionary links the pair itself (ro, et).
    final class Exonyms {
        private let lexicon: Lexicon
        private let language: String
        /// Languages with a dictionary from the translation's language, the source's among them:
        /// found at the first question, since most documents never ask one.
        private lazy var others: [String] = {
            // Japanese and Chinese renderings are in their own scripts and spell no source name.
            lexicon.languagesTranslated(from: language).filter { $0 != "ja" && $0 != "zh" }
        }()
        private var memo: [String: [String]] = [:]

        init?(lexicon: Lexicon?, target: String) {
            guard let lexicon else { return nil }
            (self.lexicon, self.language) = (lexicon, LexicalLanguages.primary(target))
        }

        /// Skeletons of the capitalized words of the translations of the word's own entries (a
        /// dictionary folds case: `Nice` would bring `nice`'s translations, `Johnson` a slang word's).
        func keys(of word: String, latin: Transliterator) -> [String] {
            let base = NameCorrespondence.withoutPossessive(word)
            if let known = memo[base] { return known }
            var result = Set<String>()
            for other in others {
                for translation in lexicon.nameTranslations(of: base, from: language, to: other) {
                    for part in translation.split(whereSeparator: { " -‐,;:()".contains($0) })
                    where part.count >= 3 && part.unicodeScalars.first!.properties.isUppercase {
                        if let key = SpellingSkeleton.skeleton(of: latin.transliterate(String(part))) { result.insert(key) }
                    }
                }
            }
            let keys = result.sorted()
            if memo.count < WordStoreCapacity.words { memo[base] = keys }
            return keys
        }
    }

    /// Whether some source key is one of these renderings: within an edit or two, or sharing a
    /// long start (`isLooselyClose`).
    static func matches(renderings: [String], sourceKeys: [String]) -> Bool {
        renderings.contains { rendering in
            sourceKeys.contains { key in
                NamesMissingRule.isClose(rendering, key) || NamesMissingRule.isClose(key, rendering) || isLooselyClose(rendering, key)
            }
        }
    }

    /// `Darwin's` → `Darwin`.
    static func withoutPossessive(_ word: String) -> String {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    // MARK: - Name codes

    /// Codes after Soundex's letter classes (Russell and Odell's: b f p v · c g j k q s x z · d t ·
    /// l · m n · r), over the whole name and with the first letter coded too, so that one name's
    /// spellings in languages that write its sounds differently agree: `Mihail` and `Michael`
    /// `524`, `Petru` and `Peter` `136`, `Gheorghe` and `George` `262`, `Anglia` and `England`
    /// `0524…`. Vowels separate nothing (`Pavel` and `Paul` both `14`); `0` marks a name
    /// that starts with one. Two codes per name where `h` is heard in one language and silent in
    /// another (`Mihail`, `John`), and where an initial `j`/`y`/`i` is a vowel or a consonant.
    static func nameCodes(_ latin: String) -> [String] {
        var text = latin.lowercased().unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }.map(Character.init)
        guard text.count >= 3 else { return [] }
        // Digraphs of one sound.
        var letters: [Character] = []
        var index = 0
        while index < text.count {
            let letter = text[index]
            let next: Character? = index + 1 < text.count ? text[index + 1] : nil
            if next == "h", "ptckgsz".contains(letter) {
                letters.append(["p": "f", "t": "t", "c": "k", "k": "k", "g": "k", "s": "s", "z": "s"][letter]!)
                index += 2
                continue
            }
            letters.append(letter)
            index += 1
        }
        text = letters
        func code(hHeard: Bool, initialGlideVowel: Bool) -> String? {
            var result = ""
            var last: Character = " "
            var consonants = 0
            for (offset, letter) in text.enumerated() {
                var digit: Character?
                switch letter {
                case "b", "f", "p", "v": digit = "1"
                case "c", "g", "k", "q", "s", "x", "z": digit = "2"
                case "j", "y": digit = offset == 0 && !initialGlideVowel ? "2" : nil
                case "h": digit = hHeard ? "2" : nil
                case "d", "t": digit = "3"
                case "l": digit = "4"
                case "m", "n": digit = "5"
                case "r": digit = "6"
                default: digit = nil
                }
                guard let digit else {
                    if offset == 0 { result.append("0") }
                    continue
                }
                if digit != last { result.append(digit); consonants += 1 }
                last = digit
            }
            return consonants >= 2 ? result : nil
        }
        var codes: [String] = []
        for hHeard in [true, false] {
            for glide in [false, true] {
                if let made = code(hHeard: hHeard, initialGlideVowel: glide), !codes.contains(made) { codes.append(made) }
            }
        }
        return codes
    }

    /// Name codes agree: the same, with three consonant classes or more. (One code the start of
    /// another, `Pedro` `136` and `Petrov` `1361`, is as often another name.)
    static func codesAgree(_ a: [String], _ b: [String]) -> Bool {
        a.contains { x in x.filter { $0 != "0" }.count >= 3 && b.contains(x) }
    }

    // MARK: - Sound keys

    /// A coarser key than the spelling skeleton, for names that languages write by sound: the
    /// first letter and then the consonants, after the transliteration conventions of English,
    /// German and French that ICU's Latin does not share (`kh` for х, `sh` for ш, `ts` for ц,
    /// `x` for кс, `th`, `ph`). `Loznitsa` and `Лозница` give `lznk`, `Blackwood` and `Блэквуд`
    /// `blkvd`, `Alexander` and `Александр` `alksndr`. `nil` below three consonants, which too
    /// many words share.
    static func soundKey(_ latin: String) -> String? {
        var latin = latin
        if let key = latin.withUTF8({ soundKey(ascii: $0) }) { return key }
        return soundKeyAsWritten(latin)
    }

    /// The conventions `soundKey` rewrites, in order, each over the whole text.
    private static let soundRewrites = [("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("sh", "s"), ("ch", "k"), ("tz", "k"),
                                        ("ts", "k"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("c", "k"),
                                        ("w", "v"), ("y", "i"), ("j", "i")]
    private static let soundRewriteBytes = soundRewrites.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// `soundKey` on characters, for text the byte path does not take (and the reference it is
    /// tested against).
    static func soundKeyAsWritten(_ latin: String) -> String? {
        var text = latin.lowercased()
        for (from, to) in soundRewrites where text.contains(from) {
            text = text.replacingOccurrences(of: from, with: to)
        }
        var key = ""
        var last: Character = " "
        for (offset, letter) in text.enumerated() {
            guard letter.isASCII, letter.isLetter else { continue }
            if offset > 0, "aeiou".contains(letter) { continue }
            if letter != last { key.append(letter) }
            last = letter
        }
        return key.count >= 4 ? key : nil
    }

    /// `soundKey` of printable ASCII (nearly every word, after `Any-Latin; Latin-ASCII`), on bytes:
    /// there a character is a byte, so the rewrites and the key are the same as on characters.
    /// `.none` for other text, `.some(nil)` when the word has no key. Target words are keyed in
    /// every sentence, and Foundation's replacements were most of `names.missing`'s time.
    private static func soundKey(ascii latin: UnsafeBufferPointer<UInt8>) -> String?? {
        guard !latin.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return .none }
        // Only `x` → `ks` lengthens the text, so twice its length holds every stage.
        let capacity = max(2 * latin.count, 1)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * capacity) { buffer -> String? in
            var text = UnsafeMutableBufferPointer(rebasing: buffer[..<capacity])
            var other = UnsafeMutableBufferPointer(rebasing: buffer[capacity...])
            var count = 0
            for byte in latin {
                text[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
            }
            for (from, to) in soundRewriteBytes {
                // Left to right, without overlaps, as `replacingOccurrences` replaces.
                var read = 0, written = 0, replaced = false
                while read < count {
                    if read + from.count <= count, from.indices.allSatisfy({ text[read + $0] == from[$0] }) {
                        for byte in to { other[written] = byte; written += 1 }
                        read += from.count
                        replaced = true
                    } else {
                        other[written] = text[read]
                        written += 1
                        read += 1
                    }
                }
                guard replaced else { continue }
                swap(&text, &other)
                count = written
            }
            var key = [UInt8]()
            var last: UInt8 = 0x20
            for offset in 0..<count {
                let letter = text[offset]
                guard letter >= 0x61 && letter <= 0x7A else { continue }  // lower case: A–Z were folded
                if offset > 0, letter == 0x61 || letter == 0x65 || letter == 0x69 || letter == 0x6F || letter == 0x75 { continue }
                if letter != last { key.append(letter) }
                last = letter
            }
            return key.count >= 4 ? String(decoding: key, as: Unicode.UTF8.self) : nil
        }
    }

    /// Sound keys agree: the same, or within one edit when both have six letters or more.
    static func isSoundClose(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard NamesMissingRule.hasCharacters(a, atLeast: 6), NamesMissingRule.hasCharacters(b, atLeast: 6) else { return false }
        return NamesMissingRule.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 1) <= 1
    }

    /// Skeletons of one name in two languages' spellings that differ past one edit but keep its
    /// start (`venetia`/`venice`, `kartagine`/`karthage`, `filipinelor`/`philippines` after the
    /// sound changes of `phonological`) or hold each other (`suurbritannia`/`britain`): the same
    /// first four letters, or one inside the other, both keys of five letters or more.
    static func isLooselyClose(_ a: String, _ b: String) -> Bool {
        guard NamesMissingRule.hasCharacters(a, atLeast: 5), NamesMissingRule.hasCharacters(b, atLeast: 5) else { return false }
        // Two keys of printable ASCII (nearly all) on their bytes: `names.replaced` asks it of
        // each name of a translation against the keys of every capitalized source word, and two
        // changed keys were made as strings each time.
        var printable: Bool?
        _ = a.utf8.withContiguousStorageIfAvailable { x in
            _ = b.utf8.withContiguousStorageIfAvailable { y in printable = isLooselyClosePrintable(x, y) }
        }
        if let printable { return printable }
        let (x, y) = (NamesMissingRule.phonological(a), NamesMissingRule.phonological(b))
        if x.prefix(4) == y.prefix(4) { return true }
        // `LexicalAlignment.contains`: Foundation's search, on bytes between ASCII keys (most).
        return x.count < y.count ? LexicalAlignment.contains(y, x) : LexicalAlignment.contains(x, y)
    }

    /// `isLooselyClose` of two keys of five bytes or more, on their bytes; `nil` unless both are
    /// printable ASCII, where `phonological`, prefixes and counts are the same on bytes as on
    /// characters.
    static func isLooselyClosePrintable(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard NamesMissingRule.isPrintableASCII(a), NamesMissingRule.isPrintableASCII(b) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(a.count, 1)) { xBuffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(b.count, 1)) { yBuffer in
                let x = UnsafeBufferPointer(rebasing: xBuffer[..<NamesMissingRule.phonological(a, into: xBuffer)])
                let y = UnsafeBufferPointer(rebasing: yBuffer[..<NamesMissingRule.phonological(b, into: yBuffer)])
                let (xPrefix, yPrefix) = (min(4, x.count), min(4, y.count))
                if xPrefix == yPrefix, x.prefix(xPrefix).elementsEqual(y.prefix(yPrefix)) { return true }
                let (text, part) = x.count < y.count ? (y, x) : (x, y)
                // `LexicalAlignment.contains` of two ASCII keys (the part is never empty: four bytes at least).
                guard !part.isEmpty, part.count <= text.count else { return part.isEmpty }
                for start in 0...(text.count - part.count) where text[start] == part[0] {
                    if memcmp(text.baseAddress! + start, part.baseAddress!, part.count) == 0 { return true }
                }
                return false
            }
        }
    }

    // MARK: - Stems

    /// Russian and Ukrainian adjectives made from place names (`Ярославского` from Ярославль,
    /// `Рязанской` from Рязань, `Химкинский` from Химки): the stem before `-ск-`/`-цк-` and the
    /// case ending, which a translation keeps as the place's name (`Yaroslavl`, `Ryazan`).
    static func adjectiveStem(_ word: String) -> String? {
        // Every ending holds `с`, which only `с` and `С` lower-case to (lead bytes 0xD0, 0xD1 in
        // UTF-8), and no other text is canonically equivalent to it. Most words are not Cyrillic,
        // and their twenty-one suffix tests on graphemes were a twentieth of `names.missing`.
        guard word.utf8.contains(where: { $0 == 0xD0 || $0 == 0xD1 }) else { return nil }
        return adjectiveStemAsWritten(word)
    }

    /// `adjectiveStem` without the test for Cyrillic bytes (the reference it is tested against).
    static func adjectiveStemAsWritten(_ word: String) -> String? {
        let lower = word.lowercased()
        for ending in ["ский", "ского", "скому", "ским", "ском", "ская", "ской", "скую", "ское", "ские", "ских", "скими",
                       "ськ", "ський", "ського", "ській", "ська", "ської", "ське", "ські", "ських"] where lower.hasSuffix(ending) {
            let stem = String(lower.dropLast(ending.count))
            return stem.count >= 4 ? stem : nil
        }
        return nil
    }

    // MARK: - Places

    /// The places CLDR names in both languages of a pair, by skeleton: a source name that is a
    /// place's name in the source language (`Deutschland`, `Москве` by its stem) and a target word
    /// that is its name in the target language (`Germany`, `German`) correspond.
    final class Places: @unchecked Sendable {
        /// Per place: the skeletons of its names' words in the source and in the target language.
        let entries: [(source: [String], target: [String])]
        /// Source-language place names of one word, lower-cased.
        let sourceWords: Set<String>
        /// Month and weekday names of each language, lower-cased (CLDR).
        let sourceCalendar: Set<String>
        let targetCalendar: Set<String>
        /// Target-language names of places of one word and of languages, lower-cased: a word a
        /// translation may write for a source adjective (`российский` → Russia, `grec` → Greek).
        let targetPlacesAndLanguages: Set<String>
        /// Target-language names of languages, lower-cased (`German`, `allemand`).
        let targetLanguages: Set<String>
        /// Target-language names of one word of cities and countries, not of regions such as
        /// `World` or `Europe` (CLDR's numeric ids), lower-cased.
        let targetCitiesAndCountries: Set<String>

        private static let lock = NSLock()
        nonisolated(unsafe) private static var cache: [String: Places] = [:]

        /// The places of a language pair, read once per process. Made under the lock: the threads
        /// of one file checked in chunks all ask at their first chunk, and made outside it, each
        /// made its own (10–20 ms of CPU, most of it in ICU's transliterator, whose global mutex
        /// they then fought over), where the one that waits spends no CPU.
        static func of(source: String, target: String, latin: Transliterator) throws -> Places {
            let key = source + "|" + target
            lock.lock()
            defer { lock.unlock() }
            if let cached = cache[key] { return cached }
            let made = try PlacesStore.places(source: source, target: target, latin: latin)
            cache[key] = made
            return made
        }

        /// Places as `PlacesStore` read them back from the disk cache.
        init(entries: [(source: [String], target: [String])], sourceWords: Set<String>, sourceCalendar: Set<String>,
             targetCalendar: Set<String>, targetPlacesAndLanguages: Set<String>, targetLanguages: Set<String>,
             targetCitiesAndCountries: Set<String>) {
            self.entries = entries
            self.sourceWords = sourceWords
            self.sourceCalendar = sourceCalendar
            self.targetCalendar = targetCalendar
            self.targetPlacesAndLanguages = targetPlacesAndLanguages
            self.targetLanguages = targetLanguages
            self.targetCitiesAndCountries = targetCitiesAndCountries
        }

        /// Places read from CLDR through ICU (`PlacesStore` keeps a copy on disk).
        init(source: String, target: String, latin: Transliterator) throws {
            let (sourceNames, targetNames) = (try PlaceNames(locale: source), try PlaceNames(locale: target))
            func keys(_ names: [String]) -> [String] {
                var result = Set<String>()
                for name in names {
                    // Chinese and Japanese names are two characters as often as not (`東京`, `北京`); a
                    // name too short for a skeleton (`Kyiv`) keeps its Latin spelling, as a source
                    // or a translation's name does (`NamesMissingRule.shortKey`).
                    for word in name.split(whereSeparator: { " -,.()".contains($0) })
                    where word.count >= 4 || word.count >= 2 && word.unicodeScalars.allSatisfy(Self.isHanOrKana) {
                        let text = String(word)
                        if let key = SpellingSkeleton.skeleton(of: latin.transliterate(text)) ?? NamesMissingRule.shortKey(text, latin) {
                            result.insert(key)
                        }
                    }
                }
                return result.sorted()
            }
            func calendar(_ locale: String) throws -> Set<String> {
                let symbols = try DateSymbols(locale: locale)
                return Set((symbols.months + symbols.standaloneMonths + symbols.weekdays).map { $0.lowercased() })
            }
            (sourceCalendar, targetCalendar) = (try calendar(source), try calendar(target))
            targetPlacesAndLanguages = Set(targetNames.names.values.joined().filter { !$0.contains(" ") }).union(targetNames.languages)
            targetLanguages = Set(targetNames.languages)
            targetCitiesAndCountries = Set(targetNames.names.filter { !$0.key.allSatisfy(\.isNumber) }.values.joined()
                .filter { !$0.contains(" ") })
            sourceWords = Set(sourceNames.names.values.joined().filter { !$0.contains(" ") && !$0.contains("-") && $0.count >= 4 })
            entries = sourceNames.names.compactMap { place, names in
                guard let other = targetNames.names[place] else { return nil }
                let (a, b) = (keys(names), keys(other))
                // A place spelled alike in both languages needs no entry: the skeletons find it.
                guard !a.isEmpty, !b.isEmpty, Set(a) != Set(b) else { return nil }
                return (a, b)
            }
        }

        private static func isHanOrKana(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value)
        }

        /// Whether a word is the whole name of a place in the source language (`Deutschland`,
        /// `Wien`), by its lower-cased form: a name, though a dictionary lists it.
        func isSourcePlace(_ forms: [String]) -> Bool { forms.contains { sourceWords.contains($0) } }

        /// Whether a source name (by its skeletons) is a place whose target name is among the
        /// translation's skeletons.
        func correspond(sourceKeys: [String], targetKeys: [String]) -> Bool {
            guard !sourceKeys.isEmpty, !targetKeys.isEmpty else { return false }
            // Some entry whose target names one target key and whose source one source key: the
            // entries each key names are found once per key (`entries(naming:)`), not once per call.
            let named = Set(targetKeys.flatMap { entries(naming: $0, side: .target) })
            // Most translation words name no place: then no source key needs its entries.
            guard !named.isEmpty else { return false }
            return sourceKeys.contains { key in entries(naming: key, side: .source).contains(where: named.contains) }
        }

        private enum Side { case source, target }

        /// The entries with a name close to `key` on one side, in the order `correspond` compares
        /// them (`isClose(place, key)` for the target, either way for the source). A
        /// document compares every name with all of CLDR's places, and its names repeat.
        private func entries(naming key: String, side: Side) -> [Int] {
            memoLock.lock()
            let known = side == .source ? sourceMemo[key] : targetMemo[key]
            memoLock.unlock()
            if let known { return known }
            let made = entries.indices.filter { index in
                // Either may be the longer on the source side: an inflected source word (`Kijowie`
                // for `Kijów`) or a place's longer name.
                side == .source ? entries[index].source.contains { NamesMissingRule.isClose(key, $0) || NamesMissingRule.isClose($0, key) }
                    : entries[index].target.contains { NamesMissingRule.isClose($0, key) }
            }
            memoLock.lock()
            if sourceMemo.count + targetMemo.count >= WordStoreCapacity.words {
                sourceMemo.removeAll(keepingCapacity: true)
                targetMemo.removeAll(keepingCapacity: true)
            }
            if side == .source { sourceMemo[key] = made } else { targetMemo[key] = made }
            memoLock.unlock()
            return made
        }

        private let memoLock = NSLock()
        private var sourceMemo: [String: [Int]] = [:]
        private var targetMemo: [String: [Int]] = [:]
    }
}
