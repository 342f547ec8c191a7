import Foundation

extension TranslationReport {
    /// One self-contained HTML page: inline CSS, no scripts, no network, no external assets.
    public func html() throws(InputError) -> String { try ReportTemplates.render(page(), with: .html) }

    /// GitHub-flavoured Markdown for a pull-request comment: the summary, then the sentences with
    /// findings or fixes, source and notes folded in `<details>`.
    public func markdown() throws(InputError) -> String { try ReportTemplates.render(page(), with: .markdown) }

    /// The three files of a report: `NAME.html`, `NAME.md` and `NAME.patch`, for `base` = `…/NAME`.
    /// Each is written atomically; all are rendered, and all destinations checked against `inputs`
    /// (the files the run read, which are never overwritten), before any is written.
    public func write(to base: String, sparing inputs: [String] = []) throws(InputError) {
        let files = [(base + ".html", try html()), (base + ".md", try markdown()), (base + ".patch", patch)]
        for (path, _) in files {
            try AtomicFileWriter.checkDestination(path, sparing: inputs)
        }
        for (path, text) in files {
            try AtomicFileWriter.write(Data(text.utf8), toPath: path, sparing: inputs)
        }
    }
}

extension TranslationDiff {
    /// Output formats of `lector diff`.
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case html
        case markdown
    }

    public func render(_ format: Format) throws(InputError) -> String {
        switch format {
        case .text: text()
        case .json: json()
        case .html: try ReportTemplates.render(page(), with: .html)
        case .markdown: try ReportTemplates.render(page(), with: .markdown)
        }
    }

    /// The figures, then each changed sentence in `wdiff` notation (`[-old-]{+new+}`) and each
    /// finding with its status.
    public func text() -> String {
        var output = "\(old.path) → \(new.path): \(changedRows.count) of \(rows.count) sentences changed; "
            + "word edit rate \(ReportPage.percent(editRate)) (\(edits) edits / \(newWordCount) words)\n"
        output += "findings: " + Status.allCases.map { "\(findings($0).count) \($0.rawValue)" }.joined(separator: ", ") + "\n"
        for row in rows where row.changes.hasChanges || !row.findings.isEmpty {
            output += "\nsentence \(row.number) (line \(row.oldLocation.line) → \(row.newLocation.line))"
            output += row.changes.hasChanges
                ? ", \(ReportPage.counted(row.changes.edits, "edit")):\n  \(row.changes.inlineText)\n" : ":\n"
            for compared in row.findings {
                let finding = compared.finding
                output += "  \(compared.status.rawValue): \(finding.file):\(finding.location.line):\(finding.location.column): "
                    + "\(finding.severity): \(finding.message) [\(finding.ruleID)]\n"
            }
        }
        return output
    }

    struct JSONDocument: Encodable {
        struct Sentence: Encodable {
            let number: Int
            let oldLine: Int
            let newLine: Int
            let old: String
            let new: String
            let source: String?
            let edits: Int
            let words: Int
            let diff: String
        }

        struct Findings: Encodable {
            let introduced: [JSONReporter.Diagnostic]
            let resolved: [JSONReporter.Diagnostic]
            let unchanged: [JSONReporter.Diagnostic]
        }

        let version: Int
        let old: String
        let new: String
        let source: String?
        let sentences: Int
        let changedSentences: Int
        let edits: Int
        let words: Int
        let editRate: Double
        let changes: [Sentence]
        let findings: Findings
    }

    /// One JSON object: the figures, the changed sentences and the findings by status. Fields are
    /// only ever added. `editRate` is a fraction (0.05 is 5 %); `words` counts NEW.
    public func json() -> String {
        let changes = changedRows.map { row in
            JSONDocument.Sentence(number: row.number, oldLine: row.oldLocation.line, newLine: row.newLocation.line,
                                  old: row.oldText, new: row.newText, source: row.source,
                                  edits: row.changes.edits, words: row.changes.newWordCount, diff: row.changes.inlineText)
        }
        let document = JSONDocument(
            version: 1, old: old.path, new: new.path, source: source?.path, sentences: rows.count,
            changedSentences: changedRows.count, edits: edits, words: newWordCount,
            editRate: (editRate * 10000).rounded() / 10000, changes: changes,
            findings: JSONDocument.Findings(introduced: findings(.introduced).map { JSONReporter.Diagnostic($0.finding) },
                                            resolved: findings(.resolved).map { JSONReporter.Diagnostic($0.finding) },
                                            unchanged: findings(.unchanged).map { JSONReporter.Diagnostic($0.finding) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings and whole numbers only: JSONEncoder fails on nothing but non-finite floats.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
