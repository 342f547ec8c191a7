import Foundation
import LectorTestSupport
import Testing

/// Options that contradict each other and mistyped subcommands are usage errors (exit 2) with a
/// message that says what to do, never a silent choice.
@Suite struct OptionValidationTests {
    @Test(arguments: [
        (["check", "--config", ".lector.yml", "--no-config", "Examples/seed-article.en.txt"], "--config and --no-config"),
        (["fix", "--dry-run", "--config", ".lector.yml", "--no-config", "Examples/seed-article.en.txt"], "--config and --no-config"),
        (["check", "--baseline", "a.json", "--write-baseline", "b.json", "Examples/seed-article.en.txt"],
         "--baseline and --write-baseline"),
    ])
    func contradictoryOptionsAreUsageErrors(_ arguments: [String], _ named: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains(named), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test(arguments: [("chek", "check"), ("rule", "rules"), ("chcek", "check"), ("dif", "diff"), ("reprot", "report")])
    func mistypedCommandGetsASuggestion(_ typed: String, _ meant: String) throws {
        let result = try CommandRunner.run([typed, "Examples/seed-article.en.txt"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("unknown command “\(typed)”; did you mean `\(meant)`?"), "\(result.standardError)")
        #expect(!result.standardError.contains("no such file"))
    }

    /// A file whose name looks like a command is still checked: files win over suggestions.
    @Test func existingFileNamedLikeACommandIsChecked() throws {
        let directory = Fixtures.temporaryDirectory()
        let file = directory.appendingPathComponent("chek")
        try Data("The road to Kiev.\n".utf8).write(to: file)
        let result = try CommandRunner.run(["--no-config", "--glossary", "Glossaries/ukraine-war.tbx", file.path])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("`Kiev` is deprecated"))
    }

    /// Far from every command: the usual error about a missing file.
    @Test func unrelatedMissingFileIsNotACommand() throws {
        let result = try CommandRunner.run(["--no-config", "missing-article.txt"])
        #expect(result.status == 2)
        #expect(!result.standardError.contains("did you mean"))
        #expect(result.standardError.contains("missing-article.txt"))
    }
}

/// `lector check Examples`: the German source is German, not English with 30 false findings.
@Suite struct FolderLanguageTests {
    @Test func germanSourceInAFolderIsNotCheckedAsEnglish() throws {
        // Spelling is off: it judges German as German (`belarussischen` is not in de_DE), which is
        // not what this test is about.
        let result = try CommandRunner.run(["check", "--no-config", "--glossary", "Glossaries/ukraine-war.tbx",
                                            "--severity", "spelling.unknown=off", "Examples"])
        #expect(result.status == 1)
        #expect(!result.standardOutput.contains("seed-article.de.txt"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("seed-article.en.txt:13:357: error: `Kiev` is deprecated"))
    }

    @Test func withTheSourceLanguageTheGermanFileIsTheSource() throws {
        let result = try CommandRunner.run(["check", "--no-config", "--glossary", "Glossaries/ukraine-war.tbx",
                                            "--source-lang", "de", "Examples"])
        #expect(result.status == 1)
        #expect(!result.standardOutput.contains("seed-article.de.txt"))
        // The garbled NATO demand is found only against the German source.
        #expect(result.standardOutput.contains("seed-article.en.txt:13:332: warning: garbled sentence"), "\(result.standardOutput)")
        #expect(result.standardError.contains("seed-article.de.txt is in the source language (de)"))
        #expect(result.standardError.contains("Checked 1 file"))
    }

    /// `lector eval hter FILE`, as the README's synopsis writes it, reads FILE; so does `--data FILE`;
    /// both at once is a usage error.
    @Test func evalHTERTakesItsFileAsAnArgument() throws {
        let rows = [("The talks in Kiev ended .", "The talks in Kyiv ended .", "0.2"),
                    ("He said nothing .", "He said nothing .", "0.0"),
                    ("A cat sat on a mat .", "The dog lay on the rug .", "0.8")]
        let tsv = "mt\tpe_tokenized\thter\n" + rows.map { "\($0.0)\t\($0.1)\t\($0.2)\n" }.joined()
        let path = Fixtures.write(tsv, named: "hter.tsv")
        let positional = try CommandRunner.run(["eval", "hter", path])
        #expect(positional.status == 0, "\(positional.standardError)")
        #expect(positional.standardOutput.contains("hter.tsv [ter]: 3 rows"), "\(positional.standardOutput)")
        let option = try CommandRunner.run(["eval", "hter", "--data", path])
        #expect(option.standardOutput == positional.standardOutput)
        #expect(try CommandRunner.run(["eval", "hter", "--data", path, path]).status == 2)
        #expect(try CommandRunner.run(["eval", "hter", "/nonexistent/hter.tsv"]).status == 2)
    }
}
