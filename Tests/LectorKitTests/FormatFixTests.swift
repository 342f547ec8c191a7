import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// `fix` and `check` per format: only the translation changes (the target side of bilingual files,
/// the prose of HTML and Markdown), escaped as the format needs, every other byte as it was.
@Suite struct FormatFixTests {
    static let session: LintSession = try! LintSession(CheckConfiguration(glossaries: [Fixtures.houseGlossary]))

    /// Writes `contents` as a file named `name` and plans its fixes.
    func plan(_ contents: String, named name: String) throws -> FixPlan {
        try Self.session.planFixes(path: Fixtures.write(contents, named: name))
    }

    func fixed(_ contents: String, named name: String) throws -> String {
        String(decoding: try plan(contents, named: name).fixedFileContents, as: UTF8.self)
    }

    /// The findings `check` reports for a file.
    func findings(_ contents: String, named name: String) throws -> [Finding] {
        try Self.session.check(.text(path: Fixtures.write(contents, named: name)))
    }

    /// The findings `check` reports for a bilingual file, each target against its source.
    func bilingualFindings(_ contents: String, named name: String) throws -> [Finding] {
        try Self.session.check(.bilingual(path: Fixtures.write(contents, named: name), standardInputFormat: nil))
    }

    /// The anchors that place a finding at an escape (`VerbatimRun.anchor`) hold no text: a term
    /// written with an escape is still refused, a term after one still fixed.
    @Test func aTermWrittenWithAnEscapeIsStillNotFixed() throws {
        let jsonl = #"{"source":"Kiew, Kiew","target":"\u004biev, \tKiev and Ki\u0065v","source_lang":"de","target_lang":"en"}"# + "\n"
        #expect(try fixed(jsonl, named: "esc.jsonl") == jsonl.replacingOccurrences(of: #"\tKiev"#, with: #"\tKyiv"#))
        let po = "msgid \"Kiew\"\nmsgstr \"\\113iev, \\tKiev\"\n"
        #expect(try fixed(po, named: "esc.po") == po.replacingOccurrences(of: #"\tKiev"#, with: #"\tKyiv"#))
    }

    // MARK: - PO

    @Test func poFixesTheMsgstrAndNeverTheMsgid() throws {
        let po = """
        msgid ""
        msgstr ""
        "Language: en\\n"

        msgid "Selenskyj traf %s in Kiew."
        msgstr "Zelensky met %s in Kiev."

        """
        #expect(try fixed(po, named: "a.po") == po.replacingOccurrences(of: "msgstr \"Zelensky met %s in Kiev.\"",
                                                                          with: "msgstr \"Zelenskyy met %s in Kyiv.\""))
    }

    @Test func poMultiLineMsgstrIsFixedInPlaceAndAFixAcrossTwoStringsIsSkipped() throws {
        let po = """
        msgid ""
        "Moskau fordert von Kiew\\n"
        "einen Verzicht."
        msgstr ""
        "Moscow demands that Kiev\\n"
        "\\"renounce\\" NATO, says Ki"
        "ev."

        """
        let plan = try plan(po, named: "b.po")
        let text = String(decoding: plan.fixedFileContents, as: UTF8.self)
        #expect(text == po.replacingOccurrences(of: "that Kiev\\n", with: "that Kyiv\\n"))
        #expect(plan.skipped.map(\.reason) == [.crossesStrings])
        #expect(plan.skipped.map(\.reason.description) == ["its text is split across two quoted strings in the file (a string continued on the next line)"])
        #expect(plan.skipped.map(\.finding.text) == ["Kiev"])
    }

    // MARK: - XLIFF and TMX

    @Test func xliff12FixesTheTargetAndNeverTheSource() throws {
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file source-language="de" target-language="en" datatype="plaintext" original="a">
            <body>
              <trans-unit id="1">
                <source>Treffen in Kiew &amp; Kiev</source>
                <target>Talks in Kiev &amp; <g id="1">Kiev</g> – “Ki<g id="2">ev</g>”, Ki&#101;v</target>
              </trans-unit>
            </body>
          </file>
        </xliff>

        """
        let plan = try plan(xliff, named: "a.xlf")
        let text = String(decoding: plan.fixedFileContents, as: UTF8.self)
        #expect(text == xliff.replacingOccurrences(of: "<target>Talks in Kiev &amp; <g id=\"1\">Kiev</g>",
                                                   with: "<target>Talks in Kyiv &amp; <g id=\"1\">Kyiv</g>"))
        #expect(text.contains("<source>Treffen in Kiew &amp; Kiev</source>"))
        // `Ki<g>ev</g>` crosses markup, `Ki&#101;v` an entity: found, not fixed.
        #expect(plan.skipped.map(\.reason) == [.notVerbatim, .notVerbatim])
    }

    @Test func xliff2CDATAIsFixedVerbatimAndARefusedEscapeIsSkipped() throws {
        let xliff = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
          <file id="f"><unit id="u"><segment>
            <source>Kiew</source>
            <target><![CDATA[Talks in Kiev <now>]]> and Kiev</target>
          </segment></unit></file>
        </xliff>
        """
        let text = try fixed(xliff, named: "a.xliff")
        #expect(text == xliff.replacingOccurrences(of: "Talks in Kiev <now>]]> and Kiev", with: "Talks in Kyiv <now>]]> and Kyiv"))
        #expect(text.contains("<source>Kiew</source>"))
    }

    @Test func tmxFixesTheTargetSegAndNeverTheSourceSeg() throws {
        let tmx = """
        <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
        <body>
          <tu><tuv xml:lang="en"><seg>Kiev and Medinski</seg></tuv>
              <tuv xml:lang="de"><seg>Kiew und Medinski</seg></tuv></tu>
        </body></tmx>
        """
        // The source language is English here: its `Kiev` is the source side and must stay.
        let file = try BilingualFileLoader.load(data: Data(tmx.utf8), path: "a.tmx", mappingTargets: true)
        #expect(file.units[0].source.text == "Kiev and Medinski")
        let text = try fixed(tmx, named: "a.tmx")
        #expect(text.contains("<seg>Kiev and Medinski</seg>"))
    }

    @Test func tmxTargetInEnglishIsFixed() throws {
        let tmx = """
        <tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
        <body>
          <tu><tuv xml:lang="de"><seg>Kiew und Medinski</seg></tuv>
              <tuv xml:lang="en"><seg>Kiev and <hi>Medinski</hi>, Ki&amp;ev</seg></tuv></tu>
        </body></tmx>
        """
        let text = try fixed(tmx, named: "b.tmx")
        #expect(text == tmx.replacingOccurrences(of: "<seg>Kiev and <hi>Medinski</hi>", with: "<seg>Kyiv and <hi>Medinsky</hi>"))
    }

    @Test func aLatin1XMLFileIsNotWritten() throws {
        let xliff = """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" target-language="en" datatype="plaintext" original="a"><body>
        <trans-unit id="1"><source>Kiew</source><target>Kiev</target></trans-unit></body></file></xliff>
        """
        let plan = try plan(xliff, named: "latin.xlf")
        #expect(!plan.changesText)
        #expect(plan.skipped.count == 1)
        #expect(plan.skipped.allSatisfy { $0.reason.description.hasPrefix("the file is not UTF-8") })
    }

    // MARK: - JSON Lines

    @Test func jsonLinesFixesTheTargetStringOnly() throws {
        let jsonl = """
        {"id": 1, "source": "Kiev Kiev", "target": "Talks in Kiev, \\"Kiev\\" and Ki\\u0065v", "note": "Kiev"}
        {"target": "Medinski \\u00e9 Kiev", "source": "Medinski"}

        """
        let plan = try plan(jsonl, named: "a.jsonl")
        let text = String(decoding: plan.fixedFileContents, as: UTF8.self)
        #expect(text == """
        {"id": 1, "source": "Kiev Kiev", "target": "Talks in Kyiv, \\"Kyiv\\" and Ki\\u0065v", "note": "Kiev"}
        {"target": "Medinsky \\u00e9 Kyiv", "source": "Medinski"}

        """)
        #expect(plan.skipped.map(\.reason) == [.notVerbatim])
    }

    @Test func jsonLinesRecordsWithNumbersBooleansAndNullAreFixed() throws {
        let jsonl = """
        {"id": 12, "score": -0.25e3, "ok": true, "source": "Kiew", "target": "Kiev", "note": null, "n": [10, false]}
        {"id": null, "target": "in Kiev", "done": false, "source": "in Kiew", "rank": 1234}

        """
        let plan = try plan(jsonl, named: "numbers.jsonl")
        #expect(String(decoding: plan.fixedFileContents, as: UTF8.self) == """
        {"id": 12, "score": -0.25e3, "ok": true, "source": "Kiew", "target": "Kyiv", "note": null, "n": [10, false]}
        {"id": null, "target": "in Kyiv", "done": false, "source": "in Kiew", "rank": 1234}

        """)
        #expect(plan.skipped.isEmpty)
    }

    @Test func aDuplicateTargetKeyIsNotWritten() throws {
        let plan = try plan(#"{"source": "x", "target": "Kiev", "target": "Kiev"}"# + "\n", named: "dup.jsonl")
        #expect(!plan.changesText)
    }

    // MARK: - HTML

    static let html = """
    <html><head><title>Kiev talks</title><style>.Kiev{color:red}</style>
    <script>var Kiev = "</p>";</script></head>
    <body><p>Talks in Kiev. <a href="https://example.org/Kiev" title="Kiev map" data-x='Kiev'>Kiev &amp; Moscow</a></p>
    <img alt='Kiev "skyline"' src="kiev.png"><code>grep Kiev</code><pre>Kiev
    <b>Kiev</b></pre><kbd>Kiev</kbd><samp>Kiev</samp><span translate="no">Kiev</span><!-- Kiev --> Ki<b>ev</b> K&#105;ev done.</body></html>
    """

    @Test func htmlChecksOnlyTextNodesAltAndTitle() throws {
        let found = try findings(Self.html, named: "a.html").filter { $0.ruleID.hasPrefix("glossary.") }
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["1:20", "3:19", "3:67", "3:91", "4:11"])
    }

    @Test func htmlFixesOnlyTextNodesAltAndTitle() throws {
        let text = try fixed(Self.html, named: "b.html")
        #expect(text == Self.html
            .replacingOccurrences(of: "<title>Kiev", with: "<title>Kyiv")
            .replacingOccurrences(of: "Talks in Kiev.", with: "Talks in Kyiv.")
            .replacingOccurrences(of: "title=\"Kiev map\"", with: "title=\"Kyiv map\"")
            .replacingOccurrences(of: ">Kiev &amp;", with: ">Kyiv &amp;")
            .replacingOccurrences(of: "alt='Kiev", with: "alt='Kyiv"))
    }

    // MARK: - Markdown

    static let markdown = """
    ---
    title: Kiev
    ---
    # Talks in Kiev

    Talks in Kiev, see [the Kiev map](https://example.org/Kiev "Kiev") and `grep Kiev`.
    <https://example.org/Kiev> https://example.org/Kiev. ![Kiev skyline](img/Kiev.png) [Kiev][kiev-ref]
    <span title="Kiev">x</span> <!-- Kiev --> \\*Kiev\\* K&iacute;ev ``a ` Kiev``

    ```sh
    grep Kiev
    ```

        indented Kiev code

    [kiev-ref]: https://example.org/Kiev

    - a list item about Kiev

        continued about Kiev
    """

    @Test func markdownChecksOnlyProse() throws {
        let found = try findings(Self.markdown, named: "a.md").filter { $0.ruleID.hasPrefix("glossary.") }
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == [
            "4:12", "6:10", "6:25", "7:56", "7:85", "8:45", "18:21", "20:21",
        ])
        #expect(try findings(Self.markdown, named: "b.md").allSatisfy { $0.ruleID != "punctuation.quotes" })
    }

    @Test func markdownFixesOnlyProse() throws {
        let text = try fixed(Self.markdown, named: "c.md")
        #expect(text == Self.markdown
            .replacingOccurrences(of: "# Talks in Kiev", with: "# Talks in Kyiv")
            .replacingOccurrences(of: "Talks in Kiev, see [the Kiev map]", with: "Talks in Kyiv, see [the Kyiv map]")
            .replacingOccurrences(of: "![Kiev skyline]", with: "![Kyiv skyline]")
            .replacingOccurrences(of: "[Kiev][kiev-ref]", with: "[Kyiv][kiev-ref]")
            .replacingOccurrences(of: "\\*Kiev\\*", with: "\\*Kyiv\\*")
            .replacingOccurrences(of: "item about Kiev", with: "item about Kyiv")
            .replacingOccurrences(of: "continued about Kiev", with: "continued about Kyiv"))
    }

    /// Link text that is its own label (`[Kiev]`, `[Kiev][]`, footnotes `[^Kiev]`) and inline HTML
    /// whose content is code or not to translate: changing them breaks the link or the code.
    @Test func markdownLabelsAndInlineCodeElementsAreNotProse() throws {
        let markdown = """
            See [Kiev] and [Kiev][] and [text][Kiev] and [Kiev](https://example.org) in Kiev.
            Claim[^Kiev]. Run <code>Kiev</code>, <kbd>Kiev</kbd>, <span translate="no">Kiev</span>, <b>Kiev</b>.
            Not a label: [Kiev talks] went on.

            [kiev]: https://example.com/city
            [^Kiev]: Source.

            """
        let text = try fixed(markdown, named: "refs.md")
        #expect(text == markdown
            .replacingOccurrences(of: "[Kiev](https", with: "[Kyiv](https")
            .replacingOccurrences(of: "in Kiev.", with: "in Kyiv.")
            .replacingOccurrences(of: "<b>Kiev</b>", with: "<b>Kyiv</b>")
            .replacingOccurrences(of: "[Kiev talks]", with: "[Kyiv talks]"))
    }

    /// A footnote definition's text is prose, checked and fixed; its label, the footnote reference
    /// and a link reference definition next to it are not (the tester's `[^1]: Source in Kiev.`
    /// was masked whole, so never checked).
    @Test func aFootnoteDefinitionsTextIsFixedAndItsLabelIsNot() throws {
        let markdown = """
            Claim[^Kiev] and [more][Kiev].

            [^Kiev]: Source in Kiev, see [Kiev].
            [Kiev]: https://example.com/Kiev "Kiev"
            [^2]:   Talks in Kiev
                continued in Kiev.

            """
        let found = try findings(markdown, named: "fn.md").filter { $0.ruleID == "glossary.forbidden" }
        #expect(found.map(\.location.line) == [3, 5, 6])
        let text = try fixed(markdown, named: "fn.md")
        #expect(text == markdown
            .replacingOccurrences(of: "Source in Kiev,", with: "Source in Kyiv,")
            .replacingOccurrences(of: "Talks in Kiev", with: "Talks in Kyiv")
            .replacingOccurrences(of: "continued in Kiev.", with: "continued in Kyiv."))
    }

    /// A link written without its scheme keeps its path (`kiev.ua/Kiev`), as `docs/Kiev.md` does.
    @Test func schemelessLinksAreNotProse() throws {
        let text = try fixed("See kiev.ua/Kiev, docs/Kiev.md and Kiev/Odesa.\n", named: "links.txt")
        #expect(text == "See kiev.ua/Kiev, docs/Kiev.md and Kyiv/Odesa.\n")
    }

    @Test func suppressionCommentsStillWorkInMaskedDocuments() throws {
        let markdown = "<!-- lector-disable-next-line glossary.forbidden -->\nTalks in Kiev.\nKiev again.\n"
        let found = try findings(markdown, named: "s.md")
        #expect(found.map { "\($0.ruleID)@\($0.location.line)" } == ["glossary.forbidden@3"])
    }

    // MARK: - Code inside translations: placeholders, tags, units not to translate

    @Test func placeholdersAndTagAttributesInATargetAreNeitherFlaggedNorFixed() throws {
        let jsonl = #"""
        {"id":"1","source":"Gespräche in {Kiev} und Kiew","target":"Talks in {Kiev} and Kiev","source_lang":"de","target_lang":"en"}
        {"id":"2","source":"%(Kiev)s, ${Kiev}, {{Kiev}} und {Kiev, select, a {Kiew} other {x}}","target":"%(Kiev)s, ${Kiev}, {{Kiev}} and {Kiev, select, a {Kiev} other {x}}","source_lang":"de","target_lang":"en"}
        {"id":"3","source":"Siehe <a href=\"/Kiev\">Kiew</a>","target":"See <a href=\"/Kiev\">Kiev</a>","source_lang":"de","target_lang":"en"}
        {"id":"4","source":"{city, select, kiev{Kiew} other{anders}}","target":"{city, select, kiev{Kiev} other{elsewhere}}","source_lang":"de","target_lang":"en"}

        """#
        let glossary = try bilingualFindings(jsonl, named: "code.jsonl").filter { $0.suggestion == "Kyiv" }
        // Only the prose `Kiev`: after `and`, inside the select branch, and the link's text; a
        // select's key `kiev` is the program's, not prose.
        #expect(glossary.map(\.location.line) == [1, 2, 3, 4])
        let text = try fixed(jsonl, named: "code.jsonl")
        #expect(text == jsonl
            .replacingOccurrences(of: "{Kiev} and Kiev\"", with: "{Kiev} and Kyiv\"")
            .replacingOccurrences(of: "a {Kiev} other", with: "a {Kyiv} other")
            .replacingOccurrences(of: "\\\">Kiev</a>\"", with: "\\\">Kyiv</a>\"")
            .replacingOccurrences(of: "kiev{Kiev}", with: "kiev{Kyiv}"))
        #expect(text.contains("%(Kiev)s, ${Kiev}, {{Kiev}} and {Kiev, select"))
        #expect(text.contains("<a href=\\\"/Kiev\\\">"))
    }

    @Test func poPlaceholdersAndEscapedLinksKeepTheirNames() throws {
        let po = #"""
        msgid ""
        msgstr ""
        "Language: en\n"
        "X-Source-Language: de\n"

        msgid "Gespräche in {Kiev} und %(Kiev)s, siehe <a href=\"/Kiev\">Kiew</a>"
        msgstr "Talks in {Kiev} and %(Kiev)s, see <a href=\"/Kiev\">Kiev</a>"

        """#
        let text = try fixed(po, named: "code.po")
        #expect(text == po.replacingOccurrences(of: "\">Kiev</a>\"", with: "\">Kyiv</a>\""))
    }

    @Test func xliffUnitsNotToTranslateAreNeitherCheckedNorFixed() throws {
        let xliff12 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file source-language="de" target-language="en" datatype="plaintext" original="a">
            <body>
              <trans-unit id="1" translate="no"><source>Kiev %s</source><target>Kiev</target></trans-unit>
              <group translate="no">
                <trans-unit id="2"><source>Kiev</source><target>Kiev</target></trans-unit>
                <trans-unit id="3" translate="yes"><source>Kiew</source><target>Kiev</target></trans-unit>
              </group>
              <trans-unit id="4"><source>Kiew</source><target>Kiev</target></trans-unit>
            </body>
          </file>
        </xliff>

        """
        let found = try bilingualFindings(xliff12, named: "no.xlf")
        // Units 3 and 4 only (lines 8 and 10); unit 1 would also lose its `%s`.
        #expect(Set(found.map(\.location.line)) == [8, 10])
        #expect(!found.contains { $0.ruleID == "markup.mismatch" })
        let text = try fixed(xliff12, named: "no.xlf")
        #expect(text == xliff12
            .replacingOccurrences(of: "id=\"3\" translate=\"yes\"><source>Kiew</source><target>Kiev</target>",
                                  with: "id=\"3\" translate=\"yes\"><source>Kiew</source><target>Kyiv</target>")
            .replacingOccurrences(of: "id=\"4\"><source>Kiew</source><target>Kiev</target>",
                                  with: "id=\"4\"><source>Kiew</source><target>Kyiv</target>"))

        let xliff2 = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
          <file id="f">
            <unit id="u1" translate="no"><segment><source>Kiev</source><target>Kiev</target></segment></unit>
            <unit id="u2"><segment><source>Kiew</source><target>Kiev</target></segment></unit>
          </file>
        </xliff>
        """
        #expect(try bilingualFindings(xliff2, named: "no.xliff").map(\.location.line) == [4])
        #expect(try fixed(xliff2, named: "no.xliff") == xliff2.replacingOccurrences(
            of: "<source>Kiew</source><target>Kiev</target>", with: "<source>Kiew</source><target>Kyiv</target>"))
    }

    @Test func dataFilesReadAsPlainTextAreCheckedButNeverFixed() throws {
        // Outside `locales/LANG/` and `res/values-LANG/` these are read as text: a fix would rename
        // the key `Kiev` and the resource id.
        for (name, contents) in [("messages.en.json", "{\n  \"Kiev\": {\"title\": \"Kiev\"}\n}\n"),
                                 ("strings.xml", "<resources>\n  <string name=\"Kiev\">Talks in Kiev</string>\n</resources>\n"),
                                 ("app.yml", "Kiev: Kiev\n")] {
            let plan = try plan(contents, named: name)
            #expect(plan.fixedFileContents == Data(contents.utf8), "\(name)")
            #expect(!plan.skipped.isEmpty && plan.skipped.allSatisfy {
                if case .fileNotFixable(let reason) = $0.reason { reason.contains("plain text") } else { false }
            }, "\(name)")
            #expect(try findings(contents, named: name).contains { $0.suggestion == "Kyiv" }, "\(name)")
        }
        // A text file is still fixed.
        #expect(try fixed("Talks in Kiev.\n", named: "note.txt") == "Talks in Kyiv.\n")
    }

    @Test func textMarkedNotToTranslateMustStayAsTheSourceHasIt() throws {
        let xliff2 = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
          <file id="f">
            <unit id="u1"><segment><source>Open <mrk id="m1" translate="no">Lector</mrk> now</source><target>Ouvrez <mrk id="m1" translate="no">Lecteur</mrk> maintenant</target></segment></unit>
            <unit id="u2"><segment><source>Open <mrk id="m1" translate="no">Lector</mrk> now</source><target>Ouvrez <mrk id="m1" translate="no">Lector</mrk> maintenant</target></segment></unit>
          </file>
        </xliff>
        """
        let changed = try bilingualFindings(xliff2, named: "protected.xliff").filter { $0.ruleID == "markup.mismatch" }
        #expect(changed.map(\.location.line) == [3])
        #expect(changed.first?.message.contains("`Lector` became `Lecteur`") == true)

        let xliff12 = """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file source-language="en" target-language="de" datatype="plaintext" original="a"><body>
            <trans-unit id="1"><source>Run <mrk mtype="protected" mid="p">git pull</mrk></source><target>Führen Sie <mrk mtype="protected" mid="p">git ziehen</mrk> aus</target></trans-unit>
            <trans-unit id="2"><source>Run <mrk mtype="protected" mid="p">git pull</mrk></source><target>Führen Sie <mrk mtype="protected" mid="p">git pull</mrk> aus</target></trans-unit>
          </body></file>
        </xliff>
        """
        let changed12 = try bilingualFindings(xliff12, named: "protected.xlf").filter { $0.ruleID == "markup.mismatch" }
        #expect(changed12.map(\.location.line) == [3])
    }

    @Test func embeddedCodeIsTagsAndPlaceholdersButNotProse() throws {
        let document = SourceDocument(path: "a.txt", text: "40 % Sloviansk, a < b > c, <b class=\"Kiev\">Kiev</b> {Kiev}\nKiev")
        var finder = EmbeddedCodeFinder()
        func code(_ word: String, occurrence: Int = 0) -> Bool {
            var ranges: [Range<Int>] = []
            let units = Array(document.text.utf16)
            let target = Array(word.utf16)
            var index = 0
            while index + target.count <= units.count {
                if Array(units[index..<(index + target.count)]) == target { ranges.append(index..<(index + target.count)) }
                index += 1
            }
            return finder.overlapsCode(ranges[occurrence], in: document)
        }
        #expect(!code("Sloviansk"))
        #expect(!code("b", occurrence: 0))
        #expect(code("Kiev", occurrence: 0))
        #expect(!code("Kiev", occurrence: 1))
        #expect(code("Kiev", occurrence: 2))
        #expect(!code("Kiev", occurrence: 3))
    }

    // MARK: - Replacements that must not change the text around them

    @Test func anUncasedScriptIsNeverUppercased() throws {
        let glossary = try CSVGlossaryReader.read(text: """
        concept,language,term,status
        seoul,ko,서울,preferred
        seoul,ko,셔울,deprecated
        seoul,en,Seoul,preferred
        seoul,en,서울,deprecated
        delhi,hi,दिल्ली,preferred
        delhi,hi,देहली,deprecated
        """, name: "g.csv", delimiter: ",")
        let korean = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "ko"))
        let document = SourceDocument(path: "k.txt", text: "셔울 시내. 셔울")
        #expect(FixPlanner().plan(document, findings: korean.check(document)).fixedText == "서울 시내. 서울")
        // Hangul in English text: the Latin term as the glossary writes it, not `SEOUL`.
        let english = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "en"))
        let hangul = SourceDocument(path: "e.txt", text: "Talks in 서울 and SEOUL.")
        #expect(FixPlanner().plan(hangul, findings: english.check(hangul)).fixedText == "Talks in Seoul and SEOUL.")
        let hindi = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "hi"))
        let hindiText = SourceDocument(path: "h.txt", text: "देहली में")
        #expect(FixPlanner().plan(hindiText, findings: hindi.check(hindiText)).fixedText == "दिल्ली में")
    }

    @Test func aFollowingFormatCharacterIsKeptAndACombiningMarkRefusesTheFix() throws {
        // ZWJ, RLO and LRM stay where they were; after `Kiev́` the accent would need a judgement.
        let text = "Kiev\u{200D} and Kiev\u{202E} x\u{202C} and Kiev\u{200E}. Kiev\u{301} stays. KIEV\u{200D}!"
        let document = SourceDocument(path: "f.txt", text: text)
        let findings = Fixtures.englishChecker.check(document).filter { $0.ruleID.hasPrefix("glossary.") }
        #expect(findings.count == 5)
        #expect(findings.allSatisfy { !$0.text.unicodeScalars.contains { $0.properties.generalCategory == .format } })
        let plan = FixPlanner().plan(document, findings: findings)
        #expect(plan.fixedText == "Kyiv\u{200D} and Kyiv\u{202E} x\u{202C} and Kyiv\u{200E}. Kiev\u{301} stays. KYIV\u{200D}!")
    }

    /// A paired inline tag added or dropped is one finding, in TMX (`<hi>`) as in XLIFF (`<g>`);
    /// a lone code of a pair still says which.
    @Test func aPairedInlineTagAddedOrDroppedIsOneFinding() throws {
        let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
        <tu tuid="1"><tuv xml:lang="de"><seg>Die Gespräche gehen weiter.</seg></tuv><tuv xml:lang="en"><seg>The <hi>talks</hi> continue.</seg></tuv></tu>
        <tu tuid="2"><tuv xml:lang="de"><seg>Die <hi>Gespräche</hi> gehen weiter.</seg></tuv><tuv xml:lang="en"><seg>The talks continue.</seg></tuv></tu>
        </body></tmx>
        """
        let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2"><file source-language="de" target-language="en" datatype="plaintext" original="x"><body>
        <trans-unit id="1"><source>Die Gespräche gehen weiter.</source><target>The <g id="1">talks</g> continue.</target></trans-unit>
        </body></file></xliff>
        """
        let messages = try (bilingualFindings(tmx, named: "pair.tmx") + bilingualFindings(xliff, named: "pair.xlf"))
            .filter { $0.ruleID == "markup.mismatch" }.map(\.message)
        #expect(messages == ["inline tag `hi`…`/hi` is not in the source", "inline tag `hi`…`/hi` from the source is missing",
                             "inline tag `g:1`…`/g:1` is not in the source"])
        #expect(MarkupMismatchRule.pairingTags(["x:1", "/g:2", "g:3", "/g:3"]) == ["`x:1`", "`g:3`…`/g:3`", "`/g:2`"])
    }
}
