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
        case json
    }

    @Option(name: .long, help: "text, markdown (the table the README shows), or json (for tools).")
    var format: Format = .text

    func run() {
        let output = switch format {
        case .text: RuleCatalog.text()
        case .markdown: RuleCatalog.markdownTable()
        case .json: RuleCatalog.json()
        }
        // Line by line, as other commands print: the last line stays buffered, so a standard
        // output that cannot be written is caught when it is flushed (exit 2).
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { print(line) }
    }
}
