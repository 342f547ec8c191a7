import Foundation
import LectorText
import LectorXML

/// A start tag as the bilingual XML readers see it.
struct XMLStartTag {
    /// Local name (namespaces are processed, so `<xliff:source>` is `source`).
    let name: String
    /// Namespace URI; empty when the element has none.
    let namespace: String
    let attributes: XMLAttributes
    /// 1-based line of the tag's closing `>`, which is where the element's content starts.
    let line: Int
    /// 1-based column (Unicode scalars) of the first character after the tag, when the parser knows it.
    let contentColumn: Int?
    /// The element's number in document order, the root being 0 (`XMLSegmentLocator` finds it so).
    var ordinal = -1
}

/// A start tag's attributes, looked up by qualified name (`xml:lang`). A tag has a handful, so
/// they are searched in order rather than hashed: a dictionary per start tag was one allocation
/// and a hash of every name for each element of a file.
struct XMLAttributes {
    private let list: [XMLAttribute]

    init(_ list: [XMLAttribute]) {
        self.list = list
    }

    /// The value of the attribute with this qualified name; the last one, as a dictionary filled
    /// in document order would keep (a well-formed tag names an attribute once).
    subscript(_ name: String) -> String? {
        list.last { $0.qualifiedName == name }?.value
    }
}

/// Receives the events of one XML document. A handler throws to stop the parse; the error is reported
/// as is, so it should name the line it is about.
protocol XMLDocumentHandler: AnyObject {
    /// Called for every start tag, the root first.
    func start(_ tag: XMLStartTag) throws(InputError)
    /// Character data, CDATA included, with entities resolved.
    func characters(_ text: String)
    /// Called for every end tag (and right after the start of an empty element), with the local name.
    func end(_ name: String, line: Int) throws(InputError)
    /// Whether `characters` would keep text given now (`XMLEventSink.wantsCharacters`).
    var wantsCharacters: Bool { get }
}

extension XMLDocumentHandler {
    var wantsCharacters: Bool { true }
}

/// Runs the one XML reader (`LectorXML.XMLStreamParser`, libxml2's SAX2 push parser) over a document
/// the way every XML reader of Lector must (TBX glossaries, XLIFF, TMX), and turns what goes wrong into an
/// `InputError` naming the file and the line.
///
/// - External entities and DTDs are never fetched, so a file cannot make Lector read another file; a
///   `<!DOCTYPE … SYSTEM "x.dtd">` is allowed and ignored.
/// - A document that declares entities in its DOCTYPE is refused, and so is a reference to an entity
///   that is not predefined: the entity's text would otherwise be lost or expanded, and a checked segment
///   would not be the one in the file. The parser's own declaration callback decides (not a text scan),
///   so a processing instruction in the internal subset or a UTF-16 file cannot hide a declaration.
///   Real TBX, XLIFF and TMX files do not declare entities.
/// - The first error is kept with its line; malformed bytes (invalid UTF-8 in a name included) end the
///   parse with an error, never a crash.
/// - The document is fed in chunks, so files over libxml2's 10,000,000-byte look-ahead limit load, with
///   memory proportional to the file and what the handler keeps.
enum XMLDocumentWalker {
    /// Reads a file's bytes; a missing or unreadable file is an `InputError`.
    static func contents(of path: String) throws(InputError) -> Data {
        try FileBytes.read(path: path)
    }

    /// Walks a document's bytes (a `Data`, or the `[UInt8]` a bilingual reader reads a file into).
    static func walk(_ data: some ContiguousBytes, name: String, handler: some XMLDocumentHandler) throws(InputError) {
        let events = XMLEventForwarder(handler: handler)
        let syntaxError = data.withUnsafeBytes { XMLStreamParser.parse($0, sink: events) }
        if let failure = events.failure { throw failure }
        if let syntaxError {
            if case .malformed(let code) = syntaxError.kind, code == documentEmptyCode {
                try describeNonXML(head: data.withUnsafeBytes { [UInt8]($0) }, name: name, isWhole: true)
            }
            throw InputError(file: name, line: syntaxError.line, message: describe(syntaxError))
        }
        guard events.sawRoot else { throw InputError(file: name, line: 1, message: "empty document") }
    }

    /// libxml2's "document is empty": no root element where one was expected.
    static let documentEmptyCode = 4

    /// A file with no root element that is not XML at all (binary data, a file saved under the
    /// wrong name) is said to be that, with the line of its first byte that is not UTF-8. `head`
    /// is the whole file (`isWhole`) or, for a file read a block at a time (`IncrementalXMLWalk`),
    /// its first bytes, which may end inside a character; the rest of the file is unknown.
    static func describeNonXML(head bytes: [UInt8], name: String, isWhole: Bool) throws(InputError) {
        // UTF-16 with a byte order mark is XML's other default encoding, not invalid UTF-8.
        guard !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]) else { return }
        // A block may end inside a character: its last three bytes are not judged.
        let judged = isWhole ? bytes[...] : bytes.dropLast(3)
        try UTF8Validation.check(Array(judged), file: name, message: UTF8Validation.message + ", and not XML (no root element)")
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard bytes.contains(where: { !isSpace($0) }) else { return }
        if isWhole, !bytes.contains(UInt8(ascii: "<")) {
            throw InputError(file: name, line: 1, message: "not XML: the file has no element (no `<`)")
        }
        // Past a byte order mark and white space, an XML document starts with `<`.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let first = bytes[start...].firstIndex(where: { !isSpace($0) }), bytes[first] != UInt8(ascii: "<") else { return }
        let line = 1 + bytes[..<first].filter { $0 == 0x0A }.count
        let text = String(decoding: bytes[first...].prefix(200).prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        let shown = text.count <= 40 ? text : String(text.prefix(39)) + "…"
        throw InputError(file: name, line: line, message: "not XML: the file starts with text, not an element (“\(shown)”)")
    }

    static func describe(_ error: XMLSyntaxError) -> String {
        switch error.kind {
        case .entityDeclaration(let entity):
            return "the DOCTYPE declares entities (“\(entity)”), which Lector does not read (their text "
                + "would be lost or expanded, and external ones are never fetched)"
        case .undeclaredEntity(let entity):
            return "reference to the entity “&\(entity);”, which is not declared in the file (Lector reads "
                + "no DTD, so its text would be lost)"
        case .malformed(let code):
            if let encoding = describeEncoding(code: code, detail: error.detail) { return encoding }
            // libxml2's codes; its own wording is kept for the rest.
            let known: String? = switch code {
            case 4: "the document is empty"
            case 5: "the document ends too early (truncated?)"
            case 9: "invalid character (bytes that are not valid in the file's encoding)"
            case 38, 39, 40, 41: "malformed attribute"
            case 64, 65: "malformed XML declaration"
            case 73: "a tag is not closed (missing '>')"
            case 76: "closing tag does not match the opening tag"
            case 89: "entity expansion limit exceeded"
            default: nil
            }
            return "malformed XML: " + (known ?? (error.detail.isEmpty ? "XML parser error \(code)" : error.detail))
        }
    }

    /// The encoding errors, said so that the user knows what to do: the file is read as UTF-8 unless
    /// its XML declaration (or a byte-order mark) names another encoding this libxml2 can convert.
    static func describeEncoding(code: Int, detail: String) -> String? {
        switch code {
        case 9 where detail.contains("UTF-8"), 81:
            // libxml2 adds the offending bytes ("Bytes: 0xE4 0x63 …") after its own sentence.
            let bytes = detail.range(of: "Bytes:").map { " (bytes " + detail[$0.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines) + ")" } ?? ""
            return "the file is not valid UTF-8\(bytes), and its XML declaration names no other encoding: convert it "
                + "to UTF-8 (iconv -f ENCODING -t UTF-8), or name its encoding (<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>)"
        case 31, 32, 6001:
            let name = detail.split(separator: " ").last.map { "“\($0)”" } ?? "it names"
            return "the XML declaration names the encoding \(name), which Lector cannot read: convert the file to UTF-8 "
                + "(iconv -f ENCODING -t UTF-8) and declare encoding=\"UTF-8\""
        case 6003:
            return "the file's bytes are not valid in the encoding its XML declaration names: convert it to UTF-8 "
                + "(iconv -f ENCODING -t UTF-8) and declare encoding=\"UTF-8\""
        default:
            return nil
        }
    }
}

/// The parser's sink: forwards events to the handler until the first failure, which it keeps.
fileprivate final class XMLEventForwarder<Handler: XMLDocumentHandler>: XMLEventSink {
    let handler: Handler
    /// The handler's error; the parser's own errors come back from `XMLStreamParser.parse`.
    var failure: InputError?
    var sawRoot = false
    private var elementCount = 0

    init(handler: Handler) {
        self.handler = handler
    }

    func startElement(localName: String, namespace: String, attributes: [XMLAttribute],
                      line: Int, column: Int) -> Bool {
        sawRoot = true
        // At this event libxml2 stands on the tag's `>` (or the `/` of `/>`), so content starts one further.
        var tag = XMLStartTag(name: localName, namespace: namespace, attributes: XMLAttributes(attributes),
                              line: line, contentColumn: column > 0 ? column + 1 : nil)
        tag.ordinal = elementCount
        elementCount += 1
        do {
            try handler.start(tag)
            return true
        } catch {
            failure = error
            return false
        }
    }

    func endElement(localName: String, line: Int) -> Bool {
        do {
            try handler.end(localName, line: line)
            return true
        } catch {
            failure = error
            return false
        }
    }

    func characters(_ text: String) {
        handler.characters(text)
    }

    var wantsCharacters: Bool { handler.wantsCharacters }
}

/// `XMLDocumentWalker.walk` for a document given a block at a time (`XLIFFUnitStream`): the same
/// parser, handler and errors, each thrown as soon as the block that holds it has been fed.
final class IncrementalXMLWalk<Handler: XMLDocumentHandler> {
    let name: String
    private let events: XMLEventForwarder<Handler>
    private let parser: XMLStreamParser
    /// The file's first bytes, to say what it is when it turns out not to be XML at all.
    private var head: [UInt8] = []
    private static var headLength: Int { 4096 }

    init(name: String, handler: Handler) {
        self.name = name
        events = XMLEventForwarder(handler: handler)
        parser = XMLStreamParser(sink: events)
    }

    /// Feeds the next bytes, in the pieces `XMLStreamParser.parse` would.
    func feed(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
        if head.count < Self.headLength { head += bytes.prefix(Self.headLength - head.count) }
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + XMLStreamParser.chunkSize, bytes.count)
            let going = parser.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
            try check()
            if !going { return }
            offset = end
        }
    }

    /// Ends the document: what `walk` throws once every byte is given.
    func finish() throws(InputError) {
        parser.finish()
        try check()
        guard events.sawRoot else { throw InputError(file: name, line: 1, message: "empty document") }
    }

    private func check() throws(InputError) {
        if let failure = events.failure { throw failure }
        if let syntaxError = parser.failure {
            if case .malformed(let code) = syntaxError.kind, code == XMLDocumentWalker.documentEmptyCode {
                try XMLDocumentWalker.describeNonXML(head: head, name: name, isWhole: false)
            }
            throw InputError(file: name, line: syntaxError.line, message: XMLDocumentWalker.describe(syntaxError))
        }
    }
}
