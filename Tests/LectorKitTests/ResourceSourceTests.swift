import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// A resource file's source: found by the platform's convention, or else the file is checked alone
/// and says so; the source's own file has nothing to check.
@Suite struct ResourceSourceTests {
    /// Writes `files` (path → contents) into a new folder.
    func folder(_ files: [String: String]) throws -> URL {
        let folder = Fixtures.temporaryDirectory()
        for (name, contents) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let german = "<resources>\n<string name=\"a\">Gespräche mit Medinsky</string>\n<string name=\"b\">Speichern</string>\n</resources>\n"

    @Test func aLoneTranslationIsCheckedAloneAndSaysWhereItsSourceWasLookedFor() async throws {
        let root = try folder(["res/values-de/strings.xml": Self.german])
        let path = root.appendingPathComponent("res/values-de/strings.xml").path
        let file = try #require(try BilingualFileLoader.loadAll(path: path, sourceLanguage: "en").first)
        #expect(file.isTargetOnly)
        #expect(file.targetLanguage == "de")
        #expect(file.sourceNotFound == [root.appendingPathComponent("res/values/strings.xml").path])

        let session = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "de", sourceLanguage: "en"))
        let findings = try await session.check([.bilingual(path: path, standardInputFormat: nil)])
        // The glossary reads the translation alone; no check compares it with a source it does not have
        // (an empty source would otherwise make every string an addition or untranslated).
        #expect(findings.map(\.ruleID) == ["glossary.variant"])
        #expect(findings.first?.location.line == 2)
        #expect(session.inputNotices.count == 1)
        #expect(session.inputNotices.first?.contains("res/values-de/strings.xml: no source file found (looked for ") == true)
    }

    @Test func withItsSourceBesideItTheSameFileIsCheckedAgainstIt() async throws {
        let root = try folder(["res/values-de/strings.xml": Self.german,
                               "res/values/strings.xml": "<resources>\n<string name=\"a\">Talks with Medinsky</string>\n<string name=\"b\">Save %1$s</string>\n</resources>\n"])
        let path = root.appendingPathComponent("res/values-de/strings.xml").path
        let file = try #require(try BilingualFileLoader.loadAll(path: path).first)
        #expect(!file.isTargetOnly)
        let session = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "de", sourceLanguage: "en"))
        let findings = try await session.check([.bilingual(path: path, standardInputFormat: nil)])
        #expect(findings.map(\.ruleID).sorted() == ["glossary.variant", "markup.mismatch"])
        #expect(session.inputNotices.isEmpty)
    }

    @Test func theSourceIsLookedForInTheProjectsSourceLanguage() throws {
        let root = try folder(["de.lproj/Localizable.strings": "\"a\" = \"Speichern\";\n",
                               "fr.lproj/Localizable.strings": "\"a\" = \"Enregistrer\";\n",
                               "locales/de/app.json": "{\"a\": \"Speichern\"}", "locales/fr/app.json": "{\"a\": \"Enregistrer\"}",
                               "app_de.arb": "{\"a\": \"Speichern\"}", "app_fr.arb": "{\"a\": \"Enregistrer\"}"])
        for (target, source) in [("fr.lproj/Localizable.strings", "de.lproj/Localizable.strings"),
                                 ("locales/fr/app.json", "locales/de/app.json"), ("app_fr.arb", "app_de.arb")] {
            let file = try #require(try BilingualFileLoader.loadAll(path: root.appendingPathComponent(target).path, sourceLanguage: "de").first)
            #expect(file.units.first?.source.text == "Speichern", "\(target) ← \(source)")
            // The source language's own file is the source: nothing in it to check.
            #expect(try BilingualFileLoader.loadAll(path: root.appendingPathComponent(source).path, sourceLanguage: "de").isEmpty)
        }
        // In an English project the German file has no source beside it.
        let alone = try #require(try BilingualFileLoader.loadAll(path: root.appendingPathComponent("de.lproj/Localizable.strings").path).first)
        #expect(alone.isTargetOnly)
        #expect(alone.sourceNotFound?.map { URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent } == ["en.lproj", "Base.lproj"])
    }

    @Test func aTranslationOfAKeyTheSourceNoLongerHasIsReportedAndStillCheckedAlone() async throws {
        let root = try folder(["res/values-de/strings.xml": "<resources>\n<string name=\"a\">Speichern %1$s</string>\n"
                                   + "<string name=\"old_city\">Gespräche mit Medinsky in Kiew</string>\n</resources>\n",
                               "res/values/strings.xml": "<resources>\n<string name=\"a\">Save %1$s</string>\n</resources>\n"])
        let path = root.appendingPathComponent("res/values-de/strings.xml").path
        let file = try #require(try BilingualFileLoader.loadAll(path: path).first)
        #expect(file.units.map(\.id) == ["a", "old_city"])
        #expect(file.units.map(\.details.sourceKeyMissing) == [false, true])
        let session = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "de", sourceLanguage: "en"))
        let findings = try await session.check([.bilingual(path: path, standardInputFormat: nil)])
        // The stale string still gets the glossary's check, and is compared with no source: no
        // `untranslated` or placeholder finding against an empty one.
        #expect(findings.map(\.ruleID).sorted() == ["alignment.unpaired", "glossary.variant"])
        let stale = try #require(findings.first { $0.ruleID == "alignment.unpaired" })
        #expect(stale.message.contains("`old_city` is not in the source file"))
        #expect(stale.location.line == 3)
    }

    @Test func aPairWhoseSourceLanguageNobodySaysIsCheckedAloneAndSaysSo() async throws {
        let root = try folder(["res/values-de/strings.xml": "<resources>\n<string name=\"a\">Save %1$s</string>\n</resources>\n",
                               "res/values/strings.xml": "<resources>\n<string name=\"a\">Save %1$s</string>\n</resources>\n"])
        let path = root.appendingPathComponent("res/values-de/strings.xml").path
        let quiet = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "de"))
        #expect(try await quiet.check([.bilingual(path: path, standardInputFormat: nil)]).filter { $0.ruleID == "untranslated.unchanged" }.isEmpty)
        #expect(quiet.inputNotices.first?.contains("the source's language is not known") == true)
        let told = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "de", sourceLanguage: "en"))
        #expect(try await told.check([.bilingual(path: path, standardInputFormat: nil)]).map(\.ruleID).contains("untranslated.unchanged"))
        #expect(told.inputNotices.isEmpty)
    }

    @Test func jsonFilesPairedOutsideLocalesTakeTheTargetLanguageNotTheFolderName() async throws {
        // A folder named like a language code (`fra`, `de`) or not at all (`app`) is no language
        // outside i18next's `locales/LANG/`.
        for name in ["app", "fra", "de"] {
            let root = try folder(["\(name)/src.json": "{\"a\": \"Gespräche mit Medinsky\"}",
                                   "\(name)/tgt.json": "{\"a\": \"Talks with Medinsky\"}"])
            let target = root.appendingPathComponent("\(name)/tgt.json").path
            let source = root.appendingPathComponent("\(name)/src.json").path
            let file = try #require(try BilingualFileLoader.loadAll(path: target, source: source, sourceLanguage: "de").first)
            #expect(file.targetLanguage == nil, "\(name)/")
            let session = try LintSession(CheckConfiguration(targetLanguage: "en", sourceLanguage: "de"))
            #expect(try session.checker(for: file).configuration.targetLanguage == "en", "\(name)/")
            _ = try await session.check([.pair(target: target, source: source)])
        }
        let root = try folder(["locales/fr/x.json": "{\"a\": \"Enregistrer\"}", "locales/en/x.json": "{\"a\": \"Save\"}"])
        let file = try #require(try BilingualFileLoader.loadAll(path: root.appendingPathComponent("locales/fr/x.json").path).first)
        #expect(file.targetLanguage == "fr")
    }

    @Test(arguments: [("values-de", "de"), ("values-de-rDE", "de-DE"), ("values-zh-rTW", "zh-TW"), ("values-b+sr+Latn", "sr-Latn"),
                      ("values-b+es+419", "es-419"), ("values-de-night", "de"), ("values-mcc310-fr", "fr"),
                      ("values-fil", "fil"), ("values-pt-rBR-v21", "pt-BR")])
    func anAndroidFolderNamesTheLocaleOfItsQualifiers(_ name: String, _ language: String) throws {
        let root = try folder(["res/\(name)/strings.xml": Self.german,
                               "res/values/strings.xml": "<resources>\n<string name=\"a\">Talks</string>\n</resources>\n"])
        let file = try #require(try BilingualFileLoader.loadAll(path: root.appendingPathComponent("res/\(name)/strings.xml").path).first)
        #expect(file.targetLanguage == language)
    }

    @Test(arguments: ["values-night", "values-v21", "values-land", "values-port", "values-sw600dp", "values-hdpi", "values-mcc310",
                      "values-mcc310-mnc004", "values-ldrtl", "values-car", "values-tv", "values-xlarge", "values-w820dp"])
    func anAndroidFolderWhoseQualifiersNameNoLocaleHoldsTheSource(_ name: String) throws {
        // Before, `values-night` was a translation of `values/` into --target-lang, flagged and fixed.
        let root = try folder(["res/\(name)/strings.xml": Self.german, "res/values/strings.xml": Self.german])
        let path = root.appendingPathComponent("res/\(name)/strings.xml").path
        #expect(BilingualFileLoader.isSourceResource(path: path, sourceLanguage: "de"))
        #expect(try BilingualFileLoader.loadAll(path: path, sourceLanguage: "de").isEmpty)
        #expect(try BilingualFileLoader.loadAll(path: path).isEmpty)
    }

    @Test func theSourceLanguagesFileIsNoTranslationOfTheEnglishFileBesideIt() throws {
        let root = try folder(["de.lproj/L.strings": "\"a\" = \"Stadt Kiev\";\n", "en.lproj/L.strings": "\"a\" = \"City of Kiev\";\n",
                               "locales/de/app.json": "{\"a\": \"Stadt Kiev\"}", "locales/en/app.json": "{\"a\": \"City of Kiev\"}",
                               "app_de.arb": "{\"a\": \"Stadt Kiev\"}", "app_en.arb": "{\"a\": \"City of Kiev\"}",
                               "res/values-de/strings.xml": Self.german, "res/values-en/strings.xml": Self.german,
                               "res/values/strings.xml": Self.german])
        for (source, target) in [("de.lproj/L.strings", "en.lproj/L.strings"), ("locales/de/app.json", "locales/en/app.json"),
                                 ("app_de.arb", "app_en.arb"), ("res/values-de/strings.xml", "res/values-en/strings.xml")] {
            // Before, the English file was found as the German one's source, and the German file checked as a translation.
            #expect(try BilingualFileLoader.loadAll(path: root.appendingPathComponent(source).path, sourceLanguage: "de").isEmpty, "\(source)")
            #expect(BilingualFileLoader.isSourceResource(path: root.appendingPathComponent(source).path, sourceLanguage: "de"))
            #expect(!BilingualFileLoader.isSourceResource(path: root.appendingPathComponent(target).path, sourceLanguage: "de"))
            let file = try #require(try BilingualFileLoader.loadAll(path: root.appendingPathComponent(target).path, sourceLanguage: "de").first)
            #expect(file.targetLanguage == "en", "\(target)")
            #expect(!file.isTargetOnly, "\(target)")
        }
    }
}
