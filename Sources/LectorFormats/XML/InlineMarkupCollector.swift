import LectorText

/// How one XML format marks up code inside a segment (`<g>`, `<ph>`, `<pc>`, `<bpt>` …).
struct InlineMarkupVocabulary: Sendable {
    enum Role: Sendable {
        /// Wraps translatable text (`<g>`, `<pc>`, `<mrk>`, TMX `<hi>`): the text stays, the opening
        /// and closing tags become codes `name:id` and `/name:id`.
        case paired
        /// Stands for native code (`<x/>`, `<ph>…</ph>`, `<bpt>…</bpt>`, `<sc/>`): one code `name:id`;
        /// whatever the element contains is code, not text.
        case code
        /// Marks structure, not content (XLIFF 1.2 `<mrk mtype="seg">`): the text stays, no code.
        case transparent
        /// XLIFF 2 `<cp hex="…"/>`: a character XML cannot carry; it goes into the text.
        case codePoint
    }

    /// Roles by local element name; an element not listed is `paired`, so an unknown tag that goes
    /// missing in the translation is still noticed.
    let roles: [String: Role]
    /// Attributes that identify an inline element, in order of preference.
    let identifierAttributes: [String]
    /// An element that is `transparent` when it carries this attribute value: XLIFF 1.2 segmentation
    /// (`<mrk mtype="seg">`) may wrap the target's sentences while the source has none.
    var segmentMarker: (element: String, attribute: String, value: String)?

    func role(of tag: XMLStartTag) -> Role {
        if let marker = segmentMarker, tag.name == marker.element, tag.attributes[marker.attribute] == marker.value {
            return .transparent
        }
        return roles[tag.name] ?? .paired
    }

    /// Whether an element wraps text that must stay as the source has it: XLIFF 2
    /// `<mrk translate="no">`, XLIFF 1.2 `<mrk mtype="protected">`.
    func isProtected(_ tag: XMLStartTag) -> Bool {
        tag.name == "mrk" && (tag.attributes["translate"] == "no" || tag.attributes["mtype"] == "protected")
    }

    func identifier(of tag: XMLStartTag) -> String? {
        for attribute in identifierAttributes {
            if let value = tag.attributes[attribute], !value.isEmpty { return value }
        }
        return nil
    }

    /// XLIFF 1.2: `<g>`, `<x/>`, `<bx/>`, `<ex/>`, `<ph>`, `<bpt>`, `<ept>`, `<it>`, `<mrk>`.
    static let xliff1 = InlineMarkupVocabulary(
        roles: ["g": .paired, "mrk": .paired, "x": .code, "bx": .code, "ex": .code, "ph": .code,
                "bpt": .code, "ept": .code, "it": .code],
        identifierAttributes: ["id", "mid"],
        segmentMarker: ("mrk", "mtype", "seg"))

    /// XLIFF 2: `<pc>`, `<mrk>`, `<ph/>`, `<sc/>`, `<ec/>`, `<sm/>`, `<em/>`, `<cp/>`. An `<ec>` or `<em>`
    /// is named after the `<sc>`/`<sm>` it closes (`startRef`), so `sc:1` pairs with `ec:1`.
    static let xliff2 = InlineMarkupVocabulary(
        roles: ["pc": .paired, "mrk": .paired, "ph": .code, "sc": .code, "ec": .code, "sm": .code,
                "em": .code, "cp": .codePoint],
        identifierAttributes: ["startRef", "id"])

    /// TMX 1.4b: `<hi>`, `<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>`. `i` pairs a `<bpt>` with its `<ept>`,
    /// `x` matches codes across languages.
    static let tmx = InlineMarkupVocabulary(
        roles: ["hi": .paired, "bpt": .code, "ept": .code, "ph": .code, "it": .code, "ut": .code],
        identifierAttributes: ["i", "x"])
}

/// Collects one segment (`<source>`, `<target>`, `<seg>`) while XMLParser walks it: the text with inline
/// markup taken out, and the markup as canonical codes (`g:1`, `/g:1`, `x:2`, `ph:1`), so that source
/// and target can be compared as multisets of codes. Shared by the XLIFF and TMX readers.
///
/// A code element without an identifier is named by its content when it has some (`ph:{0}`), else by
/// its name alone.
struct InlineMarkupCollector {
    let vocabulary: InlineMarkupVocabulary
    let line: Int
    let column: Int?
    let ordinal: Int
    private var text = ""
    private var codes: [String] = []
    /// Open inline elements inside the segment, with the code to write when each closes (`nil`: none).
    private var open: [String?] = []
    /// Depth inside a code element: everything there is native code, not text.
    private var codeDepth = 0
    private var codeContent = ""
    /// Index in `codes` of the current code element when it has no identifier and is named at its end.
    private var unnamedCode: (index: Int, name: String)?
    /// Open protected elements (`isProtected`): their depth in `open`, where their text starts (UTF-16
    /// offset in `text`) and their identifier.
    private var protected: [(depth: Int, start: Int, id: String)] = []
    /// XLIFF 2 `<sm translate="no"/>` markers not yet closed by their `<em startRef>`: id and start.
    private var protectedMarkers: [(id: String, start: Int)] = []
    /// Where protected text stands in `text` (`SegmentText.protectedRanges`).
    private var protectedRanges: [Range<Int>] = []


    /// Starts collecting at the segment element's start tag.
    init(vocabulary: InlineMarkupVocabulary, segment tag: XMLStartTag) {
        self.vocabulary = vocabulary
        line = tag.line
        column = tag.contentColumn
        ordinal = tag.ordinal
    }

    mutating func start(_ tag: XMLStartTag) {
        if codeDepth > 0 {
            codeDepth += 1
            return
        }
        let identifier = vocabulary.identifier(of: tag)
        let code = identifier.map { "\(tag.name):\($0)" } ?? tag.name
        if tag.name == "sm", tag.attributes["translate"] == "no" {
            protectedMarkers.append((tag.attributes["id"] ?? "", text.utf16.count))
        } else if tag.name == "em", let start = protectedMarkers.lastIndex(where: { $0.id == tag.attributes["startRef"] }) {
            protectedRanges.append(protectedMarkers[start].start..<text.utf16.count)
            protectedMarkers.remove(at: start)
        }
        switch vocabulary.role(of: tag) {
        case .paired:
            codes.append(code)
            if vocabulary.isProtected(tag) { protected.append((open.count, text.utf16.count, identifier ?? "")) }
            open.append("/" + code)
        case .transparent:
            open.append(nil)
        case .code:
            if identifier == nil { unnamedCode = (codes.count, tag.name) }
            codes.append(code)
            codeDepth = 1
            codeContent = ""
        case .codePoint:
            if let hex = tag.attributes["hex"], let value = UInt32(hex, radix: 16),
               let scalar = Unicode.Scalar(value) {
                text.unicodeScalars.append(scalar)
            }
            open.append(nil)
        }
    }

    mutating func characters(_ string: String) {
        if codeDepth > 0 { codeContent += string } else { text += string }
    }

    /// Handles an end tag; returns `true` when it closes the segment element itself.
    mutating func end() -> Bool {
        if codeDepth > 0 {
            codeDepth -= 1
            if codeDepth == 0, let (index, name) = unnamedCode {
                let content = codeContent.trimmingWhitespace()
                codes[index] = content.isEmpty ? name : "\(name):\(content)"
                unnamedCode = nil
            }
            return false
        }
        guard let closing = open.popLast() else { return true }
        if let last = protected.last, last.depth == open.count {
            protected.removeLast()
            protectedRanges.append(last.start..<text.utf16.count)
            let content = String(decoding: Array(text.utf16)[last.start...], as: UTF16.self)
            codes.append("\(SegmentText.protectedCodePrefix)\(last.id)=\(content)")
        }
        if let closing { codes.append(closing) }
        return false
    }

    /// `segment`, the collector given up: its text and codes go into the segment without a copy
    /// of each reference (the readers are done with a collector once its element closes).
    consuming func finish() -> SegmentText {
        segment
    }

    var segment: SegmentText {
        var segment = SegmentText(text: text, inlineCodes: codes, line: line, column: column)
        segment.elementOrdinal = ordinal
        // A marker left open protects to the segment's end, as XLIFF 2 reads it.
        if !protectedRanges.isEmpty || !protectedMarkers.isEmpty {
            segment.protectedRanges = (protectedRanges + protectedMarkers.map { $0.start..<text.utf16.count })
                .filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        }
        return segment
    }
}
