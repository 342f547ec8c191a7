import LectorText
import LectorFormats
import LectorGlossary

/// Tags in the translation that do not nest: `<b>` never closed, `</i>` closing nothing, `<a>…</b>`.
/// Reported only where the source's own tags nest, so a string that holds half of an element
/// split across strings is left alone. HTML's void elements (`<br>`, `<img>` …) need no end tag.
public struct MarkupInvalidRule: UnitRule {
    public static let description = RuleDescription(
        id: "markup.invalid",
        name: "Invalid markup",
        summary: "The translation's tags do not nest (an element left open, closed twice or closed by another), while the source's do.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "<b>Traducción Actual:↓<b>", source: "<b>Current Translation</b>", from: "en", to: "es"),
            RuleExample(unit: "Klicken Sie <i>hier↓</b>", source: "Click <i>here</i>", from: "en", to: "de"),
            RuleExample(unit: "Vous pouvez le faire ↓</em>maintenant", source: "You can do it <em>now</em>", from: "en", to: "fr"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "Doen dit <b>nou</b>", source: "Do it <b>now</b>", from: "en", to: "af"),
            RuleExample(unit: "Строка 1<br>Строка 2", source: "Line 1<br>Line 2", from: "en", to: "ru"),
            RuleExample(unit: "Ende</b>", source: "end</b>", from: "en", to: "de"),
            RuleExample(unit: "Teks met <br /> lynbreuk", source: "Text with <br />line break", from: "en", to: "af"),
        ]
    )

    public init() {}

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "param", "source", "track", "wbr"]

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        let targetTags = MarkupTagScanner.tags(in: pair.target)
        guard !targetTags.isEmpty, Self.problem(in: MarkupTagScanner.tags(in: pair.source)) == nil,
              let problem = Self.problem(in: targetTags) else { return [] }
        findings.append(RuleFinding(range: pair.range(problem.tag.range), message: problem.message))
        return findings
    }

    static func problem(in tags: [MarkupTagScanner.Tag]) -> (tag: MarkupTagScanner.Tag, message: String)? {
        var open: [MarkupTagScanner.Tag] = []
        for tag in tags {
            switch tag.kind {
            case .empty:
                continue
            case .open:
                if voidElements.contains(tag.name) { continue }
                open.append(tag)
            case .close:
                guard let last = open.last else {
                    return (tag, "`\(tag.text)` closes no element")
                }
                guard last.name == tag.name else {
                    return (tag, "`\(tag.text)` closes `\(last.text)`")
                }
                open.removeLast()
            }
        }
        if let unclosed = open.last { return (unclosed, "`\(unclosed.text)` is never closed") }
        return nil
    }
}
