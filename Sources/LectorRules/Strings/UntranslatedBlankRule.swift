import LectorText
import LectorFormats
import LectorGlossary

/// A translation of white space only: the file says the unit is translated, the user sees nothing.
/// (An empty translation is an untranslated unit: `untranslated.text` reports it.)
public struct UntranslatedBlankRule: UnitRule {
    public static let description = RuleDescription(
        id: "untranslated.blank",
        name: "Blank translation",
        summary: "The translation is only white space while the source has text.",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "↓ ", source: "Save as", from: "en", to: "af"),
            RuleExample(unit: "↓\u{00A0}\u{00A0}", source: "Datei speichern", from: "de", to: "fr"),
            RuleExample(unit: "↓\n", source: "Сохранить\n", from: "ru", to: "en"),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "Stoor as", source: "Save as", from: "en", to: "af"),
            RuleExample(unit: "   ", source: "   ", from: "en", to: "de"),
            RuleExample(unit: "Enregistrer", source: "Datei speichern", from: "de", to: "fr"),
        ]
    )

    public init() {}

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        guard !pair.target.isEmpty, pair.target.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || StringText.isInvisible($0) }),
              pair.source.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return [] }
        return [RuleFinding(range: pair.targetStartPoint, message: "the translation is blank (white space only)")]
    }
}
