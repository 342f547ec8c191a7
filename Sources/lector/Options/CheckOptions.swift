import ArgumentParser
import LectorKit

/// Options shared by every command that checks text (`check`, `fix`, …).
struct CheckOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A glossary (TBX, CSV or TSV); repeat for several.", valueName: "file"))
    var glossary: [String] = []

    @Option(name: .long, help: ArgumentHelp("BCP 47 language of the checked text.", valueName: "tag"))
    var targetLang: String = "en"

    @Option(name: .long, help: ArgumentHelp("Override a rule's severity (RULE=error|warning|info|off); repeatable.",
                                            valueName: "rule=level"))
    var severity: [String] = []

    /// Loads the glossaries and compiles a checker. Bad input throws `InputError`.
    func makeChecker() throws(InputError) -> Checker {
        var severities: [String: Severity] = [:]
        var disabled: Set<String> = []
        for setting in severity {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, RuleRegistry.rule(withID: parts[0]) != nil else {
                throw InputError(file: "--severity", message: "expected RULE=LEVEL with a known rule, got “\(setting)”")
            }
            if parts[1] == "off" {
                disabled.insert(parts[0])
                continue
            }
            guard let level = Severity(rawValue: parts[1]) else {
                throw InputError(file: "--severity", message: "unknown level “\(parts[1])”; use error, warning, info or off")
            }
            severities[parts[0]] = level
        }
        let glossaries = try glossary.map { path throws(InputError) in try GlossaryLoader.load(path: path) }
        if glossaries.isEmpty {
            printToStandardError("lector: warning: no --glossary given; glossary rules have nothing to check")
        }
        return try Checker(CheckConfiguration(glossaries: glossaries, targetLanguage: targetLang,
                                              severities: severities, disabledRules: disabled))
    }
}
