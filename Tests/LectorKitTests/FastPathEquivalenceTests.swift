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
        for path in [Fixtures.seedSourcePath, Fixtures.seedArticlePath] {
            let text = try! String(contentsOfFile: path, encoding: .utf8)
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
        var texts: [String] = []
        for path in [Fixtures.seedSourcePath, Fixtures.seedArticlePath] {
            texts += try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        }
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
