import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// Glossary names in the case forms of Russian, Ukrainian, Polish and Czech, matched through
/// Hunspell stems (and names added to the dictionary like a word with the same ending). A test set
/// of Lector's own: each form of each name in a sentence, and sentences with look-alike words that
/// must match nothing.
@Suite struct InflectedMatchingTests {
    struct Case {
        let language: String
        let preferred: String
        let deprecated: String?
        /// Forms that must match the concept.
        let forms: [String]
    }

    static let cases: [Case] = [
        Case(language: "ru", preferred: "Зеленский", deprecated: nil, forms: ["Зеленского", "Зеленскому", "Зеленским", "Зеленском"]),
        Case(language: "ru", preferred: "Мединский", deprecated: nil, forms: ["Мединского", "Мединскому", "Мединским", "Мединском"]),
        Case(language: "ru", preferred: "Киев", deprecated: nil, forms: ["Киева", "Киеву", "Киевом", "Киеве"]),
        Case(language: "ru", preferred: "Харьков", deprecated: nil, forms: ["Харькова", "Харькову", "Харьковом", "Харькове"]),
        Case(language: "ru", preferred: "Кулеба", deprecated: nil, forms: ["Кулебы", "Кулебе", "Кулебу", "Кулебой"]),
        Case(language: "uk", preferred: "Зеленський", deprecated: nil, forms: ["Зеленського", "Зеленському", "Зеленським"]),
        Case(language: "uk", preferred: "Медінський", deprecated: nil, forms: ["Медінського", "Медінському", "Медінським"]),
        Case(language: "uk", preferred: "Київ", deprecated: nil, forms: ["Києва", "Києву", "Києвом", "Києві"]),
        Case(language: "uk", preferred: "Харків", deprecated: nil, forms: ["Харкова", "Харкову", "Харковом", "Харкові"]),
        Case(language: "uk", preferred: "Львів", deprecated: nil, forms: ["Львова", "Львову", "Львовом", "Львові"]),
        Case(language: "pl", preferred: "Kijów", deprecated: nil, forms: ["Kijowa", "Kijowowi", "Kijowem", "Kijowie"]),
        Case(language: "pl", preferred: "Charków", deprecated: nil, forms: ["Charkowa", "Charkowowi", "Charkowem", "Charkowie"]),
        Case(language: "pl", preferred: "Lwów", deprecated: nil, forms: ["Lwowa", "Lwowowi", "Lwowem", "Lwowie"]),
        Case(language: "pl", preferred: "Zełenski", deprecated: nil, forms: ["Zełenskiego", "Zełenskiemu", "Zełenskim"]),
        Case(language: "cs", preferred: "Kyjev", deprecated: nil, forms: ["Kyjeva", "Kyjevu", "Kyjevem", "Kyjevě"]),
        Case(language: "cs", preferred: "Charkov", deprecated: nil, forms: ["Charkova", "Charkovu", "Charkovem", "Charkově"]),
        Case(language: "cs", preferred: "Lvov", deprecated: nil, forms: ["Lvova", "Lvovu", "Lvovem", "Lvově"]),
        Case(language: "cs", preferred: "Zelenskyj", deprecated: nil, forms: ["Zelenského", "Zelenskému", "Zelenským"]),
    ]

    /// Words that share a beginning with the names but are other words.
    static let lookAlikes: [String: [String]] = [
        "ru": ["Зеленые", "зеленский", "Кием", "кино", "Кира", "Харитонов", "Медина", "Кулик", "Мединск"],
        "uk": ["Зелені", "кий", "Кия", "Харитон", "Львівщина", "Медіна", "лев"],
        "pl": ["Kij", "kije", "Charytonow", "lwy", "zielony", "Kijanka"],
        "cs": ["Kyj", "kyje", "Charita", "lvi", "zelený", "Lvíček"],
    ]

    static func glossary(_ language: String) -> Glossary {
        Glossary(name: "inflection-\(language)", concepts: cases.filter { $0.language == language }.enumerated().map { index, item in
            Concept(id: "c\(index)", terms: [Term(text: item.preferred, language: language, status: .preferred)]
                + (item.deprecated.map { [Term(text: $0, language: language, status: .deprecated)] } ?? []))
        })
    }

    static func matchedForms(_ language: String, paths: ResourcePaths) throws -> (matched: Int, total: Int, falsePositives: [String]) {
        let index = try GlossaryIndex(glossaries: [glossary(language)], targetLanguage: language,
                                      schemes: [], resourcePaths: paths)
        let matcher = try GlossaryMatcher(index: index)
        var matched = 0
        var total = 0
        for item in cases where item.language == language {
            for form in item.forms {
                total += 1
                let text = "— \(form) —"
                let found = matcher.matches(in: SourceDocument(path: "t", text: text))
                if found.contains(where: { index.concepts[$0.conceptIndex].terms.first?.text == item.preferred && $0.range == 2..<(2 + form.utf16.count) }) {
                    matched += 1
                }
            }
        }
        let negatives = (lookAlikes[language] ?? []).joined(separator: " и ")
        let falsePositives = matcher.matches(in: SourceDocument(path: "n", text: negatives)).map { match in
            String(decoding: Array(negatives.utf16)[match.range], as: Unicode.UTF16.self)
        }
        return (matched, total, falsePositives)
    }

    static let noData = ResourcePaths(folders: ["/nonexistent-lector-data"])

    @Test(.enabled(if: ["ru", "uk", "pl", "cs"].allSatisfy { LexicalResource.hunspellFiles($0, in: .standard) != nil },
                   "needs hunspell-ru, hunspell-uk, hunspell-pl, hunspell-cs"))
    func recallAndFalsePositivesPerLanguage() throws {
        for language in ["ru", "uk", "pl", "cs"] {
            let before = try Self.matchedForms(language, paths: Self.noData)
            let after = try Self.matchedForms(language, paths: .standard)
            print("inflected matching \(language): endings only \(before.matched)/\(before.total), with Hunspell \(after.matched)/\(after.total); "
                  + "false positives \(before.falsePositives.count) → \(after.falsePositives.count) \(after.falsePositives)")
            #expect(after.matched >= before.matched, "\(language)")
            #expect(after.falsePositives.count <= before.falsePositives.count, "\(language): \(after.falsePositives)")
        }
    }

    @Test(.enabled(if: LexicalResource.hunspellFiles("pl", in: .standard) != nil, "needs hunspell-pl"))
    func polishAndCzechAlternationsMatchThroughTheLemma() throws {
        let polish = try Self.matchedForms("pl", paths: .standard)
        #expect(polish.matched == polish.total)
        // Czech city names decline in the dictionary; `Zelenskyj` (a Ukrainian name in Czech
        // spelling) has no Czech word with its ending to be modelled on.
        let czech = try Self.matchedForms("cs", paths: .standard)
        #expect(czech.matched >= 12)
    }

    @Test(.enabled(if: LexicalResource.hunspellFiles("ru", in: .standard) != nil, "needs hunspell-ru"))
    func aDeprecatedFormNamesItsLemmaAndTheHouseTerm() throws {
        let glossary = Glossary(name: "uk-house-ru", concepts: [
            Concept(id: "kyiv", terms: [Term(text: "Киев", language: "ru", status: .deprecated),
                                        Term(text: "Київ", language: "ru", status: .preferred)]),
            Concept(id: "kharkiv", terms: [Term(text: "Харьков", language: "ru", status: .deprecated),
                                           Term(text: "Харків", language: "ru", status: .preferred)]),
        ])
        let checker = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "ru"))
        let findings = checker.check(SourceDocument(path: "t", text: "Переговоры в Киеве.\n"))
            .filter { $0.ruleID == "glossary.forbidden" }
        #expect(findings.map(\.text) == ["Киеве"])
        // The ending rules read `Киеве` as `Киев` + `е`: the suggestion keeps the ending.
        #expect(findings.first?.message.hasPrefix("`Киев` is deprecated; use `Київ`") == true)
        #expect(findings.first?.suggestion == "Київе")
    }

    @Test(.enabled(if: LexicalResource.hunspellFiles("pl", in: .standard) != nil, "needs hunspell-pl"))
    func aFormWithAnotherStemNamesItsLemma() throws {
        let glossary = Glossary(name: "pl", concepts: [
            Concept(id: "kyiv", terms: [Term(text: "Kijów", language: "pl", status: .deprecated),
                                        Term(text: "Kyjiw", language: "pl", status: .preferred)]),
        ])
        let checker = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "pl"))
        let findings = checker.check(SourceDocument(path: "t", text: "Rozmowy w Kijowie trwały.\n"))
            .filter { $0.ruleID == "glossary.forbidden" }
        #expect(findings.map(\.text) == ["Kijowie"])
        #expect(findings.first?.message.hasPrefix("`Kijowie` (Kijów) is deprecated; use `Kyjiw`") == true)
        #expect(findings.first?.isSafeFix == false || findings.first?.suggestion != nil)
    }
}
