import ArgumentParser
import Foundation
import LectorKit

/// Options shared by every command that checks text (`check`, `fix`, …), and how they combine
/// with the project's `.lector.yml`: command-line values win, the file fills in the rest.
struct CheckOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (default: .lector.yml here or in a parent directory).",
                                            valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore any .lector.yml.")
    var noConfig = false

    @Option(name: .long, help: ArgumentHelp("A glossary (TBX, CSV or TSV); repeat for several.", valueName: "file"))
    var glossary: [String] = []

    @Option(name: .long, help: ArgumentHelp("BCP 47 language of the checked text (default: en).", valueName: "tag"))
    var targetLang: String?

    @Option(name: .long, help: ArgumentHelp("BCP 47 language of the source, for bilingual checks.", valueName: "tag"))
    var sourceLang: String?

    @Option(name: .long, help: ArgumentHelp("Override a rule's severity (RULE=error|warning|info|off); repeatable.",
                                            valueName: "rule=level"))
    var severity: [String] = []

    /// Options that contradict each other are usage errors (exit 2), not a silent choice.
    func validate() throws {
        if config != nil, noConfig {
            throw ValidationError("--config and --no-config contradict each other; give one of them")
        }
    }

    /// The project configuration in force, if any.
    func projectConfiguration() throws(InputError) -> ProjectConfiguration? {
        if noConfig { return nil }
        if let config { return try ProjectConfiguration.load(path: config) }
        guard let found = ProjectConfiguration.find(from: FileManager.default.currentDirectoryPath) else { return nil }
        return try ProjectConfiguration.load(path: found)
    }

    /// The check configuration: glossaries loaded, languages and rule settings merged.
    func checkConfiguration(project: ProjectConfiguration?) throws(InputError) -> CheckConfiguration {
        var severities: [String: Severity] = [:]
        var disabled: Set<String> = []
        for (rule, level) in project?.rules ?? [:] {
            if let level { severities[rule] = level } else { disabled.insert(rule) }
        }
        for setting in severity {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, RuleRegistry.rule(withID: parts[0]) != nil else {
                throw InputError(file: "--severity", message: "expected RULE=LEVEL with a known rule, got “\(setting)”")
            }
            if parts[1] == "off" {
                disabled.insert(parts[0])
                severities[parts[0]] = nil
                continue
            }
            guard let level = Severity(rawValue: parts[1]) else {
                throw InputError(file: "--severity", message: "unknown level “\(parts[1])”; use error, warning, info or off")
            }
            severities[parts[0]] = level
            disabled.remove(parts[0])
        }
        let paths = (project?.glossaries ?? []) + glossary
        let glossaries = try paths.map { path throws(InputError) in try GlossaryLoader.load(path: path) }
        if glossaries.isEmpty {
            printToStandardError("lector: warning: no glossary given (--glossary or .lector.yml); glossary rules have nothing to check")
        }
        var configuration = CheckConfiguration(glossaries: glossaries, targetLanguage: targetLang ?? project?.targetLanguage ?? "en",
                                               sourceLanguage: sourceLang ?? project?.sourceLanguage,
                                               severities: severities, disabledRules: disabled)
        configuration.resourcePaths = ResourcePaths.resolve(configured: project?.resources ?? [])
        configuration.spellingWords = project?.spellingWords ?? []
        if let strings = project?.strings { configuration.strings = strings }
        return configuration
    }

    /// Loads the glossaries and compiles a checker. Bad input throws `InputError`.
    func makeChecker() throws(InputError) -> Checker {
        try Checker(checkConfiguration(project: projectConfiguration()))
    }
}
