import Foundation
import LectorICU

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
        nameLanguage(ofPath: path) ?? folderLanguage(ofPath: path)
    }

    /// The language tag of a file's own name (`article.pt-BR.md`), without its folders.
    static func nameLanguage(ofPath path: String) -> String? {
        guard let name = path.split(separator: "/", omittingEmptySubsequences: true).last else { return nil }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 3, !parts[0].isEmpty, let tag = languageTag(parts[parts.count - 2]) { return tag }
        return nil
    }

    /// The language of the nearest folder named as a language (`docs/de/intro.md`).
    static func folderLanguage(ofPath path: String) -> String? {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
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
        let scan = self.scan(paths, sourceLanguage: sourceLanguage, exists: exists)
        return (scan.inputs, scan.skipped)
    }

    /// What a scan checks (`inputs(for:…)`), and what it set aside, for notes to the user.
    public struct Scan: Equatable, Sendable {
        public var inputs: [LintSession.Input] = []
        /// Files in the source language, and resource files in the platform's source place
        /// (`values/`, `values-night/`, `Base.lproj`): read only as the source of a translation.
        public var skipped: [String] = []
        /// Files named on the command line under a folder named as a language other than the
        /// explicit `--target-lang` (`is/news.txt`): checked in `--target-lang`, not in the folder's.
        public var folderLanguagesSetAside: [SetAside] = []
    }

    /// A file whose folder names a language that the explicit `--target-lang` overrode.
    public struct SetAside: Equatable, Sendable {
        public let path: String
        /// The folder's language (`is`).
        public let language: String
        /// The folder's language in English (`Icelandic`), from CLDR.
        public var languageName: String { LanguageTag.englishName(of: language) }

        public init(path: String, language: String) {
            self.path = path
            self.language = language
        }
    }

    /// What a scan of `paths` checks.
    ///
    /// - A text file is checked in the language its name or folder gives (`language(ofPath:)`); with
    ///   a source language, a file in it is left out (`skipped`) and a file in another is paired
    ///   with the file beside it in the source language.
    /// - A mobile resource file in the source language (`de.lproj`, `values-de`, `app_de.arb`,
    ///   `locales/de/` for `de`) or the platform's source place (`values-night/`) is left out the
    ///   same way: pairing looks for the source in the source language, then in English, so a German
    ///   source file would otherwise be read as a translation of the English one.
    /// - `commandLineTargetLanguage`, the explicit `--target-lang`, wins over a folder's language
    ///   for the files in `named` (named on the command line, not found in a folder or by a glob):
    ///   a folder may be named for anything (`is/`, `it/`, `ht/`), while the option says what the
    ///   user means. A folder in the source language still makes its file a source, and a language
    ///   in the file's own name (`news.is.txt`) still wins.
    public static func scan(_ paths: [String], sourceLanguage: String?, named: Set<String> = [],
                            commandLineTargetLanguage: String? = nil,
                            exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> Scan {
        var scan = Scan()
        let source = sourceLanguage.map(LanguageSubtag.primary(of:))
        for path in paths {
            if path != "-", let sourceLanguage, BilingualFileLoader.isSourceResource(path: path, sourceLanguage: sourceLanguage) {
                scan.skipped.append(path)
                continue
            }
            guard path != "-", !BilingualFileLoader.isBilingual(path: path), var language = language(ofPath: path) else {
                scan.inputs.append(LintSession.input(for: path))
                continue
            }
            if let source, LanguageSubtag.primary(of: language) == source {
                scan.skipped.append(path)
                continue
            }
            if let explicit = commandLineTargetLanguage, named.contains(path), nameLanguage(ofPath: path) == nil {
                guard LanguageSubtag.primary(of: language) == LanguageSubtag.primary(of: explicit) else {
                    scan.folderLanguagesSetAside.append(SetAside(path: path, language: language))
                    scan.inputs.append(.text(path: path))
                    continue
                }
                language = explicit
            }
            let sourcePath = sourceLanguage.flatMap { tag in
                [tag, LanguageSubtag.primary(of: tag)].lazy.compactMap { self.path(path, inLanguage: $0) }.first(where: exists)
            }
            scan.inputs.append(.translation(path: path, language: language, source: sourcePath))
        }
        return scan
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
