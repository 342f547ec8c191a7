import Foundation
import LectorKit
@testable import LectorGlossary
import LectorTestSupport
import Testing

/// Names in the case forms of a Russian or Ukrainian source, and the plural and possessive of a
/// weekday or month in English, as the names rules read them: a name's instrumental (`Шольцем`)
/// has its counterpart (`Scholz`), a weekday in the plural (`Sundays`) is no name.
@Suite struct NameInflectionTests {
    static func nameFindings(source: String, target: String, from: String, to: String) -> [String] {
        let checker = Fixtures.bilingualChecker(from: from, to: to)
        return checker.check(SourceDocument(path: "t.txt", text: target + "\n"), source: SourceDocument(path: "s.txt", text: source + "\n"))
            .filter { $0.ruleID.hasPrefix("names.") }
            .map { "\($0.ruleID): \($0.message)" }
    }

    /// The case endings of nouns and of adjectival and possessive surnames: each form comes back
    /// to a stem the name's Latin spelling starts with.
    @Test(arguments: [
        ("ru", "Шольцем", "шольц"), ("ru", "Игорем", "игор"), ("ru", "Зеленским", "зеленск"), ("ru", "Зеленскую", "зеленск"),
        ("ru", "Путиных", "путин"), ("ru", "Путиными", "путин"), ("ru", "Тверью", "твер"), ("ru", "Чечнёй", "чечн"),
        ("ru", "Зиновиями", "зинови"), ("ru", "Крайнему", "крайн"), ("ru", "Крайнего", "крайн"),
        ("uk", "Шольцем", "шольц"), ("uk", "Сергієві", "сергі"), ("uk", "Сергієм", "сергі"), ("uk", "Марією", "марі"),
        ("uk", "Зеленським", "зеленськ"), ("uk", "Зеленській", "зеленськ"), ("uk", "Зеленської", "зеленськ"),
        ("uk", "Карпатах", "карпат"), ("uk", "Черкасами", "черкас"), ("uk", "Сумах", "сум"),
    ])
    func aCaseFormComesBackToItsStem(language: String, form: String, stem: String) {
        #expect(InflectionRules.forLanguage(language).baseForms(of: form).contains(stem), "\(language) \(form)")
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func aNameInTheInstrumentalHasItsCounterpart() {
        let findings = Self.nameFindings(source: "Во вторник Макрон поговорил по телефону с Шольцем.",
                                         target: "On Tuesday, Macron spoke with Scholz on the phone.", from: "ru", to: "en")
        #expect(findings.isEmpty, "\(findings)")
        let adjectival = Self.nameFindings(source: "Накануне Байден встретился с Зеленским в Вашингтоне.",
                                           target: "The day before, Biden met Zelenskyy in Washington.", from: "ru", to: "en")
        #expect(adjectival.isEmpty, "\(adjectival)")
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func anotherNameInItsPlaceIsStillReported() {
        let findings = Self.nameFindings(source: "Во вторник Макрон поговорил по телефону с Шольцем.",
                                         target: "On Tuesday, Macron spoke with Merkel on the phone.", from: "ru", to: "en")
        #expect(findings.contains { $0.hasPrefix("names.replaced: `Merkel` where the source says `Шольцем`") }, "\(findings)")
        let dropped = Self.nameFindings(source: "Во вторник Макрон поговорил по телефону с Шольцем.",
                                        target: "On Tuesday, Macron spoke on the phone.", from: "ru", to: "en")
        #expect(dropped.contains { $0.hasPrefix("names.missing: the name `Шольцем`") }, "\(dropped)")
    }

    /// CLDR's weekday and month names in English are written with a capital in every form; the
    /// plural and the possessive name no one, on either side of a pair.
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func pluralAndPossessiveWeekdaysAreNoNames() {
        for (source, target, from, to) in [
            ("Die Geschäfte bleiben an Sonntagen geschlossen.", "The shops stay closed on Sundays.", "de", "en"),
            ("Магазины по воскресеньям закрыты.", "The shops are closed on Sundays.", "ru", "en"),
            ("The shops stay closed on Sundays.", "Магазины по воскресеньям закрыты.", "en", "ru"),
            ("The shops are closed on Sundays.", "Les magasins sont fermés le dimanche.", "en", "fr"),
            ("Nach den Gesprächen vom Montag gab es keine Einigung.", "After Monday's talks, there was no agreement.", "de", "en"),
            ("After Monday's talks, there was no agreement.", "После переговоров в понедельник соглашения не было.", "en", "ru"),
        ] {
            let findings = Self.nameFindings(source: source, target: target, from: from, to: to)
            #expect(findings.isEmpty, "\(from)→\(to) \(target): \(findings)")
        }
    }
}
