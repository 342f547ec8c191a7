import Foundation

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
                cell += " Options: " + options.map { "`\($0.name)` (\(signature(of: $0))): \(escaped($0.summary))" }
                    .joined(separator: "; ") + "."
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
            for option in rule.optionKeys { output += "    option \(option.name) (\(signature(of: option))): \(option.summary)\n" }
            if let example = description.triggeringExamples.first { output += "    e.g. \(example.text)\n" }
        }
        return output
    }

    /// An option's type, range and default: `number 0.01–1, default 0.3`.
    static func signature(of option: RuleOptionKey) -> String {
        let type = [option.typeName, option.rangeDescription].compactMap { $0 }.joined(separator: " ")
        return "\(type), default \(option.defaultValue)"
    }

    /// The rules as data, for tools: one object per rule with its id, name, scope, default
    /// severity, summary and options (name, type, range, default, summary).
    public static func json() -> String {
        struct Option: Encodable {
            let name: String
            let type: String
            let minimum: Double?
            let maximum: Double?
            let `default`: String
            let summary: String
        }
        struct Entry: Encodable {
            let id: String
            let name: String
            let scope: String
            let defaultSeverity: String
            let summary: String
            let options: [Option]
        }
        let entries = RuleRegistry.all.map { rule in
            let description = rule.description
            return Entry(id: description.id, name: description.name, scope: description.scope.rawValue,
                         defaultSeverity: description.defaultSeverity.rawValue, summary: description.summary,
                         options: rule.optionKeys.map { option in
                             let bounds: (Double, Double)? = switch option.kind {
                             case .number(let range): (range.lowerBound, range.upperBound)
                             case .integer(let range): (Double(range.lowerBound), Double(range.upperBound))
                             case .flag, .text: nil
                             }
                             return Option(name: option.name, type: option.typeName, minimum: bounds?.0, maximum: bounds?.1,
                                           default: option.defaultValue.description, summary: option.summary)
                         })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding strings and numbers cannot fail.
        let data = (try? encoder.encode(entries)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
