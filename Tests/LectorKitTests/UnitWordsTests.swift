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
