import Foundation
import LectorText

/// Reads XLIFF 1.2 and XLIFF 2.0/2.1/2.2 into a `BilingualFile`; the root's `version` (or, without
/// one, its namespace) says which.
///
/// - **XLIFF 1.2**: every `<trans-unit>` (also inside `<group>`) is a unit with its `id`, its
///   `<source>` and `<target>` and its `<note>`s. Languages come from the first `<file>`'s
///   `source-language` and `target-language`. `<seg-source>` is ignored and `<mrk mtype="seg">` is
///   transparent: a unit is read whole, not per sentence. `<alt-trans>` proposals are not read.
/// - **XLIFF 2**: every `<segment>` of a `<unit>` is a unit; its id is `unitID/segmentID`, or `unitID`
///   for a segment without an id (`unitID/n`, n counting from 1, when the unit has several).
///   Languages come from `srcLang` and `trgLang`; the unit's `<notes>` go with each of its segments.
///   `<ignorable>` and the candidates of modules (`<mtc:match>`) are not read.
///
/// A unit marked `translate="no"` (on itself, or inherited from its `<group>` or, in XLIFF 2, its
/// `<file>`) is not read: its text is not meant to be translated, so it is neither checked nor fixed.
///
/// Inline markup is taken out of the text and kept as codes; see `InlineMarkupCollector`. A unit's
/// text line and column are where the content of its `<source>` or `<target>` starts.
public enum XLIFFReader {
    public static func read(contentsOf path: String) throws(InputError) -> BilingualFile {
        try read(bytes: FileBytes.bytes(path: path), name: path, mappingTargets: false, locatingTargets: false)
    }

    /// Reads a document. With `mappingTargets`, each target also says where its text stands in
    /// the bytes (`SegmentText.verbatimRuns`), for `fix`.
    public static func read(data: Data, name: String, mappingTargets: Bool = false) throws(InputError) -> BilingualFile {
        try read(data: data, name: name, mappingTargets: mappingTargets, locatingTargets: false)
    }

    /// With `locatingTargets` (and `mappingTargets`), each mapped target also gets its `positions`
    /// (`BilingualFile.locatingTargets`).
    static func read(data: Data, name: String, mappingTargets: Bool, locatingTargets: Bool) throws(InputError) -> BilingualFile {
        try read(bytes: [UInt8](data), name: name, mappingTargets: mappingTargets, locatingTargets: locatingTargets)
    }

    /// `read(data:…)` of a file's bytes as `BilingualFileLoader` reads them (`FileBytes.bytes`).
    static func read(bytes: [UInt8], name: String, mappingTargets: Bool, locatingTargets: Bool) throws(InputError) -> BilingualFile {
        let builder = XLIFFBuilder(file: name)
        builder.units.reserveCapacity(XLIFFBuilder.likelyUnitCount(in: bytes))
        try XMLDocumentWalker.walk(bytes, name: name, handler: builder)
        var units = builder.units
        if mappingTargets {
            // Taken from the builder so that mapping changes the only copy of the array.
            builder.units = []
            units = XMLSegmentLocator.mapTargets(of: consume units, in: bytes, vocabulary: builder.vocabulary,
                                                 locating: locatingTargets)
        }
        return BilingualFile(path: name, sourceLanguage: builder.sourceLanguage,
                             targetLanguage: builder.targetLanguage, units: units, format: "xliff")
    }
}

/// Builds the units as the parser's events come.
///
/// Its state is not checked for exclusive access at run time (`@exclusivity(unchecked)`): one
/// parser drives a builder, on one thread, one event at a time, and no method of it calls
/// another that changes what it is changing. Checked, each event made several calls into the
/// runtime's access tracking (a thread-local look-up each), 7 % of reading a 20,000-unit file.
final class XLIFFBuilder: XMLDocumentHandler {
    enum Version { case one, two }

    let file: String
    @exclusivity(unchecked) var sourceLanguage: String?
    @exclusivity(unchecked) var targetLanguage: String?
    @exclusivity(unchecked) var units: [BilingualUnit] = []

    @exclusivity(unchecked) private var version: Version?
    /// The root's namespace: structural elements must be in it (extensions may reuse names).
    @exclusivity(unchecked) private var namespace = ""
    /// Open elements outside segments, root first: local name, and whether it is in the XLIFF namespace.
    @exclusivity(unchecked) private var path: [(name: String, isCore: Bool)] = []
    /// Whether the text of the innermost open `<file>`, `<group>` or unit is to be translated: its
    /// own `translate` attribute, or else its parent's (both versions inherit it). One entry per
    /// element of `path`.
    @exclusivity(unchecked) private var translatable: [Bool] = []
    /// Whether the current unit is to be translated; a unit with `translate="no"` is not read,
    /// so it is neither checked nor fixed (as Android's `translatable="false"`).
    @exclusivity(unchecked) private var unitTranslatable = true
    @exclusivity(unchecked) private var segment: (collector: InlineMarkupCollector, isSource: Bool)?
    @exclusivity(unchecked) private var note: String?

    // The current unit (1.2 `<trans-unit>`, 2 `<unit>`).
    @exclusivity(unchecked) private var unitID: String?
    @exclusivity(unchecked) private var unitLine = 0
    @exclusivity(unchecked) private var unitNotes: [String] = []
    /// XLIFF 1.2 `maxwidth` of the current unit, when its `size-unit` is `char`.
    @exclusivity(unchecked) private var unitMaxLength: Int?
    @exclusivity(unchecked) private var source: SegmentText?
    @exclusivity(unchecked) private var target: SegmentText?
    // XLIFF 2: the current segment and the unit's finished segments.
    @exclusivity(unchecked) private var segmentID: String?
    @exclusivity(unchecked) private var segmentLine = 0
    @exclusivity(unchecked) private var segments: [(id: String?, source: SegmentText, target: SegmentText?)] = []

    init(file: String) {
        self.file = file
    }

    private func error(_ line: Int, _ message: String) -> InputError {
        InputError(file: file, line: line, message: message)
    }

    var vocabulary: InlineMarkupVocabulary { version == .two ? .xliff2 : .xliff1 }

    func start(_ tag: XMLStartTag) throws(InputError) {
        if segment != nil {
            segment!.collector.start(tag)
            return
        }
        let parent = path.last?.name
        let inherited = translatable.last ?? true
        guard let version else {
            path.append((tag.name, true))
            translatable.append(true)
            return try startRoot(tag)
        }
        path.append((tag.name, tag.namespace == namespace))
        translatable.append(tag.namespace == namespace ? Self.translate(tag, inherited: inherited) : inherited)
        guard tag.namespace == namespace else { return }
        switch (version, tag.name, parent) {
        case (.one, "file", _):
            // Every unit is checked (and fixed) as the first `<file>`'s pair: a later `<file>` in
            // another language would be read as the wrong language and its text "fixed" into it.
            for (attribute, first) in [("source-language", sourceLanguage), ("target-language", targetLanguage)] {
                if let first, let this = tag.attributes[attribute], this.lowercased() != first.lowercased() {
                    throw InputError(file: file, line: tag.line, message: "this <file> has \(attribute)=\"\(this)\" where the "
                                     + "first has \"\(first)\"; Lector reads one language pair per XLIFF file, so split it")
                }
            }
            if sourceLanguage == nil { sourceLanguage = tag.attributes["source-language"] }
            if targetLanguage == nil { targetLanguage = tag.attributes["target-language"] }
        case (.one, "trans-unit", _):
            startUnit(tag)
        case (.one, "source", "trans-unit"), (.one, "target", "trans-unit"),
             (.two, "source", "segment"), (.two, "target", "segment"):
            segment = (InlineMarkupCollector(vocabulary: vocabulary, segment: tag), tag.name == "source")
        case (.one, "note", "trans-unit"):
            note = ""
        case (.two, "note", "notes") where path.dropLast(2).last?.name == "unit":
            note = ""  // a unit's <notes>; the file's and group's are not the segments'
        case (.two, "unit", _):
            startUnit(tag)
            segments = []
        case (.two, "segment", "unit"):
            segmentID = tag.attributes["id"]
            segmentLine = tag.line
            source = nil
            target = nil
        default:
            break
        }
    }

    private func startRoot(_ tag: XMLStartTag) throws(InputError) {
        guard tag.name == "xliff" else {
            throw error(tag.line, "not an XLIFF file: the root element is <\(tag.name)>, expected <xliff>")
        }
        namespace = tag.namespace
        let declared = tag.attributes["version"]
        switch declared ?? "" {
        case "1.0", "1.1", "1.2": version = .one
        case "2.0", "2.1", "2.2": version = .two
        case "" where namespace == "urn:oasis:names:tc:xliff:document:1.2": version = .one
        case "" where namespace.hasPrefix("urn:oasis:names:tc:xliff:document:2."): version = .two
        default:
            throw error(tag.line, declared.map { "unsupported XLIFF version \($0); Lector reads 1.2 and 2.x" }
                ?? "<xliff> without a version")
        }
        if version == .two {
            sourceLanguage = tag.attributes["srcLang"]
            targetLanguage = tag.attributes["trgLang"]
        }
    }

    /// The element's `translate` attribute (`yes` or `no`; anything else is ignored), or the value
    /// it inherits.
    private static func translate(_ tag: XMLStartTag, inherited: Bool) -> Bool {
        switch tag.attributes["translate"] {
        case "no": false
        case "yes": true
        default: inherited
        }
    }

    private func startUnit(_ tag: XMLStartTag) {
        unitTranslatable = translatable.last ?? true
        unitID = tag.attributes["id"]
        unitLine = tag.line
        unitNotes = []
        unitMaxLength = tag.attributes["size-unit"] == "char" ? tag.attributes["maxwidth"].flatMap { Int($0) } : nil
        source = nil
        target = nil
    }

    /// Text counts only inside a segment or a note.
    var wantsCharacters: Bool { segment != nil || note != nil }

    func characters(_ text: String) {
        if segment != nil {
            segment!.collector.characters(text)
        } else if note != nil {
            note! += text
        }
    }

    func end(_ name: String, line: Int) throws(InputError) {
        if segment != nil {
            guard segment!.collector.end() else { return }
            // The segment element itself has closed: its collector is moved out, not copied.
            let (collector, isSource) = segment.take()!
            if isSource { source = collector.finish() } else { target = collector.finish() }
        }
        guard let version, let closed = path.popLast() else { return }
        translatable.removeLast()
        guard closed.isCore else { return }
        switch (version, name) {
        case (_, "note"):
            if let text = note?.trimmingWhitespace(), !text.isEmpty { unitNotes.append(text) }
            note = nil
        case (.one, "trans-unit"):
            // Copied, not moved out: a `<trans-unit>` nested in another (well-formed, against the
            // schema) leaves the inner unit's source and target to the outer one, which is read
            // with them as before rather than refused for want of a `<source>`.
            guard let source else {
                throw error(unitLine, "<trans-unit\(describeID(unitID))> has no <source>")
            }
            guard unitTranslatable else { break }
            units.append(BilingualUnit(id: unitID, source: source, target: target, notes: unitNotes,
                                       details: UnitDetails(maxLength: unitMaxLength)))
        case (.two, "segment") where path.last?.name == "unit":
            guard let source else {
                throw error(segmentLine, "<segment> of <unit\(describeID(unitID))> has no <source>")
            }
            segments.append((segmentID, source, target))
        case (.two, "unit"):
            guard unitTranslatable else { break }
            for (index, segment) in segments.enumerated() {
                let id: String? = switch (unitID, segment.id) {
                case let (unit?, segmentID?): "\(unit)/\(segmentID)"
                case let (unit?, nil): segments.count == 1 ? unit : "\(unit)/\(index + 1)"
                case let (nil, segmentID): segmentID
                }
                units.append(BilingualUnit(id: id, source: segment.source, target: segment.target, notes: unitNotes))
            }
        default:
            break
        }
    }

    private func describeID(_ id: String?) -> String {
        id.map { " id=\"\($0)\"" } ?? ""
    }

    /// How many units the document has at most, as its `<trans-unit` (XLIFF 1.2) or, without
    /// any, `<segment` (XLIFF 2) start tags tell: the units' array is made that large at once. Grown
    /// by doubling, it was copied into ever larger fresh buffers, a tenth of reading a 20,000-unit
    /// file. A tag under a namespace prefix is not counted; the array then grows as it must.
    static func likelyUnitCount(in data: some ContiguousBytes) -> Int {
        data.withUnsafeBytes { bytes in
            let count = UnitCapacity.occurrences(of: "<trans-unit", in: bytes)
            return count > 0 ? count : UnitCapacity.occurrences(of: "<segment", in: bytes)
        }
    }
}
