import ArgumentParser
import LectorKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its id, default severity, scope, description, options and an example."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case markdown
    }

    @Option(name: .long, help: "text, or markdown: the table the README shows.")
    var format: Format = .text

    func run() {
        switch format {
        case .text: print(RuleCatalog.text(), terminator: "")
        case .markdown: print(RuleCatalog.markdownTable(), terminator: "")
        }
    }
}
