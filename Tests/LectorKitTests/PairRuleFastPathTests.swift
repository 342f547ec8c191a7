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
        for text in texts {
            for unlike in [nil, "Latn", "Cyrl", "Grek", "Zzzz"] as [String?] {
                #expect(UntranslatedRule.dominantScript(text, unlike: unlike) == Self.dominantScriptByNames(text, unlike: unlike),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) }) unlike \(unlike ?? "nil")")
            }
        }
    }
}
