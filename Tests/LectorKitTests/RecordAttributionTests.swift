import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// Findings of bilingual files name their unit, per-record documents make findings independent of
/// how a corpus is split, and a JSON Lines stream gives the findings a whole file would.
@Suite struct RecordAttributionTests {
    static let checker = Fixtures.bilingualChecker(from: "de", to: "en")

    /// Every finding of each seed fixture names a unit of the file, and the unit it names is the one
    /// whose target holds the finding (its line in the file is at or before the finding's, and the
    /// next unit's target starts after it).
    @Test(arguments: ["seed-article.de-en.jsonl", "seed-article.de-en.xlf", "seed-article.de-en.xliff",
                      "seed-article.de-en.tmx", "seed-article.en.po"])
    func everyFindingNamesTheUnitItIsIn(fixture: String) throws {
        let file = try BilingualFileLoader.load(path: BilingualFixtures.path(fixture))
        let findings = Self.checker.check(file)
        #expect(!findings.isEmpty, "the seed has known errors")
        for finding in findings {
            // A unit without an id (one JSON Lines record has none) is named by nothing.
            if finding.unit == nil, fixture.hasSuffix(".jsonl"), finding.location.line == 7 { continue }
            let unit = try #require(file.units.firstIndex { $0.reference != nil && $0.reference == finding.unit },
                                    "\(finding.ruleID) at line \(finding.location.line) names no unit (\(finding.unit ?? "nil"))")
            let line = file.units[unit].target?.line ?? file.units[unit].source.line
            #expect(line <= finding.location.line)
            if let next = file.units[(unit + 1)...].first(where: { $0.target != nil }), let nextLine = next.target?.line {
                #expect(finding.location.line < nextLine, "\(finding.ruleID) in \(finding.unit ?? "") past its unit")
            }
        }
    }

    @Test func poUnitsAreNamedByContextAndMsgid() throws {
        let file = try BilingualFileLoader.load(path: BilingualFixtures.path("seed-article.en.po"))
        let title = try #require(file.units.first { $0.id == "title" })
        #expect(title.reference == "title\u{4}Gespräche zwischen Russland und der Ukraine beginnen am Dienstag")
        let po = """
        msgid ""
        msgstr ""
        "Language: en\\n"

        msgid "Die Stadt Kiew"
        msgstr "The city of Kiev"

        """
        let noContext = try POReader.read(data: Data(po.utf8), name: "x.po")
        #expect(noContext.units.map(\.reference) == ["Die Stadt Kiew"])
        #expect(Self.checker.check(noContext).contains { $0.ruleID == "glossary.forbidden" && $0.unit == "Die Stadt Kiew" })
    }

    /// Three records that use two spellings of one name: as one document `glossary.inconsistent`
    /// compares them; per record it cannot, and each record's findings are those it has alone.
    @Test func perRecordFindingsDoNotDependOnTheOtherRecords() throws {
        let lines = [
            #"{"id": "a", "source": "Die Kiewer Rus war ein Staat.", "target": "Kievan Rus' was a state."}"#,
            #"{"id": "b", "source": "Die Kiewer Rus zerfiel.", "target": "Kyivan Rus' fell apart."}"#,
            #"{"id": "c", "source": "Die Kiewer Rus und Kiew.", "target": "Kievan Rus' and Kiev."}"#,
        ]
        let whole = try JSONLinesReader.read(data: Data(lines.joined(separator: "\n").utf8), name: "all.jsonl")
        let perFile = Self.checker.check(whole, documents: .perFile)
        let perRecord = Self.checker.check(whole, documents: .perRecord)
        #expect(perFile.contains { $0.ruleID == "glossary.inconsistent" }, "the premise: across records the spellings differ")
        #expect(!perRecord.contains { $0.ruleID == "glossary.inconsistent" })
        // Each record checked alone, at its own line, gives exactly its part of the per-record run.
        for (index, line) in lines.enumerated() {
            let padded = String(repeating: "\n", count: index) + line
            let alone = try JSONLinesReader.read(data: Data(padded.utf8), name: "all.jsonl")
            let id = ["a", "b", "c"][index]
            #expect(Self.checker.check(alone, documents: .perRecord) == perRecord.filter { $0.unit == id })
        }
        #expect(perRecord.contains { $0.ruleID == "glossary.forbidden" && $0.unit == "c" })
    }

    /// The stream reads records as they come and gives, batch by batch, the findings of checking
    /// the whole input per record; a bad record fails after the findings before it are out.
    @Test func streamGivesTheFindingsOfTheWholeInputPerRecord() throws {
        var records: [String] = []
        for index in 0..<300 {
            let target = index % 7 == 0 ? "Talks in Kiev resumed on day \(index)." : "Talks in Kyiv resumed on day \(index)."
            records.append(#"{"id": "r\#(index)", "source": "Gespräche in Kiew am Tag \#(index).", "target": "\#(target)"}"#)
        }
        let input = records.joined(separator: "\r\n") + "\n\n"
        let session = try LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en",
                                                         sourceLanguage: "de"))
        let expected = try session.check(.bilingual(path: "-", standardInputFormat: "jsonl"),
                                         standardInput: { Data(input.utf8) })
        #expect(expected.filter { $0.ruleID == "glossary.forbidden" }.map(\.unit)
            == stride(from: 0, to: 300, by: 7).map { "r\($0)" })

        var batches: [[Finding]] = []
        let count = try withPipe(input) { descriptor throws(InputError) in
            try JSONLinesStream(session: session, lookAhead: 16).check(readingFrom: descriptor) { batches.append($0) }
        }
        #expect(count == 300)
        #expect(batches.count >= 300 / 16, "look-ahead bounds a batch")
        #expect(batches.flatMap { $0 } == expected)

        var emitted: [Finding] = []
        let broken = records[0..<20].joined(separator: "\n") + "\n{\"id\": 21, \"target\": \"x\"}\n" + records[20]
        #expect(throws: InputError(file: "<stdin>", line: 21, message: "the object has no “source”")) {
            try withPipe(broken) { descriptor throws(InputError) in
                try JSONLinesStream(session: session, lookAhead: 8).check(readingFrom: descriptor) { emitted += $0 }
            }
        }
        #expect(emitted.map(\.unit) == ["r0", "r7", "r14"])
    }

    /// Writes `input` to a pipe from another thread (so a large input cannot fill it) and runs `body`
    /// on the reading end.
    private func withPipe<Value>(_ input: String, _ body: (Int32) throws(InputError) -> Value) throws(InputError) -> Value {
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        return try body(pipe.fileHandleForReading.fileDescriptor)
    }
}
