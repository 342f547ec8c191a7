import Foundation
import LectorICU
import LectorTestSupport
@testable import LectorRules
@testable import LectorText
import Testing

/// The number and date readers skip work on words and sentences that cannot hold what they look
/// for (`NumberWords.mayBeCompound`, `DateExtractor.dates` without month names, `CodeUnit.isDecimalDigit`
/// below U+0660); they must read what they read without the shortcuts.
@Suite struct NumberReaderFastPathTests {
    /// Every word of the German and English seed articles, the number-word forms themselves in
    /// several spellings, and words that start like them.
    static func words(language: String) -> [String] {
        var words: [String] = []
        for path in [Fixtures.seedSourcePath, Fixtures.seedArticlePath] {
            let text = try! String(contentsOfFile: path, encoding: .utf8)
            words += text.split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        let forms = NumberWords.forLanguage(language).map { Array($0.entries.keys) } ?? []
        for form in forms {
            words += [form, form.uppercased(), form.capitalized, form.decomposedStringWithCanonicalMapping,
                      form + "und" + form, form + "hundert", "Ver" + form]
            // Words that share the form's first two or three characters and then part from it,
            // its prefixes, and its first letters with each letter after them (`zwx`, `Zwa`, `zw`).
            let characters = Array(form)
            for length in 1...characters.count { words.append(String(characters.prefix(length))) }
            for letter in "abcdefghijklmnopqrstuvwxyzäöüß" {
                for length in [1, 2, 3] where length <= characters.count {
                    let start = String(characters.prefix(length))
                    words += [start + String(letter), start.capitalized + String(letter) + "ung",
                              start + String(letter) + form, start.uppercased() + String(letter).uppercased()]
                }
            }
        }
        return words
    }

    @Test(arguments: ["de", "nl"])
    func compoundFilterRulesOutOnlyWordsWithoutParts(language: String) throws {
        let numberWords = try #require(NumberWords.forLanguage(language))
        #expect(numberWords.compounds)
        var ruledOut = 0
        for word in Self.words(language: language) {
            let units = ArraySlice(Array(word.utf16))
            let folded = TokenizedText.foldedASCII(units) ?? CaseMapping.fold(word)
            if !numberWords.mayBeCompound(foldingASCII: units) {
                ruledOut += 1
                #expect(numberWords.parts(of: folded) == nil, "\(word)")
            }
        }
        // The filter is worth having: most words of running text start no number word.
        #expect(ruledOut > 500)
    }

    /// The three-letter filter on running text: it rules out words that two letters let through
    /// (`sich`, `mit`, `unter`), and no number word.
    @Test func compoundFilterRulesOutWordsStartingLikeForms() throws {
        let german = try #require(NumberWords.forLanguage("de"))
        let ruledOut = ["sich", "Sicherheit", "mit", "Minister", "unter", "erklärte", "Eisen", "Sektor", "an", "er"]
            .filter { !german.mayBeCompound(foldingASCII: ArraySlice(Array($0.utf16))) }
        #expect(ruledOut.count == 10)
        for word in ["sieben", "Siebzehn", "millionen", "Mio", "und", "Dreiundzwanzig", "einhundert", "elf", "Zwölf"] {
            #expect(german.parts(of: CaseMapping.fold(word)) != nil, "\(word)")
            #expect(german.mayBeCompound(foldingASCII: ArraySlice(Array(word.utf16))), "\(word)")
        }
    }

    /// `KeyShapes` of a language's number words rules out a word only when `NumberWords.parts`
    /// reads nothing off it (in languages without compounds, where the number reader asks it).
    @Test(arguments: ["en", "fr", "es", "it", "ru", "uk", "cs", "pl", "pt", "ja", "zh"])
    func numberWordShapesRuleOutOnlyWordsWithoutParts(language: String) throws {
        let numberWords = try #require(NumberWords.forLanguage(language))
        #expect(!numberWords.compounds)
        var ruledOut = 0
        var words = Self.words(language: language)
        for form in numberWords.entries.keys {
            let characters = Array(form)
            for letter in "aeixzäéжß" where characters.count >= 2 {
                words += [String(characters.prefix(2)) + String(letter) + String(characters.dropFirst(2)),
                          String(characters.dropLast()) + String(letter), form + String(letter)]
            }
        }
        for word in words {
            let units = ArraySlice(Array(word.utf16))
            guard !numberWords.shapes.mayContain(foldingASCII: units) else { continue }
            ruledOut += 1
            let folded = TokenizedText.foldedASCII(units) ?? CaseMapping.fold(word)
            #expect(numberWords.parts(of: folded) == nil, "\(language): \(word)")
        }
        #expect(ruledOut > 500)
        for form in numberWords.entries.keys {
            #expect(numberWords.shapes.mayContain(foldingASCII: ArraySlice(Array(form.utf16))), "\(language): \(form)")
        }
    }

    /// `KeyShapes` of the month names rules out a word only when it is no month name of the
    /// language: every word of the seed texts, each month name in several spellings, and words
    /// that share its first letters, last letter or length.
    @Test(arguments: ["de", "en", "en-GB", "fr", "es", "it", "nl", "ru", "uk", "cs", "pl", "et", "tr", "sv", "ja", "zh"])
    func monthShapesRuleOutOnlyWordsThatAreNoMonth(language: String) throws {
        let tables = try DateExtractor.Tables(language: language)
        var words = Self.words(language: "de")
        for name in tables.monthNames.keys {
            words += [name, name.uppercased(), name.capitalized, name.decomposedStringWithCanonicalMapping,
                      name + ".", name + "s", String(name.dropLast()), "x" + name]
            let characters = Array(name)
            for letter in "aeiouxyzäé" where characters.count >= 2 {
                words += [String(characters.dropLast()) + String(letter), String(characters.prefix(2)) + String(letter),
                          String(characters[0]) + String(letter) + String(characters.dropFirst(2)),
                          String(characters.prefix(2)) + String(letter) + String(characters.dropFirst(2)),
                          String(characters.prefix(2)) + "ä" + String(characters.dropFirst(2)),
                          String(characters.prefix(2)) + String(letter) + "ß" + String(characters.dropFirst(2))]
            }
        }
        var ruledOut = 0
        for word in words {
            let units = ArraySlice(Array(word.utf16))
            guard !tables.monthShapes.mayContain(foldingASCII: units) else { continue }
            ruledOut += 1
            let folded = TokenizedText.foldedASCII(units) ?? CaseMapping.fold(word)
            #expect(tables.monthNames[folded] == nil, "\(language): \(word)")
        }
        #expect(ruledOut > 500)
        // Month names themselves are never ruled out, in any case that folds back to them
        // (Turkish `MAYIS` folds to `mayis`, which is not `mayıs`).
        for name in tables.monthNames.keys {
            #expect(tables.monthShapes.mayContain(foldingASCII: ArraySlice(Array(name.utf16))), "\(language): \(name)")
            for spelling in [name.uppercased(), name.capitalized] where tables.monthNames[CaseMapping.fold(spelling)] != nil {
                #expect(tables.monthShapes.mayContain(foldingASCII: ArraySlice(Array(spelling.utf16))), "\(language): \(spelling)")
            }
        }
    }

    @Test func compoundNumberWordsAreStillRead() throws {
        let german = try NumberExtractor(language: "de")
        for (text, value) in [("Fünfundzwanzig Soldaten starben.", 25.0), ("DREIHUNDERT Soldaten starben.", 300),
                              ("Es kamen zweiundzwanzig Menschen.", 22), ("Es kamen fu\u{308}nfzig Menschen.", 50),
                              ("Vierzehn Panzer wurden zerstört.", 14)] {
            #expect(german.numbers(in: text).map(\.value) == [value], "\(text)")
        }
        #expect(german.numbers(in: "Die Einigung über Zweifel und Dreiecke.").isEmpty)
    }

    @Test func digitsOfOtherScriptsAreStillFound() throws {
        // Arabic-Indic (U+0660…), Devanagari and full-width digits lie above the ASCII shortcut;
        // Latin-1, Greek and Cyrillic letters below U+0660 are no digits.
        #expect(CodeUnit.isDecimalDigit(0x0662) && CodeUnit.isDecimalDigit(0x0967) && CodeUnit.isDecimalDigit(0xFF15))
        #expect(!CodeUnit.isDecimalDigit(0x00FC) && !CodeUnit.isDecimalDigit(0x00B2) && !CodeUnit.isDecimalDigit(0x0436))
        let arabic = try NumberExtractor(language: "ar")
        #expect(arabic.numbers(in: "قتل ٢٥ شخصا").map(\.value) == [25])
        let chinese = try NumberExtractor(language: "zh")
        #expect(chinese.numbersAndDates(in: "２０２２年３月２８日，来了两千名学生。").dates.count == 1)
        let german = try NumberExtractor(language: "de")
        #expect(german.numbers(in: "Über Äcker zogen 5.000 Flüchtlinge.").map(\.value) == [5000])
    }

    @Test func datesWithAndWithoutMonthNames() throws {
        let german = try NumberExtractor(language: "de")
        // No month name: only numeric dates; the ordinal `ersten` is no day without a month.
        #expect(german.numbersAndDates(in: "Am ersten Tag, dem 28.03.2022, kamen 24 Menschen.").dates.map(\.text) == ["28.03.2022"])
        #expect(german.numbersAndDates(in: "Die Wahl findet am ersten November statt.").dates.map(\.text) == ["ersten November"])
        #expect(german.numbersAndDates(in: "Der Krieg begann am 24. Februar 2022.").dates.map(\.text) == ["24. Februar 2022"])
        let english = try NumberExtractor(language: "en")
        #expect(english.numbersAndDates(in: "The talks began on March 10th, and 03/28/2022.").dates.map(\.text)
                == ["March 10th", "03/28/2022"])
    }
}

/// `AcceleratorRule.mayHaveMarker` reads UTF-8 bytes when no marker has a non-ASCII equivalent.
@Suite struct AcceleratorMarkerFastPathTests {
    @Test func markersAreFoundInAnyScript() {
        #expect(AcceleratorRule.mayHaveMarker("Über &Datei", markers: ["&"]))
        #expect(AcceleratorRule.mayHaveMarker("ファイル(_F)", markers: ["&", "_"]))
        #expect(!AcceleratorRule.mayHaveMarker("Über Datei öffnen – שלום 文件", markers: ["&", "_", "~"]))
        #expect(!AcceleratorRule.mayHaveMarker("", markers: ["&"]))
        // Characters canonically equal to an ASCII marker: U+037E is `;`, U+212A is `K`.
        #expect(AcceleratorRule.mayHaveMarker("Datei\u{37E}", markers: [";"]))
        #expect(AcceleratorRule.mayHaveMarker("20 \u{212A}", markers: ["K"]))
        #expect(!AcceleratorRule.mayHaveMarker("Datei\u{37E}", markers: ["&"]))
    }
}

/// `TokenizedText` scans a text once for units that may be digits, and the readers skip asking
/// each token (`hasDigit`) and looking for CJK dates when there are none; the date reader makes
/// a list of a number's parts only when it has a dot.
@Suite struct DigitScanFastPathTests {
    /// Every code unit, alone and inside ASCII words: the scan must let through every unit
    /// `CodeUnit.isDecimalDigit` accepts (digits of any script), and `月` and the full-width
    /// digits the CJK dates are made of.
    @Test func scanLetsThroughEveryDecimalDigit() {
        var digits = 0
        for value in 0...0xFFFF {
            let unit = UInt16(value)
            for units in [[unit], Array("Wort ".utf16) + [unit] + Array(" Wort".utf16)] {
                let scan = TokenizedText.digitScan(units)
                #expect(scan.hasUnitsFromU0660 == units.contains { $0 >= 0x0660 })
                if units.contains(where: CodeUnit.isDecimalDigit) {
                    #expect(scan.mayHaveDigit, "U+\(String(value, radix: 16))")
                }
            }
            if CodeUnit.isDecimalDigit(unit) { digits += 1 }
        }
        // The check above is not empty: ASCII, Arabic-Indic, Devanagari, full-width … digits.
        #expect(digits > 300)
        #expect(!TokenizedText.digitScan(Array("Über Äcker, ÿ und Ж ohne Ziffern.".utf16)).mayHaveDigit)
        #expect(!TokenizedText.digitScan([]).mayHaveDigit)
        let cjk = TokenizedText.digitScan(Array("3月".utf16))
        #expect(cjk.mayHaveDigit && cjk.hasUnitsFromU0660)
    }

    /// `hasDigit` of each token of real and made-up texts equals the token's units asked one by one.
    @Test func hasDigitAgreesWithEveryUnit() throws {
        var texts = ["", "Kein Wort hier hat eine Ziffer.", "Am 24. Februar 2022 kamen 5.000 Menschen.",
                     "قتل ٢٥ شخصا", "कुल ३४ लोग", "２０２２年３月２８日", "Ⅻ ² ½ ① keine Dezimalziffern", "x9y", "٣"]
        for path in [Fixtures.seedSourcePath, Fixtures.seedArticlePath] {
            texts += try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let segmenter = try TextSegmenter(.word, locale: "de")
        var withDigit = 0, withoutDigit = 0
        for text in texts {
            let tokenized = TokenizedText(units: Array(text.utf16), segmenter: segmenter)
            for index in -1...tokenized.tokens.count {
                let expected = tokenized.isValid(index)
                    && tokenized.units[tokenized.tokens[index].range].contains(where: CodeUnit.isDecimalDigit)
                #expect(tokenized.hasDigit(index) == expected, "\(text) token \(index)")
                if expected { withDigit += 1 } else { withoutDigit += 1 }
            }
        }
        #expect(withDigit > 10 && withoutDigit > 100)
    }

    /// Numeric dates in each form the reader knows, at the start, in the middle and at the end of
    /// a text, and numbers that are no dates; and CJK dates with and without other scripts.
    @Test func numericAndCJKDatesAreStillRead() throws {
        let german = try DateExtractor(language: "de")
        let english = try DateExtractor(language: "en")
        let chinese = try DateExtractor(language: "zh")
        let cases: [(DateExtractor, String, [String])] = [
            (german, "28.03.2022", ["28.03.2022"]), (german, "Am 28.03.2022 kamen sie.", ["28.03.2022"]),
            (german, "Am 28.03. kamen sie.", ["28.03."]), (german, "Sie kamen am 2022-03-28", ["2022-03-28"]),
            (german, "Sie kamen am 28-03-2022.", ["28-03-2022"]), (german, "1.5 und 3,5 und 1.000.000", []),
            (german, "Von 10-12 Uhr, 1/2/3/4 und 5-6", []), (german, "2022-03-28-1 und 1-2022-03-28", []),
            (german, "28.03.2022 und 2022-03-28", ["28.03.2022", "2022-03-28"]),
            (english, "On 03/28/2022, they came.", ["03/28/2022"]), (english, "On 28/03/2022.", ["28/03/2022"]),
            (english, "03/28/2022.5 and 3/4", []), (english, "ends with 1/2/", []), (english, "5/6", []),
            (chinese, "２０２２年３月２８日，来了两千名学生。", ["２０２２年３月２８日"]),
            (chinese, "3月28号和12月1日", ["3月28号", "12月1日"]),
            (german, "Ein Text ohne Ziffern, aber mit 月 und 日.", []),
        ]
        for (extractor, text, expected) in cases {
            #expect(extractor.dates(in: text).map(\.text) == expected, "\(text)")
        }
    }
}
