import Dispatch
import Foundation
import LectorICU
import LectorLexicon

extension CheckConfiguration {
    /// Throws an input error naming `option` unless `tag` is a BCP 47 tag of a language ICU knows:
    /// every command refuses the same tags.
    public static func checkLanguageTag(_ tag: String, option: String) throws(InputError) {
        do {
            _ = try LanguageTag(tag)
        } catch {
            throw InputError(file: option, message: "unknown language tag “\(tag)”")
        }
    }
}

/// What to check and how: glossaries, the language of the checked text, rule settings.
public struct CheckConfiguration: Sendable {
    public var glossaries: [Glossary]
    /// BCP 47 tag of the text being checked.
    public var targetLanguage: String
    /// BCP 47 tag of the source, for bilingual checks; `nil` checks the translation alone.
    public var sourceLanguage: String?
    /// Transliteration schemes for variant derivation; `nil` means ICU's and Lector's own.
    public var schemes: [TransliterationScheme]?
    /// Severity per rule id, replacing the rule's default.
    public var severities: [String: Severity]
    /// Rule ids that do not run.
    public var disabledRules: Set<String>
    /// Named thresholds that rules read (`garbled.min_score`); the older form of `ruleOptions`.
    public var thresholds: [String: Double] = [:]
    /// Options per rule id (`garbled.sentence` → `min_score` → 0.6), checked against the rule's
    /// declared options when the checker is made.
    public var ruleOptions: [String: [String: RuleOptionValue]] = [:]
    /// Where Hunspell, FreeDict and WordNet data are looked for (`resources:`, `LECTOR_DATA_PATH`).
    public var resourcePaths: ResourcePaths = .standard
    /// House words `spelling.unknown` accepts (`spelling: { words: [...] }`).
    public var spellingWords: [String] = []
    /// Placeholder syntaxes, accelerator markers and the like for the string checks.
    public var strings = StringCheckSettings()
    /// An embedder's own rules, run after Lector's through the same engine (a `BilingualRule` gets
    /// the pair walk, a `UnitRule` the unit walk), with their default severities.
    public var customRules: [any Rule] = []
    /// Threads a large text or Markdown file is checked on (`Checker.checkWindows`); `nil`: one per core.
    public var jobs: Int?
    /// Plain text and Markdown larger than this many bytes are checked in windows of about a
    /// quarter of this size (`windowCutBytes`), on all cores and in bounded memory, with the
    /// findings of the whole file (`LECTOR_WINDOW_BYTES` sets the default, for tests; 1 MiB otherwise).
    public var windowBytes: Int = CheckConfiguration.defaultWindowBytes

    /// The size of the windows a file over `windowBytes` is cut into: a quarter of it. The threads
    /// take windows one at a time, so the last windows of each pass leave a thread idle for up
    /// to one window's work: windows of 1 MiB kept one of two cores idle for about a tenth of an
    /// 11 MB text's check. Windows of 256 KiB cost no more CPU (measured on that text with one
    /// thread: 0.49–0.52 s against 0.50–0.54 s); at 128 KiB the check per window began to show.
    public var windowCutBytes: Int { max(1, windowBytes / 4) }

    /// Units per chunk of a bilingual file checked on several threads, before its last chunks of
    /// `Checker.unitsPerChunk` (`Checker.chunks(of:largeUnits:)`, `UnitChunks`). A chunk costs
    /// about a millisecond of its own (its documents and facts, its preparations' first look-ups):
    /// chunks of 256 units were a fifth of what `--jobs 2` spent over `--jobs 1` on 20,000 news
    /// units. The findings do not depend on it.
    public var largeChunkUnits: Int = 1024

    /// A large JSON Lines or XLIFF file checked as a stream (`LintSession.checkBilingualStream`)
    /// whose units have no more than this many bytes of source and target text keeps the units,
    /// target documents and glossary matches its first pass makes, and its second pass checks
    /// them without reading the file again (about 35,000 news units, 7 MB of XLIFF, are parsed
    /// once). Keeping them costs 5–10 times the text: 13–23 MB of peak memory for 20,000 news units.
    public var retainedUnitTextBytes: Int = 4 << 20

    /// A streamed file's first pass checks its chunks as it reads them and keeps their findings
    /// until the whole file's facts are known (`LintSession.checkBilingualStream`); past this many
    /// bytes of findings (message, text, sentence, suggestion and about 200 bytes of the rest
    /// each) it stops checking and the file is checked again by a second pass.
    public var retainedFindingBytes: Int = 32 << 20

    public static let defaultWindowBytes: Int = {
        if let value = ProcessInfo.processInfo.environment["LECTOR_WINDOW_BYTES"].flatMap(Int.init), value > 0 { return value }
        return 1 << 20
    }()

    /// The threads `jobs` stands for.
    public var threadCount: Int { max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount) }

    public init(glossaries: [Glossary] = [], targetLanguage: String = "en", sourceLanguage: String? = nil,
                schemes: [TransliterationScheme]? = nil,
                severities: [String: Severity] = [:], disabledRules: Set<String> = []) {
        self.glossaries = glossaries
        self.targetLanguage = targetLanguage
        self.sourceLanguage = sourceLanguage
        self.schemes = schemes
        self.severities = severities
        self.disabledRules = disabledRules
    }
}

/// What one checked document is, for bilingual files: every rule sees one document at a time, so
/// rules that compare places (`glossary.inconsistent`) compare within it.
public enum DocumentMode: String, Sendable, CaseIterable {
    /// All the units of a file form one document (for a file that is one text, such as an article).
    case perFile = "per-file"
    /// Each unit (record) is a document of its own: findings do not depend on which other
    /// records were checked with it, as when a corpus is split across workers.
    case perRecord = "per-record"
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
    /// The glossary compiled for the source language, when there is one.
    public let sourceIndex: GlossaryIndex?
    /// What was wrong with the glossaries and how it was settled (contradicting statuses, the
    /// stricter wins; duplicate concept ids; terms that cannot be matched as words). Callers
    /// show these: they change what is found.
    public let glossaryWarnings: [GlossaryWarning]
    /// Word knowledge for the checked pair (the target alone when there is no source).
    public let lexicon: Lexicon
    /// What the enabled rules cannot do for lack of a lexical resource, said once per run:
    /// "spelling checks off: no Hunspell dictionary for uk (install hunspell-uk)". Worked out when
    /// first read (the command reads it after the check): whether a FreeDict dictionary links the
    /// pair is known only once it is loaded, and the checker's thread waited for that load.
    public var resourceNotices: [String] { notices.value(orMake: makeNotices) }
    private let notices = PreparedValue<[String], Never>()
    private let makeNotices: @Sendable () -> [String]
    private let rules: [any Rule]
    private let spellingWords: Set<String>

    public init(_ configuration: CheckConfiguration) throws(InputError) {
        try CheckConfiguration.checkLanguageTag(configuration.targetLanguage, option: "--target-lang")
        if let source = configuration.sourceLanguage {
            try CheckConfiguration.checkLanguageTag(source, option: "--source-lang")
        }
        for id in Set(configuration.severities.keys).union(configuration.ruleOptions.keys)
        where RuleRegistry.rule(withID: id) == nil {
            throw InputError(file: "configuration", message: "unknown rule “\(id)”")
        }
        // The built-in transliteration schemes are compiled on a thread of their own while the
        // glossary is audited and the lexicon set up; the index below waits for them. A caller
        // that will make a checker may have started them earlier still.
        if configuration.schemes == nil { TransliterationScheme.prepareBuiltIn() }
        self.configuration = configuration
        let languages = Set([configuration.targetLanguage] + (configuration.sourceLanguage.map { [$0] } ?? []))
            .map(LanguageSubtag.primary(of:))
        let audited = GlossaryAudit.audit(configuration.glossaries, languages: Set(languages))
        glossaryWarnings = audited.warnings
        // Where inflected matching adds the glossary's names to a language's Hunspell dictionary
        // (ru, uk, pl, cs, de), the lexicon answers from that amended copy too: it is the only copy
        // of the dictionary loaded, shared with the glossary indexes below (uk_UA: over 200 ms of CPU).
        let concepts = audited.glossaries.flatMap(\.concepts)
        var additions: [String: HunspellAdditions] = [:]
        for language in languages {
            if let words = GlossaryStemmer.additions(concepts: concepts, language: language, paths: configuration.resourcePaths) {
                additions[language] = words
            }
        }
        let lexicon = Lexicon.shared(source: configuration.sourceLanguage ?? configuration.targetLanguage,
                                     target: configuration.targetLanguage, paths: configuration.resourcePaths,
                                     additions: additions)
        // The pair is known: its lexical resources load in the background from here on, overlapping
        // the glossary index and the reading of the files; a rule that asks for one waits for it alone.
        // With every rule off only glossary matching asks for one, the Hunspell dictionary of a
        // language it stems: the other loads were a quarter of such a run's CPU.
        let anyRuleRuns = !configuration.customRules.isEmpty
            || RuleRegistry.all.contains { !configuration.disabledRules.contains($0.description.id) }
        if anyRuleRuns {
            lexicon.preload(bilingual: configuration.sourceLanguage != nil)
        } else {
            lexicon.preloadHunspell(languages.filter { GlossaryStemmer.languages.contains($0) })
        }
        // ICU's segmenters and number tables are checked meanwhile too; a failure is thrown where
        // this check stood, last, so that any other error of this initializer comes first.
        let icuObjects = Result { () throws(InputError) in try Self.checkICUObjects(languages: languages) }
        let schemes: [TransliterationScheme]
        if let configured = configuration.schemes { schemes = configured } else { schemes = try TransliterationScheme.builtIn() }
        // One set of transliterators for both indexes: the source's finds the target's spellings.
        let transliterators = VariantTransliterators(schemes: schemes)
        index = try GlossaryIndex(glossaries: audited.glossaries, targetLanguage: configuration.targetLanguage,
                                  transliterators: transliterators, resourcePaths: configuration.resourcePaths)
        if let source = configuration.sourceLanguage {
            sourceIndex = try GlossaryIndex(glossaries: audited.glossaries, targetLanguage: source,
                                            transliterators: transliterators, resourcePaths: configuration.resourcePaths)
        } else {
            sourceIndex = nil
        }
        var rules: [any Rule] = []
        for type in RuleRegistry.all where !configuration.disabledRules.contains(type.description.id) {
            do {
                rules.append(try type.configured(configuration.ruleOptions[type.description.id] ?? [:]))
            } catch {
                throw InputError(file: "configuration", message: error.description)
            }
        }
        self.rules = rules + configuration.customRules
        self.lexicon = lexicon
        let ruleIDs = rules.map { type(of: $0).description.id }
        let sourceLanguage = configuration.sourceLanguage, targetLanguage = configuration.targetLanguage
        makeNotices = {
            LexicalRequirements.notices(ruleIDs: ruleIDs, sourceLanguage: sourceLanguage,
                                        targetLanguage: targetLanguage, lexicon: lexicon)
                + LexicalRequirements.unavailable(ruleIDs: ruleIDs, sourceLanguage: sourceLanguage,
                                                  targetLanguage: targetLanguage, lexicon: lexicon)
        }
        spellingWords = Set(configuration.spellingWords.map { CaseMapping.fold($0) })
        try icuObjects.get()
        try Self.checkTransliterators()
        if configuration.threadCount > 1 { makeSharedRuleTablesInBackground() }
    }

    /// Builds once the ICU objects that parts of the pipeline make as they go and could only
    /// skip if they failed there (sentence and word segmentation for alignment and finding sentences,
    /// number extraction for the garbled-sentence signals; the transliterators of variant
    /// derivation and skeletons in `checkTransliterators`). ICU's answer depends only on the locale
    /// and its data, so a failure shows here, as an input error, rather than as text that checks clean.
    private static func checkICUObjects(languages: [String]) throws(InputError) {
        do {
            for language in languages {
                _ = try TextSegmenter(.sentence, locale: language)
                // The word segmenter's ASCII classes too, worked out once per language: the
                // glossary index would otherwise calibrate them after the transliterators.
                _ = try WordSegmenter(locale: language)
                _ = try NumberExtractor(language: language)
            }
        } catch {
            throw InputError(file: "ICU", message: error.description)
        }
    }

    /// The transliterators of `checkICUObjects`, checked after the glossary index, which opens them
    /// (or waits for `TransliterationScheme.prepareBuiltIn()` to).
    private static func checkTransliterators() throws(InputError) {
        do {
            for id in ["Any-Latin; Latin-ASCII", "Latin-ASCII", "Cyrillic-Latin"] { _ = try Transliterator(id: id) }
        } catch {
            throw InputError(file: "ICU", message: error.description)
        }
    }

    /// All findings for one document, in reporting order, after inline suppressions.
    public func check(_ document: SourceDocument) -> [Finding] {
        run(target: document, bilingual: nil)
    }

    /// Checks a translation against its source, pairing their sentences automatically
    /// (paragraphs, then ICU sentences, Gale–Church alignment). Without a configured source
    /// language this is `check(_:)`.
    public func check(_ target: SourceDocument, source: SourceDocument) -> [Finding] {
        guard let sourceLanguage = configuration.sourceLanguage else { return check(target) }
        let pairs = SentenceAligner(sourceLanguage: sourceLanguage, targetLanguage: configuration.targetLanguage)
            .align(source: source, target: target)
        return run(target: target, bilingual: bilingualContext(source: source, pairs: pairs, inlineCodes: nil, pairedByFile: false))
    }

    /// Checks a bilingual file (XLIFF, TMX, PO, JSON Lines): its units are the sentence pairs.
    /// Findings name the file and the line of each unit's target. Units without a target are
    /// checked on the source side only.
    ///
    /// `per-record` checks each unit as a document of its own, so that nothing one unit says
    /// (a glossary variant, a suppression) bears on another, and the findings of a unit are the
    /// same however the file is split; `per-file` (the default) is one document of all the units.
    /// Either way each finding names its unit (`Finding.unit`).
    public func check(_ file: BilingualFile, documents: DocumentMode = .perFile) -> [Finding] {
        check(file, documents: documents, preparations: nil)
    }

    /// `check(_:documents:)`, with the document-independent rule preparations of per-record
    /// documents taken from `preparations` and left there (a stream's records, checked by many
    /// calls); without it they are kept for this call's units only.
    func check(_ file: BilingualFile, documents: DocumentMode, preparations: PreparationPool?) -> [Finding] {
        switch documents {
        case .perFile:
            StageProfile.shared?.mark("loaded file: check starts")
            defer { StageProfile.shared?.mark("loaded file: check done") }
            return chunkedUnitFindings(file)
        case .perRecord:
            // Units are independent documents: checked on `threadCount` threads, in chunks of
            // consecutive units (a chunk's findings in unit order), joined in chunk order, so output
            // is deterministic.
            let units = file.units
            let chunkSize = 32
            let chunks = (units.count + chunkSize - 1) / chunkSize
            let results = UnsafeResults<[Finding]>(count: chunks)
            // A record is a document, but what a rule prepares from the languages alone (segmenters,
            // extractors, its per-word verdicts) is the same for every record: with it made again
            // for each, a one-unit document cost several times its checking.
            let pool = preparations ?? PreparationPool()
            concurrentJobs(count: chunks, threads: configuration.threadCount) { chunk in
                var findings: [Finding] = []
                pool.using { kept in
                    for unit in units[(chunk * chunkSize)..<min(units.count, (chunk + 1) * chunkSize)] {
                        findings += unitFindings(file.with(units: [unit]), kept: kept)
                    }
                }
                results.set(chunk, findings)
            }
            return results.values.flatMap { $0! }.sorted(by: Finding.reportingOrder)
        }
    }

    /// The findings of one document made of all the file's units, each labelled with its unit.
    ///
    /// `kept`: for a chunk of a file, the rule preparations its other chunks on this thread made.
    /// `read`: the units' target document (`targetDocument`) and its glossary matches, when a first
    /// pass over the file made them already.
    func unitFindings(_ file: BilingualFile, wholeFile: WholeFileFacts? = nil, kept: KeptPreparations? = nil,
                      read: ReadTarget? = nil) -> [Finding] {
        let target = read?.document ?? Self.targetDocument(of: file.units, path: file.path)
        var findings = Self.outsideProtectedText(
            documentFindings(file, target: target, wholeFile: wholeFile, glossaryMatches: read?.matches, kept: kept),
            of: file, target: target)
        guard file.units.contains(where: { $0.reference != nil }) else { return findings }
        // Line n of the assembled document is unit n.
        let units = findings.map { target.textLine(ofUTF16Offset: $0.location.utf16Offset) - 1 }
        for index in findings.indices where units[index] < file.units.count {
            findings[index].unit = file.units[units[index]].reference
        }
        return Self.withoutRepeatedPluralFindings(findings, units: units, of: file)
    }

    /// Findings without those pointing into a target's text marked not to translate
    /// (`SegmentText.protectedRanges`): that text is the source's by contract, and a fix there
    /// would change it. The markup rules compare it with the source's and stay.
    static func outsideProtectedText(_ findings: [Finding], of file: BilingualFile, target: SourceDocument) -> [Finding] {
        guard file.units.contains(where: { !($0.target?.protectedRanges.isEmpty ?? true) }) else { return findings }
        return findings.filter { finding in
            guard !finding.ruleID.hasPrefix("markup.") else { return true }
            let line = target.textLine(ofUTF16Offset: finding.location.utf16Offset)
            guard line - 1 < file.units.count, let protected = file.units[line - 1].target?.protectedRanges,
                  !protected.isEmpty else { return true }
            let start = target.lineRange(line).lowerBound
            let range = (finding.location.utf16Offset - start)..<max(finding.endLocation.utf16Offset - start,
                                                                     finding.location.utf16Offset - start + 1)
            return !protected.contains { $0.overlaps(range) }
        }
    }

    /// The further forms of a PO plural entry (`msgstr[1…]`) say what `msgstr[0]` says, for another
    /// count: a rule comparing whole sentences (meaning, names, numbers, dates) that finds the same
    /// thing in a further form as in the entry's `msgstr[0]` reports it once, at `msgstr[0]`.
    /// Every other finding, and one that only a further form has, stays.
    static func withoutRepeatedPluralFindings(_ findings: [Finding], units: [Int], of file: BilingualFile) -> [Finding] {
        guard file.units.contains(where: { $0.details.pluralForm != nil }) else { return findings }
        let sentenceRules = ["meaning.", "names.", "numbers.", "dates."]
        var firstForm: Set<String> = []
        for (index, finding) in findings.enumerated() where units[index] < file.units.count
            && file.units[units[index]].details.pluralForm == nil {
            firstForm.insert("\(units[index]) \(finding.ruleID) \(finding.message)")
        }
        return findings.indices.compactMap { index in
            let finding = findings[index]
            guard units[index] < file.units.count, file.units[units[index]].details.pluralForm != nil,
                  sentenceRules.contains(where: { finding.ruleID.hasPrefix($0) }) else { return finding }
            var entry = units[index]
            while entry > 0, file.units[entry].details.pluralForm != nil { entry -= 1 }
            return firstForm.contains("\(entry) \(finding.ruleID) \(finding.message)") ? nil : finding
        }
    }

    /// The document of units' targets that `unitFindings` checks: a unit without a translation is an
    /// empty line placed at its source, where a finding about the missing translation points.
    static func targetDocument(of units: [BilingualUnit], path: String) -> SourceDocument {
        SourceDocument.assembled(path: path, segments: units.map { unit in
            unit.target ?? SegmentText(text: "", line: unit.source.line, column: unit.source.column)
        })
    }

    private func documentFindings(_ file: BilingualFile, target: SourceDocument, wholeFile: WholeFileFacts?,
                                  glossaryMatches: TargetMatches?, kept: KeptPreparations?) -> [Finding] {
        guard configuration.sourceLanguage != nil else {
            return run(target: target, bilingual: nil, spellings: wholeFile?.spellings, glossaryMatches: glossaryMatches,
                       releasesMemory: wholeFile == nil)
        }
        let profile = StageProfile.shared
        let start = profile == nil ? 0 : StageProfile.now()
        let source = SourceDocument.assembled(path: file.path, segments: file.units.map(\.source))
        let pairs = Self.unitPairs(of: file, source: source, target: target)
        let codes = file.units.map { BilingualContext.InlineCodePair(source: $0.source.inlineCodes, target: $0.target?.inlineCodes ?? []) }
        let context = bilingualContext(source: source, pairs: pairs, inlineCodes: codes, pairedByFile: true)?.map { context in
            var context = context
            context.units = file.units
            context.pluralFormCount = file.pluralFormCount
            context.format = file.format
            return context
        }
        profile?.add("source document, unit pairs, source glossary matching", since: start)
        let findings = run(target: target, bilingual: context, spellings: wholeFile?.spellings,
                           sourceWords: wholeFile?.sourceWords, glossaryMatches: glossaryMatches,
                           releasesMemory: wholeFile == nil, kept: kept)
        return applyUnitNotes(findings, file: file, target: target)
    }

    /// The sentence pairs of a bilingual file: unit *n* pairs line *n* of its assembled source and
    /// target documents (`SourceDocument.assembled`).
    public static func unitPairs(of file: BilingualFile, source: SourceDocument, target: SourceDocument) -> [SentencePair] {
        var pairs: [SentencePair] = []
        for line in 0..<file.units.count {
            let sourceRange = source.lineRange(line + 1)
            let targetRange = file.units[line].target == nil ? nil : target.lineRange(line + 1)
            pairs.append(SentencePair(source: sourceRange.isEmpty ? nil : sourceRange,
                                      target: targetRange.flatMap { $0.isEmpty ? nil : $0 },
                                      sourceSentenceCount: 1, targetSentenceCount: targetRange == nil ? 0 : 1,
                                      anchor: target.lineRange(line + 1).lowerBound))
        }
        return pairs
    }

    /// XLIFF `<note>`s (and PO comments) that say `lector-disable RULE…` silence those rules on
    /// their unit; one that silences nothing is reported, like any unused suppression.
    private func applyUnitNotes(_ findings: [Finding], file: BilingualFile, target: SourceDocument) -> [Finding] {
        var directives: [Int: (rules: Set<String>, used: Bool)] = [:]
        for (index, unit) in file.units.enumerated() {
            for note in unit.notes {
                guard let rules = Self.unitDirective(in: note) else { continue }
                directives[index] = (rules, false)
            }
        }
        guard !directives.isEmpty else { return findings }
        var kept: [Finding] = []
        for finding in findings {
            let unit = target.textLine(ofUTF16Offset: finding.location.utf16Offset) - 1
            if let directive = directives[unit], directive.rules.isEmpty || directive.rules.contains(finding.ruleID) {
                directives[unit]?.used = true
                continue
            }
            kept.append(finding)
        }
        let unused = UnusedSuppressionRule.description
        guard !configuration.disabledRules.contains(unused.id) else { return kept }
        for (unit, directive) in directives.sorted(by: { $0.key < $1.key }) where !directive.used {
            let range = target.lineRange(unit + 1)
            kept.append(finding(RuleFinding(range: range.lowerBound..<range.lowerBound,
                                            message: UnusedSuppressionRule.message(for: directive.rules)), rule: unused, in: target))
        }
        return kept.sorted(by: Finding.reportingOrder)
    }

    /// A directive line of a unit's note: `lector-disable` (or `lector-disable-next-line`) alone
    /// on its line, or followed by rule ids only (`markup.mismatch, whitespace.edges`), which are
    /// returned (empty: every rule). A note that only mentions a directive ("Do not use
    /// lector-disable here, it is for markup.mismatch") is no directive.
    static func unitDirective(in note: String) -> Set<String>? {
        let text = note as NSString
        guard let match = unitDirectiveLine.firstMatch(in: note, range: NSRange(location: 0, length: text.length)) else { return nil }
        return Set(text.substring(with: match.range(at: 1)).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            .map(String.init))
    }

    /// A rule id is lower-case words joined by dots (`glossary.forbidden`, `suppression.unused`).
    private static let unitDirectiveLine = try! NSRegularExpression(
        pattern: #"(?m)^[ \t]*(?:#|//)?[ \t]*lector-disable(?:-next-line)?((?:[ \t,]+[a-z]+(?:\.[a-z]+)+)*)[ \t,]*$"#)

    /// The source side for the bilingual rules; a matcher that cannot be built is reported by
    /// `ruleFindings` as a failure, never taken for a source without glossary terms.
    private func bilingualContext(source: SourceDocument, pairs: [SentencePair],
                                  inlineCodes: [BilingualContext.InlineCodePair]?, pairedByFile: Bool)
        -> Result<BilingualContext, ICUError>? {
        guard let sourceIndex, let sourceLanguage = configuration.sourceLanguage else { return nil }
        let matcher: GlossaryMatcher
        do {
            matcher = try GlossaryMatcher(index: sourceIndex)
        } catch {
            return .failure(error)
        }
        return .success(BilingualContext(source: source, sourceLanguage: Term.primaryLanguage(of: sourceLanguage), pairs: pairs,
                                         sourceIndex: sourceIndex,
                                         sourceGlossaryMatches: outsideLinksAndCode(matcher.matches(in: source), in: source),
                                         inlineCodes: inlineCodes, isPairedByFile: pairedByFile))
    }

    /// Glossary matches without those inside a URL, an e-mail address or a file path
    /// (`https://example.org/Kiev`), a placeholder (`{Kiev}`, `%(Kiev)s`) or an inline tag
    /// (`<a href="/Kiev">`): they name a resource or a variable, not the concept, and a fix would
    /// break them. Text files, HTML and Markdown mask their links and tags when they are read; the
    /// segments of bilingual and resource files are read as they are, so this applies to them.
    func outsideLinksAndCode(_ matches: [GlossaryMatch], in document: SourceDocument) -> [GlossaryMatch] {
        var links = PlainText.LinkFinder()
        var code = EmbeddedCodeFinder(syntaxes: configuration.strings.placeholderSyntaxes)
        func isOutside(_ match: GlossaryMatch) -> Bool {
            !links.overlapsLink(match.range, in: document.utf16) && !code.overlapsCode(match.range, in: document)
        }
        // Almost every match is outside: the array is kept as it is up to the first one inside,
        // rather than copied match by match into a growing one.
        guard let first = matches.firstIndex(where: { !isOutside($0) }) else { return matches }
        var kept = Array(matches[..<first])
        kept.reserveCapacity(matches.count - 1)
        for match in matches[(first + 1)...] where isOutside(match) { kept.append(match) }
        return kept
    }

    /// - Parameters:
    ///   - spellings: for a window of a larger document, the whole document's glossary spellings.
    ///   - releasesMemory: whether a large document's working memory goes back to the system after
    ///     its check (windows are small and many, and the run releases once at the end).
    ///   - glossaryMatches: the document's glossary matches outside links, when they were found
    ///     already (`glossaryMatches(in:)`, by the first pass over a document checked in windows).
    func run(target document: SourceDocument, bilingual: Result<BilingualContext, ICUError>?,
             spellings: GlossaryInconsistentRule.Tally? = nil, sourceWords: Set<String>? = nil,
             glossaryMatches: TargetMatches? = nil, releasesMemory: Bool = true,
             kept: KeptPreparations? = nil) -> [Finding] {
        let profile = StageProfile.shared
        let start = profile == nil ? 0 : StageProfile.now()
        let findings = ruleFindings(in: document, bilingual: bilingual, spellings: spellings, sourceWords: sourceWords,
                                    glossaryMatches: glossaryMatches, kept: kept)
        profile?.add("check (whole document)", since: start)
        // The matches and the rules' working data of a large document (about 100 MB for 10 MB of
        // text) are free now; glibc would keep them, and a batch of large documents would grow.
        if releasesMemory, document.utf16.count >= 1 << 20 { releaseFreeMemory() }
        return findings
    }

    /// Whether `glossary.inconsistent` runs, and so whether a document checked in windows needs
    /// its spellings counted over the whole document first.
    var comparesSpellings: Bool { rules.contains { $0 is GlossaryInconsistentRule } }

    /// Starts making, on a thread of its own, the tables the enabled bilingual rules make once per
    /// process (`SharedRuleTables`), for a check on several threads: made while the session is set
    /// up and the file's first units are read, when a core is often idle, instead of by the first
    /// checking thread while the others wait for it. The languages as the rules' contexts name them
    /// (`bilingualContext`, the glossary index).
    private func makeSharedRuleTablesInBackground() {
        guard let source = configuration.sourceLanguage else { return }
        let sourceLanguage = Term.primaryLanguage(of: source), targetLanguage = index.targetLanguage
        let ruleIDs = Set(rules.map { type(of: $0).description.id }), lexicon = lexicon
        DispatchQueue.global(qos: .userInitiated).async {
            SharedRuleTables.make(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, lexicon: lexicon,
                                  ruleIDs: ruleIDs)
        }
    }

    /// The allowed glossary spellings of a document (`GlossaryInconsistentRule.Tally`).
    func spellingTally(of document: SourceDocument) -> GlossaryInconsistentRule.Tally {
        // Without a matcher, no spellings: not lost, the check of the document builds the same
        // matcher and reports the failure.
        spellingTally(of: document, matches: glossaryMatches(in: document)?.matches ?? [])
    }

    /// The tally of a document whose matches are known (`glossaryMatches(in:)`).
    func spellingTally(of document: SourceDocument, matches: [GlossaryMatch]) -> GlossaryInconsistentRule.Tally {
        GlossaryInconsistentRule.Tally(CheckContext(document: document, index: index, glossaryMatches: matches,
                                                    targetLanguageTag: configuration.targetLanguage))
    }

    /// The glossary matches of a document outside links, as `check` finds them, and its words;
    /// `nil` when the matcher cannot be built (`check` reports that as a finding).
    func glossaryMatches(in document: SourceDocument) -> TargetMatches? {
        guard let matcher = try? GlossaryMatcher(index: index) else { return nil }
        let found = matcher.matchesAndWords(in: document)
        return TargetMatches(matches: outsideLinksAndCode(found.matches, in: document), words: found.words)
    }

    private func ruleFindings(in document: SourceDocument, bilingual source: Result<BilingualContext, ICUError>?,
                              spellings: GlossaryInconsistentRule.Tally?, sourceWords: Set<String>?,
                              glossaryMatches: TargetMatches?, kept: KeptPreparations?) -> [Finding] {
        // An ICU object that cannot be built is an error the user sees, not a clean document.
        var failures: [Finding] = []
        let profile = StageProfile.shared
        var stageStart = profile == nil ? 0 : StageProfile.now()
        let matches: [GlossaryMatch]
        var words: WordSpans?
        do {
            if let glossaryMatches {
                matches = glossaryMatches.matches
                words = glossaryMatches.words
            } else {
                let found = try GlossaryMatcher(index: index).matchesAndWords(in: document)
                matches = outsideLinksAndCode(found.matches, in: document)
                words = found.words
            }
        } catch {
            matches = []
            failures.append(finding(.failure(of: GlossaryForbiddenRule.description, error),
                                    rule: GlossaryForbiddenRule.description, in: document))
        }
        var bilingual: BilingualContext?
        switch source {
        case .success(let context): bilingual = context
        case .failure(let error):
            failures.append(finding(.failure(of: GlossaryMissingRule.description, error),
                                    rule: GlossaryMissingRule.description, in: document))
        case nil: break
        }
        if let profile {
            profile.add("glossary matching (target)", since: stageStart)
            stageStart = StageProfile.now()
        }
        var context = CheckContext(document: document, index: index, glossaryMatches: matches,
                                   bilingual: bilingual, thresholds: configuration.thresholds,
                                   lexicon: lexicon, spellingWords: spellingWords, strings: configuration.strings,
                                   targetLanguageTag: configuration.targetLanguage)
        context.documentSpellings = spellings
        context.documentSourceWords = sourceWords
        context.kept = kept
        context.targetWords = words
        var findings: [Finding] = failures
        var pairCheckers: [(rule: RuleDescription, check: (AlignedPairContext) -> [RuleFinding])] = []
        var unitCheckers: [(rule: RuleDescription, check: (StringPair) -> [RuleFinding])] = []
        var documentRules: [any Rule] = []
        for (slot, rule) in rules.enumerated() {
            let description = type(of: rule).description
            if let pairRule = rule as? any BilingualRule {
                // Without a source a bilingual rule has nothing to read.
                guard let bilingual else { continue }
                do {
                    pairCheckers.append((description, try pairRule.pairChecker(for: context, bilingual: bilingual, kept: kept, slot: slot)))
                } catch {
                    findings.append(finding(.failure(of: description, error), rule: description, in: document))
                }
                if let profile {
                    profile.add(description.id + " (setup)", since: stageStart)
                    stageStart = StageProfile.now()
                }
                continue
            }
            if let unitRule = rule as? any UnitRule {
                // Only a bilingual file has units; a text, even with its source, has none.
                guard bilingual?.units != nil else { continue }
                do {
                    unitCheckers.append((description, try unitRule.unitChecker(for: context)))
                } catch {
                    findings.append(finding(.failure(of: description, error), rule: description, in: document))
                }
                if let profile {
                    profile.add(description.id + " (setup)", since: stageStart)
                    stageStart = StageProfile.now()
                }
                continue
            }
            documentRules.append(rule)
        }
        // One walk over the aligned pairs (a bilingual file's units) for every bilingual and unit rule.
        // It comes before the whole-document rules, so that `garbled.sentence` finds each pair's
        // alignment counts noted instead of aligning the pair a second time.
        if let bilingual, !pairCheckers.isEmpty || !unitCheckers.isEmpty {
            var pairTimes = [UInt64](repeating: 0, count: profile == nil ? 0 : pairCheckers.count + unitCheckers.count)
            // The document's context is shared by every pair's context, not copied into each; the
            // checkers are read by index, since a `(RuleDescription, …)` element taken out of the
            // list copies the description (examples and all) for every rule of every pair.
            let walk = PairWalk(check: context, bilingual: bilingual)
            let pairChecks = pairCheckers.map(\.check), unitChecks = unitCheckers.map(\.check)
            for index in bilingual.pairs.indices {
                let pair = AlignedPairContext(walk: walk, index: index)
                for number in pairChecks.indices {
                    let pairStart = profile == nil ? 0 : StageProfile.now()
                    let found = pairChecks[number](pair)
                    if !found.isEmpty {
                        for one in found { findings.append(finding(one, rule: pairCheckers[number].rule, in: document)) }
                    }
                    if profile != nil { pairTimes[number] &+= StageProfile.now() &- pairStart }
                }
                guard !unitChecks.isEmpty, let unit = context.stringPair(at: index) else { continue }
                for number in unitChecks.indices {
                    let unitStart = profile == nil ? 0 : StageProfile.now()
                    let found = unitChecks[number](unit)
                    if !found.isEmpty {
                        for one in found { findings.append(finding(one, rule: unitCheckers[number].rule, in: document)) }
                    }
                    if profile != nil { pairTimes[pairChecks.count + number] &+= StageProfile.now() &- unitStart }
                }
            }
            if let profile {
                for (number, checker) in (pairCheckers.map(\.rule) + unitCheckers.map(\.rule)).enumerated() {
                    profile.add(checker.id + " (pairs)", nanoseconds: pairTimes[number], calls: bilingual.pairs.count)
                }
                stageStart = StageProfile.now()
            }
        }
        for rule in documentRules {
            let description = type(of: rule).description
            for found in rule.findings(in: context) {
                findings.append(finding(found, rule: description, in: document))
            }
            if let profile {
                profile.add(description.id, since: stageStart)
                stageStart = StageProfile.now()
            }
        }
        findings = applySuppressions(findings, in: document)
        addSentences(to: &findings, in: document)
        findings.sort(by: Finding.reportingOrder)
        profile?.add("suppressions, sentences, sort", since: stageStart)
        return findings
    }

    private func finding(_ found: RuleFinding, rule: RuleDescription, in document: SourceDocument) -> Finding {
        Finding(ruleID: rule.id,
                severity: found.isFailure ? .error : configuration.severities[rule.id] ?? rule.defaultSeverity,
                message: found.message, file: document.path,
                location: document.location(ofUTF16Offset: found.range.lowerBound),
                endLocation: found.range.isEmpty ? document.location(ofUTF16Offset: found.range.upperBound)
                    : document.endLocation(ofUTF16Offset: found.range.upperBound),
                text: document.unmaskedText(in: found.range), suggestion: found.suggestion, isSafeFix: found.isSafeFix,
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

    /// Fills in the sentence around each finding (ICU sentence segmentation of its line). Each
    /// line is segmented once, and only the sentences that hold a finding are made into strings.
    private func addSentences(to findings: inout [Finding], in document: SourceDocument) {
        // The sentence is context for the reader, not a finding; `checkICU` has built this segmenter already.
        guard !findings.isEmpty, let segmenter = try? TextSegmenter(.sentence, locale: index.targetLanguage) else { return }
        /// Per line: its sentences (UTF-16 ranges in the document) and the text of those used so far.
        var sentencesByLine: [Int: (ranges: [Range<Int>], texts: [Int: String])] = [:]
        document.utf16.withUnsafeBufferPointer { utf16 in
            for index in findings.indices {
                let line = document.textLine(ofUTF16Offset: findings[index].location.utf16Offset)
                if sentencesByLine[line] == nil {
                    // The line without its line break, as `SourceDocument.lineText` gives it.
                    let start = document.lineStarts[line - 1]
                    var end = line < document.lineStarts.count ? document.lineStarts[line] : utf16.count
                    while end > start, utf16[end - 1] == 0x0A || utf16[end - 1] == 0x0D { end -= 1 }
                    var ranges: [Range<Int>] = []
                    segmenter.forEachSegment(in: UnsafeBufferPointer(rebasing: utf16[start..<end])) { segment in
                        ranges.append((start + segment.start)..<(start + segment.end))
                    }
                    sentencesByLine[line] = (ranges, [:])
                }
                let offset = findings[index].location.utf16Offset
                guard let ranges = sentencesByLine[line]?.ranges, !ranges.isEmpty else {
                    findings[index].sentence = nil
                    continue
                }
                // The sentences are in order: the first that ends after `offset` holds it (binary
                // search, so a line of thousands of sentences and findings stays linear).
                var low = 0
                var high = ranges.count
                while low < high {
                    let middle = (low + high) / 2
                    if ranges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
                }
                let chosen = low < ranges.count && ranges[low].contains(offset) ? low : ranges.count - 1
                if let text = sentencesByLine[line]?.texts[chosen] {
                    findings[index].sentence = text
                } else {
                    let text = LectorICU.UTF16.decode(UnsafeBufferPointer(rebasing: utf16[ranges[chosen]])).trimmingWhitespace()
                    sentencesByLine[line]?.texts[chosen] = text
                    findings[index].sentence = text
                }
            }
        }
    }
}
