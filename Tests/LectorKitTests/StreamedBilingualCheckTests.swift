import Foundation
@testable import LectorKit
import LectorTestSupport
import Testing

/// A large JSON Lines or XLIFF file is checked from the file, a chunk of units at a time
/// (`LintSession.checkBilingualStream`): its units, errors and findings must be those of the file
/// loaded whole, in the same order.
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

    /// A session whose large files stream (`windowBytes` 1,000), cut into chunks of 256 units
    /// (`largeChunkUnits`) as the tests that place words in given chunks count them.
    static func session(source: String, jobs: Int, retainedUnitTextBytes: Int? = nil, largeChunkUnits: Int = 256,
                        configure: (inout CheckConfiguration) -> Void = { _ in }) throws -> LintSession {
        var configuration = CheckConfiguration(glossaries: [Fixtures.houseGlossary], targetLanguage: "en", sourceLanguage: source)
        configuration.jobs = jobs
        configuration.windowBytes = 1_000
        configuration.largeChunkUnits = largeChunkUnits
        if let retainedUnitTextBytes { configuration.retainedUnitTextBytes = retainedUnitTextBytes }
        configure(&configuration)
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

    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func streamedJSONLinesGivesTheWholeFilesFindings() throws {
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

    /// The tables the rules make once per process (places, negation lexicons, unit names and their
    /// stems) are made on a thread of their own while the chunks are checked
    /// (`SharedRuleTables`): the findings that read them are those of the file checked whole.
    @Test func tablesMadeAlongsideTheChecksGiveTheWholeFilesFindings() throws {
        let path = Fixtures.write(Self.news(units: 1_200) { index in
            switch index % 4 {
            case 0: ("Der Konvoi fuhr \(index) Kilometern bis Charkiw.", "The convoy drove \(index) miles to Kharkov.", nil)
            case 1: ("Die Preise stiegen um \(index) Prozent in München.", "Prices rose by \(index) percent in Munich.", nil)
            case 2: ("Selenskyj sprach nicht mit Macron, Tag \(index).", "Zelensky spoke with Macron, day \(index).", nil)
            default: ("Die Gespräche in Istanbul gehen weiter, \(index) Stunden lang.", "The talks in Istanbul continue for \(index) days.", nil)
            }
        }, named: "tables.xlf")
        let (findings, how, whole) = try Self.onePassAndWhole(path)
        #expect(how == .onePass)
        #expect(findings == whole)
        #expect(Set(whole.map(\.ruleID)).isSuperset(of: ["numbers.unit", "meaning.negation"]))
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
            var chunks = UnitChunks(stream, largeUnits: session.configuration.largeChunkUnits)
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

    @Test(.enabled(if: OptionalResource.sharedData, Comment(rawValue: OptionalResource.sharedDataMissing)))
    func languagesNamedLateAndSuppressionsGiveTheWholeFilesFindings() throws {
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

    /// German news units, each with a number changed, of which `unit` may rewrite some: (source, target, note).
    static func news(units count: Int, unit: (Int) -> (source: String, target: String, note: String?)? = { _ in nil }) -> String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        text += #"<xliff version="1.2"><file source-language="de" target-language="en" datatype="plaintext" original="t"><body>"#
        text += "\n"
        for index in 0..<count {
            let (source, target, note) = unit(index)
                // A number changed: a finding on every such unit.
                ?? ("Die Gespräche in Istanbul gehen am Dienstag weiter, Tag \(index).", "The talks in Istanbul continue on Tuesday, day \(index + 1).", nil)
            text += #"<trans-unit id="u\#(index)"><source>"# + source + "</source><target>" + target + "</target>"
                + (note.map { "<note>\($0)</note>" } ?? "") + "</trans-unit>\n"
        }
        return text + "</body></file></xliff>\n"
    }

    /// `streamedCheck`'s findings and how it checked the file, and the findings of the file loaded
    /// and checked whole on one thread with the same configuration.
    static func onePassAndWhole(_ path: String, retainedUnitTextBytes: Int? = nil,
                                configure: (inout CheckConfiguration) -> Void = { _ in })
        throws -> (findings: [Finding], how: LintSession.StreamedCheck?, whole: [Finding]) {
        let session = try Self.session(source: "de", jobs: 2, retainedUnitTextBytes: retainedUnitTextBytes, configure: configure)
        var findings: [Finding] = []
        let how = try session.streamedCheck(.bilingual(path: path, standardInputFormat: nil)) { findings += $0 }
        let file = try BilingualFileLoader.load(path: path)
        let whole = try Self.session(source: "de", jobs: 1, configure: configure).checker(for: file).check(file)
        return (findings, how, whole)
    }

    /// The first pass checks each chunk told its own source words only, and drops at the end a
    /// `spelling.unknown` finding of a word that is a source word elsewhere in the file, before
    /// or after its chunk, in any case: what is left is the check told the whole file's words.
    @Test func onePassDropsUnknownWordsThatAreSourceWordsElsewhere() throws {
        // 1,400 units, six chunks of 256. `zorblatt` is written in chunks 1 and 2 and is a source
        // word of chunk 5 only (capitalized); `flimbert` is a source word of chunk 1 and written in
        // chunk 4; `quorptic` is no source word anywhere and stays unknown.
        let path = Fixtures.write(Self.news(units: 1_400) { index in
            switch index {
            case 10, 300: ("Die Lage ist ruhig, Tag \(index).", "The situation is zorblatt, day \(index).", nil)
            case 20: ("Die Lage ist ruhig.", "The situation is quorptic.", nil)
            case 5: ("Der Name flimbert blieb.", "The name stayed.", nil)
            case 900: ("Die Lage ist ruhig.", "The situation is flimbert.", nil)
            case 1_200: ("Das Wort Zorblatt blieb.", "The word stayed.", nil)
            default: nil
            }
        }, named: "source-words.xlf")
        for budget in [nil, 0] {
            let run = try Self.onePassAndWhole(path, retainedUnitTextBytes: budget)
            #expect(run.how == .onePass)
            #expect(run.findings == run.whole)
            let unknown = run.whole.filter { $0.ruleID == "spelling.unknown" }.map(\.text)
            #expect(unknown.contains("quorptic"))
            #expect(!unknown.contains("zorblatt") && !unknown.contains("flimbert"))
        }
        // Told only its own chunk's source words, the first chunk flags `zorblatt`: the finding
        // the first pass drops.
        let file = try BilingualFileLoader.load(path: path)
        let checker = try Self.session(source: "de", jobs: 1).checker(for: file)
        let first = checker.check(file.with(units: Array(file.units.prefix(Checker.unitsPerChunk))))
        #expect(first.contains { $0.ruleID == "spelling.unknown" && $0.text == "zorblatt" })
    }

    /// Where the first pass's findings cannot be mended into the whole file's, a second pass
    /// checks the file as before, with the chunks kept or read again: the findings are the same.
    @Test func whatOnePassCannotMakeExactIsCheckedAgain() throws {
        struct QuietRule: Rule {
            static let description = RuleDescription(id: "test.quiet", name: "Test", summary: "Finds nothing.",
                                                      defaultSeverity: .info, triggeringExamples: [], nonTriggeringExamples: [])
            func findings(in context: CheckContext) -> [RuleFinding] { [] }
        }
        let plain = Self.news(units: 1_100)
        // A concept written two ways, the second only in the fifth chunk.
        let twoSpellings = Self.news(units: 1_100) { index in
            switch index {
            case 3: ("Die Kiewer Rus war ein Staat.", "Kievan Rus' was a medieval state.", nil)
            case 1_050: ("Die Kiewer Rus war ein Staat.", "Kyivan Rus' was a medieval state.", nil)
            default: nil
            }
        }
        // A note silencing `spelling.unknown` on a unit whose word is a source word of a later
        // chunk: told the whole file's words the directive silences nothing, and says so.
        let notes = Self.news(units: 1_100) { index in
            switch index {
            case 100: ("Die Lage ist ruhig.", "The situation is zorblatt.", "lector-disable spelling.unknown")
            case 900: ("Das Wort zorblatt blieb.", "The word stayed.", nil)
            default: nil
            }
        }
        let cases: [(name: String, text: String, fallback: OnePassFallback, configure: (inout CheckConfiguration) -> Void)] = [
            ("two-spellings.xlf", twoSpellings, .twoSpellings, { _ in }),
            ("notes.xlf", notes, .suppressionNotes, { _ in }),
            ("findings.xlf", plain, .findingsTooLarge, { $0.retainedFindingBytes = 2_000 }),
            ("custom.xlf", plain, .customRules, { $0.customRules = [QuietRule()] }),
        ]
        for (name, text, fallback, configure) in cases {
            let path = Fixtures.write(text, named: name)
            for budget in [nil, 0] {
                let run = try Self.onePassAndWhole(path, retainedUnitTextBytes: budget, configure: configure)
                #expect(run.how == .twoPasses(fallback), "\(name)")
                #expect(run.findings == run.whole, "\(name)")
                #expect(run.whole.count > 100, "\(name)")
            }
        }
        let twoSpellingsPath = Fixtures.write(twoSpellings, named: "two-spellings.xlf")
        #expect(try Self.onePassAndWhole(twoSpellingsPath).whole.contains { $0.ruleID == "glossary.inconsistent" })
        let notesPath = Fixtures.write(notes, named: "notes.xlf")
        let noted = try Self.onePassAndWhole(notesPath).whole
        #expect(noted.contains { $0.ruleID == "suppression.unused" && $0.location.line == 103 })
        #expect(!noted.contains { $0.ruleID == "spelling.unknown" && $0.text == "zorblatt" })
        // Without the note the file is checked in one pass.
        #expect(try Self.onePassAndWhole(Fixtures.write(plain, named: "plain.xlf")).how == .onePass)
    }

    /// A file whose languages are named only in a later chunk was checked by the first pass as a
    /// file without them: it is checked again.
    @Test func languagesNamedLateAreCheckedAgain() throws {
        var text = ""
        for index in 0..<1_100 {
            let languages = index == 700 ? #", "source_lang": "de", "target_lang": "en""# : ""
            text += #"{"id": "u\#(index)", "source": "Die Lage in Kiew ist ruhig, Tag \#(index).", "target": "The situation in Kyiv is zorblatt, day \#(index)."\#(languages)}"#
                + "\n"
        }
        let path = Fixtures.write(text, named: "late-languages.jsonl")
        let run = try Self.onePassAndWhole(path)
        #expect(run.how == .twoPasses(.languagesNamedLate))
        #expect(run.findings == run.whole)
        #expect(run.whole.contains { $0.ruleID == "spelling.unknown" })
    }

    /// A stream's first chunk read while the session is made (`readBilingualAhead`) is taken over:
    /// the findings and how the file is checked are those of a run without it, for a file checked
    /// in one pass and for one whose languages are named late (checked again).
    @Test func firstChunkReadAheadGivesTheSameFindings() throws {
        let late = (0..<1_100).map { index in
            let languages = index == 700 ? #", "source_lang": "de", "target_lang": "en""# : ""
            return #"{"id": "u\#(index)", "source": "Die Lage in Kiew ist ruhig, Tag \#(index).", "target": "The situation in Kyiv is zorblatt, day \#(index)."\#(languages)}"#
        }.joined(separator: "\n")
        let paths = [Fixtures.write(Self.xliff(units: 1_500), named: "ahead.xlf"),
                     Fixtures.write(late, named: "ahead-late.jsonl")]
        for path in paths {
            let input = LintSession.Input.bilingual(path: path, standardInputFormat: nil)
            let session = try Self.session(source: "de", jobs: 2)
            var plain: [Finding] = []
            let plainHow = try session.streamedCheck(input) { plain += $0 }
            let readAhead = try #require(LintSession.readBilingualAhead(path: path, documents: nil,
                                                                        configuration: session.configuration))
            var ahead: [Finding] = []
            let aheadHow = try Self.session(source: "de", jobs: 2).streamedCheck(input, readAhead: readAhead) { ahead += $0 }
            #expect(aheadHow == plainHow && aheadHow != nil, "\(path)")
            #expect(ahead == plain, "\(path)")
            #expect(plain.count > 1_000, "\(path)")
            // Taken over: nothing is left to take.
            #expect(readAhead.take() == nil)
        }
        // One thread, standard input, a file at or below `windowBytes` or a per-record run: nothing read ahead.
        var one = try Self.session(source: "de", jobs: 1).configuration
        #expect(LintSession.readBilingualAhead(path: paths[0], documents: nil, configuration: one) == nil)
        one.jobs = 2
        #expect(LintSession.readBilingualAhead(path: "-", documents: nil, configuration: one) == nil)
        #expect(LintSession.readBilingualAhead(path: paths[0], documents: .perRecord, configuration: one) == nil)
        one.windowBytes = 1 << 30
        #expect(LintSession.readBilingualAhead(path: paths[0], documents: nil, configuration: one) == nil)
    }

    /// The chunk read ahead is the one checked: a file replaced once reading started is checked as
    /// it was read (the stream holds the file it opened), so nothing of the file is read twice.
    @Test func firstChunkReadAheadIsWhatIsChecked() throws {
        let path = Fixtures.write(Self.xliff(units: 1_500), named: "ahead-replaced.xlf")
        let session = try Self.session(source: "de", jobs: 2)
        var before: [Finding] = []
        _ = try session.streamedCheck(.bilingual(path: path, standardInputFormat: nil)) { before += $0 }
        let readAhead = try #require(LintSession.readBilingualAhead(path: path, documents: nil,
                                                                    configuration: session.configuration))
        readAhead.finish()
        let replacement = Fixtures.write(Self.news(units: 1_500), named: "ahead-replacement.xlf")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: replacement, toPath: path)
        var ahead: [Finding] = []
        _ = try session.streamedCheck(.bilingual(path: path, standardInputFormat: nil), readAhead: readAhead) { ahead += $0 }
        #expect(ahead == before)
        // Without it, the new file's findings.
        var after: [Finding] = []
        _ = try session.streamedCheck(.bilingual(path: path, standardInputFormat: nil)) { after += $0 }
        #expect(after != before && !after.isEmpty)
    }

    /// An error in the first chunk, met while reading ahead, is thrown where reading the first chunk
    /// throws it, and it is the error of a run without reading ahead.
    @Test func firstChunkReadAheadThrowsTheSameError() throws {
        let units = Self.xliff(units: 3_000)
        let broken = units.replacingOccurrences(of: "day 12.", with: "&city;")
        #expect(broken != units)
        let path = Fixtures.write(broken, named: "ahead-broken.xlf")
        let input = LintSession.Input.bilingual(path: path, standardInputFormat: nil)
        let session = try Self.session(source: "de", jobs: 2)
        let plain = try #require(Self.loadError { _ = try session.streamedCheck(input) { _ in } })
        let readAhead = try #require(LintSession.readBilingualAhead(path: path, documents: nil,
                                                                    configuration: session.configuration))
        var emitted = 0
        let ahead = try #require(Self.loadError { _ = try session.streamedCheck(input, readAhead: readAhead) { emitted += $0.count } })
        #expect(ahead == plain)
        #expect(emitted == 0)
        #expect(plain.line != nil)
    }

    /// A loaded file is cut into chunks of `largeUnits` while more than four are left, then of
    /// `unitsPerChunk`; every unit in one chunk, in order.
    @Test func chunksAreLargeUntilTheEnd() {
        for (count, large) in [(0, 1024), (1, 1024), (700, 1024), (4_096, 1024), (4_097, 1024), (20_000, 1024),
                               (2_500, 512), (3_000, 1), (1_000, 256)] {
            let chunks = Checker.chunks(of: count, largeUnits: large)
            #expect(chunks.first?.lowerBound ?? 0 == 0 && chunks.last?.upperBound ?? 0 == count, "\(count) \(large)")
            #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "\(count) \(large)")
            for chunk in chunks {
                let left = count - chunk.lowerBound
                let size = left > 4 * large ? large : Checker.unitsPerChunk
                #expect(chunk.count == min(size, left), "\(count) \(large) \(chunk)")
            }
        }
        // 16 chunks of 1,024, then 3,616 units in 14 chunks of 256 and one of 32.
        #expect(Checker.chunks(of: 20_000, largeUnits: 1024).map(\.count) == Array(repeating: 1024, count: 16)
            + Array(repeating: 256, count: 14) + [32])
    }

    /// A stream is cut into chunks of `largeUnits` until it has ended, and what is left into chunks
    /// of `unitsPerChunk`: the units are the file's, in order; and the findings, streamed or
    /// loaded and checked in chunks, are those of the file checked whole, whatever the chunks.
    @Test func largeChunksGiveTheWholeFilesFindings() throws {
        let path = Fixtures.write(Self.xliff(units: 2_500), named: "large-chunks.xlf")
        var chunks = UnitChunks(try #require(BilingualFileLoader.unitStream(path: path)), largeUnits: 512)
        var sizes: [Int] = []
        var units: [BilingualUnit] = []
        while let chunk = try chunks.next() {
            sizes.append(chunk.count)
            units += chunk
        }
        // One block of XLIFF holds every unit: the stream ends once 452 are left.
        #expect(sizes == [512, 512, 512, 512, 256, 196])
        let file = try BilingualFileLoader.load(path: path)
        #expect(units == file.units)
        let whole = try Self.session(source: "de", jobs: 1).checker(for: file).check(file)
        #expect(whole.count > 2_000)
        for large in [512, 1_000, 4_096] {
            let session = try Self.session(source: "de", jobs: 2, largeChunkUnits: large)
            var streamed: [Finding] = []
            let how = try session.streamedCheck(.bilingual(path: path, standardInputFormat: nil)) { streamed += $0 }
            #expect(how == .onePass, "\(large)")
            #expect(streamed == whole, "\(large)")
            #expect(try session.checker(for: file).check(file) == whole, "\(large)")
        }
    }
}
