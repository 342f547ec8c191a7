import Foundation
import LectorKit
@testable import LectorRules
import LectorTestSupport
import Testing

/// How `names.missing` and `names.replaced` read a word's case off its UTF-16 units in one pass
/// (`NamesMissingRule.WordCase`), and `names.missing` on German without sentence segmentation.
@Suite struct NameReadingFastPathTests {
    static let words = ["Peskow", "peskow", "NATO", "Nato", "КоАП", "ЦАХАЛа", "Дм", "iPhone", "McDonald", "ÖlPreis", "Ölpreis",
                        "ß", "Straße", "STRASSE", "Ǆemal", "ǅemal", "𝐀bc", "𝐀𝐁c", "A𝐁c", "Ab😀", "😀Ab", "Kiew’s", "A", "Ab", "ABc", ""]

    /// The pass over units answers as the pass over the decoded word's scalars, surrogate
    /// pairs (`𝐀`, a capital outside the Basic Multilingual Plane) included.
    @Test func unitsGiveTheCaseOfTheScalars() {
        for word in Self.words {
            let units = Array(word.utf16)
            let fromUnits = units.withUnsafeBufferPointer { NamesMissingRule.WordCase(units: $0) }
            let fromScalars = NamesMissingRule.WordCase(word.unicodeScalars)
            #expect(fromUnits.mayBeName == fromScalars.mayBeName, "\(word)")
            // The reading it replaced: a capital first, some lower case, at most one capital after it.
            let scalars = Array(word.unicodeScalars)
            let expected = !scalars.isEmpty && scalars[0].properties.isUppercase && scalars.contains { $0.properties.isLowercase }
                && scalars.dropFirst().filter { $0.properties.isUppercase }.count < 2
            #expect(fromUnits.mayBeName == expected, "\(word)")
        }
    }

    /// `names.replaced`'s test on a word's range answers as the one on its decoded text.
    @Test func capitalizedInsideOnUnitsIsTheSame() {
        let text = "Gestern sagte Peskow. Moskau NATO Nato ЦАХАЛа Ölpreis 𝐀bc Ab 😀Ab: Kiew’s «Trump» und Dr. Merz"
        let utf16 = Array(text.utf16)
        var start = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "." || $0 == ":" || $0 == "«" || $0 == "»" }) {
            let offset = text.utf16.distance(from: text.utf16.startIndex, to: word.startIndex.samePosition(in: text.utf16)!)
            let range = offset..<(offset + word.utf16.count)
            #expect(NamesReplacedRule.isCapitalizedInside(range, of: utf16)
                    == NamesReplacedRule.isCapitalizedInside(String(word), at: offset, of: utf16), "\(word)")
            start = range.upperBound
        }
        #expect(start == utf16.count)
    }

    /// German capitalizes its nouns, so a name's verdict is the same at the start of a sentence
    /// as inside it: names opening a sentence, after a quotation mark and after an abbreviation's
    /// period are all read (those the translation lacks reported, in order), as before the
    /// sentences went unsegmented.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func germanNamesAtSentenceStartsAfterQuotesAndAbbreviations() throws {
        // `Drosten`, `Spahn`, `Merz`, `Scholz`, `Habeck` open sentences, `Tichanowski` a
        // quotation, `Wieler` follows `Dr.`; names the house glossary has (`Peskow`) are its.
        let source = "Drosten sagte am Montag, Lauterbach sei angereist. „Tichanowski kommt“, sagte Dr. Wieler am Abend. "
            + "Spahn traf Blinken in Kiew. Merz? Scholz! Habeck schwieg."
        let checker = Fixtures.bilingualChecker(from: "de", to: "en")
        func missing(_ target: String) -> [String] {
            checker.check(SourceDocument(path: "t.en.txt", text: target), source: SourceDocument(path: "s.de.txt", text: source))
                .filter { $0.ruleID == "names.missing" }.map(\.message)
                .compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
        }
        let without = "He said on Monday that he had arrived. \"He is coming\", the doctor said in the evening. "
            + "The minister met the minister in Kyiv. He? He! He was silent."
        #expect(missing(without) == ["Drosten", "Tichanowski", "Wieler", "Spahn", "Merz", "Scholz", "Habeck"])
        let with = "Drosten said on Monday that Lauterbach had arrived. \"Tikhanovsky is coming\", Dr Wieler said in the evening. "
            + "Spahn met Blinken in Kyiv. Merz? Scholz! Habeck was silent."
        #expect(missing(with).isEmpty)
    }

    /// An initial joined to a name by its period (`Дм.Гордон`) leaves the name; a lower-case
    /// word before the period (`дм.Песков`) is read as the word it starts, and is none.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func nameAfterAnInitialsPeriod() throws {
        let checker = Fixtures.bilingualChecker(from: "ru", to: "en")
        let findings = checker.check(SourceDocument(path: "t.en.txt", text: "Yesterday he spoke in parliament. Then he came."),
                                     source: SourceDocument(path: "s.ru.txt", text: "Вчера Дм.Гордон выступил в парламенте. Затем пришёл дм.Песков."))
            .filter { $0.ruleID == "names.missing" }
        #expect(findings.map(\.message) == ["the name `Гордон` in the source has no counterpart in this sentence"])
    }
}
