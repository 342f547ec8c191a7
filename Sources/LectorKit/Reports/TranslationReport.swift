import Foundation
import LectorICU

/// A finding as a report shows it: numbered in reading order (`#finding-N` in HTML), and whether
/// the corrected text already carries its fix.
public struct NumberedFinding: Sendable, Hashable {
    /// 1-based, in reading order over the whole report.
    public let number: Int
    public let finding: Finding
    /// The safe fix of this finding was applied to the corrected translation.
    public let isFixed: Bool
}

/// A source text with its sentence pairs against a translation.
public struct AlignedSource: Sendable {
    public let document: SourceDocument
    /// BCP 47 tag of the source.
    public let language: String
    /// The beads between this source and the translation (`SentenceAligner`, or the units of a
    /// bilingual file), in the order of the translation.
    public let pairs: [SentencePair]

    public init(document: SourceDocument, language: String, pairs: [SentencePair]) {
        self.document = document
        self.language = language
        self.pairs = pairs
    }
}

/// Everything an editor needs to act on one translation, sentence by sentence: the source, the
/// machine translation as it is, the translation with Lector's safe fixes applied, the word-level
/// changes between the two, and every finding at the sentence it stands in.
///
/// Sentences come from `SentenceAligner` when there is a source (one entry per bead, so a
/// sentence left out of the translation shows with its source and an empty translation), and from
/// ICU sentence segmentation of each paragraph when there is none. Findings of any rule are shown
/// the same way: a garbled-sentence finding carries its score and signals in its message.
public struct TranslationReport: Sendable {
    public struct Sentence: Sendable {
        /// 1-based, in the order of the translation.
        public let number: Int
        /// The source sentences of the bead; `nil` without a source, or when the translator added this sentence.
        public let source: String?
        /// UTF-16 range of the translated sentences; `nil` when the translation lacks them.
        public let targetRange: Range<Int>?
        /// Where the sentence starts in the translation (for a missing one: where it would stand).
        public let location: TextLocation
        /// Machine translation → corrected translation, word by word.
        public let changes: WordDiff
        public let findings: [NumberedFinding]

        /// The translation as it is.
        public var translation: String { Self.text(of: changes.oldSide) }
        /// The translation with the safe fixes applied.
        public var corrected: String { Self.text(of: changes.newSide) }

        static func text(of parts: [WordDiff.Part]) -> String { parts.map(\.text).joined() }
    }

    /// The translation.
    public let document: SourceDocument
    public let source: SourceDocument?
    public let targetLanguage: String
    public let sourceLanguage: String?
    /// All findings, numbered in reading order.
    public let findings: [NumberedFinding]
    public let sentences: [Sentence]
    /// The safe fixes: `plan.fixedText` is the corrected translation.
    public let plan: FixPlan

    /// A report from findings already made.
    ///
    /// - Parameters:
    ///   - source: the source document and its sentence pairs with `document` (from
    ///     `SentenceAligner`, or the units of a bilingual file); `nil` for a translation alone.
    ///   - plan: the fix plan; `nil` plans the safe fixes of `findings` with `FixPlanner`.
    public init(document: SourceDocument, targetLanguage: String,
                source: AlignedSource? = nil,
                findings: [Finding], plan: FixPlan? = nil) throws(InputError) {
        self.document = document
        self.targetLanguage = targetLanguage
        self.source = source?.document
        sourceLanguage = source?.language
        let plan = plan ?? FixPlanner().plan(document, findings: findings)
        self.plan = plan

        let fixed = Set(plan.replacements.map(\.finding))
        let ordered = findings.sorted(by: Finding.reportingOrder)
        let numbered = ordered.enumerated().map {
            NumberedFinding(number: $0.offset + 1, finding: $0.element, isFixed: fixed.contains($0.element))
        }
        self.findings = numbered

        let beads = Self.beads(of: document, language: targetLanguage, source: source)
        let placement = Self.place(numbered.map(\.finding), in: beads)
        let tokenizer = try WordTokenizer(language: targetLanguage)
        var sentences: [Sentence] = []
        for (index, bead) in beads.enumerated() {
            // As the file has it: HTML and Markdown with their code and links, not blanked out.
            let translation = bead.target.map { document.unmaskedText(in: $0) } ?? ""
            let corrected = bead.target.map { Self.corrected($0, in: document, replacements: plan.replacements) } ?? ""
            sentences.append(Sentence(
                number: index + 1, source: bead.source.map { source!.document.unmaskedText(in: $0) },
                targetRange: bead.target, location: document.location(ofUTF16Offset: bead.target?.lowerBound ?? bead.anchor),
                changes: WordDiff(old: translation, new: corrected, tokenizer: tokenizer),
                findings: placement[index].map { numbered[$0] }))
        }
        self.sentences = sentences
    }

    /// Checks `document` (against `source`, when given and the checker has a source language),
    /// plans the safe fixes and builds the report.
    public static func make(checker: Checker, document: SourceDocument, source: SourceDocument? = nil) throws(InputError) -> TranslationReport {
        let target = checker.configuration.targetLanguage
        guard let source, let sourceLanguage = checker.configuration.sourceLanguage else {
            return try TranslationReport(document: document, targetLanguage: target, findings: checker.check(document))
        }
        let pairs = SentenceAligner(sourceLanguage: sourceLanguage, targetLanguage: target).align(source: source, target: document)
        return try TranslationReport(document: document, targetLanguage: target,
                                     source: AlignedSource(document: source, language: sourceLanguage, pairs: pairs),
                                     findings: checker.check(document, source: source))
    }

    /// A report of a file as `check` reads it and `fix` writes it (`EditableFileLoader`): a
    /// bilingual file unit by unit, its sources beside its targets and the patch against the file
    /// itself; HTML and Markdown by their prose. `checker` should be the one for the file's languages.
    /// `source` (a separate source text) only applies to a file that is not bilingual.
    public static func make(checker: Checker, file: EditableText, source: SourceDocument? = nil) throws(InputError) -> TranslationReport {
        let target = checker.configuration.targetLanguage
        if let bilingual = file.bilingual {
            let findings = checker.check(bilingual)
            let sourceDocument = SourceDocument.assembled(path: file.document.path, segments: bilingual.units.map(\.source))
            let aligned = AlignedSource(document: sourceDocument,
                                        language: bilingual.sourceLanguage ?? checker.configuration.sourceLanguage ?? "und",
                                        pairs: Checker.unitPairs(of: bilingual, source: sourceDocument, target: file.document))
            return try TranslationReport(document: file.document, targetLanguage: target, source: aligned,
                                         findings: findings, plan: FixPlanner().plan(file, findings: findings))
        }
        guard let source, let sourceLanguage = checker.configuration.sourceLanguage else {
            let findings = checker.check(file.document)
            return try TranslationReport(document: file.document, targetLanguage: target, findings: findings,
                                         plan: FixPlanner().plan(file, findings: findings))
        }
        let pairs = SentenceAligner(sourceLanguage: sourceLanguage, targetLanguage: target).align(source: source, target: file.document)
        let findings = checker.check(file.document, source: source)
        return try TranslationReport(document: file.document, targetLanguage: target,
                                     source: AlignedSource(document: source, language: sourceLanguage, pairs: pairs),
                                     findings: findings, plan: FixPlanner().plan(file, findings: findings))
    }

    /// The unified diff of the safe fixes (`patch -p1`, `git apply`); empty when there are none.
    public var patch: String { plan.unifiedDiff.text }

    // MARK: - Sentences

    /// The units of the report: the sentence pairs, or the translation's own sentences.
    static func beads(of document: SourceDocument, language: String,
                      source: AlignedSource?) -> [SentencePair] {
        if let source { return source.pairs }
        // Sentences only lay the report out; the findings come from `Checker`, which built this segmenter.
        guard let segmenter = try? TextSegmenter(.sentence, locale: Term.primaryLanguage(of: language)) else { return [] }
        return SentenceAligner.paragraphs(of: document).flatMap { paragraph in
            SentenceAligner.sentences(in: paragraph, of: document, with: segmenter).map {
                SentencePair(source: nil, target: $0, sourceSentenceCount: 0, targetSentenceCount: 1, anchor: $0.lowerBound)
            }
        }
    }

    /// For each bead, the indices of the findings shown with it. A finding belongs to the bead
    /// whose translation holds its start; an empty-range finding (such as a sentence missing from
    /// the translation) to the bead without translation anchored there; anything else, such as a
    /// finding in the white space between sentences, to the last bead that starts before it.
    static func place(_ findings: [Finding], in beads: [SentencePair]) -> [[Int]] {
        var placement = [[Int]](repeating: [], count: beads.count)
        guard !beads.isEmpty else { return placement }
        for (index, finding) in findings.enumerated() {
            let start = finding.location.utf16Offset
            let isEmpty = finding.endLocation.utf16Offset == start
            let bead = beads.firstIndex { $0.target?.contains(start) ?? false }
                ?? (isEmpty ? beads.firstIndex { $0.target == nil && $0.anchor == start } : nil)
                ?? beads.lastIndex { ($0.target?.lowerBound ?? $0.anchor) <= start }
                ?? 0
            placement[bead].append(index)
        }
        return placement
    }

    /// The text of `range` with the replacements that lie inside it made.
    static func corrected(_ range: Range<Int>, in document: SourceDocument, replacements: [TextReplacement]) -> String {
        // Replacements lie in prose, where the masked and the file's text agree; between them the
        // file's own text is shown.
        var corrected = ""
        var copiedUpTo = range.lowerBound
        for replacement in replacements
        where replacement.range.lowerBound >= range.lowerBound && replacement.range.upperBound <= range.upperBound {
            corrected += document.unmaskedText(in: copiedUpTo..<replacement.range.lowerBound)
            corrected += replacement.replacement
            copiedUpTo = replacement.range.upperBound
        }
        corrected += document.unmaskedText(in: copiedUpTo..<range.upperBound)
        return corrected
    }
}
