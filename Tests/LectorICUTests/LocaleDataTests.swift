import Testing
@testable import LectorICU

// Number formats, month names and quotation marks as ICU (CLDR) gives them.

@Suite struct NumberParserTests {
    @Test func groupedThousandsInGermanAndEnglish() throws {
        #expect(try NumberParser(locale: "de").parse("20.000") == 20000)
        #expect(try NumberParser(locale: "en").parse("20,000") == 20000)
        #expect(try NumberParser(locale: "de").parse("1.500,25") == 1500.25)
        #expect(try NumberParser(locale: "en").parse("3,500,000") == 3_500_000)
    }

    @Test func decimalComma() throws {
        #expect(try NumberParser(locale: "ru").parse("1,2") == 1.2)
        #expect(try NumberParser(locale: "de").parse("3,5") == 3.5)
        #expect(try NumberParser(locale: "fr").parse("12,5") == 12.5)
    }

    @Test(arguments: ["uk", "ru", "fr"])
    func spaceGroupingAcceptsEverySpace(locale: String) throws {
        let parser = try NumberParser(locale: locale)
        #expect(parser.groupsWithSpace)
        for space in ["\u{0020}", "\u{00A0}", "\u{202F}"] {
            #expect(parser.parse("1\(space)500") == 1500, "\(locale) U+\(String(space.unicodeScalars.first!.value, radix: 16))")
        }
        #expect(parser.parse("1\u{00A0}500,5") == 1500.5)
    }

    @Test func groupsMustHaveThreeDigits() throws {
        // In German `3.5` is no number: a group after `.` must have three digits.
        #expect(try NumberParser(locale: "de").parse("3.5") == nil)
        #expect(try NumberParser(locale: "de").parse("28.03") == nil)
        #expect(try NumberParser(locale: "en").parse("1,2") == nil)
        #expect(try NumberParser(locale: "en").parse("3.5") == 3.5)
    }

    @Test func signsAndExponents() throws {
        let german = try NumberParser(locale: "de")
        #expect(german.parse("-5") == -5)
        #expect(german.parse("\u{2212}5") == -5)
        // Exponents are never meant in running text.
        #expect(try NumberParser(locale: "en").parse("12e3") == nil)
        #expect(german.parse("") == nil)
        #expect(german.parse("Februar") == nil)
    }

    @Test func parsePrefixReportsTheParsePosition() throws {
        let prefix = try #require(try NumberParser(locale: "de").parsePrefix("20.000 Menschen"))
        #expect(prefix.value == 20000)
        #expect(prefix.length == 6)
        #expect(try NumberParser(locale: "de").parsePrefix("Menschen") == nil)
    }

    @Test func separators() throws {
        let german = try NumberParser(locale: "de")
        #expect(german.decimalSeparator == ",")
        #expect(german.groupingSeparator == ".")
        #expect(!german.groupsWithSpace)
        let english = try NumberParser(locale: "en")
        #expect(english.decimalSeparator == ".")
        #expect(english.groupingSeparator == ",")
        #expect(try NumberParser(locale: "ru").groupingSeparator == "\u{00A0}")
        #expect(try NumberParser(locale: "fr").groupingSeparator == "\u{202F}")
    }
}

@Suite struct DateSymbolsTests {
    @Test(arguments: ["de", "en", "ru", "uk", "fr", "cs", "ja", "zh"])
    func twelveMonthsInEveryForm(locale: String) throws {
        let symbols = try DateSymbols(locale: locale)
        for list in [symbols.months, symbols.shortMonths, symbols.standaloneMonths, symbols.standaloneShortMonths] {
            #expect(list.count == 12, "\(locale)")
            #expect(list.allSatisfy { !$0.isEmpty }, "\(locale)")
        }
        for month in 1...12 { #expect(!symbols.forms(ofMonth: month).isEmpty) }
    }

    @Test func russianGenitiveAndNominative() throws {
        let russian = try DateSymbols(locale: "ru")
        #expect(russian.months[1] == "февраля")  // format: "24 февраля"
        #expect(russian.standaloneMonths[1] == "февраль")
        let february = russian.forms(ofMonth: 2)
        #expect(february.contains("февраля"))
        #expect(february.contains("февраль"))
        #expect(february.contains("февр."))
    }

    @Test func grammaticalFormsInOtherLanguages() throws {
        #expect(try DateSymbols(locale: "uk").months[1] == "лютого")
        #expect(try DateSymbols(locale: "uk").standaloneMonths[1] == "лютий")
        #expect(try DateSymbols(locale: "cs").months[1] == "února")
        #expect(try DateSymbols(locale: "cs").standaloneMonths[1] == "únor")
        #expect(try DateSymbols(locale: "de").months[2] == "März")
        #expect(try DateSymbols(locale: "de").shortMonths[1] == "Feb.")
        #expect(try DateSymbols(locale: "en").months[1] == "February")
        #expect(try DateSymbols(locale: "en").shortMonths[1] == "Feb")
        #expect(try DateSymbols(locale: "fr").months[1] == "février")
        #expect(try DateSymbols(locale: "ja").months[1] == "2月")
        #expect(try DateSymbols(locale: "zh").forms(ofMonth: 2).contains("2月"))
    }

    @Test func monthOutOfRangeHasNoForms() throws {
        #expect(try DateSymbols(locale: "en").forms(ofMonth: 0).isEmpty)
        #expect(try DateSymbols(locale: "en").forms(ofMonth: 13).isEmpty)
    }

    @Test func datePatternsFollowTheRegion() throws {
        #expect(try DateSymbols(locale: "en").longDatePattern == "MMMM d, y")
        #expect(try DateSymbols(locale: "de").longDatePattern == "d. MMMM y")
        #expect(try DateSymbols(locale: "en").shortDatePattern.hasPrefix("M/d/"))
        #expect(try DateSymbols(locale: "en_US").shortDatePattern.hasPrefix("M/d/"))
        #expect(try DateSymbols(locale: "en_GB").shortDatePattern.hasPrefix("dd/MM/"))
        #expect(try DateSymbols(locale: "de").shortDatePattern.hasPrefix("dd.MM."))
    }

    @Test func aNonGregorianDefaultCalendarStillGivesGregorianMonths() throws {
        // Thai defaults to the Buddhist calendar, whose months are the Gregorian ones.
        #expect(try DateSymbols(locale: "th").months.count == 12)
        // The Hebrew calendar has 13 months with their own names; Lector wants January to December.
        let hebrew = try DateSymbols(locale: "he@calendar=hebrew")
        #expect(hebrew.months.count == 12)
        #expect(hebrew.months == (try DateSymbols(locale: "he")).months)
    }
}

@Suite struct QuotationMarksTests {
    @Test func german() throws {
        let marks = try QuotationMarks(locale: "de")
        #expect([marks.start, marks.end, marks.alternateStart, marks.alternateEnd] == ["„", "“", "‚", "‘"])
    }

    @Test func english() throws {
        let marks = try QuotationMarks(locale: "en")
        #expect([marks.start, marks.end, marks.alternateStart, marks.alternateEnd] == ["“", "”", "‘", "’"])
    }

    @Test(arguments: ["ru", "uk"])
    func russianAndUkrainian(locale: String) throws {
        let marks = try QuotationMarks(locale: locale)
        #expect([marks.start, marks.end, marks.alternateStart, marks.alternateEnd] == ["«", "»", "„", "“"])
    }

    @Test func french() throws {
        let marks = try QuotationMarks(locale: "fr")
        #expect([marks.start, marks.end] == ["«", "»"])
        // CLDR 42 (ICU 72) repeats « » for the inner level; later CLDR may give “ ”.
        #expect(["«", "“"].contains(marks.alternateStart))
        #expect(["»", "”"].contains(marks.alternateEnd))
    }

    @Test func japanese() throws {
        let marks = try QuotationMarks(locale: "ja")
        #expect([marks.start, marks.end, marks.alternateStart, marks.alternateEnd] == ["「", "」", "『", "』"])
    }
}

@Test func pluralCategoriesFollowCLDR() throws {
    #expect(try PluralRules(locale: "en").integerCategories == ["other", "one"])
    #expect(try PluralRules(locale: "ru").integerCategories.sorted() == ["few", "many", "one"])
    #expect(try PluralRules(locale: "ru").categories.count == 4)
    #expect(try PluralRules(locale: "ja").integerCategories == ["other"])
    #expect(try PluralRules(locale: "ar").integerCategories.count == 6)
    #expect(try PluralRules(locale: "ru").category(of: 3) == "few")
    #expect(try PluralRules(locale: "pl").category(of: 5) == "many")
}

/// Unicode's punctuation properties and CLDR's exemplar punctuation, as ICU gives them.
@Suite struct PunctuationDataTests {
    @Test func propertiesSayWhichMarksEndASentenceOrAClause() {
        for mark in ["。", "।", "؟", "።", "։", "!", "？"].map({ $0.unicodeScalars.first! }) {
            #expect(UnicodePunctuation.isSentenceTerminal(mark), "\(mark)")
        }
        for mark in ["、", "،", "؛", "។", ","].map({ $0.unicodeScalars.first! }) {
            #expect(UnicodePunctuation.isTerminalPunctuation(mark), "\(mark)")
            #expect(!UnicodePunctuation.isSentenceTerminal(mark), "\(mark)")
        }
        #expect(UnicodePunctuation.isQuotationMark("«") && UnicodePunctuation.isQuotationMark("„") && UnicodePunctuation.isQuotationMark("「"))
        #expect(!UnicodePunctuation.isQuotationMark("`"))
        #expect(UnicodePunctuation.isDash("—") && !UnicodePunctuation.isDash("."))
        #expect(UnicodePunctuation.name(of: "؟") == "ARABIC QUESTION MARK")
        #expect(UnicodePunctuation.name(of: "\u{3001}") == "IDEOGRAPHIC COMMA")
    }

    @Test func exemplarPunctuationIsTheLanguagesOwn() throws {
        let greek = try ExemplarPunctuation(locale: "el").scalars
        #expect(greek.contains(";") && !greek.contains("?"))
        let spanish = try ExemplarPunctuation(locale: "es").scalars
        #expect(spanish.contains("¿") && spanish.contains("¡"))
        #expect(!(try ExemplarPunctuation(locale: "de").scalars.contains("¿")))
        let japanese = try ExemplarPunctuation(locale: "ja").scalars
        #expect(japanese.contains("。") && japanese.contains("？"))
        let burmese = try ExemplarPunctuation(locale: "my").scalars
        #expect(burmese.contains("။") && !burmese.contains("?"))
    }
}

@Suite struct PlaceNamesTests {
    @Test func countriesInTheirLanguages() throws {
        let (german, english, russian) = (try PlaceNames(locale: "de"), try PlaceNames(locale: "en"), try PlaceNames(locale: "ru"))
        #expect(german.names["DE"]?.contains("deutschland") == true)
        #expect(english.names["DE"]?.contains("germany") == true)
        #expect(russian.names["DE"]?.contains("германия") == true)
        // The likeliest language names the country too: `French` for France.
        #expect(english.names["FR"]?.contains("french") == true)
        #expect(english.names["150"]?.contains("europe") == true)
    }

    @Test func citiesFromTheirTimeZones() throws {
        #expect(try PlaceNames(locale: "ru").names["Europe:Moscow"]?.contains("москва") == true)
        #expect(try PlaceNames(locale: "de").names["Europe:Moscow"]?.contains("moskau") == true)
        #expect(try PlaceNames(locale: "en").names["Europe:Moscow"]?.contains("moscow") == true)
        #expect(try PlaceNames(locale: "en").names["America:Los_Angeles"]?.contains("los angeles") == true)
        #expect(try PlaceNames(locale: "de").names["Europe:Vienna"]?.contains("wien") == true)
    }
}

@Suite struct MeasureUnitNamesTests {
    @Test func germanAndRussianUnitsInEveryPluralForm() throws {
        let german = try MeasureUnitNames.forms(of: "measure-unit/length-kilometer", locale: "de")
        #expect(german.contains(.init(text: "Kilometer", isBeforeNumber: false)))
        #expect(german.contains(.init(text: "km", isBeforeNumber: false)))
        // Russian writes the unit in the form its number asks for: 1 миля, 2 мили, 5 миль.
        let russian = Set(try MeasureUnitNames.forms(of: "measure-unit/length-mile", locale: "ru").map(\.text))
        #expect(russian.isSuperset(of: ["миля", "мили", "миль"]))
        #expect(!russian.contains { $0.contains("5") || $0.hasPrefix(" ") })
    }

    @Test func currencySignsStandWhereTheLocaleWritesThem() throws {
        let english = try MeasureUnitNames.forms(of: "currency/EUR", locale: "en")
        #expect(english.contains(.init(text: "€", isBeforeNumber: true)))
        #expect(english.contains(.init(text: "euros", isBeforeNumber: false)))
        let german = try MeasureUnitNames.forms(of: "currency/EUR", locale: "de")
        #expect(german.contains(.init(text: "€", isBeforeNumber: false)))
        #expect(german.contains(.init(text: "Euro", isBeforeNumber: false)))
    }

    @Test func unitsReadTogetherKeepEachOnesNumberOutOfItsForms() throws {
        // The measure units share one plain number; a currency is written with its own precision
        // (`5,00 €`, `¥5`), which must not be left in its forms.
        let stems = ["measure-unit/length-kilometer", "currency/EUR", "measure-unit/duration-hour", "currency/JPY"]
        for locale in ["de", "en", "ru"] {
            let together = try MeasureUnitNames.forms(of: stems, locale: locale)
            #expect(together.count == stems.count)
            for (stem, forms) in zip(stems, together) {
                #expect(!forms.isEmpty, "\(stem) \(locale)")
                #expect(!forms.contains { $0.text.contains(where: \.isNumber) || $0.text.hasPrefix(",") || $0.text.hasPrefix(".") },
                        "\(stem) \(locale): \(forms)")
            }
        }
        let german = try MeasureUnitNames.forms(of: stems, locale: "de")
        #expect(german[1].contains(.init(text: "€", isBeforeNumber: false)))
        #expect(german[2].contains(.init(text: "Stunden", isBeforeNumber: false)))
    }

    @Test func anUnknownUnitIsAnError() {
        #expect(throws: ICUError.self) { try MeasureUnitNames.forms(of: "measure-unit/length-furlong-per-fortnight", locale: "en") }
    }
}

@Suite struct LowerCaseNamesTests {
    @Test func weekdaysMonthsAndLanguagesInTheirCase() throws {
        let french = try LowerCaseNames(locale: "fr")
        for word in ["lundi", "janvier", "janv", "français", "anglais"] { #expect(french.lowerCaseWords.contains(word), "\(word)") }
        #expect(!french.lowerCaseWords.contains("mars") || !french.capitalizedWords.contains("Mars"))
        let english = try LowerCaseNames(locale: "en")
        for word in ["Monday", "Mon", "January", "English", "French"] { #expect(english.capitalizedWords.contains(word), "\(word)") }
        #expect(english.lowerCaseWords.isEmpty || !english.lowerCaseWords.contains("monday"))
        #expect(try LowerCaseNames(locale: "ru").lowerCaseWords.isSuperset(of: ["понедельник", "январь", "января", "русский"]))
        #expect(try LowerCaseNames(locale: "cs").lowerCaseWords.isSuperset(of: ["pondělí", "leden", "čeština"]))
        // German capitalizes them all: nothing to excuse there.
        let german = try LowerCaseNames(locale: "de")
        #expect(german.capitalizedWords.isSuperset(of: ["Montag", "Januar", "Französisch"]))
        #expect(!german.lowerCaseWords.contains("montag"))
    }
}
