import Testing
import LectorKit
import LectorTestSupport

// Figures in parts that the number formats do not read as one number: dotted versions and
// addresses (`NumberRole.dotted`), not times of day with dots; and digits with spaces between
// them, one figure only where the language groups digits with a space.

private func numbers(_ text: String, _ language: String) throws -> [ExtractedNumber] {
    try NumberExtractor.numbers(in: text, language: language)
}

@Suite struct SegmentedFigureTests {
    @Test func dottedFiguresAreOneFigureAsWritten() throws {
        for (text, language, figure) in [("Version 1.2.3 is out.", "en", "1.2.3"), ("Der Wert 31.74.56 gilt.", "de", "31.74.56"),
                                         ("Адрес 192.168.0.1.", "ru", "192.168.0.1")] {
            let found = try numbers(text, language)
            #expect(found.map(\.role) == [.dotted], "\(text)")
            #expect(found.map(\.text) == [figure], "\(text)")
        }
    }

    @Test func figuresAndDatesWithDotsAreNotDotted() throws {
        // A German number, a date the reader takes, and three groups that may be a date it does not.
        #expect(try numbers("Es kostet 10.000 Euro.", "de").map(\.value) == [10_000])
        #expect(try numbers("About 1.000.000 people.", "en").map(\.value) == [1_000_000])
        #expect(try !numbers("Am 12.03.2024 trafen wir uns.", "de").contains { $0.role == .dotted })
        #expect(try !numbers("Release 2.11.19 shipped.", "en").contains { $0.role == .dotted })
        #expect(try !numbers("Build 2024.3.1 shipped.", "en").contains { $0.role == .dotted })
    }

    @Test func spaceGroupedDigitsAreOneFigureOnlyWhereTheLanguageGroupsWithSpaces() throws {
        // English and Romanian do not group with a space: a count after a figure's number stays apart.
        #expect(try numbers("In Figure 2 300 samples are shown.", "en").map(\.value) == [2, 300])
        #expect(try numbers("Pe pagina 3 100 de oameni.", "ro").map(\.value) == [3, 100])
        #expect(try numbers("Il coûte 1 000,50 euros.", "fr").map(\.value) == [1000.5])
    }

    @Test func aTimeOfDayWithDotsIsNoDottedFigure() throws {
        #expect(try !numbers("Lähtö klo 13.45.30.", "fi").contains { $0.role == .dotted })
        #expect(try !numbers("Zeit: 23.59.59", "de").contains { $0.role == .dotted })
        #expect(try numbers("Version 3.10.125 ist da.", "de").map(\.role) == [.dotted])
        let checker = Fixtures.bilingualChecker(from: "fi", to: "en")
        let findings = checker.check(SourceDocument(path: "t.txt", text: "Departure at 13:45:30."),
                                     source: SourceDocument(path: "s.txt", text: "Lähtö klo 13.45.30."))
        #expect(findings.filter { $0.ruleID == "numbers.mismatch" }.isEmpty)
        let figure = Fixtures.bilingualChecker(from: "de", to: "en")
            .check(SourceDocument(path: "t.txt", text: "In Figure 2 300 samples are shown."),
                   source: SourceDocument(path: "s.txt", text: "In Abbildung 2 sind 300 Proben zu sehen."))
        #expect(figure.filter { $0.ruleID == "numbers.mismatch" }.isEmpty)
    }

    @Test func aDottedFigureIsComparedAsWrittenAndNotAsADate() throws {
        let checker = Fixtures.bilingualChecker(from: "de", to: "en")
        func findings(_ source: String, _ target: String) -> [String] {
            checker.check(SourceDocument(path: "t.txt", text: target), source: SourceDocument(path: "s.txt", text: source))
                .filter { $0.ruleID == "numbers.mismatch" || $0.ruleID == "dates.mismatch" }.map { "\($0.ruleID): \($0.message)" }
        }
        #expect(findings("Version 1.2.3 ist da.", "Version 11.2.3 is out.")
            == ["numbers.mismatch: `11.2.3` matches no number of the source (the source has `1.2.3`)"])
        #expect(findings("Version 1.2.3 ist da.", "Version 1.2.3.4 is out.")
            == ["numbers.mismatch: `1.2.3.4` matches no number of the source (the source has `1.2.3`)"])
        #expect(findings("Version 1.2.3 und 2.0.1 sind da.", "Version 1.2.3 is out.")
            == ["numbers.mismatch: the source's `2.0.1` is missing here"])
        #expect(findings("Am 12.03.2024 trafen wir uns.", "On 12.03.2025 we met.").map { $0.hasPrefix("dates.mismatch") } == [true])
    }
}
