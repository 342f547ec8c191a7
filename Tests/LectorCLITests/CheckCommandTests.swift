import Foundation
import LectorTestSupport
import Testing

/// The CLI contract: formats, exit codes, errors that name file and line.
@Suite struct CheckCommandTests {
    static let glossary = "Glossaries/ukraine-war.tbx"
    static let seed = "Examples/seed-article.en.txt"

    @Test func seedArticleInTextFormat() throws {
        let result = try CommandRunner.run(["check", "--glossary", Self.glossary, Self.seed])
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.components(separatedBy: ": ").prefix(2).joined(separator: ": ") } == [
            "Examples/seed-article.en.txt:5:46: warning",
            "Examples/seed-article.en.txt:9:1: warning",
            "Examples/seed-article.en.txt:13:357: error",
            "Examples/seed-article.en.txt:14:49: error",
        ])
        #expect(lines[0].hasSuffix("[glossary.variant]"))
        #expect(lines[2].contains("`Kiev` is deprecated; use `Kyiv`"))
        #expect(result.standardError.hasPrefix("Checked 1 file: 2 errors, 2 warnings, 0 info in "))
    }

    @Test func seedArticleInJSON() throws {
        let result = try CommandRunner.run(["check", "--format", "json", "--glossary", Self.glossary, Self.seed])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let diagnostics = try #require(object?["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 4)
        let first = diagnostics[0]
        #expect(first["file"] as? String == Self.seed)
        #expect(first["line"] as? Int == 5)
        #expect(first["column"] as? Int == 46)
        #expect(first["rule"] as? String == "glossary.variant")
        #expect(first["severity"] as? String == "warning")
        #expect(first["text"] as? String == "Medinski")
        #expect(first["suggestion"] as? String == "Medinsky")
        #expect((first["message"] as? String)?.contains("German transcription of Мединский") == true)
        #expect(diagnostics[2]["severity"] as? String == "error")
    }

    @Test func cleanTextExitsZero() throws {
        let path = Fixtures.write("Zelenskyy met Kuleba in Kyiv.\n", named: "clean.txt")
        let result = try CommandRunner.run(["check", "--glossary", Self.glossary, path])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
    }

    @Test func failOnDecidesWhichSeverityFails() throws {
        let path = Fixtures.write("Medinski spoke.\n", named: "variant.txt")
        #expect(try CommandRunner.run(["check", "--glossary", Self.glossary, path]).status == 0)
        #expect(try CommandRunner.run(["check", "--fail-on", "warning", "--glossary", Self.glossary, path]).status == 1)
        #expect(try CommandRunner.run(["check", "--severity", "glossary.variant=error", "--glossary", Self.glossary, path]).status == 1)
        let off = try CommandRunner.run(["check", "--severity", "glossary.variant=off", "--fail-on", "info",
                                         "--glossary", Self.glossary, path])
        #expect(off.status == 0)
    }

    @Test func missingFileExitsTwoAndNamesIt() throws {
        let result = try CommandRunner.run(["check", "--glossary", Self.glossary, "no/such/article.txt"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no/such/article.txt: no such file"))
        #expect(result.standardOutput.isEmpty)
    }

    /// Said once: `lector: error: no files to check …`, not `lector: error: lector: …`.
    @Test func noFilesSaysSoWithOnePrefix() throws {
        let result = try CommandRunner.start(["check", "--no-config"], in: Fixtures.temporaryDirectory()).wait()
        #expect(result.status == 2)
        #expect(result.standardError.contains("lector: error: no files to check: name them"), "\(result.standardError)")
        #expect(!result.standardError.contains("lector: lector"))
    }

    /// A pipe has no size to read by (`<(…)`, `/dev/stdin` from a pipe): read to its end, past
    /// the first 64 KiB the reader asks for at once.
    @Test func fileThatIsAPipeIsReadToItsEnd() throws {
        let filler = String(repeating: "Officials met in Lviv on Monday to discuss the grain deal.\n", count: 4_000)
        let result = try CommandRunner.run(["check", "--glossary", Self.glossary, "/dev/stdin"],
                                           input: filler + "The talks moved to Kiev.\n")
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("/dev/stdin:4001:20: error: `Kiev` is deprecated"))
    }

    @Test func fixRefusesAPipeAndSaysWhy() throws {
        let result = try CommandRunner.run(["fix", "--glossary", Self.glossary, "/dev/stdin"], input: "Kiev.\n")
        #expect(result.status == 2)
        #expect(result.standardError.contains("/dev/stdin: names standard input or an open file descriptor"))
    }

    /// `/dev/stdin` redirected from a file resolves to that file, which fix must not rewrite.
    @Test func fixDoesNotWriteThroughStandardInput() throws {
        let path = Fixtures.write("Talks in Kiev.\n", named: "redirected.txt")
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["fix", "--no-config", "--glossary", Self.glossary, "/dev/stdin"]
        process.currentDirectoryURL = Fixtures.packageRoot
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Talks in Kiev.\n")
    }

    @Test func invalidUTF8ExitsTwoWithLine() throws {
        let path = Fixtures.write(Data(Array("ok\nbad \u{FF}".utf8).dropLast(2) + [0xFF, 0x0A]), named: "bad.txt")
        let result = try CommandRunner.run(["check", "--glossary", Self.glossary, path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(path):2: the file is not valid UTF-8"))
    }

    @Test func malformedGlossaryExitsTwoWithLine() throws {
        let glossary = Fixtures.write("concept,language,term\nkyiv,en,\"Kyiv\n", named: "bad.csv")
        let result = try CommandRunner.run(["check", "--glossary", glossary, Self.seed])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(glossary):2: unclosed quoted field"))
    }

    @Test func truncatedTBXExitsTwo() throws {
        let text = try String(contentsOfFile: Fixtures.houseGlossaryPath, encoding: .utf8)
        let glossary = Fixtures.write(String(text.prefix(3000)), named: "cut.tbx")
        let result = try CommandRunner.run(["check", "--glossary", glossary, Self.seed])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(glossary):"))
        #expect(result.standardError.contains("ends too early"))
    }

    @Test func unknownLanguageTagExitsTwo() throws {
        let result = try CommandRunner.run(["check", "--target-lang", "qq", "--glossary", Self.glossary, Self.seed])
        #expect(result.status == 2)
        #expect(result.standardError.contains("unknown language tag “qq”"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CommandRunner.run(["check", "--format", "yaml", Self.seed]).status == 2)
        #expect(try CommandRunner.run(["check", "--fail-on", "sometimes", Self.seed]).status == 2)
        #expect(try CommandRunner.run(["check", "--bogus", Self.seed]).status == 2)
    }

    @Test func rulesCommandListsEveryRule() throws {
        let result = try CommandRunner.run(["rules"])
        #expect(result.status == 0)
        for id in ["glossary.forbidden (error, target)", "glossary.variant (warning, target)",
                   "glossary.inconsistent (warning, document)", "numbers.mismatch (warning, bilingual)"] {
            #expect(result.standardOutput.contains(id))
        }
    }
}
