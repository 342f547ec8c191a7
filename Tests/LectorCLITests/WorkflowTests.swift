import Foundation
import LectorTestSupport
import Testing

/// The CI workflows: configuration, baselines, bilingual files, streaming JSON Lines.
@Suite struct WorkflowTests {
    static let glossary = "Glossaries/ukraine-war.tbx"

    @Test func configurationChecksItsIncludesWithoutArguments() throws {
        // The repository's own .lector.yml checks Examples/**/*.en.txt with the house glossary.
        let result = try CommandRunner.run(["check", "--quiet"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("Examples/seed-article.en.txt:13:357: error: `Kiev` is deprecated"))
    }

    @Test func baselineRoundTrip() throws {
        let directory = Fixtures.temporaryDirectory()
        let article = directory.appendingPathComponent("article.txt").path
        try "Moscow demands that Kiev renounce NATO.\n".write(toFile: article, atomically: true, encoding: .utf8)
        let baseline = directory.appendingPathComponent("baseline.json").path
        let write = try CommandRunner.run(["check", "--no-config", "--glossary", Self.glossary, "--write-baseline", baseline, article])
        #expect(write.status == 0)
        let known = try CommandRunner.run(["check", "--no-config", "--glossary", Self.glossary, "--baseline", baseline, article])
        #expect(known.status == 0)
        #expect(known.standardOutput.isEmpty)
        // An edit above keeps the old finding known; a new one is reported.
        try "A new first line.\nMoscow demands that Kiev renounce NATO.\nMedinski and Kharkov.\n"
            .write(toFile: article, atomically: true, encoding: .utf8)
        let fresh = try CommandRunner.run(["check", "--no-config", "--glossary", Self.glossary, "--baseline", baseline, article])
        #expect(fresh.status == 1)
        #expect(fresh.standardOutput.split(separator: "\n").map { $0.split(separator: ":")[1] } == ["3", "3"])
        let newer = directory.appendingPathComponent("newer.json").path
        _ = try CommandRunner.run(["check", "--no-config", "--glossary", Self.glossary, "--write-baseline", newer, article])
        let compare = try CommandRunner.run(["baseline", "compare", baseline, newer])
        #expect(compare.status == 0)
        #expect(compare.standardOutput.contains("+ \(article): [glossary.forbidden] “Kharkov”"))
        #expect(compare.standardOutput.hasSuffix("2 added, 0 removed, 0 changed.\n"))
    }

    @Test func bilingualPlainTextWithSource() throws {
        let result = try CommandRunner.run(["check", "--no-config", "--quiet", "--glossary", Self.glossary,
                                            "--source", "Examples/seed-article.de.txt", "--source-lang", "de",
                                            "Examples/seed-article.en.txt"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("Examples/seed-article.en.txt:13:332: warning: garbled sentence"))
        #expect(result.standardOutput.contains("became a relative clause"))
    }

    @Test func xliffUnitNotesSuppressRules() throws {
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
         <file source-language="de" target-language="en" datatype="plaintext" original="a.txt">
          <body>
           <trans-unit id="1"><source>Moskau fordert von Kiew einen Verzicht auf die Nato.</source>
            <target>Moscow demands that Kiev renounce NATO.</target></trans-unit>
           <trans-unit id="2"><source>Der Sprecher Medinski sagte das.</source>
            <target>The spokesman Medinski said so.</target><note>lector-disable glossary.variant</note></trans-unit>
           <trans-unit id="3"><source>Kiew ist ruhig.</source>
            <target>Kyiv is calm.</target><note>lector-disable glossary.forbidden</note></trans-unit>
          </body>
         </file>
        </xliff>
        """
        let path = Fixtures.write(xliff, named: "article.xlf")
        let result = try CommandRunner.run(["check", "--no-config", "--quiet", "--format", "jsonl", "--glossary", Self.glossary, path])
        let findings = try result.standardOutput.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(findings.map { "\($0["rule"]!) \($0["line"]!)" } == ["glossary.forbidden 6", "suppression.unused 10"])
    }

    /// Lector as a streaming filter (Spark `RDD.pipe`, Hadoop Streaming): JSON Lines in, JSON Lines
    /// out, each finding's `line` the line of its record.
    @Test func jsonLinesStreamingFilter() throws {
        let input = [
            #"{"id": "a", "source": "Moskau fordert von Kiew einen Verzicht auf die Nato.", "target": "Moscow demands that Kiev renounce NATO."}"#,
            #"{"id": "b", "source": "Etwa 20.000 Menschen sind gestorben.", "target": "About 2,000 people have died."}"#,
            #"{"id": "c", "source": "Die Gespräche gehen weiter.", "target": "The talks continue."}"#,
        ].joined(separator: "\n") + "\n"
        let result = try CommandRunner.run(["check", "--no-config", "--quiet", "--glossary", Self.glossary,
                                            "--source-lang", "de", "--target-lang", "en",
                                            "--stdin-format", "jsonl", "--format", "jsonl", "-"], input: input)
        #expect(result.status == 1)
        let findings = try result.standardOutput.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(findings.map { "\($0["line"]!) \($0["rule"]!)" } == ["1 glossary.forbidden", "2 numbers.mismatch"])
        let files = findings.map { $0["file"] as? String }
        #expect(files.allSatisfy { $0 == "<stdin>" })
    }
}
