import ArgumentParser
import LectorKit

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Work with baseline files (lector check --write-baseline FILE writes one).",
        subcommands: [Compare.self]
    )

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what changed between two baselines: entries added, removed, and counts changed."
        )

        @Argument(help: "The older baseline.") var old: String
        @Argument(help: "The newer baseline.") var new: String

        func run() throws {
            do {
                let comparison = Baseline.compare(try Baseline.load(path: old), try Baseline.load(path: new))
                if comparison.isEmpty {
                    print("No changes.")
                    return
                }
                for entry in comparison.added { print("+ \(Self.describe(entry))") }
                for entry in comparison.removed { print("- \(Self.describe(entry))") }
                for change in comparison.changed {
                    print("~ \(Self.describe(change.new)) (\(change.old.count) → \(change.new.count))")
                }
                print("\(comparison.added.count) added, \(comparison.removed.count) removed, \(comparison.changed.count) changed.")
            } catch let error as InputError {
                reportInputError(error)
                throw ExitStatus.inputError
            }
        }

        static func describe(_ entry: Baseline.Entry) -> String {
            "\(entry.file): [\(entry.rule)] “\(entry.text)”" + (entry.count > 1 ? " ×\(entry.count)" : "")
                + (entry.sentence.isEmpty ? "" : " in “\(entry.sentence)”")
        }
    }
}
