import Foundation
import LectorKit
import Testing

/// A scan reads each file in the language its name gives, and a source file beside its
/// translation as the source, never as a translation.
@Suite struct FileLanguageTests {
    @Test(arguments: [
        ("article.de.txt", "de"), ("Articles/2024/article.en.md", "en"), ("docs/pt-BR/intro.md", "pt-BR"),
        ("docs/pt_BR/intro.md", "pt-BR"), ("de/news/article.txt", "de"), ("de/article.fr.txt", "fr"),
        ("strings.sr-Latn.txt", "sr-Latn"),
    ])
    func languageFromName(_ path: String, _ language: String) {
        #expect(FileLanguage.language(ofPath: path) == language)
    }

    @Test(arguments: ["article.txt", "notes.min.txt", "archive.tar.gz.txt", "README.md", "docs/api/intro.md", ".de.txt",
                      "article.DE.txt", "xx/article.txt"])
    func noLanguageInName(_ path: String) {
        #expect(FileLanguage.language(ofPath: path) == nil)
    }

    @Test func siblingInAnotherLanguage() {
        #expect(FileLanguage.path("Examples/seed-article.en.txt", inLanguage: "de") == "Examples/seed-article.de.txt")
        #expect(FileLanguage.path("docs/en/guide/intro.md", inLanguage: "de") == "docs/de/guide/intro.md")
        #expect(FileLanguage.path("article.txt", inLanguage: "de") == nil)
    }

    @Test func sourceFileIsPairedNotChecked() {
        let files: Set = ["a.de.txt", "a.en.txt", "b.en.txt", "c.fr.txt", "plain.txt"]
        let (inputs, skipped) = FileLanguage.inputs(for: files.sorted(), targetLanguage: "en", sourceLanguage: "de",
                                                     exists: files.contains)
        #expect(skipped == ["a.de.txt"])
        #expect(inputs == [
            .translation(path: "a.en.txt", language: "en", source: "a.de.txt"),
            .translation(path: "b.en.txt", language: "en", source: nil),
            .translation(path: "c.fr.txt", language: "fr", source: nil),
            .text(path: "plain.txt"),
        ])
    }

    @Test func withoutSourceLanguageEveryFileIsCheckedInItsOwn() {
        let (inputs, skipped) = FileLanguage.inputs(for: ["a.de.txt", "a.en.txt"], targetLanguage: "en", sourceLanguage: nil,
                                                     exists: { _ in true })
        #expect(skipped.isEmpty)
        #expect(inputs == [.translation(path: "a.de.txt", language: "de", source: nil),
                           .translation(path: "a.en.txt", language: "en", source: nil)])
    }

    @Test func resourceFilesInTheSourceLanguageAreSourcesToo() {
        let files = ["locales/de/app.json", "locales/en/app.json", "de.lproj/L.strings", "en.lproj/L.strings",
                     "app_de.arb", "app_en.arb", "res/values/strings.xml", "res/values-night/strings.xml",
                     "res/values-de-night/strings.xml", "res/values-en/strings.xml"]
        let (inputs, skipped) = FileLanguage.inputs(for: files, targetLanguage: "en", sourceLanguage: "de", exists: { _ in true })
        #expect(skipped == ["locales/de/app.json", "de.lproj/L.strings", "app_de.arb", "res/values/strings.xml",
                            "res/values-night/strings.xml", "res/values-de-night/strings.xml"])
        #expect(inputs == ["locales/en/app.json", "en.lproj/L.strings", "app_en.arb", "res/values-en/strings.xml"]
            .map { .bilingual(path: $0, standardInputFormat: nil) })
    }

    @Test func anExplicitTargetLanguageWinsOverTheFolderOfANamedFile() {
        let paths = ["is/news.txt", "docs/fr/intro.md", "en/a.md", "de/a.md", "it/news.is.txt"]
        let named: Set = ["is/news.txt", "en/a.md", "de/a.md", "it/news.is.txt"]
        let scan = FileLanguage.scan(paths, sourceLanguage: "de", named: named, commandLineTargetLanguage: "en",
                                     exists: Set(paths).contains)
        #expect(scan.inputs == [
            .text(path: "is/news.txt"),
            // Found by scanning `docs`: its folder still names its language.
            .translation(path: "docs/fr/intro.md", language: "fr", source: nil),
            .translation(path: "en/a.md", language: "en", source: "de/a.md"),
            // The file's own name says its language: that wins over any option.
            .translation(path: "it/news.is.txt", language: "is", source: nil),
        ])
        // A folder in the source language still makes its file the source.
        #expect(scan.skipped == ["de/a.md"])
        #expect(scan.folderLanguagesSetAside == [FileLanguage.SetAside(path: "is/news.txt", language: "is")])
        #expect(scan.folderLanguagesSetAside.first?.languageName == "Icelandic")
        let withoutOption = FileLanguage.scan(["is/news.txt"], sourceLanguage: nil, named: ["is/news.txt"], exists: { _ in false })
        #expect(withoutOption.inputs == [.translation(path: "is/news.txt", language: "is", source: nil)])
    }
}
