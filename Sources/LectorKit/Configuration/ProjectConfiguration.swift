import Foundation
import LectorICU
import Yams

/// A project's `.lector.yml`: what to check and how, so that `lector check` with no arguments
/// does the right thing in CI.
///
/// ```yaml
/// glossaries: [Glossaries/ukraine-war.tbx]
/// target_language: en
/// include: ["Examples/**/*.en.txt"]
/// exclude: ["Examples/drafts/**"]
/// rules:
///   glossary.variant: error      # error | warning | info | off
///   garbled.sentence:            # or a mapping: severity and the rule's options
///     severity: warning
///     min_score: 0.6
/// fail_on: error                # error | warning | info | never
/// baseline: .lector-baseline.json
/// resources: [/opt/homebrew/share/hunspell]   # more folders with Hunspell, FreeDict, WordNet data
/// spelling:
///   words: [Zelenskyy, Kuleba]               # house words spelling.unknown accepts
/// ```
///
/// Paths are relative to the directory of the configuration file. Unknown keys are errors that
/// name the key and its line: a misspelt key must not silently do nothing.
public struct ProjectConfiguration: Sendable, Equatable {
    /// The configuration file.
    public let path: String
    /// Its directory; relative paths in the file are resolved against it.
    public let directory: String
    public var glossaries: [String] = []
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var include: [String] = []
    public var exclude: [String] = []
    /// Severity per rule id; `nil` means the rule is off.
    public var rules: [String: Severity?] = [:]
    /// The lowest severity that fails `check`; `.some(nil)` for `never` (as `--fail-on never`),
    /// `nil` when the file does not say.
    public var failOn: Severity??
    public var baseline: String?
    /// The older form of rule options (`thresholds: { garbled.min_score: 0.6 }`); each is also in
    /// `ruleOptions`.
    public var thresholds: [String: Double] = [:]
    /// Options per rule id, checked against the rule's declared options.
    public var ruleOptions: [String: [String: RuleOptionValue]] = [:]
    /// Folders searched first for lexical data (absolute, resolved against the file's directory).
    public var resources: [String] = []
    /// House words `spelling.unknown` accepts.
    public var spellingWords: [String] = []
    /// The string checks' settings (`strings:`), when the file has them.
    public var strings: StringCheckSettings?

    /// The names Lector looks for, in this order.
    public static let fileNames = [".lector.yml", ".lector.yaml"]

    /// Thresholds that rules read; unknown names are errors.
    public static var knownThresholds: Set<String> { Set(legacyThresholds.keys) }

    /// The older `thresholds:` names, and the rule option each one sets.
    static let legacyThresholds: [String: (rule: String, option: String)] = [
        GarbledSentenceRule.thresholdName: (GarbledSentenceRule.description.id, "min_score"),
    ]

    /// The nearest configuration file in `directory` or its parents.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in fileNames {
                let candidate = url.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    public static func load(path: String) throws(InputError) -> ProjectConfiguration {
        let document = try SourceDocument.load(path: path)
        return try parse(document.text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(InputError) -> ProjectConfiguration {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var configuration = ProjectConfiguration(path: path, directory: directory)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError(file: path, line: Self.line(of: error), message: "malformed YAML: \(Self.describe(error))")
        } catch {
            throw InputError(file: path, message: "malformed YAML: \(error)")
        }
        guard let root else { return configuration }
        guard let mapping = root.mapping else {
            throw InputError(file: path, line: root.mark?.line, message: "expected a mapping of settings")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            func fail(_ message: String) -> InputError { InputError(file: path, line: value.mark?.line ?? line, message: message) }
            switch key {
            case "glossaries":
                configuration.glossaries = try strings(value, key: key, fail: fail).map(configuration.resolve)
            case "source_language":
                configuration.sourceLanguage = try languageTag(value, key: key, fail: fail)
            case "target_language":
                configuration.targetLanguage = try languageTag(value, key: key, fail: fail)
            case "include":
                configuration.include = try strings(value, key: key, fail: fail)
            case "exclude":
                configuration.exclude = try strings(value, key: key, fail: fail)
            case "fail_on":
                let level = try string(value, key: key, fail: fail)
                if level == "never" {
                    configuration.failOn = .some(nil)
                    continue
                }
                guard let severity = Severity(rawValue: level) else {
                    throw fail("fail_on takes error, warning, info or never, not “\(level)”")
                }
                configuration.failOn = severity
            case "baseline":
                configuration.baseline = configuration.resolve(try string(value, key: key, fail: fail))
            case "rules":
                guard let rules = value.mapping else {
                    throw fail("“rules” must map rule ids to error, warning, info or off, or to a mapping of options")
                }
                for (ruleNode, setting) in rules {
                    let id = ruleNode.string ?? ""
                    guard let rule = RuleRegistry.rule(withID: id) else {
                        throw InputError(file: path, line: ruleNode.mark?.line, message: "unknown rule “\(id)”")
                    }
                    if let options = setting.mapping {
                        for (optionNode, optionValue) in options {
                            let name = optionNode.string ?? ""
                            if name == "severity" {
                                configuration.rules[id] = try level(optionValue, rule: id, path: path)
                                continue
                            }
                            try configuration.setOption(name, of: rule, to: optionValue, line: optionNode.mark?.line)
                        }
                    } else {
                        configuration.rules[id] = try level(setting, rule: id, path: path)
                    }
                }
            case "thresholds":
                guard let thresholds = value.mapping else { throw fail("“thresholds” must map names to numbers") }
                for (nameNode, numberNode) in thresholds {
                    let name = nameNode.string ?? ""
                    guard let target = legacyThresholds[name], let rule = RuleRegistry.rule(withID: target.rule) else {
                        throw InputError(file: path, line: nameNode.mark?.line, message: "unknown threshold “\(name)”")
                    }
                    guard let number = numberNode.float else {
                        throw InputError(file: path, line: numberNode.mark?.line, message: "threshold “\(name)” must be a number")
                    }
                    // A rule that no longer declares the option keeps accepting the old key.
                    if rule.optionKeys.contains(where: { $0.name == target.option }) {
                        try configuration.setOption(target.option, of: rule, to: numberNode, line: nameNode.mark?.line)
                    }
                    configuration.thresholds[name] = number
                }
            case "resources":
                configuration.resources = try strings(value, key: key, fail: fail).map(configuration.resolve)
            case "spelling":
                guard let spelling = value.mapping else { throw fail("“spelling” must be a mapping such as { words: [...] }") }
                for (settingNode, setting) in spelling {
                    guard settingNode.string == "words" else {
                        throw InputError(file: path, line: settingNode.mark?.line,
                                         message: "unknown spelling setting “\(settingNode.string ?? "")”; known: words")
                    }
                    configuration.spellingWords = try strings(setting, key: "spelling.words", fail: fail)
                }
            case StringCheckSettings.key:
                configuration.strings = try StringCheckSettings.parse(value, path: path)
            default:
                throw InputError(file: path, line: line, message: "unknown key “\(key)”; known keys: glossaries, "
                    + "source_language, target_language, include, exclude, rules, fail_on, baseline, thresholds, strings, "
                    + "resources, spelling")
            }
        }
        return configuration
    }

    /// `error`, `warning`, `info`, or `off` (`nil`).
    private static func level(_ node: Node, rule id: String, path: String) throws(InputError) -> Severity?? {
        let level = node.string ?? ""
        if level == "off" { return .some(nil) }
        if let severity = Severity(rawValue: level) { return severity }
        throw InputError(file: path, line: node.mark?.line,
                         message: "rule “\(id)”: expected error, warning, info or off, not “\(level)”")
    }

    /// Sets one option of a rule, checked against the rule's declared options; an error names the
    /// option's line.
    private mutating func setOption(_ name: String, of rule: any Rule.Type, to node: Node, line: Int?) throws(InputError) {
        let value: RuleOptionValue
        if node.scalar == nil {
            throw InputError(file: path, line: node.mark?.line ?? line,
                             message: "rule “\(rule.description.id)”: option “\(name)” must be a single value")
        } else if let flag = node.bool {
            value = .flag(flag)
        } else if let number = node.float {
            value = .number(number)
        } else {
            value = .text(node.string ?? "")
        }
        do {
            try rule.validate([name: value])
        } catch {
            throw InputError(file: path, line: line, message: error.description)
        }
        ruleOptions[rule.description.id, default: [:]][name] = value
    }

    /// A path from the file, made absolute against the file's directory.
    public func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : URL(fileURLWithPath: directory).appendingPathComponent(relative).standardizedFileURL.path
    }

    private static func string(_ node: Node, key: String, fail: (String) -> InputError) throws(InputError) -> String {
        guard let value = node.string, node.scalar != nil else { throw fail("“\(key)” must be a single value") }
        return value
    }

    /// A BCP 47 tag ICU knows, checked here so that a bad one names this file and line rather than
    /// the command-line option it would otherwise be reported as.
    private static func languageTag(_ node: Node, key: String, fail: (String) -> InputError) throws(InputError) -> String {
        let tag = try string(node, key: key, fail: fail)
        do {
            _ = try LanguageTag(tag)
        } catch {
            throw fail("“\(key)”: unknown language tag “\(tag)”")
        }
        return tag
    }

    private static func strings(_ node: Node, key: String, fail: (String) -> InputError) throws(InputError) -> [String] {
        if node.scalar != nil, let value = node.string { return [value] }
        guard let sequence = node.sequence else { throw fail("“\(key)” must be a list") }
        var result: [String] = []
        for item in sequence {
            guard item.scalar != nil, let value = item.string else { throw fail("“\(key)” must be a list of strings") }
            result.append(value)
        }
        return result
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
