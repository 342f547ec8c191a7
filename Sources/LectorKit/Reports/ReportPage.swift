import Foundation

/// What the HTML and Markdown templates render: one page of rows, each an old and a new text with
/// their word-level changes and findings. `lector report` fills it with the machine translation
/// and its corrected version, `lector diff` with two versions of a translation.
///
/// Swift-mustache reads these values by reflection. A `nil` optional would make it look the name
/// up in the enclosing objects, so optional text is modelled as a flag and a string, and names are
/// not reused between levels.
struct ReportPage {
    struct FileLine {
        let label: String
        let path: String
    }

    struct Figure {
        let label: String
        let value: String
    }

    struct SummaryRow {
        let rule: String
        let severity: String
        let count: Int
        let links: [SummaryLink]
    }

    struct SummaryLink {
        let number: Int
        /// `line:column`, and the status in a diff.
        let label: String
        let isLastLink: Bool
    }

    /// A run of text of one kind, on one side of a row.
    struct Piece {
        let text: String
        let isRemoved: Bool
        let isInserted: Bool
        /// Flagged by a finding: the piece links to it.
        let isFlagged: Bool
        let flagNumber: Int
        let flagSeverity: String
    }

    struct MessagePart {
        let text: String
        let isCode: Bool
    }

    struct PageFinding {
        let number: Int
        let severity: String
        let rule: String
        let line: Int
        let column: Int
        let flaggedText: String
        let messageParts: [MessagePart]
        let hasSuggestion: Bool
        let suggestionText: String
        let hasNote: Bool
        let noteText: String
        /// What happened to it: fixed in the corrected text, resolved by NEW, …
        let statusLabel: String
        let statusClass: String
    }

    struct Row {
        let rowNumber: Int
        let rowLine: Int
        let hasSourceText: Bool
        let sourceText: String
        let oldPieces: [Piece]
        let newPieces: [Piece]
        /// Both sides together, removals and insertions inline (Markdown).
        let inlinePieces: [Piece]
        let oldIsEmpty: Bool
        let newIsEmpty: Bool
        let isChanged: Bool
        let rowFindings: [PageFinding]
        let hasRowFindings: Bool
        /// The highest severity of its findings, or `clean`.
        let rowClass: String
    }

    let title: String
    /// BCP 47 tags for `lang` attributes.
    let lang: String
    let sourceLang: String
    let hasSource: Bool
    let files: [FileLine]
    let figures: [Figure]
    let hasFindings: Bool
    let findingCount: Int
    let summaryRows: [SummaryRow]
    let sourceHeading: String
    let oldHeading: String
    let newHeading: String
    /// Every row (HTML).
    let rows: [Row]
    /// Rows with changes or findings (Markdown, kept short for a pull-request comment).
    let notableRows: [Row]
    let hasNotableRows: Bool
    let emptyNotice: String
}

// MARK: - Building

extension ReportPage {
    /// Which text of a row a finding was made in, to mark it there.
    enum Side {
        case old
        case new
    }

    /// One row as the builder takes it, before pieces are cut.
    struct RowInput {
        let number: Int
        let line: Int
        let source: String?
        let changes: WordDiff
        /// Document offsets where the row's old and new texts start, to place findings in them.
        let oldStart: Int?
        let newStart: Int?
        let findings: [(number: Int, finding: Finding, side: Side, status: String, statusClass: String)]
    }

    init(title: String, language: String, sourceLanguage: String?, files: [FileLine], figures: [Figure],
         headings: (source: String, old: String, new: String), rows inputs: [RowInput], emptyNotice: String,
         statusInSummary: Bool) {
        self.title = title
        lang = language
        sourceLang = sourceLanguage ?? ""
        hasSource = sourceLanguage != nil
        self.files = files
        self.figures = figures
        sourceHeading = headings.source
        oldHeading = headings.old
        newHeading = headings.new
        self.emptyNotice = emptyNotice

        let rows = inputs.map(Self.row)
        self.rows = rows
        notableRows = rows.filter { $0.isChanged || $0.hasRowFindings }
        hasNotableRows = !notableRows.isEmpty

        let all = inputs.flatMap(\.findings).sorted { $0.number < $1.number }
        findingCount = all.count
        hasFindings = !all.isEmpty
        summaryRows = Self.summary(all.map { ($0.number, $0.finding, statusInSummary ? $0.status : "") })
    }

    /// Rows of the summary: one per rule and severity, errors first, rules in `lector rules` order.
    private static func summary(_ findings: [(number: Int, finding: Finding, status: String)]) -> [SummaryRow] {
        let rules = MarkdownReporter.rulesInOrder(findings.map(\.finding))
        var rows: [SummaryRow] = []
        for severity in Severity.allCases.reversed() {
            for rule in rules {
                let matching = findings.filter { $0.finding.ruleID == rule && $0.finding.severity == severity }
                guard !matching.isEmpty else { continue }
                let links = matching.enumerated().map { index, item in
                    SummaryLink(number: item.number,
                                label: "\(item.finding.location.line):\(item.finding.location.column)"
                                    + (item.status.isEmpty ? "" : " \(item.status)"),
                                isLastLink: index == matching.count - 1)
                }
                rows.append(SummaryRow(rule: rule, severity: severity.rawValue, count: matching.count, links: links))
            }
        }
        return rows
    }

    private static func row(_ input: RowInput) -> Row {
        let findings = input.findings.map { item in
            PageFinding(number: item.number, severity: item.finding.severity.rawValue, rule: item.finding.ruleID,
                        line: item.finding.location.line, column: item.finding.location.column,
                        flaggedText: item.finding.text, messageParts: messageParts(item.finding.message),
                        hasSuggestion: item.finding.suggestion != nil, suggestionText: item.finding.suggestion ?? "",
                        hasNote: item.finding.note != nil, noteText: item.finding.note ?? "",
                        statusLabel: item.status, statusClass: item.statusClass)
        }
        func flags(_ side: Side, start: Int?) -> [(range: Range<Int>, number: Int, severity: String)] {
            guard let start else { return [] }
            return input.findings.filter { $0.side == side }.map {
                let lower = $0.finding.location.utf16Offset - start
                return (lower..<max(lower, $0.finding.endLocation.utf16Offset - start), $0.number, $0.finding.severity.rawValue)
            }
        }
        let severities = input.findings.map(\.finding.severity)
        return Row(rowNumber: input.number, rowLine: input.line, hasSourceText: input.source != nil,
                   sourceText: input.source ?? "",
                   oldPieces: pieces(input.changes.oldSide, side: .old, flags: flags(.old, start: input.oldStart)),
                   newPieces: pieces(input.changes.newSide, side: .new, flags: flags(.new, start: input.newStart)),
                   inlinePieces: pieces(input.changes.parts, side: .old, flags: []),
                   oldIsEmpty: input.changes.oldSide.isEmpty, newIsEmpty: input.changes.newSide.isEmpty,
                   isChanged: input.changes.hasChanges, rowFindings: findings, hasRowFindings: !findings.isEmpty,
                   rowClass: severities.max()?.rawValue ?? "clean")
    }

    /// Cuts one side's tokens into pieces at every change of kind and at the edges of flagged
    /// text, then joins neighbours of the same kind. `flags` are UTF-16 ranges in that side's text.
    static func pieces(_ parts: [WordDiff.Part], side: Side, flags: [(range: Range<Int>, number: Int, severity: String)]) -> [Piece] {
        var pieces: [Piece] = []
        func append(_ units: ArraySlice<UInt16>, _ part: WordDiff.Part, flag: (range: Range<Int>, number: Int, severity: String)?) {
            let piece = Piece(text: String(decoding: units, as: Unicode.UTF16.self), isRemoved: part.change == .removed,
                              isInserted: part.change == .inserted, isFlagged: flag != nil,
                              flagNumber: flag?.number ?? 0, flagSeverity: flag?.severity ?? "")
            if let last = pieces.last, last.isRemoved == piece.isRemoved, last.isInserted == piece.isInserted,
               last.isFlagged == piece.isFlagged, last.flagNumber == piece.flagNumber {
                pieces[pieces.count - 1] = Piece(text: last.text + piece.text, isRemoved: last.isRemoved, isInserted: last.isInserted,
                                                 isFlagged: last.isFlagged, flagNumber: last.flagNumber, flagSeverity: last.flagSeverity)
            } else {
                pieces.append(piece)
            }
        }
        for part in parts {
            let units = Array(part.text.utf16)
            guard let range = side == .old ? part.oldRange : part.newRange, !flags.isEmpty else {
                append(units[...], part, flag: nil)
                continue
            }
            // Cut points inside this token: its ends and any flag edge within it.
            var cuts = Set([0, units.count])
            for flag in flags {
                for edge in [flag.range.lowerBound, flag.range.upperBound]
                where edge > range.lowerBound && edge < range.upperBound {
                    cuts.insert(edge - range.lowerBound)
                }
            }
            let sorted = cuts.sorted()
            for (from, to) in zip(sorted, sorted.dropFirst()) {
                let absolute = range.lowerBound + from
                // An empty flag (a missing sentence) marks nothing. Where flags nest (a word flagged
                // inside a flagged sentence), the innermost one wins, so the word links to its own finding.
                let flag = flags.filter { $0.range.contains(absolute) }.min { $0.range.count < $1.range.count }
                append(units[from..<to], part, flag: flag)
            }
        }
        return pieces
    }

    /// A message split at its backticks: `Kiev` becomes a code part.
    static func messageParts(_ message: String) -> [MessagePart] {
        let pieces = message.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        // An odd number of backticks leaves the last one unpaired: show it as text.
        guard pieces.count % 2 == 1 else { return [MessagePart(text: message, isCode: false)] }
        return pieces.enumerated().compactMap { index, text in
            text.isEmpty ? nil : MessagePart(text: text, isCode: index % 2 == 1)
        }
    }

    /// `1 error`, `2 warnings`.
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func percent(_ rate: Double) -> String { String(format: "%.1f %%", rate * 100) }
}

// MARK: - The two reports

extension TranslationReport {
    /// The page of this report.
    func page() -> ReportPage {
        let fixes = plan.replacements.count
        let changed = sentences.filter(\.changes.hasChanges)
        let edits = sentences.reduce(0) { $0 + $1.changes.edits }
        let words = sentences.reduce(0) { $0 + $1.changes.newWordCount }
        var figures = [
            ReportPage.Figure(label: "Sentences", value: "\(sentences.count)"
                + (source == nil ? "" : " pairs (\(sentences.filter { $0.source == nil || $0.targetRange == nil }.count) unpaired)")),
            ReportPage.Figure(label: "Findings", value: Severity.allCases.reversed().map { severity in
                ReportPage.counted(findings.filter { $0.finding.severity == severity }.count, severity.rawValue)
            }.joined(separator: ", ")),
            ReportPage.Figure(label: "Safe fixes applied", value: "\(fixes) in \(ReportPage.counted(changed.count, "sentence"))"),
            ReportPage.Figure(label: "Words changed by the fixes",
                              value: "\(edits) of \(words) (\(ReportPage.percent(WordDiff.rate(edits: edits, words: words))))"),
        ]
        let needHuman = findings.filter { !$0.isFixed && $0.finding.suggestion != nil }.count
        if needHuman > 0 {
            figures.append(ReportPage.Figure(label: "Suggestions left to a human", value: "\(needHuman)"))
        }
        var files = [ReportPage.FileLine(label: "Translation (\(targetLanguage))", path: document.path)]
        if let source, let sourceLanguage {
            files.insert(ReportPage.FileLine(label: "Source (\(sourceLanguage))", path: source.path), at: 0)
        }
        let rows = sentences.map { sentence in
            ReportPage.RowInput(
                number: sentence.number, line: sentence.location.line, source: sentence.source, changes: sentence.changes,
                oldStart: sentence.targetRange?.lowerBound, newStart: nil,
                findings: sentence.findings.map { numbered in
                    let status: (String, String) = numbered.isFixed ? ("fixed in the corrected text", "fixed")
                        : numbered.finding.suggestion != nil ? ("suggestion for a human", "human") : ("for a human", "human")
                    return (numbered.number, numbered.finding, .old, status.0, status.1)
                })
        }
        return ReportPage(title: "Lector report: \(document.path)", language: targetLanguage, sourceLanguage: sourceLanguage,
                          files: files, figures: figures,
                          headings: ("Source (\(sourceLanguage ?? ""))", "Translation", "Corrected translation"),
                          rows: rows, emptyNotice: "No findings: nothing to correct.", statusInSummary: false)
    }
}

extension TranslationDiff {
    /// The page of this comparison.
    func page() -> ReportPage {
        let changed = changedRows.count
        var figures = [
            ReportPage.Figure(label: "Sentences changed", value: "\(changed) of \(rows.count)"),
            ReportPage.Figure(label: "Word edit rate",
                              value: "\(ReportPage.percent(editRate)) (\(edits) edits / \(newWordCount) words of the new version)"),
        ]
        for status in Status.allCases {
            figures.append(ReportPage.Figure(label: "Findings \(status.rawValue)", value: "\(findings(status).count)"))
        }
        var files = [ReportPage.FileLine(label: "Old", path: old.path), ReportPage.FileLine(label: "New", path: new.path)]
        if let source, let sourceLanguage {
            files.insert(ReportPage.FileLine(label: "Source (\(sourceLanguage))", path: source.path), at: 0)
        }
        let rows = rows.map { row in
            ReportPage.RowInput(
                number: row.number, line: row.newLocation.line, source: row.source, changes: row.changes,
                oldStart: row.oldRange?.lowerBound, newStart: row.newRange?.lowerBound,
                findings: row.findings.map { compared in
                    (compared.number, compared.finding, compared.status == .resolved ? .old : .new,
                     compared.status.rawValue, compared.status.rawValue)
                })
        }
        return ReportPage(title: "Lector diff: \(old.path) → \(new.path)", language: language, sourceLanguage: sourceLanguage,
                          files: files, figures: figures,
                          headings: ("Source (\(sourceLanguage ?? ""))", "Old: \(old.path)", "New: \(new.path)"),
                          rows: rows, emptyNotice: "The two versions are the same, and neither has findings.",
                          statusInSummary: true)
    }
}
