import Testing
@testable import LectorICU

@Suite struct NormalizerTests {
    @Test func nfcComposesGermanUmlaut() throws {
        let decomposed = "Mu\u{0308}nchen"
        #expect(try Normalizer(.nfc).normalize(decomposed).unicodeScalars.count == 7)
        #expect(try Normalizer(.nfc).normalize(decomposed) == "München")
    }

    @Test func nfkcFoldsCompatibilityForms() throws {
        #expect(try Normalizer(.nfkc).normalize("ﬁnal №5") == "final No5")
        #expect(try Normalizer(.nfc).normalize("ﬁnal") == "ﬁnal")
    }

    @Test func nfkcCasefoldFoldsCaseAndWidth() throws {
        let folder = try Normalizer(.nfkcCasefold)
        #expect(folder.normalize("ＫＩＥＶ") == "kiev")
        #expect(folder.normalize("Straße") == "strasse")
        #expect(folder.normalize("ΟΔΥΣΣΕΥΣ") == folder.normalize("οδυσσευς"))
        #expect(folder.normalize("Київ") == "київ")
    }

    @Test func isNormalized() throws {
        #expect(try Normalizer(.nfc).isNormalized("Kyiv"))
        #expect(try !Normalizer(.nfc).isNormalized("Mu\u{0308}nchen"))
    }
}

@Suite struct CaseMappingTests {
    @Test func greekFinalSigmaFoldsToSigma() {
        #expect(CaseMapping.fold("Οδυσσεύς") == "οδυσσεύσ")
        #expect(CaseMapping.lowercase("ΟΔΥΣΣΕΥΣ", locale: "el") == "οδυσσευς")
    }

    @Test func turkishDottedAndDotlessI() {
        #expect(CaseMapping.uppercase("istanbul", locale: "tr") == "İSTANBUL")
        #expect(CaseMapping.uppercase("istanbul", locale: "en") == "ISTANBUL")
        #expect(CaseMapping.lowercase("ISPARTA", locale: "tr") == "ısparta")
        #expect(CaseMapping.fold("İstanbul", turkic: true) == "istanbul")
        #expect(CaseMapping.fold("İstanbul") == "i\u{0307}stanbul")
    }

    @Test func germanSharpS() {
        #expect(CaseMapping.fold("Straße") == "strasse")
        #expect(CaseMapping.uppercase("Straße", locale: "de") == "STRASSE")
    }
}

@Suite struct TransliteratorTests {
    @Test func russianBGN() throws {
        let bgn = try Transliterator(id: "Russian-Latin/BGN")
        #expect(bgn.transliterate("Мединский") == "Medinskiy")
        #expect(bgn.transliterate("Песков") == "Peskov")
    }

    @Test func ukrainianBGN() throws {
        #expect(try Transliterator(id: "Ukrainian-Latin/BGN").transliterate("Київ") == "Kyyiv")
    }

    @Test func compoundIdStripsDiacritics() throws {
        #expect(try Transliterator(id: "Any-Latin; Latin-ASCII").transliterate("Мединский") == "Medinskij")
    }

    /// A word asked again is answered from the instance's memo, as ICU answered it the first time,
    /// and the memo stops growing at its bound (a stream of ever new names keeps memory flat).
    @Test func keptAnswersAreICUsAndBounded() throws {
        let latin = try Transliterator(id: "Any-Latin; Latin-ASCII")
        let words = ["Мединский", "Köln", "Selenskyj", "Straße", "Київ"]
        let first = words.map(latin.transliterate)
        #expect(first == ["Medinskij", "Koln", "Selenskyj", "Strasse", "Kiiv"])
        #expect(latin.keptAnswers == 4)  // `Selenskyj` is ASCII: no ICU call, nothing kept
        #expect(words.map(latin.transliterate) == first)
        #expect(words.map(latin.transliteratedByICU) == first)
        let cyrillic = Array("абвгдежзиклмнопрстуф")
        var index = 0
        while latin.keptAnswers < Transliterator.answerCapacity {
            let word = String([cyrillic[index % 20], cyrillic[index / 20 % 20], cyrillic[index / 400 % 20]]) + "\(index)"
            _ = latin.transliterate(word)
            index += 1
        }
        #expect(latin.transliterate("Юрий") == "Urij")
        #expect(latin.transliterate("Юрий") == latin.transliteratedByICU("Юрий"))
        #expect(latin.keptAnswers == Transliterator.answerCapacity)
    }

    /// The ids that return ASCII text without calling ICU must be ones ICU leaves it unchanged with:
    /// every ASCII character alone, between letters and after a space, and words as names come.
    @Test func asciiShortcutAnswersAsICUDoes() throws {
        for id in Transliterator.asciiKeepingIDs.sorted() {
            let transliterator = try Transliterator(id: id)
            var samples = ["Peskov", "Kyiv's", "O'Brien", "don't", "x-ray", "Tel Aviv", "ABC", "e.g.", "33rd", "", "a\r\nb", "Straße"]
            for value in UInt8(0)..<0x80 {
                let character = String(UnicodeScalar(value))
                samples += [character, "a" + character + "b", " " + character, character + "z", "Ka" + character + character]
            }
            for sample in samples {
                #expect(transliterator.transliterate(sample) == transliterator.transliteratedByICU(sample), "\(id): \(sample.debugDescription)")
            }
        }
    }

    @Test func unknownIdThrows() {
        #expect(throws: ICUError.self) { try Transliterator(id: "Klingon-Latin/Nonexistent") }
    }

    @Test func rulesCompile() throws {
        let rules = """
        # German transcription, a fragment
        в > w ;
        е > e ;
        К > K ; и > i ;
        """
        #expect(try Transliterator(id: "Test-German", rules: rules).transliterate("Киев") == "Kiew")
    }

    @Test func brokenRulesReportTheirLine() {
        let rules = "a > b ;\nc > d ;\nе > > e ;\n"
        // Twice: a rule set that does not compile is not kept, and fails again with the same error.
        var errors: [TransliterationRuleError] = []
        for _ in 0..<2 {
            do {
                _ = try Transliterator(id: "Broken", rules: rules)
                Issue.record("rules with a syntax error compiled")
            } catch {
                #expect(error.line == 3)
                #expect(error.name.hasPrefix("U_"))
                errors.append(error)
            }
        }
        #expect(errors.count == 2 && errors[0] == errors[1])
    }

    /// A rule set is compiled once per process and cloned: each instance answers as the first,
    /// with its own working buffer, and two rule sets under one id stay apart.
    @Test func compiledRulesAreKeptApartByText() throws {
        let first = try Transliterator(id: "Test-Kept", rules: "к > k ; и > i ; е > e ; в > w ;")
        let second = try Transliterator(id: "Test-Kept", rules: "к > k ; и > i ; е > e ; в > w ;")
        let other = try Transliterator(id: "Test-Kept", rules: "к > k ; и > i ; е > e ; в > v ;")
        #expect(first.transliterate("киев") == "kiew")
        #expect(second.transliterate("киев") == "kiew")
        #expect(second.transliterate(String(repeating: "киев ", count: 100)) == String(repeating: "kiew ", count: 100))
        #expect(first.transliterate("в") == "w")
        #expect(other.transliterate("киев") == "kiev")
    }
}

@Suite struct TextSegmenterTests {
    @Test func wordKinds() throws {
        let words = try TextSegmenter(.word, locale: "en").segments(of: "Kiev’s 20,000 troops.")
        let wordLike = words.filter { $0.kind.isWordLike }.map(\.text)
        #expect(wordLike == ["Kiev’s", "20,000", "troops"])
        #expect(words.first { $0.text == "20,000" }?.kind == .number)
        #expect(words.first { $0.text == "." }?.kind == WordKind.none)
    }

    @Test func cyrillicWords() throws {
        let words = try TextSegmenter(.word, locale: "uk").segments(of: "Зеленський у Києві.")
        #expect(words.filter { $0.kind == .letter }.map(\.text) == ["Зеленський", "у", "Києві"])
    }

    @Test func chineseWordsByDictionary() throws {
        let words = try TextSegmenter(.word, locale: "zh").segments(of: "我们在北京见面")
        let ideographic = words.filter { $0.kind == .ideographic }.map(\.text)
        #expect(ideographic.count >= 3)
        #expect(ideographic.contains("北京"))
        #expect(ideographic.joined() == "我们在北京见面")
    }

    @Test func sentencesRespectAbbreviations() throws {
        let text = "Mr. Peskov spoke on Monday. Talks start on Tuesday."
        let sentences = try TextSegmenter(.sentence, locale: "en").segments(of: text).map(\.text)
        #expect(sentences == ["Mr. Peskov spoke on Monday. ", "Talks start on Tuesday."])
    }
}

@Suite struct ScriptTests {
    @Test func scriptsOfCodePoints() {
        #expect(Script(of: "К").shortName == "Cyrl")
        #expect(Script(of: "K").shortName == "Latn")
        #expect(Script(of: "北").shortName == "Hani")
        #expect(Script(of: "5").isCommonOrInherited)
        #expect(Script(of: "\u{0301}").isCommonOrInherited)
    }
}

@Suite struct LanguageTagTests {
    @Test func validTags() throws {
        #expect(try LanguageTag("de-CH").language == "de")
        #expect(try LanguageTag("en").localeID == "en")
        #expect(try LanguageTag("uk_UA").identifier == "uk-UA")
    }

    @Test func invalidTags() {
        #expect(throws: LanguageTag.Problem.unknownLanguage("xx")) { try LanguageTag("xx") }
        #expect(throws: LanguageTag.Problem.self) { try LanguageTag("english please") }
        #expect(throws: LanguageTag.Problem.self) { try LanguageTag("") }
    }

    /// CLDR's likely subtags: the script a language is written in unless the tag names one.
    @Test func likelyScripts() throws {
        #expect(try LanguageTag.likelyScript(of: "ru") == "Cyrl")
        #expect(try LanguageTag.likelyScript(of: "el-GR") == "Grek")
        #expect(try LanguageTag.likelyScript(of: "ar") == "Arab")
        #expect(try LanguageTag.likelyScript(of: "de_CH") == "Latn")
        #expect(try LanguageTag.likelyScript(of: "sr") == "Cyrl")
        #expect(try LanguageTag.likelyScript(of: "sr-Latn") == "Latn")
        #expect(try LanguageTag.likelyScript(of: "ja") == "Jpan")
    }
}

@Suite struct LanguageNameTests {
    @Test func englishNamesFromCLDR() {
        #expect(LanguageTag.englishName(of: "de") == "German")
        #expect(LanguageTag.englishName(of: "uk") == "Ukrainian")
    }
}

@Suite struct ArrayAllocationTests {
    /// Counts the live instances made with one counter, so that a test sees every element of an
    /// array released (a counter per test: the tests run in parallel).
    final class Counter { var live = 0 }
    final class Tracked {
        let value: Int
        let counter: Counter
        init(_ value: Int, _ counter: Counter) {
            self.value = value
            self.counter = counter
            counter.live += 1
        }
        deinit { counter.live -= 1 }
    }

    @Test func fillingIsRepeating() {
        for count in [0, 1, 2, 7, 64, 1000] {
            #expect([UInt16](filling: 0x41, count: count) == [UInt16](repeating: 0x41, count: count))
            #expect([[Int]](filling: [3], count: count) == [[Int]](repeating: [3], count: count))
            #expect([Int?](filling: nil, count: count) == [Int?](repeating: nil, count: count))
        }
        var shared = Tracked(5, Counter())
        do {
            let filled = [Tracked](filling: shared, count: 50)
            #expect(filled.count == 50 && filled.allSatisfy { $0 === shared })
        }
        // The array's fifty references are released with it.
        #expect(isKnownUniquelyReferenced(&shared))
    }

    /// `writingAtMost` keeps what the body wrote, as `unsafeUninitializedCapacity` does, whatever
    /// the count written of the capacity, and each array is new: nothing of one array shows in
    /// the next, however alike their sizes.
    @Test func writingAtMostIsUnsafeUninitializedCapacity() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func draw(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<500 {
            let capacity = draw(70)
            let written = capacity == 0 ? 0 : draw(capacity + 1)
            let values = (0..<written).map { _ in UInt16(truncatingIfNeeded: draw(65_536)) }
            let made = [UInt16](writingAtMost: capacity) { buffer, count in
                #expect(buffer.count == capacity && count == 0)
                for (index, value) in values.enumerated() { buffer[index] = value }
                count = written
            }
            let reference = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                for (index, value) in values.enumerated() { buffer[index] = value }
                count = written
            }
            #expect(made == reference && made == values)
            #expect(made.capacity >= capacity)
        }
        let counter = Counter()
        do {
            let objects = [Tracked](writingAtMost: 10) { buffer, count in
                for index in 0..<6 { buffer.initializeElement(at: index, to: Tracked(index, counter)) }
                count = 6
            }
            #expect(objects.map(\.value) == [0, 1, 2, 3, 4, 5])
            #expect(counter.live == 6)
        }
        #expect(counter.live == 0)
    }
}
