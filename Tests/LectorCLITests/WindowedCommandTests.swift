import Foundation
import LectorTestSupport
import Testing

/// `lector check` on one large text: checked in windows on all threads and written window by
/// window, with the output and exit status of checking it whole, in every output format.
@Suite struct WindowedCommandTests {
    static let glossary = "Glossaries/ukraine-war.tbx"

    /// The seed article ten times, with a suppression region and spellings of one concept that
    /// differ between the first and the last windows.
    static let path: String = {
        let seed = (try? String(contentsOfFile: Fixtures.seedArticlePath, encoding: .utf8)) ?? ""
        var text = "Kievan Rus' was a medieval state, and Kievan Rus' is written so here.\n"
        for copy in 0..<10 {
            text += copy == 4 ? "lector-disable glossary.forbidden\n\(seed)\nlector-enable\n" : seed + "\n"
        }
        text += "Kyivan Rus' is written the other way once.\n"
        return Fixtures.write(text, named: "long.en.txt")
    }()

    @Test(arguments: ["text", "jsonl", "json", "sarif"])
    func smallWindowsWriteWhatTheWholeFileGives(format: String) throws {
        let arguments = ["check", "--no-config", "--glossary", Self.glossary, "--format", format, "--quiet", Self.path]
        let whole = try CommandRunner.run(arguments, environment: ["LECTOR_WINDOW_BYTES": "100000000"])
        let windowed = try CommandRunner.run(["check", "--jobs", "2"] + arguments.dropFirst(),
                                             environment: ["LECTOR_WINDOW_BYTES": "1500"])
        #expect(whole.status == 1)
        #expect(windowed.status == whole.status)
        #expect(windowed.standardOutput == whole.standardOutput)
        #expect(whole.standardOutput.contains("glossary.inconsistent"))
    }

    /// The bytes written do not depend on the threads: one (nothing read ahead) to three (the
    /// windows cut and read while the session starts).
    @Test func everyThreadCountWritesTheSameBytes() throws {
        let arguments = ["check", "--no-config", "--glossary", Self.glossary, "--format", "jsonl", "--quiet", Self.path]
        var outputs: [String] = []
        for jobs in [1, 2, 3] {
            let result = try CommandRunner.run(["check", "--jobs", "\(jobs)"] + arguments.dropFirst(),
                                               environment: ["LECTOR_WINDOW_BYTES": "1500"])
            #expect(result.status == 1)
            outputs.append(result.standardOutput)
        }
        #expect(outputs[1] == outputs[0] && outputs[2] == outputs[0])
        #expect(outputs[0].contains("glossary.inconsistent"))
    }

    @Test func jobsMustBePositive() throws {
        let result = try CommandRunner.run(["check", "--no-config", "--jobs", "0", Fixtures.seedArticlePath])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--jobs"))
    }
}
