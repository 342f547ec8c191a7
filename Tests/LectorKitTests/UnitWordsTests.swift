import Testing
import LectorKit
import LectorICU

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
