import LectorText
import LectorFormats
import LectorGlossary

/// Two or more spaces in a row inside the translation where the source has none: usually a word
/// deleted in editing. A source that double-spaces (after a full stop, say) sets no rule for its
/// translation, so its absence there is not reported.
public struct WhitespaceDoubleRule: UnitRule {
    public static let description = RuleDescription(
        id: "whitespace.double",
        name: "Double space",
        summary: "The translation has two spaces in a row where the source has none.",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample(unit: "Sin.↓  Onnodige dubbelspasie.", source: "Sentence. Another sentence.", from: "en", to: "af"),
            RuleExample(unit: "Datei↓  speichern", source: "Save file", from: "en", to: "de"),
            RuleExample(unit: "Сохранить↓   файл", source: "Save file", from: "en", to: "ru"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "Sin.  'n Ander sin.", source: "Sentence.  Another sentence.", from: "en", to: "af"),
            RuleExample(unit: "Sin. Geen dubbelspasie nie.", source: "Sentence.  Another sentence.", from: "en", to: "af"),
            RuleExample(unit: "Enregistrer le fichier ", source: "Save file ", from: "en", to: "fr"),
            RuleExample(unit: "Datei speichern", source: "Save file", from: "en", to: "de"),
        ]
    )

    public init() {}

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        // Every finding is two U+0020 in a row in the translation, which are two 0x20 bytes in a
        // row in its UTF-8: without them there is nothing to find.
        guard Self.hasTwoSpaces(pair.target) else { return [] }
        // Foundation's search (canonical equivalence) is only asked when the bytes have two
        // spaces in a row: no decomposition holds U+0020, so without them it cannot match.
        guard !(Self.hasTwoSpaces(pair.source) && pair.source.contains("  ")) else { return [] }
        let units = Array(pair.target.utf16)
        let edges = (WhitespaceEdgesRule.leading(pair.target).upperBound, WhitespaceEdgesRule.trailing(pair.target).lowerBound)
        var index = edges.0
        while index + 1 < edges.1 {
            if units[index] == 0x20, units[index + 1] == 0x20 {
                var end = index
                while end < units.count, units[end] == 0x20 { end += 1 }
                findings.append(RuleFinding(range: pair.range(index..<end), message: "\(end - index) spaces in a row"))
                index = end
            } else {
                index += 1
            }
        }
        return findings
    }

    static func hasTwoSpaces(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for index in 1..<bytes.count where bytes[index] == 0x20 && bytes[index - 1] == 0x20 { return true }
            return false
        }
    }
}
