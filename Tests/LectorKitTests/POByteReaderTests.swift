import Foundation
@testable import LectorFormats
import LectorText
import LectorTestSupport
import Testing

/// `POReader` reads the file's bytes; before, it read each line of a `SourceDocument` as a `String`
/// and its scalars. `ScalarPOParser` below is that reader, kept to check that the bytes give the
/// same units, notes, places, verbatim runs and errors.
@Suite struct POByteReaderTests {
    /// What the reader made before it read bytes.
    static func scalarRead(_ data: Data, name: String, mappingTargets: Bool) throws(InputError) -> BilingualFile {
        let document = try SourceDocument.decode(data, path: name)
        var parser = ScalarPOParser(file: document.path)
        for line in 1...document.lineCount {
            try parser.read(document.lineText(line), line: line,
                            byteOffset: mappingTargets ? document.lineByteStarts[line - 1] : nil)
        }
        try parser.entries.finish()
        return parser.entries.bilingualFile(format: "po")
    }

    /// Both readers' answers: the file (every field compared, texts by their bytes) or the error.
    static func expectSame(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        for mapping in [false, true] {
            let old = Result { () throws(InputError) in try scalarRead(data, name: "x.po", mappingTargets: mapping) }
            let new = Result { () throws(InputError) in try POReader.read(data: data, name: "x.po", mappingTargets: mapping) }
            let text = String(decoding: data, as: UTF8.self).debugDescription
            switch (old, new) {
            case let (.failure(a), .failure(b)):
                #expect(a == b, "\(text)", sourceLocation: sourceLocation)
            case let (.success(a), .success(b)):
                #expect(describe(a) == describe(b), "\(text)", sourceLocation: sourceLocation)
            default:
                #expect(Bool(false), "\(old) against \(new) for \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Every field of the file that a reader sets, texts as their UTF-8 bytes (`==` on `String`
    /// compares canonical equivalents equal).
    static func describe(_ file: BilingualFile) -> String {
        func segment(_ segment: SegmentText?) -> String {
            guard let segment else { return "nil" }
            // The reference reader predates escape anchors (`VerbatimRun.anchor`, tested apart): text runs only.
            let runs = segment.verbatimRuns.map { $0.filter { !$0.text.isEmpty }.map { "\($0.text)@\($0.byteOffset)/\($0.escaping)" } }
            return "\(Array(segment.text.utf8)) \(segment.inlineCodes) \(segment.line):\(segment.column.map(String.init) ?? "-") \(runs.map { "\($0)" } ?? "-")"
        }
        var lines = ["\(file.path) \(file.sourceLanguage ?? "-") \(file.targetLanguage ?? "-") \(file.pluralFormCount.map(String.init) ?? "-")"]
        for unit in file.units {
            lines.append([unit.id.map { "\(Array($0.utf8))" } ?? "nil", segment(unit.source), segment(unit.target),
                          "\(unit.notes.map { Array($0.utf8) })", "\(unit.details)", "\(unit.reference.map { Array($0.utf8) } ?? [])"]
                .joined(separator: " | "))
        }
        return lines.joined(separator: "\n")
    }
}

/// `POParser` as it was before it read bytes: line by line on `String`s and their scalars. The
/// entries are assembled by `POEntries`, as in `POReader`: only the reading of lines changed.
private struct ScalarPOParser {
    typealias POString = POEntries.POString

    let file: String
    /// The entries, as `POReader` assembles them (unchanged by the reading of bytes).
    var entries: POEntries

    init(file: String) {
        self.file = file
        entries = POEntries(file: file)
    }

    private func error(_ line: Int, _ message: String) -> InputError {
        InputError(file: file, line: line, message: message)
    }

    /// Reads one line; `byteOffset` is where it starts in the file, when targets are mapped.
    mutating func read(_ text: String, line: Int, byteOffset: Int? = nil) throws(InputError) {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        guard start < scalars.count else {
            try entries.flush()
            return
        }
        switch scalars[start] {
        case "#":
            try readComment(scalars[(start + 1)...], line: line)
        case "\"":
            guard let field = entries.field else { throw error(line, "a string without msgid, msgstr or msgctxt before it") }
            let string = try Self.parseString(scalars, from: start, line: line, file: file, byteOffset: byteOffset)
            entries.append(string, to: field)
        default:
            try readKeyword(scalars, from: start, line: line, byteOffset: byteOffset)
        }
    }

    private mutating func readComment(_ rest: ArraySlice<Unicode.Scalar>, line: Int) throws(InputError) {
        let marker = rest.first
        if marker == "~" {
            // An obsolete entry: it ends the current one, and the comments gathered so far belong to it.
            if entries.entry.hasKeywords { try entries.flush() }
            entries.entry = POEntries.Entry()
            entries.field = nil
            return
        }
        if !entries.entry.translations.isEmpty { try entries.flush() }
        switch marker {
        case ",":
            entries.readFlags(String(String.UnicodeScalarView(rest.dropFirst())))
        case ":", "|":
            return
        case ".":
            entries.addNote(String(String.UnicodeScalarView(rest.dropFirst())), kind: ".")
        default:
            entries.addNote(String(String.UnicodeScalarView(rest)), kind: " ")
        }
    }

    private mutating func readKeyword(_ scalars: [Unicode.Scalar], from start: Int, line: Int,
                                      byteOffset: Int?) throws(InputError) {
        var end = start
        while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end] != "\"" { end += 1 }
        let keyword = String(String.UnicodeScalarView(scalars[start..<end]))
        var quote = end
        while quote < scalars.count, scalars[quote] == " " || scalars[quote] == "\t" { quote += 1 }
        guard quote < scalars.count, scalars[quote] == "\"" else {
            if ["msgctxt", "msgid", "msgid_plural", "msgstr"].contains(keyword) || keyword.hasPrefix("msgstr[") {
                throw error(line, "\(keyword) without a string")
            }
            throw error(line, "unexpected “\(keyword)”; expected msgctxt, msgid, msgstr or a comment")
        }
        let string = try Self.parseString(scalars, from: quote, line: line, file: file, byteOffset: byteOffset)
        switch keyword {
        case "msgctxt":
            if !entries.entry.translations.isEmpty { try entries.flush() }
            if let id = entries.entry.id { throw error(id.line, "msgid without msgstr") }
            guard entries.entry.context == nil else { throw error(line, "a second msgctxt in one entry") }
            entries.entry.context = string
            entries.field = .context
        case "msgid":
            if !entries.entry.translations.isEmpty { try entries.flush() }
            if let id = entries.entry.id { throw error(id.line, "msgid without msgstr") }
            entries.entry.id = string
            entries.field = .id
        case "msgid_plural":
            guard entries.entry.id != nil, entries.entry.translations.isEmpty else { throw error(line, "msgid_plural without msgid") }
            guard entries.entry.plural == nil else { throw error(line, "a second msgid_plural in one entry") }
            entries.entry.plural = string
            entries.field = .plural
        default:
            let index: Int
            if keyword == "msgstr" {
                index = 0
            } else if keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
                      let number = Int(keyword.dropFirst("msgstr[".count).dropLast()), number >= 0 {
                index = number
            } else {
                throw error(line, "unexpected “\(keyword)”; expected msgctxt, msgid, msgstr or a comment")
            }
            guard entries.entry.id != nil else { throw error(line, "\(keyword) without msgid") }
            guard entries.entry.translations[index] == nil else { throw error(line, "a second \(keyword) in one entry") }
            entries.entry.translations[index] = string
            entries.field = .translation(index)
        }
    }

    /// Parses the quoted string starting at `scalars[quote]`; only white space may follow it.
    /// With `byteOffset` (where the line starts in the file), the string's verbatim runs are kept.
    static func parseString(_ scalars: [Unicode.Scalar], from quote: Int, line: Int,
                            file: String, byteOffset: Int? = nil) throws(InputError) -> POString {
        var text = String.UnicodeScalarView()
        var index = quote + 1
        var runs: [VerbatimRun] = []
        var units = 0
        var byte = byteOffset.map { start in scalars[...quote].reduce(start) { $0 + $1.utf8.count } } ?? 0
        var runStart: (unit: Int, byte: Int)?
        func closeRun() {
            if let start = runStart, units > start.unit, byteOffset != nil {
                runs.append(VerbatimRun(text: start.unit..<units, byteOffset: start.byte, escaping: .cString))
            }
            runStart = nil
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                closeRun()
                let rest = scalars[(index + 1)...]
                guard rest.allSatisfy({ $0.properties.isWhitespace }) else {
                    throw InputError(file: file, line: line, message: "unexpected text after the closing quote")
                }
                return POString(text: String(text), line: line, column: quote + 2, runs: runs)
            }
            if scalar == "\\" {
                closeRun()
                guard index + 1 < scalars.count else { break }
                let escaped: Unicode.Scalar
                switch scalars[index + 1] {
                case "n": escaped = "\n"
                case "t": escaped = "\t"
                case "r": escaped = "\r"
                case "\"": escaped = "\""
                case "\\": escaped = "\\"
                case "'": escaped = "'"
                case "?": escaped = "?"
                case "a": escaped = "\u{07}"
                case "b": escaped = "\u{08}"
                case "f": escaped = "\u{0C}"
                case "v": escaped = "\u{0B}"
                case let other:
                    throw InputError(file: file, line: line, message: "unknown escape \\\(Character(other)) in a string")
                }
                text.append(escaped)
                units += escaped.utf16.count
                byte += 2
                index += 2
                continue
            }
            if runStart == nil { runStart = (units, byte) }
            text.append(scalar)
            units += scalar.utf16.count
            byte += scalar.utf8.count
            index += 1
        }
        throw InputError(file: file, line: line, message: "unterminated string (no closing quote)")
    }
}

// MARK: - Edge cases, and the two readers side by side

extension POByteReaderTests {
    static func read(_ po: String, mapping: Bool = true) throws -> BilingualFile {
        try POReader.read(data: Data(po.utf8), name: "x.po", mappingTargets: mapping)
    }

    /// The file offset of the first occurrence of `text` in `po`.
    static func offset(of text: String, in po: String) -> Int {
        let bytes = Array(po.utf8), wanted = Array(text.utf8)
        return (0...(bytes.count - wanted.count)).first { bytes[$0..<($0 + wanted.count)].elementsEqual(wanted) }!
    }

    static func expectError(_ po: some DataProtocol, line: Int, _ message: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: InputError(file: "x.po", line: line, message: message), sourceLocation: sourceLocation) {
            try POReader.read(data: Data(po), name: "x.po", mappingTargets: true)
        }
        expectSame(Data(po), sourceLocation: sourceLocation)
    }

    @Test func crlfLoneCRAndABOMNumberLinesAndBytesAsBefore() throws {
        let po = "\u{FEFF}msgid \"\"\r\nmsgstr \"Language: de\\n\"\r\n\r\n# note\r\nmsgctxt \"k\"\rmsgid \"Kiew\"\r\nmsgstr \"Kyjiw\"\r\n"
        let file = try Self.read(po)
        #expect(file.targetLanguage == "de")
        #expect(file.units == [BilingualUnit(id: "k", source: SegmentText(text: "Kiew", line: 6, column: 8),
                                             target: SegmentText(text: "Kyjiw", line: 7, column: 9),
                                             notes: ["note"], reference: "k\u{4}Kiew")])
        let run = try #require(file.units.first?.target?.verbatimRuns?.first)
        #expect(run.text == 0..<5 && run.byteOffset == Self.offset(of: "Kyjiw", in: po))  // the BOM's 3 bytes counted
        Self.expectSame(Data(po.utf8))
        // Without a line break at the end, and with one blank line of "\r" alone.
        Self.expectSame(Data("msgid \"a\"\rmsgstr \"b\"\r\rmsgid \"c\"\nmsgstr \"d\"".utf8))
    }

    @Test func escapesAreReadAndEndVerbatimRuns() throws {
        let po = #"msgid "Tab\tEnd""# + "\n" + #"msgstr "a\n\t\"\\\'\?\a\b\f\v\rz ÿ😀x""# + "\n"
        let unit = try #require(Self.read(po).units.first)
        #expect(unit.source.text == "Tab\tEnd")
        #expect(unit.target?.text == "a\n\t\"\\'?\u{07}\u{08}\u{0C}\u{0B}\rz ÿ😀x")
        let start = Self.offset(of: #"a\n"#, in: po)
        let all = try #require(unit.target?.verbatimRuns)
        let runs = all.filter { !$0.text.isEmpty }
        // "a", then after the eleven escapes "z ÿ😀x": its UTF-16 length 6, its bytes from the file.
        #expect(runs.map(\.text) == [0..<1, 12..<18])
        #expect(runs.map(\.byteOffset) == [start, start + 1 + 22])
        // An empty anchor where each escape starts, two bytes apart.
        let anchors = all.filter(\.text.isEmpty)
        #expect(anchors.map(\.text.lowerBound) == Array(1...11))
        #expect(anchors.map(\.byteOffset) == (0..<11).map { start + 1 + 2 * $0 })
        Self.expectSame(Data(po.utf8))
    }

    /// GNU gettext reads `\101` and `\x41` as bytes (`msgfmt` accepts them); a byte of a UTF-8
    /// sequence counts in the text's length at its lead byte.
    @Test func octalAndHexEscapesAreBytesAsInGettext() throws {
        let po = #"msgid "K""# + "\n" + #"msgstr "\113iev \x4B\x69ev caf\303\251 Kiev""# + "\n"
        let unit = try #require(Self.read(po).units.first)
        #expect(unit.target?.text == "Kiev Kiev café Kiev")
        let runs = try #require(unit.target?.verbatimRuns).filter { !$0.text.isEmpty }
        // "iev ", "ev caf", " Kiev": the escaped letters are no run of their own.
        #expect(runs.map(\.text) == [1..<5, 7..<13, 14..<19])
        #expect(runs.last?.byteOffset == Self.offset(of: " Kiev", in: po))
        func error(_ string: String) -> InputError? {
            do { _ = try Self.read("msgid \"a\"\nmsgstr \"\(string)\"\n") } catch let error as InputError { return error } catch { return nil }
            return nil
        }
        #expect(error(#"\777"#)?.message == "octal escape above \\377 in a string")
        #expect(error(#"\xg"#)?.message == "\\x without hexadecimal digits in a string")
    }

    @Test func unknownEscapesAndUnterminatedStringsAreErrors() {
        Self.expectError(Data("msgid \"\\é\"\n".utf8), line: 1, "unknown escape \\é in a string")
        Self.expectError(Data("msgid \"a\\\"\nmsgstr \"\"\n".utf8), line: 1, "unterminated string (no closing quote)")
        Self.expectError(Data("msgid \"a\\".utf8), line: 1, "unterminated string (no closing quote)")
    }

    @Test func multiLineStringsJoinTheirParts() throws {
        let po = "msgctxt \"\"\n  \"k1\"\nmsgid \"\"\n\"Teil eins, \"\n\t\"Teil zwei\"\nmsgstr \"Part \\\"one\\\", \"\n\"part two\"  \n"
        let unit = try #require(Self.read(po).units.first)
        #expect(unit.id == "k1")
        #expect(unit.source == SegmentText(text: "Teil eins, Teil zwei", line: 3, column: 8))
        #expect(unit.target == SegmentText(text: "Part \"one\", part two", line: 6, column: 9))
        let runs = try #require(unit.target?.verbatimRuns).filter { !$0.text.isEmpty }
        #expect(runs.map(\.text) == [0..<5, 6..<9, 10..<12, 12..<20])
        #expect(runs.last?.byteOffset == Self.offset(of: "part two", in: po))
        Self.expectSame(Data(po.utf8))
    }

    @Test func pluralFormsAreUnitsAndEmptyFormsAreNot() throws {
        let po = """
            msgid ""
            msgstr ""
            "Language: ru\\n"
            "Plural-Forms: nplurals=3; plural=(n%10==1 ? 0 : 1);\\n"

            msgctxt "d"
            msgid "%d delegation"
            msgid_plural "%d delegations"
            msgstr[0] "%d делегация"
            msgstr[2] ""
            msgstr[1] "%d делегации"

            """
        let file = try Self.read(po)
        #expect(file.pluralFormCount == 3)
        #expect(file.units.map(\.id) == ["d", "d[1]"])
        #expect(file.units.map(\.source.text) == ["%d delegation", "%d delegations"])
        #expect(file.units.map { $0.target?.text } == ["%d делегация", "%d делегации"])
        #expect(file.units[0].details.targetPlurals == ["%d делегация", "%d делегации", ""])
        #expect(file.units[1].details.pluralForm == 1 && file.units[1].target?.line == 11 && file.units[1].target?.column == 12)
        Self.expectSame(Data(po.utf8))
        Self.expectError(Data(po.replacingOccurrences(of: "msgstr[2]", with: "msgstr[1]").utf8), line: 11, "a second msgstr[1] in one entry")
        Self.expectError(Data(po.replacingOccurrences(of: "msgstr[2]", with: "msgstr[x]").utf8), line: 10,
                         "unexpected “msgstr[x]”; expected msgctxt, msgid, msgstr or a comment")
        Self.expectError(Data(po.replacingOccurrences(of: "msgid_plural", with: "msgid_plural \"a\"\nmsgid_plural").utf8), line: 9,
                         "a second msgid_plural in one entry")
        // `Int` reads a sign: `msgstr[+1]` is form 1, as it was.
        Self.expectSame(Data(po.replacingOccurrences(of: "msgstr[1]", with: "msgstr[+1]").utf8))
    }

    @Test func fuzzyAndObsoleteEntriesAndNotes() throws {
        let po = """
            # Translator's note,
            #  on two lines.
            #. Extracted.
            #: src/a.c:12
            #, fuzzy, c-format
            #| msgid "Old"
            msgid "Kiew"
            msgstr "Kiev"

            #~ msgid "Gone"
            #~ msgstr "Weg"
            # Another note.
            msgid "Lwiw"
            msgstr ""
            #~ msgid "Also gone"
            msgid "Odessa"
            msgstr "Odesa"
            """
        let file = try Self.read(po)
        #expect(file.units.map(\.source.text) == ["Kiew", "Lwiw", "Odessa"])
        #expect(file.units[0].notes == ["Translator's note,\n on two lines.", "Extracted."])
        #expect(file.units[0].target?.text == "Kiev")  // fuzzy, still read
        #expect(file.units[1].notes == ["Another note."] && file.units[1].target == nil)  // empty msgstr
        #expect(file.units[2].notes.isEmpty && file.units[2].source.line == 16)
        Self.expectSame(Data(po.utf8))
    }

    @Test func invalidUTF8IsTheSameErrorAtTheSameLine() {
        var bytes = Array("\u{FEFF}msgid \"\"\nmsgstr \"\"\n# ".utf8)
        bytes += [0xFF, 0x0A]
        Self.expectError(bytes, line: 3, "the file is not valid UTF-8")
        Self.expectError(Array("msgid \"a\"\r\nmsgstr \"".utf8) + [0xE2, 0x82, 0x22, 0x0A], line: 2, "the file is not valid UTF-8")
        Self.expectError([0xEF, 0xBB], line: 1, "the file is not valid UTF-8")
    }

    @Test func malformedLinesAreTheSameErrors() {
        Self.expectError(Data("msgid\n".utf8), line: 1, "msgid without a string")
        Self.expectError(Data("msgid \"a\"\nmsgstr[1\n".utf8), line: 2, "msgstr[1 without a string")
        Self.expectError(Data("msgïd \"a\"\n".utf8), line: 1, "unexpected “msgïd”; expected msgctxt, msgid, msgstr or a comment")
        Self.expectError(Data("msgid \"a\" x\n".utf8), line: 1, "unexpected text after the closing quote")
        Self.expectError(Data("msgid\u{00A0}\"a\"\n".utf8), line: 1, "msgid without a string")  // U+00A0 ends the keyword
        Self.expectError(Data("msgid \"a\"\nmsgstr[😀\n".utf8), line: 2, "msgstr[😀 without a string")
        Self.expectError(Data("msgid \"a\"\nmsgstr[\u{2003}\"b\"\n".utf8), line: 2, "msgstr[ without a string")
        Self.expectError(Data("\"a\"\n".utf8), line: 1, "a string without msgid, msgstr or msgctxt before it")
        Self.expectError(Data("msgctxt \"a\"\n\n".utf8), line: 1, "msgctxt without msgid")
        Self.expectError(Data("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[1] \"c\"\n".utf8), line: 1, "plural entry without msgstr[0]")
        // White space that is not ASCII may follow the closing quote, as before.
        Self.expectSame(Data("msgid \"a\"\u{00A0}\u{3000}\nmsgstr \"b\"\u{2028}\n".utf8))
    }

    /// Random files built of PO's pieces and pieces that break it, read by both readers.
    @Test func randomFilesReadAsBefore() {
        var generator = SeededGenerator(seed: 1401)
        let starts = ["msgid ", "msgstr ", "msgctxt ", "msgid_plural ", "msgstr[0] ", "msgstr[1] ", "msgstr[2]", "msgstr[+1] ",
                      "msgstr[x] ", "msgïd ", "msgid\t", "  ", "\t", "", "#", "# ", "#.", "#. ", "#,", "#, fuzzy", "#~ ", "#:", "#|",
                      "msgstr[", "msgid\u{00A0}", "x "]
        // `\q` is an unknown escape. Not `\x` or `\1`: they are bytes now, which the reference
        // reader above does not read (`octalAndHexEscapesAreBytesAsInGettext`).
        let pieces = ["a", "Kiew", "é", "e\u{301}", "😀", "\u{00A0}", " ", "\t", "\\n", "\\t", "\\\"", "\\\\", "\\q", "\\", "\"",
                      "%s", "{0}", "Language: uk\\n", "X-Source-Language: de\\n", "nplurals=2;"]
        let breaks = ["\n", "\n", "\n", "\r\n", "\r", "\n\n"]
        for _ in 0..<3000 {
            var po = Bool.random(using: &generator) ? "msgid \"\"\nmsgstr \"Language: en\\n\"\n\n" : ""
            if Int.random(in: 0..<10, using: &generator) == 0 { po = "\u{FEFF}" + po }
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                var line = starts.randomElement(using: &generator)!
                if Int.random(in: 0..<5, using: &generator) > 0 { line += "\"" }
                for _ in 0..<Int.random(in: 0...4, using: &generator) { line += pieces.randomElement(using: &generator)! }
                if Int.random(in: 0..<5, using: &generator) > 0 { line += "\"" }
                if Int.random(in: 0..<8, using: &generator) == 0 { line += pieces.randomElement(using: &generator)! }
                po += line + breaks.randomElement(using: &generator)!
            }
            Self.expectSame(Data(po.utf8))
        }
        // Well-formed entries with random texts, so that most files are read to their end.
        for _ in 0..<1000 {
            var po = ""
            for index in 0..<Int.random(in: 1...6, using: &generator) {
                func string() -> String {
                    (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                        .filter { $0 != "\"" && $0 != "\\" && $0 != "\\q" }.joined()
                }
                if Bool.random(using: &generator) { po += "#. note \(index)\n" }
                po += "msgctxt \"u\(index)\"\nmsgid \"\(string())\"\n"
                if Bool.random(using: &generator) { po += "\"\(string())\"\n" }
                po += "msgstr \"\(string())\"\n" + (Bool.random(using: &generator) ? "\"\(string())\"\n" : "") + "\n"
            }
            Self.expectSame(Data(po.utf8))
        }
    }
}
