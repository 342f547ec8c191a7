import LectorText
import Foundation

/// Reads Apple `.stringsdict` property lists: for every key, its `NSStringLocalizedFormatKey` and
/// each variable's plural forms (`NSStringPluralRuleType`), or width and device variations. Units are
/// `key`, `key|variable|category` (a plural message: one group per variable), `key|width|…`.
///
/// With `mappingTargets`, each `<string>` of a UTF-8 file is located in the bytes
/// (`XMLSegmentLocator`) for `fix`, which writes XML character data there; a string whose located
/// text differs from the parser's is not mapped.
enum StringsDictReader {
    static func read(contentsOf path: String, mappingTargets: Bool = false) throws(InputError) -> ResourceFile {
        try read(data: XMLDocumentWalker.contents(of: path), name: path, mappingTargets: mappingTargets)
    }

    /// A property list's `<string>` holds no markup: every element in it is text's end.
    static let vocabulary = InlineMarkupVocabulary(roles: [:], identifierAttributes: [])

    static func read(data: Data, name: String, mappingTargets: Bool = false) throws(InputError) -> ResourceFile {
        let builder = PlistBuilder(file: name)
        try XMLDocumentWalker.walk(data, name: name, handler: builder)
        guard case .dictionary(let root)? = builder.root else {
            throw InputError(file: name, line: 1, message: "not a property list with a dictionary at its root")
        }
        var entries: [ResourceEntry] = []
        for (key, value) in root {
            guard case .dictionary(let message) = value.value else { continue }
            for (field, item) in message {
                switch item.value {
                case .string(let text) where field == "NSStringLocalizedFormatKey":
                    entries.append(ResourceEntry(key: key, text: item.segment(text)))
                case .dictionary(let variable):
                    let isPlural = variable.contains { $0.key == "NSStringFormatSpecTypeKey" && $0.value.string == "NSStringPluralRuleType" }
                    for (category, form) in variable where !category.hasPrefix("NSString") {
                        guard let text = form.string else { continue }
                        let group = "\(key)|\(field)"
                        entries.append(ResourceEntry(key: "\(group)|\(category)", text: form.segment(text),
                                                     pluralGroup: isPlural ? group : nil, pluralCategory: isPlural ? category : nil))
                    }
                default:
                    continue
                }
            }
        }
        if mappingTargets { entries = ResourceEntry.mapped(entries, in: [UInt8](data), vocabulary: vocabulary) }
        return ResourceFile(path: name, language: ResourceFormat.stringsDict.language(of: name), format: "stringsdict", entries: entries)
    }
}

extension ResourceEntry {
    /// `entries` with the verbatim runs of each text whose element (`SegmentText.elementOrdinal`)
    /// is found in `bytes` with the same text; the others get none, so nothing in them is fixed.
    static func mapped(_ entries: [ResourceEntry], in bytes: [UInt8], vocabulary: InlineMarkupVocabulary) -> [ResourceEntry] {
        let wanted = entries.indices.map { XMLSegmentLocator.Wanted(ordinal: entries[$0].text.elementOrdinal, text: entries[$0].text.text, slot: $0) }
        let found = XMLSegmentLocator.locate(bytes, wanted, slots: entries.count, vocabulary: vocabulary)
        return entries.indices.map { index in
            var entry = entries[index]
            entry.text.verbatimRuns = found[index] ?? []
            return entry
        }
    }
}

/// A property list value with where its text starts.
struct PlistValue {
    indirect enum Value {
        case dictionary([(key: String, value: PlistValue)])
        case array([PlistValue])
        case string(String)
        case other
    }

    let value: Value
    let line: Int
    let column: Int?
    /// The element's number in document order (`XMLStartTag.ordinal`), for a `<string>`.
    var ordinal = -1

    var string: String? { if case .string(let text) = value { text } else { nil } }

    /// `text` as the segment of this value, with its place in the file.
    func segment(_ text: String) -> SegmentText {
        var segment = SegmentText(text: text, line: line, column: column)
        segment.elementOrdinal = ordinal
        return segment
    }
}

/// Builds a plist tree from XML events (`<dict>`, `<key>`, `<string>`, `<array>`; other scalars as `.other`).
private final class PlistBuilder: XMLDocumentHandler {
    let file: String
    var root: PlistValue.Value?
    private var stack: [(kind: String, keys: [String], items: [PlistValue], line: Int, column: Int?)] = []
    private var text: String?
    private var textStart: (line: Int, column: Int?, ordinal: Int) = (1, nil, -1)
    private var pendingKey: String?

    init(file: String) {
        self.file = file
    }

    func start(_ tag: XMLStartTag) throws(InputError) {
        switch tag.name {
        case "dict", "array":
            stack.append((tag.name, [], [], tag.line, tag.contentColumn))
        case "key", "string":
            text = ""
            textStart = (tag.line, tag.contentColumn, tag.ordinal)
        default:
            break
        }
    }

    func characters(_ string: String) {
        if text != nil { text! += string }
    }

    func end(_ name: String, line: Int) throws(InputError) {
        switch name {
        case "key":
            guard let container = stack.last, container.kind == "dict" else {
                throw InputError(file: file, line: line, message: "<key> outside a <dict>")
            }
            stack[stack.count - 1].keys.append(text ?? "")
            text = nil
        case "string":
            add(PlistValue(value: .string(text ?? ""), line: textStart.line, column: textStart.column, ordinal: textStart.ordinal), line: line)
            text = nil
        case "dict", "array":
            guard let container = stack.popLast() else { return }
            let value: PlistValue.Value = container.kind == "dict"
                ? .dictionary(Array(zip(container.keys, container.items)).map { (key: $0.0, value: $0.1) })
                : .array(container.items)
            if stack.isEmpty {
                root = value
            } else {
                add(PlistValue(value: value, line: container.line, column: container.column), line: line)
            }
        case "plist":
            break
        default:
            add(PlistValue(value: .other, line: line, column: nil), line: line)
        }
    }

    private func add(_ value: PlistValue, line: Int) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].items.append(value)
    }
}
