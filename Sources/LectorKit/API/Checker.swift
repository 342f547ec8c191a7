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

    /// All findings for one document, in reporting order, after inline suppressions.
    public func check(_ document: SourceDocument) -> [Finding] {
        guard let matcher = try? GlossaryMatcher(index: index) else { return [] }
        let context = CheckContext(document: document, index: index, glossaryMatches: matcher.matches(in: document))
        var findings: [Finding] = []
        for rule in rules {
            let description = type(of: rule).description
            for found in rule.findings(in: context) {
                findings.append(finding(found, rule: description, in: document))
            }
        }
        findings = applySuppressions(findings, in: document)
        addSentences(to: &findings, in: document)
        return findings.sorted(by: Finding.reportingOrder)
    }

    private func finding(_ found: RuleFinding, rule: RuleDescription, in document: SourceDocument) -> Finding {
        Finding(ruleID: rule.id, severity: configuration.severities[rule.id] ?? rule.defaultSeverity,
                message: found.message, file: document.path,
                location: document.location(ofUTF16Offset: found.range.lowerBound),
                endLocation: document.location(ofUTF16Offset: found.range.upperBound),
                text: document.text(in: found.range), suggestion: found.suggestion, isSafeFix: found.isSafeFix,
                note: found.note)
    }

    /// Drops suppressed findings and reports directives that suppressed nothing.
    private func applySuppressions(_ findings: [Finding], in document: SourceDocument) -> [Finding] {
        var suppressions = InlineSuppressions(document: document)
        if suppressions.regions.isEmpty { return findings }
        var kept = findings.filter { !suppressions.suppresses($0) }
        let unused = UnusedSuppressionRule.description
        guard !configuration.disabledRules.contains(unused.id) else { return kept }
        for region in suppressions.unused {
            kept.append(finding(RuleFinding(range: region.directive, message: UnusedSuppressionRule.message(for: region.rules)),
                                rule: unused, in: document))
        }
        return kept
    }

    /// Fills in the sentence around each finding (ICU sentence segmentation of its line).
    private func addSentences(to findings: inout [Finding], in document: SourceDocument) {
        guard !findings.isEmpty, let segmenter = try? TextSegmenter(.sentence, locale: index.targetLanguage) else { return }
        var sentencesByLine: [Int: [(range: Range<Int>, text: String)]] = [:]
        for index in findings.indices {
            let line = findings[index].location.line
            if sentencesByLine[line] == nil {
                let start = document.lineStarts[line - 1]
                let units = Array(document.lineText(line).utf16)
                var sentences: [(Range<Int>, String)] = []
                units.withUnsafeBufferPointer { buffer in
                    segmenter.forEachSegment(in: buffer) { segment in
                        let text = LectorICU.UTF16.decode(UnsafeBufferPointer(rebasing: buffer[segment.start..<segment.end]))
                        sentences.append(((start + segment.start)..<(start + segment.end), text.trimmingWhitespace()))
                    }
                }
                sentencesByLine[line] = sentences
            }
            let offset = findings[index].location.utf16Offset
            findings[index].sentence = sentencesByLine[line]?.first { $0.range.contains(offset) }?.text
                ?? sentencesByLine[line]?.last?.text
        }
    }
}
