import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// A finding in a bilingual or resource file stands where the file has it: the README's line,
/// column (Unicode scalars) and byte offset from the start of the file, after entities, escapes,
/// removed inline codes and continued strings. Every expected place is found in the file's own
/// text, by searching for the flagged word.
@Suite struct FilePositionTests {
    static let session: LintSession = try! LintSession(CheckConfiguration(
        glossaries: [Fixtures.houseGlossary], targetLanguage: "en", sourceLanguage: "de"))

    /// `line:column:byteOffset` of the `occurrence`-th (0-based) `needle` in `file`, counted in the file.
    static func place(of needle: String, occurrence: Int = 0, in file: String) -> String {
        let bytes = Array(file.utf8)
        let wanted = Array(needle.utf8)
        var found = -1
        var seen = 0
        for start in 0...(bytes.count - wanted.count) where bytes[start..<(start + wanted.count)].elementsEqual(wanted) {
            if seen == occurrence { found = start; break }
            seen += 1
        }
        precondition(found >= 0, "\(needle) #\(occurrence) is not in the file")
        let before = bytes[..<found]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let column = String(decoding: bytes[lineStart..<found], as: UTF8.self).unicodeScalars.count + 1
        return "\(line):\(column):\(found)"
    }

    static func places(_ findings: [Finding], rule: String) -> [String] {
        findings.filter { $0.ruleID == rule }.sorted(by: Finding.reportingOrder)
            .map { "\($0.location.line):\($0.location.column):\($0.location.byteOffset)" }
    }

    func check(_ contents: String, named name: String) throws -> [Finding] {
        try Self.session.check(.bilingual(path: Fixtures.write(contents, named: name), standardInputFormat: nil))
    }

    @Test func xliffAfterAnEntity() throws {
        let xliff = """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" target-language="en" datatype="plaintext" original="a"><body>
        <trans-unit id="1"><source>A &amp; B in Kiew</source><target>A &amp; B in Kiev</target></trans-unit></body></file></xliff>

        """
        let findings = try check(xliff, named: "e.xlf")
        #expect(Self.places(findings, rule: "glossary.forbidden") == [Self.place(of: "Kiev", in: xliff)])
        #expect(Self.places(findings, rule: "glossary.forbidden") == ["2:75:230"])
    }

    /// `line:column:byteOffset` where each finding of `rule` ends.
    static func ends(_ findings: [Finding], rule: String) -> [String] {
        findings.filter { $0.ruleID == rule }.sorted(by: Finding.reportingOrder)
            .map { "\($0.endLocation.line):\($0.endLocation.column):\($0.endLocation.byteOffset)" }
    }

    /// A term that ends where an inline tag closes ends before the tag: a SARIF fix (its region is
    /// the finding's) would otherwise delete `</g>` with the word.
    @Test func aTermEndsBeforeTheClosingTagAfterIt() throws {
        let xliff = """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" target-language="en" datatype="plaintext" original="a"><body>
        <trans-unit id="1"><source>In <g id="1">Kiew</g> heute.</source><target>In <g id="1">Kiev</g> today.</target></trans-unit>
        <trans-unit id="2"><source>In <g id="1">Kiew</g><x id="2"/> heute.</source><target>In <g id="1">Kharkov</g><x id="2"/> today.</target></trans-unit>
        <trans-unit id="3"><source>Kiew &amp; Charkiw</source><target>Kiev &amp; Kharkov</target></trans-unit></body></file></xliff>

        """
        let findings = try check(xliff, named: "g.xlf")
        #expect(Self.ends(findings, rule: "glossary.forbidden") == [
            Self.place(of: "</g> today", in: xliff), Self.place(of: "</g><x", occurrence: 1, in: xliff),
            Self.place(of: " &amp; Kharkov", in: xliff), Self.place(of: "</target>", occurrence: 2, in: xliff),
        ])
        // Where a term starts, the text after the tag is still the place.
        #expect(Self.places(findings, rule: "glossary.forbidden").first == Self.place(of: "Kiev</g>", in: xliff))
        let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
        <tu><tuv xml:lang="de"><seg>In <hi>Kiew</hi> heute.</seg></tuv><tuv xml:lang="en"><seg>In <hi>Kiev</hi> today.</seg></tuv></tu>
        </body></tmx>

        """
        #expect(Self.ends(try check(tmx, named: "g.tmx"), rule: "glossary.forbidden") == [Self.place(of: "</hi> today", in: tmx)])
    }

    @Test func tmxAfterEntitiesAndACodeWhoseContentIsNotText() throws {
        let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
        <tu tuid="1"><tuv xml:lang="de"><seg>&quot;Kiew&quot; <ph x="1">Kiew</ph> Kiew</seg></tuv><tuv xml:lang="en"><seg>&quot;Kiev&quot; <ph x="1">Kiev</ph> Kiev</seg></tuv></tu>
        </body></tmx>

        """
        let findings = try check(tmx, named: "t.tmx")
        // The `Kiev` inside `<ph>` is native code, not text: the first and the last are flagged.
        #expect(Self.places(findings, rule: "glossary.forbidden")
                == [Self.place(of: "Kiev", occurrence: 0, in: tmx), Self.place(of: "Kiev", occurrence: 2, in: tmx)])
    }

    static let po = """
    msgid ""
    msgstr ""
    "Language: en\\n"
    "X-Source-Language: de\\n"

    msgid "Save the file"
    msgstr ""
    "Speichern Sie "
    "die  Datei"

    msgid "Path"
    msgstr "Pfad\\nx  y"

    msgid "Er sagte \\"geh\\" in Kiew"
    msgstr "He said \\"go\\" in Kiev"

    """

    @Test func poContinuedStringsAndEscapedLineBreaks() throws {
        let findings = try check(Self.po, named: "p.po")
        // In a continued string, on the line of the continuation; after an escaped `\n`, on the same line.
        #expect(Self.places(findings, rule: "whitespace.double")
                == [Self.place(of: "die  ", in: Self.po).replacingFirst(column: 3), Self.place(of: "x  y", in: Self.po).replacingFirst(column: 1)])
        #expect(Self.places(findings, rule: "whitespace.double").map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
                == ["9:5", "12:16"])
        #expect(Self.places(findings, rule: "glossary.forbidden") == [Self.place(of: "Kiev", in: Self.po)])
    }

    @Test func jsonLinesColumnsCountFromTheLineNotTheValue() throws {
        let jsonl = #"""
        {"id":"1","source":"Die Gespräche in Kiew.","source_lang":"de","target_lang":"en","target":"The talks in Kiev."}
        {"id":"2","source":"Er sagte \"geh\" in Kiew","target":"He said \"go\" in Kiev"}

        """#
        let findings = try check(jsonl, named: "j.jsonl")
        #expect(Self.places(findings, rule: "glossary.forbidden")
                == [Self.place(of: "Kiev", occurrence: 0, in: jsonl), Self.place(of: "Kiev", occurrence: 1, in: jsonl)])
    }

    @Test func jsonLinesOnStandardInputCountsTheWholeStreamAndItsByteOrderMark() throws {
        let jsonl = "\u{FEFF}" + #"""
        {"id":"1","source":"Die Gespräche in Kiew.","target":"The talks in Kiev."}
        {"id":"2","source":"Er sagte \"geh\" in Kiew","target":"He said \"go\" in Kiev"}

        """#
        let path = Fixtures.write(jsonl, named: "stdin.jsonl")
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var findings: [Finding] = []
        try JSONLinesStream(session: Self.session).check(readingFrom: descriptor) { findings += $0 }
        // The byte-order mark counts in byte offsets, not in columns.
        let expected = [0, 1].map { Self.place(of: "Kiev", occurrence: $0, in: jsonl) }.map { place in
            let parts = place.split(separator: ":").map { Int($0)! }
            return "\(parts[0]):\(parts[1] - (parts[0] == 1 ? 1 : 0)):\(parts[2])"
        }
        #expect(Self.places(findings, rule: "glossary.forbidden") == expected)
    }

    /// A resource translation and its source, written in `folder` of a fresh directory.
    func checkPair(target: (path: String, text: String), source: (path: String, text: String)) throws -> [Finding] {
        let root = Fixtures.temporaryDirectory()
        for (path, text) in [target, source] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try Self.session.check(.pair(target: root.appendingPathComponent(target.path).path,
                                            source: root.appendingPathComponent(source.path).path))
    }

    @Test func androidAfterAnEntityAndAnEscapedLineBreak() throws {
        let target = """
        <?xml version="1.0" encoding="utf-8"?>
        <resources>
            <string name="t">Talks &amp; more in Kiev</string>
            <string name="n">Talks\\n in Kiev</string>
        </resources>

        """
        let source = target.replacingOccurrences(of: "Talks", with: "Gespräche").replacingOccurrences(of: "Kiev", with: "Kiew")
        let findings = try checkPair(target: ("res/values-en/strings.xml", target), source: ("res/values/strings.xml", source))
        #expect(Self.places(findings, rule: "glossary.forbidden")
                == [Self.place(of: "Kiev", occurrence: 0, in: target), Self.place(of: "Kiev", occurrence: 1, in: target)])
    }

    @Test func appleStringsAfterEscapedQuotes() throws {
        let target = #""a" = "He said \"go\" in Kiev";"# + "\n"
        let source = #""a" = "Er sagte \"geh\" in Kiew";"# + "\n"
        let findings = try checkPair(target: ("en.lproj/L.strings", target), source: ("de.lproj/L.strings", source))
        #expect(Self.places(findings, rule: "glossary.forbidden") == [Self.place(of: "Kiev", in: target)])
    }

    @Test func i18nextAfterEscapedQuotes() throws {
        let target = "{\n  \"a\": \"He said \\\"go\\\" in Kiev\"\n}\n"
        let source = "{\n  \"a\": \"Er sagte \\\"geh\\\" in Kiew\"\n}\n"
        let findings = try checkPair(target: ("locales/en/t.json", target), source: ("locales/de/t.json", source))
        #expect(Self.places(findings, rule: "glossary.forbidden") == [Self.place(of: "Kiev", in: target)])
    }

    @Test func stringCatalogAfterAnEscape() throws {
        let catalog = """
        {
          "sourceLanguage" : "de",
          "strings" : {
            "a" : {
              "localizations" : {
                "en" : { "stringUnit" : { "state" : "translated", "value" : "He said \\"go\\" in Kiev" } }
              }
            }
          },
          "version" : "1.0"
        }

        """
        let findings = try check(catalog, named: "c.xcstrings")
        #expect(Self.places(findings, rule: "glossary.forbidden") == [Self.place(of: "Kiev", in: catalog)])
    }

    // A value that starts with an escape or entity: the finding starts where the escape does (the
    // tester's `\u004biev` was reported at the `i`), and ends where the text written as is ends.
    // Findings on text after the escape stay where they were.

    @Test func jsonLinesValueThatStartsWithAnEscape() throws {
        let jsonl = #"{"source":"Kiew und Kiew","target":"\u004biev and Ki\u0065v","source_lang":"de","target_lang":"en"}"# + "\n"
        let findings = try check(jsonl, named: "e.jsonl")
        #expect(Self.places(findings, rule: "glossary.forbidden")
                == [Self.place(of: #"\u004biev"#, in: jsonl), Self.place(of: #"Ki\u0065v"#, in: jsonl)])
        #expect(Self.ends(findings, rule: "glossary.forbidden").first == Self.place(of: " and Ki", in: jsonl))
        // An escape that ends the text: the range ends after it, at the closing quote.
        #expect(Self.ends(findings, rule: "glossary.forbidden").last == Self.place(of: #"","source_lang""#, in: jsonl))
    }

    @Test func jsonLinesSurrogatePairEscapeSpansItsTwelveCharacters() throws {
        let jsonl = #"{"source":"Gespräche","target":"\ud83d\ude00 Talks","source_lang":"de","target_lang":"en"}"# + "\n"
        let findings = try check(jsonl, named: "s.jsonl")
        #expect(Self.places(findings, rule: "punctuation.start") == [Self.place(of: #"\ud83d"#, in: jsonl)])
        #expect(Self.ends(findings, rule: "punctuation.start") == [Self.place(of: " Talks", in: jsonl)])
    }

    @Test func xliffValueThatStartsWithACharacterReference() throws {
        let xliff = """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" target-language="en" datatype="plaintext" original="a"><body>
        <trans-unit id="1"><source>Kiew heute</source><target>&#75;iev today</target></trans-unit>
        <trans-unit id="2"><source>Kiew heute</source><target>Kiev today</target></trans-unit></body></file></xliff>

        """
        let findings = try check(xliff, named: "r.xlf")
        #expect(Self.places(findings, rule: "glossary.forbidden")
                == [Self.place(of: "&#75;iev", in: xliff), Self.place(of: "Kiev today", in: xliff)])
    }

    @Test func poValueThatStartsWithAnEscape() throws {
        let po = "msgid \"Kiew\"\nmsgstr \"\\tKiev\"\n"
        let findings = try check(po, named: "t.po")
        #expect(Self.places(findings, rule: "whitespace.edges") == [Self.place(of: "\\tKiev", in: po)])
        // The tab itself, `\t` as written.
        #expect(Self.places(findings, rule: "whitespace.newlines") == [Self.place(of: "\\tKiev", in: po)])
        #expect(Self.ends(findings, rule: "whitespace.newlines") == [Self.place(of: "Kiev", in: po)])
        #expect(Self.places(findings, rule: "glossary.forbidden") == [Self.place(of: "Kiev", in: po)])
    }

    @Test func appleStringsValueThatStartsWithAnEscape() throws {
        let target = #""a" = "\U004biev talks";"# + "\n"
        let source = #""a" = "Gespräche in Kiew";"# + "\n"
        let findings = try checkPair(target: ("en.lproj/L.strings", target), source: ("de.lproj/L.strings", source))
        #expect(Self.places(findings, rule: "glossary.forbidden") == [Self.place(of: #"\U004b"#, in: target)])
    }

    @Test func androidValuesThatStartWithAnEntityOrAnEscape() throws {
        let target = """
        <resources>
            <string name="a">&#75;iev talks</string>
            <string name="b">\\u004biev talks</string>
            <string name="c">\\tKiev talks</string>
        </resources>

        """
        let source = "<resources>\n" + ["a", "b", "c"].map { "    <string name=\"\($0)\">Gespräche in Kiew</string>\n" }.joined() + "</resources>\n"
        let findings = try checkPair(target: ("res/values-en/strings.xml", target), source: ("res/values/strings.xml", source))
        #expect(Self.places(findings, rule: "glossary.forbidden")
                == [Self.place(of: "&#75;", in: target), Self.place(of: #"\u004b"#, in: target), Self.place(of: "Kiev talks", in: target)])
        #expect(Self.places(findings, rule: "whitespace.edges") == [Self.place(of: #"\tKiev"#, in: target)])
    }

    @Test func arbAndI18nextValuesThatStartWithAnEscape() throws {
        let target = "{\n  \"a\": \"\\u004biev talks\"\n}\n"
        let source = "{\n  \"a\": \"Gespräche in Kiew\"\n}\n"
        let arb = try checkPair(target: ("app_en.arb", target), source: ("app_de.arb", source))
        #expect(Self.places(arb, rule: "glossary.forbidden") == [Self.place(of: #"\u004b"#, in: target)])
        let i18next = try checkPair(target: ("locales/en/t.json", target), source: ("locales/de/t.json", source))
        #expect(Self.places(i18next, rule: "glossary.forbidden") == [Self.place(of: #"\u004b"#, in: target)])
    }
}

private extension String {
    /// `line:column:byte` with the column moved on by `by` scalars (and the byte as many, ASCII).
    func replacingFirst(column by: Int) -> String {
        let parts = split(separator: ":").map { Int($0)! }
        return "\(parts[0]):\(parts[1] + by):\(parts[2] + by)"
    }
}
