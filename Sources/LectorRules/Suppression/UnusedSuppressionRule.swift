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

    /// What is wrong with a directive that suppressed nothing: a rule id that names no rule
    /// (with the nearest id, for a typo), or else that it is not needed.
    package static func message(for rules: Set<String>) -> String {
        let unknown = rules.filter { RuleRegistry.rule(withID: $0) == nil }.sorted()
        if !unknown.isEmpty {
            let named = unknown.map { "`\($0)`" }.joined(separator: ", ")
            let suggestions = unknown.compactMap(nearestRuleID(to:)).map { "`\($0)`" }
            return "unknown rule\(unknown.count == 1 ? "" : "s") \(named) in this lector-disable directive"
                + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
        }
        return rules.isEmpty ? "this lector-disable directive suppresses nothing"
            : "this lector-disable directive for \(rules.sorted().joined(separator: ", ")) suppresses nothing"
    }

    /// The rule id closest to a mistyped one, within three edits and a third of its length.
    static func nearestRuleID(to id: String) -> String? {
        var best: (id: String, distance: Int)?
        for rule in RuleRegistry.all {
            let candidate = rule.description.id
            let distance = editDistance(id, candidate)
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best, best.distance <= min(3, max(1, id.count / 3)) else { return nil }
        return best.id
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
