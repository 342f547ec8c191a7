import Foundation
import LectorKit
import LectorTestSupport
import Testing

/// The readers of bilingual files, one nested suite per format (so `--filter Bilingual` runs them all).
@Suite struct BilingualReaderTests {}

/// Shared checks for the bilingual readers.
enum BilingualFixtures {
    static func path(_ name: String) -> String {
        Fixtures.path("Tests/LectorKitTests/Fixtures/Bilingual/\(name)")
    }

    static func unit(_ file: BilingualFile, _ id: String?, sourceLocation: SourceLocation = #_sourceLocation) -> BilingualUnit? {
        let unit = file.units.first { $0.id == id }
        #expect(unit != nil, "no unit \(id ?? "nil")", sourceLocation: sourceLocation)
        return unit
    }

    /// Every segment's text must start in the file at its line and column: the file's text from there
    /// begins with the segment's first characters (when the segment does not begin with inline markup).
    static func expectPositions(of file: BilingualFile, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lines = try String(contentsOfFile: file.path, encoding: .utf8).components(separatedBy: "\n")
        for unit in file.units {
            for segment in [unit.source] + (unit.target.map { [$0] } ?? []) {
                guard let column = segment.column else { continue }
                let line = Array(lines[segment.line - 1].unicodeScalars)
                #expect(column >= 1 && column <= line.count + 1, sourceLocation: sourceLocation)
                let rest = String(String.UnicodeScalarView(line[min(column - 1, line.count)...]))
                // The file's text up to the first tag or entity must open the segment's text.
                let raw = String(rest.prefix { !"<&".contains($0) }.prefix(12))
                #expect(!raw.isEmpty || rest.hasPrefix("<"), sourceLocation: sourceLocation)
                #expect(segment.text.hasPrefix(raw), "\(unit.id ?? "-") at \(segment.line):\(column): “\(rest.prefix(20))”",
                        sourceLocation: sourceLocation)
            }
        }
    }

    static func expectError(_ read: @autoclosure () throws(InputError) -> BilingualFile, file: String, line: Int?,
                            containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let result = try read()
            Issue.record("malformed input was accepted: \(result.units.count) units", sourceLocation: sourceLocation)
        } catch {
            #expect(error.file == file, "\(error)", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(text), "\(error)", sourceLocation: sourceLocation)
        }
    }

    /// The fixture's text, to derive broken variants from.
    static func text(_ name: String) -> String {
        try! String(contentsOfFile: path(name), encoding: .utf8)
    }
}

// MARK: - XLIFF 1.2

extension BilingualReaderTests {
    @Suite struct XLIFF1 {
        static let name = "seed-article.de-en.xlf"

        /// A later `<file>` in another language would be checked and fixed as the first's language.
        @Test func fileElementsInDifferentLanguagesAreAnError() {
            func xliff(_ second: String) -> Data {
                Data(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                    <file source-language="ru" target-language="en" datatype="plaintext" original="a"><body>
                    <trans-unit id="1"><source>Киев</source><target>Kiev</target></trans-unit>
                    </body></file>
                    <file \(second) datatype="plaintext" original="b"><body>
                    <trans-unit id="2"><source>Киев</source><target>Kyiv</target></trans-unit>
                    </body></file>
                    </xliff>
                    """).utf8)
            }
            BilingualFixtures.expectError(try XLIFFReader.read(data: xliff(#"source-language="ru" target-language="de""#), name: "m.xlf"),
                                          file: "m.xlf", line: 6, containing: #"target-language="de" where the first has "en""#)
            BilingualFixtures.expectError(try XLIFFReader.read(data: xliff(#"source-language="uk" target-language="en""#), name: "m.xlf"),
                                          file: "m.xlf", line: 6, containing: #"source-language="uk""#)
            // The same pair again, in another case or left unsaid, is one pair.
            #expect((try? XLIFFReader.read(data: xliff(#"source-language="RU" target-language="EN""#), name: "m.xlf"))?.units.count == 2)
            #expect((try? XLIFFReader.read(data: xliff(""), name: "m.xlf"))?.units.count == 2)
        }

        @Test func readsLanguagesIDsAndTexts() throws {
            let file = try BilingualFileLoader.load(path: BilingualFixtures.path(Self.name))
            #expect(file.sourceLanguage == "de")
            #expect(file.targetLanguage == "en")
            // Units inside <group> are read; <alt-trans> proposals are not units.
            #expect(file.units.map(\.id) == ["title", "peskov", "medinsky", "nato", "istanbul", "ankara"])
            let title = try #require(BilingualFixtures.unit(file, "title"))
            #expect(title.source == SegmentText(text: "Gespräche zwischen Russland und der Ukraine beginnen am Dienstag",
                                                line: 9, column: 17))
            #expect(title.target == SegmentText(text: "Talks between Russia and Ukraine start on Tuesday", line: 10, column: 17))
            #expect(title.notes.isEmpty)  // the <header> note belongs to the file, not to a unit
            #expect(BilingualFixtures.unit(file, "ankara")?.target == nil)
            try BilingualFixtures.expectPositions(of: file)
        }

        @Test func takesInlineMarkupOutOfTheText() throws {
            let file = try XLIFFReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let peskov = try #require(BilingualFixtures.unit(file, "peskov"))
            #expect(peskov.source.text
                == "„Heute werden sie es wahrscheinlich nicht mehr dorthin schaffen“, sagte Kremlsprecher "
                + "Dmitri Peskow (Дмитрий Песков) am Montag.")
            #expect(peskov.source.inlineCodes == ["g:1", "/g:1", "x:2"])
            #expect(peskov.target?.inlineCodes == ["g:1", "/g:1", "x:2"])
            #expect(peskov.source.line == 14 && peskov.source.column == 19)
            #expect(peskov.notes == ["The Cyrillic name stays as in the source.", "Quote from Interfax."])

            // The content of <ph> is native code: not text. The target lost the closing placeholder.
            let medinsky = try #require(BilingualFixtures.unit(file, "medinsky"))
            #expect(medinsky.source.text
                == "Der Leiter der russischen Delegation, Wladimir Medinski, hatte zuvor ein Treffen angekündigt.")
            #expect(medinsky.source.inlineCodes == ["ph:1", "ph:2"])
            #expect(medinsky.target?.inlineCodes == ["ph:1"])
            #expect(!medinsky.target!.text.contains("<b>"))
        }

        @Test func readsMultilineTextWithPairedCodes() throws {
            let file = try XLIFFReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let nato = try #require(BilingualFixtures.unit(file, "nato"))
            #expect(nato.source.text == """
                Moskau fordert von Kiew einen Verzicht auf die Nato,
                die Anerkennung der abtrünnigen Gebiete im Osten des Landes als unabhängige Staaten
                sowie der russischen Herrschaft über die annektierte Halbinsel Krim.
                """)
            #expect(nato.source.inlineCodes == ["bpt:1", "ept:1", "mrk:t1", "/mrk:t1"])
            #expect(nato.target?.inlineCodes == ["bpt:1", "ept:1", "mrk:t1", "/mrk:t1"])
            #expect(nato.target?.text.hasPrefix("Moscow is demanding that Kiev renounce NATO,\nrecognize") == true)
            #expect(nato.source.line == 25 && nato.source.column == 38)
            #expect(nato.target?.line == 28)
        }

        @Test func segmentationMarkupIsNotACode() throws {
            let file = try XLIFFReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let istanbul = try #require(BilingualFixtures.unit(file, "istanbul"))
            #expect(istanbul.source.text == "Verhandlungen sollen in Istanbul stattfinden. Fotos & Text: ©REUTERS")
            #expect(istanbul.target?.text == "Negotiations are to take place in Istanbul. Photos & text: ©REUTERS")
            #expect(istanbul.source.inlineCodes.isEmpty && istanbul.target?.inlineCodes.isEmpty == true)
            #expect(istanbul.target?.line == 35)
        }

        @Test func readsCDATAAndTheDoctypeWithoutFetchingIt() throws {
            let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff SYSTEM "http://lector.invalid/xliff-core-1.2-strict.dtd">
            <xliff version="1.2"><file source-language="de-DE" target-language="en-GB"><body>
            <trans-unit id="a"><source><![CDATA[<NATO> & Kiew]]></source><target>&lt;NATO&gt; &amp; Kyiv</target></trans-unit>
            </body></file></xliff>
            """
            let file = try XLIFFReader.read(data: Data(xml.utf8), name: "cdata.xlf")
            #expect(file.sourceLanguage == "de-DE" && file.targetLanguage == "en-GB")
            #expect(file.units.first?.source.text == "<NATO> & Kiew")
            #expect(file.units.first?.target?.text == "<NATO> & Kyiv")
            #expect(file.units.first?.source.line == 4)
        }

        @Test func nativeCodeWithoutIDIsNamedByItsContent() throws {
            let xml = """
            <xliff version="1.2"><file><body><trans-unit id="a">
            <source>In <ph>{0}</ph> Tagen <it pos="open">&lt;b&gt;</it>Kiew</source>
            <target>In {0} days Kyiv</target></trans-unit></body></file></xliff>
            """
            let unit = try #require(try XLIFFReader.read(data: Data(xml.utf8), name: "ph.xlf").units.first)
            #expect(unit.source.text == "In  Tagen Kiew")
            #expect(unit.source.inlineCodes == ["ph:{0}", "it:<b>"])
            #expect(unit.target?.inlineCodes == [])
        }

        @Test func truncatedFileIsAnError() {
            let text = BilingualFixtures.text(Self.name)
            let cut = String(text[..<text.range(of: "Vladimir Medinski")!.lowerBound])  // inside unit "medinsky"
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(cut.utf8), name: "cut.xlf"),
                                          file: "cut.xlf", line: 22, containing: "ends too early")
        }

        @Test func mismatchedTagIsAnErrorAtItsLine() {
            let broken = BilingualFixtures.text(Self.name)
                .replacingOccurrences(of: "start on Tuesday</target>", with: "start on Tuesday</targe>")
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(broken.utf8), name: "bad.xlf"),
                                          file: "bad.xlf", line: 10, containing: "closing tag")
        }

        @Test func unitWithoutSourceIsAnError() {
            let xml = "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"x\">\n<target>Kyiv</target>\n"
                + "</trans-unit></body></file></xliff>"
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(xml.utf8), name: "x.xlf"),
                                          file: "x.xlf", line: 2, containing: "<trans-unit id=\"x\"> has no <source>")
        }

        @Test func otherDocumentsAreRefused() {
            let tmx = BilingualFixtures.text("seed-article.de-en.tmx")
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(tmx.utf8), name: "a.xlf"),
                                          file: "a.xlf", line: 3, containing: "not an XLIFF file: the root element is <tmx>")
            let future = Data("<?xml version=\"1.0\"?>\n<xliff version=\"3.0\"/>".utf8)
            BilingualFixtures.expectError(try XLIFFReader.read(data: future, name: "v3.xlf"),
                                          file: "v3.xlf", line: 2, containing: "unsupported XLIFF version 3.0")
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(), name: "empty.xlf"),
                                          file: "empty.xlf", line: 1, containing: "empty")
        }

        @Test func externalEntitiesAreNotRead() {
            let secret = Fixtures.write("TOP-SECRET-CONTENT", named: "secret.txt")
            let xml = """
            <?xml version="1.0"?>
            <!-- exported by hand -->
            <!DOCTYPE xliff [
              <!ENTITY leak SYSTEM "file://\(secret)">
            ]>
            <xliff version="1.2"><file source-language="de" target-language="en"><body>
            <trans-unit id="a"><source>Kiew &leak;</source><target>Kyiv &leak;</target><note>&leak;</note></trans-unit>
            </body></file></xliff>
            """
            // Refused outright, naming the declaration's line: nothing of the file can reach a segment.
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(xml.utf8), name: "xxe.xlf"),
                                          file: "xxe.xlf", line: 4, containing: "declares entities")
            let file = try? XLIFFReader.read(data: Data(xml.utf8), name: "xxe.xlf")
            let texts = file?.units.flatMap { [$0.source.text, $0.target?.text ?? ""] + $0.notes } ?? []
            #expect(!texts.contains { $0.contains("TOP-SECRET") })
        }

        @Test func internalEntitiesAreRefusedRatherThanLost() {
            // XMLParser would drop "Kyiv" from the text without a word; character references are fine.
            let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY city \"Kyiv\">]>\n<xliff version=\"1.2\">"
                + "<file><body><trans-unit id=\"a\"><source>Kiew</source><target>&city;</target></trans-unit></body></file></xliff>"
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(xml.utf8), name: "e.xlf"),
                                          file: "e.xlf", line: 2, containing: "declares entities")
            let references = "<xliff version=\"1.2\"><file><body><trans-unit id=\"a\"><source>&#x41C;&#1077;dinski &lt;&gt;</source>"
                + "</trans-unit></body></file></xliff>"
            #expect((try? XLIFFReader.read(data: Data(references.utf8), name: "r.xlf"))?.units.first?.source.text
                    == "Меdinski <>")
        }

        @Test func entityExpansionIsStopped() {
            var entities = "<!ENTITY a0 \"lol\">"
            for level in 1...12 {
                entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
            }
            let xml = "<?xml version=\"1.0\"?><!DOCTYPE xliff [\(entities)]><xliff version=\"1.2\"><file><body>"
                + "<trans-unit id=\"x\"><source>&a12;</source></trans-unit></body></file></xliff>"
            #expect(throws: InputError.self) { try XLIFFReader.read(data: Data(xml.utf8), name: "bomb.xlf") }
        }

        @Test func columnsHoldInALargeFile() throws {
            // Many units with multibyte text before and inside the tags: the parser's column must not drift.
            var xml = "<?xml version=\"1.0\"?>\n"
                + "<xliff version=\"1.2\"><file source-language=\"de\" target-language=\"en\"><body>\n"
            for index in 0..<3000 {
                let indent = String(repeating: " ", count: index % 7)
                xml += "\(indent)<trans-unit id=\"ü\(index)\"><source>Мединский \(index) in Kiew</source>"
                    + "<!-- ä --><target xml:lang=\"en\">Medinsky <g id=\"1\">\(index)</g> in Kyiv</target></trans-unit>\n"
            }
            xml += "</body></file></xliff>\n"
            let path = Fixtures.write(xml, named: "large.xlf")
            let file = try BilingualFileLoader.load(path: path)
            #expect(file.units.count == 3000)
            #expect(file.units.last?.source.line == 3002)
            #expect(file.units.last?.target?.inlineCodes == ["g:1", "/g:1"])
            try BilingualFixtures.expectPositions(of: file)
        }
    }
}

// MARK: - XLIFF 2

extension BilingualReaderTests {
    @Suite struct XLIFF2 {
        static let name = "seed-article.de-en.xliff"

        @Test func readsSegmentsAsUnits() throws {
            let file = try BilingualFileLoader.load(path: BilingualFixtures.path(Self.name))
            #expect(file.sourceLanguage == "de")
            #expect(file.targetLanguage == "en-US")
            // <ignorable> and the <mtc:match> candidates are not units.
            #expect(file.units.map(\.id) == ["title/s1", "telegram/1", "telegram/2", "nato", "medinsky/1", "medinsky/2"])
            let title = try #require(BilingualFixtures.unit(file, "title/s1"))
            #expect(title.notes == ["Headline."])  // the file's <notes> are not the unit's
            #expect(title.source.line == 13 && title.source.column == 17)
            #expect(title.target?.text == "Talks between Russia and Ukraine start on Tuesday")
            try BilingualFixtures.expectPositions(of: file)
        }

        @Test func takesInlineMarkupOutOfTheText() throws {
            let file = try XLIFFReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let telegram = try #require(BilingualFixtures.unit(file, "telegram/1"))
            #expect(telegram.source.text == "Medinski hatte zuvor auf Telegram geschrieben, dass ein Treffen geplant sei.")
            #expect(telegram.source.inlineCodes == ["pc:1", "/pc:1"])
            #expect(telegram.target?.inlineCodes == ["pc:1", "/pc:1"])
            #expect(telegram.target?.line == 20)

            // The target lost the placeholder.
            let putin = try #require(BilingualFixtures.unit(file, "telegram/2"))
            #expect(putin.source.text == "Putin und Erdogan tauschten sich telefonisch aus.")
            #expect(putin.source.inlineCodes == ["ph:2"])
            #expect(putin.target?.inlineCodes == [])
        }

        @Test func readsMultilineTextNotesAndCodePoints() throws {
            // <cp hex="000B"/> is a vertical tab, which XML cannot carry: Word’s manual line break.
            let file = try XLIFFReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let nato = try #require(BilingualFixtures.unit(file, "nato"))
            #expect(nato.source.text == "Moskau fordert von Kiew einen Verzicht auf die Nato,\n"
                + "die Anerkennung der abtrünnigen Gebiete als unabhängige Staaten\u{0B}"
                + "sowie der russischen Herrschaft über die Krim.")
            #expect(nato.source.inlineCodes == ["sc:1", "ec:1", "mrk:m1", "/mrk:m1"])
            #expect(nato.target?.inlineCodes == ["sc:1", "ec:1", "mrk:m1", "/mrk:m1"])
            #expect(nato.notes == ["NATO is an acronym: all capitals.", "Kiev is the old spelling."])
            #expect(nato.source.line == 45 && nato.target?.line == 47)
        }

        @Test func segmentsWithoutIDAreNumbered() throws {
            let file = try XLIFFReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let first = try #require(BilingualFixtures.unit(file, "medinsky/1"))
            #expect(first.source.text.contains("(Владимир Мединский)"))
            #expect(first.target == nil)
            #expect(BilingualFixtures.unit(file, "medinsky/2")?.target?.text == "The meeting was planned from Tuesday.")
        }

        @Test func versionComesFromTheNamespaceWhenMissing() throws {
            let xml = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en">
            <file id="f"><unit id="u"><segment><source>Kiew</source><target>Kyiv</target></segment></unit></file></xliff>
            """
            let file = try XLIFFReader.read(data: Data(xml.utf8), name: "v2.xlf")
            #expect(file.units == [BilingualUnit(id: "u", source: SegmentText(text: "Kiew", line: 2, column: 44),
                                                 target: SegmentText(text: "Kyiv", line: 2, column: 65))])
        }

        @Test func truncatedAndMismatchedFilesAreErrors() {
            let text = BilingualFixtures.text(Self.name)
            let cut = String(text[..<text.range(of: "<target>Moscow is")!.lowerBound])
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(cut.utf8), name: "cut.xliff"),
                                          file: "cut.xliff", line: 47, containing: "ends too early")
            let broken = text.replacingOccurrences(of: "</pc> geschrieben", with: "</pd> geschrieben")
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(broken.utf8), name: "bad.xliff"),
                                          file: "bad.xliff", line: 19, containing: "closing tag")
        }

        @Test func segmentWithoutSourceIsAnError() {
            let xml = "<xliff version=\"2.0\" srcLang=\"de\">\n<file id=\"f\"><unit id=\"u\">\n<segment id=\"s\">\n"
                + "<target>Kyiv</target>\n</segment></unit></file></xliff>"
            BilingualFixtures.expectError(try XLIFFReader.read(data: Data(xml.utf8), name: "s.xlf"),
                                          file: "s.xlf", line: 3, containing: "has no <source>")
        }
    }
}

// MARK: - TMX

extension BilingualReaderTests {
    @Suite struct TMX {
        static let name = "seed-article.de-en.tmx"

        @Test func sourceIsTheHeaderLanguageAndTargetTheFirstOther() throws {
            let file = try BilingualFileLoader.load(path: BilingualFixtures.path(Self.name))
            #expect(file.sourceLanguage == "de-DE")
            #expect(file.targetLanguage == "en-GB")
            #expect(file.units.map(\.id) == ["peskov", "medinsky", "nato", "deaths", "ankara"])
            // In "peskov" the English <tuv> comes first; the source is still the German one.
            let peskov = try #require(BilingualFixtures.unit(file, "peskov"))
            #expect(peskov.source.text.hasPrefix("„Heute werden sie"))
            #expect(peskov.source.line == 13 && peskov.source.column == 14)
            #expect(peskov.target?.text.hasPrefix("“Today they probably") == true)
            #expect(peskov.target?.line == 10)
            #expect(peskov.notes == ["Quote from Interfax."])
            #expect(BilingualFixtures.unit(file, "ankara")?.target == nil)
            try BilingualFixtures.expectPositions(of: file)
        }

        @Test func takesInlineMarkupOutOfTheText() throws {
            let file = try TMXReader.read(contentsOf: BilingualFixtures.path(Self.name))
            // The French <tuv> is not read: the target is the first language other than the source.
            let medinsky = try #require(BilingualFixtures.unit(file, "medinsky"))
            #expect(medinsky.source.text
                == "Der Leiter der russischen Delegation, Wladimir Medinski, hatte zuvor ein Treffen angekündigt.")
            #expect(medinsky.source.inlineCodes == ["bpt:1", "ept:1"])
            #expect(medinsky.target?.inlineCodes == ["bpt:1"])  // lost its <ept>
            #expect(medinsky.target?.text.hasPrefix("The head") == true)
            #expect(medinsky.source.line == 17 && medinsky.source.column == 34)

            let deaths = try #require(BilingualFixtures.unit(file, "deaths"))
            #expect(deaths.source.text == "Nach Angaben Selenskyjs sind bereits  Menschen gestorben.")
            #expect(deaths.source.inlineCodes == ["ph:{count}"])
            #expect(deaths.target?.inlineCodes == ["ph:{count}"])
        }

        @Test func readsMultilineTextWithHighlighting() throws {
            let file = try TMXReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let nato = try #require(BilingualFixtures.unit(file, "nato"))
            #expect(nato.source.text == """
                Moskau fordert von Kiew einen Verzicht auf die Nato,
                die Anerkennung der abtrünnigen Gebiete im Osten des Landes als unabhängige Staaten
                sowie der russischen Herrschaft über die annektierte Halbinsel Krim.
                """)
            #expect(nato.source.inlineCodes == ["hi:3", "/hi:3"])
            #expect(nato.target?.inlineCodes == ["hi:3", "/hi:3"])
            #expect(nato.source.line == 24 && nato.target?.line == 29)
            #expect(nato.notes.isEmpty)  // <prop> is not a note
        }

        @Test func sourceLanguageMatchesByPrimarySubtagOrFallsBackToTheFirst() throws {
            let xml = """
            <tmx version="1.4"><header srclang="de" segtype="sentence"/><body>
            <tu tuid="1"><tuv xml:lang="en-US"><seg>Kyiv</seg></tuv><tuv xml:lang="de-AT"><seg>Kiew</seg></tuv></tu>
            <tu tuid="2" srclang="uk"><tuv xml:lang="uk"><seg>Київ</seg></tuv><tuv xml:lang="en"><seg>Kyiv</seg></tuv></tu>
            <tu tuid="3"><tuv lang="en"><seg>Kharkiv</seg></tuv><tuv lang="ru"><seg>Харьков</seg></tuv></tu>
            </body></tmx>
            """
            let file = try TMXReader.read(data: Data(xml.utf8), name: "langs.tmx")
            #expect(file.sourceLanguage == "de" && file.targetLanguage == "en-US")
            #expect(file.units.map(\.source.text) == ["Kiew", "Київ", "Kharkiv"])
            #expect(file.units.map { $0.target?.text } == ["Kyiv", "Kyiv", "Харьков"])
        }

        @Test func malformedFilesAreErrors() {
            let text = BilingualFixtures.text(Self.name)
            let cut = String(text[..<text.range(of: "Moscow is demanding")!.lowerBound])
            BilingualFixtures.expectError(try TMXReader.read(data: Data(cut.utf8), name: "cut.tmx"),
                                          file: "cut.tmx", line: 29, containing: "ends too early")
            let broken = text.replacingOccurrences(of: "<seg>According", with: "<sag>According")
            BilingualFixtures.expectError(try TMXReader.read(data: Data(broken.utf8), name: "bad.tmx"),
                                          file: "bad.tmx", line: 36, containing: "closing tag")
            let noLanguage = text.replacingOccurrences(of: "<tuv xml:lang=\"de-DE\"><seg>Ankara", with: "<tuv><seg>Ankara")
            BilingualFixtures.expectError(try TMXReader.read(data: Data(noLanguage.utf8), name: "l.tmx"),
                                          file: "l.tmx", line: 39, containing: "<tuv> without xml:lang")
            let xliff = BilingualFixtures.text(XLIFF1.name)
            BilingualFixtures.expectError(try TMXReader.read(data: Data(xliff.utf8), name: "x.tmx"),
                                          file: "x.tmx", line: 2, containing: "not a TMX file: the root element is <xliff>")
        }
    }
}

// MARK: - PO

extension BilingualReaderTests {
    @Suite struct PO {
        static let name = "seed-article.en.po"

        @Test func readsEntriesAndTheHeader() throws {
            let file = try BilingualFileLoader.load(path: BilingualFixtures.path(Self.name))
            #expect(file.sourceLanguage == "de")  // X-Source-Language
            #expect(file.targetLanguage == "en")
            // The header is not a unit, and the obsolete entry is skipped; the plural entry is two
            // units, msgstr[0] and msgstr[1].
            #expect(file.units.map(\.id) == ["title", "peskov", "deaths", "nato", nil, nil, nil])
            #expect(file.units.map(\.details.pluralForm) == [nil, nil, nil, nil, nil, 1, nil])
            let title = try #require(BilingualFixtures.unit(file, "title"))
            #expect(title.source == SegmentText(text: "Gespräche zwischen Russland und der Ukraine beginnen am Dienstag",
                                                line: 16, column: 8))
            #expect(title.target == SegmentText(text: "Talks between Russia and Ukraine start on Tuesday", line: 17, column: 9))
            #expect(title.notes == ["Headline of the article."])
            #expect(file.units.last?.source.text == "Ankara unterhält gute Beziehungen zu Moskau und Kiew.")
            #expect(file.units.last?.target == nil)  // empty msgstr: not translated yet
            #expect(!file.units.contains { $0.source.text.contains("Bislang") })
        }

        @Test func readsCommentsEscapesAndFuzzyEntries() throws {
            let file = try POReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let peskov = try #require(BilingualFixtures.unit(file, "peskov"))  // fuzzy, still read
            #expect(peskov.notes == ["Keep the quotation marks of the source.\nThe Cyrillic name stays as written."])
            #expect(peskov.source.text.hasSuffix("Dmitri Peskow (Дмитрий Песков)."))
            #expect(peskov.target?.text
                == "\"Today they probably won't get there,\" Kremlin spokesman Dmitry Peskov (Дмитрий Песков) said.")
            #expect(peskov.source.line == 24 && peskov.target?.line == 25)
        }

        @Test func keepsPlaceholdersAndTagsInTheText() throws {
            // PO has no inline markup: what looks like a placeholder stays in the text for the rules to see.
            let file = try POReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let deaths = try #require(BilingualFixtures.unit(file, "deaths"))
            #expect(deaths.source.text == "Nach Angaben <b>Selenskyjs</b> sind bereits „etwa“ {count} Menschen gestorben.")
            #expect(deaths.target?.text.contains("{count}") == false)  // lost in translation
            #expect(deaths.source.inlineCodes.isEmpty)
        }

        @Test func readsContinuationLinesAndPlurals() throws {
            let file = try POReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let nato = try #require(BilingualFixtures.unit(file, "nato"))
            #expect(nato.source.text == "Moskau fordert von Kiew einen Verzicht auf die Nato,\n"
                + "die Anerkennung der abtrünnigen Gebiete als unabhängige Staaten\n"
                + "\tsowie der russischen Herrschaft über die Krim.")
            #expect(nato.target?.text == "Moscow is demanding that Kiev renounce NATO,\n"
                + "recognize breakaway areas as independent states\n\tand Russian rule over Crimea.")
            #expect(nato.source.line == 33 && nato.target?.line == 37)
            let plural = file.units[4]
            #expect(plural.source == SegmentText(text: "%d Delegation", line: 43, column: 8))
            #expect(plural.target == SegmentText(text: "%d delegation", line: 45, column: 12))
        }

        static func expectPOError(_ po: String, line: Int, containing text: String,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
            BilingualFixtures.expectError(try POReader.read(data: Data(po.utf8), name: "bad.po"),
                                          file: "bad.po", line: line, containing: text, sourceLocation: sourceLocation)
        }

        @Test func malformedEntriesAreErrorsAtTheirLine() {
            let text = BilingualFixtures.text(Self.name)
            Self.expectPOError(text.replacingOccurrences(of: "unabhängige Staaten\\n\"", with: "unabhängige Staaten"),
                               line: 35, containing: "unterminated string")
            Self.expectPOError(text.replacingOccurrences(of: "msgid \"Ankara", with: "msgstr \"Ankara"),
                               line: 48, containing: "msgstr without msgid")
            Self.expectPOError(text.replacingOccurrences(of: "msgstr \"Talks", with: "msgstr \"\\qTalks"),
                               line: 17, containing: "unknown escape \\q")
            Self.expectPOError("msgid \"Kiew\"\n\nmsgid \"Kyiv\"\nmsgstr \"\"\n", line: 1, containing: "msgid without msgstr")
            Self.expectPOError("msgid \"Kiew\" x\nmsgstr \"\"\n", line: 1, containing: "after the closing quote")
            Self.expectPOError("msgid \"Kiew\"\nmsgtext \"Kyiv\"\n", line: 2, containing: "unexpected “msgtext”")
            Self.expectPOError("\"Kiew\"\n", line: 1, containing: "a string without msgid")
            Self.expectPOError("# a comment\nmsgid \"Kiew\"", line: 2, containing: "msgid without msgstr")
        }

        @Test func invalidUTF8IsAnErrorAtItsLine() {
            var bytes = Data("msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"Kiew\"\nmsgstr \"K".utf8)
            bytes.append(contentsOf: [0xC3, 0x28])
            bytes.append(contentsOf: Data("yiv\"\n".utf8))
            BilingualFixtures.expectError(try POReader.read(data: bytes, name: "latin.po"),
                                          file: "latin.po", line: 5, containing: "not valid UTF-8")
        }

        @Test func readsCRLFAndABOM() throws {
            let po = "\u{FEFF}msgid \"\"\r\nmsgstr \"Language: uk\\n\"\r\n\r\nmsgid \"Kiew\"\r\nmsgstr \"Київ\"\r\n"
            let file = try POReader.read(data: Data(po.utf8), name: "crlf.po")
            #expect(file.targetLanguage == "uk")
            #expect(file.units == [BilingualUnit(id: nil, source: SegmentText(text: "Kiew", line: 4, column: 8),
                                                 target: SegmentText(text: "Київ", line: 5, column: 9),
                                                 reference: "Kiew")])
        }
    }
}

// MARK: - JSON Lines

extension BilingualReaderTests {
    @Suite struct JSONLines {
        static let name = "seed-article.de-en.jsonl"

        @Test func readsOneUnitPerLine() throws {
            let file = try BilingualFileLoader.load(path: BilingualFixtures.path(Self.name))
            #expect(file.sourceLanguage == "de")
            #expect(file.targetLanguage == "en")  // the first line's wins over the last line's en-US
            #expect(file.units.map(\.id) == ["1", "peskov", "3", "4", nil])
            #expect(file.units.map(\.source.line) == [1, 2, 4, 5, 7])  // blank lines are skipped, not renumbered
            #expect(file.units.allSatisfy { $0.source.column == nil && $0.target?.column == nil })
            #expect(file.units.allSatisfy { $0.target == nil || $0.target?.line == $0.source.line })
            let peskov = try #require(BilingualFixtures.unit(file, "peskov"))
            #expect(peskov.source.text.hasSuffix("Dmitri Peskow (Дмитрий Песков)."))
            #expect(file.units.last?.target == nil)  // "target": null
        }

        @Test func readsEscapedLineBreaksAndKeepsPlaceholders() throws {
            let file = try JSONLinesReader.read(contentsOf: BilingualFixtures.path(Self.name))
            let nato = try #require(BilingualFixtures.unit(file, "3"))
            #expect(nato.source.text.components(separatedBy: "\n").count == 3)
            #expect(nato.target?.text.hasPrefix("Moscow is demanding that Kiev renounce NATO,\n") == true)
            let deaths = try #require(BilingualFixtures.unit(file, "4"))
            #expect(deaths.source.text.contains("<b>Selenskyjs</b>") && deaths.source.text.contains("{count}"))
            #expect(deaths.target?.text.contains("{count}") == false)  // lost in translation
            #expect(deaths.source.inlineCodes.isEmpty)
        }

        static func expectJSONLError(_ jsonl: String, line: Int, containing text: String,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
            BilingualFixtures.expectError(try JSONLinesReader.read(data: Data(jsonl.utf8), name: "bad.jsonl"),
                                          file: "bad.jsonl", line: line, containing: text, sourceLocation: sourceLocation)
        }

        @Test func badLinesAreErrorsAtTheirLine() {
            let good = #"{"source": "Kiew", "target": "Kyiv"}"#
            Self.expectJSONLError("\(good)\n\n{\"source\": \"Kiew\", \"target\": }\n", line: 3, containing: "not valid JSON")
            Self.expectJSONLError("\(good)\n{\"target\": \"Kyiv\"}\n", line: 2, containing: "no “source”")
            Self.expectJSONLError("\(good)\n{\"source\": 12}\n", line: 2, containing: "“source” is not a string")
            Self.expectJSONLError("\(good)\n{\"source\": \"a\", \"target\": [\"b\"]}\n", line: 2,
                                  containing: "“target” is not a string")
            Self.expectJSONLError("\(good)\n[\"Kiew\", \"Kyiv\"]\n", line: 2, containing: "JSON object")
            Self.expectJSONLError("\(good)\n{\"id\": true, \"source\": \"Kiew\"}\n", line: 2, containing: "“id”")
            Self.expectJSONLError("\(good)\n\(good)\n{\"source\": \"Kiew\"\n", line: 3, containing: "not valid JSON")
        }

        @Test func idsMayBeNumbers() throws {
            let file = try JSONLinesReader.read(data: Data("{\"id\": 7, \"source\": \"a\"}\n{\"id\": 7.5, \"source\": \"b\"}".utf8),
                                                name: "ids.jsonl")
            #expect(file.units.map(\.id) == ["7", "7.5"])
            #expect(file.units.allSatisfy { $0.target == nil })
        }

        @Test func invalidUTF8IsAnErrorAtItsLine() {
            var bytes = Data("{\"source\": \"Kiew\"}\n{\"source\": \"K".utf8)
            bytes.append(0xFF)
            bytes.append(contentsOf: Data("\"}\n".utf8))
            BilingualFixtures.expectError(try JSONLinesReader.read(data: bytes, name: "x.jsonl"),
                                          file: "x.jsonl", line: 2, containing: "not valid UTF-8")
        }
    }
}

// MARK: - Loader

extension BilingualReaderTests {
    @Suite struct Loader {
        @Test func choosesTheReaderByExtension() {
            for path in ["a.xlf", "a.XLIFF", "dir.v2/a.tmx", "a.po", "a.pot", "a.jsonl", "a.NDJSON"] {
                #expect(BilingualFileLoader.isBilingual(path: path), "\(path)")
            }
            for path in ["a.txt", "a.xlz", "a.tbx", "a.json", "po", ".po/a", "a.xlf.txt"] {
                #expect(!BilingualFileLoader.isBilingual(path: path), "\(path)")
            }
        }

        @Test func unknownExtensionsAndMissingFilesAreInputErrors() {
            BilingualFixtures.expectError(try BilingualFileLoader.load(path: "article.docx"),
                                          file: "article.docx", line: nil, containing: "unknown bilingual format")
            BilingualFixtures.expectError(try BilingualFileLoader.load(path: "/nonexistent/a.xlf"),
                                          file: "/nonexistent/a.xlf", line: nil, containing: "no such file")
            BilingualFixtures.expectError(try BilingualFileLoader.load(path: "/nonexistent/a.po"),
                                          file: "/nonexistent/a.po", line: nil, containing: "no such file")
        }
    }
}
