// The only importer of libxml2. Like the ICU facade it does not import Foundation, and the C module
// stays implementation-only so that no importer of LectorXML (LectorKit imports Foundation, whose
// FoundationXML wraps the same library) ever loads libxml2's headers.
@_implementationOnly import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// One attribute of a start tag.
public struct XMLAttribute: Sendable, Equatable {
    /// `prefix:local` when the attribute has a prefix (`xml:lang`), else the local name.
    public let qualifiedName: String
    public let value: String
}

/// What the parser tells its sink. Strings are UTF-8 decoded by libxml2, whatever the file's encoding.
public protocol XMLEventSink: AnyObject {
    /// A start tag. `line` and `column` (1-based, characters) are those of the tag's closing `>`
    /// (or the `/` of `/>`). Return `false` to stop the parse.
    func startElement(localName: String, namespace: String, attributes: [XMLAttribute],
                      line: Int, column: Int) -> Bool
    /// An end tag (also sent right after the start of an empty element). Return `false` to stop.
    func endElement(localName: String, line: Int) -> Bool
    /// Character data and CDATA, with character references and the five predefined entities resolved.
    func characters(_ text: String)
    /// Whether `characters` would keep text given now. While it is `false`, text is not decoded
    /// into a `String` for the sink: an XLIFF file's white space between its units is about as
    /// many strings as its elements.
    var wantsCharacters: Bool { get }
}

extension XMLEventSink {
    public var wantsCharacters: Bool { true }
}

/// Why a document was not read to its end.
public struct XMLSyntaxError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// libxml2 found the document malformed; `code` is its `xmlParserErrors` value (5, document end,
        /// for any error found once all bytes were given: the document is cut short).
        case malformed(code: Int)
        /// The document's DOCTYPE declares an entity (general or parameter, internal or external).
        case entityDeclaration(name: String)
        /// The document refers to an entity that is neither predefined nor declared.
        case undeclaredEntity(name: String)
    }

    public let kind: Kind
    /// 1-based line where the problem was found.
    public let line: Int
    /// libxml2's own wording, without its trailing newline (empty for the entity kinds).
    public let detail: String
}

/// A streaming, non-validating XML reader over libxml2's SAX2 push parser, configured the one way
/// Lector reads XML (TBX, XLIFF, TMX):
///
/// - **No entity declarations.** The first `<!ENTITY` in the DOCTYPE stops the parse: libxml2's own
///   entity-declaration callback sees it, so neither a processing instruction in the internal subset
///   nor a UTF-16 encoding can hide it from a text scan, and no entity is ever expanded (no
///   billion laughs, no cost proportional to entity size × references). A reference to an entity
///   that is not one of the five predefined ones stops it too, so no text is silently dropped.
/// - **Nothing is fetched**: no DTD, no external entity, no network (`XML_PARSE_NONET`, no
///   `XML_PARSE_DTDLOAD`). A `<!DOCTYPE martif SYSTEM "x.dtd">` line is read and ignored.
/// - **Large documents stream.** Bytes are fed in chunks, so a document of any size is read with
///   memory proportional to what the sink keeps; libxml2's default limits stay on (no
///   `XML_PARSE_HUGE`): a single text node or name over libxml2's limits, or nesting deeper than 256
///   elements, is an error, not a memory blow-up.
/// - **The first error wins**, with its line; libxml2 does not recover (`XML_PARSE_RECOVER` is off), so
///   a malformed byte, invalid UTF-8 in a name included, ends the parse with an error, never a crash.
public final class XMLStreamParser {
    /// Bytes handed to libxml2 at a time. Small enough that libxml2's 10,000,000-byte look-ahead limit
    /// is never reached by a document that merely is large, large enough that calls are few.
    public static let chunkSize = 1 << 20

    private let sink: any XMLEventSink
    private var context: xmlParserCtxtPtr?
    private var handler = xmlSAXHandler()
    /// The first problem; once set, no event reaches the sink.
    private(set) public var failure: XMLSyntaxError?
    private var stopped = false
    /// Set while the last call runs: every byte was given, so an error now means the document ended
    /// too early (libxml2 waits for a tag's `>` before it reads the tag, and complains of the tag).
    private var finishing = false

    public init(sink: any XMLEventSink) {
        _ = Self.initialized
        self.sink = sink
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = xmlStreamStartElement
        handler.endElementNs = xmlStreamEndElement
        handler.characters = xmlStreamCharacters
        handler.cdataBlock = xmlStreamCharacters
        handler.entityDecl = xmlStreamEntityDeclaration
        handler.unparsedEntityDecl = xmlStreamUnparsedEntityDeclaration
        handler.getEntity = xmlStreamGetEntity
        handler.getParameterEntity = xmlStreamGetEntity
        handler.serror = xmlStreamError
    }

    deinit {
        for name in names { free(name.key) }
        if let context {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(context)
        }
    }

    /// libxml2 must be initialized once, from one thread, before parsers run on several.
    private static let initialized: Void = { xmlInitParser() }()

    /// Parses a whole document held in memory, fed in `chunkSize` pieces. Returns the first problem,
    /// or nil when the document was read to its end (or the sink stopped it).
    public static func parse(_ bytes: UnsafeRawBufferPointer, sink: any XMLEventSink) -> XMLSyntaxError? {
        let parser = XMLStreamParser(sink: sink)
        var offset = 0
        repeat {
            let end = min(offset + chunkSize, bytes.count)
            if !parser.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end])) { break }
            offset = end
        } while offset < bytes.count
        parser.finish()
        return parser.failure
    }

    /// Hands the next bytes to the parser. Returns `false` once the parse has stopped (an error, or
    /// the sink asked to stop): later bytes would be ignored.
    @discardableResult
    public func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !stopped else { return false }
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), !bytes.isEmpty else { return true }
        var rest = bytes.count
        var start = base
        if context == nil {
            // The first bytes go to the constructor, which reads the encoding from them (BOM, UTF-16).
            let first = min(4, rest)
            let box = Unmanaged.passUnretained(self).toOpaque()
            context = xmlCreatePushParserCtxt(&handler, box, start, Int32(first), nil)
            guard let context else {
                record(XMLSyntaxError(kind: .malformed(code: 1), line: 1, detail: "cannot create an XML parser"))
                return false
            }
            xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
            start += first
            rest -= first
        }
        if rest > 0, !stopped { _ = xmlParseChunk(context, start, Int32(rest), 0) }
        return !stopped
    }

    /// Tells the parser the document is complete: an unclosed element or an empty document is an error.
    public func finish() {
        guard !stopped else { return }
        guard let context else {
            record(XMLSyntaxError(kind: .malformed(code: Int(XML_ERR_DOCUMENT_EMPTY.rawValue)), line: 1,
                                  detail: "Document is empty"))
            return
        }
        finishing = true
        _ = xmlParseChunk(context, nil, 0, 1)
        if failure == nil, context.pointee.wellFormed == 0 {
            record(XMLSyntaxError(kind: .malformed(code: 1), line: line, detail: "malformed document"))
        }
    }

    // MARK: - From the callbacks

    /// The parser's current line.
    fileprivate var line: Int {
        guard let context, let input = context.pointee.input else { return 1 }
        return max(Int(input.pointee.line), 1)
    }

    fileprivate var column: Int {
        guard let context, let input = context.pointee.input else { return 0 }
        return Int(input.pointee.col)
    }

    fileprivate var isActive: Bool { !stopped }

    /// The last namespace URI made a `String`.
    private var lastNamespace: String?
    /// Element and attribute names made `String`s, with a C copy of each to compare with and the
    /// address libxml2 last gave each at. Unchecked for exclusive access: the parser's callbacks
    /// run one at a time, on the thread that feeds it.
    @exclusivity(unchecked) private var names: [(address: UnsafeRawPointer, key: UnsafeMutablePointer<CChar>, value: String)] = []
    @exclusivity(unchecked) private var nextName = 0
    private static let nameCount = 8

    /// A local name as a `String`, reused when it is one of the last few made: a document names a
    /// handful of elements and attributes over and over, and each `String(cString:)` measured,
    /// validated and built its string again. libxml2 keeps the names it reads in its dictionary,
    /// so a name comes back at the address it was given at before: that address is tried first,
    /// and the bytes compared all the same (as `namespace` compares them), so a name given
    /// elsewhere, or other bytes at a known address, are found or made by their content.
    fileprivate func name(_ text: UnsafePointer<xmlChar>?) -> String {
        guard let text else { return "" }
        let address = UnsafeRawPointer(text)
        let bytes = address.assumingMemoryBound(to: CChar.self)
        for index in names.indices where names[index].address == address && strcmp(names[index].key, bytes) == 0 {
            return names[index].value
        }
        for index in names.indices where strcmp(names[index].key, bytes) == 0 {
            names[index].address = address
            return names[index].value
        }
        let made = String(cString: text)
        guard let key = strdup(bytes) else { return made }
        if names.count < Self.nameCount {
            names.append((address, key, made))
        } else {
            free(names[nextName].key)
            names[nextName] = (address, key, made)
            nextName = (nextName + 1) % Self.nameCount
        }
        return made
    }

    /// `uri` as a `String`, reused while elements stay in one namespace: every element of an
    /// XLIFF file names the same 38-byte URI, a heap string made and freed for each of them.
    fileprivate func namespace(_ uri: UnsafePointer<xmlChar>?) -> String {
        guard let uri else { return "" }
        // Compared by content, not by address: libxml2 may free the bytes and reuse the address.
        // A native string is its NUL-terminated UTF-8, so `withCString` copies nothing; the C
        // library's `strcmp` compares words at a time, where `xmlStrEqual` goes byte by byte.
        if let last = lastNamespace,
           last.withCString({ strcmp($0, UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self)) }) == 0 {
            return last
        }
        let made = String(cString: uri)
        lastNamespace = made
        return made
    }

    fileprivate func deliverStart(_ localName: String, _ namespace: String, _ attributes: [XMLAttribute]) {
        if !sink.startElement(localName: localName, namespace: namespace, attributes: attributes,
                              line: line, column: column) { stop() }
    }

    fileprivate func deliverEnd(_ localName: String) {
        if !sink.endElement(localName: localName, line: line) { stop() }
    }

    fileprivate func deliverCharacters(_ text: String) { sink.characters(text) }

    fileprivate var wantsCharacters: Bool { sink.wantsCharacters }

    fileprivate func record(_ error: XMLSyntaxError) {
        if failure == nil {
            failure = finishing && error.kind != .malformed(code: Int(XML_ERR_DOCUMENT_EMPTY.rawValue))
                ? XMLSyntaxError(kind: .malformed(code: Int(XML_ERR_DOCUMENT_END.rawValue)), line: error.line,
                                 detail: "Premature end of data (\(error.detail))")
                : error
        }
        stop()
    }

    private func stop() {
        stopped = true
        if let context { xmlStopParser(context) }
    }
}

// MARK: - C callbacks (no captures, so they convert to C function pointers)

private func parser(_ box: UnsafeMutableRawPointer?) -> XMLStreamParser? {
    box.map { Unmanaged<XMLStreamParser>.fromOpaque($0).takeUnretainedValue() }
}

/// A NUL-terminated libxml2 string; libxml2 hands out UTF-8 whatever the input encoding was.
private func string(_ text: UnsafePointer<xmlChar>?) -> String {
    guard let text else { return "" }
    return String(cString: text)
}

private func string(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> String {
    guard let start, let end, end > start else { return "" }
    return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
}

private func xmlStreamStartElement(_ box: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                                   _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                                   _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                   _ attributeCount: Int32, _ defaultedCount: Int32,
                                   _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    guard let parser = parser(box), parser.isActive else { return }
    var list: [XMLAttribute] = []
    if let attributes, attributeCount > 0 {
        list.reserveCapacity(Int(attributeCount))
        // Five pointers per attribute: local name, prefix, URI, value start, value end.
        for index in 0..<Int(attributeCount) {
            let base = attributes + index * 5
            let local = parser.name(base[0])
            let name = base[1].map { string($0) + ":" + local } ?? local
            list.append(XMLAttribute(qualifiedName: name, value: string(base[3], base[4])))
        }
    }
    parser.deliverStart(parser.name(localName), parser.namespace(uri), list)
}

private func xmlStreamEndElement(_ box: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?,
                                 _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
    guard let parser = parser(box), parser.isActive else { return }
    parser.deliverEnd(parser.name(localName))
}

private func xmlStreamCharacters(_ box: UnsafeMutableRawPointer?, _ text: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let parser = parser(box), parser.isActive, let text, length > 0, parser.wantsCharacters else { return }
    parser.deliverCharacters(String(decoding: UnsafeBufferPointer(start: text, count: Int(length)), as: UTF8.self))
}

private func xmlStreamEntityDeclaration(_ box: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
                                        _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?,
                                        _ content: UnsafeMutablePointer<xmlChar>?) {
    guard let parser = parser(box), parser.isActive else { return }
    parser.record(XMLSyntaxError(kind: .entityDeclaration(name: string(name)), line: parser.line, detail: ""))
}

private func xmlStreamUnparsedEntityDeclaration(_ box: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
                                                _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?,
                                                _ notation: UnsafePointer<xmlChar>?) {
    guard let parser = parser(box), parser.isActive else { return }
    parser.record(XMLSyntaxError(kind: .entityDeclaration(name: string(name)), line: parser.line, detail: ""))
}

/// libxml2 resolves `&lt;` and the other predefined entities before asking; any other name is one the
/// document would need a declaration (or an unread external DTD) for, and its text would be lost.
private func xmlStreamGetEntity(_ box: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) -> xmlEntityPtr? {
    if let predefined = xmlGetPredefinedEntity(name) { return predefined }
    guard let parser = parser(box), parser.isActive else { return nil }
    parser.record(XMLSyntaxError(kind: .undeclaredEntity(name: string(name)), line: parser.line, detail: ""))
    return nil
}

private func xmlStreamError(_ box: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let parser = parser(box), parser.isActive, let error else { return }
    // Warnings (an undeclared namespace URI that is not absolute, say) do not make a document unreadable.
    guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var detail = error.pointee.message.map { String(cString: $0) } ?? ""
    while detail.last == "\n" || detail.last == " " { detail.removeLast() }
    let line = error.pointee.line > 0 ? Int(error.pointee.line) : parser.line
    parser.record(XMLSyntaxError(kind: .malformed(code: Int(error.pointee.code)), line: line, detail: detail))
}
