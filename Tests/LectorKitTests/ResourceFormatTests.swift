import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// The mobile and web resource formats: reading with lines and columns, pairing with the source,
/// and the findings a run gives on the shipped examples (Tests/LectorKitTests/Fixtures/Mobile).
@Suite struct ResourceFormatTests {
    static func example(_ path: String) -> String { Fixtures.path("Tests/LectorKitTests/Fixtures/Mobile/\(path)") }

    static func check(_ path: String, source: String? = nil, sourceLanguage: String = "en") throws -> [Finding] {
        let session = try LintSession(CheckConfiguration(targetLanguage: "en", sourceLanguage: sourceLanguage))
        let input: LintSession.Input = source.map { .pair(target: path, source: $0) } ?? .bilingual(path: path, standardInputFormat: nil)
        return try session.check(input)
    }

    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.location.line):\($0.location.column) \($0.ruleID)" }
    }

    @Test func appleStringsArePairedWithTheEnglishFolder() throws {
        let files = try BilingualFileLoader.loadAll(path: Self.example("ios/de.lproj/Localizable.strings"))
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(file.targetLanguage == "de")
        #expect(file.sourceLanguage == "en")
        #expect(file.units.map(\.id) == ["save.title", "open.prompt", "delete.confirm", "welcome", "ok"])
        #expect(file.units[1].source.text == "Open %@?")
        #expect(file.units[1].target?.text == "%@ öffnen?")
        #expect(file.units[1].target?.line == 3)
        #expect(file.units[1].target?.column == 18)
        #expect(Self.summary(try Self.check(Self.example("ios/de.lproj/Localizable.strings")))
                    == ["4:42 punctuation.end", "6:11 whitespace.edges"])
    }

    @Test func theSourceLanguagesOwnFileHasNothingToCheck() throws {
        #expect(try BilingualFileLoader.loadAll(path: Self.example("ios/en.lproj/Localizable.strings"), sourceLanguage: "en").isEmpty)
        #expect(try BilingualFileLoader.loadAll(path: Self.example("android/res/values/strings.xml")).isEmpty)
    }

    @Test func utf16StringsFilesAreRead() throws {
        let text = "/* comment */\n\"a\" = \"Datei \\\"öffnen\\\"\\n\";\nbare_key = \"x\";\n"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        let folder = Fixtures.temporaryDirectory()
        for language in ["en", "de"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("\(language).lproj"), withIntermediateDirectories: true)
            try data.write(to: folder.appendingPathComponent("\(language).lproj/Localizable.strings"))
        }
        let file = try #require(BilingualFileLoader.loadAll(path: folder.appendingPathComponent("de.lproj/Localizable.strings").path).first)
        #expect(file.units.map(\.target?.text) == ["Datei \"öffnen\"\n", "x"])
        #expect(file.units.map(\.target?.line) == [2, 3])
    }

    @Test func stringsdictPluralsAreCheckedAgainstCLDR() throws {
        let file = try #require(BilingualFileLoader.loadAll(path: Self.example("ios/ru.lproj/Localizable.stringsdict")).first)
        #expect(file.units.map(\.id) == ["files.count", "files.count|files|one", "files.count|files|other"])
        #expect(file.units[1].details.targetPluralCategories == ["one", "other"])
        let findings = try Self.check(Self.example("ios/ru.lproj/Localizable.stringsdict"))
        #expect(Self.summary(findings) == ["16:21 plurals.count"])
        #expect(findings.first?.message.contains("`few`, `many`") == true)
    }

    @Test func stringCatalogsGiveOneFilePerLanguage() throws {
        let files = try BilingualFileLoader.loadAll(path: Self.example("ios/Localizable.xcstrings"))
        #expect(files.map(\.targetLanguage) == ["de", "ru"])
        let german = files[0]
        #expect(german.units.map(\.id) == ["%lld photos|plural|one", "%lld photos|plural|other",
                                           "Tap to continue|device|iphone", "Tap to continue|device|mac", "Hello, %@!"])
        #expect(german.units[0].details.targetPluralCategories == ["one", "other"])
        #expect(german.units[3].target?.text == "Klicken, um fortzufahren")
        #expect(german.units[3].target?.line == 30)
        #expect(Self.summary(try Self.check(Self.example("ios/Localizable.xcstrings")))
                    == ["17:77 plurals.count", "39:77 markup.mismatch"])  // a placeholder written as another: one finding
    }

    @Test func androidResourcesFollowAndroidsRules() throws {
        let file = try #require(BilingualFileLoader.loadAll(path: Self.example("android/res/values-fr/strings.xml")).first)
        #expect(file.targetLanguage == "fr")
        #expect(!file.units.contains { $0.id == "app_name" })
        #expect(file.units.map(\.id) == ["save", "greeting", "settings", "songs|one", "songs|many", "songs|other", "planets|0", "planets|1"])
        #expect(file.units[2].target?.text == "Paramètres de l'application")
        #expect(file.units[2].details.maxLength == 12)
        #expect(file.units[1].target?.inlineCodes == ["i", "/i"])
        #expect(Self.summary(try Self.check(Self.example("android/res/values-fr/strings.xml")))
                    == ["4:29 markup.mismatch", "4:29 markup.mismatch", "5:41 length.limit"])  // `<b>` dropped, `<i>` added: one finding each
    }

    @Test func androidWhitespaceAndEscapes() {
        #expect(AndroidText.resolve("  Hello\n   world  ") == "Hello world")
        #expect(AndroidText.resolve("\"  keep  \" it\\'s\\n") == "  keep   it's\n")
    }

    @Test func arbAndI18nextNeedTheirTemplate() throws {
        // Other families' rules (meaning.*) read the same units; this test is about the pairing.
        #expect(Self.summary(try Self.check(Self.example("flutter/app_de.arb")).filter { $0.ruleID.hasPrefix("markup.") })
                    == ["5:26 markup.mismatch"])
        let web = try #require(BilingualFileLoader.loadAll(path: Self.example("web/locales/fr/translation.json")).first)
        #expect(web.units.map(\.id) == ["menu.file", "menu.open", "item_one", "item_other", "item_many"])
        #expect(web.units[2].details.targetPluralCategories == ["one", "other", "many"])
        #expect(Self.summary(try Self.check(Self.example("web/locales/fr/translation.json"))) == ["4:21 markup.mismatch"])
    }

    @Test func anExplicitSourcePairsAnyTwoFilesOfAFormat() throws {
        let folder = Fixtures.temporaryDirectory()
        let source = folder.appendingPathComponent("base.json")
        let target = folder.appendingPathComponent("uk.json")
        try #"{"title": "Settings", "body": "Open {{name}}"}"#.write(to: source, atomically: true, encoding: .utf8)
        try "{\"title\": \"Налаштування\",\n \"body\": \"Відкрити {{імʼя}}\"}".write(to: target, atomically: true, encoding: .utf8)
        #expect(Self.summary(try Self.check(target.path, source: source.path)) == ["2:20 markup.mismatch"])
    }

    @Test func malformedFilesNameTheLine() {
        let bad = Fixtures.write("{\n  \"a\": \"x\",\n  \"b\" \"y\"\n}", named: "app_de.arb")
        #expect { try BilingualFileLoader.loadAll(path: bad, source: Self.example("flutter/app_en.arb")) } throws: { error in
            (error as? InputError)?.line == 3
        }
        let strings = Fixtures.write("\"a\" = \"x\"\n\"b\" = \"y\";\n", named: "Localizable.strings")
        #expect { try BilingualFileLoader.loadAll(path: strings, source: strings) } throws: { error in
            (error as? InputError)?.line == 2
        }
    }

    /// Plural categories are listed in CLDR's order, an unknown one is reported on its own line, and
    /// a key without a translation names the language it lacks (a catalog holds them all).
    @Test func catalogPluralAndMissingTranslationMessages() throws {
        let catalog = """
        {
          "sourceLanguage" : "en",
          "strings" : {
            "%lld items" : { "localizations" : {
                "de" : { "variations" : { "plural" : {
                      "one" : { "stringUnit" : { "state" : "translated", "value" : "%lld Element" } },
                      "two" : { "stringUnit" : { "state" : "translated", "value" : "%lld Elemente" } },
                      "other" : { "stringUnit" : { "state" : "translated", "value" : "%lld Elemente" } } } } },
                "ru" : { "variations" : { "plural" : {
                      "one" : { "stringUnit" : { "state" : "translated", "value" : "%lld элемент" } },
                      "other" : { "stringUnit" : { "state" : "translated", "value" : "%lld элемента" } } } } } } },
            "Files: %@" : { "localizations" : {
                "de" : { "stringUnit" : { "state" : "translated", "value" : "Dateien: %@" } } } }
          },
          "version" : "1.0"
        }
        """
        let path = Fixtures.write(catalog, named: "Messages.xcstrings")
        let findings = try Self.check(path).filter { ["plurals.count", "untranslated.text"].contains($0.ruleID) }
        #expect(findings.map { "\($0.location.line) \($0.message)" } == [
            "7 plural category `two` does not exist in de and is never used",
            "10 plural categories `few`, `many` are missing; ru uses one, few, many, other for whole numbers (CLDR)",
            "12 this unit has no translation into ru",
        ])
    }

    /// A plural variation whose CLDR category holds one number in its language may leave the count
    /// out (German `one`, Arabic `zero`, `one`, `two`); Russian `one` (1, 21, 31 …) may not.
    @Test func aPluralCategoryForOneNumberMayLeaveOutTheCount() throws {
        func language(_ code: String, _ forms: [(String, String)]) -> String {
            let variations = forms.map { "\"\($0.0)\" : { \"stringUnit\" : { \"state\" : \"translated\", \"value\" : \"\($0.1)\" } }" }
            return "\"\(code)\" : { \"variations\" : { \"plural\" : {\n" + variations.joined(separator: ",\n") + " } } }"
        }
        let catalog = """
        {
          "sourceLanguage" : "en",
          "strings" : {
            "%lld photos" : {
              "localizations" : {
        \(language("en", [("one", "%lld photo"), ("other", "%lld photos")])),
        \(language("de", [("one", "Ein Foto"), ("other", "%lld Fotos")])),
        \(language("ar", [("zero", "لا صور"), ("one", "صورة واحدة"), ("two", "صورتان"), ("few", "%lld صور"),
                           ("many", "%lld صورة"), ("other", "صورة")])),
        \(language("ru", [("one", "Одно фото"), ("few", "%lld фото"), ("many", "%lld фото"), ("other", "%lld фото")]))
              }
            }
          },
          "version" : "1.0"
        }
        """
        let path = Fixtures.write(catalog, named: "Photos.xcstrings")
        let findings = try Self.check(path).filter { $0.ruleID == "markup.mismatch" }
        #expect(findings.map { "\($0.unit ?? "") \($0.message)" } == [
            "%lld photos|plural|other placeholder `%lld` from the source is missing",
            "%lld photos|plural|one placeholder `%lld` from the source is missing",
        ])
    }

    /// A byte that is not UTF-8 is an input error naming its line in every format, never read as U+FFFD.
    @Test func invalidUTF8IsAnErrorWithItsLine() throws {
        func line(of error: any Error) -> String {
            guard let error = error as? InputError else { return "\(error)" }
            return "\(error.line.map(String.init) ?? "-") \(error.message)"
        }
        let folder = Fixtures.temporaryDirectory()
        func write(_ bytes: [UInt8], _ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return url.path
        }
        let catalog = try write(Array(#"{"sourceLanguage":"en","strings":{"a":{"localizations":{"de":{"stringUnit":{"state":"translated","value":""#.utf8)
                                + [0xFF] + Array(#""}}}}},"version":"1.0"}"#.utf8), "a.xcstrings")
        let arbSource = try write(Array("{\n  \"a\": \"Save\"\n}".utf8), "app_en.arb")
        let arb = try write(Array("{\n  \"a\": \"Sp".utf8) + [0xE4] + Array("ichern\"\n}".utf8), "app_de.arb")
        _ = try write(Array("{\"a\": \"Save\"}".utf8), "locales/en/x.json")
        let web = try write(Array("{\n\n  \"a\": \"".utf8) + [0xC3, 0x28] + Array("\"\n}".utf8), "locales/de/x.json")
        let strings = try write(Array("\"a\" = \"x\";\n\"b\" = \"".utf8) + [0xFF] + Array("\";\n".utf8), "de.lproj/Localizable.strings")
        let binary = try write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x10], "random.xlf")
        #expect { try BilingualFileLoader.loadAll(path: catalog) } throws: { line(of: $0) == "1 the file is not valid UTF-8" }
        #expect { try BilingualFileLoader.loadAll(path: arb, source: arbSource) } throws: { line(of: $0) == "2 the file is not valid UTF-8" }
        #expect { try BilingualFileLoader.loadAll(path: web, sourceLanguage: "en") } throws: { line(of: $0) == "3 the file is not valid UTF-8" }
        #expect { try BilingualFileLoader.loadAll(path: strings, source: strings) } throws: { line(of: $0).hasPrefix("2 the file is not valid UTF-8") }
        #expect { try BilingualFileLoader.loadAll(path: binary) } throws: { line(of: $0).hasPrefix("1 the file is not valid UTF-8") }
    }

    @Test func fixWritesARBThroughItsJSONEscapesAndNothingElse() throws {
        let folder = Fixtures.temporaryDirectory()
        try "{\n  \"@@locale\": \"en\",\n  \"city\": \"Talks with \\\"Medinsky\\\" today\"\n}\n"
            .write(to: folder.appendingPathComponent("app_en.arb"), atomically: true, encoding: .utf8)
        let original = "{\n  \"@@locale\": \"de\",\n  \"city\": \"Gespr\\u00e4che mit \\\"Medinsky\\\" heute\",\n  \"other\": \"Moskau\"\n}\n"
        let path = folder.appendingPathComponent("app_de.arb").path
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let session = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "de", sourceLanguage: "en"))
        let plan = try session.planFixes(path: path)
        #expect(plan.replacements.map(\.replacement) == ["Medinski"])
        #expect(String(decoding: plan.fixedFileContents, as: UTF8.self) == original.replacingOccurrences(of: "Medinsky", with: "Medinski"))
    }

    @Test func fixingTheShippedExamplesLeavesEveryByteWhereNothingIsFixed() throws {
        let session = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "de", sourceLanguage: "en"))
        for path in ["ios/Localizable.xcstrings", "android/res/values-fr/strings.xml", "ios/ru.lproj/Localizable.stringsdict",
                     "ios/de.lproj/Localizable.strings", "web/locales/fr/translation.json"] {
            let plan = try session.planFixes(path: Self.example(path))
            #expect(plan.replacements.isEmpty, "\(path)")
            #expect(plan.fixedFileContents == (try Data(contentsOf: URL(fileURLWithPath: Self.example(path)))), "\(path)")
        }
    }
}
