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
    /// The first ten strings of 1 to 5 characters over one representative of each class and the
    /// characters the rules name (`.` `'` `:` `,` `;` `_` `"` `@`, space, CR, LF, tab, `-`, `#`)
    /// that `differ` says are split differently.
    func shortStringMismatches(_ differ: ([UInt16]) -> Bool) -> [String] {
        let alphabet = Array("aZ1_.':,;\"@ \r\n\t-#".utf16)
        var mismatches: [String] = []
        var string: [UInt16] = []
        func visit(_ length: Int) {
            if !string.isEmpty, mismatches.count < 10, differ(string) {
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
        return mismatches
    }

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

    /// Every segment ICU gives (spaces and punctuation too), as `start-end:kind`.
    func icuSegments(_ units: [UInt16], _ icu: TextSegmenter) -> [String] {
        var segments: [String] = []
        units.withUnsafeBufferPointer { buffer in
            icu.forEachSegment(in: buffer) { segments.append("\($0.start)-\($0.end):\($0.kind)") }
        }
        return segments
    }

    /// Every segment `SegmentSplitter` gives for the locale.
    func splitSegments(_ units: [UInt16], _ icu: TextSegmenter) -> [String] {
        let splitter = SegmentSplitter(locale: icu.locale)!
        var segments: [String] = []
        var split: [Segment] = []
        units.withUnsafeBufferPointer { splitter.appendSegments(of: $0, icu: icu, to: &split) }
        return split.map { "\($0.start)-\($0.end):\($0.kind)" }
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

    /// The splitter of every segment calibrates where the word fast path does, and is then
    /// used for the pair's segments.
    @Test func segmentSplitterIsOnWhereTheWordFastPathIs() throws {
        for locale in ["en", "de", "fr", "ru", "uk", "sv", "fi", "zh", "ja"] {
            #expect((SegmentSplitter(locale: locale) != nil) == (try WordSegmenter(locale: locale).usesFastPath), "\(locale)")
        }
        #expect(SegmentSplitter(locale: "de") != nil)
    }

    /// Every string of up to 5 characters over one representative of each class and the
    /// characters the rules name, split into all its segments.
    @Test(arguments: ["en", "sv"])
    func exhaustiveShortStringsAllSegments(locale: String) throws {
        let icu = try TextSegmenter(.word, locale: locale)
        let mismatches = shortStringMismatches { icuSegments($0, icu) != splitSegments($0, icu) }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// Every ASCII character in every two- and three-character context, all segments, and a
    /// non-ASCII character after it, before it and between (the ICU island's edges).
    @Test(arguments: ["en", "de"])
    func everyASCIICharacterInContextAllSegments(locale: String) throws {
        let icu = try TextSegmenter(.word, locale: locale)
        var mismatches: [[UInt16]] = []
        for first in UInt16(0)..<128 {
            for second in UInt16(0)..<128 {
                for probe in [[first, second], [first, second, second], [0x61, first, second, 0x62], [0x31, first, second, 0x32],
                              [first, 0xE4, second], [0xE4, first, second], [first, second, 0x2019], [first, 0x20, 0x2009, second]]
                where icuSegments(probe, icu) != splitSegments(probe, icu) {
                    mismatches.append(probe)
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Every string of up to 5 characters over one representative of each class and the
    /// characters the rules name (`.` `'` `:` `,` `;` `_` `"` `@`, space, CR, LF, tab, `-`).
    @Test func exhaustiveShortStrings() throws {
        let icu = try TextSegmenter(.word, locale: "en")
        let mismatches = shortStringMismatches { icuWords($0, icu) != fastWords($0, icu) }
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

    /// The seed articles, mixed and generated text (more separators than above: runs of spaces
    /// and tabs, CR LF, thin and no-break spaces, quotes), and, where the evaluation data is
    /// beside the repository, the sentences of its bilingual sets: every segment identical.
    @Test func realAndGeneratedTextAllSegments() throws {
        var texts = Fixtures.seedTexts + [
            "Министр Лавров встретился с Кулебой в Анталье. Kyiv’s mayor, Kiev's residents — «НАТО».\r\nZelens'kyi, e.g. 3.5 km, 1,000.5; a:b, U.S.A., x_y, __init__, 🇺🇦 flags, née Müller, İstanbul, 東京都, ไทย\n",
            "  leading and trailing  \t\r\n\r\n\n\r  ", "a\u{2009}\u{2009} b\u{00A0}1\u{202F}000 „Zitat“ – 5 % 12:30 Uhr",
        ]
        var random = SeededGenerator(seed: 2901)
        let pieces = ["the", "Kyiv", "Kyiv’s", "Kiev's", "1990", "3.5", "1,000", "U.S.", "e.g.", "a_b", "_", "__", "–", "—", "«", "»",
                      "“", "”", "„", "Zelensʹkyy", "Müller", "Straße", "don't", "rock'n'roll", "x:y", "NATO", "(", ")", "#", "@", "'", "\"",
                      "Львів", "é", "\u{301}", "\u{200D}", "\u{00AD}", "%", "$5", "5€", "12:30", "3.", "...", "1.000.000", "🙂", "👍🏽"]
        let separators = [" ", " ", " ", ", ", ". ", "\n", "\r\n", "\r", "-", "", "  ", "   ", "\t", "\t\t", " – ", "\u{00A0}",
                          "\u{2009}", " \u{2009}", "\u{3000}", ": ", "; ", "/", "\\"]
        for _ in 0..<20 {
            var text = ""
            for _ in 0..<2000 {
                text += pieces.randomElement(using: &random)! + separators.randomElement(using: &random)!
            }
            texts.append(text)
        }
        var data: [String: [String]] = [:]
        for (file, languages) in [("terminology/wmt23-de-en/test.tsv", ["de", "en"]), ("mlqe-pe/ru-en/dev.tsv", ["ru", "en"]),
                                  ("mlqe-pe/ro-en/dev.tsv", ["ro", "en"]), ("terminology/wmt21-en-fr-dev/dev.tsv", ["en", "fr"])] {
            guard let text = try? String(contentsOfFile: Fixtures.path("../shared/data/" + file), encoding: .utf8) else { continue }
            for language in languages { data[language, default: []].append(text) }
        }
        for language in ["en", "de", "ru", "fr", "ro", "sv", "zh"] where SegmentSplitter(locale: language) != nil {
            let icu = try TextSegmenter(.word, locale: language)
            for text in texts + (data[language] ?? []) {
                // Line by line as well as whole: a pair's side is a sentence.
                for piece in [text] + text.split(separator: "\n").prefix(3000).map(String.init) {
                    let units = Array(piece.utf16)
                    #expect(icuSegments(units, icu) == splitSegments(units, icu), "\(language): \(piece.prefix(80))")
                }
            }
        }
    }
}
