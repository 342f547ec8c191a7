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
}
