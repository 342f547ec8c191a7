import Foundation
import LectorICU
import LectorTestSupport
@testable import LectorRules
@testable import LectorText
import Testing

/// The per-unit shortcuts of the bilingual pass (pre-checks before a scan, a `String` made only
/// when it can matter) answer exactly what the code they guard answered.
@Suite struct UnitFastPathTests {
    /// Lines of the seed article (German and English) and strings made to hit each shortcut's edge.
    static let texts: [String] = {
        var texts = [
            "", " ", "a", "am 15 . April", "F - 35 .", "word ,", "Hi !", "x ?\n", "a  b", "  ", " .", ". ",
            "&File", "&&", "&amp; more", "Save &as…", "_Open", "~x", "K\u{212A}", "a\u{37E} b", "&\u{301}x",
            "%s öffnen", "{count} Dateien", "$(file)", "@name", "<b>fett</b>", "a < b", "'n Koei", "('n Koei)",
            "😀 Smile", "360 degrees", "ÉCOLE", "İstanbul",
            "XVIII", "XIV.", "IIII", "VX", "XXXIX", "MIX", "Ⅻ", "fünfundzwanzig", "Fünfhundert", "dreitausend",
            "zwanzigste", "Fu\u{308}nfzig", "ẞTRASSE",
        ]
        texts += Fixtures.seedLines
        return texts
    }()

    static let tokenizedMarks = try! NSRegularExpression(pattern: #"\S [.,;:!?](?: |$)"#)

    @Test func tokenizationPrecheck() {
        for text in Self.texts + Self.texts.map({ $0.replacingOccurrences(of: ".", with: " .") }) {
            let expression = Self.tokenizedMarks.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            #expect(Detokenizer.looksTokenized(text) == expression, "\(text.debugDescription)")
            if expression { #expect(Detokenizer.hasSpaceBeforeMark(text)) }
        }
    }

    /// `Detokenizer.hasSpaceBeforeMark` tests eight places at a time: it answers as the walk over
    /// the byte pairs for the texts above, a space and each mark (and bytes one off them) at every
    /// place of texts of 2 to 30 bytes, and random texts of spaces, marks, letters and non-ASCII.
    @Test func spaceBeforeMarkIsTheBytePairWalk() {
        func reference(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.indices.dropFirst().contains { bytes[$0 - 1] == 0x20 && Array(".,;:!?".utf8).contains(bytes[$0]) }
        }
        var texts = Self.texts + Self.texts.map { $0.replacingOccurrences(of: ".", with: " .") }
        for length in 2...30 {
            for place in 0..<(length - 1) {
                for (first, second) in [(0x20, 0x2E), (0x20, 0x3F), (0x20, 0x21), (0x21, 0x2E), (0x20, 0x2F), (0x1F, 0x2C), (0xA0, 0x3A),
                                        (0x20, 0x3B), (0x20, 0x3A), (0x20, 0x2C), (0x20, 0x22), (0x20, 0x3E)] as [(UInt8, UInt8)] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[place] = first
                    bytes[place + 1] = second
                    texts.append(String(decoding: bytes, as: Unicode.UTF8.self))
                }
            }
        }
        var generator = SeededGenerator(seed: 0x5262)
        let alphabet = Array("  ab.,;:!?é€\u{A0}")
        for _ in 0..<20_000 {
            texts.append(generator.text(from: alphabet, maxLength: 24))
        }
        var found = 0
        for text in texts {
            let expected = reference(text)
            #expect(Detokenizer.hasSpaceBeforeMark(text) == expected, "\(text.debugDescription)")
            if expected { found += 1 }
        }
        #expect(found > 1_000 && found < texts.count - 1_000)
    }

    @Test func asciiFoldingIsICUs() {
        for value in 0..<0x80 {
            let units: [UInt16] = [UInt16(value), 0x61, UInt16(value)]
            #expect(TokenizedText.foldedASCII(units[...]) == CaseMapping.fold(String(decoding: units, as: Unicode.UTF16.self)))
        }
        for text in Self.texts {
            let units = Array(text.utf16)[...]
            if let folded = TokenizedText.foldedASCII(units) {
                #expect(folded == CaseMapping.fold(text), "\(text.debugDescription)")
            } else {
                #expect(units.contains { $0 >= 0x80 })
            }
        }
    }

    /// Every string of up to four of the letters a numeral may hold, and the test texts' words.
    @Test func romanNumeralPrecheck() {
        var words = Self.texts.flatMap { $0.split(whereSeparator: { !$0.isLetter }).map(String.init) }
        let letters = ["I", "V", "X", "L", "C", "i", "Ⅰ"]
        var level = [""]
        for _ in 1...4 {
            level = level.flatMap { prefix in letters.map { prefix + $0 } }
            words += level
        }
        for word in words where RomanNumeral.value(of: word) != nil {
            #expect(RomanNumeral.mayBeNumeral(Array(word.utf16)[...]), "\(word)")
        }
    }

    /// `NumberWords.parts` as it was, without the check of the first two characters.
    static func referenceParts(_ words: NumberWords, _ folded: String) -> [NumberWords.Entry]? {
        guard folded.count <= (words.compounds ? 40 : words.longest) else { return nil }
        if let entry = words.entries[folded] { return [entry] }
        guard words.compounds, folded.count >= 6 else { return nil }
        var parts: [NumberWords.Entry] = []
        var rest = Substring(folded)
        while !rest.isEmpty {
            var matched = false
            for length in stride(from: min(words.longest, rest.count), through: 2, by: -1) {
                if let entry = words.entries[String(rest.prefix(length))], entry.kind != .ordinal {
                    parts.append(entry)
                    rest = rest.dropFirst(length)
                    matched = true
                    break
                }
            }
            if !matched { return nil }
        }
        return parts.count >= 2 ? parts : nil
    }

    @Test func compoundPrecheck() throws {
        for language in ["de", "nl"] {
            let words = try #require(NumberWords.forLanguage(language))
            var candidates = Self.texts.flatMap { $0.split(whereSeparator: { !$0.isLetter }).map { CaseMapping.fold(String($0)) } }
            // Every pair and triple of forms, so that each form starts a compound once.
            let forms = words.entries.keys.sorted()
            for first in forms {
                candidates.append(first + "und" + (forms.first ?? ""))
                for second in forms.prefix(40) { candidates.append(first + second) }
            }
            for word in candidates {
                let fast = words.parts(of: word).map { $0.map { "\($0.kind)\($0.value)" } }
                let reference = Self.referenceParts(words, word).map { $0.map { "\($0.kind)\($0.value)" } }
                #expect(fast == reference, "\(language) \(word)")
            }
        }
    }

    @Test func acceleratorPrecheck() {
        // Markers at either end and between multi-byte characters, for the byte search.
        var generator = SeededGenerator(seed: 1401)
        let pieces = ["&", "_", "~", "a", "Ä", "ß", " ", "K", ";", "\u{212A}", "\u{37E}", "文", "😀", "&&", "&amp;"]
        let generated = (0..<2000).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        for markers: [Character] in [["&"], ["&", "_", "~"], ["_", "~"], ["K"], [";"], ["\u{212A}"], ["&\u{301}"], []] {
            for text in Self.texts + generated {
                let found = AcceleratorRule.accelerators(in: text, markers: markers)
                if !AcceleratorRule.mayHaveMarker(text, markers: markers) {
                    #expect(found.isEmpty, "\(markers) \(text.debugDescription)")
                }
                let anyMarker = text.unicodeScalars.contains { markers.contains(Character($0)) }
                #expect(AcceleratorRule.mayHaveMarker(text, markers: markers) == (anyMarker || markers.contains { $0.unicodeScalars.count != 1 || !$0.unicodeScalars.first!.isASCII }),
                        "\(markers) \(text.debugDescription)")
            }
        }
    }

    @Test func doubleSpacePrecheck() {
        for text in Self.texts + ["a \u{301} b", "a  \u{301}b", "x\u{A0} y", "\t  \t"] {
            #expect((WhitespaceDoubleRule.hasTwoSpaces(text) && text.contains("  ")) == text.contains("  "), "\(text.debugDescription)")
        }
    }

    @Test func scannerPrechecks() {
        let scanner = PlaceholderScanner(syntaxes: Set(PlaceholderSyntax.allCases))
        for text in Self.texts {
            if !text.contains(where: { "%{$&@".contains($0) }) { #expect(scanner.placeholders(in: text).isEmpty) }
            if !text.contains("<") { #expect(MarkupTagScanner.tags(in: text).isEmpty) }
        }
        #expect(!scanner.placeholders(in: "%s öffnen").isEmpty)
        #expect(!MarkupTagScanner.tags(in: "<b>fett</b>").isEmpty)
    }

    /// `CapitalizationStartRule.firstLetter` as it was: the masked units decoded to a `String`
    /// and walked as an array of scalars.
    static func referenceFirstLetter(_ text: String, settings: StringCheckSettings, masked units: [UInt16])
        -> (scalar: Unicode.Scalar, range: Range<Int>, word: [Unicode.Scalar])? {
        let masked = String(decoding: units, as: Unicode.UTF16.self)
        var offset = 0
        var scalars = Array(masked.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar.properties.numericType != nil { return nil }
            if scalar == "'", scalars.dropFirst().starts(with: ["n", " "]) {
                offset += 3
                scalars = scalars.dropFirst(3)
                continue
            }
            if scalar.properties.isAlphabetic {
                if offset > 0, StringText.codeRanges(in: text, settings: settings).contains(where: { $0.upperBound <= offset && !$0.isEmpty }) { return nil }
                let word = Array(scalars.prefix { $0.properties.isAlphabetic })
                return (scalar, offset..<(offset + scalar.utf16.count), word)
            }
            offset += scalar.utf16.count
            scalars = scalars.dropFirst()
        }
        return nil
    }

    @Test func firstLetterDecodesAsAString() {
        let settings = StringCheckSettings()
        var cases: [(String, [UInt16])] = Self.texts.map { ($0, StringText.masked($0, settings: settings)) }
        // Masked units with unpaired surrogates at the start, before and inside the first word.
        for units: [UInt16] in [[0xD800, 0x41, 0x62], [0x20, 0xDC00, 0x62], [0x41, 0xD800], [0xD83D, 0xDE00, 0x61],
                                [0x27, 0x6E, 0x20, 0x4B], [0x27, 0x6E], [0x33, 0x61], [0xD835, 0xDC00, 0x62]] {
            cases.append((String(decoding: units, as: Unicode.UTF16.self), units))
        }
        // Properties come from a table below U+0100 and from the Unicode data above it: words of
        // scalars from both sides of that line, with Latin-1 numbers (`²`, `½`) and letters that
        // are no ASCII (`ª`, `µ`, `ß`, `ÿ`) and signs that are none (`×`, `÷`, `¿`).
        let alphabet: [Unicode.Scalar] = ["a", "Z", " ", "'", "n", "3", "(", "²", "½", "ª", "µ", "º", "ß", "ÿ", "×", "÷", "¿", "À",
                                          "\u{A0}", "\u{AD}", "Ā", "ǅ", "ſ", "Ω", "ω", "Ⅻ", "\u{301}", "٣", "𝐀"]
        var generator = SeededGenerator(seed: 1402)
        for _ in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...5, using: &generator) { scalars.append(alphabet.randomElement(using: &generator)!) }
            let text = String(scalars)
            cases.append((text, StringText.masked(text, settings: settings)))
        }
        for (text, units) in cases {
            let fast = CapitalizationStartRule.firstLetter(text, settings: settings, masked: units)
            let reference = Self.referenceFirstLetter(text, settings: settings, masked: units)
            #expect(fast?.scalar == reference?.scalar && fast?.range == reference?.range && fast?.word == reference?.word,
                    "\(text.debugDescription)")
        }
    }
}
