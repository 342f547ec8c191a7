import Foundation
import LectorText

/// Reads Flutter Application Resource Bundles (`.arb`): a JSON object of message ids and ICU
/// MessageFormat strings. `@@locale` is the file's language; `@id` entries (descriptions,
/// placeholders) and other `@@` keys are metadata, not messages. A message with a plural or select
/// is one unit: its arguments are compared by the placeholder engine, the text of its branches is
/// checked as text.
enum ARBReader {
    static func read(contentsOf path: String) throws(InputError) -> ResourceFile {
        try read(data: XMLDocumentWalker.contents(of: path), name: path)
    }

    static func read(data: Data, name: String) throws(InputError) -> ResourceFile {
        let root = try LocatedJSON.parse([UInt8](data), file: name)
        guard let members = root.members else { throw InputError(file: name, line: root.line, message: "an ARB file is a JSON object") }
        var entries: [ResourceEntry] = []
        for (key, value) in members where !key.hasPrefix("@") {
            guard let text = value.string else {
                throw InputError(file: name, line: value.line, message: "the message “\(key)” is not a string")
            }
            var segment = SegmentText(text: text, line: value.line, column: value.column)
            segment.verbatimRuns = value.runs
            entries.append(ResourceEntry(key: key, text: segment))
        }
        let language = root["@@locale"]?.string ?? ResourceFormat.arb.language(of: name)
        return ResourceFile(path: name, language: language, format: "arb", entries: entries)
    }
}

/// Reads i18next JSON (`locales/fr/translation.json`): nested objects flattened to dotted keys
/// (`menu.file.open`), arrays indexed (`steps.0`). Plural keys (`item_one`, `item_other`, also
/// `item_0` in the older v3 style and ordinal `item_ordinal_one`) form one plural message per base key.
enum I18nextReader {
    static let categories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    static func read(contentsOf path: String) throws(InputError) -> ResourceFile {
        try read(data: XMLDocumentWalker.contents(of: path), name: path)
    }

    static func read(data: Data, name: String) throws(InputError) -> ResourceFile {
        let root = try LocatedJSON.parse([UInt8](data), file: name)
        guard root.members != nil else { throw InputError(file: name, line: root.line, message: "an i18next file is a JSON object") }
        var entries: [ResourceEntry] = []
        func walk(_ value: LocatedJSON, _ key: String) {
            switch value.node {
            case .object(let members):
                for (name, member) in members { walk(member, key.isEmpty ? name : "\(key).\(name)") }
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, "\(key).\(index)") }
            case .string(let text):
                var segment = SegmentText(text: text, line: value.line, column: value.column)
                segment.verbatimRuns = value.runs
                var entry = ResourceEntry(key: key, text: segment)
                if let underscore = key.lastIndex(of: "_") {
                    let suffix = String(key[key.index(after: underscore)...])
                    if categories.contains(suffix) {
                        entry.pluralGroup = String(key[..<underscore])
                        entry.pluralCategory = suffix
                    }
                }
                entries.append(entry)
            default:
                break
            }
        }
        walk(root, "")
        return ResourceFile(path: name, language: ResourceFormat.i18next.language(of: name), format: "i18next", entries: entries)
    }
}
