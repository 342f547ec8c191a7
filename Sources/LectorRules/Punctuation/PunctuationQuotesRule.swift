import LectorText

/// Quotation marks that do not follow the text's language (CLDR delimiters through ICU: „…“ in
/// German, “…” in English, «…» in Russian, Ukrainian and French), and quotes or brackets left
/// unbalanced. Straight ASCII quotes are accepted everywhere. Checks the translation alone.
public struct PunctuationQuotesRule: Rule {
    public static let description = RuleDescription(
        id: "punctuation.quotes",
        name: "Quotation marks",
        summary: "Quotation marks that are not the language's own, or quotes and brackets left open or closed twice.",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("He said: ↓«We will not stay there.↓»"),
            RuleExample("The talks ↓(in Istanbul were planned for Tuesday ↓“and Wednesday."),
            RuleExample("Er sagte: ↓“Wir schaffen es nicht.↓”", source: "He said: “We won’t make it.”", from: "en", to: "de"),
            RuleExample("Он сказал: ↓“Мы не успеем.↓”", source: "He said: “We won’t make it.”", from: "en", to: "ru"),
        ],
        nonTriggeringExamples: [
            RuleExample("He said: “We will not stay there.”"),
            RuleExample("Ukraine’s goal is peace (and sovereignty)."),
            RuleExample("He said: \"We will not stay there.\""),
            RuleExample("Er sagte: „Wir schaffen es nicht.“", source: "He said: “We won’t make it.”", from: "en", to: "de"),
            RuleExample("Он сказал: «Мы не успеем».", source: "He said: “We won’t make it.”", from: "en", to: "ru"),
        ]
    )

    public init() {}

    public func findings(in context: CheckContext) -> [RuleFinding] {
        let scanner: QuoteScanner
        do {
            scanner = try QuoteScanner(language: context.index.targetLanguage)
        } catch {
            return [.failure(of: Self.description, error)]
        }
        let document = context.document
        // In the units of a bilingual file `punctuation.brackets` counts brackets against the
        // source; an open `(` is its finding, not a second one here.
        let bracketsCountedAgainstSource = context.bilingual?.units != nil
        var findings: [RuleFinding] = []
        // Only the lines with a mark are scanned (a line without one has nothing to report): the
        // text is searched for marks, not read line by line.
        let starts = document.lineStarts
        var line = 0
        var next = 0
        while line < starts.count,
              let mark = document.utf16.withUnsafeBufferPointer({ scanner.firstMark(in: $0, from: next) }) {
            line = Self.line(of: mark, in: starts, from: line)
            let range = document.lineRange(line + 1)
            next = line + 1 < starts.count ? starts[line + 1] : document.utf16.count
            line += 1
            for issue in document.utf16.withUnsafeBufferPointer({ scanner.scan(utf16: UnsafeBufferPointer(rebasing: $0[range])) }).issues
            where !(bracketsCountedAgainstSource && Self.isBracket(issue.mark)) {
                let at = (range.lowerBound + issue.range.lowerBound)..<(range.lowerBound + issue.range.upperBound)
                switch issue.kind {
                case .unexpectedMark(let expected):
                    findings.append(RuleFinding(range: at, message: "`\(issue.mark)` is not a quotation mark of this language; use `\(expected)`",
                                                suggestion: expected, isSafeFix: false))
                case .unclosed:
                    findings.append(RuleFinding(range: at, message: "`\(issue.mark)` is never closed"))
                case .unopened:
                    findings.append(RuleFinding(range: at, message: "`\(issue.mark)` closes nothing"))
                }
            }
        }
        return findings
    }

    /// The 0-based line holding UTF-16 `offset`, at or after line `first`.
    static func line(of offset: Int, in starts: [Int], from first: Int) -> Int {
        // The last line starting at or before `offset`: a binary search over the lines after `first`.
        var low = first
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle } else { high = middle }
        }
        return low
    }

    static func isBracket(_ mark: String) -> Bool {
        mark.unicodeScalars.count == 1 && BracketsMismatchRule.kinds.contains { kind in
            kind.open.contains(mark.unicodeScalars.first!) || kind.close.contains(mark.unicodeScalars.first!)
        }
    }
}
