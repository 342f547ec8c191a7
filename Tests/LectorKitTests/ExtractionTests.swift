import Foundation
import Testing
import LectorKit
import LectorICU
import LectorTestSupport

// Numbers, dates and quotation marks as the bilingual checks (numbers.mismatch, dates.mismatch,
// punctuation.quotes) will see them. Sentences are from the seed article pair
// (Examples/seed-article.de.txt and .en.txt) where it has them, and from news style otherwise.

private func numbers(_ text: String, _ language: String) throws -> [ExtractedNumber] {
    try NumberExtractor.numbers(in: text, language: language)
}

/// The values a numbers.mismatch check would compare.
private func comparedValues(_ text: String, _ language: String) throws -> [Double] {
    try numbers(text, language).filter(\.role.isCompared).map(\.value)
}

private func dates(_ text: String, _ language: String) throws -> [ExtractedDate] {
    try DateExtractor.dates(in: text, language: language)
}

/// (day, month, year) of each date, for comparing source and target.
private func days(_ text: String, _ language: String) throws -> [[Int?]] {
    try dates(text, language).map { [$0.day, $0.month, $0.year] }
}

private func issues(_ text: String, _ language: String) throws -> [QuoteIssue] {
    try QuoteScanner(language: language).scan(text).issues
}

/// The text of a UTF-16 range of `string`.
private func slice(_ string: String, _ range: Range<Int>) -> String {
    let units = Array(string.utf16)
    return String(decoding: units[range], as: Unicode.UTF16.self)
}

// MARK: - Numbers

@Suite struct NumberExtractorTests {
    /// Runs of ASCII digits read without ICU's parser (up to 15 digits) have the values ICU gives
    /// them, leading zeros and all; a longer run still goes to ICU.
    @Test func digitRunsReadAsICUReadsThem() throws {
        for language in ["de", "en", "fr", "ru", "uk"] {
            let parser = try NumberParser(locale: language)
            let values = try comparedValues("Es gab 76 und 0123 sowie 123456789012345 oder 1234567890123456 Fälle.", language)
            #expect(values == ["76", "0123", "123456789012345", "1234567890123456"].compactMap { parser.parse($0) }, "\(language)")
            #expect(values.first == 76, "\(language)")
        }
    }

    /// Segments made by another word segmenter of the extractor's locale (a pair's shared ones)
    /// give what the extractor finds segmenting the text itself: numbers, words, dates, percent.
    @Test func givenSegmentsReadAsTheExtractorsOwn() throws {
        let texts = [("de", "Am 24. Februar 2022 starben drei Soldaten, 20.000 Menschen flohen; 12 % mehr als 1990."),
                     ("en", "On February 24, 2022 three soldiers died and 20,000 people fled: twenty-five percent, at 8 a.m."),
                     ("de", "Fünfundzwanzig Delegierte trafen sich am ersten November in Lwiw."),
                     ("en", "No figure here at all.")]
        for (language, text) in texts {
            let extractor = try NumberExtractor(language: language)
            let units = Array(text.utf16)
            let segmenter = try TextSegmenter(.word, locale: extractor.wordSegmenter.locale)
            var segments: [Segment] = []
            units.withUnsafeBufferPointer { buffer in segmenter.forEachSegment(in: buffer) { segments.append($0) } }
            let given = extractor.numbersAndDates(inUTF16: units, segments: segments)
            let own = extractor.numbersAndDates(in: text)
            #expect(given.numbers == own.numbers, "\(text)")
            #expect(given.dates.map(\.range) == own.dates.map(\.range), "\(text)")
            if text.contains("2022") { #expect(!own.dates.isEmpty && !own.numbers.isEmpty) }
        }
    }

    @Test func seedThousandsMatchAcrossLanguages() throws {
        let german = "Nach Angaben Selenskyjs sind im Krieg bereits „etwa“ 20.000 Menschen gestorben."
        let english = "According to Zelenskyy, “about” 20,000 people have already died in the war."
        #expect(try comparedValues(german, "de") == [20000])
        #expect(try comparedValues(english, "en") == [20000])
        let found = try #require(try numbers(german, "de").first)
        #expect(found.role == .plain)
        #expect(found.text == "20.000")
        #expect(slice(german, found.range) == "20.000")
        #expect(found.isLocaleFormatted)
    }

    @Test func seedTimestampLineHasDatesAndTimesButNothingToCompare() throws {
        let german = "28.03.2022 13:56 (akt. 28.03.2022 13:56)"
        let english = "03/28/2022 13:56 (act 03/28/2022 13:56)"
        for (text, language) in [(german, "de"), (english, "en")] {
            let found = try numbers(text, language)
            #expect(found.filter(\.role.isCompared).isEmpty, "\(language)")
            let times = found.filter { $0.role == .time }
            #expect(times.map(\.text) == ["13:56", "13:56"])
            let minutes: [Double] = times.map(\.value)
            #expect(minutes == [836, 836])
            #expect(found.filter { $0.role == .dayOfMonth }.map(\.value) == [28, 28])
            let dateParts: [Double] = found.filter { $0.role == .datePart }.map(\.value)
            #expect(dateParts == [3, 2022, 3, 2022])
        }
    }

    @Test func seedDayOfMonthIsNotAQuantity() throws {
        let german = "Kurz nach Beginn des russischen Angriffskriegs gegen die Ukraine am 24. Februar hatten Delegationen beider Länder Verhandlungen aufgenommen."
        let english = "Shortly after the start of the Russian war of aggression against Ukraine, on February 24, delegations from both countries began negotiations."
        #expect(try numbers(german, "de").map(\.role) == [.dayOfMonth])
        #expect(try numbers(english, "en").map(\.role) == [.dayOfMonth])
        #expect(try numbers(german, "de").map(\.value) == [24])
    }

    @Test func russianDecimalComma() throws {
        let found = try numbers("Ущерб составил 1,2 млн рублей.", "ru")
        #expect(found.map(\.value) == [1_200_000])
        #expect(found.map(\.text) == ["1,2 млн"])
        #expect(found.first?.role == .plain)
    }

    @Test(arguments: ["\u{00A0}", "\u{0020}", "\u{202F}"])
    func ukrainianSpaceGroupedThousands(space: String) throws {
        let text = "Загинули понад 1\(space)500 людей."
        let found = try numbers(text, "uk")
        #expect(found.map(\.value) == [1500])
        #expect(found.map(\.text) == ["1\(space)500"])
    }

    @Test func spaceGroupingNeedsThreeDigitsAndASpaceGroupingLanguage() throws {
        #expect(try comparedValues("Понад 1 500 000 гривень, 1 500,5 тонни", "uk") == [1_500_000, 1500.5])
        // Not three digits after the space: two numbers.
        #expect(try comparedValues("У 3 50 випадках", "uk") == [3, 50])
        // A year does not start a group.
        #expect(try comparedValues("В 2022 100 человек", "ru") == [2022, 100])
        // English does not group with spaces: `Figure 2 300 samples` are two numbers.
        #expect(try comparedValues("between 1 500 and 2 000", "en") == [1, 500, 2, 0])
        #expect(try comparedValues("In Figure 2 300 samples are shown.", "en") == [2, 300])
    }

    @Test func frenchPercentWithNarrowNoBreakSpace() throws {
        let text = "Le taux atteint 12,5\u{202F}% en mars."
        let found = try #require(try numbers(text, "fr").first)
        #expect(found.value == 12.5)
        #expect(found.role == .percent)
        #expect(found.text == "12,5\u{202F}%")
    }

    @Test(arguments: [("de", "Die Inflation lag bei 12 Prozent."), ("de", "Die Inflation lag bei 12 %."),
                      ("en", "Inflation was 12%."), ("en", "Inflation was 12 percent."), ("en", "Inflation was 12 per cent."),
                      ("ru", "Инфляция составила 12 процентов."), ("ru", "Инфляция составила 12\u{00A0}%."),
                      ("uk", "Інфляція становила 12 відсотків."), ("fr", "L’inflation était de 12 pour cent.")])
    func percentages(language: String, text: String) throws {
        let found = try numbers(text, language)
        #expect(found.map(\.value) == [12])
        #expect(found.map(\.role) == [.percent])
        #expect(found.first.map { $0.text.hasPrefix("12") && $0.text.count > 2 } == true)
    }

    @Test func negativeNumbersAndRanges() throws {
        #expect(try comparedValues("Die Temperatur fiel auf -5 Grad, nachts auf \u{2212}12 Grad.", "de") == [-5, -12])
        #expect(try numbers("(-5)", "en").map(\.text) == ["-5"])
        #expect(try comparedValues("10-12 Menschen", "de") == [10, 12])
        #expect(try comparedValues("10–12 человек", "ru") == [10, 12])
        #expect(try comparedValues("10 – 12 people", "en") == [10, 12])
    }

    @Test func yearsStandAlone() throws {
        let found = try numbers("Seit 2014 kämpfen 20.000 Soldaten, 999 Panzer und 2101 Drohnen.", "de")
        #expect(found.map(\.role) == [.year, .plain, .plain, .plain])
        #expect(try numbers("in the 1990s", "en").map(\.role) == [.year])
        #expect(try numbers("in den 1990er Jahren", "de").map(\.role) == [.year])
    }

    @Test func timesAreNotCompared() throws {
        #expect(try numbers("um 8:00 und um 13:56", "de").map(\.role) == [.time, .time])
        #expect(try numbers("um 8:00 und um 13:56", "de").map(\.value) == [480, 836])
        #expect(try numbers("gegen 13 Uhr, später 13.56 Uhr", "de").map(\.value) == [780, 836])
        #expect(try numbers("at 1:56 p.m. and 8 a.m.", "en").map(\.value) == [836, 480])
        #expect(try numbers("à 13h56 ou 13 h 30", "fr").map(\.value) == [836, 810])
        // `am` is German for "on the", not a.m.
        #expect(try numbers("die 10 am stärksten betroffenen Regionen", "de").map(\.role) == [.plain])
        // A score is no time: minutes have two digits.
        #expect(try numbers("2:1 gewonnen", "de").map(\.role) == [.plain, .plain])
    }

    @Test func digitsInNames() throws {
        let found = try numbers("F-16 jets, COVID-19, the G7, MH17, a Su-25 and 5G networks", "en")
        #expect(found.map(\.text) == ["16", "19", "7", "17", "25", "5"])
        #expect(found.allSatisfy { $0.role == .inName })
        #expect(try numbers("Kampfjets vom Typ F-16", "de").map(\.role) == [.inName])
        // A number before a hyphen is a quantity: `20-Jährige`.
        #expect(try numbers("ein 20-Jähriger", "de").map(\.role) == [.plain])
    }

    @Test func ordinalsAndUnitsWrittenOn() throws {
        #expect(try numbers("the 3rd round", "en").map(\.value) == [3])
        let convoy = try numbers("a 10km convoy", "en")
        #expect(convoy.map(\.value) == [10])
        #expect(convoy.map(\.role) == [.plain])
        #expect(convoy.map(\.text) == ["10"])
    }

    @Test func numbersInTheOtherConventionAreFlaggedNotLost() throws {
        let german = try #require(try numbers("Das Wachstum lag bei 3.5 Prozent.", "de").first)
        #expect(german.value == 3.5)
        #expect(german.role == .percent)
        #expect(!german.isLocaleFormatted)
        let english = try #require(try numbers("a rate of 1,2 percent", "en").first)
        #expect(english.value == 1.2)
        #expect(!english.isLocaleFormatted)
    }

    @Test func rangesAreUTF16OffsetsBehindMultibyteText() throws {
        let text = "🇺🇦 Київ: 1\u{00A0}500 людей, 12 % і F-16"
        for number in try numbers(text, "uk") {
            #expect(slice(text, number.range) == number.text)
        }
        #expect(try numbers(text, "uk").map(\.text) == ["1\u{00A0}500", "12 %", "16"])
    }

    @Test(arguments: [
        ("twenty thousand people", "en", [20_000.0]), ("twenty-five soldiers", "en", [25]), ("one hundred and five", "en", [105]),
        ("three reporters and one photographer", "en", [3]), ("fünfundzwanzig Soldaten", "de", [25]),
        ("drei Millionen Menschen", "de", [3_000_000]), ("десять тысяч человек", "ru", [10_000]), ("три дня", "ru", [3]),
        ("trois blessés", "fr", [3]), ("ein Mann und eine Frau", "de", []), ("hundreds of thousands", "en", []),
    ])
    func numbersWrittenAsWords(_ text: String, _ language: String, _ expected: [Double]) throws {
        #expect(try comparedValues(text, language) == expected)
    }

    @Test(arguments: [
        ("10 тысяч человек", "ru", 10_000.0), ("1,2 млн", "ru", 1_200_000), ("5 Mio. Euro", "de", 5_000_000),
        ("400万人", "ja", 4_000_000), ("3 lakh people", "en", 300_000), ("4 million people", "en", 4_000_000),
        ("1.5 billion", "en", 1_500_000_000), ("3億円", "ja", 300_000_000),
    ])
    func scaleWordsMultiplyTheFigure(_ text: String, _ language: String, _ value: Double) throws {
        #expect(try comparedValues(text, language) == [value])
    }

    @Test(arguments: [
        ("mil millones de euros", "es", [1_000_000_000.0]), ("mil personas", "es", [1_000]), ("mille euros", "fr", [1_000]),
        ("zweitausend Millionen Euro", "de", [2_000_000_000]), ("two million five thousand", "en", [2_005_000]),
        ("около полутора миллионов", "ru", [1_500_000]), ("полтора часа", "ru", []), ("anderthalb Millionen", "de", [1_500_000]),
        ("un billón de euros", "es", [1_000_000_000_000]),
        ("三千万人", "zh", [30_000_000]), ("十亿元", "zh", [1_000_000_000]), ("两千名学生", "zh", [2_000]),
        ("三百五十万人", "zh", [3_500_000]), ("一千零五个", "zh", [1_005]), ("三千五百", "zh", [3_500]), ("一万五", "zh", [15_000]),
        ("十億円", "ja", [1_000_000_000]), ("二十人", "ja", [20]),
        // Words, not numbers: "by all means", "in case", "together", the place name Chiba, a lone digit.
        ("千万不要去", "zh", []), ("数十万人", "zh", []), ("数十万人", "ja", []), ("上万人", "zh", []), ("万一下雨", "zh", []), ("一起去", "zh", []), ("千葉県", "ja", []), ("三人", "ja", []),
    ])
    func scaleWordsAndHanNumerals(_ text: String, _ language: String, _ expected: [Double]) throws {
        #expect(try comparedValues(text, language) == expected)
    }

    @Test(arguments: [
        ("minus 15 Grad", "de", [-15.0]), ("минус 15 градусов", "ru", [-15]), ("−15 degrees", "en", [-15]),
        ("–15 degrees", "en", [-15]), ("20 minus 5", "en", [20, 5]), ("au moins 15 personnes", "fr", [15]),
        ("al menos 15 personas", "es", [15]),
    ])
    func signsWrittenAsWordsOrMarks(_ text: String, _ language: String, _ expected: [Double]) throws {
        #expect(try comparedValues(text, language) == expected)
    }

    @Test(arguments: [
        ("at 2.30pm", "en", 870.0), ("at 2pm", "en", 840), ("at 2:30pm", "en", 870), ("at 2.30 p.m.", "en", 870),
        ("at 12am", "en", 0), ("a las 14.30 horas", "es", 870), ("um 14:30 Uhr", "de", 870),
    ])
    func twelveAndTwentyFourHourTimes(_ text: String, _ language: String, _ minutes: Double) throws {
        let found = try numbers(text, language)
        #expect(found.map(\.role) == [.time])
        #expect(found.first?.value == minutes)
    }

    @Test func numberWordsAreFoundWhereTheyAre() throws {
        let text = "Ёлка: twenty-five people"
        let found = try numbers(text, "en")
        #expect(found.count == 1)
        #expect(slice(text, found[0].range) == "twenty-five")
    }
}

// MARK: - Dates

@Suite struct DateExtractorTests {
    @Test func ordinalWordsAreDays() throws {
        #expect(try days("Die Wahl findet am ersten November statt.", "de") == [[1, 11, nil]])
        #expect(try days("The vote is on November 1st.", "en") == [[1, 11, nil]])
        #expect(try days("Le vote a lieu le premier mars.", "fr") == [[1, 3, nil]])
    }

    @Test(arguments: [
        ("de", "am 24. Februar", 24, 2, nil), ("de", "am 24. Februar 2022", 24, 2, 2022), ("de", "am 10. März", 10, 3, nil),
        ("en", "on February 24", 24, 2, nil), ("en", "on Feb. 24, 2022", 24, 2, 2022), ("en", "on 24 February", 24, 2, nil),
        ("en", "on March 10", 10, 3, nil), ("en", "the 24th of February 2022", 24, 2, 2022), ("en", "on Sept. 5", 5, 9, nil),
        ("ru", "24 февраля", 24, 2, nil), ("ru", "24 февраля 2022 года", 24, 2, 2022), ("uk", "24 лютого", 24, 2, nil),
        ("fr", "le 1er mars 2022", 1, 3, 2022), ("fr", "le 24 février", 24, 2, nil), ("cs", "dne 24. února 2022", 24, 2, 2022),
        ("de", "28.03.2022", 28, 3, 2022), ("ru", "28.03.2022", 28, 3, 2022), ("uk", "28.03.2022", 28, 3, 2022),
        ("en", "03/28/2022", 28, 3, 2022), ("en-US", "03/04/2022", 4, 3, 2022), ("en-GB", "03/04/2022", 3, 4, 2022),
        ("en", "2022-03-28", 28, 3, 2022), ("de", "bis zum 28.03. verlängert", 28, 3, nil), ("ja", "2022年3月28日", 28, 3, 2022),
        ("zh", "3月28日", 28, 3, nil),
    ] as [(String, String, Int, Int, Int?)])
    func finds(language: String, text: String, day: Int, month: Int, year: Int?) throws {
        let found = try dates(text, language)
        #expect(found.count == 1, "\(language): \(text)")
        let date = try #require(found.first)
        #expect([date.day, date.month, date.year] == [day, month, year], "\(language): \(text)")
        #expect(slice(text, date.range) == date.text)
    }

    @Test func seedDatesMatchAcrossLanguages() throws {
        let pairs = [
            ("Kurz nach Beginn des russischen Angriffskriegs gegen die Ukraine am 24. Februar hatten Delegationen beider Länder Verhandlungen aufgenommen.",
             "Shortly after the start of the Russian war of aggression against Ukraine, on February 24, delegations from both countries began negotiations."),
            ("Der ukrainische Außenminister Dmytro Kuleba und sein russischer Kollege Sergej Lawrow hatten sich am 10. März in der Türkei getroffen.",
             "Ukrainian Foreign Minister Dmytro Kuleba and his Russian counterpart Sergei Lavrov met in Turkey on March 10."),
            ("28.03.2022 13:56 (akt. 28.03.2022 13:56)", "03/28/2022 13:56 (act 03/28/2022 13:56)"),
        ]
        for (german, english) in pairs {
            let source = try dates(german, "de")
            let target = try dates(english, "en")
            #expect(!source.isEmpty)
            #expect(source.count == target.count)
            for (one, other) in zip(source, target) { #expect(one.isSameDay(as: other), "\(one) ≠ \(other)") }
        }
        #expect(try dates("am 24. Februar", "de").first?.text == "24. Februar")
        #expect(try dates("on February 24, delegations", "en").first?.text == "February 24")
        #expect(try dates("on Feb. 24, 2022 the", "en").first?.text == "Feb. 24, 2022")
    }

    @Test func componentRanges() throws {
        let text = "Am 24. Februar 2022 begann der Krieg."
        let date = try #require(try dates(text, "de").first)
        #expect(slice(text, date.dayRange) == "24")
        #expect(slice(text, date.monthRange) == "Februar")
        #expect(date.yearRange.map { slice(text, $0) } == "2022")
        #expect(!date.isNumeric)
        let numeric = try #require(try dates("am 28.03.2022", "de").first)
        #expect(numeric.isNumeric)
        #expect(slice("am 28.03.2022", numeric.monthRange) == "03")
    }

    @Test func monthNamesIgnoreCaseAndTheAbbreviationDot() throws {
        #expect(try days("24 ФЕВРАЛЯ", "ru") == [[24, 2, nil]])
        #expect(try days("24 февр. 2022", "ru") == [[24, 2, 2022]])
        #expect(try days("24 февр 2022", "ru") == [[24, 2, 2022]])
        #expect(try days("am 24. Feb. 2022", "de") == [[24, 2, 2022]])
        #expect(try days("Feb 24", "en") == [[24, 2, nil]])
    }

    @Test func monthOrYearAloneIsNoDate() throws {
        #expect(try dates("im März 2022 und im Jahr 2021", "de").isEmpty)
        #expect(try dates("in March, in 2022, in March 2022", "en").isEmpty)
        #expect(try dates("в феврале 2022 года", "ru").isEmpty)
    }

    @Test func impossibleDatesAndLookalikes() throws {
        #expect(try dates("am 30. Februar", "de").isEmpty)
        #expect(try days("am 29. Februar 2024", "de") == [[29, 2, 2024]])
        #expect(try dates("am 29. Februar 2023", "de").isEmpty)
        #expect(try dates("Version 1.2.3 und 20.000 Menschen", "de").isEmpty)
        #expect(try dates("March 10,000 people", "en").isEmpty)
        // Month-first needs the capital English writes months with.
        #expect(try dates("they march 10 miles; you may 5 times", "en").isEmpty)
        // Impossible as M/D/Y, so D/M/Y.
        #expect(try days("28/03/2022", "en") == [[28, 3, 2022]])
        #expect(try days("3/4/22", "en") == [[4, 3, 2022]])
    }

    @Test func wholeSeedArticleHasTheSameDays() throws {
        let german = try String(contentsOfFile: Fixtures.seedSourcePath, encoding: .utf8)
        let english = try String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8)
        let source = try days(german, "de")
        let target = try days(english, "en")
        #expect(source == [[28, 3, 2022], [28, 3, 2022], [24, 2, nil], [10, 3, nil]])
        #expect(target == source)
    }
}

// MARK: - Quotation marks

@Suite struct QuoteScannerTests {
    @Test func seedGermanQuotationsAreCorrect() throws {
        let line = "„Heute werden sie es wahrscheinlich nicht mehr dorthin schaffen“, sagte Kremlsprecher Dmitri Peskow am Montag laut der Nachrichtenagentur Interfax. „Hoffentlich kann das theoretisch morgen passieren.“"
        let scan = try QuoteScanner(language: "de").scan(line)
        #expect(scan.issues.isEmpty)
        #expect(scan.quotations.count == 2)
        #expect(scan.quotations.allSatisfy { $0.isExpectedStyle })
    }

    @Test func englishQuotationsInGermanAreFlagged() throws {
        let line = "“Today they probably won’t stay there,” Kremlin spokesman Dmitry Peskov said on Monday."
        #expect(try issues(line, "en").isEmpty)
        let found = try issues(line, "de")
        #expect(found.map(\.kind) == [.unexpectedMark(expected: "„"), .unexpectedMark(expected: "“")])
        #expect(found.map(\.mark) == ["“", "”"])
        #expect(found.map { slice(line, $0.range) } == ["“", "”"])
    }

    @Test func englishOpeningMarkWithGermanClosingMark() throws {
        #expect(try issues("Er sagte: “Hallo“ und ging.", "de").map(\.kind) == [.unexpectedMark(expected: "„")])
    }

    @Test func russianGuillemetsAndNestedQuotes() throws {
        let scan = try QuoteScanner(language: "ru").scan("«Сегодня они, вероятно, „не успеют“», — сказал Песков.")
        #expect(scan.issues.isEmpty)
        #expect(scan.quotations.map(\.depth) == [0, 1])
        #expect(try issues("«Сьогодні вони, ймовірно, не встигнуть», — сказав Пєсков.", "uk").isEmpty)
        #expect(try issues("« Aujourd’hui, ils n’y arriveront “probablement” pas », a déclaré Peskov.", "fr").isEmpty)
    }

    @Test func unbalancedQuotesAndBrackets() throws {
        let text = "„Heute werden sie es nicht schaffen, sagte Peskow (am Montag."
        let found = try issues(text, "de")
        #expect(found.map(\.kind) == [.unclosed, .unclosed])
        #expect(found.map(\.mark) == ["„", "("])
        #expect(try issues("Peskow sagte das am Montag).", "de").map(\.kind) == [.unopened])
        #expect(try issues("Er sagte nur: morgen“.", "de").map(\.kind) == [.unopened])
        #expect(try issues("[Zitat] {x} (akt. 28.03.2022 13:56)", "de").isEmpty)
    }

    @Test func quotationsEndAtTheLineUnlessTheNextParagraphContinuesThem() throws {
        #expect(try issues("“First paragraph,\n“second paragraph.”", "en").isEmpty)
        #expect(try issues("“First paragraph,\nno quotation here.", "en").map(\.kind) == [.unclosed])
    }

    @Test func apostrophesAndStraightQuotesAreNotFlagged() throws {
        #expect(try issues("Kyiv’s mayor said he didn’t know. The Ukrainians’ demands date from the ’90s.", "en").isEmpty)
        #expect(try issues("Er sagte \"Hallo\" und 'tschüss'; das geht‘s nicht an.", "de").isEmpty)
    }

    @Test func listItemsAndEmoticonsAreNotBrackets() throws {
        #expect(try issues("1) erstens\na) zweitens :) und :-( ", "de").isEmpty)
        #expect(try issues("Stand:(akt. 28.03.2022)", "de").isEmpty)
        #expect(try issues("Sie sagte 1) nichts", "de").map(\.kind) == [.unopened])
    }

    @Test func wholeSeedArticlesAreClean() throws {
        let german = try String(contentsOfFile: Fixtures.seedSourcePath, encoding: .utf8)
        let english = try String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8)
        #expect(try issues(german, "de").isEmpty)
        #expect(try issues(english, "en").isEmpty)
        // The English article's quotation marks, in German text, are all wrong.
        let quotations = try QuoteScanner(language: "en").scan(english).quotations.count
        #expect(quotations == 5)
        #expect(try issues(english, "de").count == 2 * quotations)
    }
}

// MARK: - The seed article as a whole

@Suite struct SeedArticleNumberAndDateTests {
    @Test func comparedNumbersAgreeLineByLine() throws {
        let german = try String(contentsOfFile: Fixtures.seedSourcePath, encoding: .utf8).split(separator: "\n")
        let english = try String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8).split(separator: "\n")
        #expect(german.count == english.count)
        let source = try NumberExtractor(language: "de")
        let target = try NumberExtractor(language: "en")
        for (one, other) in zip(german, english) {
            // Line 3's MT adds `two` (delegations) where the German has no number word: a small
            // number with no other figure around, which numbers.mismatch does not report.
            let comparison = GarbledSignalExtractor.compareNumbers(source.numbers(in: String(one)), target.numbers(in: String(other)),
                                                                   targetLanguage: "en", target: String(other))
            #expect(comparison.extraInTarget.isEmpty && comparison.missingFromTarget.isEmpty, "\(one)")
        }
        let line3 = target.numbers(in: String(english[2])).filter(\.role.isCompared).map(\.value)
        #expect(line3 == [2])
    }
}
