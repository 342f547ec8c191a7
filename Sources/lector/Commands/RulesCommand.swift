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
        let output = format == .text ? RuleCatalog.text() : RuleCatalog.markdownTable()
        // Line by line, as other commands print: the last line stays buffered, so a standard
        // output that cannot be written is caught when it is flushed (exit 2).
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { print(line) }
    }
}
