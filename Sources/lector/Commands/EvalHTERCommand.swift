import ArgumentParser
import Foundation
import LectorEvaluation
import LectorKit

extension EvalCommand {
    struct HTER: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hter",
            abstract: "Correlation of Lector's word edit rate (lector diff) with the published HTER of MLQE-PE."
        )

        @Option(help: ArgumentHelp("MLQE-PE tsv with mt, pe_tokenized and hter columns.", valueName: "file"))
        var data = "../shared/data/mlqe-pe/ru-en/dev.tsv"

        /// The file may also be given as `eval ced` and `eval qe` take theirs, without `--data`.
        @Argument(help: ArgumentHelp("The same file as --data (the README's `lector eval hter FILE`).", valueName: "file"))
        var file: String?

        func validate() throws {
            if file != nil, data != "../shared/data/mlqe-pe/ru-en/dev.tsv" {
                throw ValidationError("give the data file once: as FILE or with --data")
            }
        }

        @Option(help: ArgumentHelp("Language of the translations, for word segmentation.", valueName: "tag"))
        var language = "en"

        func run() throws {
            do {
                for mode in EditRateEvaluation.Mode.allCases {
                    print(try EditRateEvaluation.mlqePE(path: file ?? data, language: language, mode: mode))
                }
            } catch {
                reportInputError(error)
                throw ExitStatus.inputError
            }
        }
    }
}
