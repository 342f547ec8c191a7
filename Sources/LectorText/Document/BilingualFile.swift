/// A file whose format pairs source and translation itself: XLIFF, TMX, gettext PO, JSON Lines.
public struct BilingualFile: Sendable {
    public let path: String
    /// From the file (`srcLang`, `xml:lang`, PO `Language:` is the target); `nil` when it has none.
    public let sourceLanguage: String?
    public let targetLanguage: String?
    public let units: [BilingualUnit]
    /// The number of plural forms the file declares for its target language (PO `Plural-Forms:
    /// nplurals=N`); `nil` when it declares none.
    public var pluralFormCount: Int?
    /// What the file is (`po`, `xliff`, `android` …), for checks that depend on its escaping rules.
    public var format: String?
    /// For a resource file whose source was not found (a lone `values-de/strings.xml`): the places
    /// looked at. Its units have empty sources, and only the checks of the translation alone apply.
    public var sourceNotFound: [String]?

    /// Whether the file is checked without a source (`sourceNotFound`).
    public var isTargetOnly: Bool { sourceNotFound != nil }

    public init(path: String, sourceLanguage: String?, targetLanguage: String?, units: [BilingualUnit],
                pluralFormCount: Int? = nil, format: String? = nil) {
        self.pluralFormCount = pluralFormCount
        self.format = format
        self.path = path
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
    }

    /// The same file with only `units`: one record of it as a document of its own.
    public func with(units: [BilingualUnit]) -> BilingualFile {
        var file = BilingualFile(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, units: units,
                                 pluralFormCount: pluralFormCount, format: format)
        file.sourceNotFound = sourceNotFound
        return file
    }
}

/// One translation unit: a source segment and its translation.
public struct BilingualUnit: Sendable, Equatable {
    /// The unit's id in the file (`trans-unit id`, `tu tuid`, PO `msgctxt`, JSONL `id`), if any.
    public let id: String?
    public let source: SegmentText
    /// `nil` when the unit has no translation yet.
    public package(set) var target: SegmentText?
    /// Notes attached to the unit (XLIFF `<note>`, PO translator comments), in order.
    public let notes: [String]
    /// Plural forms, length limits and the like, where the format has them.
    public var details: UnitDetails
    /// How findings name the unit (`Finding.unit`): its `id`, except in PO, where `msgctxt` alone
    /// does not tell entries apart and the key is gettext's own, `msgctxt` U+0004 `msgid` (the
    /// `msgid` alone without a context).
    public let reference: String?

    public init(id: String?, source: SegmentText, target: SegmentText?, notes: [String] = [],
                details: UnitDetails = UnitDetails(), reference: String? = nil) {
        self.details = details
        self.id = id
        self.source = source
        self.target = target
        self.notes = notes
        self.reference = reference ?? id
    }
}

/// The checkable text of one segment, with inline markup taken out and kept aside.
public struct SegmentText: Sendable, Equatable {
    /// Plain text: inline tags removed, placeholders replaced by nothing (their text is in `inlineCodes`).
    public let text: String
    /// Inline markup in order of appearance, as written in the file: `<g id="1">` tags reduced to a
    /// canonical form such as `g:1`, `x:2`, `ph:{0}`, so that source and target can be compared.
    /// Text marked not to translate (`<mrk translate="no">`) adds `protected:ID=TEXT` where it ends
    /// (`protectedCodePrefix`).
    public let inlineCodes: [String]

    /// The prefix of the inline code that carries the text of an element marked not to translate.
    public static let protectedCodePrefix = "protected:"
    /// 1-based line in the file where the segment's text starts.
    public let line: Int
    /// 1-based column (Unicode scalars) in the file where the segment's text starts, when known.
    public let column: Int?
    /// Where the text stands verbatim in the file's bytes (`text` offsets within this segment), for
    /// `fix`. Only read when asked for (`mappingTargets`); empty when no part of the text could be
    /// located exactly, so that nothing in it is fixed.
    public package(set) var verbatimRuns: [VerbatimRun]?
    /// Where the text stands in the file, anchor by anchor (`SegmentPosition`), in ascending
    /// offsets; findings are reported through it. Empty when the text was not located (a file that
    /// is not UTF-8, a segment read without its bytes): findings then count from `line` and `column`.
    public package(set) var positions: [SegmentPosition] = []
    /// For XML formats: the segment element's number among the document's elements (0 = root),
    /// in document order, which locates it in the bytes.
    package var elementOrdinal = -1
    /// Stretches of `text` (UTF-16 offsets) marked not to translate (`<mrk translate="no">`, XLIFF
    /// 1.2 `<mrk mtype="protected">`, XLIFF 2 `<sm translate="no"/>…<em/>`): they are the source's
    /// text by contract, so no finding points into them and no fix changes them.
    public package(set) var protectedRanges: [Range<Int>] = []

    /// Inlinable: the readers make two segments a unit, and across the module boundary the
    /// initializer was a call with outlined copies of its fields.
    @inlinable
    public init(text: String, inlineCodes: [String] = [], line: Int, column: Int? = nil) {
        self.text = text
        self.inlineCodes = inlineCodes
        self.line = line
        self.column = column
    }

    /// Equal text, codes and place; how the text was located in the bytes does not count.
    public static func == (lhs: SegmentText, rhs: SegmentText) -> Bool {
        lhs.text == rhs.text && lhs.inlineCodes == rhs.inlineCodes && lhs.line == rhs.line && lhs.column == rhs.column
    }
}

/// What a format may say about a unit besides its text.
public struct UnitDetails: Sendable, Equatable {
    /// The source's plural form (PO `msgid_plural`), for a plural unit.
    public var sourcePlural: String?
    /// Every translated plural form in order (PO `msgstr[0…n]`, Android `<plurals>` items), for a
    /// plural unit; the unit's `target` is the first.
    public var targetPlurals: [String]?
    /// The most characters the translation may have (XLIFF `maxwidth` with `size-unit="char"`,
    /// Android `maxLength`).
    public var maxLength: Int?
    /// The CLDR plural categories the translation gives (`one`, `few`, `many`, `other`), on the first
    /// unit of a plural message in formats that name them (String Catalogs, `.stringsdict`, Android
    /// `<plurals>`, ARB and i18next); each category is a unit of its own.
    public var targetPluralCategories: [String]?
    /// For a PO unit made of a further plural form `msgstr[n]` (n ≥ 1, source `msgid_plural`): `n`.
    /// The entry's first unit (`msgstr[0]`) carries `targetPlurals`; this one only its own form.
    public var pluralForm: Int?
    /// The CLDR plural category of this unit's own form in formats that name it (`one` of
    /// `key|plural|one`, `items_one`, `<item quantity="one">`), on every unit of the group.
    public var pluralCategory: String?
    /// For a resource file paired with its source by key: the translation's key is not in the
    /// source file (a string the app no longer has, Android lint's `ExtraTranslation`). The unit's
    /// source is empty; only the checks of the translation alone read it.
    public var sourceKeyMissing: Bool
    /// The language of the unit's format string as the file declares it (PO `#, c-format`,
    /// `#, python-format`); `nil` where it says none, or says `no-c-format`. `msgfmt -c` checks a
    /// declared format strictly: in a `c-format` string every `%` starts a directive.
    public var formatFlag: String?

    /// Inlinable: the readers make details for every unit, and a call across the module
    /// boundary initialized each of the eight fields through outlined copies (some 290
    /// instructions a unit).
    @inlinable
    public init(sourcePlural: String? = nil, targetPlurals: [String]? = nil, maxLength: Int? = nil,
                targetPluralCategories: [String]? = nil, pluralForm: Int? = nil, sourceKeyMissing: Bool = false,
                formatFlag: String? = nil) {
        self.formatFlag = formatFlag
        self.pluralForm = pluralForm
        self.sourceKeyMissing = sourceKeyMissing
        self.sourcePlural = sourcePlural
        self.targetPlurals = targetPlurals
        self.maxLength = maxLength
        self.targetPluralCategories = targetPluralCategories
    }

    public var isPlural: Bool {
        sourcePlural != nil || targetPlurals != nil || targetPluralCategories != nil || pluralForm != nil || pluralCategory != nil
    }
}
