import Foundation
import LectorText

/// Reads TMX (1.4b, and the older 1.x that use `lang` for `xml:lang`) into a `BilingualFile`.
///
/// Every `<tu>` is a unit with its `tuid` and `<note>`s. A `<tu>` holds one `<tuv>` per language:
/// - the **source** is the `<tuv>` whose language is the `srclang` of the `<tu>` or, without one, of the
///   `<header>` (equal tags first, then the same primary language: `de` finds `de-DE`); when `srclang`
///   is `*all*`, missing, or matches none, it is the first `<tuv>`;
/// - the **target** is the first other `<tuv>`. Further languages of a multilingual memory are not read.
///
/// The file's source language is the header's `srclang` (or, for `*all*`, the first source `<tuv>`'s
/// language); its target language is the language of the first target `<tuv>`. Inline `<bpt>`, `<ept>`,
/// `<ph>`, `<it>`, `<ut>` and `<hi>` become codes (`bpt:1`, `ph:2`, `hi:3`, `/hi:3`; see
/// `InlineMarkupCollector`). A segment's line and column are where the content of its `<seg>` starts.
public enum TMXReader {
    public static func read(contentsOf path: String) throws(InputError) -> BilingualFile {
        try read(data: XMLDocumentWalker.contents(of: path), name: path)
    }

    /// Reads a document. With `mappingTargets`, each target also says where its text stands in
    /// the bytes (`SegmentText.verbatimRuns`), for `fix`.
    public static func read(data: Data, name: String, mappingTargets: Bool = false) throws(InputError) -> BilingualFile {
        try read(data: data, name: name, mappingTargets: mappingTargets, locatingTargets: false)
    }

    /// With `locatingTargets` (and `mappingTargets`), each mapped target also gets its `positions`
    /// (`BilingualFile.locatingTargets`).
    static func read(data: Data, name: String, mappingTargets: Bool, locatingTargets: Bool) throws(InputError) -> BilingualFile {
        let builder = TMXBuilder(file: name)
        try XMLDocumentWalker.walk(data, name: name, handler: builder)
        var units = builder.units
        if mappingTargets {
            // Taken from the builder so that mapping changes the only copy of the array.
            builder.units = []
            units = XMLSegmentLocator.mapTargets(of: consume units, in: [UInt8](data), vocabulary: .tmx,
                                                 locating: locatingTargets)
        }
        return BilingualFile(path: name, sourceLanguage: builder.sourceLanguage,
                             targetLanguage: builder.targetLanguage, units: units)
    }
}

final class TMXBuilder: XMLDocumentHandler {
    let file: String
    var sourceLanguage: String?
    var targetLanguage: String?
    var units: [BilingualUnit] = []

    private var sawRoot = false
    private var headerSourceLanguage: String?
    /// Local names of the open elements outside segments, root first.
    private var path: [String] = []
    private var segment: InlineMarkupCollector?
    private var note: String?

    // The current `<tu>` and `<tuv>`.
    private var unitID: String?
    private var unitSourceLanguage: String?
    private var unitLine = 0
    private var unitNotes: [String] = []
    private var variants: [(language: String, segment: SegmentText)] = []
    private var variantLanguage: String?
    private var variantLine = 0
    private var variantSegment: SegmentText?

    init(file: String) {
        self.file = file
    }

    func start(_ tag: XMLStartTag) throws(InputError) {
        if segment != nil {
            segment!.start(tag)
            return
        }
        let parent = path.last
        path.append(tag.name)
        guard sawRoot else {
            sawRoot = true
            guard tag.name == "tmx" else {
                throw InputError(file: file, line: tag.line,
                                 message: "not a TMX file: the root element is <\(tag.name)>, expected <tmx>")
            }
            return
        }
        switch (tag.name, parent) {
        case ("header", "tmx"):
            headerSourceLanguage = tag.attributes["srclang"]
        case ("tu", _):
            unitID = tag.attributes["tuid"]
            unitSourceLanguage = tag.attributes["srclang"]
            unitLine = tag.line
            unitNotes = []
            variants = []
        case ("tuv", "tu"):
            guard let language = tag.attributes["xml:lang"] ?? tag.attributes["lang"], !language.isEmpty else {
                throw InputError(file: file, line: tag.line, message: "<tuv> without xml:lang")
            }
            variantLanguage = language
            variantLine = tag.line
            variantSegment = nil
        case ("seg", "tuv"):
            segment = InlineMarkupCollector(vocabulary: .tmx, segment: tag)
        case ("note", "tu"), ("note", "tuv"):
            note = ""
        default:
            break
        }
    }

    var wantsCharacters: Bool { segment != nil || note != nil }

    func characters(_ text: String) {
        if segment != nil {
            segment!.characters(text)
        } else if note != nil {
            note! += text
        }
    }

    func end(_ name: String, line: Int) throws(InputError) {
        if segment != nil {
            guard segment!.end() else { return }
            variantSegment = segment!.segment
            segment = nil
        }
        path.removeLast()
        switch name {
        case "note":
            if let text = note?.trimmingWhitespace(), !text.isEmpty { unitNotes.append(text) }
            note = nil
        case "tuv" where path.last == "tu":
            guard let variantLanguage, let variantSegment else {
                throw InputError(file: file, line: variantLine, message: "<tuv> without <seg>")
            }
            variants.append((variantLanguage, variantSegment))
        case "tu":
            try finishUnit()
        default:
            break
        }
    }

    private func finishUnit() throws(InputError) {
        guard !variants.isEmpty else {
            throw InputError(file: file, line: unitLine,
                             message: "<tu\(unitID.map { " tuid=\"\($0)\"" } ?? "")> has no <tuv>")
        }
        let sourceIndex = Self.sourceIndex(of: variants.map(\.language),
                                           sourceLanguage: unitSourceLanguage ?? headerSourceLanguage)
        let targetIndex = variants.indices.first { $0 != sourceIndex }
        if sourceLanguage == nil {
            sourceLanguage = headerSourceLanguage.flatMap { $0 == "*all*" ? nil : $0 } ?? variants[sourceIndex].language
        }
        if targetLanguage == nil, let targetIndex { targetLanguage = variants[targetIndex].language }
        units.append(BilingualUnit(id: unitID, source: variants[sourceIndex].segment,
                                   target: targetIndex.map { variants[$0].segment }, notes: unitNotes))
    }

    /// The `<tuv>` in `sourceLanguage`: equal tag, else same primary language, else the first.
    static func sourceIndex(of languages: [String], sourceLanguage: String?) -> Int {
        guard let wanted = sourceLanguage?.lowercased().replacingOccurrences(of: "_", with: "-"),
              wanted != "*all*" else { return 0 }
        let tags = languages.map { $0.lowercased().replacingOccurrences(of: "_", with: "-") }
        if let exact = tags.firstIndex(of: wanted) { return exact }
        let primary = { (tag: String) in tag.split(separator: "-").first.map(String.init) ?? tag }
        return tags.firstIndex { primary($0) == primary(wanted) } ?? 0
    }
}
