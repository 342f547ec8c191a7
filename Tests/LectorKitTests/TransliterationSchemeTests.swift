import LectorICU
import LectorKit
import LectorTestSupport
import Testing

/// Each shipped scheme on the names it exists for.
@Suite struct TransliterationSchemeTests {
    static let schemes = try! TransliterationScheme.builtIn()

    func transliterate(_ text: String, with id: String) throws -> String {
        let scheme = try #require(Self.schemes.first { $0.id == id })
        return try scheme.makeTransliterator().transliterate(text)
    }

    @Test(arguments: [
        ("Lector-Russian-German", "Мединский Песков Лавров Киев Зеленский Шойгу Харьков Николаев Горбачёв",
         "Medinski Peskow Lawrow Kiew Selenski Schoigu Charkow Nikolajew Gorbatschow"),
        ("Lector-Ukrainian-German", "Зеленський Київ Харків Миколаїв Запоріжжя Денисенко Одеса",
         "Selenskyj Kyjiw Charkiw Mykolajiw Saporischschja Denyssenko Odessa"),
        ("Lector-Russian-French", "Мединский Песков Путин Шойгу Николаев Ельцин",
         "Medinski Peskov Poutine Choïgou Nikolaïev Eltsine"),
        ("Lector-Ukrainian-National2010", "Київ Миколаїв Запоріжжя Зеленський Згурський Єнакієве Знам’янка",
         "Kyiv Mykolaiv Zaporizhzhia Zelenskyi Zghurskyi Yenakiieve Znamianka"),
        ("Russian-Latin/BGN", "Мединский Киев", "Medinskiy Kiyev"),
        ("Ukrainian-Latin/BGN", "Київ", "Kyyiv"),
    ])
    func schemeSpellsNames(_ id: String, _ input: String, _ expected: String) throws {
        #expect(try transliterate(input, with: id) == expected)
    }

    @Test func shippedSchemesDeclareTheirLanguages() {
        let byID = Dictionary(uniqueKeysWithValues: Self.schemes.map { ($0.id, $0) })
        #expect(byID["Lector-Russian-German"]?.languages == ["ru"])
        #expect(byID["Lector-Ukrainian-German"]?.outputLanguage == "de")
        #expect(byID["Lector-Ukrainian-National2010"]?.languages == ["uk"])
        #expect(byID["Lector-Russian-French"]?.label == "French transcription")
    }

    @Test func brokenRuleFileNamesFileAndLine() {
        let path = Fixtures.write("# id: Broken\n# applies-to: ru\nа > a ;\nб > > b ;\n", named: "broken.txt")
        do {
            _ = try TransliterationScheme.load(contentsOf: path)
            Issue.record("broken rules compiled")
        } catch {
            #expect(error.file == path)
            #expect(error.line == 4, "\(error)")
        }
    }

    @Test func ruleFileWithoutHeaderIsRefused() {
        let path = Fixtures.write("а > a ;\n", named: "noheader.txt")
        #expect(throws: InputError.self) { _ = try TransliterationScheme.load(contentsOf: path) }
    }
}

@Suite struct SpellingSkeletonTests {
    @Test(arguments: [
        (["Medinsky", "Medinski", "Medinskiy", "Medinskij", "MEDINSKY"], "medinski"),
        (["Zelenskyy", "Zelensky", "Zelenskiy", "Zelenskyi", "Zelensʹkyy"], "zelenski"),
        (["Odesa", "Odessa"], "odesa"),
        (["Lavrov", "Lawrow"], "lavrov"),
        (["Erdogan", "Erdoğan"], "erdogan"),
    ])
    func spellingsShareOneSkeleton(_ spellings: [String], _ skeleton: String) {
        for spelling in spellings {
            #expect(SpellingSkeleton.skeleton(of: spelling) == skeleton, "\(spelling)")
        }
    }

    @Test func differentNamesDiffer() {
        #expect(SpellingSkeleton.skeleton(of: "Kyiv") != SpellingSkeleton.skeleton(of: "Kiev"))
        #expect(SpellingSkeleton.skeleton(of: "Lviv") != SpellingSkeleton.skeleton(of: "Lvov"))
    }

    @Test func shortOrNonLatinWordsHaveNone() {
        #expect(SpellingSkeleton.skeleton(of: "Kyi") == nil)
        #expect(SpellingSkeleton.skeleton(of: "Харків") == "harkiv")  // Latin-ASCII transliterates first
        #expect(SpellingSkeleton.skeleton(of: "北京市") == nil)
    }
}
