import Foundation
import LectorICU
import LectorTestSupport
@testable import LectorRules
@testable import LectorGlossary
import Testing

/// `NamesMissingRule.isClose` and `phonological` work on bytes for ASCII keys; they must answer
/// exactly what the string version (Foundation replacements, character counts) answered, on the
/// keys real text gives.
@Suite struct NameKeyMatchingTests {
    /// The string version, which the byte path replaced for ASCII keys.
    static func referencePhonological(_ key: String) -> String {
        NamesMissingRule.phonologicalAsWritten(key)
    }

    static func referenceIsCloseAsWritten(_ name: String, _ candidate: String) -> Bool {
        if name == candidate || (candidate.hasPrefix(name) && candidate.count - name.count <= 2) { return true }
        let limit = name.count >= 8 ? 2 : 1
        return NamesMissingRule.editDistance(Array(name.unicodeScalars), Array(candidate.unicodeScalars), limit: limit) <= limit
    }

    static func referenceIsClose(_ name: String, _ candidate: String) -> Bool {
        if referenceIsCloseAsWritten(name, candidate) { return true }
        let (a, b) = (referencePhonological(name), referencePhonological(candidate))
        return (a != name || b != candidate) && referenceIsCloseAsWritten(a, b)
    }

    /// Keys as the rules make them from the words of the seed article (German and English) and of
    /// Cyrillic names: skeletons, short keys, and the alignment's folded Latin spellings.
    static let keys: [String] = {
        let latin = try! Transliterator(id: "Any-Latin; Latin-ASCII")
        var words: [String] = []
        for text in Fixtures.seedTexts {
            words += text.split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        words += ["Шойгу", "Песков", "Стамбул", "Зеленський", "Лавров", "Сийярто", "Ли", "Ансбах", "Эспаньол", "Кличко"]
        var keys = Set<String>()
        for word in words {
            if let key = SpellingSkeleton.skeleton(of: latin.transliterate(word)) ?? NamesMissingRule.shortKey(word, latin) {
                keys.insert(key)
            }
            keys.insert(String(String.UnicodeScalarView(word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { $0.isASCII })))
        }
        // Patterns the rewrite reads specially, and keys that are not ASCII (the string path).
        keys.formUnion(["istanbul", "stambul", "espagne", "spain", "anbp", "nbnp", "unpack", "ascent", "osca", "isc", "a",
                        "", "ésc", "ünbp", "ckc", "shoigu", "shoigus", "inbound", "imbound", "cnb", "kmb"])
        return keys.sorted()
    }()

    @Test func phonologicalKeysAreTheSame() {
        #expect(Self.keys.count > 300)
        for key in Self.keys {
            #expect(NamesMissingRule.phonological(key) == Self.referencePhonological(key), "\(key)")
        }
    }

    @Test func closenessIsTheSame() {
        // Every ordered pair of a few hundred keys: most are far apart, and the close ones are
        // the spellings of one word.
        let keys = Array(Self.keys.prefix(450))
        var close = 0
        for name in keys {
            for candidate in keys {
                let expected = Self.referenceIsClose(name, candidate)
                if expected { close += 1 }
                if NamesMissingRule.isClose(name, candidate) != expected {
                    Issue.record("isClose(\(name), \(candidate)) is not \(expected)")
                }
            }
        }
        #expect(close > keys.count)  // more than the keys themselves: some distinct keys are close
    }
}

/// `GarbledSignalExtractor.words` splits Latin text on bytes; it must give the words that splitting
/// into characters gives, on real sentences and on text the byte path hands back.
@Suite struct WordSplittingTests {
    static func reference(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }).map(String.init)
    }

    @Test func wordsAreTheSame() throws {
        var texts = Fixtures.seedLines
        #expect(texts.count > 20)
        texts += [
            "It’s the “talks” – again: isn't it? 1,5 Mio. €, 3½ km, 10:30 Uhr", "Crème brûlée\r\nNext line\ttab",
            "e\u{301}te\u{301} (combining accents)", "Ελλάδα και Κύπρος", "Київ і Львів", "東京で会議", "👩‍👩‍👧 family",
            "a\u{200D}b zero-width joiner", "ǅemal ǈubljana ʼapostrophe ʹsoft", "‼ ⁉ ‰ ′ ″ ‹x› «y»", "",
            "'quoted' ''", "İstanbul ß ẞ", "a\u{00AD}b soft hyphen", "x\u{0085}y\u{2028}z",
        ]
        for text in texts {
            #expect(GarbledSignalExtractor.words(text) == Self.reference(text), "\(text)")
            #expect(GarbledSignalExtractor.words(text.lowercased()) == Self.reference(text.lowercased()), "\(text)")
        }
    }
}

/// The byte and unit paths of the per-word keys the name and meaning rules read (ASCII sound keys,
/// ASCII skeletons, dictionary translations' content words, doubled words below U+0300) must
/// answer what the character paths they replaced answer.
@Suite struct WordKeyFastPathTests {
    static let texts: [String] = {
        var texts = Fixtures.seedLines
        return texts + [
            "Shchukin Schröder Khodorkovsky Zhukov Shoigu Chernihiv Tzatziki Tsar Philipp Thessaloniki Zuckerberg",
            "Xenia Qatar Cwm Wyoming Jaroslav Yaroslavl shchsch xx qq AEIOU aeiou Aachen",
            "to decline (sth.) [fig.] {n} fall off; to go down, jdn. etw. sb. isn't well-known 3-fold 42",
            "Crème brûlée\r\nNext line\ttab", "e\u{301}te\u{301}", "Ελλάδα Київ 東京", "İstanbul ß ẞ ǅemal", "",
            "the the The the THE the, the  the 12 12 a'a a'a 'x 'x don't don't Über über ÄRGER ärger",
        ]
    }()

    static var words: [String] {
        texts.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map(String.init) } + ["", "a", "x", "schsch"]
    }

    @Test func soundKeysAreTheSame() {
        let latin = try! Transliterator(id: "Any-Latin; Latin-ASCII")
        for word in Self.words {
            for form in [word, latin.transliterate(word), word.uppercased()] {
                #expect(NameCorrespondence.soundKey(form) == NameCorrespondence.soundKeyAsWritten(form), "\(form)")
            }
        }
    }

    @Test func asciiSkeletonsAreTheSame() {
        let latin = try! Transliterator(id: "Any-Latin; Latin-ASCII")
        for word in Self.words + ["J'accuse", "Wood`s", "Ab-cd", "Medinskiy", "Odessa"] {
            let ascii = latin.transliterate(word)
            let folded = Array(CaseMapping.fold(ascii).utf16)
            let reference = folded.withUnsafeBufferPointer {
                SpellingSkeleton.skeleton(ofFolded: $0, asciiFolder: latin).map { LectorICU.UTF16.decode($0) }
            }
            #expect(SpellingSkeleton.skeleton(of: ascii) == reference, "\(ascii)")
        }
    }

    /// The ASCII of a word's canonical decomposition, read scalar by scalar below U+0100
    /// (`LexicalAlignment.asciiOfDecomposition`), is Foundation's: on the seed's words in each
    /// case, every scalar from U+0080 to U+00FF alone and between letters, and words past U+00FF
    /// or already decomposed (which take Foundation's path).
    @Test func decomposedASCIIIsTheSame() {
        var words = Self.words.flatMap { [$0, $0.lowercased(), $0.uppercased()] }
        for value in 0x80...0xFF {
            let scalar = String(Unicode.Scalar(UInt8(value)))
            words += [scalar, "a" + scalar + "b", scalar + scalar + "x", "Z" + scalar]
        }
        words += ["müller", "Müller", "mu\u{308}ller", "straße", "œuvre", "ǆ", "čeština", "ÅngströmÆØ", "façade½×÷", "naïve"]
        for word in words {
            #expect(AlignmentWords.asciiOfDecomposition(word) == AlignmentWords.asciiOfDecompositionAsWritten(word), "\(word)")
        }
    }

    @Test func translationContentWordsAreTheSame() {
        for text in Self.texts + ["(to) abfallen", "a(b)c", "((x)) y)", "to sth sb etw jdn ab", "Rock 'n' Roll", "well-being; x-"] {
            #expect(AlignmentWords.contentWords(of: text) == AlignmentWords.contentWordsAsWritten(text), "\(text)")
        }
    }

    /// `WordsDoubledRule.doubles` as it read every text before the unit path.
    static func referenceDoubles(_ text: String) -> [String] {
        let masked = text
        var result: [String] = []
        var previous: (word: String, end: Int)?
        var offset = 0
        var wordStart: Int?
        var word = ""
        func close(at end: Int) {
            guard let start = wordStart else { return }
            let folded = word.lowercased()
            if let previous, previous.word == folded, !word.allSatisfy(\.isNumber),
               Array(masked.utf16)[previous.end..<start].allSatisfy({ $0 == 0x20 }) {
                result.append("\(folded) \(word) \(start)..<\(end)")
            }
            previous = (folded, end)
            wordStart = nil
            word = ""
        }
        for character in masked {
            let width = character.utf16.count
            if character.isLetter || character.isNumber || character == "'" && wordStart != nil {
                if wordStart == nil { wordStart = offset }
                word.append(character)
            } else {
                close(at: offset)
                if character != " " { previous = nil }
            }
            offset += width
        }
        close(at: offset)
        return result
    }

    @Test func doubledWordsAreTheSame() {
        var texts = Self.texts
        for text in Self.texts { texts.append(text.split(separator: " ").flatMap { [$0, $0] }.joined(separator: " ")) }
        for value in 0x20..<0x300 where !(0xD800..<0xE000).contains(value) {
            let character = String(UnicodeScalar(UInt32(value))!)
            texts += ["a\(character)b a\(character)b", "\(character) \(character)", "x\(character)\(character) x\(character)\(character)"]
        }
        #expect(texts.count > 2000)
        for text in texts {
            let found = WordsDoubledRule.doubles(in: text, settings: StringCheckSettings(), masked: Array(text.utf16))
                .map { "\($0.word) \($0.text) \($0.range)" }
            #expect(found == Self.referenceDoubles(text), "\(text.debugDescription)")
        }
    }
}

/// `SpellingUnknownRule.foldedWords` reads ASCII off the bytes; its words must be those the
/// character-by-character split gives, on real text and on the characters where grapheme
/// clusters join an ASCII scalar to what follows or precedes it.
@Suite struct FoldedSourceWordsTests {
    @Test func bytesGiveTheWordsCharactersGive() throws {
        var texts = Fixtures.seedTexts
        // Combining marks after ASCII letters and separators, CR LF, a prepended mark (U+0600)
        // before a space, regional indicators, emoji with joiners, curly apostrophes, hyphens alone.
        let pieces = ["Kyiv", "KIEW", "e\u{301}", " \u{301}x", "-\u{308}", "\r\n", "\n", "\u{600} ", "\u{600}a", "🇺🇦", "👩‍👩‍👧",
                      "it's", "don’t", "--", "'", "Straße", "İstanbul", "ǅ", "ΣΑΣ", "x\u{200D}y", ".", ",", " ", "1990", "a_b", "Ǆemal"]
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<2_000 {
            texts.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        // Stretches met again (`foldedWords` remembers them by their bytes) and stretches longer
        // than it remembers.
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 10...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            texts += [text + " " + text, text + "\n" + String(text.reversed())]
        }
        #expect(texts.contains { $0.utf8.count > 4 * SpellingUnknownRule.rememberedStretch })
        for text in texts {
            // The definition: the text's characters split at every one that is not a letter, an
            // apostrophe or a hyphen.
            let byCharacter = Set(text.split { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }.map { CaseMapping.fold(String($0)) })
            #expect(SpellingUnknownRule.foldedWords(of: text) == byCharacter, "\(text.debugDescription)")
            #expect(SpellingUnknownRule.foldedWordsByCharacter(of: text) == byCharacter, "\(text.debugDescription)")
        }
    }
}

/// `WordInfo.Signature`: `LexicalAlignment.areCounterparts` tests two sets only where their
/// signatures meet, so a signature that missed a shared string would lose a counterpart.
@Suite struct CounterpartSignatureTests {
    /// `areCounterparts` as it was before signatures, every set tested.
    static func reference(_ s: WordInfo, _ t: WordInfo) -> Bool {
        if s.folded == t.folded { return true }
        if !s.translations.isDisjoint(with: t.lemmas) || !t.translations.isDisjoint(with: s.lemmas) { return true }
        if !s.translationSynonyms.isDisjoint(with: t.lemmas) || !t.translationSynonyms.isDisjoint(with: s.lemmas) { return true }
        if let a = s.cognateKey, let b = t.cognateKey, a == b { return true }
        if !s.translationCognates.isDisjoint(with: t.lemmaCognates) || !t.translationCognates.isDisjoint(with: s.lemmaCognates) {
            return true
        }
        if s.isCapitalized || t.isCapitalized, let a = s.latin, let b = t.latin, a.count >= 4, b.count >= 4,
           NamesMissingRule.isClose(a, b) || NamesMissingRule.isClose(b, a) {
            return true
        }
        return false
    }

    /// Words, some spelled in two ways Swift takes for the same string (`é` composed and not).
    static let vocabulary = ["haus", "house", "home", "caf\u{E9}", "cafe\u{301}", "regierung", "government", "administr",
                             "nation", "na\u{EF}ve", "nai\u{308}ve", "weich", "soft", "tender", "gebiet", "territory",
                             "area", "land", "country", "staat", "state"] + (0..<300).map { "w\($0)" }

    @Test func sharedStringsMakeSignaturesMeet() {
        #expect(WordInfo.Signature(["caf\u{E9}"]).meets(WordInfo.Signature(["cafe\u{301}"])))
        #expect(WordInfo.Signature(["x"], ["caf\u{E9}"]).meets(WordInfo.Signature(["cafe\u{301}"])))
        #expect(!WordInfo.Signature([]).meets(WordInfo.Signature(Set(Self.vocabulary))))
        var generator = SeededGenerator(seed: 11)
        func pick(_ count: Int) -> Set<String> {
            Set((0..<Int.random(in: 0...count, using: &generator)).map { _ in Self.vocabulary.randomElement(using: &generator)! })
        }
        var met = 0, disjointMet = 0
        for _ in 0..<5_000 {
            let a = pick(40), b = pick(3), c = pick(5)
            let meets = WordInfo.Signature(a, c).meets(WordInfo.Signature(b))
            if !a.isDisjoint(with: b) || !c.isDisjoint(with: b) { #expect(meets); met += 1 } else if meets { disjointMet += 1 }
        }
        // Not a test of the rule's answers, only that the signatures rule out most disjoint pairs.
        #expect(met > 100 && disjointMet < 2_500)
    }

    @Test func counterpartsAreTheSameAsTestingEverySet() {
        var generator = SeededGenerator(seed: 12)
        func pick(_ count: Int) -> Set<String> {
            Set((0..<Int.random(in: 0...count, using: &generator)).map { _ in Self.vocabulary.randomElement(using: &generator)! })
        }
        var infos: [WordInfo] = []
        for id in 1...120 {
            let written = Self.vocabulary.randomElement(using: &generator)!
            infos.append(WordInfo(id: UInt32(id), written: written, folded: written, lemmas: pick(3), translations: pick(25),
                                  translationSynonyms: pick(10), isKnown: true, isCapitalized: Bool.random(using: &generator),
                                  latin: written, cognateKey: Bool.random(using: &generator) ? String(written.prefix(3)) : nil,
                                  lemmaCognates: pick(2), translationCognates: pick(8), antonyms: [], directAntonyms: []))
        }
        var agreed = 0, linked = 0
        for s in infos {
            for t in infos {
                let expected = Self.reference(s, t)
                #expect(LexicalAlignment.areCounterparts(s, t) == expected, "\(s.written) \(t.written)")
                agreed += 1
                if expected { linked += 1 }
            }
        }
        #expect(agreed == 14_400 && linked > 1_000 && linked < 14_000)
    }
}
