import Foundation

/// The language a file is in, as its name says, and how a scan of many files uses it.
///
/// A file named `article.de.txt`, or kept under a folder `de/` (`de/article.txt`), is German. In a
/// scan, such a file is checked as its language, not as `--target-lang`; and when the source
/// language is known (`--source-lang`, `source_language:`), a file in it is a source: it is paired
/// with its translation beside it (`article.de.txt` with `article.en.txt`, `de/article.txt` with
/// `en/article.txt`) and never checked as a translation itself.
public enum FileLanguage {
    /// The language tag a path names: the part before the extension (`article.pt-BR.md`), else the
    /// nearest folder named as a language (`docs/de/intro.md`); `nil` when neither does. A tag
    /// is a two-letter ISO 639-1 code, optionally with script and region (`sr-Latn`, `pt-BR`).
    public static func language(ofPath path: String) -> String? {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = components.last else { return nil }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 3, !parts[0].isEmpty, let tag = languageTag(parts[parts.count - 2]) { return tag }
        for folder in components.dropLast().reversed() {
            if let tag = languageTag(folder) { return tag }
        }
        return nil
    }

    /// The same path with its language (as `language(ofPath:)` found it) replaced by `language`.
    public static func path(_ path: String, inLanguage language: String) -> String? {
        guard let current = self.language(ofPath: path) else { return nil }
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = components.last else { return nil }
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 3, !parts[0].isEmpty, languageTag(parts[parts.count - 2]) == current {
            parts[parts.count - 2] = language
            components[components.count - 1] = parts.joined(separator: ".")
            return components.joined(separator: "/")
        }
        guard let folder = components.dropLast().lastIndex(where: { languageTag($0) == current }) else { return nil }
        components[folder] = language
        return components.joined(separator: "/")
    }

    /// What a scan checks, given the paths it collected: each text file as its own language, a
    /// translation with its source beside it, and no source file as a translation. `skipped` are
    /// the source-language files left out, for a note to the user.
    public static func inputs(for paths: [String], targetLanguage: String, sourceLanguage: String?,
                              exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) })
        -> (inputs: [LintSession.Input], skipped: [String]) {
        var inputs: [LintSession.Input] = []
        var skipped: [String] = []
        let source = sourceLanguage.map(LanguageSubtag.primary(of:))
        for path in paths {
            guard path != "-", !BilingualFileLoader.isBilingual(path: path), let language = language(ofPath: path) else {
                inputs.append(LintSession.input(for: path))
                continue
            }
            if let source, LanguageSubtag.primary(of: language) == source {
                skipped.append(path)
                continue
            }
            let sourcePath = sourceLanguage.flatMap { tag in
                [tag, LanguageSubtag.primary(of: tag)].lazy.compactMap { self.path(path, inLanguage: $0) }.first(where: exists)
            }
            inputs.append(.translation(path: path, language: language, source: sourcePath))
        }
        return (inputs, skipped)
    }

    private static let isoLanguages: Set<String> = Set(Locale.LanguageCode.isoLanguageCodes.map(\.identifier)
        .filter { $0.count == 2 })

    /// `text` if it is a language tag as files and folders are named: `de`, `pt-BR`, `pt_BR`,
    /// `sr-Latn`, `zh-Hant-TW` (returned with hyphens).
    static func languageTag(_ text: String) -> String? {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false).flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let primary = subtags.first, primary.count == 2, primary.allSatisfy({ $0.isASCII && $0.isLowercase }),
              isoLanguages.contains(String(primary)) else { return nil }
        for subtag in subtags.dropFirst() {
            let isScript = subtag.count == 4 && subtag.allSatisfy { $0.isASCII && $0.isLetter }
            let isRegion = (subtag.count == 2 && subtag.allSatisfy { $0.isASCII && $0.isUppercase })
                || (subtag.count == 3 && subtag.allSatisfy { $0.isASCII && $0.isNumber })
            guard isScript || isRegion else { return nil }
        }
        return subtags.joined(separator: "-")
    }
}
