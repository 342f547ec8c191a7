import LectorICU
@testable import LectorRules
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
}
