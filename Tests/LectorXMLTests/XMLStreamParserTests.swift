import LectorXML
import Testing

/// Records what the parser reports, as `start:NAME`, `end:NAME` and the text.
private final class EventLog: XMLEventSink {
    var events: [String] = []
    var text = ""
    var stopAt: String?

    func startElement(localName: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int) -> Bool {
        events.append("start:\(localName)@\(line)" + attributes.map { " \($0.qualifiedName)=\($0.value)" }.joined())
        return localName != stopAt
    }

    func endElement(localName: String, line: Int) -> Bool {
        events.append("end:\(localName)")
        return true
    }

    func characters(_ text: String) { self.text += text }
}

private func parse(_ bytes: [UInt8], chunk: Int? = nil) -> (EventLog, XMLSyntaxError?) {
    let log = EventLog()
    guard let chunk else { return (log, bytes.withUnsafeBytes { XMLStreamParser.parse($0, sink: log) }) }
    return (log, feed(bytes, in: chunk, to: log))
}

/// Feeds `bytes` to a new parser for `sink` in chunks of `chunk` bytes; the parser's failure.
private func feed(_ bytes: [UInt8], in chunk: Int, to sink: some XMLEventSink) -> XMLSyntaxError? {
    let parser = XMLStreamParser(sink: sink)
    var offset = 0
    while offset < bytes.count {
        let end = min(offset + chunk, bytes.count)
        bytes[offset..<end].withUnsafeBytes { _ = parser.feed($0) }
        offset = end
    }
    parser.finish()
    return parser.failure
}

private func parse(_ text: String, chunk: Int? = nil) -> (EventLog, XMLSyntaxError?) { parse(Array(text.utf8), chunk: chunk) }

/// Wants text only inside `<keep>`, and records any text it is given where it wanted none.
private final class SelectiveLog: XMLEventSink {
    var depth = 0
    var kept = ""
    var unwanted = 0

    func startElement(localName: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int) -> Bool {
        if localName == "keep" { depth += 1 }
        return true
    }

    func endElement(localName: String, line: Int) -> Bool {
        if localName == "keep" { depth -= 1 }
        return true
    }

    var wantsCharacters: Bool { depth > 0 }

    func characters(_ text: String) {
        if depth > 0 { kept += text } else { unwanted += 1 }
    }
}

@Suite struct XMLStreamParserTests {
    /// Text is given to a sink only while it wants it, and all of the text it wants, whatever
    /// the chunks (a text node split across them included).
    @Test func textOnlyWhereTheSinkWantsIt() {
        let document = "<doc>\n  " + (0..<200).map { "<keep>Kyiv &amp; №\($0)<![CDATA[<x>]]></keep>\n  <skip>no</skip>" }.joined() + "</doc>"
        let reference = EventLog()
        _ = Array(document.utf8).withUnsafeBytes { XMLStreamParser.parse($0, sink: reference) }
        for size in [1, 5, 4096, 1 << 20] {
            let log = SelectiveLog()
            #expect(feed(Array(document.utf8), in: size, to: log) == nil)
            #expect(log.unwanted == 0)
            #expect(log.kept == (0..<200).map { "Kyiv & №\($0)<x>" }.joined())
        }
        #expect(reference.text.contains("no"))
    }

    @Test func readsElementsAttributesAndText() {
        let (log, error) = parse("<?xml version=\"1.0\"?>\n<a xml:lang=\"de\" id=\"1\">Ki&amp;ew &#x41;<![CDATA[<b>]]><b/></a>")
        #expect(error == nil)
        #expect(log.events == ["start:a@2 xml:lang=de id=1", "start:b@2", "end:b", "end:a"])
        #expect(log.text == "Ki&ew A<b>")
    }

    @Test func sameEventsWhateverTheChunkSize() {
        let document = "<doc>" + (0..<300).map { "<s n=\"\($0)\">Zelenskyy – Kyiv №\($0)</s>\n" }.joined() + "</doc>"
        let (whole, _) = parse(document)
        for size in [1, 2, 3, 7, 4096] {
            let (chunked, error) = parse(document, chunk: size)
            #expect(error == nil)
            #expect(chunked.events == whole.events)
            #expect(chunked.text == whole.text)
        }
    }

    @Test func entityDeclarationsAreRefusedHoweverTheyAreHidden() {
        let plain = "<!DOCTYPE a [\n<!ENTITY city \"Kiev\">\n]>\n<a>&city;</a>"
        let afterInstruction = "<!DOCTYPE a [\n<?pi x?>\n<!ENTITY city \"Kiev\">\n]>\n<a>&city;</a>"
        let parameter = "<!DOCTYPE a [\n<!ENTITY % p \"x\">\n]>\n<a/>"
        for document in [plain, afterInstruction, parameter] {
            let (log, error) = parse(document)
            guard case .entityDeclaration? = error?.kind else {
                Issue.record("not refused: \(document)")
                continue
            }
            #expect(log.events.isEmpty)
            #expect(error?.line == (document == afterInstruction ? 3 : 2))
        }
        // UTF-16 with a byte-order mark: a byte scan for `<!ENTITY` sees only every other byte.
        let utf16: [UInt8] = [0xFF, 0xFE] + afterInstruction.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard case .entityDeclaration? = parse(utf16).1?.kind else {
            Issue.record("UTF-16 declaration not refused")
            return
        }
    }

    @Test func undeclaredEntitiesAreRefusedNotDropped() {
        let (_, error) = parse("<!DOCTYPE a SYSTEM \"a.dtd\">\n<a>Kyiv &city; Lviv</a>")
        #expect(error?.kind == .undeclaredEntity(name: "city"))
        #expect(error?.line == 2)
    }

    @Test func invalidUTF8InNamesIsAnErrorWithItsLine() {
        for bad in [[0xFF], [0xC3, 0x28], [0xE2, 0x82]] as [[UInt8]] {
            let element = Array("<a>\n<b".utf8) + bad + Array(">x</b></a>".utf8)
            let attribute = Array("<a>\n<b c".utf8) + bad + Array("=\"1\">x</b></a>".utf8)
            for document in [element, attribute] {
                let (_, error) = parse(document)
                guard case .malformed? = error?.kind else {
                    Issue.record("accepted \(document)")
                    continue
                }
                #expect(error?.line == 2)
            }
        }
    }

    @Test func truncatedAndEmptyDocumentsAreErrors() {
        guard case .malformed(let code)? = parse("<a><b>text</b>").1?.kind else {
            Issue.record("truncated document accepted")
            return
        }
        #expect(code == 5)
        guard case .malformed? = parse("").1?.kind else {
            Issue.record("empty document accepted")
            return
        }
    }

    @Test func theSinkCanStopTheParse() {
        let log = EventLog()
        log.stopAt = "b"
        let error = Array("<a><b/><c/></a>".utf8).withUnsafeBytes { XMLStreamParser.parse($0, sink: log) }
        #expect(error == nil)
        #expect(log.events == ["start:a@1", "start:b@1"])
    }

    @Test func documentsOverTenMillionBytesLoad() {
        // libxml2 refuses more than 10,000,000 bytes of look-ahead when a document is handed over whole.
        let entry = "<termEntry id=\"c\"><langSet xml:lang=\"en\"><tig><term>Kyiv</term></tig></langSet></termEntry>\n"
        let count = 10_500_000 / entry.utf8.count + 1
        let document = "<martif><body>\n" + String(repeating: entry, count: count) + "</body></martif>"
        #expect(document.utf8.count > 10_000_000)
        final class Counter: XMLEventSink {
            var terms = 0
            func startElement(localName: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int) -> Bool {
                if localName == "term" { terms += 1 }
                return true
            }
            func endElement(localName: String, line: Int) -> Bool { true }
            func characters(_ text: String) {}
        }
        let counter = Counter()
        let error = Array(document.utf8).withUnsafeBytes { XMLStreamParser.parse($0, sink: counter) }
        #expect(error == nil)
        #expect(counter.terms == count)
    }

    @Test func deepNestingIsReadWithoutRecursion() {
        final class Depth: XMLEventSink {
            var depth = 0, deepest = 0
            func startElement(localName: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int) -> Bool {
                depth += 1
                deepest = max(deepest, depth)
                return true
            }
            func endElement(localName: String, line: Int) -> Bool {
                depth -= 1
                return true
            }
            func characters(_ text: String) {}
        }
        let levels = 100_000
        let document = String(repeating: "<g>", count: levels) + "x" + String(repeating: "</g>", count: levels)
        let sink = Depth()
        let error = Array(document.utf8).withUnsafeBytes { XMLStreamParser.parse($0, sink: sink) }
        #expect(error == nil)
        #expect(sink.deepest == levels)
        #expect(sink.depth == 0)
    }

    /// Each element's namespace as libxml2 resolves it, the last one's `String` reused only for the
    /// same URI: default and prefixed namespaces that come and go, a prefix bound again to another
    /// URI, one URI a prefix of the next, another case, none at all.
    @Test func namespacesAreEachElementsOwn() {
        let document = """
        <root xmlns="urn:a"><x/><p:y xmlns:p="urn:a:b"><p:z/><w xmlns=""/><p:v xmlns:p="urn:a"/></p:y><u/>\
        <q:t xmlns:q="urn:ab"><q:s xmlns:q="urn:a"/></q:t><n xmlns="urn:A"/><m xmlns="urn:a"/><x/></root>
        """
        final class Namespaces: XMLEventSink {
            var seen: [String] = []
            func startElement(localName: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int) -> Bool {
                seen.append("\(localName)=\(namespace)")
                return true
            }
            func endElement(localName: String, line: Int) -> Bool { true }
            func characters(_ text: String) {}
        }
        let sink = Namespaces()
        let error = Array(document.utf8).withUnsafeBytes { XMLStreamParser.parse($0, sink: sink) }
        #expect(error == nil)
        #expect(sink.seen == ["root=urn:a", "x=urn:a", "y=urn:a:b", "z=urn:a:b", "w=", "v=urn:a", "u=urn:a",
                              "t=urn:ab", "s=urn:a", "n=urn:A", "m=urn:a", "x=urn:a"])
    }

    /// Names are reported as written while the parser reuses the `String`s of the last few: more
    /// names than it keeps, coming back in turn, names that are prefixes of each other, another
    /// case, non-ASCII names, attribute names among them.
    @Test func namesAreTheDocumentsWhateverWasReused() {
        let names = ["a", "ab", "abc", "A", "b", "é", "trans-unit", "source", "target", "note", "g", "x", "éé", "a-b"]
        var document = "<root>"
        var expected = ["start:root@1"]
        var generator = SystemRandomNumberGenerator()
        for index in 0..<400 {
            let name = index < names.count * 2 ? names[index % names.count] : names.randomElement(using: &generator)!
            let attribute = names.randomElement(using: &generator)!
            document += "<\(name) \(attribute)=\"v\"/>"
            expected += ["start:\(name)@1 \(attribute)=v", "end:\(name)"]
        }
        document += "</root>"
        expected.append("end:root")
        let (log, error) = parse(document)
        #expect(error == nil)
        #expect(log.events == expected)
    }
}
