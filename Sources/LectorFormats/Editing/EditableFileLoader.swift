import Foundation
import LectorText

/// Reads a file the way `check` reads it and `fix` writes it, by its extension: a bilingual file
/// (XLIFF, TMX, PO, JSON Lines) as its targets, HTML and Markdown as their prose, anything else as
/// plain text without its URLs, e-mail addresses and file paths (`PlainText`). See `EditableText`.
public enum EditableFileLoader {
    /// - Parameters:
    ///   - source: for a resource file, the source file named for it (else the platform's
    ///     convention finds it), as `check` pairs them.
    ///   - sourceLanguage: the project's source language, as `check` is given it: a resource file
    ///     in that language is the source, and any other is a translation (default `en`).
    public static func load(path: String, source: String? = nil, sourceLanguage: String? = nil) throws(InputError) -> EditableText {
        try read(XMLDocumentWalker.contents(of: path), path: path, source: source, sourceLanguage: sourceLanguage)
    }

    public static func read(_ data: Data, path: String, source: String? = nil, sourceLanguage: String? = nil) throws(InputError) -> EditableText {
        if BilingualFileLoader.isResourceOrCatalog(path: path)
            || source.map({ BilingualFileLoader.isResourcePair(target: path, source: $0) }) == true {
            return try BilingualFileLoader.editableResource(data, path: path, source: source, sourceLanguage: sourceLanguage)
        }
        if BilingualFileLoader.isBilingual(path: path) {
            let file = try BilingualFileLoader.load(data: data, path: path, mappingTargets: true)
            return .bilingual(file, original: [UInt8](data))
        }
        switch MarkupFormat(path: path) {
        case .html?: return try HTMLText.editableText(data, path: path)
        case .markdown?: return try MarkdownText.editableText(data, path: path)
        case nil:
            var text = try PlainText.editableText(data, path: path)
            text.unfixableReason = structuredFormatReason(path: path)
            return text
        }
    }

    /// Why `fix` must not write a file that is read as plain text although its extension says it
    /// is data or code (`messages.json` outside `locales/LANG/`, `strings.xml` outside
    /// `res/values-LANG/`, `app.yml`, `Strings.properties`): its keys, ids and syntax would be
    /// rewritten as if they were prose. `check` still reads it. `nil` for a text file.
    static func structuredFormatReason(path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        guard structuredExtensions.contains(ext) else { return nil }
        let known = switch ext {
        case "json": "JSON only as i18next resources (`locales/LANG/NAME.json`) and JSON Lines (`.jsonl`)"
        case "xml": "XML only as XLIFF, TMX, HTML and Android resources (`res/values-LANG/NAME.xml`)"
        default: "no .\(ext) file"
        }
        return "Lector reads this .\(ext) file as plain text, so a fix could change its keys, ids or syntax; "
            + "it fixes \(known)"
    }

    /// Extensions of data and code files, which are never prose throughout.
    static let structuredExtensions: Set<String> = [
        "json", "json5", "xml", "yaml", "yml", "toml", "ini", "cfg", "conf", "properties", "plist", "csv", "tsv",
        "resx", "resw", "rc", "js", "mjs", "cjs", "jsx", "ts", "tsx", "vue", "svelte", "py", "rb", "php", "java", "kt",
        "swift", "c", "h", "cc", "cpp", "hpp", "m", "mm", "go", "rs", "cs", "sh", "bash", "sql", "css", "scss", "less", "lua",
    ]

    /// Reads the document `check` reads for the text file at `path`.
    public static func checkedDocument(path: String) throws(InputError) -> SourceDocument {
        try checkedDocument(XMLDocumentWalker.contents(of: path), path: path)
    }

    /// The document `check` reads for a text file: for HTML and Markdown, the prose alone; for plain
    /// text, everything but URLs, e-mail addresses and file paths.
    public static func checkedDocument(_ data: Data, path: String) throws(InputError) -> SourceDocument {
        switch MarkupFormat(path: path) {
        case .html?: try HTMLText.editableText(data, path: path).document
        case .markdown?: try MarkdownText.editableText(data, path: path).document
        case nil: try PlainText.checkedDocument(data, path: path)
        }
    }
}

/// Text formats whose markup `check` and `fix` leave alone, by file extension (any case).
enum MarkupFormat {
    case html, markdown

    init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm", "xhtml": self = .html
        case "md", "markdown": self = .markdown
        default: return nil
        }
    }
}

