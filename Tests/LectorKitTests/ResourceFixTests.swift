import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// `fix` in the mobile resource formats: only the translation's text changes, written with the
/// format's own escaping; keys, comments, the source language, untranslatable strings and what
/// the format folds or escapes stay as they are. (`FixPropertyTests` checks the same on random files.)
@Suite struct ResourceFixTests {
    static let session = try! LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary]))

    /// Writes `files` (path → contents) into a new folder and plans the fixes of `target` there.
    func plan(_ target: String, _ files: [String: String]) throws -> (plan: FixPlan, original: String) {
        let folder = Fixtures.temporaryDirectory()
        for (name, contents) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return (try Self.session.planFixes(path: folder.appendingPathComponent(target).path), files[target]!)
    }

    func fixed(_ plan: FixPlan) -> String { String(decoding: plan.fixedFileContents, as: UTF8.self) }

    @Test func appleStringsFixesTheValueBetweenItsEscapesAndNeverTheKeyOrComment() throws {
        let target = """
        /* Medinsky: the minister */
        "Medinsky said" = "\\"Medinsky\\" sagte:\\nMedin\\U0073ky";
        "Medinsky" = "Gespräche mit Medinsky\\tin Kiew";

        """
        let (plan, original) = try plan("de.lproj/Localizable.strings", [
            "de.lproj/Localizable.strings": target,
            "en.lproj/Localizable.strings": "\"Medinsky said\" = \"\\\"Medinsky\\\" said:\";\n\"Medinsky\" = \"Talks with Medinsky in Kyiv\";\n",
        ])
        #expect(plan.replacements.map(\.replacement) == ["Medinski", "Medinski"])
        #expect(fixed(plan) == original.replacingOccurrences(of: "\\\"Medinsky\\\" sagte", with: "\\\"Medinski\\\" sagte")
            .replacingOccurrences(of: "mit Medinsky", with: "mit Medinski"))
        // The term written with an escape in the middle cannot be replaced exactly: it is reported.
        #expect(plan.skipped.map(\.reason) == [.notVerbatim])
    }

    @Test func anEnglishTranslationOfAGermanProjectIsFixedAsCheckReadsIt() throws {
        // With `en` the source language by default, `en.lproj` would be the source and never fixed;
        // a session whose source language is German reads it as the translation `check` reports.
        let german = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary], sourceLanguage: "de"))
        let folder = Fixtures.temporaryDirectory()
        for (name, contents) in ["de.lproj/L.strings": "\"k\" = \"Gespräche in Kiew\";\n",
                                 "en.lproj/L.strings": "\"k\" = \"Talks in Kiev\";\n"] {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        let target = folder.appendingPathComponent("en.lproj/L.strings").path
        #expect(try german.check(.bilingual(path: target, standardInputFormat: nil)).contains { $0.suggestion == "Kyiv" })
        let plan = try german.planFixes(path: target)
        #expect(String(decoding: plan.fixedFileContents, as: UTF8.self) == "\"k\" = \"Talks in Kyiv\";\n")
    }

    @Test func aUTF16StringsFileIsNotWrittenAndSaysWhy() throws {
        let folder = Fixtures.temporaryDirectory()
        for (language, text) in [("en", "\"a\" = \"Talks with Medinsky\";\n"), ("de", "\"a\" = \"Gespräche mit Medinsky\";\n")] {
            let url = folder.appendingPathComponent("\(language).lproj/Localizable.strings")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var data = Data([0xFF, 0xFE])
            data.append(text.data(using: .utf16LittleEndian)!)
            try data.write(to: url)
        }
        let path = folder.appendingPathComponent("de.lproj/Localizable.strings").path
        let plan = try Self.session.planFixes(path: path)
        #expect(plan.replacements.isEmpty)
        #expect(plan.fixedFileContents == (try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(plan.skipped.map(\.reason.description) == ["the file is UTF-16, and fix writes UTF-8 files only"])
    }

    @Test func androidFixesTranslatableTextOnlyAndKeepsItsEscapesQuotesAndWhiteSpace() throws {
        let target = """
        <?xml version="1.0" encoding="utf-8"?>
        <resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
            <!-- Medinsky -->
            <string name="Medinsky" translatable="false">Medinsky</string>
            <string name="talks">Gespräche mit
                Medinsky  in <b>Kiew</b> \\'Medinsky\\' &amp; Medi&#110;sky</string>
            <string name="quoted">"  Medinsky  "</string>
            <string name="code">Mit <xliff:g id="name">Medinsky</xliff:g></string>
            <plurals name="n"><item quantity="one">ein Medinsky</item><item quantity="other">%d Medinsky</item></plurals>
        </resources>

        """
        let source = """
        <resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
            <string name="talks">Talks with Medinsky in <b>Kyiv</b> \\'Medinsky\\' &amp; Medinsky</string>
            <string name="quoted">"  Medinsky  "</string>
            <string name="code">With <xliff:g id="name">Medinsky</xliff:g></string>
            <plurals name="n"><item quantity="one">one Medinsky</item><item quantity="other">%d Medinsky</item></plurals>
        </resources>

        """
        let (plan, original) = try plan("res/values-de/strings.xml", ["res/values-de/strings.xml": target, "res/values/strings.xml": source])
        let expected = original
            .replacingOccurrences(of: "\n        Medinsky  in", with: "\n        Medinski  in")
            .replacingOccurrences(of: "\\'Medinsky\\'", with: "\\'Medinski\\'")
            .replacingOccurrences(of: "\"  Medinsky  \"", with: "\"  Medinski  \"")
            .replacingOccurrences(of: "ein Medinsky", with: "ein Medinski")
            .replacingOccurrences(of: "%d Medinsky", with: "%d Medinski")
        #expect(fixed(plan) == expected)
        #expect(plan.replacements.count == 5)
    }

    @Test func aStringCatalogIsFixedLanguageByLanguageAndNeverInItsSourceLanguage() throws {
        let catalog = """
        {
          "sourceLanguage" : "en",
          "strings" : {
            "Talks with Medinski" : {
              "comment" : "Medinsky, Medinski",
              "localizations" : {
                "de" : { "stringUnit" : { "state" : "translated", "value" : "Gespräche mit Medinsky" } },
                "en" : { "stringUnit" : { "state" : "translated", "value" : "Talks with Medinski" } },
                "en-GB" : { "variations" : { "plural" : {
                  "one" : { "stringUnit" : { "state" : "translated", "value" : "one talk with Medinski" } },
                  "other" : { "stringUnit" : { "state" : "translated", "value" : "%d talks with \\"Medinski\\"" } }
                } } }
              }
            },
            "Medinski" : { "shouldTranslate" : false, "localizations" : { "de" : { "stringUnit" : { "state" : "translated", "value" : "Medinsky" } } } }
          },
          "version" : "1.0"
        }

        """
        let (plan, original) = try plan("Localizable.xcstrings", ["Localizable.xcstrings": catalog])
        let expected = original
            .replacingOccurrences(of: "\"Gespräche mit Medinsky\"", with: "\"Gespräche mit Medinski\"")
            .replacingOccurrences(of: "one talk with Medinski", with: "one talk with Medinsky")
            .replacingOccurrences(of: "\\\"Medinski\\\"", with: "\\\"Medinsky\\\"")
        #expect(fixed(plan) == expected)
        #expect(plan.replacements.map(\.replacement) == ["Medinski", "Medinsky", "Medinsky"])
    }

    @Test func stringsDictFixesItsPluralForms() throws {
        func plist(_ one: String, _ other: String) -> String {
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <plist version="1.0">
            <dict>
                <key>Medinsky</key>
                <dict>
                    <key>NSStringLocalizedFormatKey</key>
                    <string>%#@n@</string>
                    <key>n</key>
                    <dict>
                        <key>NSStringFormatSpecTypeKey</key>
                        <string>NSStringPluralRuleType</string>
                        <key>one</key>
                        <string>\(one)</string>
                        <key>other</key>
                        <string>\(other)</string>
                    </dict>
                </dict>
            </dict>
            </plist>

            """
        }
        let (plan, original) = try plan("de.lproj/Localizable.stringsdict", [
            "de.lproj/Localizable.stringsdict": plist("ein Treffen mit Medinsky &amp; Co.", "%d Treffen mit Medinsky"),
            "en.lproj/Localizable.stringsdict": plist("one meeting with Medinsky", "%d meetings with Medinsky"),
        ])
        #expect(fixed(plan) == original.replacingOccurrences(of: "mit Medinsky", with: "mit Medinski"))
        #expect(plan.replacements.count == 2)
    }

    /// What Android and `.strings` read back is what was meant, for text that needs their escapes.
    @Test func theEscapingsReadBackAsTheText() throws {
        let texts = [" leading", "trailing ", "it's \"quoted\"", "@string/x", "?attr", "a  b", "tab\there", "line\nbreak",
                     "back\\slash", "no\u{A0}break", "bell\u{7}", "plain text", "日本語 🇺🇦"]
        for text in texts {
            let android = try #require(ReplacementEscaping.androidString(in: .none).escape(text))
            #expect(AndroidText.resolve(android) == text, "\(android)")
            #expect(AndroidText.resolve("x" + android + "x") == "x" + text + "x", "\(android)")
        }
        let folder = Fixtures.temporaryDirectory()
        let body = try texts.enumerated().map { "\"k\($0.offset)\" = \"\(try #require(ReplacementEscaping.appleStrings.escape($0.element)))\";" }
        let path = folder.appendingPathComponent("en.lproj/Localizable.strings")
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try body.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        let file = try #require(try BilingualFileLoader.loadAll(path: path.path, source: path.path).first)
        #expect(file.units.map { $0.target?.text } == texts)
    }
}
