import Foundation
import LectorText

/// Loads a bilingual file by its extension: `.xlf`/`.xliff` (XLIFF 1.2 and 2.x), `.tmx`, `.po`/`.pot`,
/// `.jsonl`/`.ndjson`. The extension is compared without regard to case.
public enum BilingualFileLoader {
    /// Reads a bilingual file, each target located in the file (`SegmentText.positions`), so that
    /// findings give the file's own line, column and byte offset.
    public static func load(path: String) throws(InputError) -> BilingualFile {
        guard Format(path: path) != nil else {
            throw InputError(file: path, message: "unknown bilingual format; use .xlf, .xliff, .tmx, .po, .pot, .jsonl or .ndjson")
        }
        // Where the reader locates the targets itself, a second pass (`locatingTargets`) would
        // only copy every unit to find nothing left to locate. The readers that read bytes get
        // the file as an array at once (`FileBytes.bytes`).
        switch Format(path: path) {
        case .xliff: return try XLIFFReader.read(bytes: FileBytes.bytes(path: path), name: path, mappingTargets: true, locatingTargets: true)
        case .tmx: return try TMXReader.read(data: XMLDocumentWalker.contents(of: path), name: path, mappingTargets: true, locatingTargets: true)
        // Each record's target is located on its own line as it is read.
        case .jsonLines: return try JSONLinesReader.read(bytes: FileBytes.bytes(path: path), name: path, mappingTargets: true)
        case .po: return try POReader.read(bytes: FileBytes.bytes(path: path), name: path, mappingTargets: true, locatingTargets: true)
        case nil:
            let data = try XMLDocumentWalker.contents(of: path)
            return try load(data: data, path: path, mappingTargets: true).locatingTargets(in: [UInt8](data))
        }
    }

    /// Reads a bilingual file from its bytes, its format told by `path`'s extension. With
    /// `mappingTargets`, each target says where its text stands in `data` (for `fix`).
    public static func load(data: Data, path: String, mappingTargets: Bool) throws(InputError) -> BilingualFile {
        switch Format(path: path) {
        case .xliff: try XLIFFReader.read(data: data, name: path, mappingTargets: mappingTargets)
        case .tmx: try TMXReader.read(data: data, name: path, mappingTargets: mappingTargets)
        case .po: try POReader.read(data: data, name: path, mappingTargets: mappingTargets)
        case .jsonLines: try JSONLinesReader.read(data: data, name: path, mappingTargets: mappingTargets)
        case nil: throw InputError(file: path, message:
            "unknown bilingual format; use .xlf, .xliff, .tmx, .po, .pot, .jsonl or .ndjson")
        }
    }

    /// Whether the path names a bilingual file by its extension (the file is not opened): also String
    /// Catalogs and the mobile resource formats (`ResourceFormat`), whose sources are found beside them.
    public static func isBilingual(path: String) -> Bool {
        Format(path: path) != nil || isStringCatalog(path) || ResourceFormat(path: path) != nil
    }

    /// Every bilingual file a path holds: one for the bilingual formats; one per translated language
    /// for a String Catalog (`.xcstrings`); for a mobile resource file (`.strings`, `.stringsdict`,
    /// Android `strings.xml`, ARB, i18next JSON), the translation paired with `source` or, without one,
    /// with its source by the platform's convention (`ResourceFormat.conventionalSource`). The source
    /// language's own resource file has no translation to check: it gives none.
    ///
    /// Unless `source` names its source, a file in `sourceLanguage` (default `en`) or in the
    /// platform's source folder (`isSourceResource`) is the source itself and gives no file, even
    /// with a file in another language beside it. A translation whose source is not found is
    /// checked alone (`BilingualFile.sourceNotFound` lists where its source was looked for).
    public static func loadAll(path: String, source: String? = nil, sourceLanguage: String? = nil) throws(InputError) -> [BilingualFile] {
        try loadAll(path: path, source: source, sourceLanguage: sourceLanguage, mappingTargets: false)
    }

    static func loadAll(path: String, source: String? = nil, sourceLanguage: String? = nil,
                        mappingTargets: Bool) throws(InputError) -> [BilingualFile] {
        guard isStringCatalog(path) || ResourceFormat(path: path) != nil
                || source.flatMap({ ResourceFormat.forPair(target: path, source: $0) }) != nil else {
            return [try load(path: path)]
        }
        // Targets are always located: check reports through their positions, fix writes through them.
        let data = try XMLDocumentWalker.contents(of: path)
        let bytes = [UInt8](data)
        if isStringCatalog(path) {
            return try StringCatalogReader.read(data: data, name: path, mappingTargets: true).map { $0.locatingTargets(in: bytes) }
        }
        let format = (ResourceFormat(path: path) ?? source.flatMap({ ResourceFormat.forPair(target: path, source: $0) }))!
        let target = try format.read(data: data, name: path, mappingTargets: true)
        // The source's own file (`values/`, `values-night/`, `Base.lproj`, `de.lproj` in a German
        // project) has no translation in it, whatever lies beside it: looked for first, it would
        // be paired with the English file as a translation of it, and `fix` would rewrite it.
        // An explicit `--source` is the user's own pairing and is taken as given. Without a source
        // language given, English is the source only where nothing else is: `en.lproj` beside
        // `Base.lproj` is the English translation of a project developed in `Base`.
        if source == nil, sourceLanguage != nil || format.isSourcePlace(path),
           format.isSource(path, language: target.language, sourceLanguage: sourceLanguage) {
            return []
        }
        guard let sourcePath = source ?? format.conventionalSource(of: path, sourceLanguage: sourceLanguage) else {
            if format.isSource(path, language: target.language, sourceLanguage: sourceLanguage) { return [] }
            // A translation whose source is missing is checked alone, and says where its source
            // was looked for.
            return [ResourcePairing.alone(target, lookedFor: format.sourceCandidates(of: path, sourceLanguage: sourceLanguage))
                .locatingTargets(in: bytes)]
        }
        let sourceFile = try (ResourceFormat(path: sourcePath) ?? format).read(sourcePath)
        return [ResourcePairing.pair(source: sourceFile, target: target).locatingTargets(in: bytes)]
    }

    /// Whether a translation and the source named for it are resource files paired by key (two
    /// `.strings`, two Android `.xml`, two i18next `.json` …) rather than texts aligned by sentence.
    public static func isResourcePair(target: String, source: String) -> Bool {
        ResourceFormat(path: target) != nil || ResourceFormat.forPair(target: target, source: source) != nil
    }

    /// Whether the path names a file that pairs each string with its own source (XLIFF, TMX, PO,
    /// JSON Lines, a String Catalog), by its extension: such a file neither takes a source file
    /// (`--source`) nor is one.
    public static func carriesItsOwnSource(path: String) -> Bool {
        Format(path: path) != nil || isStringCatalog(path)
    }

    /// Why `source` cannot be the source file of `target`, when one of them pairs its own source;
    /// `nil` when they can be paired (as texts aligned by sentence, or as two resource files).
    public static func pairingError(target: String, source: String) -> InputError? {
        if carriesItsOwnSource(path: target) {
            return InputError(file: target, message: "\(formatName(target)) pairs each string with its own source, "
                + "so --source \(source) does not apply; check it without --source")
        }
        if carriesItsOwnSource(path: source) {
            return InputError(file: source, message: "\(formatName(source)) holds source and translation, so it is not "
                + "the source text of \(target) (--source); check it as a FILE itself")
        }
        return nil
    }

    /// "a PO file", "an XLIFF file", … for messages.
    private static func formatName(_ path: String) -> String {
        switch Format(path: path) {
        case .xliff: "an XLIFF file"
        case .tmx: "a TMX file"
        case .po: "a PO file"
        case .jsonLines: "a JSON Lines file"
        case nil: "a String Catalog"
        }
    }

    /// Whether a mobile resource file is a source by its place alone (the file is not opened):
    /// the platform's source folder (Android `values/` and its qualifiers that name no locale,
    /// `values-night/`; `Base.lproj`) or a place in `sourceLanguage` (else English): `de.lproj`,
    /// `values-de`, `app_de.arb`, `locales/de/` in a German project. Such a file has nothing to
    /// check and is never fixed. `false` for any other path.
    public static func isSourceResource(path: String, sourceLanguage: String?) -> Bool {
        guard let format = ResourceFormat(path: path) else { return false }
        return format.isSource(path, language: nil, sourceLanguage: sourceLanguage)
    }

    /// Whether the path is a String Catalog or a mobile resource file rather than one of the
    /// bilingual formats proper.
    package static func isResourceOrCatalog(path: String) -> Bool {
        Format(path: path) == nil && (isStringCatalog(path) || ResourceFormat(path: path) != nil)
    }

    /// A String Catalog or resource file for `fix`: the translation paired with its source, its
    /// targets located in `data`, so that only those may change. A String Catalog gives every
    /// translated language (`EditableText.languages`), each to be checked with its own languages.
    package static func editableResource(_ data: Data, path: String, source: String? = nil,
                                         sourceLanguage: String? = nil) throws(InputError) -> EditableText {
        let original = [UInt8](data)
        if isStringCatalog(path) {
            let files = try StringCatalogReader.read(data: data, name: path, mappingTargets: true).map { $0.locatingTargets(in: original) }
            let all = BilingualFile(path: path, sourceLanguage: files.first?.sourceLanguage, targetLanguage: nil,
                                    units: files.flatMap(\.units), format: "xcstrings")
            let combined = EditableText.bilingual(all, original: original)
            return EditableText(document: combined.document, original: original, runs: combined.runs,
                                bilingual: files.first, languages: files)
        }
        let files = try loadAll(path: path, source: source, sourceLanguage: sourceLanguage, mappingTargets: true)
        guard let file = files.first else {
            return EditableText(document: SourceDocument.assembled(path: path, segments: []), original: original, runs: [])
        }
        var text = EditableText.bilingual(file, original: original)
        if ResourceFormat(path: path) == .appleStrings, (try AppleStringsReader.decode(data, name: path)).utf8Start == nil {
            // Not mapped (`AppleStringsReader`): said so, rather than as XML's encoding.
            text.unfixableReason = "the file is UTF-16, and fix writes UTF-8 files only"
        }
        return text
    }

    static func isStringCatalog(_ path: String) -> Bool { path.lowercased().hasSuffix(".xcstrings") }

    enum Format {
        case xliff, tmx, po, jsonLines

        init?(path: String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            switch name[name.index(after: dot)...].lowercased() {
            case "xlf", "xliff": self = .xliff
            case "tmx": self = .tmx
            case "po", "pot": self = .po
            case "jsonl", "ndjson": self = .jsonLines
            default: return nil
            }
        }
    }
}
