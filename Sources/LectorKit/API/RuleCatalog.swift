/// The rules as documentation: `lector rules` prints it, and the README's rule table is this
/// table (a test compares them), so the registry, the descriptions and the README cannot drift.
public enum RuleCatalog {
    /// One row per registered rule, in registry order: id, scope, default severity, summary and
    /// options.
    public static func markdownTable() -> String {
        var lines = ["| rule | scope | default | what it reports |", "|---|---|---|---|"]
        for rule in RuleRegistry.all {
            let description = rule.description
            var cell = escaped(description.summary)
            let options = rule.optionKeys
            if !options.isEmpty {
                cell += " Options: " + options.map { "`\($0.name)`: \(escaped($0.summary))" }.joined(separator: "; ") + "."
            }
            lines.append("| `\(description.id)` | \(description.scope) | \(description.defaultSeverity) | \(cell) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plain text, one rule per paragraph, with its first triggering example.
    public static func text() -> String {
        var output = ""
        for rule in RuleRegistry.all {
            let description = rule.description
            output += "\(description.id) (\(description.defaultSeverity), \(description.scope)): \(description.name)\n"
            output += "    \(description.summary)\n"
            for option in rule.optionKeys { output += "    option \(option.name): \(option.summary)\n" }
            if let example = description.triggeringExamples.first { output += "    e.g. \(example.text)\n" }
        }
        return output
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
