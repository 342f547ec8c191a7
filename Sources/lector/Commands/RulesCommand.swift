import ArgumentParser
import LectorKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its id, default severity, description and an example."
    )

    func run() {
        for rule in RuleRegistry.all {
            let description = rule.description
            print("\(description.id) (\(description.defaultSeverity)): \(description.name)")
            print("    \(description.summary)")
            if let example = description.triggeringExamples.first {
                print("    e.g. \(example.text)")
            }
        }
    }
}
