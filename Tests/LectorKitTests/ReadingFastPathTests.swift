import Foundation
import LectorGlossary
import LectorTestSupport
@testable import LectorFormats
@testable import LectorKit
@testable import LectorRules
@testable import LectorText
import Testing

/// The shortcuts of reading a bilingual file and building its documents (capacities counted
/// ahead, byte pre-scans, an array kept instead of copied) give what the plain way gave.
@Suite struct ReadingFastPathTests {
    /// Lines of the seed article (German and English) and strings at the pre-scans' edges.
    static func texts() throws -> [String] {
        var texts = Fixtures.seedLines
        texts += ["", "a\nb", "a\rb", "a\r\nb", "a\u{2028}b", "a\u{2029}b", "€ 5", "– dash", "é", "\n", "x\u{85}y",
                  "Straße\u{2028}", NSString(string: "bridged\nline") as String, NSString(string: "bridged €") as String]
        return texts
    }

    @Test func lineBreakPrecheckIsTheByteScan() throws {
        for text in try Self.texts() {
            let reference = text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0xE2 })
            #expect(SourceDocument.mayHoldLineBreak(text) == reference, "\(text.debugDescription)")
        }
    }

    /// `UTF8Bytes.contains(_:byte:)` (`memchr`), which the line-break and bracket pre-checks
    /// ask once a byte, finds what the byte scan finds, on the seed article's lines and strings
    /// with the bytes at their edges (a bridged string among them, which has no contiguous UTF-8).
    @Test func byteSearchIsTheByteScan() throws {
        let texts = try Self.texts() + ["(", "[", "x (2, 17, 18)", "[3–5]", "(€", "€[", NSString(string: "bridged (1)") as String]
        for text in texts {
            for byte: UInt8 in [0x0A, 0x0D, 0xE2, 0x28, 0x5B] {
                #expect(UTF8Bytes.contains(text, byte: byte) == text.utf8.contains(where: { $0 == byte }), "\(text.debugDescription) \(byte)")
            }
            #expect(NumbersMismatchRule.citationRanges(in: text).isEmpty || text.utf8.contains(where: { $0 == 0x28 || $0 == 0x5B }))
        }
    }

    /// An assembled document is its segments one a line, their own line breaks made spaces.
    @Test func assembledDocumentIsTheSegmentsJoined() throws {
        let texts = try Self.texts()
        let segments: [SegmentText?] = texts.enumerated().map { index, text in
            index % 7 == 3 ? nil : SegmentText(text: text, line: index + 1)
        }
        let document = SourceDocument.assembled(path: "x.xlf", segments: segments)
        let reference = segments.map { segment in
            String(String.UnicodeScalarView((segment?.text ?? "").unicodeScalars.map {
                $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" ? " " : $0
            }))
        }.joined(separator: "\n")
        #expect(document.text == reference)
        #expect(document.lineCount == segments.count)
    }

    /// A `<trans-unit>` nested in another (well-formed XML, against the schema) is read, not
    /// refused: when the outer unit closes, it is read with the inner unit's source and target,
    /// which the builder keeps (moving them out of it at the inner unit's end made the outer one
    /// throw "has no <source>").
    @Test func nestedTransUnitIsReadNotRefused() throws {
        let xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
            <file source-language="de" target-language="en" datatype="plaintext" original="x"><body>
            <trans-unit id="a"><source>x</source><trans-unit id="b"><source>p</source><target>q</target></trans-unit></trans-unit>
            </body></file></xliff>
            """
        let file = try XLIFFReader.read(data: Data(xliff.utf8), name: "nested.xlf")
        #expect(file.units.map(\.id) == ["b", "b"])
        #expect(file.units.map(\.source.text) == ["p", "p"])
        #expect(file.units.map { $0.target?.text } == ["q", "q"])
    }

    /// The units' array is made as large as the document's unit tags say, and they say it exactly
    /// in a plain XLIFF 1.2 or 2 file.
    @Test func xliffUnitCountIsTheUnitTags() throws {
        for name in ["seed-article.de-en.xlf", "seed-article.de-en.xliff"] {
            let path = Fixtures.path("Tests/LectorKitTests/Fixtures/Bilingual/" + name)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let file = try XLIFFReader.read(data: data, name: path)
            #expect(file.units.count > 3)
            #expect(XLIFFBuilder.likelyUnitCount(in: data) == file.units.count, "\(name)")
        }
        // A unit tag split over no bytes, at the very end, or under a prefix.
        let bytes = Array("<trans-unit<trans-unit".utf8)
        #expect(bytes.withUnsafeBytes { UnitCapacity.occurrences(of: "<trans-unit", in: $0) } == 2)
        #expect(Array("<x:trans-unit".utf8).withUnsafeBytes { UnitCapacity.occurrences(of: "<trans-unit", in: $0) } == 0)
        #expect([UInt8]().withUnsafeBytes { UnitCapacity.occurrences(of: "<segment", in: $0) } == 0)
    }

    /// A PO file whose targets are located as they are read gives the units, runs and positions of
    /// the plain read followed by `locatingTargets`: escapes, continued strings, plural forms,
    /// CRLF and CR line ends, a BOM, untranslated and obsolete entries.
    @Test func poTargetsLocatedAsReadAreTheSecondPasss() throws {
        let seed = try String(contentsOfFile: Fixtures.path("Tests/LectorKitTests/Fixtures/Bilingual/seed-article.en.po"), encoding: .utf8)
        let made = """
        msgid ""
        msgstr ""
        "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);\\n"

        #. A note
        msgctxt "menu"
        msgid "Open \\"%s\\"\\tnow"
        msgstr "Öffnen \\"%s\\"\\tjetzt – "
        "weiter\\n"
        "und fertig"

        msgid "One file"
        msgid_plural "%d files"
        msgstr[0] "Ein Datei"
        msgstr[1] "%d Dateien"
        msgstr[2] "%d Dateien ✓"

        msgid "Untranslated"
        msgstr ""

        #~ msgid "Old"
        #~ msgstr "Alt"
        msgid "Kyiv 😀"
          msgstr "Київ 😀"
        """
        for text in [seed, made, made.replacingOccurrences(of: "\n", with: "\r\n"), made.replacingOccurrences(of: "\n", with: "\r"),
                     "\u{FEFF}" + made] {
            let data = Data(text.utf8)
            let plain = try POReader.read(data: data, name: "x.po", mappingTargets: true).locatingTargets(in: [UInt8](data))
            let located = try POReader.read(data: data, name: "x.po", mappingTargets: true, locatingTargets: true)
            #expect(located.units == plain.units)
            let locatedPositions: [[SegmentPosition]] = located.units.map { $0.target?.positions ?? [] }
            let plainPositions: [[SegmentPosition]] = plain.units.map { $0.target?.positions ?? [] }
            #expect(locatedPositions == plainPositions)
            let locatedRuns: [String] = located.units.map { "\($0.target?.verbatimRuns ?? [])" }
            let plainRuns: [String] = plain.units.map { "\($0.target?.verbatimRuns ?? [])" }
            #expect(locatedRuns == plainRuns)
            #expect(located.units.contains { $0.target?.positions.isEmpty == false })
            let count = data.withUnsafeBytes { POReader.translationCount(in: $0.bindMemory(to: UInt8.self)) }
            // Every `msgstr` but the header's and the untranslated one's is a unit; the CR-only file
            // has no line feed to count by.
            if !text.contains("\r") || text.contains("\r\n") { #expect(count >= located.units.count, "\(count)") }
        }
        let seedUnits = try POReader.read(data: Data(seed.utf8), name: "x.po").units.count
        #expect(Data(seed.utf8).withUnsafeBytes { POReader.translationCount(in: $0.bindMemory(to: UInt8.self)) } == seedUnits + 1)
    }

    /// Glossary matches outside links and code are the plain filter's, whether none, some or all
    /// of them are inside one.
    @Test func matchesOutsideLinksAndCodeAreTheFilter() throws {
        let checker = Fixtures.englishChecker
        let inside = [
            "See https://example.org/Kiev and mail kiev@example.org, or /srv/Kiev/file.txt.",
            "The {Kiev} placeholder, %(Kiev)s and <a href=\"/Kiev\">Kiev</a>, then Kiev itself.",
            "Moscow said 40 % Kiev, and % Kiev once more.",
        ]
        let texts = try Self.texts()
        for lines in [texts, inside + texts, texts + inside, inside] {
            let document = SourceDocument(path: "x.txt", text: lines.joined(separator: "\n"))
            let matches = try GlossaryMatcher(index: checker.index).matches(in: document)
            var links = PlainText.LinkFinder()
            var code = EmbeddedCodeFinder(syntaxes: checker.configuration.strings.placeholderSyntaxes)
            let reference = matches.filter {
                !links.overlapsLink($0.range, in: document.utf16) && !code.overlapsCode($0.range, in: document)
            }
            let kept = checker.outsideLinksAndCode(matches, in: document)
            #expect(kept.map(\.range) == reference.map(\.range))
            #expect(kept.map(\.conceptIndex) == reference.map(\.conceptIndex))
            if lines.count == inside.count { #expect(kept.count < matches.count) }
        }
    }

    /// `EmbeddedCodeFinder.mayHaveCode` (sixteen units a step) answers as the unit walk it
    /// replaced, on the seed texts' lines and on texts of 0 to 40 units with each mark (and the
    /// units beside it) at every place, ASCII and beyond.
    @Test func codeStartTestIsTheUnitWalk() throws {
        let marks: [UInt16] = [0x25, 0x7B, 0x24, 0x26, 0x40, 0x3C]
        func reference(_ units: ArraySlice<UInt16>) -> Bool { units.contains(where: marks.contains) }
        var texts = try Self.texts().map { ArraySlice(Array($0.utf16)) }
        for length in 0...40 {
            for place in 0..<max(length, 1) {
                for unit in marks + [0x23, 0x3B, 0x3D, 0x3F, 0x7A, 0x7C, 0x41, 0x125, 0x3C25, 0x2540] {
                    var units = [UInt16](repeating: 0x61, count: length + 2)
                    if place < length { units[place + 1] = unit }
                    if place + 1 < length { units[place + 2] = unit &+ 1 }
                    texts.append(units[1..<(length + 1)])
                }
            }
        }
        var found = 0
        for text in texts {
            if reference(text) { found += 1 }
            #expect(EmbeddedCodeFinder.mayHaveCode(text) == reference(text), "\(Array(text))")
        }
        #expect(found > 1_000)
    }

    /// `PlaceholderScanner.mayHavePlaceholder` tests eight bytes at a time: it answers as the byte
    /// walk for the seed texts, bridged strings, each start byte at every place of texts of 0 to
    /// 40 bytes (bytes one above and below them beside it), and random texts of ASCII and beyond.
    @Test func placeholderStartTestIsTheByteWalk() throws {
        let starts: [UInt8] = [0x25, 0x7B, 0x24, 0x26, 0x40]
        func reference(_ text: String) -> Bool { text.utf8.contains(where: starts.contains) }
        var texts = try Self.texts() + ["40 % Sloviansk", NSString(string: "bridged {0} x") as String, "ÿ\u{100}€¥"]
        for length in 0...40 {
            for place in 0..<max(length, 1) {
                for byte in starts + [0x23, 0x3F, 0x5A, 0x7C, 0x41, 0x27, 0x65] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    if place < length { bytes[place] = byte }
                    if place + 1 < length { bytes[place + 1] = byte &+ 1 }
                    texts.append(String(decoding: bytes, as: Unicode.UTF8.self))
                }
            }
        }
        var generator = SeededGenerator(seed: 0x5261)
        let alphabet = Array("ab %{$&@#?Zäé€𝟘\u{0}\u{7F}")
        for _ in 0..<20_000 {
            texts.append(generator.text(from: alphabet, maxLength: 30))
        }
        var found = 0
        for text in texts {
            let expected = reference(text)
            #expect(PlaceholderScanner.mayHavePlaceholder(text) == expected, "\(text.debugDescription)")
            if expected { found += 1 }
        }
        #expect(found > 1_000 && found < texts.count - 1_000)
    }

    /// A printf placeholder with the space flag is told by a byte test; Foundation's `contains`
    /// (canonical equivalence) said the same for every printf placeholder.
    @Test func printfSpaceTestIsFoundations() throws {
        let scanner = PlaceholderScanner()
        var printf = 0
        for text in try Self.texts() + ["40 % Sloviansk", "% d of %s", "%-5d and % 5.2f", "%1$s %2$ d", "%#@files@", "%|x|", "%% 1"] {
            for placeholder in scanner.placeholders(in: text) where placeholder.syntax == .printf {
                printf += 1
                #expect(UTF8Bytes.contains(placeholder.text, byte: 0x20) == placeholder.text.contains(" "), "\(placeholder.text)")
            }
        }
        #expect(printf >= 5)
    }

    /// `FileLineIndex` answers as a walk byte by byte does: LF, CRLF and CR line ends, multibyte
    /// scalars, a BOM, offsets asked in order, repeated, backwards, and within a part of a file.
    @Test func fileLineIndexIsTheByteWalk() {
        func reference(_ bytes: [UInt8], _ offset: Int, bom: Int) -> (Int, Int) {
            var line = 1, column = 1
            var index = bom
            while index < min(offset, bytes.count) {
                let value = bytes[index]
                if value == 0x0A || (value == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                    line += 1
                    column = 1
                } else if value & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            return (line, column)
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Kyiv ", "\n", "\r\n", "\r", "é", "€", "😀", "<t>", "                "]
        // Half the files have LF line ends only, the walk's fast case.
        let lineFeedOnly = pieces.filter { !$0.utf8.contains(0x0D) }
        for round in 0..<60 {
            var text = round % 5 == 0 ? "\u{FEFF}" : ""
            for _ in 0..<Int.random(in: 0..<400, using: &generator) {
                text += (round % 2 == 0 ? lineFeedOnly : pieces).randomElement(using: &generator)!
            }
            let bytes = Array(text.utf8)
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var offsets = (0..<30).map { _ in Int.random(in: 0...(bytes.count + 2), using: &generator) }
            if round % 2 == 0 { offsets.sort() }
            var index = FileLineIndex(bytes: bytes)
            for offset in offsets {
                let place = index.position(ofByte: offset)
                let expected = reference(bytes, max(offset, bom), bom: bom)
                #expect(place.line == expected.0 && place.column == expected.1, "\(text.debugDescription) at \(offset)")
            }
            // A part of the file from a line break on: lines and columns carry on from where it starts.
            guard let cut = bytes.firstIndex(of: 0x0A), cut > bom else { continue }
            let before = reference(bytes, cut + 1, bom: bom)
            var part = FileLineIndex(bytes: Array(bytes[(cut + 1)...]), line: before.0, column: before.1, byteOffset: cut + 1)
            for offset in offsets.sorted() where offset > cut {
                let place = part.position(ofByte: offset)
                let expected = reference(bytes, offset, bom: bom)
                #expect(place.line == expected.0 && place.column == expected.1, "part of \(text.debugDescription) at \(offset)")
            }
        }
    }

    /// A start tag's attributes are looked up by qualified name as a dictionary of them was.
    @Test func attributesByQualifiedName() throws {
        let data = Data(#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:x="urn:x"><file source-language="de" target-language="en" x:id="7"><body><trans-unit id="a" translate="yes" size-unit="char" maxwidth="12"><source xml:lang="de">Kiew</source><target>Kyiv</target></trans-unit><trans-unit id="b" translate="no"><source>x</source></trans-unit></body></file></xliff>"#.utf8)
        let file = try XLIFFReader.read(data: data, name: "a.xlf")
        #expect(file.sourceLanguage == "de" && file.targetLanguage == "en")
        #expect(file.units.map(\.id) == ["a"])
        #expect(file.units.first?.details.maxLength == 12)
    }

    /// A target's anchors (`locatePositions`) are those of the walk unit by unit, for ASCII text
    /// (measured by its length) as for any other: runs in a file of several lines, escapes between
    /// them, and runs longer than the anchor stride.
    @Test func asciiTargetsAreLocatedAsUnitByUnit() {
        func reference(_ text: String, _ runs: [VerbatimRun], _ bytes: [UInt8]) -> [SegmentPosition] {
            var index = FileLineIndex(bytes: bytes)
            let units = Array(text.utf16)
            var anchors: [SegmentPosition] = []
            func add(_ offset: Int, _ byte: Int) {
                if let last = anchors.last, last.utf16Offset == offset, last.byteOffset == byte { return }
                let place = index.position(ofByte: byte)
                anchors.append(SegmentPosition(utf16Offset: offset, line: place.line, column: place.column, byteOffset: byte))
            }
            var previousEnd: (unit: Int, byte: Int)?
            for run in runs.sorted(by: { ($0.text.lowerBound, $0.text.upperBound) < ($1.text.lowerBound, $1.text.upperBound) }) {
                if let end = previousEnd, end.unit < run.text.lowerBound || end.byte != run.byteOffset { add(end.unit, end.byte) }
                add(run.text.lowerBound, run.byteOffset)
                var byte = run.byteOffset
                var since = 0
                for position in run.text {
                    if since >= SegmentText.anchorStride, units[position] & 0xFC00 != 0xDC00 {
                        add(position, byte)
                        since = 0
                    }
                    byte += SourceDocument.utf8Length(of: units[position])
                    since += 1
                }
                previousEnd = (run.text.upperBound, byte)
            }
            if let end = previousEnd { add(end.unit, end.byte) }
            return anchors
        }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let alphabet = round % 2 == 0 ? ["Kyiv ", "x", ". ", "aid"] : ["Kyjiw ", "ü", "€", "😀", "x"]
            // The file: a line of markup, then the target's pieces, each written plainly or as `&amp;`.
            var bytes = Array("<xliff>\n  <target>".utf8)
            var text = ""
            var runs: [VerbatimRun] = []
            for _ in 0..<Int.random(in: 1..<8, using: &generator) {
                var piece = ""
                for _ in 0..<Int.random(in: 0..<(round % 5 == 0 ? 900 : 40), using: &generator) {
                    piece += alphabet.randomElement(using: &generator)!
                }
                let start = text.utf16.count
                text += piece
                if !piece.isEmpty {
                    runs.append(VerbatimRun(text: start..<text.utf16.count, byteOffset: bytes.count, escaping: .xmlText))
                }
                bytes += Array(piece.utf8)
                runs.append(.anchor(at: text.utf16.count, byteOffset: bytes.count))
                text += "&"
                bytes += Array("&amp;".utf8)
                if Bool.random(using: &generator) { bytes += [0x0A] }
            }
            var segment = SegmentText(text: text, line: 2)
            segment.verbatimRuns = runs
            var index = FileLineIndex(bytes: bytes)
            segment.locatePositions(in: &index)
            #expect(segment.positions == reference(text, runs, bytes), "round \(round)")
            #expect(!segment.positions.isEmpty)
        }
    }

    /// JSON Lines read from bytes give what reading the file's `SourceDocument` line by line
    /// gives: units, lines, located targets and languages, with LF, CRLF and CR line ends, blank
    /// lines, a BOM, no final line break, and records the byte scanner leaves to `JSONSerialization`.
    @Test func jsonLinesCutOnBytesAsTheDocumentCutsThem() throws {
        var generator = SystemRandomNumberGenerator()
        let records = [#"{"id": "a", "source": "Kiew", "target": "Kyiv", "source_lang": "de", "target_lang": "en"}"#,
                       #"{"source": "Straße €", "target": "street \u00e9 \"q\" 😀"}"#, #"{"source": "x", "target": null, "id": 7}"#,
                       #"{"source": "a\nb", "target": "c\r\nd", "extra": [1, {"k": 2}]}"#, "", "   ", #"{"source":"s","target":"t"}"#]
        let ends = ["\n", "\r\n", "\r", "\n\n", "\r\r\n"]
        for round in 0..<80 {
            var text = round % 4 == 0 ? "\u{FEFF}" : ""
            for index in 0..<Int.random(in: 0..<12, using: &generator) {
                if index > 0 { text += ends.randomElement(using: &generator)! }
                text += records.randomElement(using: &generator)!
            }
            if Bool.random(using: &generator) { text += ends.randomElement(using: &generator)! }
            let data = Data(text.utf8)
            let bytes = try JSONLinesReader.read(data: data, name: "r.jsonl", mappingTargets: true)
            let document = try JSONLinesReader.read(SourceDocument.decode(data, path: "r.jsonl"), mappingTargets: true)
            #expect(bytes.units == document.units, "\(text.debugDescription)")
            #expect(bytes.units.map { $0.target?.positions } == document.units.map { $0.target?.positions })
            let runs = { (file: BilingualFile) in file.units.map { $0.target?.verbatimRuns?.map { "\($0.text) \($0.byteOffset)" } } }
            #expect(runs(bytes) == runs(document))
            #expect(bytes.sourceLanguage == document.sourceLanguage && bytes.targetLanguage == document.targetLanguage)
        }
        // Errors name the same line: a bad record, and bytes that are not UTF-8.
        for bad in [Data("{\"source\": \"a\"}\r\n\r{\"source\": 1}\n".utf8), Data("{\"source\": \"a\"}\n\n".utf8) + Data([0xFF, 0x0A])] {
            var fromBytes: InputError?
            var fromDocument: InputError?
            do { _ = try JSONLinesReader.read(data: bad, name: "r.jsonl", mappingTargets: true) } catch { fromBytes = error }
            do { _ = try JSONLinesReader.read(SourceDocument.decode(bad, path: "r.jsonl"), mappingTargets: true) } catch { fromDocument = error }
            #expect(fromBytes != nil)
            #expect(fromBytes?.description == fromDocument?.description)
        }
    }
}

/// The readers' byte-level helpers answer as the standard library and `Data` do.
@Suite struct ReaderByteHelperTests {
    /// `UTF8Bytes.isValid` accepts and refuses exactly what `String(validating:)` does, with
    /// ASCII runs of every length around the pieces, so that its eight-byte steps start and end
    /// everywhere in a sequence.
    @Test func utf8ValidationIsTheStandardLibrarys() {
        var generator = SeededGenerator(seed: 29)
        var valid = 0
        for _ in 0..<30_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                bytes += Array(repeating: UInt8(ascii: "a"), count: Int.random(in: 0...17, using: &generator))
                bytes += XMLSegmentLocatorUTF8Tests.pieces.randomElement(using: &generator)!
            }
            bytes += Array(repeating: UInt8(ascii: "z"), count: Int.random(in: 0...9, using: &generator))
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            #expect(bytes.withUnsafeBufferPointer { UTF8Bytes.isValid($0) } == expected, "\(bytes)")
            #expect(UTF8Bytes.isValid(bytes[...]) == expected, "\(bytes)")
        }
        #expect(valid > 2_000 && valid < 28_000)
        // Every scalar's own encoding is valid, and cut short it is not.
        for value in stride(from: 0, through: 0x10FFFF, by: 7) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let encoded = Array(String(scalar).utf8)
            #expect(UTF8Bytes.isValid(encoded[...]))
            if encoded.count > 1 { #expect(!UTF8Bytes.isValid(encoded.dropLast())) }
        }
    }

    /// `FileBytes.bytes` reads what `FileBytes.read` reads, from a regular file (empty, small,
    /// larger than a first guess of a pipe) and from a pipe, and fails the same way.
    @Test func fileBytesAreTheDatasBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lector-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SeededGenerator(seed: 3)
        for size in [0, 1, 4095, 65_536, 200_003] {
            let path = folder.appendingPathComponent("f\(size)").path
            let content = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try Data(content).write(to: URL(fileURLWithPath: path))
            #expect(try FileBytes.bytes(path: path) == content)
            #expect(try FileBytes.bytes(path: path) == [UInt8](FileBytes.read(path: path)))
        }
        // A pipe has no size: the array grows past its first 64 KiB.
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let content = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)!
            handle.write(Data(content))
            try? handle.close()
        }
        writer.start()
        #expect(try FileBytes.bytes(path: fifo) == content)
        for path in [folder.appendingPathComponent("missing").path, folder.path] {
            var fromArray: InputError?
            var fromData: InputError?
            do { _ = try FileBytes.bytes(path: path) } catch { fromArray = error }
            do { _ = try FileBytes.read(path: path) } catch { fromData = error }
            #expect(fromArray != nil)
            #expect(fromArray?.description == fromData?.description)
        }
    }

    /// A PO entry's key and its `#,` flags read on bytes are what the `String` ways made.
    @Test func poKeyAndFlagsAreTheStringWays() {
        let texts = ["", "menu", "Öffnen", "a\u{4}b", "😀 x", "ctx with spaces"]
        for context in texts {
            for id in texts {
                #expect(POEntries.reference(context: context, id: id) == context + "\u{4}" + id)
                #expect(POEntries.reference(context: context, id: id).utf8.elementsEqual((context + "\u{4}" + id).utf8))
            }
        }
        let lines = [" c-format", " fuzzy, c-format", " no-c-format", " c-format, no-python-format", "python-format ,fuzzy",
                     " fuzzy", "", ",", " ,, c-format,,", "\tqt-format\t", " -format", " no-", " c-format, python-format",
                     " fuzzy, range: 0..10", "x-format\u{0B}", "format"]
        for line in lines {
            var fromString = POEntries(file: "x.po")
            fromString.readFlags(line)
            var fromBytes = POEntries(file: "x.po")
            Array(line.utf8).withUnsafeBufferPointer { fromBytes.readFlags($0) }
            #expect(fromBytes.entry.formatFlag == fromString.entry.formatFlag, "\(line.debugDescription)")
        }
    }
}
