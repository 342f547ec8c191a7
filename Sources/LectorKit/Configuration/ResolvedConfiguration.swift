/// Settings given on the command line (or by an embedder) that override the project's
/// `.lector.yml`. Precedence, as linters have it:
///
/// - `glossaries` **replaces** the file's glossaries when given; `extraGlossaries` adds to
///   whichever glossaries are in force;
/// - every other field overrides its key, and the file fills in what is not given;
/// - severities merge per rule: the file's, then these (`nil` turns a rule off).
public struct ConfigurationOverrides: Sendable, Equatable {
    /// Replaces the file's `glossaries` when not `nil`.
    public var glossaries: [String]?
    /// Added after the glossaries in force.
    public var extraGlossaries: [String] = []
    public var targetLanguage: String?
    public var sourceLanguage: String?
    /// Severity per rule id; `nil` turns the rule off.
    public var severities: [String: Severity?] = [:]
    /// Options per rule id, over the file's.
    public var ruleOptions: [String: [String: RuleOptionValue]] = [:]

    public init(glossaries: [String]? = nil, extraGlossaries: [String] = [], targetLanguage: String? = nil,
                sourceLanguage: String? = nil, severities: [String: Severity?] = [:],
                ruleOptions: [String: [String: RuleOptionValue]] = [:]) {
        self.glossaries = glossaries
        self.extraGlossaries = extraGlossaries
        self.targetLanguage = targetLanguage
        self.sourceLanguage = sourceLanguage
        self.severities = severities
        self.ruleOptions = ruleOptions
    }
}

/// The configuration in force for a run: the project's file and the overrides, merged once in
/// the library, with the glossaries loaded.
public struct ResolvedConfiguration: Sendable {
    public let check: CheckConfiguration
    /// The glossary files in force, in order.
    public let glossaryPaths: [String]
    /// Where each setting came from is simple enough to state; what needs saying is here
    /// (no glossary at all).
    public let warnings: [String]

    /// Merges `project` (may be `nil`: no file) with `overrides` and loads the glossaries.
    public init(project: ProjectConfiguration?, overrides: ConfigurationOverrides) throws(InputError) {
        var severities: [String: Severity] = [:]
        var disabled: Set<String> = []
        let levels = (project?.rules ?? [:]).sorted { $0.key < $1.key } + overrides.severities.sorted { $0.key < $1.key }
        for (rule, level) in levels {
            guard RuleRegistry.rule(withID: rule) != nil else {
                throw InputError(file: "configuration", message: "unknown rule “\(rule)”")
            }
            if let level {
                severities[rule] = level
                disabled.remove(rule)
            } else {
                severities[rule] = nil
                disabled.insert(rule)
            }
        }
        var options = project?.ruleOptions ?? [:]
        for (rule, settings) in overrides.ruleOptions {
            options[rule, default: [:]].merge(settings) { _, new in new }
        }
        glossaryPaths = (overrides.glossaries ?? project?.glossaries ?? []) + overrides.extraGlossaries
        let glossaries = try glossaryPaths.map { path throws(InputError) in try GlossaryLoader.load(path: path) }
        var warnings = glossaries.isEmpty
            ? ["no glossary given (--glossary or .lector.yml); glossary rules have nothing to check"] : []
        // Accepted so that older files still load, but never silently: it no longer changes anything.
        if let project, project.thresholds[GarbledSentenceRule.thresholdName] != nil {
            let options = GarbledSentenceRule.optionKeys.map(\.name).joined(separator: ", ")
            warnings.append("\(project.path): “thresholds: \(GarbledSentenceRule.thresholdName)” changes nothing: "
                + "garbled.sentence has no score any more; its options are \(options) (see `lector rules`)")
        }
        self.warnings = warnings
        var check = CheckConfiguration(glossaries: glossaries,
                                       targetLanguage: overrides.targetLanguage ?? project?.targetLanguage ?? "en",
                                       sourceLanguage: overrides.sourceLanguage ?? project?.sourceLanguage,
                                       severities: severities, disabledRules: disabled)
        check.thresholds = project?.thresholds ?? [:]
        check.ruleOptions = options
        if let strings = project?.strings { check.strings = strings }
        check.resourcePaths = ResourcePaths.resolve(configured: project?.resources ?? [])
        check.spellingWords = project?.spellingWords ?? []
        self.check = check
    }
}
