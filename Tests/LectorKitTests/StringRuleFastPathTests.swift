import Foundation
import LectorTestSupport
import LectorText
@testable import LectorRules
import Testing

/// Shortcuts of the string checks read code units where the code they replaced read scalars or
/// `Character`s; each must answer as that code did.
@Suite struct StringRuleFastPathTests {
    /// The scalar walk `BracketsMismatchRule.counts` made before it read code units.
    static func referenceCounts(_ masked: [UInt16]) -> [BracketsMismatchRule.Count] {
        var counts = Array(repeating: BracketsMismatchRule.Count(), count: BracketsMismatchRule.kinds.count)
        var escaped = false
        for scalar in String(decoding: masked, as: Unicode.UTF16.self).unicodeScalars {
            defer { escaped = scalar == "\\" && !escaped }
            if escaped { continue }
            for (index, kind) in BracketsMismatchRule.kinds.enumerated() {
                if kind.open.contains(scalar) { counts[index].open += 1 }
                if kind.close.contains(scalar) { counts[index].close += 1 }
            }
        }
        return counts
    }

    @Test func bracketCountsReadAsScalarsDo() {
        var texts = ["", "(", "a (b) [c] {d}", "\\(x\\)", "\\\\(x)", "（新）【旧】［a］｛b｝", "\\😀(", "😀\\)", "{0} (%s) [%1$@]",
                     "\\\\\\[", "((( ]]] }}}", "x\\"]
        var units: [[UInt16]] = texts.map { Array($0.utf16) }
        // Lone surrogates, as masking half of a pair would leave.
        units += [[0x5C, 0xD83D, 0x28], [0xD83D, 0x5C, 0x29], [0xDE00, 0x28, 0x5C, 0xDE00, 0x5B]]
        var generator = SeededGenerator(seed: 1401)
        let alphabet: [UInt16] = [0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x5C, 0x61, 0x20, 0xFF08, 0xFF09, 0x3010, 0x3011, 0xFF5B, 0xFF5D,
                                  0xFF3B, 0xFF3D, 0xD83D, 0xDE00]
        for _ in 0..<3000 {
            units.append((0..<Int.random(in: 0...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        texts.removeAll()
        for masked in units {
            // The raw text is only asked whether it has a bracket at all; give it the masked one's.
            let text = String(decoding: masked, as: Unicode.UTF16.self)
            #expect(BracketsMismatchRule.counts(text) { masked } == Self.referenceCounts(masked), "\(masked)")
        }
    }

    /// `mayHaveBrackets` reads one bit per byte: a text has one of its bits exactly where some
    /// scalar of it starts with the first UTF-8 byte of a bracket (every scalar of the Basic
    /// Multilingual Plane, after ASCII letters that have none).
    @Test func mayHaveBracketsKnowsEveryFirstByte() {
        let firstBytes = Set(BracketsMismatchRule.bracketUnits.map { String(Unicode.Scalar($0)!).utf8.first! })
        #expect(firstBytes.count >= 6)
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = String(scalar).utf8.contains(where: firstBytes.contains)
            #expect(BracketsMismatchRule.mayHaveBrackets("ab" + String(scalar)) == expected, "U+\(String(value, radix: 16))")
        }
    }

    /// `StringText.masked` blanks each list of code ranges as it comes; it must blank what the
    /// joined and sorted `codeRanges` and the accelerators blank.
    @Test func maskedBlanksTheCodeRanges() throws {
        func reference(_ text: String, _ settings: StringCheckSettings) -> [UInt16] {
            var units = Array(text.utf16)
            for range in StringText.codeRanges(in: text, settings: settings) {
                for index in range where index < units.count { units[index] = 0x20 }
            }
            for accelerator in AcceleratorRule.accelerators(in: text, markers: settings.acceleratorMarkers) {
                units[accelerator.range.lowerBound] = 0x20
            }
            return units
        }
        let pieces = ["%s", "%1$@", "%d", "{0}", "{count}", "{n, plural, one{# x} other{# y}}", "<b>", "</b>", "<br/>", "&File", "&&",
                      "$(x)", "${y}", "{{z}}", "a", " ", "ö", "😀", "%", "{", "}", "<", ">", "'"]
        var generator = SeededGenerator(seed: 1402)
        var texts = UnitFastPathTests.texts
        for _ in 0..<3000 {
            texts.append((0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        // Real sentences (ČED and MLQE-PE dev data), and the same with a code or marker put in.
        var real: [String] = []
        for file in ["ced/en-cs", "ced/en-de", "ced/en-ja", "ced/en-zh", "mlqe-pe/et-en", "mlqe-pe/ro-en", "mlqe-pe/ru-en"] {
            let data = try String(contentsOfFile: Fixtures.path("../shared/data/\(file)/dev.tsv"), encoding: .utf8)
            for line in data.split(separator: "\n").dropFirst() {
                real += line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().prefix(2).map(String.init)
            }
        }
        #expect(real.count > 10000)
        for (index, sentence) in real.enumerated() where index % 7 == 0 {
            let piece = pieces[index % pieces.count]
            let middle = sentence.index(sentence.startIndex, offsetBy: sentence.count / 2)
            real.append(String(sentence[..<middle]) + piece + String(sentence[middle...]))
        }
        texts += real
        // Markers found by their byte and those that are not: `;` and `K` are canonically equal to
        // other characters, `＆` and `é` (two scalars) are not ASCII.
        texts += ["a;b", "a\u{037E}b", "Kx", "\u{212A}x", "＆Datei", "e\u{0301}x", "~Datei", "_Datei", "a`b", "a\u{1FEF}b"]
        for settings in [StringCheckSettings(), StringCheckSettings(placeholderSyntaxes: [], acceleratorMarkers: ["&", "_"]),
                         StringCheckSettings(acceleratorMarkers: ["~", ";", "K"]), StringCheckSettings(acceleratorMarkers: ["＆", "e\u{0301}", "`"]),
                         StringCheckSettings(acceleratorMarkers: [])] {
            for text in texts {
                #expect(StringText.masked(text, settings: settings) == reference(text, settings), "\(text.debugDescription)")
            }
        }
    }

    /// A unit's masked texts are kept per side: a translation that is its source in another
    /// normalization form gets its own units, and other settings than the kept ones are not
    /// answered from the kept texts.
    @Test func maskedTextsAreKeptPerSideAndSettings() {
        let nfc = "Café &Öffnen %s", nfd = "Cafe\u{0301} &O\u{0308}ffnen %s"
        let settings = StringCheckSettings(), other = StringCheckSettings(placeholderSyntaxes: [], acceleratorMarkers: ["_"])
        // Kept for the settings the pair was made with, whichever are asked for first.
        for work in [SharedUnitWork(settings: settings), SharedUnitWork(settings: other)] {
            #expect(work.masked(nfd, isSource: false, settings: other) == StringText.masked(nfd, settings: other))
            #expect(work.masked(nfd, isSource: false, settings: settings) == StringText.masked(nfd, settings: settings))
        }
        let work = SharedUnitWork(settings: settings)
        for _ in 0..<2 {
            #expect(work.masked(nfc, isSource: true, settings: settings) == StringText.masked(nfc, settings: settings))
            #expect(work.masked(nfd, isSource: false, settings: settings) == StringText.masked(nfd, settings: settings))
            #expect(work.masked(nfd, isSource: false, settings: other) == StringText.masked(nfd, settings: other))
            #expect(work.masked(nfc, isSource: true, settings: other) == StringText.masked(nfc, settings: other))
        }
        #expect(StringText.masked(nfd, settings: other) != StringText.masked(nfd, settings: settings))
    }

    /// `words.doubled` compares words of scalars below U+0300 by a table of lower cases; a text
    /// with a combining mark at its end is read the general way, by lower-cased strings.
    @Test func doubledWordsFoldAsStringsDo() {
        let letters = (0..<0x300).compactMap(Unicode.Scalar.init).filter { Character($0).isLetter }
        var generator = SeededGenerator(seed: 1403)
        func word() -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...3, using: &generator) { scalars.append(letters.randomElement(using: &generator)!) }
            return String(scalars)
        }
        var texts = ["İ i̇", "I i", "İ İ", "ǅ ǆ", "Ǆ ǆ", "ß SS", "Ⱥ ⱥ", "Der der", "ÿ Ÿ", "K k"]
        for _ in 0..<4000 {
            let first = word()
            texts.append(first + " " + (Bool.random(using: &generator) ? first.uppercased() : word()))
        }
        let settings = StringCheckSettings()
        for text in texts where !text.unicodeScalars.contains(where: { $0.value >= 0x300 }) {
            let fast = WordsDoubledRule.doubles(in: text, settings: settings).map { "\($0.word) \($0.range)" }
            let general = WordsDoubledRule.doubles(in: text + " \u{300}", settings: settings).map { "\($0.word) \($0.range)" }
            #expect(fast == general, "\(text.debugDescription)")
        }
    }
}

/// The meaning and garbled rules' word splitting, cut out of the text instead of built scalar by
/// scalar or split by Foundation, must read as before.
@Suite struct MeaningWordFastPathTests {
    /// `SentenceWord.words` as it was written before it cut words out of the text (without the
    /// joining of tokenized contractions, which is unchanged).
    static func referenceWords(_ text: String, language: String) -> [String] {
        var words: [(text: String, range: Range<Int>, written: String, hyphenated: Bool, capitalized: Bool)] = []
        var current = ""
        var start = 0
        var offset = 0
        let elides = language == "fr" || language == "it" || language == "ro"
        func flush() {
            if !current.isEmpty {
                words.append((current.lowercased(), start..<offset, current, false,
                              current.unicodeScalars.first.map(Latin1ScalarProperties.isUppercase) == true))
            }
            current = ""
        }
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            let next = scalars.next()
            let width = scalar.utf16.count
            let isWordScalar = Latin1ScalarProperties.isAlphabetic(scalar) || Latin1ScalarProperties.isNumeric(scalar)
                || Latin1ScalarProperties.isNonspacingMark(scalar)
            let isApostrophe = scalar == "'" || scalar == "’"
            if isWordScalar {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            } else if isApostrophe, !current.isEmpty, let next, Latin1ScalarProperties.isAlphabetic(next) {
                current.unicodeScalars.append(scalar)
                if elides {
                    offset += width
                    flush()
                    pending = next
                    continue
                }
            } else if scalar == "-", language == "ro", current == "n" {
                current.unicodeScalars.append(scalar)
                offset += width
                flush()
                pending = next
                continue
            } else {
                flush()
                if scalar == "-", let last = words.last, last.range.upperBound == offset {
                    words[words.count - 1].hyphenated = true
                }
            }
            offset += width
            pending = next
        }
        flush()
        return words.map { "\($0.text)|\($0.range)|\($0.written)|\($0.hyphenated)|\($0.capitalized)" }
    }

    static let texts: [String] = {
        var texts = [
            "", "n-a venit", "N-a venit, n-am n- -n", "l'homme d’état qu'il n'est pas", "don't won’t isn't 'quoted' x'",
            "non-infectious nicht-radikulär -a- --", "e\u{301}cole cafe\u{301}s İstanbul ß", "Київ і Львів — 24 лютого",
            "東京で会議", "👩‍👩‍👧 family 🇩🇪", "a\u{200D}b soft\u{AD}hyphen", "Grüße, straße — ‘quoted’ “text”… 12½ %",
        ]
        texts += Fixtures.seedLines
        return texts
    }()

    @Test func sentenceWordsAreTheSame() {
        for text in Self.texts {
            for language in ["en", "de", "fr", "ro", "it"] {
                let words = SentenceWord.words(in: text, language: language)
                guard !words.contains(where: { $0.text.hasSuffix("'t") || $0.text.hasSuffix("’t") || $0.text == "t" }) else { continue }
                #expect(words.map { "\($0.text)|\($0.range)|\($0.written)|\($0.isHyphenated)|\($0.isCapitalized)" }
                        == Self.referenceWords(text, language: language), "\(language) \(text.debugDescription)")
            }
        }
    }

    @Test func tokensAfterCommasAreTheSame() {
        for text in Self.texts + ["a,b", ",", ",,x, y z", "a,\r\nb, c", "x,\u{2028}y, z,", "x,\u{301} y, z", "Grüße, Straße, welche", "Київ, і, Львів"] {
            var expected: [String] = []
            for part in text.components(separatedBy: ",").dropFirst() {
                let words = GarbledSignalExtractor.words(part)
                guard let first = words.first else { continue }
                expected.append("\(first) \(words.count > 1 ? words[1] : "") \(words.count > 2 ? words[2] : "")")
            }
            #expect(GarbledSignalExtractor.tokensAfterCommas(text).map { "\($0.word) \($0.next) \($0.afterNext)" } == expected,
                    "\(text.debugDescription)")
        }
    }

    /// `UTF8Bytes.equal` against a byte-by-byte walk: small (inline) and large strings, strings
    /// made from substrings, equal lengths that differ in one byte, and NFC against NFD, which
    /// `==` calls equal and the bytes do not.
    @Test func byteEqualityIsTheBytesOfBoth() {
        let long = String(repeating: "Die Verhandlungen über den Waffenstillstand ", count: 5)
        var texts = ["", "a", "b", "ab", "ba", "é", "e\u{301}", "Café", "Cafe\u{301}", "😀", "abcdefghijklmno", "abcdefghijklmnp",
                     "abcdefghijklmnop", "abcdefghijklmnoq", long, long + "x", long + "y", String(long.dropLast()) + "!",
                     String(long.dropFirst()), String(Substring(long).prefix(40)), String(Substring(long).prefix(40))]
        texts += Self.texts.prefix(40)
        for a in texts {
            for b in texts {
                #expect(UTF8Bytes.equal(a, b) == Array(a.utf8).elementsEqual(Array(b.utf8)), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
        #expect("Café" == "Cafe\u{301}")
        #expect(!UTF8Bytes.equal("Café", "Cafe\u{301}"))
    }
}
