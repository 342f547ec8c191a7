import ArgumentParser
import Foundation
import LectorKit

/// Measures Lector on public evaluation data (read in place, never copied into the project).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure Lector on public evaluation data sets.",
        subcommands: [Terms.self]
    )

    struct Terms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Term satisfaction on the WMT21 (en-fr) and WMT23 (de-en) terminology sets, in exact and inflected mode."
        )

        @Option(help: ArgumentHelp("WMT21 terminology dev.tsv.", valueName: "file"))
        var wmt21 = "../shared/data/terminology/wmt21-en-fr-dev/dev.tsv"

        @Option(help: ArgumentHelp("WMT23 terminology test.tsv.", valueName: "file"))
        var wmt23 = "../shared/data/terminology/wmt23-de-en/test.tsv"

        @Flag(help: "List up to 20 unsatisfied instances per result, and rows where the official count differs.")
        var verbose = false

        func run() throws {
            do {
                for mode in TerminologyEvaluation.Mode.allCases {
                    show(try TerminologyEvaluation.wmt21(path: wmt21, mode: mode))
                }
                for mode in TerminologyEvaluation.Mode.allCases {
                    show(try TerminologyEvaluation.wmt23(path: wmt23, mode: mode))
                }
            } catch let error as InputError {
                reportInputError(error)
                throw ExitStatus.inputError
            }
        }

        private func show(_ result: TerminologyEvaluation.Result) {
            print(result)
            if verbose {
                result.missed.forEach { print("    missed \($0)") }
                result.disagreements.forEach { print("    differs \($0)") }
            }
        }
    }
}
