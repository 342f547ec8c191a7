import Foundation
import LectorTestSupport
import Testing

/// `lector report` and `lector diff` as a user runs them, and the committed sample reports.
@Suite struct ReportCommandTests {
    static let glossary = "Glossaries/ukraine-war.tbx"
    static let seed = "Examples/seed-article.en.txt"
    static let seedSource = "Examples/seed-article.de.txt"
    static let sampleFiles = ["seed-article", "seed-article-de-en"].flatMap { name in
        ["html", "md", "patch"].map { "\(name).\($0)" }
    }

    /// The reports in Reports/ are what `Reports/regenerate.sh` makes now, byte for byte. They
    /// were made with FreeDict installed (names.missing and the garbled signals read it).
    @Test(.enabled(if: OptionalResource.freeDict, Comment(rawValue: OptionalResource.freeDictMissing)))
    func committedSampleReportsAreCurrent() throws {
        let directory = Fixtures.temporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Fixtures.path("Reports/regenerate.sh"), directory.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["LECTOR": CommandRunner.executable.path]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
        for name in Self.sampleFiles {
            let fresh = try Data(contentsOf: directory.appendingPathComponent(name))
            let committed = FileManager.default.contents(atPath: Fixtures.path("Reports/\(name)"))
            #expect(committed == fresh, "Reports/\(name) is stale: run Reports/regenerate.sh and commit the result")
        }
    }

    @Test func reportWritesHTMLMarkdownAndPatch() throws {
        let directory = Fixtures.temporaryDirectory()
        let out = directory.appendingPathComponent("nested/seed").path
        let result = try CommandRunner.run(["report", "--no-config", "--glossary", Self.glossary, "--out", out, Self.seed])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("Wrote \(out).html, \(out).md and \(out).patch: "))
        #expect(result.standardError.contains(", 4 safe fixes."))
        let html = try String(contentsOfFile: out + ".html", encoding: .utf8)
        #expect(html.contains("<title>Lector report: Examples/seed-article.en.txt</title>"))
        let markdown = try String(contentsOfFile: out + ".md", encoding: .utf8)
        #expect(markdown.hasPrefix("### Lector report: Examples/seed-article.en.txt\n"))
        let patch = try String(contentsOfFile: out + ".patch", encoding: .utf8)
        #expect(patch.hasPrefix("--- a/Examples/seed-article.en.txt\n+++ b/Examples/seed-article.en.txt\n"))
        // Written by rename: nothing else is left in the directory.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("nested").path)
        #expect(left.sorted() == ["seed.html", "seed.md", "seed.patch"])
    }

    /// The committed patches apply to the shipped article from the package root.
    @Test(.enabled(if: ExternalTool.isInstalled("git"), "needs git"))
    func samplePatchesApplyFromThePackageRoot() throws {
        for name in ["seed-article.patch", "seed-article-de-en.patch"] {
            let check = try ExternalTool.run("git", ["apply", "--check", "Reports/\(name)"], in: Fixtures.packageRoot)
            #expect(check.status == 0, "\(name): \(check.output)")
        }
    }

    @Test func scriptInAnArticleIsShownAsText() throws {
        let article = Fixtures.write("Moscow and Kiev met. <script>alert(1)</script>\n", named: "article.txt")
        let out = Fixtures.temporaryDirectory().appendingPathComponent("article").path
        let result = try CommandRunner.run(["report", "--no-config", "--glossary", Self.glossary, "--out", out, article])
        #expect(result.status == 0, "\(result.standardError)")
        for ext in ["html", "md"] {
            let text = try String(contentsOfFile: "\(out).\(ext)", encoding: .utf8)
            #expect(!text.contains("<script"), "\(ext)")
            #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(ext)")
        }
    }

    @Test func aSourceNeedsItsLanguage() throws {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("x").path
        let result = try CommandRunner.run(["report", "--no-config", "--glossary", Self.glossary, "--source", Self.seedSource,
                                            "--out", out, Self.seed])
        #expect(result.status == 2)
        #expect(result.standardError.contains("a source file needs its language (--source-lang)"))
        let missing = try CommandRunner.run(["report", "--no-config", "--glossary", Self.glossary, "--out", out, "no-such-file.txt"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no-such-file.txt: no such file"))
    }

    // MARK: - diff

    private func versions() -> (old: String, new: String) {
        let directory = Fixtures.temporaryDirectory()
        let old = directory.appendingPathComponent("mt.txt")
        let new = directory.appendingPathComponent("pe.txt")
        try! "Moscow and Kiev met. The talks were long.\nMedinski spoke.\n".write(to: old, atomically: true, encoding: .utf8)
        try! "Moscow and Kyiv met. The talks were very long.\nMedinsky spoke.\n".write(to: new, atomically: true, encoding: .utf8)
        return (old.path, new.path)
    }

    @Test func diffPrintsFiguresAndChanges() throws {
        let (old, new) = versions()
        let result = try CommandRunner.run(["diff", "--no-config", "--glossary", Self.glossary, old, new])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        // Kiev → Kyiv, + very, Medinski → Medinsky: 3 edits over 5 + 6 + 3 words.
        #expect(lines.first == "\(old) → \(new): 3 of 3 sentences changed; word edit rate 21.4 % (3 edits / 14 words)")
        #expect(lines.dropFirst().first == "findings: 0 introduced, 2 resolved, 0 unchanged")
        #expect(lines.contains("  Moscow and [-Kiev-]{+Kyiv+} met."))
        #expect(lines.contains("  The talks were {+very +}long."))
    }

    @Test func diffWritesJSONAndHTMLToAFile() throws {
        let (old, new) = versions()
        let out = Fixtures.temporaryDirectory().appendingPathComponent("diff.json").path
        let result = try CommandRunner.run(["diff", "--no-config", "--glossary", Self.glossary, "--format", "json", "--out", out, old, new])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(json["edits"] as? Int == 3)
        #expect(json["words"] as? Int == 14)
        #expect(json["editRate"] as? Double == 0.2143)
        #expect(json["changedSentences"] as? Int == 3)
        #expect(((json["findings"] as? [String: Any])?["resolved"] as? [Any])?.count == 2)

        let html = try CommandRunner.run(["diff", "--no-config", "--glossary", Self.glossary, "--format", "html", old, new])
        #expect(html.standardOutput.hasPrefix("<!DOCTYPE html>"))
        #expect(html.standardOutput.contains("<ins>Kyiv</ins>"))
        let markdown = try CommandRunner.run(["diff", "--no-config", "--glossary", Self.glossary, "--format", "markdown", old, new])
        #expect(markdown.standardOutput.contains("Moscow and <del>Kiev</del><ins>Kyiv</ins> met."))

        let bad = try CommandRunner.run(["diff", "--format", "yaml", old, new])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("unknown format “yaml”"))
    }
}
