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
            RuleExample(unit: "Eén↓\ntwee", source: "One two", from: "en", to: "af"),
            RuleExample(unit: "Datei:↓\t", source: "File:", from: "en", to: "de"),
            RuleExample(unit: "Korrek↓\n", source: "Correct", from: "en", to: "af"),
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
        // Every count is of LF, CR and tab, and a string starts or ends with a line break only if
        // it has one: with none of those bytes on either side, all is equal and nothing is found.
        guard Self.hasBreakOrTab(pair.source) || Self.hasBreakOrTab(pair.target) else { return [] }
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
        findings.append(RuleFinding(range: Self.place(in: pair, source: source, target: target), message: problems.joined(separator: "; ")))
        return findings
    }

    /// Where the finding lands: on the first line break or tab the translation has more of than
    /// the source; else on the translation's own first or last line break where only it starts or
    /// ends with one; else (a break or tab missing) on the whole translation, which lacks it.
    static func place(in pair: StringPair, source: (lf: Int, crlf: Int, cr: Int, tabs: Int),
                      target: (lf: Int, crlf: Int, cr: Int, tabs: Int)) -> Range<Int> {
        let units = Array(pair.target.utf16)
        guard !units.isEmpty else { return pair.targetStartPoint }
        func character(at index: Int) -> Range<Int> {
            let isCRLF = units[index] == 0x0D && index + 1 < units.count && units[index + 1] == 0x0A
            return pair.range(index..<(index + (isCRLF ? 2 : 1)))
        }
        for index in units.indices {
            let isCRLF = units[index] == 0x0D && index + 1 < units.count && units[index + 1] == 0x0A
            let isSecondOfCRLF = units[index] == 0x0A && index > 0 && units[index - 1] == 0x0D
            let extra = switch units[index] {
            case 0x0A: !isSecondOfCRLF && target.lf > source.lf
            case 0x0D: isCRLF ? target.crlf > source.crlf : target.cr > source.cr
            case 0x09: target.tabs > source.tabs
            default: false
            }
            if extra { return character(at: index) }
        }
        if startsWithBreak(pair.target), !startsWithBreak(pair.source) { return character(at: 0) }
        if endsWithBreak(pair.target), !endsWithBreak(pair.source) {
            let last = units.count - 1
            let start = units[last] == 0x0A && last > 0 && units[last - 1] == 0x0D ? last - 1 : last
            return character(at: start)
        }
        return pair.wholeTarget
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

    static func hasBreakOrTab(_ text: String) -> Bool {
        UTF8Bytes.contains(text, byte: 0x0A) || UTF8Bytes.contains(text, byte: 0x0D) || UTF8Bytes.contains(text, byte: 0x09)
    }

    static func startsWithBreak(_ text: String) -> Bool { text.utf16.first == 0x0A || text.utf16.first == 0x0D }
    static func endsWithBreak(_ text: String) -> Bool { text.utf16.last == 0x0A || text.utf16.last == 0x0D }
}
