import Testing
import LectorKit
import LectorTestSupport

// Figures in parts that the number formats do not read as one number: dotted versions and
// addresses (`NumberRole.dotted`), and digits grouped by spaces in a language that groups
// them otherwise (`1 000,00` in English).

private func numbers(_ text: String, _ language: String) throws -> [ExtractedNumber] {
    try NumberExtractor.numbers(in: text, language: language)
}

@Suite struct SegmentedFigureTests {
    @Test func dottedFiguresAreOneFigureAsWritten() throws {
        for (text, language, figure) in [("Version 1.2.3 is out.", "en", "1.2.3"), ("Der Wert 12.34.56 gilt.", "de", "12.34.56"),
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

    @Test func spaceGroupedDigitsAreOneFigureInEnglish() throws {
        let price = try numbers("It costs 1 000,00 euros.", "en")
        #expect(price.map(\.text) == ["1 000,00"])
        #expect(price.map(\.value) == [1000])
        #expect(price.map(\.isLocaleFormatted) == [false])
        let point = try numbers("It weighs 12 345.5 kg.", "en")
        #expect(point.map(\.value) == [12_345.5])
        #expect(point.map(\.isLocaleFormatted) == [true])
        #expect(try numbers("They sold 120 000 copies.", "ro").map(\.value) == [120_000])
        // A group in a compound, or a decimal part of three digits, is not joined.
        #expect(try numbers("He won 3 100-metre races.", "en").map(\.value) == [3, 100])
        #expect(try numbers("It was 1 000,000 then.", "en").map(\.text) == ["1", "000,000"])
        // Where the language groups with a space, its own reading is unchanged.
        #expect(try numbers("Il coûte 1 000,50 euros.", "fr").map(\.value) == [1000.5])
    }

    @Test func aChangedSpaceGroupedFigureIsOneFinding() throws {
        let checker = Fixtures.bilingualChecker(from: "en", to: "en")
        let target = SourceDocument(path: "t.txt", text: "It costs 1 000,50 euros.")
        let changed = checker.check(target, source: SourceDocument(path: "s.txt", text: "It costs 1,000.00 euros."))
            .filter { $0.ruleID == "numbers.mismatch" }
        #expect(changed.map(\.message) == ["`1 000,50` matches no number of the source (the source has `1,000.00`)"])
        let kept = SourceDocument(path: "t.txt", text: "It costs 1 000,00 euros.")
        #expect(checker.check(kept, source: SourceDocument(path: "s.txt", text: "It costs 1,000.00 euros."))
            .filter { $0.ruleID == "numbers.mismatch" }.isEmpty)
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
