import Testing
import LectorTestSupport
import LectorKit
import LectorICU
import LectorLexicon

/// The units a language writes next to a number (`UnitWords`, CLDR through ICU) and where a
/// mention of one starts and ends.
@Suite struct UnitWordsTests {
    private func mention(_ text: String, afterNumber number: String, language: String) throws -> UnitWords.Mention? {
        let units = UTF16.encode(text)
        let numberUnits = UTF16.encode(number)
        let start = try #require((0...(units.count - numberUnits.count)).first { units[$0..<($0 + numberUnits.count)].elementsEqual(numberUnits) })
        return try UnitWords(language: language).mention(after: start + numberUnits.count, in: units)
    }

    @Test(arguments: ["de", "en", "fr", "ru", "cs", "et", "ro", "ja", "zh", "uk", "pl", "es"])
    func everyCatalogueUnitIsReadForTheLanguage(language: String) throws {
        let words = try UnitWords(language: language)
        #expect(words.language == language)
    }

    @Test func unitsAfterANumber() throws {
        #expect(try mention("Der Marathon ist 42 Kilometer lang.", afterNumber: "42", language: "de")?.units.map(\.name) == ["kilometer"])
        #expect(try mention("Дорога длиной 60 километров.", afterNumber: "60", language: "ru")?.units.map(\.name) == ["kilometer"])
        #expect(try mention("It is 42 kilometres long.", afterNumber: "42", language: "en")?.units.map(\.name) == ["kilometer"])
        // Across a hyphen, up to the compound's next hyphen.
        let compound = try #require(try mention("Eine 5-Kilometer-Strecke.", afterNumber: "5", language: "de"))
        #expect(compound.units.map(\.name) == ["kilometer"])
        #expect(compound.range == 7..<16)
    }

    @Test func aWordThatOnlyStartsLikeAUnitIsNone() throws {
        #expect(try mention("It took 5 more hours.", afterNumber: "5", language: "en") == nil)
        #expect(try mention("It took 5 moments.", afterNumber: "5", language: "en") == nil)
        // A case CLDR's count forms do not have.
        #expect(try mention("Nach 5 Kilometern hielten wir.", afterNumber: "5", language: "de") == nil)
    }

    @Test func formsOfSeveralUnitsStandForAllOfThem() throws {
        let m = try #require(try mention("It took 5 m.", afterNumber: "5", language: "en"))
        #expect(Set(m.units.map(\.name)).isSuperset(of: ["meter", "minute"]))
        // The metric and the short ton are one unit as compared.
        let tonnes = try #require(try mention("300 Tonnen Getreide", afterNumber: "300", language: "de"))
        let tons = try #require(try mention("300 tons of grain", afterNumber: "300", language: "en"))
        #expect(!tonnes.units.isDisjoint(with: tons.units))
    }

    @Test func aCurrencyNamedByItsBareNounIsEveryCurrencyOfThatName() throws {
        // CLDR's English name is `US dollars`, its Romanian one `dolari americani`; text writes the noun.
        let dollars = try #require(try mention("It cost 20 dollars.", afterNumber: "20", language: "en"))
        #expect(Set(dollars.units.map(\.name)).isSuperset(of: ["USD", "CAD", "AUD"]))
        #expect(!dollars.units.contains { $0.name == "EUR" || $0.name == "GBP" })
        let dolari = try #require(try mention("Bancnotele de 20 de dolari.", afterNumber: "20", language: "ro"))
        #expect(dolari.units.contains { $0.name == "USD" })
        #expect(dolari.range.count == "de dolari".utf16.count)
        let dollar = try #require(try mention("Der Preis lag bei 20 Dollar.", afterNumber: "20", language: "de"))
        #expect(dollar.units.contains { $0.name == "USD" })
        // Named with their qualifier, two dollars stay two currencies.
        #expect(try mention("It cost 20 US dollars.", afterNumber: "20", language: "en")?.units.map(\.name) == ["USD"])
        #expect(try mention("It cost 20 Canadian dollars.", afterNumber: "20", language: "en")?.units.map(\.name) == ["CAD"])
        // `pounds` is sterling or a weight; a word all currency names share is no currency.
        let pounds = try #require(try mention("It cost 20 pounds.", afterNumber: "20", language: "en"))
        #expect(Set(pounds.units.map(\.name)).isSuperset(of: ["GBP", "pound"]))
        #expect(try mention("20 de oameni au venit.", afterNumber: "20", language: "ro") == nil)
        // Turkish `yeni` ("new") is in `Japon yeni` and `Yeni Zelanda doları`, but only the yen's
        // name is reduced to it: no noun the names share.
        #expect(try mention("Şirket 5 yeni ürün sundu.", afterNumber: "5", language: "tr") == nil)
        #expect(try mention("Fiyatı 5 doları geçti.", afterNumber: "5", language: "tr")?.units.contains { $0.name == "USD" } == true)
    }

    @Test func aWordCLDRPutsBeforeMostUnitsMayStandBeforeAnyOfThem() throws {
        // Romanian: `20 de kilometri` in CLDR, `48 de km` in text.
        let km = try #require(try mention("Varennes, la 48 de km, fiind recunoscut.", afterNumber: "48", language: "ro"))
        #expect(km.units.map(\.name) == ["kilometer"])
        #expect(km.range.count == "de km".utf16.count)
        #expect(try mention("It cost 20 de km.", afterNumber: "20", language: "en") == nil)
    }

    @Test func currencySignBeforeTheNumber() throws {
        let text = UTF16.encode("It cost €5 million.")
        let mention = try #require(try UnitWords(language: "en").mention(before: 9, in: text))
        #expect(mention.units.map(\.name) == ["EUR"])
        #expect(mention.range == 8..<9)
        #expect(try UnitWords(language: "en").mention(before: 9, in: UTF16.encode("It cost a5 million.")) == nil)
    }
}

/// `numbers.unit` on sentences of other cases than the one after a numeral, which it reads
/// through the Hunspell dictionary's stems (`hunspell-de-de` and `hunspell-ru`, which the README
/// installs).
@Suite struct NumbersUnitInflectionTests {
    private func findings(_ source: String, _ target: String, from language: String) -> [Finding] {
        Fixtures.bilingualChecker(from: language, to: "en")
            .check(SourceDocument(path: "t.en.txt", text: target), source: SourceDocument(path: "s.\(language).txt", text: source))
            .filter { $0.ruleID == "numbers.unit" }
    }

    @Test(.enabled(if: LexicalResource.hunspellFiles("de", in: .standard) != nil
                       && LexicalResource.hunspellFiles("ru", in: .standard) != nil, "needs hunspell-de-de and hunspell-ru"))
    func aCaseCLDRDoesNotListIsReadThroughTheDictionary() {
        #expect(findings("Vor 20 Jahren begann die Studie.", "The study began 20 months ago.", from: "de").map(\.message)
            == ["the unit changed: `20 months` (month) where the source has `20 Jahren` (year)"])
        #expect(findings("Vor 20 Jahren begann die Studie.", "The study began 20 years ago.", from: "de").isEmpty)
        #expect(findings("Деревня в 5 километрах от города.", "The village is 5 miles from the city.", from: "ru").map(\.message)
            == ["the unit changed: `5 miles` (mile) where the source has `5 километрах` (kilometer)"])
        #expect(findings("Деревня в 5 километрах от города.", "The village is 5 km from the city.", from: "ru").isEmpty)
    }
}

/// `numbers.unit` on what the first version missed: a bare currency noun, a unit written onto the
/// figure, a four-digit figure, each on sentences like those of the MLQE-PE and WMT23 data.
@Suite struct NumbersUnitCoverageTests {
    private func messages(_ source: String, _ target: String, from language: String) -> [String] {
        Fixtures.bilingualChecker(from: language, to: "en")
            .check(SourceDocument(path: "t.en.txt", text: target), source: SourceDocument(path: "s.\(language).txt", text: source))
            .filter { $0.ruleID == "numbers.unit" }.map(\.message)
    }

    @Test func aBareCurrencyNounIsThatCurrency() {
        let source = "Rasa sa a apărut pe bancnotele de 5, 10, 20 și 100 de dolari."
        #expect(messages(source, "His race has appeared on the 5, 10, 20 and 100 euros banknotes.", from: "ro").count == 1)
        #expect(messages(source, "His race has appeared on the 5, 10, 20 and 100 dollars banknotes.", from: "ro").isEmpty)
        #expect(messages(source, "His race has appeared on the 5, 10, 20 and 100 US dollars banknotes.", from: "ro").isEmpty)
        #expect(messages("Das Ticket kostet 20 Dollar.", "The ticket costs 20 Canadian dollars.", from: "de").isEmpty)
        #expect(messages("Das Ticket kostet 20 Euro.", "The ticket costs 20 dollars.", from: "de")
            == ["the unit changed: `20 dollars` (AUD or CAD or HKD or NZD or USD) where the source has `20 Euro` (EUR)"])
    }

    @Test func aUnitWrittenOntoTheFigure() {
        #expect(messages("Die Studie begleitete einen 28jährigen Patienten.", "The study followed a 28-month-old patient.", from: "de")
            == ["the unit changed: `28-month` (month) where the source has `28jährigen` (year)"])
        #expect(messages("Die Studie begleitete einen 28-jährigen Patienten.", "The study followed a 28-month-old patient.", from: "de").count == 1)
        #expect(messages("Die Studie begleitete einen 28jährigen Patienten.", "The study followed a 28-year-old patient.", from: "de").isEmpty)
        #expect(messages("Die Wirkung hält 4-24 Tage an.", "The effect lasts 4-24h.", from: "de").count == 1)
        #expect(messages("Die Wirkung hält 4-24 Stunden an.", "The effect lasts 4-24h.", from: "de").isEmpty)
        // Not a unit: a word after a space that starts like one.
        #expect(messages("Er zahlte 5 Monatsmieten.", "He paid 5 days' rent.", from: "de").isEmpty)
        #expect(messages("Die Strecke misst 5km.", "The route is 5 miles long.", from: "de").count == 1)
    }

    @Test func aUnitAfterTheRomanianLinkWord() {
        let source = "Ludovic a părăsit Parisul, iar când a ajuns la Varennes, la 48 de km, fiind recunoscut, a fost oprit."
        #expect(messages(source, "Ludovic left Paris, and when he arrived at Varennes, at 48 miles, being recognised, he was stopped.", from: "ro")
            == ["the unit changed: `48 miles` (mile) where the source has `48 de km` (kilometer)"])
        #expect(messages(source, "Ludovic left Paris, and when he arrived at Varennes, at 48 km, being recognised, he was stopped.", from: "ro").isEmpty)
    }

    @Test func aFourDigitFigureWithAUnitIsAQuantity() {
        let source = "Hispaania piirneb Hispaaniaga põhjas ja idas, maismaapiiri kogupikkus on 1214 km."
        #expect(messages(source, "It borders Spain to the north and east, with a total length of 1214 miles of land borders.", from: "et")
            == ["the unit changed: `1214 miles` (mile) where the source has `1214 km` (kilometer)"])
        #expect(messages(source, "It borders Spain to the north and east, with a total length of 1214 km of land borders.", from: "et").isEmpty)
        // A year stays a year: no unit next to it.
        #expect(messages("Im Jahr 2019 liefen 30 Kilometer.", "In 2019, they ran 30 kilometres.", from: "de").isEmpty)
    }
}

/// `UnitWords.mention(after:in:)` compares a Latin-1 window with the forms in place and rules
/// out a window by its first unit; it must find what lower-casing the whole window finds.
@Suite struct UnitWordsWindowTests {
    /// The reading before the in-place comparison: the window lower-cased as a string, `nil`
    /// where that changes its length.
    private func reference(_ words: UnitWords, after end: Int, in text: [UInt16]) -> Range<Int>? {
        var start = end
        while start < text.count, start - end < 3, [0x20, 0xA0, 0x202F, 0x2009].contains(text[start]) { start += 1 }
        if start == end, start < text.count, text[start] == 0x2D { start += 1 }
        guard start < text.count else { return nil }
        let slice = text[start..<min(text.count, start + 40)]
        let lowered = UTF16.encode(UTF16.decode(Array(slice)).lowercased())
        guard lowered.count == slice.count else { return nil }
        // Longest form first, at a word boundary: the mention the reader returns, if any.
        return words.mention(after: end, in: Array(text[..<start]) + lowered + Array(text[(start + lowered.count)...]))?.range
    }

    @Test func theWindowIsReadAsItsLowerCase() throws {
        let tails = ["Kilometer", "KILOMETER", "Km lang", "KM", "km/h", "Euro", "EURO und mehr", "Grad", "Grad Celsius",
                     "Kilometer İstanbul", "Kilometer – Ölförderung", "Kilometer „lang“", "Meilen", "Jahre", "JAHRE",
                     "Tonnen", "Ärzte", "Übermorgen", "Éclairs", "ÄRA", "Stunden", "Σ", "километров", "Км", "ß", "µm", "mm",
                     "Minuten à 5", "Menschen", "Prozent", "Mio. Euro", "Millionen US-Dollar", "$", "€"]
        var found = 0
        for language in ["de", "en", "fr"] {
            let words = try UnitWords(language: language)
            for tail in tails {
                for text in ["Es sind 42 \(tail)", "42\(tail)", "42-\(tail)", "42\u{A0}\(tail)"] {
                    let units = UTF16.encode(text)
                    let end = units.firstIndex(of: 0x32)! + 1
                    let mention = words.mention(after: end, in: units)
                    #expect(mention?.range == reference(words, after: end, in: units), "\(language): \(text)")
                    if mention != nil { found += 1 }
                }
            }
        }
        #expect(found > 40)
    }

    @Test func theWindowBeforeAFigureIsReadAsItsLowerCase() throws {
        let words = try UnitWords(language: "en")
        var found = 0
        for prefix in ["$", "US$", "US$ ", "€", "EUR ", "eur", "£", "Ä", "x", "İ$", "Σ", "руб. ", "A$"] {
            let text = UTF16.encode("It cost \(prefix)5 million.")
            let start = text.firstIndex(of: 0x35)!
            let lowered = UTF16.encode(UTF16.decode(text).lowercased())
            let expected = lowered.count == text.count ? words.mention(before: start, in: lowered)?.range : nil
            let mention = words.mention(before: start, in: text)
            if lowered.count == text.count { #expect(mention?.range == expected, "\(prefix)") }
            if mention != nil { found += 1 }
        }
        #expect(found >= 4)
    }
}
