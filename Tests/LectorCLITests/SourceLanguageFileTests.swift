import Foundation
import LectorTestSupport
import Testing

/// Which files of a folder are sources and which translations, as `check` and `fix` read them: a
/// file in the source language is only a source, in every format; an Android folder whose
/// qualifiers name no locale (`values-night`) holds the source language; an explicit `--target-lang`
/// wins over a folder's name for a file named on the command line.
@Suite struct SourceLanguageFileTests {
    /// Writes `files` (path → contents) into a new folder.
    private func folder(_ files: [String: String]) throws -> URL {
        let root = Fixtures.temporaryDirectory()
        for (name, contents) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    private func text(_ root: URL, _ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    /// The paths a unified diff changes (`+++ b/PATH`).
    private func changedPaths(_ diff: String) -> [String] {
        diff.split(separator: "\n").filter { $0.hasPrefix("+++ b/") }.map { String($0.dropFirst(6)) }
    }

    /// A German source and its English translation in each resource format, by the platform's layout.
    static let projects: [(source: String, sourceText: String, translation: String, translationText: String)] = [
        ("locales/de/app.json", "{\"city\": \"Stadt Kiev\"}\n", "locales/en/app.json", "{\"city\": \"City of Kiev\"}\n"),
        ("de.lproj/L.strings", "\"a\" = \"Stadt Kiev\";\n", "en.lproj/L.strings", "\"a\" = \"City of Kiev\";\n"),
        ("app_de.arb", "{\"a\": \"Stadt Kiev\"}\n", "app_en.arb", "{\"a\": \"City of Kiev\"}\n"),
        ("res/values-de/strings.xml", "<resources><string name=\"a\">Stadt Kiev</string></resources>\n",
         "res/values-en/strings.xml", "<resources><string name=\"a\">City of Kiev</string></resources>\n"),
    ]

    @Test(arguments: projects.indices)
    func theSourceLanguagesFileIsNeverFixedNorChecked(_ index: Int) throws {
        let project = Self.projects[index]
        let root = try folder([project.source: project.sourceText, project.translation: project.translationText])
        // Before, pairing ran both ways: the German file was read as a translation of the English
        // one, its `Kiev` flagged as a German variant and rewritten to `Kiew`.
        let dryRun = try CommandRunner.start(["fix", "--no-config", "--dry-run", "--glossary", Fixtures.houseGlossaryPath,
                                              "--source-lang", "de", "."], in: root).wait()
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(changedPaths(dryRun.standardOutput) == [project.translation], "\(dryRun.standardOutput)")
        #expect(dryRun.standardOutput.contains("Kyiv"))
        #expect(dryRun.standardError.contains("\(project.source) is in the source language (de)"))

        let fix = try CommandRunner.start(["fix", "--no-config", "--glossary", Fixtures.houseGlossaryPath,
                                           "--source-lang", "de", "."], in: root).wait()
        #expect(fix.status == 0, "\(fix.standardError)")
        #expect(try text(root, project.source) == project.sourceText)
        #expect(try text(root, project.translation) == project.translationText.replacingOccurrences(of: "Kiev", with: "Kyiv"))

        let check = try CommandRunner.start(["check", "--no-config", "--format", "jsonl", "--glossary", Fixtures.houseGlossaryPath,
                                             "--source-lang", "de", "."], in: root).wait()
        #expect(!check.standardOutput.contains(project.source), "\(check.standardOutput)")
        #expect(check.standardError.contains("\(project.source) is in the source language (de)"))
    }

    @Test func theProjectsSourceLanguageDoesTheSame() throws {
        let project = Self.projects[0]
        let root = try folder([project.source: project.sourceText, project.translation: project.translationText,
                               ".lector.yml": "source_language: de\nglossaries:\n  - \(Fixtures.houseGlossaryPath)\n"])
        let result = try CommandRunner.start(["fix", "--dry-run", "."], in: root).wait()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(changedPaths(result.standardOutput) == [project.translation], "\(result.standardOutput)")
    }

    @Test func androidFoldersWhoseQualifiersNameNoLocaleHoldTheSource() throws {
        let german = "<resources><string name=\"a\">Gespräche in Kiew</string></resources>\n"
        let english = "<resources><string name=\"a\">Talks in Kiev</string></resources>\n"
        var files = ["res/values/strings.xml": german, "res/values-en/strings.xml": english,
                     "res/values-en-night/strings.xml": english, "res/values-de-night/strings.xml": german]
        let sourceFolders = ["values-night", "values-v21", "values-land", "values-sw600dp", "values-hdpi", "values-mcc310", "values-car"]
        for name in sourceFolders { files["res/\(name)/strings.xml"] = german }
        let root = try folder(files)
        let dryRun = try CommandRunner.start(["fix", "--no-config", "--dry-run", "--glossary", Fixtures.houseGlossaryPath,
                                              "--source-lang", "de", "res"], in: root).wait()
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(changedPaths(dryRun.standardOutput).sorted() == ["res/values-en-night/strings.xml", "res/values-en/strings.xml"],
                "\(dryRun.standardOutput)")
        let check = try CommandRunner.start(["check", "--no-config", "--format", "jsonl", "--glossary", Fixtures.houseGlossaryPath,
                                             "--source-lang", "de", "res"], in: root).wait()
        for name in sourceFolders + ["values-de-night"] {
            #expect(!check.standardOutput.contains("\(name)/"), "\(name): \(check.standardOutput)")
        }
        #expect(check.standardOutput.contains("values-en/strings.xml"))
        // In an English project (the default), `values-night` is English like `values/`: not a translation of it.
        let englishRoot = try folder(["res/values/strings.xml": english, "res/values-night/strings.xml": english,
                                      "res/values-de/strings.xml": german])
        let unchanged = try CommandRunner.start(["check", "--no-config", "--format", "jsonl", "--source-lang", "en", "res"],
                                                in: englishRoot).wait()
        #expect(!unchanged.standardOutput.contains("values-night"), "\(unchanged.standardOutput)")
    }

    @Test func aStringCatalogKeepsItsOwnSourceLanguage() throws {
        // The catalog says its source language; its German strings stay, whatever --source-lang says.
        let catalog = "{\"sourceLanguage\":\"de\",\"version\":\"1.0\",\"strings\":{\"a\":{\"localizations\":{"
            + "\"de\":{\"stringUnit\":{\"state\":\"translated\",\"value\":\"Stadt Kiev\"}},"
            + "\"en\":{\"stringUnit\":{\"state\":\"translated\",\"value\":\"City of Kiev\"}}}}}}\n"
        let root = try folder(["L.xcstrings": catalog])
        for language in ["de", "en"] {
            let result = try CommandRunner.start(["fix", "--no-config", "--glossary", Fixtures.houseGlossaryPath,
                                                  "--source-lang", language, "."], in: root).wait()
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try text(root, "L.xcstrings") == catalog.replacingOccurrences(of: "City of Kiev", with: "City of Kyiv"))
        }
    }

    @Test func anExplicitTargetLanguageWinsOverTheFolderOfAFileNamedOnTheCommandLine() throws {
        let root = try folder(["is/news.txt": "Talks in Kiev.\n", "docs/de/intro.md": "Gespräche in Kiew.\n"])
        // Before: checked as Icelandic because of its folder, 0 findings, exit 0, and nothing said.
        let named = try CommandRunner.start(["check", "--no-config", "--glossary", Fixtures.houseGlossaryPath,
                                             "--target-lang", "en", "is/news.txt"], in: root).wait()
        #expect(named.status == 1, "\(named.standardError)")
        #expect(named.standardOutput.contains("is/news.txt:1:10: error: `Kiev` is deprecated"))
        #expect(named.standardError.contains("is/news.txt is checked as en (--target-lang), not as is (Icelandic)"))
        let fixed = try CommandRunner.start(["fix", "--no-config", "--dry-run", "--glossary", Fixtures.houseGlossaryPath,
                                             "--target-lang", "en", "is/news.txt"], in: root).wait()
        #expect(changedPaths(fixed.standardOutput) == ["is/news.txt"])

        // Without --target-lang, and in a folder scan, the folder names the language, as documented.
        let unnamed = try CommandRunner.start(["check", "--no-config", "--glossary", Fixtures.houseGlossaryPath,
                                               "is/news.txt"], in: root).wait()
        #expect(unnamed.status == 0)
        #expect(!unnamed.standardError.contains("note:"), "\(unnamed.standardError)")
        let scan = try CommandRunner.start(["check", "--no-config", "--format", "jsonl", "--glossary", Fixtures.houseGlossaryPath,
                                            "--target-lang", "en", "docs"], in: root).wait()
        #expect(scan.status == 0, "\(scan.standardOutput)")
        #expect(!scan.standardError.contains("note:"), "\(scan.standardError)")
    }
}
