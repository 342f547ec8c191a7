import LectorText
import Foundation

/// Reads Android resource files (`res/values*/strings.xml`): `<string>`, `<plurals>` with their
/// `<item quantity="…">`, and `<string-array>` items. Strings marked `translatable="false"` are
/// skipped. Text is read as Android does: outside `"…"` runs of white space become one space and the
/// ends are trimmed; `\n`, `\t`, `\'`, `\"`, `\@`, `\?`, `\\` and `\uXXXX` are escapes. Inline
/// markup (`<b>`, `<i>`, `<xliff:g id="count">%d</xliff:g>`) is kept as codes, like XLIFF's.
/// A `maxLength` attribute (also `tools:maxLength`) is the string's length limit.
enum AndroidStringsReader {
    static func read(contentsOf path: String) throws(InputError) -> ResourceFile {
        try read(data: XMLDocumentWalker.contents(of: path), name: path)
    }

    static func read(data: Data, name: String) throws(InputError) -> ResourceFile {
        let builder = AndroidBuilder(file: name)
        try XMLDocumentWalker.walk(data, name: name, handler: builder)
        return ResourceFile(path: name, language: ResourceFormat.android.language(of: name), format: "android", entries: builder.entries)
    }

    static let vocabulary = InlineMarkupVocabulary(roles: ["g": .code], identifierAttributes: ["id"])

    /// Android's reading of a resource string: quotes, white space and escapes.
    static func resolve(_ raw: String) -> String { AndroidText.resolve(raw) }
}

/// How Android reads the text of a resource string.
public enum AndroidText {
    /// Outside `"…"` runs of white space become one space and the ends are trimmed; `\n`, `\t`,
    /// `\uXXXX` and `\` before any other character are escapes.
    public static func resolve(_ raw: String) -> String {
        var result = String.UnicodeScalarView()
        var inQuotes = false
        var pendingSpace = false
        let scalars = Array(raw.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                inQuotes.toggle()
                index += 1
                continue
            }
            if scalar == "\\", index + 1 < scalars.count {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                let escaped = scalars[index + 1]
                index += 2
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "u":
                    let hex = String(String.UnicodeScalarView(scalars[index..<min(index + 4, scalars.count)]))
                    if let value = UInt32(hex, radix: 16), let code = Unicode.Scalar(value) {
                        result.append(code)
                        index += 4
                    }
                default: result.append(escaped)
                }
                continue
            }
            if !inQuotes, scalar.properties.isWhitespace {
                pendingSpace = true
                index += 1
                continue
            }
            if pendingSpace, !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
            index += 1
        }
        return String(result)
    }
}

private final class AndroidBuilder: XMLDocumentHandler {
    let file: String
    var entries: [ResourceEntry] = []
    private var depth = 0
    /// The current `<plurals>` or `<string-array>`: its name and the next array index.
    private var container: (kind: String, name: String, index: Int, maxLength: Int?)?
    private var current: (key: String, collector: InlineMarkupCollector, category: String?, maxLength: Int?, depth: Int)?

    init(file: String) {
        self.file = file
    }

    private static func maxLength(_ tag: XMLStartTag) -> Int? {
        (tag.attributes["maxLength"] ?? tag.attributes["tools:maxLength"]).flatMap { Int($0) }
    }

    func start(_ tag: XMLStartTag) throws(InputError) {
        depth += 1
        if current != nil {
            current!.collector.start(tag)
            return
        }
        let translatable = tag.attributes["translatable"] != "false"
        switch tag.name {
        case "string" where depth == 2:
            guard let name = tag.attributes["name"] else {
                throw InputError(file: file, line: tag.line, message: "<string> without a name")
            }
            if translatable {
                current = (name, InlineMarkupCollector(vocabulary: AndroidStringsReader.vocabulary, segment: tag), nil,
                           Self.maxLength(tag), depth)
            }
        case "plurals" where depth == 2, "string-array" where depth == 2:
            guard let name = tag.attributes["name"] else {
                throw InputError(file: file, line: tag.line, message: "<\(tag.name)> without a name")
            }
            container = translatable ? (tag.name, name, 0, Self.maxLength(tag)) : nil
        case "item" where depth == 3:
            guard var container else { return }
            let key: String
            var category: String?
            if container.kind == "plurals" {
                guard let quantity = tag.attributes["quantity"] else {
                    throw InputError(file: file, line: tag.line, message: "<item> of <plurals name=\"\(container.name)\"> without a quantity")
                }
                key = "\(container.name)|\(quantity)"
                category = quantity
            } else {
                key = "\(container.name)|\(container.index)"
                container.index += 1
                self.container = container
            }
            current = (key, InlineMarkupCollector(vocabulary: AndroidStringsReader.vocabulary, segment: tag), category,
                       Self.maxLength(tag) ?? container.maxLength, depth)
        default:
            break
        }
    }

    func characters(_ text: String) {
        if current != nil { current!.collector.characters(text) }
    }

    func end(_ name: String, line: Int) throws(InputError) {
        defer { depth -= 1 }
        if let open = current {
            if depth > open.depth {
                _ = current!.collector.end()
                return
            }
            let segment = open.collector.segment
            let text = AndroidStringsReader.resolve(segment.text)
            let group = open.category != nil ? container?.name : nil
            entries.append(ResourceEntry(key: open.key, text: SegmentText(text: text, inlineCodes: segment.inlineCodes,
                                                                          line: segment.line, column: segment.column),
                                         pluralGroup: group, pluralCategory: open.category, maxLength: open.maxLength))
            current = nil
            return
        }
        if depth == 2, name == "plurals" || name == "string-array" { container = nil }
    }
}
