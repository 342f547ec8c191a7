/// A file whose format pairs source and translation itself: XLIFF, TMX, gettext PO, JSON Lines.
public struct BilingualFile: Sendable {
    public let path: String
    /// From the file (`srcLang`, `xml:lang`, PO `Language:` is the target); `nil` when it has none.
    public let sourceLanguage: String?
    public let targetLanguage: String?
    public let units: [BilingualUnit]

    public init(path: String, sourceLanguage: String?, targetLanguage: String?, units: [BilingualUnit]) {
        self.path = path
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
    }
}

/// One translation unit: a source segment and its translation.
public struct BilingualUnit: Sendable, Equatable {
    /// The unit's id in the file (`trans-unit id`, `tu tuid`, PO `msgctxt`, JSONL `id`), if any.
    public let id: String?
    public let source: SegmentText
    /// `nil` when the unit has no translation yet.
    public let target: SegmentText?
    /// Notes attached to the unit (XLIFF `<note>`, PO translator comments), in order.
    public let notes: [String]

    public init(id: String?, source: SegmentText, target: SegmentText?, notes: [String] = []) {
        self.id = id
        self.source = source
        self.target = target
        self.notes = notes
    }
}

/// The checkable text of one segment, with inline markup taken out and kept aside.
public struct SegmentText: Sendable, Equatable {
    /// Plain text: inline tags removed, placeholders replaced by nothing (their text is in `inlineCodes`).
    public let text: String
    /// Inline markup in order of appearance, as written in the file: `<g id="1">` tags reduced to a
    /// canonical form such as `g:1`, `x:2`, `ph:{0}`, so that source and target can be compared.
    public let inlineCodes: [String]
    /// 1-based line in the file where the segment's text starts.
    public let line: Int
    /// 1-based column (Unicode scalars) in the file where the segment's text starts, when known.
    public let column: Int?

    public init(text: String, inlineCodes: [String] = [], line: Int, column: Int? = nil) {
        self.text = text
        self.inlineCodes = inlineCodes
        self.line = line
        self.column = column
    }
}
