import Foundation
@testable import LectorKit
import LectorTestSupport
import Testing

/// A large JSON Lines or XLIFF file is checked from the file, a chunk of units at a time
/// (`LintSession.checkBilingualStream`): its units, errors and findings must be those of the file
/// loaded whole, and its findings must come out before the file is done.
@Suite struct StreamedBilingualCheckTests {
    /// Every unit of a stream, with its final languages.
    static func streamed(_ path: String) throws -> (units: [BilingualUnit], source: String?, target: String?) {
        let stream = try #require(BilingualFileLoader.unitStream(path: path))
        var units: [BilingualUnit] = []
        while let batch = try stream.next() { units += batch }
        return (units, stream.sourceLanguage, stream.targetLanguage)
    }

    static func loadError(_ body: () throws -> Void) -> InputError? {
        do {
            try body()
            return nil
        } catch let error as InputError {
            return error
        } catch {
            return nil
        }
    }

    @Test func jsonLinesStreamReadsWhatTheWholeFileReaderReads() throws {
        // A byte-order mark, CRLF and lone CR line breaks, blank lines, a line break between the
        // two halves of a CRLF at a 1 MiB block boundary, languages first named late.
        var text = "\u{FEFF}" + #"{"id": 1, "source": "Kiew", "target": "Kiev"}"# + "\r\n\r\n"
        text += #"{"source": "a", "target": null}"# + "\r" + #"{"source": "b", "target": "c"}"# + "\n\n"
        var line = 0
        var straddled = false
        while text.utf8.count < (1 << 20) + 40_000 {
            line += 1
            var record = #"{"id": "u\#(line)", "source": "Die Stadt \#(line)", "target": "The city \#(line)"}"#
            let room = (1 << 20) - 1 - text.utf8.count
            if !straddled, room < record.utf8.count + 200 {
                // Padded so that its CR is the first block's last byte and its LF the second's first.
                let bare = #"{"id": "pad", "source": "p", "target": "q", "x": ""}"#
                record = #"{"id": "pad", "source": "p", "target": "q", "x": "\#(String(repeating: " ", count: room - bare.utf8.count))"}"#
                text += record + "\r\n"
                straddled = true
                #expect(text.utf8.count == (1 << 20) + 1)
            } else {
                text += record + (line % 3 == 0 ? "\r\n" : "\n")
            }
        }
        text += #"{"source": "x", "target": "y", "source_lang": "de", "target_lang": "en"}"# + "\n"
        text += #"{"source": "last", "target": "without a line break", "source_lang": "fr"}"#
        let path = Fixtures.write(text, named: "stream.jsonl")
        let whole = try BilingualFileLoader.load(path: path)
        let stream = try Self.streamed(path)
        #expect(stream.units == whole.units)
        #expect(stream.units.count == line + 5)
        #expect(stream.source == whole.sourceLanguage && stream.source == "de")
        #expect(stream.target == whole.targetLanguage && stream.target == "en")
    }

    @Test func jsonLinesStreamThrowsTheWholeFileReadersError() throws {
        let good = #"{"source": "Die Stadt", "target": "The city"}"# + "\n"
        let cases: [(name: String, bytes: [UInt8])] = [
            ("malformed.jsonl", Array((good + good + "{not json\n" + good).utf8)),
            ("no-source.jsonl", Array((good + #"{"target": "x"}"# + "\n" + good).utf8)),
            // Invalid UTF-8 after a malformed record: the file is not UTF-8, whatever its records.
            ("utf8.jsonl", Array((good + "{not json\r" + good + good).utf8) + [0xC3, 0x28] + Array(("\n" + good).utf8)),
        ]
        for (name, bytes) in cases {
            let path = Fixtures.write(Data(bytes), named: name)
            let whole = try #require(Self.loadError { _ = try BilingualFileLoader.load(path: path) })
            let streamed = try #require(Self.loadError { _ = try Self.streamed(path) })
            #expect(streamed == whole, "\(name)")
        }
    }

    static func xliff(units count: Int, extra: String = "") -> String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        text += #"<xliff version="1.2"><file source-language="de" target-language="en" datatype="plaintext" original="t"><body>"#
        text += "\n" + extra
        for index in 0..<count {
            let target = index % 5 == 0 ? "" : "<target>Officials in Kharkov met in Kiev, day \(index).</target>"
            text += #"<trans-unit id="u\#(index)"><source>Beamte in Charkiw trafen sich in Kiew, Tag \#(index).</source>"#
                + target + "<note>n</note></trans-unit>\n"
        }
        return text + "</body></file></xliff>\n"
    }

    @Test func xliffStreamReadsWhatTheWholeFileReaderReads() throws {
        let path = Fixtures.write(Self.xliff(units: 25_000), named: "stream.xlf")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int > 2 << 20)
        let whole = try BilingualFileLoader.load(path: path)
        let stream = try Self.streamed(path)
        #expect(stream.units == whole.units)
        #expect(stream.units.count == 25_000)
        #expect(stream.source == "de" && stream.target == "en")
    }

    @Test func xliffStreamKeepsTheXMLReadersRefusals() throws {
        let units = Self.xliff(units: 20_000)
        let cases = [
            ("entity.xlf", units.replacingOccurrences(of: "<xliff version",
                                                      with: "<!DOCTYPE xliff [<!ENTITY city \"Kiev\">]>\n<xliff version")),
            ("undeclared.xlf", units.replacingOccurrences(of: "day 19991.", with: "&city;")),
            ("cut.xlf", String(units.dropLast(30))),
            ("unclosed.xlf", units.replacingOccurrences(of: "<note>n</note></trans-unit>\n<trans-unit id=\"u15000\">",
                                                        with: "<note>n</trans-unit>\n<trans-unit id=\"u15000\">")),
            ("no-source.xlf", units.replacingOccurrences(of: "<source>Beamte in Charkiw trafen sich in Kiew, Tag 17000.</source>",
                                                         with: "")),
        ]
        for (name, text) in cases {
            #expect(text != units, "\(name)")
            let path = Fixtures.write(text, named: name)
            let whole = try #require(Self.loadError { _ = try BilingualFileLoader.load(path: path) }, "\(name)")
            let streamed = try #require(Self.loadError { _ = try Self.streamed(path) }, "\(name)")
            #expect(streamed == whole, "\(name)")
        }
    }

    static func session(source: String, jobs: Int, retainedUnitTextBytes: Int? = nil) throws -> LintSession {
        var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en", sourceLanguage: source)
        configuration.jobs = jobs
        configuration.windowBytes = 1_000
        if let retainedUnitTextBytes { configuration.retainedUnitTextBytes = retainedUnitTextBytes }
        return try LintSession(configuration)
    }

    /// The findings `checkBilingualStream` emits, and in how many batches.
    static func streamedFindings(_ session: LintSession, _ path: String) throws -> (findings: [Finding], batches: Int) {
        var findings: [Finding] = []
        var batches = 0
        let streamed = try session.checkBilingualStream(.bilingual(path: path, standardInputFormat: nil)) {
            findings += $0
            if !$0.isEmpty { batches += 1 }
        }
        #expect(streamed)
        return (findings, batches)
    }

    @Test func streamedJSONLinesGivesTheWholeFilesFindings() throws {
        let text = try #require(ChunkedBilingualCheckTests.jsonLines(units: 1_000), "needs ../shared/data/mlqe-pe")
        let path = Fixtures.write(text, named: "mlqe.jsonl")
        let session = try Self.session(source: "ro", jobs: 2)
        #expect(session.isStreamedBilingual(.bilingual(path: path, standardInputFormat: nil)))
        let streamed = try Self.streamedFindings(session, path)
        let file = try BilingualFileLoader.load(path: path)
        let whole = try Self.session(source: "ro", jobs: 1).checker(for: file).check(file)
        #expect(streamed.findings == whole)
        #expect(streamed.batches > 1)
        #expect(Set(whole.map(\.ruleID)).isSuperset(of: ["glossary.inconsistent", "spelling.unknown"]))
        // The same through `check(_:)`, which a run over several files takes.
        #expect(try session.check(.bilingual(path: path, standardInputFormat: nil)) == whole)
    }

    @Test func streamedXLIFFGivesTheWholeFilesFindings() throws {
        let path = Fixtures.write(Self.xliff(units: 1_500), named: "cities.xlf")
        let session = try Self.session(source: "de", jobs: 2)
        let streamed = try Self.streamedFindings(session, path)
        let file = try BilingualFileLoader.load(path: path)
        let whole = try Self.session(source: "de", jobs: 1).checker(for: file).check(file)
        #expect(streamed.findings == whole)
        #expect(streamed.batches > 1)
        #expect(whole.count > 1_000)
    }

    /// The first pass keeps the chunks it read if their text is no more than
    /// `retainedUnitTextBytes`, and the second checks them without reading them again: kept or
    /// read again, every unit is checked once, and the findings are the whole file's, in its order.
    @Test func keptChunksGiveTheWholeFilesFindings() throws {
        let path = Fixtures.write(Self.xliff(units: 1_500), named: "kept.xlf")
        let file = try BilingualFileLoader.load(path: path)
        let whole = try Self.session(source: "de", jobs: 1).checker(for: file).check(file)
        #expect(whole.count > 1_000)
        // About 100 bytes of text a unit: 1,500 units are about 150 kB, 256 units about 26 kB.
        let text = file.units.reduce(0) { $0 + $1.source.text.utf8.count + ($1.target?.text.utf8.count ?? 0) }
        #expect(text > 60_000 && text < CheckConfiguration().retainedUnitTextBytes)
        for budget in [CheckConfiguration().retainedUnitTextBytes, text, 60_000, 0] {
            let session = try Self.session(source: "de", jobs: 2, retainedUnitTextBytes: budget)
            // What the first pass keeps: every unit, in order, or none.
            let stream = try #require(BilingualFileLoader.unitStream(path: path))
            var chunks = UnitChunks(stream)
            let first = try chunks.next()
            let survey = try WholeFileSurvey.read(chunks: &chunks, first: first, path: path,
                                                  checker: try session.checker(source: "de", target: "en"))
            #expect(survey.kept.flatMap(\.units) == (budget >= text ? file.units : []), "kept up to \(budget) bytes")
            #expect(survey.kept.allSatisfy { $0.target != nil })
            let streamed = try Self.streamedFindings(session, path)
            #expect(streamed.findings == whole, "kept up to \(budget) bytes")
            // A finding on every unit with a target (`untranslated.blank` on the others), each unit once.
            let lines = streamed.findings.map(\.location.line)
            #expect(Set(lines).count == 1_500, "kept up to \(budget) bytes")
        }
    }

    /// German news units whose names, numbers and dates go missing in every chunk: the rules
    /// whose preparations and word memos the chunks on one thread share (`KeptPreparations`) find
    /// in each chunk, loaded or streamed, what they find in the file checked whole.
    @Test func keptPreparationsGiveTheWholeFilesFindings() throws {
        let pairs = [
            ("Beamte in Charkiw trafen sich am 3. März in Kiew, Tag %d.", "Officials in Kharkov met in Kiev on 4 March, day %d."),
            ("Selenskyj sprach am Montag mit Scholz in Berlin.", "Zelensky spoke with Macron in Berlin on Monday."),
            ("Die Armee meldete %d Verletzte in Saporischschja.", "The army reported %d wounded in Zaporizhzhia."),
            ("Der Bürgermeister von Odessa, Gennadij Truchanow, besuchte Mykolajiw.", "The mayor of Odessa visited the city."),
            ("Die Gespräche in Istanbul gehen am Dienstag weiter.", "The talks continue on Tuesday."),
        ]
        var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        text += #"<xliff version="1.2"><file source-language="de" target-language="en" datatype="plaintext" original="t"><body>"#
        text += "\n"
        for index in 0..<1_100 {
            let (source, target) = pairs[index % pairs.count]
            text += #"<trans-unit id="u\#(index)"><source>"# + String(format: source, index) + "</source><target>"
                + String(format: target, index + 1) + "</target></trans-unit>\n"
        }
        let path = Fixtures.write(text + "</body></file></xliff>\n", named: "names.xlf")
        let file = try BilingualFileLoader.load(path: path)
        let whole = try Self.session(source: "de", jobs: 1).checker(for: file).check(file)
        let session = try Self.session(source: "de", jobs: 2)
        #expect(try session.checker(for: file).check(file) == whole)
        #expect(try Self.streamedFindings(session, path).findings == whole)
        // Every such rule finds in the last chunks too (units 1,024 on), on a thread that checked others before.
        for rule in ["names.missing", "numbers.mismatch", "dates.mismatch"] {
            #expect(whole.contains { $0.ruleID == rule && $0.location.line > 1_024 }, "\(rule)")
        }
    }

    @Test func languagesNamedLateAndSuppressionsGiveTheWholeFilesFindings() throws {
        let text = try #require(ChunkedBilingualCheckTests.jsonLines(units: 1_000), "needs ../shared/data/mlqe-pe")
        var lines = text.split(separator: "\n").map(String.init)
        // The file's languages are named by its 700th record: the first pass must be redone.
        lines[700] = String(lines[700].dropLast()) + #", "source_lang": "ro", "target_lang": "en"}"#
        let late = Fixtures.write(lines.joined(separator: "\n") + "\n", named: "late.jsonl")
        // A suppression directive in a target: the file is checked whole.
        lines[900] = lines[900].replacingOccurrences(of: #""target": ""#, with: #""target": "lector-disable-line "#)
        let suppressed = Fixtures.write(lines.joined(separator: "\n") + "\n", named: "suppressed.jsonl")
        var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "de")
        configuration.jobs = 2
        configuration.windowBytes = 1_000
        let session = try LintSession(configuration)
        for path in [late, suppressed] {
            let file = try BilingualFileLoader.load(path: path)
            #expect(file.sourceLanguage == "ro" && file.targetLanguage == "en")
            let whole = try session.checker(for: file).check(file)
            #expect(try Self.streamedFindings(session, path).findings == whole, "\(path)")
            #expect(whole.contains { $0.ruleID == "spelling.unknown" })
        }
    }
}
