import LectorText
import LectorFormats
import LectorGlossary

/// Line breaks and tabs that differ between source and translation: their number (`\n`, `\r\n`
/// and `\r` counted apart), and whether the string starts or ends with a line break, which
/// `msgfmt --check` requires to match in PO files.
public struct WhitespaceNewlinesRule: UnitRule {
    public static let description = RuleDescription(
        id: "whitespace.newlines",
        name: "Line breaks and tabs",
        summary: "The translation has another number of line breaks or tabs than the source, or starts or ends otherwise with one.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "↓'n Leer", source: "A file\n", from: "en", to: "af"),
            RuleExample(unit: "↓Een\ntwee", source: "One two\n", from: "en", to: "af"),
            RuleExample(unit: "↓Datei:", source: "File:\t", from: "en", to: "de"),
            RuleExample(unit: "↓Fichier non enregistré.Voulez-vous l'enregistrer ?",
                        source: "The file was not saved.\nDo you want to save it?", from: "en", to: "fr"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "Korrek\n", source: "Correct\n", from: "en", to: "af"),
            RuleExample(unit: "Korrek\r\n", source: "Correct\r\n", from: "en", to: "af"),
            RuleExample(unit: "Datei:\tÖffnen", source: "File:\tOpen", from: "en", to: "de"),
            RuleExample(unit: "Файл не сохранён.\nСохранить?", source: "The file was not saved.\nSave it?", from: "en", to: "ru"),
        ]
    )

    public init() {}

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        let source = Self.counts(pair.source)
        let target = Self.counts(pair.target)
        var problems: [String] = []
        for (name, kind, s, t) in [("line break", "(\\n)", source.lf, target.lf), ("line break", "(\\r\\n)", source.crlf, target.crlf),
                             ("line break", "(\\r)", source.cr, target.cr), ("tab", "", source.tabs, target.tabs)] where s != t {
            problems.append("\(t) \(name)\(t == 1 ? "" : "s")\(kind.isEmpty ? "" : " " + kind) where the source has \(s)")
        }
        if problems.isEmpty {
            if Self.startsWithBreak(pair.source) != Self.startsWithBreak(pair.target) {
                problems.append(Self.startsWithBreak(pair.source) ? "the source starts with a line break, the translation does not"
                                                                  : "the translation starts with a line break, the source does not")
            }
            if Self.endsWithBreak(pair.source) != Self.endsWithBreak(pair.target) {
                problems.append(Self.endsWithBreak(pair.source) ? "the source ends with a line break, the translation does not"
                                                                : "the translation ends with a line break, the source does not")
            }
        } else if Self.endsWithBreak(pair.source) != Self.endsWithBreak(pair.target) {
            problems.append(Self.endsWithBreak(pair.source) ? "the source ends with a line break, the translation does not"
                                                            : "the translation ends with a line break, the source does not")
        }
        guard !problems.isEmpty else { return [] }
        findings.append(RuleFinding(range: pair.targetStartPoint, message: problems.joined(separator: "; ")))
        return findings
    }

    static func counts(_ text: String) -> (lf: Int, crlf: Int, cr: Int, tabs: Int) {
        var lf = 0, crlf = 0, cr = 0, tabs = 0
        var previousCR = false
        for unit in text.utf16 {
            switch unit {
            case 0x0A:
                if previousCR { crlf += 1; cr -= 1 } else { lf += 1 }
            case 0x0D: cr += 1
            case 0x09: tabs += 1
            default: break
            }
            previousCR = unit == 0x0D
        }
        return (lf, crlf, cr, tabs)
    }

    static func startsWithBreak(_ text: String) -> Bool { text.utf16.first == 0x0A || text.utf16.first == 0x0D }
    static func endsWithBreak(_ text: String) -> Bool { text.utf16.last == 0x0A || text.utf16.last == 0x0D }
}
