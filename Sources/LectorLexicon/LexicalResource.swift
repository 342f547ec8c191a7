import Foundation
import LectorMeCab

/// One lexical resource Lector can use: where it was found (or that it was not), the Debian package
/// that provides it, and what is weaker without it. `lector doctor` lists these.
public struct LexicalResource: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable { case hunspell, freeDict, wordNet, meCab }

    public let kind: Kind
    /// What it is, for people: `Hunspell dictionary ru`, `FreeDict de→en`, `WordNet 3.0`.
    public let name: String
    /// The languages it serves (one for Hunspell, source and target for FreeDict, `en` for WordNet).
    public let languages: [String]
    /// The Debian package that installs it (`hunspell-ru`, `dict-freedict-deu-eng`, `wordnet-base`).
    public let package: String
    /// Its file (the `.dic`, `.index`, or WordNet folder), `nil` when missing.
    public let path: String?
    /// What Lector does not do, or does less well, without it.
    public let weakens: String

    /// Why a file that was found is not used (a MeCab dictionary in EUC-JP), `nil` otherwise.
    public let refusal: String?

    public var isPresent: Bool { path != nil }
    /// Whether Debian packages the resource at all (FreeDict has no uk–en dictionary, for one).
    public var isPackaged: Bool { !package.isEmpty }

    public init(kind: Kind, name: String, languages: [String], package: String, path: String?, weakens: String,
                refusal: String? = nil) {
        self.kind = kind
        self.name = name
        self.languages = languages
        self.package = package
        self.path = path
        self.weakens = weakens
        self.refusal = refusal
    }

    // MARK: - Finding resources

    /// The Hunspell dictionary of a language: its `.aff` and `.dic` paths, or `nil`.
    public static func hunspellFiles(_ language: String, in paths: ResourcePaths) -> (affix: String, dictionary: String)? {
        let primary = LexicalLanguages.primary(language)
        var names = LexicalLanguages.hunspellNames[primary] ?? []
        // A regional tag (`de-CH`, `pt_BR`) prefers its own region's dictionary.
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" })
        if parts.count >= 2, parts[1].count == 2 { names.insert("\(primary)_\(parts[1].uppercased())", at: 0) }
        names.append(primary)
        for name in names {
            if let dictionary = paths.firstFile(named: ["\(name).dic"]) {
                let affix = String(dictionary.dropLast(4)) + ".aff"
                if FileManager.default.isReadableFile(atPath: affix) { return (affix, dictionary) }
            }
        }
        // Any other regional dictionary of the language (`xx_YY.dic`).
        for dictionary in paths.files(where: { $0.hasPrefix(primary + "_") && $0.hasSuffix(".dic") }) {
            let affix = String(dictionary.dropLast(4)) + ".aff"
            if FileManager.default.isReadableFile(atPath: affix) { return (affix, dictionary) }
        }
        return nil
    }

    /// The `.index` of the FreeDict dictionary `source → target`, or `nil`.
    public static func freeDictIndex(from source: String, to target: String, in paths: ResourcePaths) -> String? {
        let from = LexicalLanguages.freeDictCodes[LexicalLanguages.primary(source)] ?? []
        let to = LexicalLanguages.freeDictCodes[LexicalLanguages.primary(target)] ?? []
        let names = from.flatMap { f in to.map { "freedict-\(f)-\($0).index" } }
        return names.isEmpty ? nil : paths.firstFile(named: names)
    }

    /// The MeCab dictionary folder (with `sys.dic`) for Japanese: the first UTF-8 one in the search
    /// path (Debian's `/var/lib/mecab/dic/ipadic-utf8`), else the first one in another encoding
    /// (which `MeCabAnalyzer` refuses; `lector doctor` says so), else `nil`.
    public static func meCabDictionary(in paths: ResourcePaths) -> (folder: String, charset: String)? {
        var other: (folder: String, charset: String)?
        let manager = FileManager.default
        for folder in paths.folders {
            for subfolder in ["ipadic-utf8", "mecab/dic/ipadic-utf8", "debian", "ipadic", "mecab/dic/ipadic", ""] {
                let directory = subfolder.isEmpty ? folder : (folder as NSString).appendingPathComponent(subfolder)
                let dictionary = (directory as NSString).appendingPathComponent("sys.dic")
                guard manager.isReadableFile(atPath: dictionary) else { continue }
                let charset = MeCabAnalyzer.charset(ofDictionary: dictionary) ?? ""
                if MeCabAnalyzer.isUTF8(charset) { return (directory, charset) }
                if other == nil { other = (directory, charset) }
            }
        }
        return other
    }

    // MARK: - Catalog

    /// The languages `lector doctor` reports on when no pair is named.
    public static let coreLanguages = ["en", "de", "fr", "es", "it", "pl", "cs", "ru", "uk", "ja"]

    /// Every resource Lector can use for these languages: one Hunspell dictionary per language, the
    /// FreeDict dictionaries between each language and English (both directions) or between the pair,
    /// and WordNet.
    public static func catalog(languages: [String] = coreLanguages, pairs: [(String, String)]? = nil,
                               paths: ResourcePaths) -> [LexicalResource] {
        var result: [LexicalResource] = []
        var seen = Set<String>()
        let primaries = languages.map(LexicalLanguages.primary)
        for language in primaries where seen.insert("hunspell-\(language)").inserted {
            // Japanese has no Hunspell dictionary (Debian packages none); MeCab gives its lemmas.
            if language == "ja" {
                result.append(meCab(paths: paths))
            } else {
                result.append(hunspell(language, paths: paths))
            }
        }
        let allPairs = pairs ?? primaries.filter { $0 != "en" }.flatMap { [($0, "en"), ("en", $0)] }
        for (source, target) in allPairs {
            let from = LexicalLanguages.primary(source)
            let to = LexicalLanguages.primary(target)
            guard let resource = freeDict(from: from, to: to, paths: paths) else {
                // Both languages have FreeDict codes but Debian packages no dictionary between them.
                if from != to, LexicalLanguages.freeDictCode(from) != nil, LexicalLanguages.freeDictCode(to) != nil,
                   seen.insert("none-\(from)-\(to)").inserted {
                    result.append(LexicalResource(
                        kind: .freeDict, name: "FreeDict \(from)–\(to) dictionary", languages: [from, to], package: "", path: nil,
                        weakens: "no \(from)–\(to) translations from this direction (the reverse dictionary is read backwards if present)"))
                }
                continue
            }
            guard seen.insert(resource.package).inserted else { continue }
            result.append(resource)
        }
        result.append(wordNet(paths: paths))
        return result
    }

    public static func hunspell(_ language: String, paths: ResourcePaths) -> LexicalResource {
        let primary = LexicalLanguages.primary(language)
        let name = LexicalLanguages.name(primary)
        return LexicalResource(
            kind: .hunspell, name: "Hunspell dictionary \(primary) (\(name))", languages: [primary],
            package: LexicalLanguages.hunspellPackage(primary),
            path: hunspellFiles(language, in: paths)?.dictionary,
            weakens: "spelling checks off for \(name); inflected glossary matching and lemmas in \(name) off")
    }

    /// The FreeDict dictionary `source → target`, or `nil` when Debian has no such package and no
    /// file of that name is installed.
    public static func freeDict(from source: String, to target: String, paths: ResourcePaths) -> LexicalResource? {
        let path = freeDictIndex(from: source, to: target, in: paths)
        let codes = (LexicalLanguages.freeDictCode(source), LexicalLanguages.freeDictCode(target))
        guard let package = LexicalLanguages.freeDictPackage(from: source, to: target)
                ?? (path != nil ? codes.0.flatMap { f in codes.1.map { "dict-freedict-\(f)-\($0)" } } : nil) else { return nil }
        let pair = "\(source)–\(target)"
        return LexicalResource(
            kind: .freeDict, name: "FreeDict \(pair) dictionary", languages: [source, target], package: package,
            path: path,
            weakens: "omission/addition checks and names.missing have no \(pair) dictionary (the reverse one is used if present)")
    }

    /// MeCab's IPA dictionary in UTF-8 (Japanese lemmas). One in another encoding is found but refused.
    public static func meCab(paths: ResourcePaths) -> LexicalResource {
        let found = meCabDictionary(in: paths)
        let usable = found.map { MeCabAnalyzer.isUTF8($0.charset) } ?? false
        return LexicalResource(
            kind: .meCab, name: "MeCab dictionary ja (Japanese)", languages: ["ja"], package: "mecab-ipadic-utf8",
            path: usable ? found?.folder : nil,
            weakens: "Japanese lemmas off (行きました is looked up as written, not as 行く)",
            refusal: found.flatMap { usable ? nil : "\($0.folder) is \($0.charset.isEmpty ? "not UTF-8" : $0.charset), Lector reads UTF-8 dictionaries only" })
    }

    public static func wordNet(paths: ResourcePaths) -> LexicalResource {
        LexicalResource(
            kind: .wordNet, name: "WordNet 3.0 (English)", languages: ["en"], package: "wordnet-base",
            path: WordNet.locate(in: paths),
            weakens: "antonym checks off; English lemmas from Hunspell only; no English synonyms")
    }
}
