import Foundation
import LectorText

/// Reads JSON Lines (`.jsonl`, `.ndjson`) into a `BilingualFile`: one JSON object per line, one unit
/// per object.
///
/// | key | required | meaning |
/// |---|---|---|
/// | `source` | yes | the source text (string) |
/// | `target` | no | the translation (string); missing or `null` means not translated yet |
/// | `id` | no | the unit's id, a string or a number |
/// | `source_lang`, `target_lang` | no | the file's languages: the first line that gives one wins |
///
/// Other keys are ignored and blank lines skipped. A segment's line is its line in the file (checks
/// outside Lector rely on this), and its column is `nil`. The text is kept as written: placeholders
/// such as `{0}` or `%s`, and tags such as `<b>`, stay in it.
public enum JSONLinesReader {
    public static func read(contentsOf path: String) throws(InputError) -> BilingualFile {
        try read(SourceDocument.load(path: path))
    }

    public static func read(data: Data, name: String) throws(InputError) -> BilingualFile {
        try read(SourceDocument.decode(data, path: name))
    }

    public static func read(_ document: SourceDocument) throws(InputError) -> BilingualFile {
        var sourceLanguage: String?
        var targetLanguage: String?
        var units: [BilingualUnit] = []
        for line in 1...document.lineCount {
            let text = document.lineText(line)
            guard !text.trimmingWhitespace().isEmpty else { continue }
            func error(_ message: String) -> InputError {
                InputError(file: document.path, line: line, message: message)
            }
            let parsed: Any
            do {
                parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
            } catch {
                let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                throw InputError(file: document.path, line: line,
                                 message: "not valid JSON" + (detail.map { " (\($0))" } ?? ""))
            }
            guard let object = parsed as? [String: Any] else { throw error("a line must be a JSON object") }
            guard let sourceValue = object["source"], !(sourceValue is NSNull) else {
                throw error("the object has no “source”")
            }
            guard let source = sourceValue as? String else { throw error("“source” is not a string") }
            var target: String?
            if let value = object["target"], !(value is NSNull) {
                guard let string = value as? String else { throw error("“target” is not a string") }
                target = string
            }
            var id: String?
            if let value = object["id"], !(value is NSNull) {
                if let string = value as? String {
                    id = string
                } else if let number = value as? NSNumber, !isBoolean(number) {
                    id = number.stringValue
                } else {
                    throw error("“id” is not a string or a number")
                }
            }
            if sourceLanguage == nil, let language = object["source_lang"] as? String, !language.isEmpty {
                sourceLanguage = language
            }
            if targetLanguage == nil, let language = object["target_lang"] as? String, !language.isEmpty {
                targetLanguage = language
            }
            units.append(BilingualUnit(id: id, source: SegmentText(text: source, line: line),
                                       target: target.map { SegmentText(text: $0, line: line) }))
        }
        return BilingualFile(path: document.path, sourceLanguage: sourceLanguage,
                             targetLanguage: targetLanguage, units: units)
    }

    /// JSON `true`/`false` arrive as NSNumber too, typed `c` (char); JSONSerialization makes no other `c`.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
