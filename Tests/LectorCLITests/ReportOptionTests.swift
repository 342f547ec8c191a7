import Foundation
import LectorTestSupport
import Testing

/// `--report FORMAT:PATH`: extra reports written to files by the same run, while standard output
/// and the exit status stay what they are without the option.
@Suite struct ReportOptionTests {
    static let glossary = "Glossaries/ukraine-war.tbx"
    static let seed = "Examples/seed-article.en.txt"

    @Test func sarifAndJUnitReportsBesideTheTextOutput() throws {
        let directory = Fixtures.temporaryDirectory()
        let sarif = directory.appendingPathComponent("lector.sarif").path
        // A colon after the format belongs to the path.
        let junit = directory.appendingPathComponent("junit, run: 1.xml").path
        let plain = try CommandRunner.run(["check", "--glossary", Self.glossary, Self.seed])
        let result = try CommandRunner.run(["check", "--glossary", Self.glossary,
                                            "--report", "sarif:\(sarif)", "--report", "junit:\(junit)", Self.seed])
        #expect(result.status == 1)
        #expect(result.standardOutput == plain.standardOutput)
        #expect(result.standardOutput.hasPrefix("Examples/seed-article.en.txt:5:46: warning: "))
        #expect(result.standardError.hasPrefix("Checked 1 file: 2 errors, 2 warnings"))

        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarif)))
            as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == 4)
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["version"] as? String == "0.1.0")
        // The file holds exactly what --format prints.
        let sarifOnStandardOutput = try CommandRunner.run(["check", "--format", "sarif", "--glossary", Self.glossary, Self.seed])
        #expect(try String(contentsOfFile: sarif, encoding: .utf8) == sarifOnStandardOutput.standardOutput)

        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"))
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 4)
        #expect(xml.contains("<testcase name=\"Examples/seed-article.en.txt\" classname=\"lector\">"))

        // Written by rename: no temporary file is left beside the reports.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["junit, run: 1.xml", "lector.sarif"])
    }

    @Test func reportReplacesAnExistingFile() throws {
        let path = Fixtures.write("old contents that are longer than the new report\n", named: "report.md")
        let clean = Fixtures.write("Zelenskyy met Kuleba in Kyiv.\n", named: "clean.txt")
        let result = try CommandRunner.run(["check", "--glossary", Self.glossary, "--report", "markdown:\(path)", clean])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "**Lector**: No findings in 1 file.\n")
    }

    @Test func unknownReportFormatIsAUsageError() throws {
        let result = try CommandRunner.run(["check", "--glossary", Self.glossary, "--report", "yaml:out.yaml", Self.seed])
        #expect(result.status == 2)
        #expect(result.standardError.contains("unknown report format “yaml”"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func reportNeedsAFormatAndAPath() throws {
        for argument in ["lector.sarif", "sarif:", ":lector.sarif"] {
            let result = try CommandRunner.run(["check", "--glossary", Self.glossary, "--report", argument, Self.seed])
            #expect(result.status == 2, "--report \(argument)")
            #expect(result.standardError.contains("--report"), "--report \(argument)")
        }
    }

    @Test func unwritableReportExitsTwoAndNamesThePath() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("no/such/dir/lector.sarif").path
        let result = try CommandRunner.run(["check", "--glossary", Self.glossary, "--report", "sarif:\(path)", Self.seed])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(path): cannot write"))
    }
}
