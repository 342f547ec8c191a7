import Foundation
import LectorICU
import LectorTestSupport
import Testing
@testable import LectorKit
@testable import LectorText

/// The ASCII fast path of `WordSegmenter` must give exactly ICU's word segments (start, end,
/// kind): exhaustively on short strings over every ASCII word-break class, and on real and
/// generated text, where non-ASCII stretches go to ICU.
@Suite struct WordSegmenterTests {
    func icuWords(_ units: [UInt16], _ icu: TextSegmenter) -> [String] {
        var words: [String] = []
        units.withUnsafeBufferPointer { buffer in
            icu.forEachSegment(in: buffer) { segment in
                if segment.kind.isWordLike { words.append("\(segment.start)-\(segment.end):\(segment.kind)") }
            }
        }
        return words
    }

    /// The fast path's words (calibrated for the locale).
    func fastWords(_ units: [UInt16], _ icu: TextSegmenter) -> [String] {
        let classes = WordSegmenter.calibratedClasses(locale: icu.locale)!
        var words: [String] = []
        units.withUnsafeBufferPointer { buffer in
            classes.withUnsafeBufferPointer { classes in
                WordSegmenter.forEachWordHybrid(in: buffer, classes: classes, icu: icu) { words.append("\($0)-\($1):\($2)") }
            }
        }
        return words
    }

    /// The classes the calibration reads off ICU are UAX #29's, except where this ICU differs.
    @Test func calibratedClasses() throws {
        let classes = try #require(WordSegmenter.calibratedClasses(locale: "en"))
        let differences = (0..<128).filter { classes[$0] != WordSegmenter.defaultClasses[$0] }
            .map { "\(UnicodeScalar(UInt8($0)).escaped(asASCII: true)): \(classes[$0])" }
        #expect(differences.count <= 1, "\(differences)")  // ICU 72 reads `@` as a letter
    }

    @Test func fastPathIsOnForEnglishGermanFrenchRussian() throws {
        for locale in ["en", "de", "fr", "ru", "uk"] {
            #expect(try WordSegmenter(locale: locale).usesFastPath, "\(locale)")
        }
    }

    /// Every string of up to 5 characters over one representative of each class and the
    /// characters the rules name (`.` `'` `:` `,` `;` `_` `"` `@`, space, CR, LF, tab, `-`).
    @Test func exhaustiveShortStrings() throws {
        let icu = try TextSegmenter(.word, locale: "en")
        let alphabet = Array("aZ1_.':,;\"@ \r\n\t-#".utf16)
        var mismatches: [String] = []
        var string: [UInt16] = []
        func visit(_ length: Int) {
            if !string.isEmpty, icuWords(string, icu) != fastWords(string, icu), mismatches.count < 10 {
                mismatches.append(String(decoding: string, as: Unicode.UTF16.self).debugDescription)
            }
            guard length < 5 else { return }
            for unit in alphabet {
                string.append(unit)
                visit(length + 1)
                string.removeLast()
            }
        }
        visit(0)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// Every ASCII character in every two-character context, and between letters and digits.
    @Test func everyASCIICharacterInContext() throws {
        let icu = try TextSegmenter(.word, locale: "en")
        var mismatches: [[UInt16]] = []
        for first in UInt16(0)..<128 {
            for second in UInt16(0)..<128 {
                for probe in [[first, second], [0x61, first, second, 0x62], [0x31, first, second, 0x32]]
                where icuWords(probe, icu) != fastWords(probe, icu) {
                    mismatches.append(probe)
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Real text (the seed articles, with curly quotes, dashes, ’s and umlauts), Cyrillic and
    /// mixed text, and a large generated text: identical segments.
    @Test func realAndGeneratedText() throws {
        var texts = [
            try String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8),
            try String(contentsOfFile: Fixtures.seedSourcePath, encoding: .utf8),
            "Министр Лавров встретился с Кулебой в Анталье. Kyiv’s mayor, Kiev's residents — «НАТО».\r\nZelens'kyi, e.g. 3.5 km, 1,000.5; a:b, U.S.A., x_y, __init__, 🇺🇦 flags, née Müller, İstanbul, 東京都, ไทย\n",
        ]
        // Generated: words and separators drawn at random, with some non-ASCII among them.
        var random = SeededGenerator(seed: 1401)
        let pieces = ["the", "Kyiv", "Kyiv’s", "Kiev's", "1990", "3.5", "1,000", "U.S.", "e.g.", "a_b", "–", "—", "«", "»",
                      "“", "”", "Zelensʹkyy", "Müller", "don't", "rock'n'roll", "x:y", "NATO", "(", ")", "#", "@", "'", "\"",
                      "Львів", "é", "\u{301}", "\u{200D}", "\u{00AD}"]
        let separators = [" ", " ", " ", ", ", ". ", "\n", "\r\n", "-", "", "  ", "\t", " – "]
        for _ in 0..<20 {
            var text = ""
            for _ in 0..<2000 {
                text += pieces.randomElement(using: &random)! + separators.randomElement(using: &random)!
            }
            texts.append(text)
        }
        for language in ["en", "de", "ru"] {
            let icu = try TextSegmenter(.word, locale: language)
            for text in texts {
                let units = Array(text.utf16)
                #expect(icuWords(units, icu) == fastWords(units, icu), "\(language): \(text.prefix(80))")
            }
        }
    }
}
