import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A start tag as the bilingual XML readers see it.
struct XMLStartTag {
    /// Local name (namespaces are processed, so `<xliff:source>` is `source`).
    let name: String
    /// Namespace URI; empty when the element has none.
    let namespace: String
    let attributes: [String: String]
    /// 1-based line of the tag's closing `>`, which is where the element's content starts.
    let line: Int
    /// 1-based column (Unicode scalars) of the first character after the tag, when the parser knows it.
    let contentColumn: Int?
    /// The element's number in document order, the root being 0 (`XMLSegmentLocator` finds it so).
    var ordinal = -1
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
}

/// Runs `XMLParser` over a document the way every bilingual XML reader must, and turns what goes wrong
/// into an `InputError` naming the file and the line.
///
/// - External entities and DTDs are never fetched (`shouldResolveExternalEntities = false`), so a
///   file cannot make Lector read another file; a `<!DOCTYPE … SYSTEM "x.dtd">` is allowed and ignored.
/// - `parserError` is checked after `parse()` whatever it returned: for a truncated document libxml2
///   returns `true` and only sets the error.
/// - The line of the *first* error is kept, because libxml2 recovers and reads on, and the parser's
///   final line is somewhere after the problem.
/// - A document that declares entities in its DOCTYPE is refused. Foundation's XMLParser on Linux
///   neither expands nor reports them: a reference such as `&name;` silently drops the entity's text
///   (and, for an external entity, the rest of the element's text), so a checked segment would not be
///   the one in the file. Real XLIFF and TMX files do not declare entities.
enum XMLDocumentWalker {
    /// Reads a file's bytes; a missing or unreadable file is an `InputError`.
    static func contents(of path: String) throws(InputError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(file: path, message: FileManager.default.fileExists(atPath: path)
                ? "cannot read the file" : "no such file")
        }
    }

    static func walk(_ data: Data, name: String, handler: some XMLDocumentHandler) throws(InputError) {
        if let line = entityDeclarationLine(in: data) {
            throw InputError(file: name, line: line, message: "the DOCTYPE declares entities, which Lector does not "
                + "read (their text would be lost, and external ones are never fetched)")
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        let events = XMLEventForwarder(file: name, handler: handler)
        parser.delegate = events
        let finished = parser.parse()
        if let failure = events.firstFailure { throw failure }
        if let error = parser.parserError {
            throw InputError(file: name, line: max(parser.lineNumber, 1),
                             message: "malformed XML: \(describe(error as NSError))")
        }
        if !finished { throw InputError(file: name, line: max(parser.lineNumber, 1), message: "malformed XML") }
        guard events.sawRoot else { throw InputError(file: name, line: 1, message: "empty document") }
    }

    /// The line of an `<!ENTITY` declaration in the prolog, if there is one. The scan stops at the root
    /// element's start tag; comments are skipped. Bytes are read as ASCII-compatible (UTF-8, Latin-1).
    static func entityDeclarationLine(in data: Data) -> Int? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            func matches(_ literal: StaticString, at index: Int) -> Bool {
                guard index + literal.utf8CodeUnitCount <= bytes.count else { return false }
                return (0..<literal.utf8CodeUnitCount).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
            }
            var line = 1
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"):
                    line += 1
                case UInt8(ascii: "<") where index + 1 < bytes.count:
                    let next = bytes[index + 1]
                    if next == UInt8(ascii: "_") || next == UInt8(ascii: ":") || next >= 0x80
                        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(next & ~0x20) {
                        return nil  // the root element: the prolog is over
                    }
                    if matches("<!ENTITY", at: index) { return line }
                    if matches("<!--", at: index) {
                        index += 4
                        while index < bytes.count, !matches("-->", at: index) {
                            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                            index += 1
                        }
                        continue
                    }
                default:
                    break
                }
                index += 1
            }
            return nil
        }
    }

    static func describe(_ error: NSError) -> String {
        // libxml2's codes as XMLParser reports them; the default descriptions say nothing useful.
        switch error.code {
        case 4: "the document is empty"
        case 5: "the document ends too early (truncated?)"
        case 9: "invalid character"
        case 26: "undeclared entity"
        case 38, 39, 40, 41: "malformed attribute"
        case 64, 65: "malformed XML declaration"
        case 73: "a tag is not closed (missing '>')"
        case 76: "closing tag does not match the opening tag"
        case 89: "entity expansion limit exceeded"
        default: "XML parser error \(error.code)"
        }
    }
}

/// The `XMLParserDelegate`: forwards events to the handler until the first failure, which it keeps.
private final class XMLEventForwarder<Handler: XMLDocumentHandler>: NSObject, XMLParserDelegate {
    let file: String
    let handler: Handler
    /// The handler's error or the parser's first error, whichever came first.
    var firstFailure: InputError?
    var sawRoot = false
    private var elementCount = 0

    init(file: String, handler: Handler) {
        self.file = file
        self.handler = handler
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        // After abortParsing() the parser reports an error of its own; the handler's error stays first.
        guard firstFailure == nil else { return }
        firstFailure = InputError(file: file, line: max(parser.lineNumber, 1),
                                  message: "malformed XML: \(XMLDocumentWalker.describe(parseError as NSError))")
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard firstFailure == nil else { return }
        sawRoot = true
        // At this callback libxml2 stands on the tag's `>` (or the `/` of `/>`), so content starts one further.
        let column = parser.columnNumber
        var tag = XMLStartTag(name: elementName, namespace: namespaceURI ?? "", attributes: attributes,
                              line: max(parser.lineNumber, 1), contentColumn: column > 0 ? column + 1 : nil)
        tag.ordinal = elementCount
        elementCount += 1
        do {
            try handler.start(tag)
        } catch {
            stop(parser, error)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        guard firstFailure == nil else { return }
        do {
            try handler.end(elementName, line: max(parser.lineNumber, 1))
        } catch {
            stop(parser, error)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard firstFailure == nil else { return }
        handler.characters(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard firstFailure == nil else { return }
        handler.characters(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func stop(_ parser: XMLParser, _ error: InputError) {
        firstFailure = error
        parser.abortParsing()
    }
}
