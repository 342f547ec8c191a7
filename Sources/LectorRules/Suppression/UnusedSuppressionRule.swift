/// A suppression directive that suppresses nothing: stale after a fix, or naming the wrong rule.
///
/// The checker applies directives after every other rule has run, so this rule reports from
/// there; `findings(in:)` has nothing to add on its own.
public struct UnusedSuppressionRule: Rule {
    public static let description = RuleDescription(
        id: "suppression.unused",
        name: "Unused suppression",
        summary: "A lector-disable directive suppresses no finding; remove it or name the right rule.",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("Quoted as written:\n↓lector-disable-next-line glossary.forbidden\nKyiv is spelled the house way."),
            RuleExample("Menu:\n↓lector-disable-next-line glossary.variant\nThe menu said chicken Kiev, and Kiev was wrong."),
        ],
        nonTriggeringExamples: [
            RuleExample("Quoted as written:\nlector-disable-next-line glossary.forbidden\nThe 1990s sign still read Kiev."),
            RuleExample("From the archive:\nlector-disable\nKiev and Medinski, quoted from a 2014 cable.\nlector-enable\nKyiv today."),
        ],
        scope: .document
    )

    public init() {}

    public func findings(in context: CheckContext) -> [RuleFinding] { [] }

    package static func message(for rules: Set<String>) -> String {
        rules.isEmpty ? "this lector-disable directive suppresses nothing"
            : "this lector-disable directive for \(rules.sorted().joined(separator: ", ")) suppresses nothing"
    }
}
