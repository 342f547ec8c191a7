import ArgumentParser
import Foundation
import LectorKit

/// Options shared by every command that checks text (`check`, `fix`, …). They only parse flags:
/// how they combine with the project's `.lector.yml` is `ResolvedConfiguration`'s (`--glossary`
/// replaces the file's glossaries, `--extra-glossary` adds, every other flag overrides its key).
struct CheckOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (default: .lector.yml here or in a parent directory).",
                                            valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore any .lector.yml.")
    var noConfig = false

    @Option(name: .long, help: ArgumentHelp("A glossary (TBX, CSV or TSV), replacing those of .lector.yml; repeat for several.",
                                            valueName: "file"))
    var glossary: [String] = []

    @Option(name: .long, help: ArgumentHelp("A glossary added to those in force (.lector.yml's or --glossary's); repeatable.",
                                            valueName: "file"))
    var extraGlossary: [String] = []

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

    /// The files every run with these options reads besides its inputs: the glossaries in force and
    /// the configuration file. No output may be written over them.
    func readFiles(project: ProjectConfiguration?) -> [String] {
        (glossary.isEmpty ? project?.glossaries ?? [] : glossary) + extraGlossary + [project?.path].compactMap { $0 }
    }

    /// The project configuration in force, if any.
    func projectConfiguration() throws(InputError) -> ProjectConfiguration? {
        if noConfig { return nil }
        if let config { return try ProjectConfiguration.load(path: config) }
        guard let found = ProjectConfiguration.find(from: FileManager.default.currentDirectoryPath) else { return nil }
        return try ProjectConfiguration.load(path: found)
    }

    /// The check configuration: the flags over the project's file, resolved by the library.
    func checkConfiguration(project: ProjectConfiguration?) throws(InputError) -> CheckConfiguration {
        var severities: [String: Severity?] = [:]
        for setting in severity {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, RuleRegistry.rule(withID: parts[0]) != nil else {
                throw InputError(file: "--severity", message: "expected RULE=LEVEL with a known rule, got “\(setting)”")
            }
            if parts[1] == "off" {
                severities[parts[0]] = .some(nil)
                continue
            }
            guard let level = Severity(rawValue: parts[1]) else {
                throw InputError(file: "--severity", message: "unknown level “\(parts[1])”; use error, warning, info or off")
            }
            severities[parts[0]] = level
        }
        let overrides = ConfigurationOverrides(glossaries: glossary.isEmpty ? nil : glossary, extraGlossaries: extraGlossary,
                                               targetLanguage: targetLang, sourceLanguage: sourceLang, severities: severities)
        let resolved = try ResolvedConfiguration(project: project, overrides: overrides)
        for warning in resolved.warnings { printToStandardError("lector: warning: \(warning)") }
        return resolved.check
    }

    /// Loads the glossaries and compiles a checker. Bad input throws `InputError`.
    func makeChecker() throws(InputError) -> Checker {
        let checker = try Checker(checkConfiguration(project: projectConfiguration()))
        Self.report(checker.glossaryWarnings)
        return checker
    }

    /// Glossary problems change what is found, so they are always shown (on standard error).
    static func report(_ warnings: [GlossaryWarning]) {
        for warning in warnings { printToStandardError("lector: warning: \(warning)") }
    }
}

// MARK: - Files of a run

extension CheckOptions {
    /// The files named (directories walked, globs expanded), or with none the `include` patterns
    /// of `.lector.yml`; `exclude` applies to both. `purpose` (`check`, `fix`) completes messages.
    func collectPaths(_ files: [String], project: ProjectConfiguration?, purpose: String) throws(InputError) -> [String] {
        let cwd = FileManager.default.currentDirectoryPath
        var exclude: [GlobPattern] = []
        for pattern in project?.exclude ?? [] { exclude.append(try GlobPattern(pattern)) }
        guard files.isEmpty else { return try FileCollector.collect(files, base: cwd, exclude: exclude) }
        guard let project, !project.include.isEmpty else {
            throw InputError(file: "", message: "no files to \(purpose): name them, or list include patterns in .lector.yml")
        }
        return try FileCollector.collect(project.include, base: project.directory, exclude: exclude, eachMustMatch: false)
            .map { FileCollector.display($0, base: project.directory, cwd: cwd) }
    }

    /// The inputs of a scan: each file in the language its name gives; a source-language file
    /// pairs with its translation beside it and is never checked (nor fixed) as one. A file named
    /// here (not found in a folder) is in `--target-lang` when it is given, whatever its folder is
    /// called (`FileLanguage.scan`).
    func collectInputs(_ files: [String], project: ProjectConfiguration?, configuration: CheckConfiguration,
                       purpose: String, quiet: Bool) throws(InputError) -> [LintSession.Input] {
        let paths = try collectPaths(files, project: project, purpose: purpose)
        let named = Set(files.filter { file in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) && !isDirectory.boolValue
        })
        let scan = FileLanguage.scan(paths, sourceLanguage: configuration.sourceLanguage, named: named,
                                     commandLineTargetLanguage: targetLang)
        if !quiet {
            let verb = purpose == "fix" ? "fixed" : "checked"
            for path in scan.skipped {
                printToStandardError("lector: note: \(path) is in the source language (\(configuration.sourceLanguage ?? "")): "
                    + "used as the source of its translation, not \(verb) as one")
            }
            for setAside in scan.folderLanguagesSetAside {
                printToStandardError("lector: note: \(setAside.path) is \(verb) as \(configuration.targetLanguage) (--target-lang), "
                    + "not as \(setAside.language) (\(setAside.languageName)) as its folder's name would say")
            }
        }
        return scan.inputs
    }
}
