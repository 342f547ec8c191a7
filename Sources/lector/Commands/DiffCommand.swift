import ArgumentParser
import Foundation
import LectorKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a translation: sentences changed, word edit rate, findings introduced and resolved.",
        discussion: """
        OLD and NEW are two versions of one translation, such as a machine translation and its \
        post-edit, or the text before and after a glossary change. Their sentences are paired and \
        compared word by word. The word edit rate is word edits (insertions, deletions, \
        substitutions) over the words of NEW, an HTER-like figure. Findings are matched by rule, \
        flagged text and sentence: introduced (only NEW has them), resolved (only OLD had them) \
        or unchanged. Exit status: 0 when the comparison was written, 2 for usage or input errors.
        """
    )

    @OptionGroup var options: CheckOptions

    @Option(name: .long, help: ArgumentHelp("The source text both versions translate; needs --source-lang.", valueName: "file"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Output format: \(TranslationDiff.Format.allCases.map(\.rawValue).joined(separator: ", ")).",
                                            valueName: "format"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "path"))
    var out: String?

    @Argument(help: ArgumentHelp("The older version.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer version.", valueName: "new"))
    var new: String

    func validate() throws {
        guard TranslationDiff.Format(rawValue: format) != nil else {
            throw ValidationError("unknown format “\(format)”; use one of "
                + TranslationDiff.Format.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        do {
            try runChecked()
        } catch {
            reportInputError(error)
            throw ExitStatus.inputError
        }
    }

    private func runChecked() throws(InputError) {
        let checker = try options.makeChecker()
        let oldDocument = try ReportInput.load(old)
        let newDocument = try ReportInput.load(new)
        let sourceDocument = try ReportInput.loadSource(source, for: checker)
        let diff = try TranslationDiff.make(checker: checker, old: oldDocument, new: newDocument, source: sourceDocument)
        let output = try diff.render(TranslationDiff.Format(rawValue: format)!)
        if let out {
            try ReportInput.createDirectory(of: out)
            let inputs = [old, new] + (source.map { [$0] } ?? []) + options.readFiles(project: try options.projectConfiguration())
            try FileHandleOutput.write(Data(output.utf8), toPath: out, sparing: inputs)
        } else {
            FileHandleOutput.standardOutput(output)
        }
    }
}
