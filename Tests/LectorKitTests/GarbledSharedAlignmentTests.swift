import LectorKit
import LectorTestSupport
import Testing

/// `garbled.sentence` reads the alignment counts the pair walk noted when the meaning rules ran,
/// and aligns the pair itself when they did not: both ways give the same findings.
@Suite struct GarbledSharedAlignmentTests {
    static let meaningRules: Set<String> = ["meaning.omission", "meaning.addition", "meaning.antonym"]

    func garbled(source: String, target: String, from: String, disabled: Set<String>) throws -> [String] {
        let checker = try Checker(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en",
                                                     sourceLanguage: from, disabledRules: disabled))
        let findings = checker.check(SourceDocument(path: "t.txt", text: target),
                                     source: SourceDocument(path: "s.txt", text: source))
        return findings.filter { $0.ruleID == "garbled.sentence" }.map(\.message)
    }

    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func notedAndOwnAlignmentAgree() throws {
        // The second pair's translation belongs to another sentence; the others are translations.
        let source = "Die Regierung kündigte am Montag neue Sanktionen gegen Moskau an.\n\n"
            + "Die Regierung kündigte am Montag neue Sanktionen gegen Moskau an.\n\n"
            + "Der Minister erwartet Fortschritte bei den Gesprächen."
        let target = "The government announced new sanctions against Moscow on Monday.\n\n"
            + "The weather in the mountains was cold and rainy during the whole week.\n\n"
            + "The minister expects progress in the talks."
        let noted = try garbled(source: source, target: target, from: "de", disabled: [])
        let own = try garbled(source: source, target: target, from: "de", disabled: Self.meaningRules)
        #expect(noted.count == 1)
        #expect(noted.first?.contains("nothing in the translation has a counterpart") == true)
        #expect(noted == own)
    }
}
