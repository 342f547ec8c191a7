import ArgumentParser
import Foundation
import LectorKit

/// `lector doctor`: every lexical resource Lector can use, found, refused or missing, with the Debian
/// package that provides it (or that Debian has none) and what is weaker without it.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "List the spelling dictionaries, bilingual dictionaries and WordNet Lector can use, found or missing."
    )

    @Option(name: .customLong("source-lang"), help: "Report on this source language (with --target-lang: on this pair only).")
    var sourceLang: String?

    @Option(name: .customLong("target-lang"), help: "Report on this target language.")
    var targetLang: String?

    @Option(name: .customLong("data-path"),
            help: "Search only these folders (colon-separated), as LECTOR_DATA_PATH does, instead of the standard ones.")
    var dataPath: String?

    func run() throws {
        let project: ProjectConfiguration?
        do {
            project = try ProjectConfiguration.find(from: FileManager.default.currentDirectoryPath)
                .map { path throws(InputError) in try ProjectConfiguration.load(path: path) }
            // As `check` refuses them: a report on a language that does not exist would read as an all clear.
            if let sourceLang { try CheckConfiguration.checkLanguageTag(sourceLang, option: "--source-lang") }
            if let targetLang { try CheckConfiguration.checkLanguageTag(targetLang, option: "--target-lang") }
        } catch {
            reportInputError(error)
            throw ExitStatus.inputError
        }
        var environment = ProcessInfo.processInfo.environment
        if let dataPath { environment["LECTOR_DATA_PATH"] = dataPath }
        let paths = ResourcePaths.resolve(configured: project?.resources ?? [], environment: environment)
        let source = sourceLang ?? project?.sourceLanguage
        let target = targetLang ?? project?.targetLanguage
        let languages: [String]
        var pairs: [(String, String)]? = nil
        if let source, let target {
            languages = [source, target]
            pairs = [(source, target), (target, source)]
        } else {
            languages = LexicalResource.coreLanguages + [source, target].compactMap { $0 }
        }
        let resources = LexicalResource.catalog(languages: languages, pairs: pairs, paths: paths)
        print(Self.render(resources, paths: paths))
        if let target {
            let lexicon = Lexicon.load(source: source ?? target, target: target, paths: paths)
            let ids = RuleRegistry.all.map { $0.description.id }
            let notices = LexicalRequirements.notices(ruleIDs: ids, sourceLanguage: source, targetLanguage: target,
                                                      lexicon: lexicon)
                + LexicalRequirements.unavailable(ruleIDs: ids, sourceLanguage: source, targetLanguage: target,
                                                  lexicon: lexicon)
            for notice in notices { print(notice) }
        }
    }

    static func render(_ resources: [LexicalResource], paths: ResourcePaths) -> String {
        let width = resources.map(\.name.count).max() ?? 0
        var lines = ["Lexical resources (searched: \(paths.folders.joined(separator: ", ")))"]
        for resource in resources {
            let name = resource.name.padding(toLength: width, withPad: " ", startingAt: 0)
            if let path = resource.path {
                lines.append("  found    \(name)  \(path)  (\(resource.package))")
            } else if let refusal = resource.refusal {
                lines.append("  refused  \(name)  \(refusal); install \(resource.package): \(resource.weakens)")
            } else if !resource.isPackaged {
                lines.append("  missing  \(name)  none (not packaged by Debian): \(resource.weakens)")
            } else {
                lines.append("  missing  \(name)  install \(resource.package): \(resource.weakens)")
            }
        }
        let found = resources.filter(\.isPresent).count
        lines.append("\(found) of \(resources.count) resources found.")
        return lines.joined(separator: "\n")
    }
}
