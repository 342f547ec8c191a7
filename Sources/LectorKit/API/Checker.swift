import LectorICU

/// What to check and how: glossaries, the language of the checked text, rule settings.
public struct CheckConfiguration: Sendable {
    public var glossaries: [Glossary]
    /// BCP 47 tag of the text being checked.
    public var targetLanguage: String
    /// Transliteration schemes for variant derivation; `nil` means ICU's and Lector's own.
    public var schemes: [TransliterationScheme]?
    /// Severity per rule id, replacing the rule's default.
    public var severities: [String: Severity]
    /// Rule ids that do not run.
    public var disabledRules: Set<String>

    public init(glossaries: [Glossary] = [], targetLanguage: String = "en", schemes: [TransliterationScheme]? = nil,
                severities: [String: Severity] = [:], disabledRules: Set<String> = []) {
        self.glossaries = glossaries
        self.targetLanguage = targetLanguage
        self.schemes = schemes
        self.severities = severities
        self.disabledRules = disabledRules
    }
}

/// The library's front door: compile a configuration once, then check any number of documents,
/// from any number of tasks at once.
///
/// ```swift
/// let glossary = try GlossaryLoader.load(path: "Glossaries/ukraine-war.tbx")
/// let checker = try Checker(CheckConfiguration(glossaries: [glossary], targetLanguage: "en"))
/// let findings = try checker.check(SourceDocument.load(path: "article.txt"))
/// ```
public struct Checker: Sendable {
    public let configuration: CheckConfiguration
    public let index: GlossaryIndex
    private let rules: [any Rule]

    public init(_ configuration: CheckConfiguration) throws(InputError) {
        do {
            _ = try LanguageTag(configuration.targetLanguage)
        } catch {
            throw InputError(file: "--target-lang", message: "unknown language tag “\(configuration.targetLanguage)”")
        }
        for id in configuration.severities.keys where RuleRegistry.rule(withID: id) == nil {
            throw InputError(file: "configuration", message: "unknown rule “\(id)”")
        }
        self.configuration = configuration
        let schemes: [TransliterationScheme]
        if let configured = configuration.schemes { schemes = configured } else { schemes = try TransliterationScheme.builtIn() }
        index = try GlossaryIndex(glossaries: configuration.glossaries, targetLanguage: configuration.targetLanguage,
                                  schemes: schemes)
        rules = RuleRegistry.all
            .filter { !configuration.disabledRules.contains($0.description.id) }
            .map { $0.init() }
    }

    /// All findings for one document, in reporting order.
    public func check(_ document: SourceDocument) -> [Finding] {
        guard let matcher = try? GlossaryMatcher(index: index) else { return [] }
        let context = CheckContext(document: document, index: index, glossaryMatches: matcher.matches(in: document))
        var findings: [Finding] = []
        for rule in rules {
            let description = type(of: rule).description
            let severity = configuration.severities[description.id] ?? description.defaultSeverity
            for found in rule.findings(in: context) {
                findings.append(Finding(
                    ruleID: description.id, severity: severity, message: found.message, file: document.path,
                    location: document.location(ofUTF16Offset: found.range.lowerBound),
                    endLocation: document.location(ofUTF16Offset: found.range.upperBound),
                    text: document.text(in: found.range), suggestion: found.suggestion, isSafeFix: found.isSafeFix,
                    note: found.note))
            }
        }
        return findings.sorted(by: Finding.reportingOrder)
    }
}
