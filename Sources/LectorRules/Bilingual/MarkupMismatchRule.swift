import Foundation

/// Placeholders, URLs, e-mail addresses and inline tags that differ between source and translation.
public struct MarkupMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "markup.mismatch",
        name: "Markup mismatch",
        summary: "A placeholder, URL, e-mail address or inline tag of the source is missing from the translation, or one was added.",
        defaultSeverity: .error,
        triggeringExamples: [
            RuleExample("↓Delete the file now?", source: "Datei {0} jetzt löschen?", from: "de", to: "en"),
            RuleExample("↓Read more at ↓https://example.org/en/news.", source: "Mehr unter https://example.org/de/news.",
                        from: "de", to: "en"),
            RuleExample("↓Осталось ↓%s попыток.", source: "%d attempts left.", from: "en", to: "ru"),
            RuleExample("↓Schreiben Sie uns.", source: "Write to press@example.org.", from: "en", to: "de"),
        ],
        nonTriggeringExamples: [
            RuleExample("Delete {0} now?", source: "Datei {0} jetzt löschen?", from: "de", to: "en"),
            RuleExample("Осталось %d попыток.", source: "%d attempts left.", from: "en", to: "ru"),
            RuleExample("Write to press@example.org.", source: "Schreiben Sie an press@example.org.", from: "de", to: "en"),
            RuleExample("Inflation rose to 12 % and fell.", source: "Die Inflation stieg auf 12 % und fiel.", from: "de", to: "en"),
            RuleExample("Noch {count} Versuche.", source: "Still {count} attempts.", from: "en", to: "de"),
            RuleExample("Details at https://example.org/ua.", source: "Подробности на https://example.org/ua.", from: "ru", to: "en"),
        ]
    )

    public init() {}

    static let expression = try! NSRegularExpression(pattern: [
        #"https?://[^\s<>"“”«»]+"#,  // URLs
        #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#,  // e-mail addresses
        #"\{\{?[A-Za-z0-9_.:-]*\}\}?"#,  // {0} {name} {{count}}
        #"\$\{[^}\s]+\}"#,  // ${name}
        #"%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[sdifuxXeEgGcp@]"#,  // printf: %s %1$d %.2f (no space flag: "12 % der")
    ].joined(separator: "|"))

    /// Markup tokens of a text with their UTF-16 ranges relative to the text.
    static func tokens(in text: String) -> [(text: String, range: Range<Int>)] {
        let nsText = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)).map { match in
            var token = nsText.substring(with: match.range)
            var length = match.range.length
            // A sentence may end right after a URL: its full stop is not part of it.
            while let last = token.last, token.hasPrefix("http"), ".,;:!?)".contains(last) {
                token.removeLast()
                length -= 1
            }
            return (token, match.range.location..<(match.range.location + length))
        }
    }

    public func findings(in context: CheckContext) -> [RuleFinding] {
        guard let bilingual = context.bilingual else { return [] }
        var findings: [RuleFinding] = []
        for (index, pair) in bilingual.pairs.enumerated() {
            guard let sourceRange = pair.source, let targetRange = pair.target else { continue }
            let sourceTokens = Self.tokens(in: bilingual.source.text(in: sourceRange)).map(\.text)
            var unmatched = sourceTokens.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            for token in Self.tokens(in: context.document.text(in: targetRange)) {
                if let count = unmatched[token.text], count > 0 {
                    unmatched[token.text] = count - 1
                } else {
                    let range = (targetRange.lowerBound + token.range.lowerBound)..<(targetRange.lowerBound + token.range.upperBound)
                    findings.append(RuleFinding(range: range, message: "`\(token.text)` is not in the source"))
                }
            }
            for token in sourceTokens where (unmatched[token] ?? 0) > 0 {
                unmatched[token]! -= 1
                findings.append(RuleFinding(range: targetRange, message: "`\(token)` from the source is missing"))
            }
            if let codes = bilingual.inlineCodes, index < codes.count {
                findings += inlineCodeFindings(codes[index], at: targetRange)
            }
        }
        return findings
    }

    private func inlineCodeFindings(_ codes: BilingualContext.InlineCodePair, at range: Range<Int>) -> [RuleFinding] {
        var remaining = codes.source.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        var findings: [RuleFinding] = []
        for code in codes.target {
            if let count = remaining[code], count > 0 { remaining[code] = count - 1 } else {
                findings.append(RuleFinding(range: range, message: "inline tag `\(code)` is not in the source"))
            }
        }
        for code in codes.source where (remaining[code] ?? 0) > 0 {
            remaining[code]! -= 1
            findings.append(RuleFinding(range: range, message: "inline tag `\(code)` from the source is missing"))
        }
        return findings
    }
}
