import Foundation
import LectorTestSupport
import Testing

/// `lector check` on one large bilingual file, read as a stream of units, and on a large text cut
/// short while it is being checked.
@Suite struct LargeInputCommandTests {
    static let glossary = "Glossaries/ukraine-war.tbx"

    static func xliff(units count: Int) -> String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        text += #"<xliff version="1.2"><file source-language="de" target-language="en" datatype="plaintext" original="t"><body>"#
        for index in 0..<count {
            text += "\n" + #"<trans-unit id="u\#(index)"><source>Beamte in Charkiw trafen sich in Kiew, Tag \#(index).</source>"#
                + "<target>Officials in Kharkov met in Kiev, day \(index).\(rus(index, count))</target></trans-unit>"
        }
        return text + "\n</body></file></xliff>\n"
    }

    static func jsonLines(units count: Int) -> String {
        (0..<count).map { index in
            #"{"id": "u\#(index)", "source": "Beamte in Charkiw trafen sich in Kiew, Tag \#(index).", "#
                + #""target": "Officials in Kharkov met in Kiev, day \#(index).\#(rus(index, count))"}"#
        }.joined(separator: "\n") + "\n"
    }

    /// Both allowed spellings of one concept, far apart: `glossary.inconsistent` compares across chunks.
    static func rus(_ index: Int, _ count: Int) -> String {
        if index == count - 7 { return " Kyivan Rus' too." }
        return index % 97 == 5 ? " Kievan Rus' was a medieval state." : ""
    }

    /// Streamed (files over the 2,000-byte window size, two threads) and loaded whole (one
    /// thread): the same bytes out, in every output format, and the same exit status.
    @Test(arguments: ["text", "jsonl", "json", "sarif"])
    func streamedBilingualFilesWriteWhatTheWholeFileGives(format: String) throws {
        let files = [Fixtures.write(Self.xliff(units: 700), named: "cities.xlf"),
                     Fixtures.write(Self.jsonLines(units: 700), named: "cities.jsonl")]
        for path in files {
            let arguments = ["--no-config", "--glossary", Self.glossary, "--source-lang", "de", "--format", format, "--quiet", path]
            let whole = try CommandRunner.run(["check", "--jobs", "1"] + arguments)
            let streamed = try CommandRunner.run(["check", "--jobs", "2"] + arguments, environment: ["LECTOR_WINDOW_BYTES": "2000"])
            #expect(whole.status == 1)
            #expect(streamed.status == whole.status)
            #expect(streamed.standardOutput == whole.standardOutput, "\(path)")
            #expect(whole.standardOutput.contains("glossary.inconsistent"))
        }
    }

    @Test func malformedStreamedFileIsAnInputErrorWithNoFindings() throws {
        let path = Fixtures.write(Self.jsonLines(units: 700) + "{\"source\": \n", named: "cut.jsonl")
        let result = try CommandRunner.run(["check", "--no-config", "--glossary", Self.glossary, "--source-lang", "de",
                                            "--format", "jsonl", "--jobs", "2", path],
                                           environment: ["LECTOR_WINDOW_BYTES": "2000"])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("cut.jsonl:701"))
    }

    /// A file named `.xlf` that is not XML says so whether it is read whole or as a stream.
    @Test func aStreamedFileThatIsNotXMLSaysWhatItIs() throws {
        let path = Fixtures.write("\n  Minutes of the meeting\n" + String(repeating: "not markup at all\n", count: 300) + "<note/>\n", named: "notes.xlf")
        for window in ["1000000", "2000"] {
            let result = try CommandRunner.run(["check", "--no-config", "--source-lang", "de", "--target-lang", "en", path],
                                               environment: ["LECTOR_WINDOW_BYTES": window])
            #expect(result.status == 2)
            #expect(result.standardError.contains("notes.xlf:2: not XML: the file starts with text, not an element (“Minutes of the meeting”)"),
                    "window \(window): \(result.standardError)")
        }
    }

    /// A text checked in windows is read from a memory mapping; once the file is cut short, the
    /// pages past its new end cannot be read (SIGBUS). That is an input error naming the file,
    /// not a crash. The check writes its findings window by window, so the file is cut after the
    /// first have come out and before most windows are read.
    @Test func textTruncatedWhileCheckedIsAnInputError() throws {
        let line = "Officials in Kharkov reported new shelling overnight in Kiev and nearby towns.\n"
        let path = Fixtures.write(String(repeating: line, count: 30_000), named: "shrinking.txt")
        let running = try CommandRunner.start(["check", "--no-config", "--glossary", Self.glossary, "--format", "jsonl",
                                               "--jobs", "1", "--quiet", path],
                                              environment: ["LECTOR_WINDOW_BYTES": "4000"])
        let first = running.nextOutput()
        #expect(!first.isEmpty)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.close()
        let result = running.wait()
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(path): the file was truncated while it was being read"))
    }
}
