import LectorText
import LectorFormats
import LectorGlossary

/// A translation longer than the unit allows: XLIFF `maxwidth` with `size-unit="char"`, Android
/// `maxLength`. Length is counted in characters as a reader sees them (grapheme clusters), the
/// finding is at the first character past the limit.
public struct LengthLimitRule: UnitRule {
    public static let description = RuleDescription(
        id: "length.limit",
        name: "Length limit",
        summary: "The translation has more characters than the unit's length limit (XLIFF maxwidth in chars, Android maxLength).",
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample(unit: "Einstellung↓en", source: "Settings", from: "en", to: "de", format: "xliff",
                        details: UnitDetails(maxLength: 11)),
            RuleExample(unit: "Настрой↓ки", source: "Settings", from: "en", to: "ru", format: "android",
                        details: UnitDetails(maxLength: 7)),
            RuleExample(unit: "Paramètres de l'appli↓cation", source: "App settings", from: "en", to: "fr", format: "xliff",
                        details: UnitDetails(maxLength: 21)),
        ],
        nonTriggeringExamples: [
            RuleExample(unit: "Einstellungen", source: "Settings", from: "en", to: "de", format: "xliff",
                        details: UnitDetails(maxLength: 13)),
            RuleExample(unit: "Настройки", source: "Settings", from: "en", to: "ru", format: "android",
                        details: UnitDetails(maxLength: 9)),
            RuleExample(unit: "Paramètres de l'application", source: "App settings", from: "en", to: "fr"),
            RuleExample(unit: "🇺🇦 Україна", source: "🇺🇦 Ukraine", from: "en", to: "uk", format: "xliff",
                        details: UnitDetails(maxLength: 9)),
        ]
    )

    public init() {}

    public func findings(in pair: StringPair, of context: CheckContext, using _: Void) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        guard let limit = pair.unit.details.maxLength, pair.target.count > limit else { return [] }
        let cut = pair.target.index(pair.target.startIndex, offsetBy: limit)
        let offset = pair.target.utf16.distance(from: pair.target.utf16.startIndex, to: cut)
        findings.append(RuleFinding(range: pair.range(offset..<pair.targetLength),
                                    message: "\(pair.target.count) characters where at most \(limit) fit"))
        return findings
    }
}
