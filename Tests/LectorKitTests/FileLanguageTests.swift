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
}
