import Foundation
import LectorTestSupport
import Testing

/// `lector fix`: dry runs, in-place fixes, permissions, idempotence, input errors, and atomicity.
/// Every test works on a copy in a temporary directory; the repository's Examples/ is never touched.
@Suite struct FixCommandTests {
    static let glossary = "Glossaries/ukraine-war.tbx"

    /// A fresh copy of the seed article (a real MT, without a final newline) in its own directory.
    private func seedCopy(named name: String = "article.en.txt") throws -> URL {
        let url = Fixtures.temporaryDirectory().appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: Fixtures.seedArticlePath, toPath: url.path)
        return url
    }

    private func seedFixed() throws -> Data {
        let text = try String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8)
        return Data(text.replacingOccurrences(of: "Medinski", with: "Medinsky")
            .replacingOccurrences(of: "Kiev", with: "Kyiv").utf8)
    }

    private func permissions(of url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    }

    /// Text marked not to translate is the source's by contract: no finding points into it and
    /// no fix changes it, while the translated text beside it is fixed.
    @Test(arguments: [
        ("1.2", #"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" target-language="en" datatype="plaintext" original="x"><body>"#
            + #"<trans-unit id="1"><source>Firma <mrk mtype="protected">Kiev Ltd</mrk> in Kiew</source><target>Company <mrk mtype="protected">Kiev Ltd</mrk> in Kiev</target></trans-unit>"#
            + #"<trans-unit id="2"><source>Firma <mrk mtype="x-term" translate="no">Kiev Ltd</mrk> in Kiew</source><target>Company <mrk mtype="x-term" translate="no">Kiev Ltd</mrk> in Kiev</target></trans-unit>"#
            + "</body></file></xliff>\n"),
        ("2.0", #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en"><file id="f">"#
            + #"<unit id="1"><segment><source>Firma <mrk id="m1" translate="no">Kiev Ltd</mrk> in Kiew</source><target>Company <mrk id="m1" translate="no">Kiev Ltd</mrk> in Kiev</target></segment></unit>"#
            + #"<unit id="2"><segment><source>Firma <sm id="m2" translate="no"/>Kiev Ltd<em startRef="m2"/> in Kiew</source><target>Company <sm id="m2" translate="no"/>Kiev Ltd<em startRef="m2"/> in Kiev</target></segment></unit>"#
            + "</file></xliff>\n"),
    ])
    func textMarkedNotToTranslateIsNeitherFlaggedNorFixed(_ version: String, _ xliff: String) throws {
        let path = Fixtures.write(xliff, named: "protected.xlf")
        let check = try CommandRunner.run(["check", "--no-config", "--format", "jsonl", "--glossary", Self.glossary, path])
        let flagged = check.standardOutput.split(separator: "\n").filter { $0.contains("glossary.forbidden") }
        #expect(flagged.count == 2, "\(check.standardOutput)")
        let fix = try CommandRunner.run(["fix", "--no-config", "--glossary", Self.glossary, path])
        #expect(fix.status == 0, "\(fix.standardError)")
        let fixed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(fixed == xliff.replacingOccurrences(of: "</mrk> in Kiev</target>", with: "</mrk> in Kyiv</target>")
            .replacingOccurrences(of: "<em startRef=\"m2\"/> in Kiev</target>", with: "<em startRef=\"m2\"/> in Kyiv</target>"))
        #expect(fixed.components(separatedBy: "Kiev Ltd").count == 5, "version \(version)")
        let again = try CommandRunner.run(["check", "--no-config", "--glossary", Self.glossary, path])
        #expect(again.status == 0, "\(again.standardOutput)")
    }

    @Test func dryRunPrintsADiffAndChangesNothing() throws {
        let file = try seedCopy()
        let before = try Data(contentsOf: file)
        let result = try CommandRunner.start(["fix", "--dry-run", "--glossary", Fixtures.houseGlossaryPath,
                                              file.lastPathComponent], in: file.deletingLastPathComponent()).wait()
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(3) == ["--- a/article.en.txt", "+++ b/article.en.txt", "@@ -2,13 +2,13 @@"])
        #expect(lines.contains { $0.hasPrefix("-The head of the Russian delegation, Vladimir Medinski,") })
        #expect(lines.contains { $0.hasPrefix("+The head of the Russian delegation, Vladimir Medinsky,") })
        #expect(lines.contains("\\ No newline at end of file"))
        #expect(result.standardError.contains("Would fix 4 findings in 1 file."))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test(.enabled(if: ExternalTool.isInstalled("patch"), "needs patch(1)"))
    func dryRunOutputAppliesWithPatch() throws {
        let file = try seedCopy()
        let directory = file.deletingLastPathComponent()
        let result = try CommandRunner.start(["fix", "--dry-run", "--glossary", Fixtures.houseGlossaryPath,
                                              file.lastPathComponent], in: directory).wait()
        let patch = try ExternalTool.run("patch", ["-p1", "--batch"], in: directory, input: Data(result.standardOutput.utf8))
        #expect(patch.status == 0, "\(patch.output)")
        #expect(try Data(contentsOf: file) == seedFixed())
    }

    /// A path with a space, an accent or a quote: `patch -p1` reads the diff's header names (a
    /// name with a space ended at the space before, "can't find file to patch").
    @Test(.enabled(if: ExternalTool.isInstalled("patch"), "needs patch(1) to apply the diff"))
    func dryRunOutputAppliesWithPatchWhenPathsHaveSpacesOrQuotes() throws {
        let directory = Fixtures.temporaryDirectory()
        let names = ["a b é.txt", "say \"Kiev\".txt"]
        for name in names { try Data("Talks in Kiev.\n".utf8).write(to: directory.appendingPathComponent(name)) }
        let result = try CommandRunner.start(["fix", "--dry-run", "--glossary", Fixtures.houseGlossaryPath] + names,
                                             in: directory).wait()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("--- a/a b é.txt\t\n+++ b/a b é.txt\t\n"))
        #expect(result.standardOutput.contains("--- \"a/say \\\"Kiev\\\".txt\"\n"))
        let patch = try ExternalTool.run("patch", ["-p1", "--batch"], in: directory, input: Data(result.standardOutput.utf8))
        #expect(patch.status == 0, "\(patch.output)")
        for name in names {
            #expect(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) == "Talks in Kyiv.\n")
        }
    }

    @Test func fixesInPlaceKeepsPermissionsAndASecondRunChangesNothing() throws {
        let file = try seedCopy()
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)

        let first = try CommandRunner.run(["fix", "--glossary", Self.glossary, file.path])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.isEmpty)
        #expect(first.standardError.contains("Fixed 4 findings in 1 file."))
        #expect(try Data(contentsOf: file) == seedFixed())
        #expect(try permissions(of: file) == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == [file.lastPathComponent])

        let second = try CommandRunner.run(["fix", "--glossary", Self.glossary, file.path])
        #expect(second.status == 0)
        #expect(second.standardError.contains("Fixed 0 findings in 0 files."))
        #expect(try Data(contentsOf: file) == seedFixed())
        #expect(try permissions(of: file) == 0o640)

        // What is left is for a human, so `check` has no errors any more.
        #expect(try CommandRunner.run(["check", "--glossary", Self.glossary, file.path]).status == 0)
    }

    @Test func fixesSeveralFilesAndCountsThem() throws {
        let one = try seedCopy()
        let two = Fixtures.write("Medinski spoke in Kiev’s centre.\n", named: "two.txt")
        let clean = Fixtures.write("Zelenskyy met Kuleba in Kyiv.\n", named: "clean.txt")
        let result = try CommandRunner.run(["fix", "--glossary", Self.glossary, one.path, two, clean])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("Fixed 6 findings in 2 files."))
        #expect(try String(contentsOfFile: two, encoding: .utf8) == "Medinsky spoke in Kyiv’s centre.\n")
        #expect(try String(contentsOfFile: clean, encoding: .utf8) == "Zelenskyy met Kuleba in Kyiv.\n")
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let target = try seedCopy()
        let link = target.deletingLastPathComponent().appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = try CommandRunner.run(["fix", "--glossary", Self.glossary, link.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try Data(contentsOf: target) == seedFixed())
    }

    @Test func aMissingFileExitsTwoAndNothingIsWritten() throws {
        let file = try seedCopy()
        let before = try Data(contentsOf: file)
        let result = try CommandRunner.run(["fix", "--glossary", Self.glossary, file.path, "no/such/article.txt"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no/such/article.txt: no such file"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func invalidUTF8ExitsTwo() throws {
        let path = Fixtures.write(Data(Array("in Kiev\nbad ".utf8) + [0xFF, 0x0A]), named: "bad.txt")
        let result = try CommandRunner.run(["fix", "--glossary", Self.glossary, path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(path):2: the file is not valid UTF-8"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(Array("in Kiev\nbad ".utf8) + [0xFF, 0x0A]))
    }

    @Test func usageErrorsExitTwo() throws {
        // Without files and without include patterns (the repository's .lector.yml has some).
        #expect(try CommandRunner.run(["fix", "--no-config", "--glossary", Self.glossary]).status == 2)
        #expect(try CommandRunner.run(["fix", "--glossary", Self.glossary, "-"]).status == 2)
        #expect(try CommandRunner.run(["fix", "--bogus", "x.txt"]).status == 2)
    }

    /// Kills `lector fix` after the temporary file is complete and before the rename (held there
    /// by the test-only `LECTOR_TEST_PAUSE_BEFORE_RENAME`), then checks the original is untouched.
    @Test func killedBeforeTheRenameLeavesTheOriginalIntact() throws {
        let file = try seedCopy()
        let directory = file.deletingLastPathComponent()
        let before = try Data(contentsOf: file)
        let fixedSize = try seedFixed().count

        let running = try CommandRunner.start(["fix", "--glossary", Fixtures.houseGlossaryPath, file.path],
                                              environment: ["LECTOR_TEST_PAUSE_BEFORE_RENAME": "30"])
        defer { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }

        // The temporary file is complete once it has the fixed size; then the writer sleeps.
        let temporary = pollUntil(seconds: 20) { () -> URL? in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            guard let name = names.first(where: { $0.hasPrefix(".\(file.lastPathComponent).lector-") }) else { return nil }
            let url = directory.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
            return size == fixedSize ? url : nil
        }
        let written = try #require(temporary, "the temporary file never appeared complete")
        #expect(running.process.isRunning)
        #expect(try Data(contentsOf: file) == before, "the original changed before the rename")

        kill(running.process.processIdentifier, SIGKILL)
        let result = running.wait()
        #expect(running.process.terminationReason == .uncaughtSignal)
        #expect(result.status == SIGKILL)

        #expect(try Data(contentsOf: file) == before)
        // The complete temporary file is left beside it, but it has not replaced the original.
        #expect(try Data(contentsOf: written) == seedFixed())

        // A later run still works and leaves no temporary file of its own.
        let again = try CommandRunner.run(["fix", "--glossary", Self.glossary, file.path])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: file) == seedFixed())
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.filter { $0.hasPrefix(".") } == [written.lastPathComponent])
    }

    /// Calls `probe` every 20 ms until it returns a value or `seconds` pass.
    private func pollUntil<Value>(seconds: Double, _ probe: () -> Value?) -> Value? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = probe() { return value }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    // MARK: - Files found as `check` finds them

    /// Writes `files` (relative path → text) into a fresh folder.
    private func folder(_ files: [String: String]) throws -> URL {
        let root = Fixtures.temporaryDirectory()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    private func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func withoutFilesTheConfigurationsIncludeIsFixedMinusItsExclude() throws {
        let root = try folder([
            ".lector.yml": "glossaries: [\(Fixtures.houseGlossaryPath)]\ninclude: [\"docs/**/*.txt\"]\nexclude: [\"docs/drafts/**\"]\n",
            "docs/a.en.txt": "Talks in Kiev.\n", "docs/drafts/b.en.txt": "Talks in Kiev.\n", "other.en.txt": "Talks in Kiev.\n",
        ])
        let result = try CommandRunner.start(["fix"], in: root).wait()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try text(root, "docs/a.en.txt") == "Talks in Kyiv.\n")
        #expect(try text(root, "docs/drafts/b.en.txt") == "Talks in Kiev.\n")
        #expect(try text(root, "other.en.txt") == "Talks in Kiev.\n")
        #expect(result.standardError.contains("Fixed 1 finding in 1 file."))
    }

    @Test func aFolderIsFixedFileByFileInEachFilesLanguage() throws {
        // The German file is German text: its `Kiew` is the German term, not an English variant.
        let german = "Gespräche in Kiew mit Medinski.\n"
        let root = try folder(["article.de.txt": german, "article.en.txt": "Talks in Kiev.\n"])
        let result = try CommandRunner.start(["fix", "--no-config", "--glossary", Fixtures.houseGlossaryPath, "."], in: root).wait()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try text(root, "article.en.txt") == "Talks in Kyiv.\n")
        #expect(try text(root, "article.de.txt") == german)
        // Read as English (no language in its name), the same text is fixed.
        let english = try folder(["article.txt": german])
        _ = try CommandRunner.start(["fix", "--no-config", "--glossary", Fixtures.houseGlossaryPath, "article.txt"], in: english).wait()
        #expect(try text(english, "article.txt") != german)
    }

    @Test func aSourceLanguageFileIsNeverRewritten() throws {
        let german = "Gespräche in Kiew mit Medinski.\n"
        let root = try folder(["article.de.txt": german, "article.en.txt": "Talks in Kiev with Medinski.\n"])
        let result = try CommandRunner.start(["fix", "--no-config", "--glossary", Fixtures.houseGlossaryPath,
                                              "--source-lang", "de", "."], in: root).wait()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try text(root, "article.en.txt") == "Talks in Kyiv with Medinsky.\n")
        #expect(try text(root, "article.de.txt") == german)
        #expect(result.standardError.contains("article.de.txt is in the source language (de)"))
        #expect(result.standardError.contains("not fixed as one"))
    }

    @Test func quietDropsTheSummary() throws {
        let file = try seedCopy()
        let result = try CommandRunner.start(["fix", "--quiet", "--dry-run", "--glossary", Fixtures.houseGlossaryPath,
                                              file.lastPathComponent], in: file.deletingLastPathComponent()).wait()
        #expect(result.status == 0)
        #expect(!result.standardOutput.isEmpty)
        #expect(result.standardError.isEmpty, "\(result.standardError)")
    }
}
