import Foundation
import LectorICU
import LectorKit
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
        for text in Fixtures.seedTexts {
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

    /// `numbers.unit` reads a pair's source and readable target in UTF-16 from the pair's word
    /// segments or the document (`SentencePairContext.encodedText`) instead of encoding each text:
    /// the units are those of the texts, before and after the pair's words were segmented, for
    /// a target detokenized (`am 15 . April`), text beyond the BMP and every pair of the seed texts.
    @Test func pairEncodedTextIsTheEncodedText() throws {
        let checker = Fixtures.bilingualChecker(from: "de", to: "en")
        let sourceIndex = try #require(checker.sourceIndex)
        let made = [(SourceDocument(path: "s.de.txt", text: "Am 15. April kamen 𝟘 und 20 Menschen. Über 𠀀 3 km weit."),
                     SourceDocument(path: "t.en.txt", text: "On 15 . April , 20 people came . Over 𠀀 3 km away.")),
                    (try SourceDocument.load(path: Fixtures.seedSourcePath), try SourceDocument.load(path: Fixtures.seedArticlePath))]
        var compared = 0, tokenized = 0
        for (source, target) in made {
            let pairs = SentenceAligner(sourceLanguage: "de", targetLanguage: "en").align(source: source, target: target)
            let bilingual = BilingualContext(source: source, sourceLanguage: "de", pairs: pairs, sourceIndex: sourceIndex,
                                             sourceGlossaryMatches: [], inlineCodes: nil, isPairedByFile: false)
            let context = CheckContext(document: target, index: checker.index, glossaryMatches: [], bilingual: bilingual)
            let segmenter = try TextSegmenter(.word, locale: "de")
            for index in pairs.indices {
                guard case .complete(let pair) = AlignedPairContext(check: context, bilingual: bilingual, index: index) else { continue }
                for segmented in [false, true] {
                    if segmented {
                        _ = pair.wordSegments(of: .source, segmenter: segmenter)
                        _ = pair.wordSegments(of: .target, segmenter: segmenter)
                    }
                    #expect(pair.encodedText(isSource: true) == LectorICU.UTF16.encode(pair.sourceText), "\(pair.sourceText)")
                    #expect(pair.encodedText(isSource: false) == LectorICU.UTF16.encode(pair.sharedReadableTarget.text),
                            "\(pair.targetText)")
                    compared += 1
                }
                if pair.sharedReadableTarget.isTokenized { tokenized += 1 }
            }
        }
        #expect(compared > 50)
        #expect(tokenized >= 1)
    }

    /// A unit's sides with their placeholders blanked (`SentencePairContext.blankedUnits`) are
    /// blanked in the pair's code units; they must be the units of the text blanked as a string
    /// and encoded again, as they were: placeholders of every syntax, text beyond the BMP in and
    /// around them, a detokenized target, and texts without any (`nil`).
    @Test func blankedUnitsAreTheBlankedTextEncoded() throws {
        let checker = Fixtures.bilingualChecker(from: "de", to: "en")
        let sourceIndex = try #require(checker.sourceIndex)
        func reference(_ text: String, _ syntaxes: Set<PlaceholderSyntax>) -> [UInt16]? {
            let ranges = PlaceholderScanner(syntaxes: syntaxes).placeholders(in: text).map(\.range)
            guard !ranges.isEmpty else { return nil }
            var units = LectorICU.UTF16.encode(text)
            for range in ranges {
                for index in range where index < units.count { units[index] = 0x20 }
            }
            return LectorICU.UTF16.encode(LectorICU.UTF16.decode(units))
        }
        let sources = ["%1$@ von %2$@ geladen, 5 % der 𝟘 Dateien.", "Datei {0} von {1} 🙂.", "{имя} hat {count, plural, one {# Datei} other {# Dateien}}.",
                       "Über &amp; unter @user@ und $HOME 3 km.", "{😀} und {𠀀x} %😀 %-5d €", "Keine Platzhalter, 20 Menschen.", "%"]
        let targets = ["Loaded %1$@ of %2$@ , 5 % of 𝟘 files .", "File {0} of {1} 🙂.", "{имя} has {count, plural, one {# file} other {# files}}.",
                       "Over &amp; under @user@ and $HOME 3 km.", "{😀} and {𠀀x} %😀 %-5d €", "No placeholders, 20 people.", "%"]
        var compared = 0, blanked = 0
        for (source, target) in zip(sources, targets) {
            let sourceDocument = SourceDocument(path: "s.de.txt", text: source), targetDocument = SourceDocument(path: "t.en.txt", text: target)
            let pairs = [SentencePair(source: 0..<sourceDocument.utf16.count, target: 0..<targetDocument.utf16.count,
                                      sourceSentenceCount: 1, targetSentenceCount: 1, anchor: 0)]
            var bilingual = BilingualContext(source: sourceDocument, sourceLanguage: "de", pairs: pairs, sourceIndex: sourceIndex,
                                             sourceGlossaryMatches: [], inlineCodes: nil, isPairedByFile: false)
            bilingual.units = [BilingualUnit(id: "u", source: SegmentText(text: source, line: 1), target: SegmentText(text: target, line: 1))]
            let context = CheckContext(document: targetDocument, index: checker.index, glossaryMatches: [], bilingual: bilingual)
            guard case .complete(let pair) = AlignedPairContext(check: context, bilingual: bilingual, index: 0) else { continue }
            let syntaxes = context.strings.placeholderSyntaxes
            #expect(pair.blankedUnits(isSource: true) == reference(pair.sourceText, syntaxes), "\(source)")
            #expect(pair.blankedUnits(isSource: false) == reference(pair.sharedReadableTarget.text, syntaxes), "\(target)")
            if pair.blankedUnits(isSource: true) != nil { blanked += 1 }
            compared += 1
        }
        #expect(compared == sources.count)
        #expect(blanked >= 5)
    }

    /// `namedDays` reads a word in one look-up (`namedDayNames`): a weekday name as its day, else
    /// a month name that is no abbreviation as its month, else nothing, in every language's
    /// names (where a weekday and a month share a name, or a month's abbreviation is a name).
    @Test(arguments: ["de", "en", "fr", "es", "it", "nl", "ru", "uk", "cs", "pl", "et", "tr", "sv", "pt", "ro", "fi", "ja", "zh"])
    func namedDayNamesAreTheWeekdaysThenTheMonths(language: String) throws {
        let tables = try DateExtractor.Tables(language: language)
        var read = 0
        for word in Set(tables.weekdayNames.keys).union(tables.monthNames.keys).union(["der", "mai", "may", "x", ""]) {
            var expected: (NamedDay.Kind, Int)?
            if let day = tables.weekdayNames[word] {
                expected = (.weekday, day)
            } else if let (month, isAbbreviation) = tables.monthNames[word], !isAbbreviation {
                expected = (.month, month)
            }
            let found = tables.namedDayNames[word]
            #expect(found?.kind == expected?.0 && found?.value == expected?.1, "\(language): \(word)")
            if found != nil { read += 1 }
        }
        #expect(read >= 7)
    }

    /// `KeyShapes.mayContain(foldingASCII:)` asks the shape of a word's length and that of length 0
    /// and scans the word for a unit that is not ASCII only when they differ: its answer is still
    /// the bit of the one shape the word has (its length when all ASCII, else 0), for words of
    /// every case, with and without letters beyond ASCII, and for random units.
    @Test(arguments: ["de", "en", "fr", "ru", "cs", "et"])
    func keyShapesAnswerTheShapeOfTheWord(language: String) throws {
        let dates = try DateExtractor.Tables(language: language)
        var lists = [dates.monthShapes, dates.dayShapes]
        if let numberWords = NumberWords.forLanguage(language) { lists.append(numberWords.shapes) }
        var words = Self.words(language: "de") + Self.words(language: language) + Array(dates.monthNames.keys)
            + Array(dates.weekdayNames.keys)
        for name in Array(dates.monthNames.keys) + Array(dates.weekdayNames.keys) {
            let characters = Array(name)
            words += [name.uppercased(), name.capitalized]
            for letter in "aäéжß" where characters.count >= 2 {
                let head = String(characters.prefix(2)) + String(letter)
                words += [head + String(characters.dropFirst(2)), head + String(characters.dropFirst(3))]
            }
        }
        var generator = SeededGenerator(seed: 0x5263)
        let alphabet: [UInt16] = Array("abcdefghijklmnopqrstuvwxyzAZäößéжя.-".utf16)
        for _ in 0..<5_000 {
            words.append(String(decoding: (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)! }, as: Unicode.UTF16.self))
        }
        var mixed = 0
        for shapes in lists {
            for word in words {
                let units = Array(word.utf16)
                let fold = { (unit: UInt16) -> UInt16 in unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit }
                let (first, second, last) = (units[0], units[min(1, units.count - 1)], units[units.count - 1])
                let expected: Bool
                if first >= 0x80 || second >= 0x80 || last >= 0x80 {
                    expected = true
                } else {
                    let isASCII = units.allSatisfy { $0 < 0x80 }
                    if !isASCII { mixed += 1 }
                    expected = shapes.isSet(KeyShapes.shape(fold(first), fold(second), fold(last), isASCII ? units.count : 0))
                }
                #expect(shapes.mayContain(foldingASCII: ArraySlice(units)) == expected, "\(language): \(word)")
            }
        }
        #expect(mixed > 1_000)
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

    /// `numbers.mismatch`'s comparison answers a pair whose figures pair in order
    /// (`figuresPairInOrder`) as the whole comparison does: real pairs (WMT23 de→en, WMT21
    /// en→de, en→zh and en→ja with their dense scripts' date parts), each also with the
    /// target's figures reversed and with its last figure left out, at two tolerances.
    @Test func figuresPairedInOrderCompareAsTheWholeComparison() throws {
        var sets: [(source: String, target: String, pairs: [(String, String)])] = []
        for (file, languages, columns) in [("terminology/wmt23-de-en/test.tsv", ("de", "en"), (1, 2)), ("ced/en-de/dev.tsv", ("en", "de"), (1, 2)),
                                           ("ced/en-zh/dev.tsv", ("en", "zh"), (1, 2)), ("ced/en-ja/dev.tsv", ("en", "ja"), (1, 2))] {
            guard let text = try? String(contentsOfFile: Fixtures.path("../shared/data/" + file), encoding: .utf8) else { continue }
            let rows = text.split(separator: "\n").dropFirst().prefix(1_500).map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            sets.append((languages.0, languages.1, rows.filter { $0.count > columns.1 }.map { (String($0[columns.0]), String($0[columns.1])) }))
        }
        sets.append(("de", "en", [("Am 24. Februar kamen 76 Delegierte und 12 % der Gäste.", "On February 24, 76 delegates and 12% of the guests came."),
                                  ("Die F-16 flog 3 Mal.", "The F-17 flew 3 times."), ("Zwei und 2.000", "2,000 and two")]))
        func describe(_ result: (extraInTarget: [ExtractedNumber], missingFromTarget: [ExtractedNumber])) -> String {
            result.extraInTarget.map(\.description).joined(separator: "; ") + " | " + result.missingFromTarget.map(\.description).joined(separator: "; ")
        }
        var inOrder = 0, compared = 0
        for set in sets {
            let (sourceReader, targetReader) = (try NumberExtractor(language: set.source), try NumberExtractor(language: set.target))
            for (sourceText, targetText) in set.pairs {
                let source = sourceReader.numbers(in: sourceText), target = targetReader.numbers(in: targetText)
                for figures in [target, target.reversed(), Array(target.dropLast())] {
                    for tolerance in [0, 0.01] {
                        let whole = GarbledSignalExtractor.comparedNumbers(source, figures, targetLanguage: set.target, target: targetText,
                                                                           tolerance: tolerance, smallNumberLimit: 12)
                        let answer = GarbledSignalExtractor.compareNumbers(source, figures, targetLanguage: set.target, target: targetText,
                                                                           tolerance: tolerance, smallNumberLimit: 12)
                        #expect(describe(answer) == describe(whole), "\(sourceText) | \(targetText)")
                        if GarbledSignalExtractor.figuresPairInOrder(source, figures, targetLanguage: set.target, tolerance: tolerance) {
                            #expect(whole.extraInTarget.isEmpty && whole.missingFromTarget.isEmpty, "\(sourceText) | \(targetText)")
                            if !source.isEmpty || !figures.isEmpty { inOrder += 1 }
                        }
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 1_000 && inOrder > 200)
    }

    /// Real German sentences (WMT23's medical abstracts, the seed article) and the words above,
    /// composed and decomposed in either order: their words split into numbers' parts through an
    /// extractor's memo (`parts(of:in:)`, asked twice, the second time from the memo) as
    /// `NumberWords.parts` splits them, and whole sentences read by one extractor, its memo
    /// filled by all before, as by a new one each.
    @Test(arguments: ["de", "nl"])
    func keptCompoundPartsAreTheParts(language: String) throws {
        let numberWords = try #require(NumberWords.forLanguage(language))
        var sentences = Fixtures.seedLines
        if let text = try? String(contentsOfFile: Fixtures.path("../shared/data/terminology/wmt23-de-en/test.tsv"), encoding: .utf8) {
            sentences += text.split(separator: "\n").dropFirst().prefix(1_500).map { String($0.split(separator: "\t")[1]) }
        }
        var words = Self.words(language: language)
        var decomposed = 0
        for sentence in sentences {
            for word in sentence.split(whereSeparator: { !$0.isLetter }).map(String.init) {
                // Decomposed first as well as after (`Self.words` has the forms composed first):
                // a kept answer must go to its own bytes only.
                let other = word.decomposedStringWithCanonicalMapping
                if other.utf8.count != word.utf8.count { words.append(other); decomposed += 1 }
                words.append(word)
            }
        }
        #expect(decomposed > 100)
        let extractor = try NumberExtractor(language: language)
        func describe(_ parts: [NumberWords.Entry]?) -> String { parts.map { $0.map { "\($0.kind) \($0.value)" }.joined(separator: ", ") } ?? "nil" }
        var found = 0
        for word in words {
            let units = ArraySlice(Array(word.utf16))
            let folded = TokenizedText.foldedASCII(units) ?? TokenizedText.foldedLatin1(units) ?? CaseMapping.fold(word)
            let expected = describe(numberWords.parts(of: folded))
            #expect(describe(extractor.parts(of: folded, in: numberWords)) == expected, "\(word)")
            #expect(describe(extractor.parts(of: folded, in: numberWords)) == expected, "\(word)")
            if expected != "nil" { found += 1 }
        }
        #expect(found > 100)
        guard language == "de" else { return }
        func describe(_ reading: (numbers: [ExtractedNumber], dates: [ExtractedDate])) -> String {
            reading.numbers.map(\.description).joined(separator: "; ") + " | " + reading.dates.map { "\($0.text) \($0.range)" }.joined(separator: "; ")
        }
        var numbers = 0
        for sentence in sentences + sentences.prefix(200) {
            let kept = extractor.numbersAndDates(in: sentence)
            #expect(describe(kept) == describe(try NumberExtractor(language: language).numbersAndDates(in: sentence)), "\(sentence)")
            numbers += kept.numbers.count
        }
        #expect(numbers > 500)
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
        // Quotes and dashes from U+0660 up are no digits; a digit or a surrogate among them is one.
        #expect(!TokenizedText.digitScan(Array("„Zitat“ – ein Gedanke… «ещё»".utf16)).mayHaveDigit)
        #expect(TokenizedText.digitScan(Array("„Zitat“ – ٣".utf16)).mayHaveDigit)
        #expect(TokenizedText.digitScan(Array("„Zitat“ – ３".utf16)).mayHaveDigit)
        #expect(TokenizedText.digitScan(Array("„Zitat“ – 𝟓".utf16)).mayHaveDigit)
        let cjk = TokenizedText.digitScan(Array("3月".utf16))
        #expect(cjk.mayHaveDigit && cjk.hasUnitsFromU0660)
    }

    /// `hasDigit` of each token of real and made-up texts equals the token's units asked one by one.
    @Test func hasDigitAgreesWithEveryUnit() throws {
        var texts = ["", "Kein Wort hier hat eine Ziffer.", "Am 24. Februar 2022 kamen 5.000 Menschen.",
                     "قتل ٢٥ شخصا", "कुल ३४ लोग", "２０２２年３月２８日", "Ⅻ ² ½ ① keine Dezimalziffern", "x9y", "٣"]
        texts += Fixtures.seedLines
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

    /// Without a month name the date reader reads a text only when the scan saw a digit: every
    /// number token ICU's word segmenter makes holds a unit the scan lets through, for each
    /// code unit alone and joined to letters, an underscore or a period, and in real text.
    @Test func numberTokensHoldWhatTheScanFinds() throws {
        let segmenters = try ["en", "de", "ar", "ja", "zh"].map { try TextSegmenter(.word, locale: $0) }
        var texts: [[UInt16]] = []
        for value in 0...0xFFFF where !(0xD800...0xDFFF).contains(value) {
            let unit = UInt16(value)
            texts += [[unit], Array("Wort ".utf16) + [unit, unit] + Array(" x".utf16), Array("_".utf16) + [unit],
                      [unit] + Array("_a".utf16), Array("a.".utf16) + [unit]]
        }
        for (_, lines) in try NameReadingFastPathTests.realTexts() { texts += lines.map { Array($0.utf16) } }
        texts += ["２０２２年３月２８日，来了两千名学生。", "قتل ٢٥ شخصا", "कुल ३४ लोग", "Ⅻ ² ½ ① ⑴ ⒈ 𝟓 𝟙𝟚"].map { Array($0.utf16) }
        var numberTokens = 0
        for (index, units) in texts.enumerated() {
            let segmenter = segmenters[index % segmenters.count]
            let tokenized = TokenizedText(units: units, segmenter: segmenter)
            let numbers = tokenized.tokens.filter { $0.kind == .number }
            numberTokens += numbers.count
            if !numbers.isEmpty, !tokenized.mayHaveDigit { Issue.record("number token without a digit the scan finds: \(units)") }
        }
        #expect(numberTokens > 1_000)
    }

    /// Number words and Roman numerals are letter tokens, and Han numerals are read off any
    /// token: beside brackets, punctuation and spaces, at a text's start and end.
    @Test func wordsRomanAndHanNumeralsBesidePunctuation() throws {
        let cases: [(String, String, [Double])] = [
            ("de", "Drei Soldaten starben.", [3]), ("de", "(Fünfundzwanzig) Soldaten, dann zwölf.", [25, 12]),
            ("en", "At least thirty people died.", [30]), ("en", "\"Ninety-two\" came; XVIII. (forty)", [92, 18, 40]),
            ("ro", "Societatea secolului XVIII era împărțită în stări.", [18]),
            ("zh", "来了两千名学生。", [2000]), ("zh", "该市有三千万人。", [30_000_000]), ("zh", "（两千）", [2000]),
            ("ja", "400万人が住んでいる。", [4_000_000]),
        ]
        for (language, text, values) in cases {
            let extractor = try NumberExtractor(language: language)
            #expect(extractor.numbers(in: text).map(\.value) == values, "\(language): \(text)")
        }
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

/// The number reader folds Latin-1 words on their code units (`TokenizedText.foldedLatin1`),
/// keeps a sentence's few folded words in a short list, and rules out the words around a number
/// by their shapes (`NumberExtractor.NeighbourShapes`) before it folds them: each must give what
/// folding every word with ICU and looking it up gives.
@Suite struct NeighbourWordFastPathTests {
    /// Every Latin-1 unit alone, in upper- and lower-case words, doubled, and every word of the
    /// seed texts: the fast folding equals ICU's default full folding, and leaves to ICU only
    /// `µ` and words with a unit above U+00FF.
    @Test func latin1FoldingAgreesWithICU() throws {
        var words: [[UInt16]] = []
        for value in 0...0xFF {
            let unit = UInt16(value)
            words += [[unit], [unit, unit], Array("W".utf16) + [unit] + Array("rt".utf16), [unit] + Array("BER".utf16),
                      Array("Stra".utf16) + [unit] + Array("e".utf16)]
        }
        for text in Fixtures.seedTexts {
            words += text.split(whereSeparator: { !$0.isLetter }).map { Array($0.utf16) }
        }
        words += ["Straße", "STRASSE", "Äußerung", "ÜBER", "Œuvre", "Ÿ", "µm", "İstanbul", "Ǆ", "fu\u{308}nf"].map { Array($0.utf16) }
        var folded = 0, left = 0
        for units in words {
            let word = String(decoding: units, as: Unicode.UTF16.self)
            if let fast = TokenizedText.foldedLatin1(ArraySlice(units)) {
                folded += 1
                #expect(fast == CaseMapping.fold(word), "\(word)")
                #expect(Array(fast.utf8) == Array(CaseMapping.fold(word).utf8), "\(word)")
            } else {
                left += 1
                #expect(units.contains { $0 > 0xFF || $0 == 0xB5 }, "\(word)")
            }
        }
        #expect(folded > 1_000 && left > 5)
    }

    /// `folded(_:)` of every token of the seed texts, asked in order, backwards and twice, equals
    /// folding the token's text with ICU: the short list of folded tokens and the full array it
    /// turns into after `recentLimit` tokens both keep each token's own folding.
    @Test func foldedTokensAreEachTokensFolding() throws {
        var texts = ["Über Äcker zogen 5.000 Flüchtlinge.", "STRASSE und Straße", ""]
        for text in Fixtures.seedTexts {
            texts += text.split(separator: "\n").map(String.init)
            texts.append(text)
        }
        let segmenter = try TextSegmenter(.word, locale: "de")
        var asked = 0
        for text in texts {
            for order in 0..<3 {
                let tokenized = TokenizedText(units: Array(text.utf16), segmenter: segmenter)
                var indices = Array(-1...tokenized.tokens.count)
                if order == 1 { indices.reverse() }
                if order == 2 { indices = indices.filter { $0 % 3 == 0 } + indices + indices.reversed() }
                for index in indices {
                    let expected = tokenized.isValid(index) ? CaseMapping.fold(tokenized.text(ofToken: index)) : ""
                    #expect(tokenized.folded(index) == expected, "\(index) of \(text.prefix(40))")
                    asked += 1
                }
            }
        }
        #expect(asked > 10_000)
    }

    /// Each language's neighbour shapes rule out a word only when it is none of the words they
    /// stand for: every word of the seed texts, and each key in several spellings and near misses.
    @Test(arguments: ["de", "en", "fr", "es", "pt", "nl", "ru", "uk", "et", "ro", "cs", "pl", "sr", "fi", "it", "ja"])
    func neighbourShapesRuleOutOnlyOtherWords(language: String) throws {
        let tables = NumberExtractor.Tables(language: language)
        let shapes = tables.neighbourShapes
        let lists: [(KeyShapes, Set<String>)] = [
            (tables.minusWords.shapes, tables.minusWords.words),
            (shapes.percent, Set(tables.percentWords.compactMap(\.first) + (language == "de" ? ["vol", "gew"] : []))),
            (tables.figureScaleLinks.shapes, tables.figureScaleLinks.words),
            (shapes.clock, tables.hourWords.union(tables.meridiems.keys)),
            (tables.hourWordsBefore.shapes, tables.hourWordsBefore.words),
        ]
        var ruledOut = 0
        for (keyShapes, keys) in lists {
            var words = NumberReaderFastPathTests.words(language: "de")
            for key in keys {
                words += [key, key.uppercased(), key.capitalized, key.decomposedStringWithCanonicalMapping, key + "s",
                          String(key.dropLast()), "x" + key, key + "."]
                let characters = Array(key)
                for letter in "aeiouxyzäéß" where characters.count >= 2 {
                    words += [String(characters.dropLast()) + String(letter), String(characters.prefix(2)) + String(letter),
                              String(characters.prefix(1)) + String(letter) + String(characters.dropFirst(2))]
                }
            }
            for word in words {
                let units = ArraySlice(Array(word.utf16))
                let folded = CaseMapping.fold(word)
                if keys.contains(folded) { #expect(keyShapes.mayContain(foldingASCII: units), "\(language): \(word)") }
                guard !keyShapes.mayContain(foldingASCII: units) else { continue }
                ruledOut += 1
                #expect(!keys.contains(folded), "\(language): \(word)")
            }
        }
        #expect(ruledOut > 1_000)
        #expect(!shapes.percentMatchesAny)
    }

    /// The words around a number that change what it is are still read, in each language that
    /// has them; and words that are none of them leave the number alone.
    @Test func neighbourWordsAreStillRead() throws {
        let cases: [(String, String, [String])] = [
            ("de", "Es waren minus 15 Grad.", ["-15.0 plain “minus 15”"]),
            ("de", "Es waren MINUS 15 Grad, dann 20 minus 5.", ["-15.0 plain “MINUS 15”", "20.0 plain “20”", "5.0 plain “5”"]),
            ("de", "Die Preise stiegen um 52 Prozent und 3 Vol.-% und 5 Gew.%.",
             ["52.0 percent “52 Prozent”", "3.0 percent “3 Vol.-%”", "5.0 percent “5 Gew.%”"]),
            ("de", "Hilfen in Höhe von 436 Millionen Euro, 5 Mio. und 2 Übergänge.",
             ["436000000.0 plain “436 Millionen”", "5000000.0 plain “5 Mio”", "2.0 plain “2”"]),
            ("de", "Wir treffen uns um 13 Uhr und um 13.56 Uhr, 24 Delegierte.",
             ["780.0 time “13”", "836.0 time “13.56”", "24.0 plain “24”"]),
            ("en", "Prices rose by 52 per cent and 12 Percent; we meet at 8 a.m. or 2 PM with 30 delegates.",
             ["52.0 percent “52 per cent”", "12.0 percent “12 Percent”", "480.0 time “8 a.m.”", "840.0 time “2 PM”",
              "30.0 plain “30”"]),
            ("ro", "Mallul a costat 84 de milioane de euro.", ["84000000.0 plain “84 de milioane”"]),
            ("et", "Plahvatus toimus kella 17 paiku ja Kell 9.", ["1020.0 time “17”", "540.0 time “9”"]),
            ("fr", "Il est 13 h 56 et 12 pour cent.", ["836.0 time “13 h 56”", "12.0 percent “12 pour cent”"]),
            ("ru", "Было минус 15 градусов и 12 процентов.", ["-15.0 plain “минус 15”", "12.0 percent “12 процентов”"]),
        ]
        for (language, text, expected) in cases {
            let numbers = try NumberExtractor(language: language).numbers(in: text)
            #expect(numbers.map { "\($0.value) \($0.role) “\($0.text)”" } == expected, "\(language): \(text)")
        }
    }
}
