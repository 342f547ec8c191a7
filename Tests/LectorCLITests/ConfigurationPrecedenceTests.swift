import Foundation
import LectorTestSupport
import Testing

/// Issue 10's defects as a user met them: run in the package root, where `.lector.yml` names the
/// shipped glossary (which prefers the German `Kiew`).
@Suite struct ConfigurationPrecedenceTests {
    static let houseCSV = "concept,language,term,status\nkyiv,de,Kyjiw,preferred\nkyiv,de,Kiew,deprecated\n"
    static let article = "Der Präsident reiste nach Kiew. In Kiew sprach er mit Journalisten.\n"

    @Test func commandLineGlossaryReplacesTheConfigurationsGlossaries() throws {
        let house = Fixtures.write(Self.houseCSV, named: "de-house.csv")
        let article = Fixtures.write(Self.article, named: "article.de.txt")
        let result = try CommandRunner.run(["check", "--glossary", house, "--target-lang", "de", article])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.components(separatedBy: "[glossary.forbidden]").count - 1 == 2, "\(result.standardOutput)")
        #expect(!result.standardError.contains("different statuses"))
    }

    @Test func extraGlossaryAddsAndTheConflictIsReported() throws {
        let house = Fixtures.write(Self.houseCSV, named: "de-house.csv")
        let article = Fixtures.write(Self.article, named: "article.de.txt")
        let result = try CommandRunner.run(["check", "--extra-glossary", house, "--target-lang", "de", article])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.components(separatedBy: "[glossary.forbidden]").count - 1 == 2, "\(result.standardOutput)")
        // Both German spellings conflict (Kiew, Kyjiw); warnings are sorted by file path, which
        // depends on where the package and the temporary folder are, so find Kiew's by its row.
        let conflicts = result.standardError.split(separator: "\n").filter { $0.contains("different statuses") }
        let warning = try #require(conflicts.first { $0.contains("\(house):3") }, "\(result.standardError)")
        #expect(warning.contains("Glossaries/ukraine-war.tbx:"))
        #expect(warning.contains("“kiew”"))
    }

    /// A rule option in `.lector.yml` is applied to `check`, and a bad one stops the run with the
    /// file and the option's line.
    @Test func ruleOptionsAreAppliedAndABadOneNamesItsLine() throws {
        let folder = Fixtures.temporaryDirectory()
        let article = folder.appendingPathComponent("article.en.txt").path
        let source = folder.appendingPathComponent("article.de.txt").path
        try "Etwa 20.000 Menschen flohen am Montag.\n".write(toFile: source, atomically: true, encoding: .utf8)
        try "About 20,400 people fled on Monday.\n".write(toFile: article, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent(".lector.yml").path
        func check(_ yaml: String) throws -> CommandRunner.Result {
            try yaml.write(toFile: config, atomically: true, encoding: .utf8)
            return try CommandRunner.run(["check", "--config", config, "--source", source, article])
        }
        let strict = try check("source_language: de\ntarget_language: en\nfail_on: warning\n")
        #expect(strict.status == 1 && strict.standardOutput.contains("[numbers.mismatch]"), "\(strict.standardOutput)")
        let tolerant = try check("source_language: de\ntarget_language: en\nfail_on: warning\nrules:\n  numbers.mismatch: { severity: warning, tolerance: 0.05 }\n")
        #expect(tolerant.status == 0, "\(tolerant.standardOutput)\(tolerant.standardError)")
        let never = try check("source_language: de\ntarget_language: en\nfail_on: never\nrules:\n  numbers.mismatch: error\n")
        #expect(never.status == 0 && never.standardOutput.contains("[numbers.mismatch]"), "\(never.standardOutput)\(never.standardError)")
        // The command line still decides over the file.
        let overridden = try CommandRunner.run(["check", "--config", config, "--fail-on", "error", "--source", source, article])
        #expect(overridden.status == 1, "\(overridden.standardError)")
        let bad = try check("source_language: de\ntarget_language: en\nrules:\n  numbers.mismatch:\n    tolerance: 5\n")
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("\(config):5"), "\(bad.standardError)")
        #expect(bad.standardError.contains("“tolerance” must be between 0 and 0.5, not 5"), "\(bad.standardError)")
    }
}
