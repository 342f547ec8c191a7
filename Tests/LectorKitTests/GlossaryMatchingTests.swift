import LectorKit
import LectorTestSupport
import Testing

/// The matcher and the glossary rules on short real-world sentences.
@Suite struct GlossaryMatchingTests {
    /// Findings of every rule but spelling (which has its own tests: `poutine` is not in en_US).
    func check(_ text: String, _ checker: Checker = Fixtures.englishChecker) -> [Finding] {
        checker.check(SourceDocument(path: "t.txt", text: text)).filter { $0.ruleID != "spelling.unknown" }
    }

    func summary(_ text: String, _ checker: Checker = Fixtures.englishChecker) -> [String] {
        check(text, checker).map { "\($0.text)→\($0.suggestion ?? "-")" }
    }

    @Test func suggestionsKeepTheFormOfTheOriginal() {
        #expect(summary("Kiev's mayor, Kiev’s streets, KIEV, Kiev.") == [
            "Kiev's→Kyiv's", "Kiev’s→Kyiv’s", "KIEV→KYIV", "Kiev→Kyiv",
        ])
    }

    @Test func longestMatchProtectsFixedNames() {
        #expect(summary("He ordered chicken Kiev and read about Kievan Rus' and the Battle of Kiev.").isEmpty)
        #expect(summary("Dynamo Kiev beat Shakhtar.") == ["Dynamo Kiev→Dynamo Kyiv"])
    }

    @Test func termsDoNotSpanPunctuation() {
        // "chicken. Kiev" is not the dish: the sentence break separates the words.
        #expect(summary("They served chicken. Kiev was quiet.") == ["Kiev→Kyiv"])
    }

    @Test func acronymsAreCaseSensitive() {
        #expect(summary("NATO met. Nato met. nato met.") == ["Nato→NATO"])
    }

    @Test func transliterationVariantsNameTheirScheme() {
        let findings = check("Medinskiy, Peskow, Selenskyj and Kyyiv.")
        #expect(findings.map(\.suggestion) == ["Medinsky", "Peskov", "Zelenskyy", "Kyiv"])
        #expect(findings[0].message.contains("BGN/PCGN romanization of Мединский"))
        #expect(findings[1].message.contains("German transcription of Песков"))
        #expect(findings.allSatisfy { $0.ruleID == "glossary.variant" })
    }

    @Test func skeletonCatchesUnlistedSpellings() {
        let findings = check("Zelensky spoke to Medinskij and Lawrov.")
        #expect(findings.map(\.text) == ["Zelensky", "Medinskij", "Lawrov"])
        #expect(findings[0].message == "`Zelensky` is a variant spelling of `Zelenskyy` (Зеленський); house spelling `Zelenskyy`")
    }

    @Test func variantsOfNamesNeedACapital() {
        #expect(summary("Canadians eat poutine.").isEmpty)
        #expect(summary("Poutine said so.") == ["Poutine→Putin"])
    }

    @Test func houseSpellingsAreClean() {
        let text = "Zelenskyy, Peskov, Lavrov, Kuleba, Medinsky and Erdogan met in Istanbul, Kyiv, Odesa and Kharkiv."
        #expect(check(text).isEmpty)
    }

    @Test func germanTextWithGermanInflection() throws {
        let csv = """
        concept,language,term,status
        kyiv,en,Kyiv,preferred
        kyiv,de,Kyjiw,preferred
        kyiv,de,Kiew,deprecated
        kyiv,uk,Київ,preferred
        """
        let glossary = try CSVGlossaryReader.read(text: csv, name: "g.csv", delimiter: ",")
        let checker = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "de"))
        #expect(summary("Die Bürgermeisterin Kiews und die Kiewer Polizei; Kyjiws Rathaus.", checker) == [
            "Kiews→Kyjiws", "Kiewer→Kyjiwer",
        ])
    }

    @Test func severalGlossariesAtOnce() throws {
        let csv = "concept,language,term,status\nkherson-oblast,en,Kherson Oblast,preferred\nkherson-oblast,en,Kherson region,deprecated\n"
        let extra = try CSVGlossaryReader.read(text: csv, name: "extra.csv", delimiter: ",")
        let checker = try Checker(CheckConfiguration(glossaries: [Fixtures.houseGlossary, extra]))
        #expect(summary("In the Kherson region near Kiev.", checker) == ["Kherson region→Kherson Oblast", "Kiev→Kyiv"])
    }

    @Test func inconsistentSpellingsOfOneConcept() throws {
        let csv = """
        concept,language,term,status
        erdogan,en,Erdogan,preferred
        erdogan,en,Erdoğan,admitted
        """
        let glossary = try CSVGlossaryReader.read(text: csv, name: "g.csv", delimiter: ",")
        let checker = try Checker(CheckConfiguration(glossaries: [glossary]))
        let findings = check("Erdoğan spoke. Erdogan said. Erdogan’s office said.", checker)
        #expect(findings.map(\.ruleID) == ["glossary.inconsistent"])
        #expect(findings.first?.text == "Erdoğan")
        #expect(findings.first?.suggestion == "Erdogan")
    }

    @Test func ruleSeveritiesAndDisabledRulesApply() throws {
        let checker = try Checker(CheckConfiguration(glossaries: [Fixtures.houseGlossary],
                                                     severities: ["glossary.forbidden": .info],
                                                     disabledRules: ["glossary.variant"]))
        let findings = check("Kiev and Medinski.", checker)
        #expect(findings.map(\.ruleID) == ["glossary.forbidden"])
        #expect(findings.first?.severity == .info)
    }

    @Test func unknownLanguageAndRuleAreInputErrors() {
        #expect(throws: InputError.self) { _ = try Checker(CheckConfiguration(targetLanguage: "xx")) }
        #expect(throws: InputError.self) { _ = try Checker(CheckConfiguration(severities: ["no.such": .info])) }
    }

    @Test func cjkTextIsSegmentedByDictionary() throws {
        let csv = "concept,language,term,status\nkyiv,zh,基辅,preferred\nkyiv,zh,基輔,deprecated\n"
        let glossary = try CSVGlossaryReader.read(text: csv, name: "g.csv", delimiter: ",")
        let checker = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "zh"))
        #expect(summary("乌克兰首都基輔今天很安静。", checker) == ["基輔→基辅"])
    }
}
