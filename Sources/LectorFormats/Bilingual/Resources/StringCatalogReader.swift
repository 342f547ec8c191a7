import Foundation
import LectorText

/// Reads Apple String Catalogs (`.xcstrings`, Xcode 15+): one JSON file with every language. Each
/// language other than the catalog's `sourceLanguage` is a `BilingualFile` of its own; its units
/// are the catalog's keys, with plural variations (`key|plural|one`, one per category, the first
/// carrying the categories for `plurals.count`), device variations (`key|device|iphone`) and
/// substitutions (`key|substitutions|name|plural|one`). The source text is the source language's
/// localization where the catalog has one, else the key itself. Keys marked `shouldTranslate: false`
/// and values in state `new` or without a value are skipped as untranslated.
///
/// With `mappingTargets`, each translated value says where its text stands in the bytes, between
/// JSON escapes (`fix`). Source-language values, keys, comments and untranslatable keys are never
/// targets, so `fix` cannot touch them.
enum StringCatalogReader {
    static func read(contentsOf path: String, mappingTargets: Bool = false) throws(InputError) -> [BilingualFile] {
        try read(data: XMLDocumentWalker.contents(of: path), name: path, mappingTargets: mappingTargets)
    }

    static func read(data: Data, name: String, mappingTargets: Bool = false) throws(InputError) -> [BilingualFile] {
        let root = try LocatedJSON.parse([UInt8](data), file: name)
        guard let sourceLanguage = root["sourceLanguage"]?.string else {
            throw InputError(file: name, line: root.line, message: "a String Catalog needs “sourceLanguage”")
        }
        guard let strings = root["strings"]?.members else {
            throw InputError(file: name, line: root.line, message: "a String Catalog needs “strings”")
        }
        var languages: [String] = []
        for (_, entry) in strings {
            for (language, _) in entry["localizations"]?.members ?? [] where language != sourceLanguage && !languages.contains(language) {
                languages.append(language)
            }
        }
        return languages.map { language in
            var units: [BilingualUnit] = []
            for (key, entry) in strings {
                if case .bool(false)? = entry["shouldTranslate"]?.node { continue }
                let source = entry["localizations"]?[sourceLanguage]
                let target = entry["localizations"]?[language]
                let keyText = SegmentText(text: key, line: entry.line, column: nil)
                var targets: [(id: String, value: LocatedJSON)] = []
                if let target { collect(target, id: key, into: &targets) }
                var sources: [String: SegmentText] = [:]
                if let source {
                    var found: [(id: String, value: LocatedJSON)] = []
                    collect(source, id: key, into: &found)
                    for (id, value) in found { sources[id] = SegmentText(text: value.string ?? "", line: value.line, column: value.column) }
                }
                if targets.isEmpty {
                    units.append(BilingualUnit(id: key, source: sources[key] ?? keyText, target: nil))
                    continue
                }
                // The categories of each plural variation, on its first unit.
                var seenGroups: Set<String> = []
                for (id, value) in targets {
                    var details = UnitDetails()
                    if let range = id.range(of: "|plural|", options: .backwards) {
                        let group = String(id[..<range.lowerBound])
                        details.pluralCategory = String(id[range.upperBound...])
                        if !seenGroups.contains(group) {
                            seenGroups.insert(group)
                            details.targetPluralCategories = targets.map(\.id).filter { $0.hasPrefix(group + "|plural|") }
                                .map { String($0.dropFirst(group.count + 8)) }
                        }
                    }
                    let sourceText = sources[id] ?? otherForm(of: id, in: sources) ?? sources[key] ?? keyText
                    var targetText = SegmentText(text: value.string ?? "", line: value.line, column: value.column)
                    if mappingTargets { targetText.verbatimRuns = value.runs }
                    units.append(BilingualUnit(id: id, source: sourceText, target: targetText, details: details))
                }
            }
            return BilingualFile(path: name, sourceLanguage: sourceLanguage, targetLanguage: language, units: units, format: "xcstrings")
        }
    }

    /// The source's `other` form for a plural category the source language does not have.
    private static func otherForm(of id: String, in sources: [String: SegmentText]) -> SegmentText? {
        guard let range = id.range(of: "|plural|", options: .backwards) else { return nil }
        return sources[id[..<range.upperBound] + "other"]
    }

    /// The translated values of one localization: its `stringUnit`, its variations, its substitutions.
    private static func collect(_ localization: LocatedJSON, id: String, into result: inout [(id: String, value: LocatedJSON)]) {
        if let unit = localization["stringUnit"], let value = unit["value"], unit["state"]?.string != "new" {
            result.append((id, value))
        }
        for (kind, variations) in localization["variations"]?.members ?? [] {
            for (name, variation) in variations.members ?? [] {
                collect(variation, id: "\(id)|\(kind)|\(name)", into: &result)
            }
        }
        for (name, substitution) in localization["substitutions"]?.members ?? [] {
            collect(substitution, id: "\(id)|substitutions|\(name)", into: &result)
        }
    }
}
