import ArgumentParser
import LectorKit

@main
struct Lector: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lector",
        abstract: "Lint translations: house glossary spellings, transliteration variants, and more.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, RulesCommand.self, FixCommand.self, BaselineCommand.self, EvalCommand.self,
                      ReportCommand.self, DiffCommand.self, DoctorCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Like ArgumentParser's `main()`, but usage errors exit with 2, as the CLI contract says
    /// (ArgumentParser's default is 64).
    static func main() async {
        AllocatorSettings.applyOnce()
        // The transliteration schemes every checker needs are compiled on a thread of their own
        // from here on, while the arguments are parsed and the configuration and glossary read:
        // ICU takes longer to build them than all of that (`TransliterationScheme.prepareBuiltIn()`).
        if Self.makesChecker(Array(CommandLine.arguments.dropFirst())) { TransliterationScheme.prepareBuiltIn() }
        if let typo = CommandSuggestion.unknownCommand(in: Array(CommandLine.arguments.dropFirst()),
                                                       commands: configuration.subcommands.map { $0.configuration.commandName ?? "" }) {
            printToStandardError("lector: error: unknown command “\(typo.given)”; did you mean `\(typo.suggestion)`?")
            exit(withError: ExitStatus.inputError)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            FileHandleOutput.flushPrintedOutput()
        } catch {
            FileHandleOutput.flushPrintedOutput()
            if exitCode(for: error) == .validationFailure {
                printToStandardError(fullMessage(for: error))
                exit(withError: ExitStatus.inputError)
            }
            if exitCode(for: error) == .success {
                // `--help`, `--version`, `help CMD`: written here rather than by ArgumentParser's `print`,
                // whose failure (`>/dev/full`) nobody sees, so that it exits 2 like every other output.
                let message = fullMessage(for: error)
                if !message.isEmpty { FileHandleOutput.standardOutput(message + "\n") }
                exit()
            }
            exit(withError: error)
        }
    }
}

extension Lector {
    /// Whether the command these arguments run makes a checker: `check` (also when not named),
    /// `fix`, `report`, `diff`, `eval`; not `rules`, `doctor`, `baseline`, nor a request for help
    /// or the version. A wrong guess costs only the schemes' compilation on another thread.
    static func makesChecker(_ arguments: [String]) -> Bool {
        if arguments.contains(where: { ["--help", "-h", "--version", "help"].contains($0) }) { return false }
        return !["rules", "doctor", "baseline"].contains(arguments.first ?? "")
    }
}

/// Exit codes of the CLI contract: 0 clean, 1 findings at or above `--fail-on`, 2 bad input.
enum ExitStatus {
    static let findings = ExitCode(1)
    static let inputError = ExitCode(2)
}

/// Prints an input error as `lector: error: file:line: message` on standard error.
func reportInputError(_ error: InputError) {
    printToStandardError("lector: error: \(error)")
}

/// Runs a command's work; an input error is printed (`reportInputError`) and exits 2.
func exitingOnInputError<Result>(_ work: () throws -> Result) throws -> Result {
    do {
        return try work()
    } catch let error as InputError {
        reportInputError(error)
        throw ExitStatus.inputError
    }
}

func printToStandardError(_ text: String) {
    var standardError = StandardErrorStream()
    print(text, to: &standardError)
}

struct StandardErrorStream: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.standardError(string)
    }
}
