import Foundation
import LectorTestSupport
import Testing

/// `lector check` as a filter in a pipeline: JSON Lines in, findings out as records arrive, each
/// attributed to its record, with an exit status a batch engine can use.
@Suite struct StreamCommandTests {
    static let glossary = "Glossaries/ukraine-war.tbx"
    static let filter = ["check", "--no-config", "--glossary", glossary, "--source-lang", "de", "--target-lang", "en",
                         "--stdin-format", "jsonl", "--format", "jsonl", "--quiet"]

    static func record(_ id: String, _ target: String) -> String {
        #"{"id": "\#(id)", "source": "Die Gespräche in Kiew gehen weiter.", "target": "\#(target)"}"#
    }

    /// The first record's finding comes out while standard input is still open: the filter does
    /// not wait for the end of its input.
    @Test(.timeLimit(.minutes(2)))
    func findingsComeOutBeforeTheInputEnds() throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = Self.filter + ["-"]
        process.currentDirectoryURL = Fixtures.packageRoot
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        input.fileHandleForWriting.write(Data((Self.record("first", "The talks in Kiev go on.") + "\n").utf8))

        // Read until the first finding's line is complete; stdin stays open meanwhile.
        var received = Data()
        while !received.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            received.append(chunk)
        }
        let first = try #require(try JSONSerialization.jsonObject(with: received.prefix { $0 != 0x0A }) as? [String: Any])
        #expect(first["unit"] as? String == "first")
        #expect(first["rule"] as? String == "glossary.forbidden")
        #expect(process.isRunning, "still waiting for more records")

        input.fileHandleForWriting.write(Data((Self.record("second", "The talks in Kiev go on.") + "\n").utf8))
        try input.fileHandleForWriting.close()
        received.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let units = String(decoding: received, as: UTF8.self).split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["unit"] as? String
        }
        #expect(units == ["first", "second"])
    }

    @Test func failOnNeverExitsZeroWithFindingsButTwoOnBadInput() throws {
        let input = Self.record("k", "The talks in Kiev go on.") + "\n"
        let found = try CommandRunner.run(Self.filter + ["--fail-on", "never", "-"], input: input)
        #expect(found.status == 0)
        #expect(found.standardOutput.contains(#""unit":"k""#))
        let bad = try CommandRunner.run(Self.filter + ["--fail-on", "never", "-"], input: input + "{\"id\": 2}\n")
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("<stdin>:2"))
        #expect(bad.standardOutput.contains(#""unit":"k""#), "the records before the bad one are reported")
        let missingGlossary = try CommandRunner.run(["check", "--no-config", "--glossary", "no/such.tbx", "--fail-on", "never",
                                                     "--stdin-format", "jsonl", "-"], input: input)
        #expect(missingGlossary.status == 2)
        #expect(try CommandRunner.run(Self.filter + ["--fail-on", "sometimes", "-"], input: input).status == 2)
    }

    /// Standard input is per record by default; `--document per-file` compares across records, and
    /// the text format names the unit.
    @Test func documentModeDecidesWhetherRecordsAreComparedWithEachOther() throws {
        let input = [
            #"{"id": "a", "source": "Die Kiewer Rus war ein Staat.", "target": "Kievan Rus' was a state."}"#,
            #"{"id": "b", "source": "Die Kiewer Rus war ein Staat.", "target": "Kievan Rus' was a state."}"#,
            #"{"id": "c", "source": "Die Kiewer Rus zerfiel.", "target": "Kyivan Rus' fell apart."}"#,
        ].joined(separator: "\n") + "\n"
        let text = Array(Self.filter.dropLast(3)) + ["--quiet", "--fail-on", "info"]
        let perRecord = try CommandRunner.run(text + ["-"], input: input)
        #expect(perRecord.status == 0, "\(perRecord.standardOutput)")
        let perFile = try CommandRunner.run(text + ["--document", "per-file", "-"], input: input)
        #expect(perFile.status == 1)
        // Line and column in the input itself: `Kyivan` stands at column 61 of the third record.
        #expect(perFile.standardOutput.hasPrefix("<stdin>:3:61: "))
        #expect(perFile.standardOutput.hasSuffix("[glossary.inconsistent] [unit c]\n"))
        let explicit = try CommandRunner.run(text + ["--document", "per-record", "-"], input: input)
        #expect(explicit.standardOutput == perRecord.standardOutput)
        #expect(try CommandRunner.run(text + ["--document", "per-line", "-"], input: input).status == 2)
    }

    /// Formats that need every finding (json, sarif) and reports still work on a stream.
    @Test func wholeReportFormatsGetEveryFindingOfTheStream() throws {
        let input = (0..<5).map { Self.record("r\($0)", "The talks in Kiev go on.") }.joined(separator: "\n")
        let json = try CommandRunner.run(Array(Self.filter.dropLast(3)) + ["--format", "json", "-"], input: input)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["unit"] as? String } == ["r0", "r1", "r2", "r3", "r4"])
        #expect(json.standardError.hasPrefix("Checked 1 file: 5 errors, 0 warnings, 0 info"))
    }
}
