import Foundation
import LectorText

/// Loads a bilingual file by its extension: `.xlf`/`.xliff` (XLIFF 1.2 and 2.x), `.tmx`, `.po`/`.pot`,
/// `.jsonl`/`.ndjson`. The extension is compared without regard to case.
public enum BilingualFileLoader {
    public static func load(path: String) throws(InputError) -> BilingualFile {
        switch Format(path: path) {
        case .xliff: try XLIFFReader.read(contentsOf: path)
        case .tmx: try TMXReader.read(contentsOf: path)
        case .po: try POReader.read(contentsOf: path)
        case .jsonLines: try JSONLinesReader.read(contentsOf: path)
        case nil: throw InputError(file: path, message:
            "unknown bilingual format; use .xlf, .xliff, .tmx, .po, .pot, .jsonl or .ndjson")
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

    /// Whether the path names a bilingual file by its extension (the file is not opened).
    public static func isBilingual(path: String) -> Bool {
        Format(path: path) != nil
    }

    private enum Format {
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
