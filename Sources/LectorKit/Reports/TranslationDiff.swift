import Foundation

/// Two versions of one translation compared: machine translation against post-edit, or the text
/// before and after a glossary change.
///
/// Sentences of OLD and NEW are paired with `SentenceAligner` (both sides in the same language, so
/// lengths match and an unchanged sentence pairs with itself; a split or merged sentence makes a
/// 1–2 or 2–1 bead). Each pair is compared word by word with `WordDiff`; the **edit rate** is the
/// word edits of all pairs over the words of NEW, an HTER-like figure (TER without block shifts).
///
/// Findings of both versions are matched like a baseline matches them (`Baseline`): by rule,
/// flagged text and sentence, counted, so a finding is *unchanged* when NEW still has it, *resolved*
/// when only OLD had it, and *introduced* when only NEW has it. Line numbers play no part.
public struct TranslationDiff: Sendable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case introduced
        case resolved
        case unchanged
    }

    /// A finding of either version, numbered in reading order; resolved findings are OLD's,
    /// the others NEW's.
    public struct ComparedFinding: Sendable, Hashable {
        public let number: Int
        public let finding: Finding
        public let status: Status
    }

    /// One bead: sentences of OLD and their counterparts in NEW.
    public struct Row: Sendable {
        /// 1-based.
        public let number: Int
        /// UTF-16 range of the sentences in OLD; `nil` when NEW added them.
        public let oldRange: Range<Int>?
        /// UTF-16 range of the sentences in NEW; `nil` when NEW dropped them.
        public let newRange: Range<Int>?
        /// Where the row starts in OLD and in NEW (where the missing side would stand, for a missing side).
        public let oldLocation: TextLocation
        public let newLocation: TextLocation
        /// The source sentences NEW's sentences translate, when a source was given.
        public let source: String?
        public let changes: WordDiff
        public let findings: [ComparedFinding]

        public var oldText: String { changes.oldSide.map(\.text).joined() }
        public var newText: String { changes.newSide.map(\.text).joined() }
    }

    public let old: SourceDocument
    public let new: SourceDocument
    public let source: SourceDocument?
    public let language: String
    public let sourceLanguage: String?
    public let rows: [Row]
    /// Every finding, numbered in reading order.
    public let findings: [ComparedFinding]

    /// Compares `old` and `new` with their findings (made with the same checker).
    ///
    /// - Parameter source: the source and its sentence pairs with `new`, to show each sentence's
    ///   source; `nil` for none.
    public init(old: SourceDocument, new: SourceDocument, language: String, oldFindings: [Finding], newFindings: [Finding],
                source: AlignedSource? = nil) throws(InputError) {
        self.old = old
        self.new = new
        self.language = language
        self.source = source?.document
        sourceLanguage = source?.language

        let beads = SentenceAligner(sourceLanguage: language, targetLanguage: language).align(source: old, target: new)
        // Each finding's row: OLD's by OLD's ranges, NEW's by NEW's.
        let oldSide = beads.map { SentencePair(source: nil, target: $0.source, sourceSentenceCount: 0,
                                               targetSentenceCount: $0.sourceSentenceCount, anchor: $0.source?.lowerBound ?? 0) }
        let oldRows = Self.rows(of: TranslationReport.place(oldFindings, in: Self.withAnchors(oldSide)), count: oldFindings.count)
        let newRows = Self.rows(of: TranslationReport.place(newFindings, in: beads), count: newFindings.count)
        let statuses = Self.match(old: oldFindings, oldRows: oldRows, new: newFindings, newRows: newRows)
        var placement = [[(Finding, Status)]](repeating: [], count: beads.count)
        // Findings need a row; only a text without a single non-space character has none.
        for (index, finding) in oldFindings.enumerated() where statuses.resolved.contains(index) && !beads.isEmpty {
            placement[oldRows[index]].append((finding, .resolved))
        }
        for (index, finding) in newFindings.enumerated() where !beads.isEmpty {
            placement[newRows[index]].append((finding, statuses.introduced.contains(index) ? .introduced : .unchanged))
        }

        let tokenizer = try WordTokenizer(language: language)
        var rows: [Row] = []
        var findings: [ComparedFinding] = []
        for (index, bead) in beads.enumerated() {
            var here = placement[index]
            // Reading order within the row: by position in its own version, resolved (OLD) first on ties.
            here.sort { ($0.0.location.line, $0.0.location.column, $0.1 == .resolved ? 0 : 1)
                < ($1.0.location.line, $1.0.location.column, $1.1 == .resolved ? 0 : 1) }
            var rowFindings: [ComparedFinding] = []
            for (finding, status) in here {
                let compared = ComparedFinding(number: findings.count + 1, finding: finding, status: status)
                findings.append(compared)
                rowFindings.append(compared)
            }
            let oldText = bead.source.map { old.text(in: $0) } ?? ""
            let newText = bead.target.map { new.text(in: $0) } ?? ""
            rows.append(Row(
                number: index + 1, oldRange: bead.source, newRange: bead.target,
                oldLocation: old.location(ofUTF16Offset: bead.source?.lowerBound ?? Self.oldAnchor(beads, before: index)),
                newLocation: new.location(ofUTF16Offset: bead.target?.lowerBound ?? bead.anchor),
                source: Self.sourceText(for: bead.target, in: source),
                changes: WordDiff(old: oldText, new: newText, tokenizer: tokenizer), findings: rowFindings))
        }
        self.rows = rows
        self.findings = findings
    }

    /// Checks both versions with `checker` (each against `source` when given and the checker has
    /// a source language) and compares them.
    public static func make(checker: Checker, old: SourceDocument, new: SourceDocument,
                            source: SourceDocument? = nil) throws(InputError) -> TranslationDiff {
        let language = checker.configuration.targetLanguage
        guard let source, let sourceLanguage = checker.configuration.sourceLanguage else {
            return try TranslationDiff(old: old, new: new, language: language,
                                       oldFindings: checker.check(old), newFindings: checker.check(new))
        }
        let pairs = SentenceAligner(sourceLanguage: sourceLanguage, targetLanguage: language).align(source: source, target: new)
        return try TranslationDiff(old: old, new: new, language: language,
                                   oldFindings: checker.check(old, source: source), newFindings: checker.check(new, source: source),
                                   source: AlignedSource(document: source, language: sourceLanguage, pairs: pairs))
    }

    // MARK: - Figures

    /// Rows whose text differs between OLD and NEW.
    public var changedRows: [Row] { rows.filter(\.changes.hasChanges) }
    /// Word edits over all rows.
    public var edits: Int { rows.reduce(0) { $0 + $1.changes.edits } }
    /// Words (tokens that are not white space) of NEW, over all rows.
    public var newWordCount: Int { rows.reduce(0) { $0 + $1.changes.newWordCount } }
    public var oldWordCount: Int { rows.reduce(0) { $0 + $1.changes.oldWordCount } }
    /// Word edits per word of NEW (per word of OLD when NEW is empty).
    public var editRate: Double { WordDiff.rate(edits: edits, words: newWordCount > 0 ? newWordCount : oldWordCount) }

    public func findings(_ status: Status) -> [ComparedFinding] { findings.filter { $0.status == status } }

    // MARK: - Matching

    /// Which findings of NEW are introduced and which of OLD are resolved (as indices).
    ///
    /// First as a baseline matches: by rule, flagged text and sentence, counted (two identical
    /// findings in OLD and one in NEW: one resolved). Then, among the findings left, one of OLD and
    /// one of NEW in the same row with the same rule and message are the same finding in an edited
    /// sentence (a garbled sentence still garbled after a word was fixed), so it is unchanged.
    static func match(old: [Finding], oldRows: [Int], new: [Finding], newRows: [Int]) -> (introduced: Set<Int>, resolved: Set<Int>) {
        func key(_ finding: Finding) -> Baseline.Key {
            Baseline.Key(file: "", rule: finding.ruleID, text: finding.text, sentence: finding.sentence ?? "")
        }
        let oldOrder = old.indices.sorted { Finding.reportingOrder(old[$0], old[$1]) }
        let newOrder = new.indices.sorted { Finding.reportingOrder(new[$0], new[$1]) }
        var unmatchedOld = Set(old.indices)
        var unmatchedNew = Set(new.indices)
        var oldByKey: [Baseline.Key: [Int]] = [:]
        for index in oldOrder { oldByKey[key(old[index]), default: []].append(index) }
        for index in newOrder {
            guard var candidates = oldByKey[key(new[index])], !candidates.isEmpty else { continue }
            unmatchedOld.remove(candidates.removeFirst())
            oldByKey[key(new[index])] = candidates
            unmatchedNew.remove(index)
        }
        for index in newOrder where unmatchedNew.contains(index) {
            guard let match = oldOrder.first(where: { unmatchedOld.contains($0) && oldRows[$0] == newRows[index]
                && old[$0].ruleID == new[index].ruleID && old[$0].message == new[index].message }) else { continue }
            unmatchedOld.remove(match)
            unmatchedNew.remove(index)
        }
        return (unmatchedNew, unmatchedOld)
    }

    /// Each finding's row, from a placement (row → finding indices).
    private static func rows(of placement: [[Int]], count: Int) -> [Int] {
        var rows = [Int](repeating: 0, count: count)
        for (row, indices) in placement.enumerated() {
            for index in indices { rows[index] = row }
        }
        return rows
    }

    // MARK: - Helpers

    /// OLD's side of the beads as pairs to place findings in: a bead without OLD sentences is
    /// anchored at the end of the OLD sentences before it.
    private static func withAnchors(_ pairs: [SentencePair]) -> [SentencePair] {
        var previousEnd = 0
        return pairs.map { pair in
            defer { previousEnd = pair.target?.upperBound ?? previousEnd }
            guard pair.target == nil else { return pair }
            return SentencePair(source: nil, target: nil, sourceSentenceCount: 0, targetSentenceCount: 0, anchor: previousEnd)
        }
    }

    private static func oldAnchor(_ beads: [SentencePair], before index: Int) -> Int {
        beads[..<index].last { $0.source != nil }?.source?.upperBound ?? 0
    }

    /// The source sentences paired with any part of `range` of NEW.
    private static func sourceText(for range: Range<Int>?, in source: AlignedSource?) -> String? {
        guard let range, let source else { return nil }
        let ranges = source.pairs.filter { pair in pair.target.map { $0.overlaps(range) } ?? false }.compactMap(\.source)
        guard let first = ranges.first, let last = ranges.last else { return nil }
        return source.document.text(in: first.lowerBound..<max(first.upperBound, last.upperBound))
    }
}
