import LectorICU
import LectorText
import LectorFormats
import LectorGlossary

/// Backslash escapes written in the text (`\n`, `\t`, `\\`, `\"`), which another layer (C code,
/// Java properties, JSON built by hand) will read: the translation must keep the source's. A PO
/// file's own escapes are already read by then, so what remains are the escaped ones (`\\n` in the
/// file).
public struct EscapesMismatchRule: UnitRule {
    public static let description = RuleDescription(
        id: "escapes.mismatch",
        name: "Escape mismatch",
        summary: "The translation has other backslash escapes (`\\n`, `\\t`, `\\\\`, `\\\"`) than the source.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "bleah.↓\\n'n leer", source: "blah. A file", from: "en", to: "af"),
            RuleExample(unit: "↓Tabulator", source: "A tab\\t", from: "en", to: "de"),
            RuleExample(unit: "↓Sauts de ligne \n", source: "An escaped newline \\n", from: "en", to: "fr"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "'n Tab\\t", source: "A tab\\t", from: "en", to: "af"),
            RuleExample(unit: "Двойная кавычка \\\"", source: "A double quote \\\"", from: "en", to: "ru"),
            RuleExample(unit: "'n Leer\n", source: "A file\n", from: "en", to: "af"),
            RuleExample(unit: "Ruta C:\\\\Programme", source: "Path C:\\\\Program Files", from: "en", to: "de"),
            // Markdown's escaped punctuation and a backslash inside a censored word are not string escapes.
            RuleExample(unit: "And you [the US] make us fight.", source: "А вы \\[США\\] заставляете нас воевать.", from: "ru", to: "en"),
            RuleExample(unit: "Thanks in advance, damn it.", source: "Заранее спасибо, бл\\ть\\~", from: "ru", to: "en"),
        ]
    )

    public init() {}

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        // Every escape starts with a backslash: with none on either side, both have none.
        guard UTF8Bytes.contains(pair.source, where: { $0 == 0x5C }) || UTF8Bytes.contains(pair.target, where: { $0 == 0x5C })
        else { return [] }
        let source = Self.escapes(in: pair.source)
        let target = Self.escapes(in: pair.target)
        var remaining = source.reduce(into: [String: Int]()) { $0[$1.text, default: 0] += 1 }
        var extra: [(text: String, range: Range<Int>)] = []
        for escape in target {
            if let count = remaining[escape.text], count > 0 { remaining[escape.text] = count - 1 } else { extra.append(escape) }
        }
        let missing = remaining.filter { $0.value > 0 }.keys.sorted()
        for escape in extra {
            findings.append(RuleFinding(range: pair.range(escape.range), message: "escape `\(escape.text)` is not in the source"))
        }
        // With an extra escape reported, a missing one is usually the same escape mistyped.
        if extra.isEmpty, !missing.isEmpty {
            findings.append(RuleFinding(range: pair.targetStartPoint,
                                        message: "the source's escapes \(missing.map { "`\($0)`" }.joined(separator: ", ")) are missing"))
        }
        return findings
    }

    /// What a backslash escapes for the layers that read escapes (C, Java properties, JSON, shell):
    /// ASCII letters and digits and these marks. Markdown's escaped punctuation (`\[`, `\*`, `\-`)
    /// and a backslash before a letter of another script (`бл\ть`, a censored word) are text.
    private static let escapedMarks: Set<UInt16> = Set("\\\"'/?${}%@".utf16)

    /// `\` and the character after it, left to right (`\\n` is `\\` then `n`).
    static func escapes(in text: String) -> [(text: String, range: Range<Int>)] {
        let units = Array(text.utf16)
        var result: [(String, Range<Int>)] = []
        var index = 0
        while index + 1 < units.count {
            if units[index] == 0x5C {
                let next = units[index + 1]
                let isASCIIAlphanumeric = (0x30...0x39).contains(next) || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
                if isASCIIAlphanumeric || escapedMarks.contains(next) {
                    result.append((LectorICU.UTF16.decode(units[index...(index + 1)]), index..<(index + 2)))
                }
                index += 2
            } else {
                index += 1
            }
        }
        return result
    }
}
