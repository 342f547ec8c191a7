import LectorText

/// A text with `↓` marking where each finding must start, written where it is declared so that a
/// failing example points at itself.
public struct RuleExample: Sendable {
    /// The text checked (the translation, for bilingual examples), with `↓` marks.
    public let text: String
    /// The source the translation is checked against, for bilingual rules.
    public let source: String?
    public let sourceLanguage: String?
    public let targetLanguage: String
    public let file: String
    public let line: Int
    /// For string checks: the example is one unit of a bilingual file (PO, XLIFF …) rather than
    /// a sentence of an aligned text, with the unit's plural forms and limits.
    public let unit: UnitExample?

    /// What a unit example carries besides its text.
    public struct UnitExample: Sendable {
        public let format: String
        public let details: UnitDetails
        /// The file's declared number of plural forms.
        public let pluralFormCount: Int?
    }

    public init(_ text: String, file: String = #filePath, line: Int = #line) {
        self.text = text
        source = nil
        sourceLanguage = nil
        targetLanguage = "en"
        self.file = file
        self.line = line
        unit = nil
    }

    /// A bilingual example: `text` is the translation of `source`.
    public init(_ text: String, source: String, from sourceLanguage: String, to targetLanguage: String,
                file: String = #filePath, line: Int = #line) {
        self.text = text
        self.source = source
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.file = file
        self.line = line
        unit = nil
    }

    /// A unit example: `text` is the translation of `source` in one unit of a bilingual file of
    /// the given format (`po` by default). Line breaks and tabs in either are kept.
    public init(unit text: String, source: String, from sourceLanguage: String, to targetLanguage: String,
                format: String = "po", details: UnitDetails = UnitDetails(), pluralFormCount: Int? = nil,
                file: String = #filePath, line: Int = #line) {
        self.text = text
        self.source = source
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.file = file
        self.line = line
        unit = UnitExample(format: format, details: details, pluralFormCount: pluralFormCount)
    }
}

/// What a rule is, for `lector rules`, SARIF metadata and the example tests.
public struct RuleDescription: Sendable {
    /// Stable id, `family.name`. Never renamed once released.
    public let id: String
    public let name: String
    public let summary: String
    public let defaultSeverity: Severity
    /// Texts on which the rule must report exactly at the `↓` marks.
    public let triggeringExamples: [RuleExample]
    /// Texts on which the rule must report nothing.
    public let nonTriggeringExamples: [RuleExample]
    /// What the rule reads: the translation alone, sentence pairs, or the whole document.
    public let scope: RuleScope

    /// `scope` left out: unit when every triggering example is a unit of a bilingual file,
    /// bilingual when every one has a source, else target.
    public init(id: String, name: String, summary: String, defaultSeverity: Severity,
                triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample], scope: RuleScope? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        let bilingualExamples = !triggeringExamples.isEmpty && triggeringExamples.allSatisfy { $0.source != nil }
        let unitExamples = !triggeringExamples.isEmpty && triggeringExamples.allSatisfy { $0.unit != nil }
        self.scope = scope ?? (unitExamples ? .unit : bilingualExamples ? .bilingual : .target)
    }
}

/// One check. A rule reads the context of one document and returns its findings.
public protocol Rule: Sendable {
    /// The rule's settings in `.lector.yml`; a rule without any leaves this out.
    associatedtype Options: RuleOptions = NoRuleOptions
    static var description: RuleDescription { get }
    init()
    init(options: Options)
    func findings(in context: CheckContext) -> [RuleFinding]
}

/// A finding as a rule states it; the checker adds file, locations and the configured severity.
public struct RuleFinding: Sendable {
    public let range: Range<Int>
    public let message: String
    public let suggestion: String?
    public let isSafeFix: Bool
    public let note: String?
    /// The rule could not run on this document (see `failure(of:_:)`): the checker reports it
    /// as an error whatever the rule's severity.
    public var isFailure = false

    public init(range: Range<Int>, message: String, suggestion: String? = nil, isSafeFix: Bool = false,
                note: String? = nil) {
        self.range = range
        self.message = message
        self.suggestion = suggestion
        self.isSafeFix = isSafeFix
        self.note = note
    }
}

/// Every rule Lector has, in the order `lector rules` lists them.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        GlossaryForbiddenRule.self,
        GlossaryVariantRule.self,
        GlossaryInconsistentRule.self,
        UnusedSuppressionRule.self,
        GlossaryMissingRule.self,
        AlignmentUnpairedRule.self,
        UntranslatedRule.self,
        MarkupMismatchRule.self,
        NamesMissingRule.self,
        NamesReplacedRule.self,
        NumbersMismatchRule.self,
        NumbersUnitRule.self,
        NegationRule.self,
        OmissionRule.self,
        AdditionRule.self,
        AntonymRule.self,
        OffensiveRule.self,
        DatesMismatchRule.self,
        PunctuationQuotesRule.self,
        GarbledSentenceRule.self,
        SpellingUnknownRule.self,
        // String checks of bilingual files (pofilter's, Xbench's, CheckMate's).
        AcceleratorRule.self,
        PunctuationStartRule.self,
        PunctuationEndRule.self,
        PunctuationWidthRule.self,
        BracketsMismatchRule.self,
        CapitalizationStartRule.self,
        WhitespaceEdgesRule.self,
        WhitespaceDoubleRule.self,
        WhitespaceNewlinesRule.self,
        EscapesMismatchRule.self,
        MarkupInvalidRule.self,
        UntranslatedBlankRule.self,
        UntranslatedUnchangedRule.self,
        WordsDoubledRule.self,
        PluralFormsRule.self,
        LengthLimitRule.self,
    ]

    public static func rule(withID id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
