import Foundation
import LectorKit
import LectorTestSupport
import Testing

@Suite struct SpellingUnknownTests {
    static let hasEnglish = LexicalResource.hunspellFiles("en", in: .standard) != nil

    static func spelling(_ text: String, words: [String] = [], paths: ResourcePaths = .standard) throws -> [Finding] {
        var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary])
        configuration.spellingWords = words
        configuration.resourcePaths = paths
        return try Checker(configuration).check(SourceDocument(path: "t.txt", text: text))
            .filter { $0.ruleID == "spelling.unknown" }
    }

    @Test(.enabled(if: hasEnglish, "needs hunspell-en-us"))
    func suggestionsComeFromHunspell() throws {
        let findings = try Self.spelling("The negotiatons resumed on Tuesday.\n")
        #expect(findings.map(\.text) == ["negotiatons"])
        #expect(findings.first?.suggestion == "negotiations")
        #expect(findings.first?.message.contains("did you mean “negotiations”") == true)
        #expect(findings.first?.severity == .info)
    }

    @Test(.enabled(if: hasEnglish, "needs hunspell-en-us"))
    func houseWordsAreAccepted() throws {
        #expect(try Self.spelling("The shelling of oblenergo substations continued.\n").map(\.text) == ["oblenergo"])
        #expect(try Self.spelling("The shelling of oblenergo substations continued.\n", words: ["Oblenergo"]).isEmpty)
    }

    @Test(.enabled(if: hasEnglish, "needs hunspell-en-us"))
    func closedCompoundsOfKnownWordsAreAccepted() throws {
        #expect(try Self.spelling("They met in videoconferences.\n").isEmpty)
    }

    /// Text tagged `en` may follow British or American spelling; `en-US` only American.
    @Test(.enabled(if: hasEnglish && LexicalResource.hunspellFiles("en-GB", in: .standard)?.dictionary.hasSuffix("en_GB.dic") == true,
                   "needs hunspell-en-us and hunspell-en-gb"))
    func anyStandardVarietyUnlessTheTagNamesARegion() throws {
        let text = "The colour of the centre was analysed.\n"
        #expect(try Self.spelling(text).isEmpty)
        var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en-US")
        configuration.resourcePaths = .standard
        let american = try Checker(configuration).check(SourceDocument(path: "t.txt", text: text)).filter { $0.ruleID == "spelling.unknown" }
        #expect(american.map(\.text) == ["colour", "centre", "analysed"])
    }

    @Test(.enabled(if: hasEnglish, "needs hunspell-en-us"))
    func partsOfContractionsAndTokenizedTextAreJudgedWhole() throws {
        #expect(try Self.spelling("You didn ´ t count, we ' ve seen it.\n").isEmpty)
        #expect(try Self.spelling("A sucessful-looking plan.\n").map(\.text) == ["sucessful"])
    }

    @Test func withoutADictionaryTheRuleIsOffAndSaysSo() throws {
        let folder = Fixtures.temporaryDirectory().path
        let paths = ResourcePaths(folders: [folder])
        #expect(try Self.spelling("The negotiatons resumed.\n", paths: paths).isEmpty)
        var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "uk", sourceLanguage: "en")
        configuration.resourcePaths = paths
        // en–uk and en–ja also say their dictionary checks are off (no FreeDict links them): not this test's business.
        func spellingNotices() throws -> [String] { try Checker(configuration).resourceNotices.filter { $0.hasPrefix("spelling") } }
        #expect(try spellingNotices() == ["spelling checks off: no Hunspell dictionary for uk (install hunspell-uk)"])
        configuration.disabledRules = ["spelling.unknown"]
        #expect(try spellingNotices().isEmpty)
        configuration.targetLanguage = "ja"
        configuration.disabledRules = []
        #expect(try spellingNotices().isEmpty, "Hunspell has no Japanese: nothing to install")
    }

    @Test func configurationReadsResourcesAndHouseWords() throws {
        let yaml = "resources: [dicts, /opt/homebrew/share/hunspell]\nspelling:\n  words: [oblenergo, Ukrenergo]\n"
        let configuration = try ProjectConfiguration.parse(yaml, path: "/project/.lector.yml")
        #expect(configuration.resources == ["/project/dicts", "/opt/homebrew/share/hunspell"])
        #expect(configuration.spellingWords == ["oblenergo", "Ukrenergo"])
        #expect(throws: InputError.self) { try ProjectConfiguration.parse("spelling:\n  word: [x]\n", path: "/p/.lector.yml") }
    }
}
