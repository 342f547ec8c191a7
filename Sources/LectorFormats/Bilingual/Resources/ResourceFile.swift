import LectorICU
import LectorText
import Foundation

/// One language's strings of a monolingual resource format (Apple `.strings`/`.stringsdict`,
/// Android `strings.xml`, Flutter ARB, i18next JSON), by key. Two of them — the source language's
/// and a translation's — make a `BilingualFile` (`ResourcePairing`).
struct ResourceFile {
    let path: String
    /// The file's language where the file or its place says it (`fr.lproj`, `values-fr`, ARB `@@locale`).
    let language: String?
    /// `strings`, `stringsdict`, `android`, `arb`, `i18next`.
    let format: String
    var entries: [ResourceEntry]
}

struct ResourceEntry {
    /// The unit's id: the key, with the plural category or array index after a `|`.
    let key: String
    var text: SegmentText
    /// Entries of one plural message share a group (its key without the category).
    var pluralGroup: String?
    var pluralCategory: String?
    var maxLength: Int?

    init(key: String, text: SegmentText, pluralGroup: String? = nil, pluralCategory: String? = nil, maxLength: Int? = nil) {
        self.key = key
        self.text = text
        self.pluralGroup = pluralGroup
        self.pluralCategory = pluralCategory
        self.maxLength = maxLength
    }
}

/// Makes a bilingual file of a translation and its source file, unit by unit in the translation's
/// order. A plural category the source does not have (Russian `few` for an English source) is paired
/// with the source's `other`. A translation of a key the source no longer has becomes a unit with an
/// empty source (`UnitDetails.sourceKeyMissing`); source keys the translation lacks become
/// untranslated units.
enum ResourcePairing {
    static func pair(source: ResourceFile, target: ResourceFile, sourceLanguage: String? = nil,
                     targetLanguage: String? = nil) -> BilingualFile {
        var sourceByKey: [String: ResourceEntry] = [:]
        for entry in source.entries { sourceByKey[entry.key] = entry }
        var units: [BilingualUnit] = []
        var seen: Set<String> = []
        var seenGroups: Set<String> = []
        let categoriesByGroup = Dictionary(grouping: target.entries.filter { $0.pluralGroup != nil }, by: { $0.pluralGroup! })
            .mapValues { $0.compactMap(\.pluralCategory) }
        for entry in target.entries {
            var sourceEntry = sourceByKey[entry.key]
            if sourceEntry == nil, let group = entry.pluralGroup {
                sourceEntry = sourceByKey[group + "|other"] ?? source.entries.last { $0.pluralGroup == group }
            }
            guard let sourceEntry else {
                // Kept, so that the checks of the translation alone still read it and
                // `alignment.unpaired` says the source lacks its key.
                let empty = SegmentText(text: "", line: entry.text.line, column: entry.text.column)
                units.append(BilingualUnit(id: entry.key, source: empty, target: entry.text,
                                           details: UnitDetails(maxLength: entry.maxLength, sourceKeyMissing: true)))
                continue
            }
            seen.insert(sourceEntry.key)
            // i18next's ordinal forms (`place_ordinal_one`: 1st, 21st …) are not the cardinal category.
            let cardinal = entry.pluralGroup?.hasSuffix("_ordinal") == true ? nil : entry.pluralCategory
            var details = UnitDetails(maxLength: entry.maxLength ?? sourceEntry.maxLength)
            details.pluralCategory = cardinal
            if let group = entry.pluralGroup, !seenGroups.contains(group) {
                seenGroups.insert(group)
                details.targetPluralCategories = categoriesByGroup[group]
            }
            units.append(BilingualUnit(id: entry.key, source: sourceEntry.text, target: entry.text, details: details))
        }
        let groupsInTarget = Set(target.entries.compactMap(\.pluralGroup))
        for entry in source.entries where !seen.contains(entry.key) {
            // Plural categories differ between languages; a group the translation has is complete enough here.
            if let group = entry.pluralGroup, groupsInTarget.contains(group) { continue }
            units.append(BilingualUnit(id: entry.key, source: entry.text, target: nil))
        }
        return BilingualFile(path: target.path, sourceLanguage: sourceLanguage ?? source.language,
                             targetLanguage: targetLanguage ?? target.language, units: units, format: target.format)
    }
}

extension ResourcePairing {
    /// A translation whose source was not found, as a bilingual file of empty sources that only
    /// the checks of the translation alone read (`BilingualFile.isTargetOnly`).
    static func alone(_ target: ResourceFile, lookedFor candidates: [String]) -> BilingualFile {
        let units = target.entries.map { entry in
            BilingualUnit(id: entry.key, source: SegmentText(text: "", line: entry.text.line, column: entry.text.column),
                          target: entry.text, details: UnitDetails(maxLength: entry.maxLength))
        }
        var file = BilingualFile(path: target.path, sourceLanguage: nil, targetLanguage: target.language, units: units,
                                 format: target.format)
        file.sourceNotFound = candidates
        return file
    }
}

/// Finds the source file of a translation by the conventions of each platform, and reads both.
///
/// | format | translation | source |
/// |---|---|---|
/// | `.strings`, `.stringsdict` | `fr.lproj/Localizable.strings` | `en.lproj/…`, else `Base.lproj/…` |
/// | Android | `res/values-fr/strings.xml` | `res/values/strings.xml` |
/// | Flutter ARB | `lib/l10n/app_fr.arb` | `app_en.arb` beside it |
/// | i18next | `locales/fr/translation.json` | `locales/en/translation.json` |
///
/// `--source FILE` names the source explicitly. A String Catalog (`.xcstrings`) holds every language
/// itself and needs no pairing.
package enum ResourceFormat: String {
    case appleStrings = "strings"
    case stringsDict = "stringsdict"
    case android
    case arb
    case i18next

    /// The format of a path, by extension and, for XML and JSON, by folder.
    init?(path: String) {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        let folder = url.deletingLastPathComponent().lastPathComponent
        switch ext {
        case "strings": self = .appleStrings
        case "stringsdict": self = .stringsDict
        case "arb": self = .arb
        case "xml" where folder == "values" || folder.hasPrefix("values-"): self = .android
        case "json" where ResourceFormat.languageOfFolder(url.deletingLastPathComponent()) != nil
            && url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased().contains("locale"):
            self = .i18next
        default: return nil
        }
    }

    /// Whether a path is a mobile resource file by its extension and folder (the file is not opened).
    package static func isResourceFile(_ path: String) -> Bool { ResourceFormat(path: path) != nil }

    /// The format of a translation and the source named for it, when neither path says it alone:
    /// two `.json` files are i18next, two `.xml` files Android resources.
    static func forPair(target: String, source: String) -> ResourceFormat? {
        if let format = ResourceFormat(path: source) { return format }
        let targetExt = URL(fileURLWithPath: target).pathExtension.lowercased()
        guard targetExt == URL(fileURLWithPath: source).pathExtension.lowercased() else { return nil }
        switch targetExt {
        case "json": return .i18next
        case "xml": return .android
        default: return nil
        }
    }

    var displayName: String {
        switch self {
        case .appleStrings: ".strings"
        case .stringsDict: ".stringsdict"
        case .android: "Android"
        case .arb: "ARB"
        case .i18next: "i18next"
        }
    }

    /// `fr`, `pt-BR` for a folder named like a language (`fr`, `pt-BR`, `pt_BR`).
    static func languageOfFolder(_ url: URL) -> String? {
        let name = url.lastPathComponent
        let parts = name.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isLetter && $0.isLowercase }),
              parts.count <= 2 else { return nil }
        return parts.joined(separator: "-")
    }

    /// Reads a file of this format; with `mappingTargets`, its strings say where they stand in the
    /// bytes (for `fix`).
    func read(_ path: String, mappingTargets: Bool = false) throws(InputError) -> ResourceFile {
        try read(data: XMLDocumentWalker.contents(of: path), name: path, mappingTargets: mappingTargets)
    }

    /// `read(_:mappingTargets:)` of bytes already read.
    func read(data: Data, name: String, mappingTargets: Bool = false) throws(InputError) -> ResourceFile {
        switch self {
        case .appleStrings: try AppleStringsReader.read(data: data, name: name, mappingTargets: mappingTargets)
        case .stringsDict: try StringsDictReader.read(data: data, name: name, mappingTargets: mappingTargets)
        case .android: try AndroidStringsReader.read(data: data, name: name, mappingTargets: mappingTargets)
        case .arb: try ARBReader.read(data: data, name: name)
        case .i18next: try I18nextReader.read(data: data, name: name)
        }
    }

    /// The conventional source of a translation, if it exists and is not the file itself.
    func conventionalSource(of path: String, sourceLanguage: String? = nil) -> String? {
        sourceCandidates(of: path, sourceLanguage: sourceLanguage).first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Where the source of a translation would be by the platform's convention, in the source
    /// language (`sourceLanguage`, else English) and then the platform's base folder; never the
    /// file itself.
    func sourceCandidates(of path: String, sourceLanguage: String? = nil) -> [String] {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        var languages = [sourceLanguage, "en"].compactMap { $0 }
        if languages.count == 2, languages[0] == languages[1] { languages.removeLast() }
        var candidates: [URL] = []
        switch self {
        case .appleStrings, .stringsDict:
            let parent = folder.deletingLastPathComponent()
            candidates = (languages.map { "\($0).lproj" } + ["Base.lproj"]).map { parent.appendingPathComponent($0).appendingPathComponent(name) }
        case .android:
            candidates = [folder.deletingLastPathComponent().appendingPathComponent("values").appendingPathComponent(name)]
        case .arb:
            if let underscore = name.firstIndex(of: "_") {
                candidates = languages.map { folder.appendingPathComponent(name[..<underscore] + "_\($0).arb") }
            }
        case .i18next:
            candidates = languages.map { folder.deletingLastPathComponent().appendingPathComponent($0).appendingPathComponent(name) }
        }
        return candidates.filter { $0.standardizedFileURL.path != url.standardizedFileURL.path }.map(\.path)
    }

    /// Whether the file stands where the platform keeps the source: Android `values/` and any
    /// `values-QUALIFIERS/` whose qualifiers name no locale (`values-night`, `values-v21`,
    /// `values-sw600dp`: the default language for another configuration), `Base.lproj`.
    func isSourcePlace(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        switch self {
        case .appleStrings, .stringsDict: return folder == "Base.lproj"
        case .android: return folder == "values" || (folder.hasPrefix("values-") && Self.androidLocale(ofFolder: folder) == nil)
        case .arb, .i18next: return false
        }
    }

    /// Whether the file is the source by its place: the platform's source folder (`isSourcePlace`),
    /// or a place in the source language (`sourceLanguage`, else English). `language` is the
    /// file's own when it was read (ARB `@@locale`), else its place's. A regional variant of the
    /// source language (`en-GB.lproj`, `values-en-rGB` for an `en` source) is a translation.
    func isSource(_ path: String, language: String?, sourceLanguage: String?) -> Bool {
        if isSourcePlace(path) { return true }
        guard let language = language ?? self.language(of: path) else { return false }
        let source = (sourceLanguage ?? "en").replacingOccurrences(of: "_", with: "-")
        let own = language.replacingOccurrences(of: "_", with: "-")
        return own.caseInsensitiveCompare(source) == .orderedSame || own.caseInsensitiveCompare(LanguageSubtag.primary(of: source)) == .orderedSame
    }

    /// The locale an Android resource folder's qualifiers name, by aapt2's grammar: after the
    /// optional mobile country and network codes (`mcc310`, `mnc004`) comes either a BCP 47 tag
    /// (`b+sr+Latn` → `sr-Latn`) or a two- or three-letter language with an optional region
    /// (`de`, `pt-rBR` → `pt-BR`); whatever follows (`night`, `land`, `v21`) is another qualifier.
    /// The language must be one ICU knows (ISO 639), so `values-land` or `values-tv` names none.
    static func androidLocale(ofFolder name: String) -> String? {
        guard name.hasPrefix("values-") else { return nil }
        var parts = name.dropFirst(7).split(separator: "-", omittingEmptySubsequences: false)[...]
        for prefix in ["mcc", "mnc"] {
            if let first = parts.first, first.hasPrefix(prefix), first.count > 3, first.dropFirst(3).allSatisfy(\.isASCII),
               first.dropFirst(3).allSatisfy(\.isNumber) {
                parts = parts.dropFirst()
            }
        }
        guard let first = parts.first else { return nil }
        let tag: String
        if first.hasPrefix("b+") {
            tag = first.dropFirst(2).replacingOccurrences(of: "+", with: "-")
        } else {
            // aapt2 reads `car` as the car-dock UI mode, never as the language code it also is.
            guard (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }), first != "car" else { return nil }
            let region = parts.dropFirst().first
            if let region, region.count == 3, region.first == "r", region.dropFirst().allSatisfy({ $0.isASCII && $0.isLetter }) {
                tag = "\(first)-\(region.dropFirst().uppercased())"
            } else {
                tag = String(first)
            }
        }
        do {
            _ = try LanguageTag(tag)
            return tag
        } catch {
            // Malformed or an unknown language: the qualifier names a configuration, not a locale.
            return nil
        }
    }

    /// The language a translation's place gives it.
    func language(of path: String) -> String? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        switch self {
        case .appleStrings, .stringsDict:
            let name = folder.lastPathComponent
            guard name.hasSuffix(".lproj"), !name.hasPrefix("Base") else { return nil }
            return String(name.dropLast(6)).replacingOccurrences(of: "_", with: "-")
        case .android:
            return Self.androidLocale(ofFolder: folder.lastPathComponent)
        case .arb:
            // app_fr.arb, app_pt_BR.arb
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return name.split(separator: "_").dropFirst().joined(separator: "-").nilIfEmpty
        case .i18next:
            // Only i18next's own layout (`locales/fr/x.json`) names the language by a folder: two
            // `.json` files paired by `--source` elsewhere are in `--target-lang`, whatever the
            // folder they happen to lie in (`app/`, `fra/`) is called.
            guard ResourceFormat(path: path) == .i18next else { return nil }
            return ResourceFormat.languageOfFolder(folder)
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
