import Foundation
import LectorICU
@testable import LectorRules
import LectorTestSupport
import LectorText
import Testing

/// The pair rules' byte and code paths against the readings they replaced.
@Suite struct PairRuleFastPathTests {
    /// `UntranslatedRule.dominantScript` as it was: every scalar's alphabetic property looked up,
    /// and a dictionary of script names counted per letter.
    static func dominantScriptByNames(_ text: String, unlike: String? = nil) -> String? {
        var counts: [String: Int] = [:]
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            let script = Script(of: scalar)
            if !script.isCommonOrInherited { counts[script.shortName, default: 0] += 1 }
        }
        return counts.max { a, b in
            (a.value, a.key != unlike ? 1 : 0, a.key) < (b.value, b.key != unlike ? 1 : 0, b.key)
        }?.key
    }

    static let scriptTexts = [
        "", "123 -- !?", "Die Gespräche beginnen am Dienstag.", "Straße ÄÖÜ äöü ß ª º µ × ÷",
        "Peskow sagte: «Переговоры были весьма полезными».", "Fire them: звілнити!", "Ελλάδα and Athens",
        "ab αβ", "αβ ab", "a α", "α a", "שלום and سلام", "日本語のテキスト with Latin", "한국어 abc", "e\u{301}e\u{301} ab",
        "Ǆemal ǅemal ǆ", "𝐀𝐁𝐂 abc", "😀 Ab", "Ąę Łódź Čeština Ţară Şi", "ქართული Հայերեն", "[@`{ AZaz", "ﬁ ﬂ Ⅻ ⓐ",
        "Привет мир hello", "hello мир", "ab бв", "бв ab",
    ]

    /// Counting ASCII letters in place and other letters by script code names the same script,
    /// ties included, for every text and every `unlike`.
    @Test func dominantScriptIsTheCountByNames() {
        var texts = Self.scriptTexts
        // Every pair of the texts joined, so ties and mixtures of each two scripts come up.
        for a in Self.scriptTexts { for b in Self.scriptTexts { texts.append(a + " " + b) } }
        // Every letter-like scalar of the Latin, Greek, Cyrillic, Armenian and Hebrew blocks beside
        // a Latin letter and a Cyrillic one.
        for value in UInt32(0x80)..<0x600 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            texts.append("a\(scalar)")
            texts.append("\(scalar)\(scalar)б")
        }
        // Three- and four-byte UTF-8: a sample of the rest of the Basic Multilingual Plane and beyond.
        for value in stride(from: UInt32(0x600), to: 0x30000, by: 97) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            texts.append("ab\(scalar)\(scalar)")
        }
        // Runs of ASCII long enough for the eight-byte count, with every ASCII byte in every
        // lane and non-ASCII letters cutting the runs at every offset.
        var generator = SeededGenerator(seed: 0x5C21)
        let asciiBytes = (0..<128).map { UInt8($0) }
        for length in 0..<48 {
            for _ in 0..<40 {
                var bytes = (0..<length).map { _ in asciiBytes.randomElement(using: &generator)! }
                var text = String(decoding: bytes, as: UTF8.self)
                texts.append(text)
                if length > 0, Int.random(in: 0..<2, using: &generator) == 0 {
                    bytes.insert(contentsOf: Array(["é", "б", "α", "日"].randomElement(using: &generator)!.utf8),
                                 at: Int.random(in: 0...length, using: &generator))
                    text = String(decoding: bytes, as: UTF8.self)
                    texts.append(text)
                }
            }
        }
        for text in texts {
            for unlike in [nil, "Latn", "Cyrl", "Grek", "Zzzz"] as [String?] {
                #expect(UntranslatedRule.dominantScript(text, unlike: unlike) == Self.dominantScriptByNames(text, unlike: unlike),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) }) unlike \(unlike ?? "nil")")
            }
        }
    }

    /// Every key of one to five letters over an alphabet that meets every sound change (`a` and
    /// `e` vowels, `s`, `c`, `n` before `b` and `p`), in a fixed order.
    static let shortKeys: [String] = {
        var keys = [""], last = [""]
        for _ in 1...5 {
            last = last.flatMap { key in "aescnbp".map { key + String($0) } }
            keys += last
        }
        return keys
    }()

    /// `soundChanges` says whether `phonological` changes a key, for every short key.
    @Test func soundChangesIsWhetherPhonologicalChangesTheKey() {
        var changed = 0
        for key in Self.shortKeys {
            let expected = NamesMissingRule.phonologicalAsWritten(key) != key
            if expected { changed += 1 }
            let answer = Array(key.utf8).withUnsafeBufferPointer { NamesMissingRule.soundChanges($0) }
            if answer != expected { Issue.record("soundChanges(\(key)) is not \(expected)") }
        }
        #expect(changed > 1_000 && changed < Self.shortKeys.count - 1_000)
    }

    /// `hasCharacters(_:atLeast:)` is `count >= n` on keys and on strings whose characters are not
    /// their bytes: CR LF, combining marks, emoji, Cyrillic, control characters, every length.
    @Test func hasCharactersIsTheCharacterCount() {
        var texts = Self.shortKeys + ["", "a", "\r\n", "ab\r\ncd", "e\u{301}e\u{301}e\u{301}", "🇺🇦🇺🇦", "👍🏽x", "Шойгу", "Müller", "a\tb\u{7F}c",
                                      "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}", "kharkiv", "zelenskyy", "a\u{200D}b\u{200D}c", "\r\n\r\n\r\n\r\n\r\n\r\n"]
        texts += texts.map { $0 + $0 } + texts.map { String(repeating: $0, count: 3) }
        for text in texts {
            for count in 0...12 where NamesMissingRule.hasCharacters(text, atLeast: count) != (text.count >= count) {
                Issue.record("hasCharacters(\(text.debugDescription), atLeast: \(count)) is not \(text.count >= count)")
            }
        }
    }

    /// `NameCorrespondence.isLooselyClose` on bytes is what it was on strings: the same first four
    /// letters after the sound changes, or one changed key inside the other; short keys against
    /// each other, and long ones (names, compounds) with their prefixes, changes and non-ASCII kin.
    @Test func looselyCloseIsTheStringReading() {
        func reference(_ a: String, _ b: String) -> Bool {
            guard a.count >= 5, b.count >= 5 else { return false }
            let (x, y) = (NamesMissingRule.phonological(a), NamesMissingRule.phonological(b))
            if x.prefix(4) == y.prefix(4) { return true }
            return x.count < y.count ? LexicalAlignment.contains(y, x) : LexicalAlignment.contains(x, y)
        }
        var keys = Array(Self.shortKeys.filter { $0.utf8.count >= 4 }.prefix(300))
        for name in ["kuleba", "zelenskyy", "zelenskij", "istanbul", "stambul", "espagne", "spain", "kharkiv", "charkiw", "venetia",
                     "venice", "suurbritannia", "britain", "filipinelor", "philippines", "ansbach", "anspach", "kartagine", "karthage",
                     "müller", "mueller", "шойгу", "shoigu", "cancun", "kankun", "a\tbcde", "abcd\u{7F}e", "abcde\r\n", "e\u{301}sbcd"] {
            keys += [name, name + "s", String(name.dropFirst()), String(name.dropLast()), "x" + name]
        }
        var close = 0
        for a in keys {
            for b in keys where NameCorrespondence.isLooselyClose(a, b) != reference(a, b) {
                Issue.record("isLooselyClose(\(a.debugDescription), \(b.debugDescription)) is not \(reference(a, b))")
            }
            close += keys.filter { reference(a, $0) }.count
        }
        #expect(close > keys.count)
    }

    /// The byte edit distance, computed in a band about the diagonal, is the full table's
    /// (`editDistance` on scalars, which computes every cell) up to the limit, and `limit + 1`
    /// beyond it: on the words of the two seed articles (the lower-cased ASCII ones, every pair
    /// of a sample whose lengths allow it) and on short keys with their edited forms.
    @Test func bandedEditDistanceIsTheFullTable() throws {
        var words: Set<String> = []
        for name in ["Examples/seed-article.de.txt", "Examples/seed-article.en.txt"] {
            let text = try String(contentsOfFile: Fixtures.path(name), encoding: .utf8)
            for word in text.split(whereSeparator: { !$0.isLetter }) {
                let key = word.lowercased()
                if key.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { words.insert(key) }
            }
        }
        var keys = Array(words).sorted()
        for key in Self.shortKeys.enumerated().filter({ $0.offset % 197 == 0 }).map(\.element) {
            keys += [key, key + "s", String(key.dropFirst()), "x" + key, String(key.reversed())]
        }
        #expect(keys.count > 500)
        var compared = 0, within = 0
        for a in keys {
            for b in keys where abs(a.utf8.count - b.utf8.count) <= 3 {
                let (scalarsA, scalarsB) = (Array(a.unicodeScalars), Array(b.unicodeScalars))
                for limit in 1...3 {
                    let expected = min(NamesMissingRule.editDistance(scalarsA, scalarsB, limit: limit), limit + 1)
                    let answer = Array(a.utf8).withUnsafeBufferPointer { a in
                        Array(b.utf8).withUnsafeBufferPointer { b in NamesMissingRule.editDistance(a, b, limit: limit) }
                    }
                    if answer != expected {
                        Issue.record("editDistance(\(a), \(b), limit: \(limit)) is \(answer), not \(expected)")
                    }
                    compared += 1
                    if expected <= limit { within += 1 }
                }
            }
        }
        #expect(compared > 100_000)
        #expect(within > keys.count * 3)
    }

    /// `isCloseAsWrittenEitherWay` is `isCloseAsWritten` both ways round: on the seed
    /// articles' ASCII words (many of eight letters or more, which allow two edits) with edited
    /// forms of each, and on short keys.
    @Test func closenessAsWrittenEitherWayIsBothWays() throws {
        var words: Set<String> = []
        for name in ["Examples/seed-article.de.txt", "Examples/seed-article.en.txt"] {
            let text = try String(contentsOfFile: Fixtures.path(name), encoding: .utf8)
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.utf8.allSatisfy({ $0 < 0x80 }) {
                let key = word.lowercased()
                words.insert(key)
                if key.count >= 4 {
                    words.insert(String(key.dropLast(2)))
                    words.insert(key + "es")
                    words.insert(String(key.prefix(2)) + "x" + String(key.dropFirst(3)))
                    words.insert(String(key.dropFirst()) + "ab")
                }
            }
        }
        let keys = Array(words).sorted() + Self.shortKeys.filter { $0.utf8.count <= 2 }
        var close = 0, compared = 0
        for a in keys {
            for b in keys where abs(a.utf8.count - b.utf8.count) <= 3 {
                let (x, y) = (Array(a.utf8), Array(b.utf8))
                x.withUnsafeBufferPointer { x in
                    y.withUnsafeBufferPointer { y in
                        let expected = NamesMissingRule.isCloseAsWritten(x, y) || NamesMissingRule.isCloseAsWritten(y, x)
                        compared += 1
                        if expected { close += 1 }
                        if NamesMissingRule.isCloseAsWrittenEitherWay(x, y) != expected {
                            Issue.record("isCloseAsWrittenEitherWay(\(a), \(b)) is not \(expected)")
                        }
                    }
                }
            }
        }
        #expect(compared > 100_000 && close > keys.count)
    }

    /// `isWithinOneEdit` is the edit distance's `<= 1`, both ways round, for every pair of keys of
    /// up to three letters and for a sample of four- and five-letter keys against each other.
    @Test func withinOneEditIsTheEditDistance() {
        let keys = Self.shortKeys.filter { $0.utf8.count <= 3 }.map { Array($0.utf8) }
        let sampled = Self.shortKeys.enumerated().filter { $0.element.utf8.count >= 4 && $0.offset % 29 == 0 }.map { Array($0.element.utf8) }
        var within = 0
        for group in [keys, sampled] {
            for a in group {
                for b in group {
                    a.withUnsafeBufferPointer { a in
                        b.withUnsafeBufferPointer { b in
                            let expected = NamesMissingRule.editDistance(a, b, limit: 1) <= 1
                            if expected { within += 1 }
                            if NamesMissingRule.isWithinOneEdit(a, b) != expected {
                                Issue.record("isWithinOneEdit(\(String(decoding: a, as: UTF8.self)), \(String(decoding: b, as: UTF8.self))) is not \(expected)")
                            }
                        }
                    }
                }
            }
        }
        #expect(within > keys.count + sampled.count)
    }

    /// `isClose` answers as the string version (`NameKeyMatchingTests.referenceIsClose`) on short
    /// keys, on four-letter keys (a vowel and `s` first among them, which `phonological` shortens),
    /// and on keys of eight letters or more (two edits allowed) made from them.
    @Test func closenessOfShortKeysIsTheSame() {
        let fourLetters = Self.shortKeys.filter { $0.utf8.count == 4 }
        let short = Self.shortKeys.filter { $0.utf8.count <= 2 }
            + fourLetters.filter { $0.hasPrefix("as") || $0.hasPrefix("es") }
            + fourLetters.enumerated().filter { $0.offset % 11 == 0 }.map(\.element)
        let fiveLetters = Self.shortKeys.filter { $0.utf8.count == 5 }.enumerated().filter { $0.offset % 97 == 0 }.map(\.element)
        let long = fiveLetters.flatMap { ["stanbul" + $0, "es" + $0 + "tanb"] }
        var close = 0
        for keys in [short, long] {
            for name in keys {
                for candidate in keys {
                    let expected = NameKeyMatchingTests.referenceIsClose(name, candidate)
                    if expected { close += 1 }
                    if NamesMissingRule.isClose(name, candidate) != expected {
                        Issue.record("isClose(\(name), \(candidate)) is not \(expected)")
                    }
                }
            }
        }
        #expect(close > short.count + long.count)
    }

    /// Words to read adjective stems of: the seed articles' (German, English), the Russian sources
    /// of the shared MLQE-PE dev set when it is beside the repository, and Russian and Ukrainian
    /// adjectives made of place names in each case, capitalized, in capitals, with `й` decomposed
    /// (`и` + U+0306, canonically the same), and with Latin look-alikes of `с` and `к`.
    static func adjectiveWords() throws -> [String] {
        var texts = Fixtures.seedTexts
        if OptionalResource.sharedData {
            let path = Fixtures.path("../shared/data/mlqe-pe/ru-en/dev.tsv")
            texts += try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").prefix(400).map { line in
                line.split(separator: "\t").dropFirst().first.map(String.init) ?? ""
            }
        }
        var words = texts.flatMap { $0.split(whereSeparator: { !$0.isLetter && $0 != "\u{306}" }).map(String.init) }
        let endings = ["ский", "ского", "скому", "ским", "ском", "ская", "ской", "скую", "ское", "ские", "ских", "скими",
                       "ськ", "ський", "ського", "ській", "ська", "ської", "ське", "ські", "ських", "цкий", "ск", "ски"]
        for stem in ["Ярослав", "Рязан", "Химкин", "Моск", "Київ", "Лв", "Днепров", "Xарків", "Fran"] {
            for ending in endings {
                let word = stem + ending
                words += [word, word.lowercased(), word.uppercased(), word.replacingOccurrences(of: "й", with: "и\u{306}"),
                          word.replacingOccurrences(of: "с", with: "c"), word.replacingOccurrences(of: "к", with: "k"),
                          word + "s", word.decomposedStringWithCanonicalMapping, word.precomposedStringWithCanonicalMapping]
            }
        }
        return words
    }

    /// `adjectiveStem` reads only words with a byte of `с` or `С` in them, and answers as its
    /// reference (`adjectiveStemAsWritten`) on every word.
    @Test func adjectiveStemsAreTheSame() throws {
        let words = try Self.adjectiveWords()
        var stems = 0
        for word in words {
            let expected = NameCorrespondence.adjectiveStemAsWritten(word)
            if expected != nil { stems += 1 }
            if NameCorrespondence.adjectiveStem(word) != expected {
                Issue.record("adjectiveStem(\(word), \(word.unicodeScalars.map { String($0.value, radix: 16) })) is not \(expected ?? "nil")")
            }
        }
        #expect(words.count > 2_000 && stems > 100)
    }

    /// `isCloseEitherWay` is `isClose` both ways round against each key of the list, and
    /// `isClose(_:toAnyOf:)` the one way: on every pair
    /// of keys of up to three letters, on a sample of the seed articles' keys (non-ASCII ones
    /// among them, which take the string path), and on lists of several keys.
    @Test func closenessEitherWayIsBothReadings() {
        let short = Self.shortKeys.filter { $0.utf8.count <= 3 }
        let real = NameKeyMatchingTests.keys.enumerated().filter { $0.offset % 5 == 0 || !$0.element.utf8.allSatisfy { $0 < 0x80 } }.map(\.element)
            + ["ésc", "esc", "ünbp", "unbp", "сеул", "seul", "ab\u{7F}", "ab\u{1F}", "Шойгу", "shoigu",
               "istanbul", "stambul", "espagne", "spain", "inbound", "imbound", "unpack", "ascent", "akcent"]
        func reference(_ key: String, _ others: [String]) -> Bool {
            others.contains { NamesMissingRule.isClose($0, key) || NamesMissingRule.isClose(key, $0) }
        }
        var close = 0, compared = 0
        for group in [short, real] {
            for key in group {
                for other in group {
                    let expected = reference(key, [other])
                    compared += 1
                    if expected { close += 1 }
                    if NamesMissingRule.isCloseEitherWay(key, toAnyOf: [other]) != expected {
                        Issue.record("isCloseEitherWay(\(key), [\(other)]) is not \(expected)")
                    }
                    if NamesMissingRule.isClose(key, toAnyOf: [other]) != NamesMissingRule.isClose(key, other) {
                        Issue.record("isClose(\(key), toAnyOf: [\(other)]) is not isClose(\(key), \(other))")
                    }
                }
                // Lists of up to seven keys from a fixed walk through the group.
                for start in stride(from: 0, to: group.count, by: max(group.count / 40, 1)) {
                    let others = (0..<7).map { group[(start + $0 * 13) % group.count] }
                    if NamesMissingRule.isCloseEitherWay(key, toAnyOf: others) != reference(key, others) {
                        Issue.record("isCloseEitherWay(\(key), \(others)) is not \(reference(key, others))")
                    }
                    if NamesMissingRule.isClose(key, toAnyOf: others) != others.contains(where: { NamesMissingRule.isClose(key, $0) }) {
                        Issue.record("isClose(\(key), toAnyOf: \(others)) is not the list's")
                    }
                }
            }
        }
        #expect(close > short.count + real.count && close < compared / 2)
        #expect(!NamesMissingRule.isCloseEitherWay("shoigu", toAnyOf: []) && !NamesMissingRule.isClose("shoigu", toAnyOf: []))
    }
}
