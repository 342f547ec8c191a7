import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// `lector fix`, `check` and `report` on bilingual, HTML and Markdown files, as a user runs them.
@Suite struct FormatCommandTests {
    static let glossary = "Glossaries/ukraine-war.tbx"
    static let fixtures = "Tests/LectorKitTests/Fixtures/Bilingual/"

    /// Copies a fixture into a temporary folder.
    private func copy(_ name: String) throws -> String {
        let destination = Fixtures.temporaryDirectory().appendingPathComponent(name)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.path(Self.fixtures + name)), to: destination)
        return destination.path
    }

    /// Every fixture: `fix` changes targets only; each source segment is byte for byte as before.
    @Test(arguments: ["seed-article.de-en.xlf", "seed-article.de-en.xliff", "seed-article.de-en.tmx",
                      "seed-article.en.po", "seed-article.de-en.jsonl"])
    func fixNeverTouchesTheSourceSide(name: String) throws {
        let path = try copy(name)
        let before = try BilingualFileLoader.load(path: path)
        let result = try CommandRunner.run(["fix", "--no-config", "--glossary", Self.glossary, path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Fixed "))
        let after = try BilingualFileLoader.load(path: path)
        #expect(after.units.map(\.source) == before.units.map(\.source))
        #expect(after.units.map(\.target?.text) != before.units.map(\.target?.text))
        // A second run finds nothing left to fix.
        let again = try CommandRunner.run(["fix", "--no-config", "--glossary", Self.glossary, "--dry-run", path])
        #expect(again.standardOutput.isEmpty)
    }

    @Test func reportReadsABilingualFileUnitByUnit() throws {
        let path = try copy("seed-article.de-en.xlf")
        let out = Fixtures.temporaryDirectory().appendingPathComponent("xlf").path
        let result = try CommandRunner.run(["report", "--no-config", "--glossary", Self.glossary, "--out", out, path])
        #expect(result.status == 0, "\(result.standardError)")
        let markdown = try String(contentsOfFile: out + ".md", encoding: .utf8)
        // The XML is not read as text: no tag appears as a word of the translation, and the source
        // of each unit is shown beside it.
        #expect(!markdown.contains("&lt;target"))
        #expect(!markdown.contains("trans-unit"))
        #expect(markdown.contains("**Source (de)**"))
        #expect(markdown.contains("Vladimir <del>Medinski</del><ins>Medinsky</ins>"))
        let patch = try String(contentsOfFile: out + ".patch", encoding: .utf8)
        #expect(patch.contains("+        <target>The head of the Russian delegation, <ph id=\"1\">&lt;b&gt;</ph>Vladimir Medinsky,"))
        #expect(!patch.contains("+        <source>"))
    }

    @Test func reportRefusesASeparateSourceForABilingualFile() throws {
        let path = try copy("seed-article.en.po")
        let out = Fixtures.temporaryDirectory().appendingPathComponent("po").path
        let result = try CommandRunner.run(["report", "--no-config", "--glossary", Self.glossary, "--source-lang", "de",
                                            "--source", "Examples/seed-article.de.txt", "--out", out, path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("carries its own source"))
    }

    @Test func checkNeverFlagsAURLCodeOrStyle() throws {
        let directory = Fixtures.temporaryDirectory()
        let html = directory.appendingPathComponent("page.html").path
        try Data("<style>.Kiev{}</style><a href=\"https://example.org/Kiev\">link</a> <code>grep Kiev</code>\n".utf8)
            .write(to: URL(fileURLWithPath: html))
        let markdown = directory.appendingPathComponent("page.md").path
        try Data("See [it](https://example.org/Kiev) and `grep Kiev`.\n\n```\nKiev\n```\n".utf8).write(to: URL(fileURLWithPath: markdown))
        let result = try CommandRunner.run(["check", "--no-config", "--glossary", Self.glossary, html, markdown])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("Kiev"))
        let fix = try CommandRunner.run(["fix", "--no-config", "--glossary", Self.glossary, "--dry-run", html, markdown])
        #expect(fix.standardOutput.isEmpty)
    }
}
