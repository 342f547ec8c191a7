import LectorText
import Foundation

/// Reads Android resource files (`res/values*/strings.xml`): `<string>`, `<plurals>` with their
/// `<item quantity="…">`, and `<string-array>` items. Strings marked `translatable="false"` are
/// skipped. Text is read as Android does: outside `"…"` runs of white space become one space and the
/// ends are trimmed; `\n`, `\t`, `\'`, `\"`, `\@`, `\?`, `\\` and `\uXXXX` are escapes. Inline
/// markup (`<b>`, `<i>`, `<xliff:g id="count">%d</xliff:g>`) is kept as codes, like XLIFF's.
/// A `maxLength` attribute (also `tools:maxLength`) is the string's length limit.
///
/// With `mappingTargets`, each string of a UTF-8 file is located in the bytes (`XMLSegmentLocator`),
/// and the stretches that Android reads as written — no escape, entity, quote or folded white
/// space in them — become verbatim runs, written with `ReplacementEscaping.androidString`.
enum AndroidStringsReader {
    static func read(contentsOf path: String, mappingTargets: Bool = false) throws(InputError) -> ResourceFile {
        try read(data: XMLDocumentWalker.contents(of: path), name: path, mappingTargets: mappingTargets)
    }

    static func read(data: Data, name: String, mappingTargets: Bool = false) throws(InputError) -> ResourceFile {
        let builder = AndroidBuilder(file: name)
        try XMLDocumentWalker.walk(data, name: name, handler: builder)
        var entries = builder.entries
        if mappingTargets { entries = mapped(entries, raw: builder.rawTexts, in: [UInt8](data)) }
        return ResourceFile(path: name, language: ResourceFormat.android.language(of: name), format: "android", entries: entries)
    }

    /// Runs of the resolved text: where a verbatim stretch of the raw text (`AndroidText.resolveMapped`)
    /// meets a verbatim run of the XML, the text stands as is in the file.
    private static func mapped(_ entries: [ResourceEntry], raw: [String], in bytes: [UInt8]) -> [ResourceEntry] {
        // Each element is compared with the raw text its entry was resolved from.
        let wanted = zip(entries.indices, raw).map { XMLSegmentLocator.Wanted(ordinal: entries[$0].text.elementOrdinal, text: $1, slot: $0) }
        let located = XMLSegmentLocator.locate(bytes, wanted, slots: entries.count, vocabulary: vocabulary)
        return zip(zip(entries, raw), located).map { pair, xmlRuns in
            var entry = pair.0
            let raw = pair.1
            var runs: [VerbatimRun] = []
            if let xmlRuns {
                let resolved = AndroidText.resolveMapped(raw)
                let rawUnits = Array(raw.utf16)
                for piece in resolved.verbatim {
                    for run in xmlRuns where run.text.overlaps(piece.raw) {
                        let lower = max(run.text.lowerBound, piece.raw.lowerBound)
                        let upper = min(run.text.upperBound, piece.raw.upperBound)
                        var byte = run.byteOffset
                        for unit in rawUnits[run.text.lowerBound..<lower] { byte += SourceDocument.utf8Length(of: unit) }
                        let start = piece.resolved.lowerBound + (lower - piece.raw.lowerBound)
                        runs.append(VerbatimRun(text: start..<(start + upper - lower), byteOffset: byte,
                                                escaping: .androidString(in: run.escaping)))
                    }
                }
                runs += escapeAnchors(resolved, raw: rawUnits, xmlRuns: xmlRuns)
            }
            var text = entry.text
            text.verbatimRuns = runs
            entry.text = text
            return entry
        }
    }

    /// Anchor runs (`VerbatimRun.anchor`) where the resolved text is not copied from the raw text
    /// (an escape): at the start of each such gap and at the end of a text that ends
    /// in one, so that a finding there is reported at the escape, not at the next character
    /// written as is. Quotes and the white space Android trims produce no text: the anchor
    /// stands after them.
    private static func escapeAnchors(_ resolved: (text: String, verbatim: [(resolved: Range<Int>, raw: Range<Int>)]),
                                      raw: [UInt16], xmlRuns: [VerbatimRun]) -> [VerbatimRun] {
        func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D }
        func byte(ofRaw offset: Int) -> Int? {
            let run = xmlRuns.first { $0.text.lowerBound <= offset && offset < $0.text.upperBound }
                ?? xmlRuns.first { $0.text.lowerBound == offset }
                ?? xmlRuns.last { $0.text.upperBound == offset }
            guard let run else { return nil }
            var byte = run.byteOffset
            for unit in raw[run.text.lowerBound..<offset] { byte += SourceDocument.utf8Length(of: unit) }
            return byte
        }
        // The XML's own anchors (entities) where Android copies the text they stand in.
        var anchors: [VerbatimRun] = []
        for run in xmlRuns where run.text.isEmpty {
            let offset = run.text.lowerBound
            if let piece = resolved.verbatim.first(where: { $0.raw.lowerBound <= offset && offset <= $0.raw.upperBound }) {
                anchors.append(.anchor(at: piece.resolved.lowerBound + offset - piece.raw.lowerBound, byteOffset: run.byteOffset))
            }
        }
        var resolvedEnd = 0
        var rawEnd = 0
        for piece in resolved.verbatim {
            if piece.resolved.lowerBound > resolvedEnd {
                var start = rawEnd
                while start < piece.raw.lowerBound, raw[start] == 0x22 || (resolvedEnd == 0 && isSpace(raw[start])) { start += 1 }
                if let byte = byte(ofRaw: start) { anchors.append(.anchor(at: resolvedEnd, byteOffset: byte)) }
            }
            resolvedEnd = piece.resolved.upperBound
            rawEnd = piece.raw.upperBound
        }
        let total = resolved.text.utf16.count
        if total > resolvedEnd {
            var start = rawEnd
            while start < raw.count, raw[start] == 0x22 || (resolvedEnd == 0 && isSpace(raw[start])) { start += 1 }
            if let byte = byte(ofRaw: start) { anchors.append(.anchor(at: resolvedEnd, byteOffset: byte)) }
            var end = raw.count
            while end > start, raw[end - 1] == 0x22 || isSpace(raw[end - 1]) { end -= 1 }
            if let byte = byte(ofRaw: end) { anchors.append(.anchor(at: total, byteOffset: byte)) }
        }
        return anchors
    }

    static let vocabulary = InlineMarkupVocabulary(roles: ["g": .code], identifierAttributes: ["id"])

    /// Android's reading of a resource string: quotes, white space and escapes.
    static func resolve(_ raw: String) -> String { AndroidText.resolve(raw) }
}

/// How Android reads the text of a resource string.
public enum AndroidText {
    /// Outside `"…"` runs of white space become one space and the ends are trimmed; `\n`, `\t`,
    /// `\uXXXX` and `\` before any other character are escapes.
    public static func resolve(_ raw: String) -> String { resolveMapped(raw).text }

    /// `resolve`, and the stretches of the result that are copied from `raw` as they stand there
    /// (UTF-16 offsets in both): characters that are not escapes, quotes or folded white space,
    /// and a single space that Android keeps.
    static func resolveMapped(_ raw: String) -> (text: String, verbatim: [(resolved: Range<Int>, raw: Range<Int>)]) {
        var result = String.UnicodeScalarView()
        var resolvedUnits = 0
        var verbatim: [(resolved: Range<Int>, raw: Range<Int>)] = []
        var inQuotes = false
        /// Folded white space outside quotes: where it started in `raw`, and whether it is one space.
        var pending: (raw: Int, single: Bool)?
        let scalars = Array(raw.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        offsets.append(offset)
        /// Appends `scalar`, copied from `raw` at `rawOffset` when it is not `nil`.
        func emit(_ scalar: Unicode.Scalar, from rawOffset: Int?) {
            let length = scalar.utf16.count
            if let rawOffset {
                if let last = verbatim.last, last.resolved.upperBound == resolvedUnits, last.raw.upperBound == rawOffset {
                    verbatim[verbatim.count - 1] = (last.resolved.lowerBound..<(resolvedUnits + length), last.raw.lowerBound..<(rawOffset + length))
                } else {
                    verbatim.append((resolvedUnits..<(resolvedUnits + length), rawOffset..<(rawOffset + length)))
                }
            }
            result.append(scalar)
            resolvedUnits += length
        }
        func flushSpace() {
            if let space = pending, !result.isEmpty { emit(" ", from: space.single ? space.raw : nil) }
            pending = nil
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                inQuotes.toggle()
                index += 1
                continue
            }
            if scalar == "\\", index + 1 < scalars.count {
                flushSpace()
                let escaped = scalars[index + 1]
                index += 2
                switch escaped {
                case "n": emit("\n", from: nil)
                case "t": emit("\t", from: nil)
                case "u":
                    let hex = String(String.UnicodeScalarView(scalars[index..<min(index + 4, scalars.count)]))
                    if let value = UInt32(hex, radix: 16), let code = Unicode.Scalar(value) {
                        emit(code, from: nil)
                        index += 4
                    }
                default: emit(escaped, from: nil)
                }
                continue
            }
            if !inQuotes, scalar.properties.isWhitespace {
                if let space = pending {
                    pending = (space.raw, false)
                } else {
                    pending = (offsets[index], scalar == " ")
                }
                index += 1
                continue
            }
            flushSpace()
            emit(scalar, from: offsets[index])
            index += 1
        }
        return (String(result), verbatim)
    }
}

private final class AndroidBuilder: XMLDocumentHandler {
    let file: String
    var entries: [ResourceEntry] = []
    /// Each entry's text as the XML gives it, before Android resolves it.
    var rawTexts: [String] = []
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

    var wantsCharacters: Bool { current != nil }

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
            var text = SegmentText(text: AndroidStringsReader.resolve(segment.text), inlineCodes: segment.inlineCodes,
                                   line: segment.line, column: segment.column)
            text.elementOrdinal = segment.elementOrdinal
            let group = open.category != nil ? container?.name : nil
            entries.append(ResourceEntry(key: open.key, text: text, pluralGroup: group, pluralCategory: open.category,
                                         maxLength: open.maxLength))
            rawTexts.append(segment.text)
            current = nil
            return
        }
        if depth == 2, name == "plurals" || name == "string-array" { container = nil }
    }
}
