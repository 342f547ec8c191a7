import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// Issue 10's configuration defects, in the library: options reach the rules, the command line's
/// glossaries replace the file's, and glossaries that contradict each other are reported.
@Suite struct ConfigurationResolutionTests {
    /// A house glossary for German that deprecates `Kiew` (the shipped glossary prefers it).
    static let germanHouseCSV = """
    concept,language,term,status
    kyiv,de,Kyjiw,preferred
    kyiv,de,Kiew,deprecated
    """

    static let germanArticle = "Der Präsident reiste nach Kiew. In Kiew sprach er mit Journalisten.\n"

    static func project(_ yaml: String) throws -> ProjectConfiguration {
        let path = Fixtures.write(yaml, named: ".lector.yml")
        return try ProjectConfiguration.load(path: path)
    }

    @Test(arguments: [
        ("rules:\n  glossary.variant:\n    min_score: 0.5\n", 3, "the rule has no options"),
        ("rules:\n  garbled.sentence:\n    severity: loud\n", 3, "expected error, warning, info or off"),
        ("rules:\n  garbled.sentence:\n    severity: warning\n    min_score: 0.6\n", 4,
         "unknown option “min_score”; options: min_length_ratio, max_length_ratio, min_source_length"),
        ("target_language: en\nrules:\n  garbled.sentence:\n    max_length_ratio: long\n", 4, "“max_length_ratio” must be a number"),
        ("rules:\n  garbled.sentence:\n    min_length_ratio: 2\n", 3, "“min_length_ratio” must be between 0.01 and 1, not 2"),
        ("rules:\n  numbers.mismatch:\n    small_number_limit: 2.5\n", 3, "“small_number_limit” must be a whole number"),
        ("rules:\n  numbers.mismatch:\n    tolerance: [0.1]\n", 3, "option “tolerance” must be a single value"),
    ])
    func badOptionNamesItsLine(yaml: String, line: Int, message: String) throws {
        let error = #expect(throws: InputError.self) { try ProjectConfiguration.parse(yaml, path: "/p/.lector.yml") }
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    /// One sentence pair of MLQE-PE's dev data (`../shared/data/mlqe-pe/PAIR/dev.tsv`), by id.
    static func realPair(_ pair: String, id: String) throws -> (source: String, target: String) {
        let text = try String(contentsOfFile: Fixtures.path("../shared/data/mlqe-pe/\(pair)/dev.tsv"), encoding: .utf8)
        let row = try #require(text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            .first { $0.first.map(String.init) == id })
        return (String(row[1]), String(row[2]))
    }

    /// The findings of one rule on one pair, with the rule's settings written as `.lector.yml` has them.
    static func findings(of rule: String, _ options: String, on pair: (source: String, target: String),
                         from source: String) throws -> [Finding] {
        let yaml = "source_language: \(source)\ntarget_language: en\n" + (options.isEmpty ? "" : "rules:\n  \(rule):\n\(options)")
        let project = try ProjectConfiguration.parse(yaml, path: "/p/.lector.yml")
        let checker = try Checker(try ResolvedConfiguration(project: project, overrides: ConfigurationOverrides()).check)
        // One unit, as the data pairs them: the sentence aligner would split a two-sentence source.
        let file = BilingualFile(path: "dev.jsonl", sourceLanguage: source, targetLanguage: "en", units: [
            BilingualUnit(id: "1", source: SegmentText(text: pair.source, line: 1), target: SegmentText(text: pair.target, line: 1)),
        ])
        return checker.check(file).filter { $0.ruleID == rule }
    }

    /// Options reach the rules: on real translations a stricter value adds a finding the default
    /// does not give, and a looser one removes a finding the default gives.
    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func optionsChangeFindingsOnRealText() throws {
        // “kakskümmend” (20) translated “twenty-one”: within 5 % of each other, the same number.
        let twenty = try Self.realPair("et-en", id: "12")
        #expect(try Self.findings(of: "numbers.mismatch", "", on: twenty, from: "et").map(\.text) == ["twenty-one"])
        #expect(try Self.findings(of: "numbers.mismatch", "    tolerance: 0.05\n", on: twenty, from: "et").isEmpty)
        // A translation with a third of its source's letters: inside the default bounds (0.3).
        let shortened = try Self.realPair("ru-en", id: "8089")
        #expect(try Self.findings(of: "garbled.sentence", "", on: shortened, from: "ru").isEmpty)
        let flagged = try Self.findings(of: "garbled.sentence", "    min_length_ratio: 0.4\n", on: shortened, from: "ru")
        #expect(flagged.map(\.message) == ["garbled sentence: the translation is 34 % as long as its source (part of it is missing)"])
        #expect(try Self.findings(of: "garbled.sentence", "    min_length_ratio: 0.4\n    min_source_length: 1000\n",
                                  on: shortened, from: "ru").isEmpty)
    }

    /// Issue 10's first defect: `thresholds: { garbled.min_score: … }` was validated and dropped in
    /// silence. It still loads, but says that it changes nothing and names the rule's options.
    @Test func theOldGarbledThresholdSaysItChangesNothing() throws {
        let project = try ProjectConfiguration.parse("thresholds:\n  garbled.min_score: 0.99\n", path: "/p/.lector.yml")
        let resolved = try ResolvedConfiguration(project: project, overrides: ConfigurationOverrides())
        let warning = try #require(resolved.warnings.first { $0.contains("garbled.min_score") })
        #expect(warning.hasPrefix("/p/.lector.yml: "))
        #expect(warning.contains("changes nothing") && warning.contains("min_length_ratio, max_length_ratio, min_source_length"))
        let plain = try ResolvedConfiguration(project: try ProjectConfiguration.parse("target_language: en\n", path: "/p/.lector.yml"),
                                              overrides: ConfigurationOverrides())
        #expect(!plain.warnings.contains { $0.contains("garbled.min_score") })
    }

    @Test func checkerRejectsUnknownOptions() {
        var configuration = CheckConfiguration()
        configuration.ruleOptions = ["garbled.sentence": ["min_score": .number(0.5)]]
        #expect(throws: InputError.self) { try Checker(configuration) }
    }

    @Test func commandLineGlossaryReplacesTheFilesAndExtraAdds() throws {
        let house = Fixtures.write(Self.germanHouseCSV, named: "de-house.csv")
        let project = try Self.project("glossaries: [\(Fixtures.houseGlossaryPath)]\ntarget_language: de\n")
        let replaced = try ResolvedConfiguration(project: project, overrides: ConfigurationOverrides(glossaries: [house]))
        #expect(replaced.glossaryPaths == [house])
        let added = try ResolvedConfiguration(project: project, overrides: ConfigurationOverrides(extraGlossaries: [house]))
        #expect(added.glossaryPaths == [Fixtures.houseGlossaryPath, house])
        let kept = try ResolvedConfiguration(project: project, overrides: ConfigurationOverrides())
        #expect(kept.glossaryPaths == [Fixtures.houseGlossaryPath])
        #expect(kept.check.targetLanguage == "de")
        let overridden = try ResolvedConfiguration(project: project, overrides: ConfigurationOverrides(targetLanguage: "en"))
        #expect(overridden.check.targetLanguage == "en")
    }

    @Test func conflictingGlossariesAreReportedAndTheStricterStatusWins() throws {
        let house = try GlossaryLoader.load(path: Fixtures.write(Self.germanHouseCSV, named: "de-house.csv"))
        let checker = try Checker(CheckConfiguration(glossaries: [Fixtures.houseGlossary, house], targetLanguage: "de"))
        let conflict = try #require(checker.glossaryWarnings.first { $0.message.contains("“kiew”") })
        // Both places are named: the shipped glossary prefers it, the house glossary deprecates it.
        #expect(conflict.message.contains("preferred at \(Fixtures.houseGlossaryPath):"))
        #expect(conflict.message.contains("deprecated at \(house.name):3"))
        #expect(conflict.message.contains("treated as deprecated"))
        let findings = checker.check(SourceDocument(path: "a.de.txt", text: Self.germanArticle))
        #expect(findings.filter { $0.ruleID == "glossary.forbidden" }.map(\.text) == ["Kiew", "Kiew"])
    }

    @Test func aGlossaryThatContradictsItselfIsReported() throws {
        let tbx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <text><body>
            <conceptEntry id="kyiv">
              <langSec xml:lang="en">
                <termSec><term>Kyiv</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
              </langSec>
            </conceptEntry>
            <conceptEntry id="kyiv">
              <langSec xml:lang="en">
                <termSec><term>Kyiv</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
              </langSec>
            </conceptEntry>
          </body></text>
        </tbx>
        """
        let glossary = try GlossaryLoader.load(path: Fixtures.write(tbx, named: "contradicts.tbx"))
        let checker = try Checker(CheckConfiguration(glossaries: [glossary]))
        let messages = checker.glossaryWarnings.map(\.description)
        #expect(messages.contains { $0.contains("concept id “kyiv” is used twice") && $0.contains("contradicts.tbx:9") })
        #expect(messages.contains { $0.contains("“kyiv” (en) has different statuses") })
    }

    @Test func aTermOfPunctuationDoesNotShrinkToOneLetter() throws {
        let csv = "concept,language,term,status\npattern,en,\\d+ .*,deprecated\nkyiv,en,Kyiv,preferred\n"
        let path = Fixtures.write(csv, named: "regex.csv")
        let checker = try Checker(CheckConfiguration(glossaries: [try GlossaryLoader.load(path: path)]))
        let findings = checker.check(SourceDocument(path: "a.txt", text: "Plan d was discussed in Kyiv.\n"))
        #expect(findings.filter { $0.ruleID.hasPrefix("glossary.") }.isEmpty, "\(findings.map(\.text))")
        let warning = try #require(checker.glossaryWarnings.first)
        #expect(warning.description.hasPrefix("\(path):2: term “\\d+ .*” (en) has at most one letter or digit"))
    }

    @Test func aTermThatLooksLikeARegularExpressionIsReported() throws {
        let csv = """
            concept,language,term,status
            kharkiv,en,\\bKharkov\\b,deprecated
            odesa,en,(Odessa|Odesa),deprecated
            lviv,en,^Lviv,deprecated
            range,en,[A-Z]+ly,deprecated
            keys,en,Ctrl+Alt+Del,preferred
            dollar,en,US$,preferred
            att,en,AT&T,preferred
            kyiv,en,Kyiv (city),preferred

            """
        let path = Fixtures.write(csv, named: "patterns.csv")
        let checker = try Checker(CheckConfiguration(glossaries: [try GlossaryLoader.load(path: path)]))
        let messages = checker.glossaryWarnings.map(\.description)
        #expect(messages.count == 4, "\(messages)")
        for (line, syntax) in [(2, "`\\b`"), (3, "`|`"), (4, "`^`"), (5, "`[…]`")] {
            #expect(messages.contains { $0.hasPrefix("\(path):\(line): term") && $0.contains("looks like a regular expression (\(syntax))") },
                    "line \(line): \(messages)")
        }
    }
}
