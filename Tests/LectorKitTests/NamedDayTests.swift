import LectorICU
import LectorKit
import LectorTestSupport
import Testing

/// Days of the week and months named on their own (`am Dienstag`, `im März`), as
/// `DateExtractor.namedDays` reads them and `dates.mismatch` compares them.
@Suite struct NamedDayTests {
    private func named(_ text: String, _ language: String) throws -> [String] {
        try DateExtractor(language: language).namedDays(in: text).map { "\($0.kind == .weekday ? "d" : "m")\($0.value) \($0.text)" }
    }

    @Test func wideNamesOfEveryFormAreRead() throws {
        #expect(try named("Scholz met Macron on Tuesday and will return in March.", "en") == ["d2 Tuesday", "m3 March"])
        #expect(try named("Scholz traf Macron am Dienstag; im März kommt er wieder.", "de") == ["d2 Dienstag", "m3 März"])
        #expect(try named("Le sommet aura lieu mercredi 5 mars.", "fr") == ["d3 mercredi", "m3 mars"])
        // The format (genitive) and stand-alone forms both come from CLDR.
        #expect(try named("До конца октября; в октябре; воскресенье.", "ru") == ["m10 октября", "d0 воскресенье"])
    }

    @Test func wordsSpelledLikeNamesAreNotNames() throws {
        // Lower case where the language capitalizes the names: a verb, not a month.
        #expect(try named("You may march on.", "en").isEmpty)
        // Abbreviations are words too (German `So`, `Do`; English `Sun`, `Mar`).
        #expect(try named("So geht es. Do it. Sun and Mar.", "de").isEmpty)
        #expect(try named("Sun and Mar.", "en").isEmpty)
    }

    private func findings(_ source: String, _ target: String, from language: String, to targetLanguage: String = "en") -> [Finding] {
        Fixtures.bilingualChecker(from: language, to: targetLanguage)
            .check(SourceDocument(path: "t.\(targetLanguage).txt", text: target),
                   source: SourceDocument(path: "s.\(language).txt", text: source))
            .filter { $0.ruleID == "dates.mismatch" }
    }

    @Test func aChangedDayOrMonthIsReportedAtTheTranslationsName() {
        let found = findings("Scholz traf Macron am Dienstag in Paris.", "Scholz met Macron in Paris on Thursday.", from: "de")
        #expect(found.map(\.message) == ["`Thursday` is not a day of the week the source names (the source has `Dienstag`)"])
        #expect(found.first?.location.column == 31)
        #expect(findings("Scholz traf Macron am Dienstag in Paris.", "Scholz met Macron in Paris on Tuesday.", from: "de").isEmpty)
        // A day left out or added is not a day changed.
        #expect(findings("Scholz traf Macron am Dienstag in Paris.", "Scholz met Macron in Paris.", from: "de").isEmpty)
        #expect(findings("Scholz traf Macron in Paris.", "Scholz met Macron in Paris on Tuesday.", from: "de").isEmpty)
        // A month inside a date of the translation is the date comparison's: one finding, not two.
        let date = findings("Im März traf er Macron.", "On May 5 he met Macron.", from: "de")
        #expect(date.count == 1 && date.first?.message.hasPrefix("`May 5` is not a date of the source") == true, "\(date.map(\.message))")
    }

    @Test(.enabled(if: LexicalResource.hunspellFiles("ru", in: .standard) != nil, "needs hunspell-ru"))
    func aCaseCLDRDoesNotListIsReadThroughTheDictionary() {
        // Prepositional `в декабре` and accusative `в среду` are in no CLDR list.
        #expect(findings("На слушании в декабре Блэквуд извинился.", "At a hearing in April, Blackwood apologized.", from: "ru")
            .map(\.message) == ["`April` is not a month the source names (the source has `декабре`)"])
        #expect(findings("На слушании в декабре Блэквуд извинился.", "At a hearing in December, Blackwood apologized.", from: "ru").isEmpty)
        #expect(findings("Встреча пройдёт в среду.", "The meeting will take place on Friday.", from: "ru").map(\.message)
            == ["`Friday` is not a day of the week the source names (the source has `среду`)"])
        #expect(findings("The meeting will take place on Wednesday.", "Встреча пройдёт в пятницу.", from: "en", to: "ru").map(\.message)
            == ["`пятницу` is not a day of the week the source names (the source has `Wednesday`)"])
    }
}

/// `dates.mismatch` reads the names of days and months off the tokens the number reader read
/// (`NumberReading`), which an extractor of the same language made, with their folded words.
@Suite struct NamedDayReadingTests {
    @Test func aReadingGivesTheNamesATextGives() throws {
        let texts: [(String, [String])] = [
            ("de", ["Am Dienstag, dem 24. Februar 2022, kamen 76 Delegierte.", "Im März und im Mai; Montag kein Treffen.",
                    "Die Sitzung am Freitag (%s Teilnehmer) endet im Dezember.", "ohne Namen und ohne Zahlen", ""]),
            ("en", ["On Tuesday, February 24, 2022, 76 delegates met.", "you may march in May on monday", "Friday 13th of March"]),
            ("fr", ["Le sommet aura lieu mercredi 5 mars.", "Lundi, en janvier"]),
            ("ru", ["Встреча пройдёт в среду, 24 февраля.", "В декабре и в январе"]),
        ]
        for (language, lines) in texts {
            let reader = try NumberExtractor(language: language), other = try NumberExtractor(language: language)
            for text in lines {
                let units = UTF16.encode(text)
                var segments: [Segment] = []
                units.withUnsafeBufferPointer { buffer in reader.wordSegmenter.forEachSegment(in: buffer) { segments.append($0) } }
                let reading = reader.reading(inUTF16: units, segments: segments)
                let alone = try DateExtractor(language: language).namedDays(in: text)
                // The numbers and dates first (as the rules ask), then the names, by this reader and another.
                #expect(reading.numbers == reader.numbersAndDates(in: text).numbers, "\(language): \(text)")
                #expect(reading.dates == reader.numbersAndDates(in: text).dates, "\(language): \(text)")
                #expect(reader.namedDays(in: reading) == alone, "\(language): \(text)")
                #expect(other.namedDays(in: reading) == alone, "\(language): \(text)")
                #expect(reader.namedDays(in: reader.reading(of: text)) == alone, "\(language): \(text)")
            }
        }
        // Not vacuous: names are found.
        let german = try NumberExtractor(language: "de")
        #expect(german.namedDays(in: german.reading(of: "Am Dienstag im März")).map(\.value) == [2, 3])
    }
}
