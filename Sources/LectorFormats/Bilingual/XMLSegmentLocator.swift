import Foundation
import LectorText

/// Finds where the text of segment elements (`<target>`, `<seg>`) stands in the bytes of an XML
/// file, for `fix`: XMLParser gives no byte offsets, so the bytes are scanned once more.
///
/// A segment is found by its element's number in document order (`XMLStartTag.ordinal`): in a
/// document that XMLParser accepted and that declares no entities, start tags in the bytes and
/// start events of the parser correspond one to one. Inside the segment, character data between
/// tags is read as the collector reads it (the content of code elements such as `<ph>` is not text,
/// `<cp hex>` is a character, `\r\n` is `\n`), and the stretches written without a reference or a
/// carriage return become verbatim runs. The caller compares the decoded text with the parser's: if
/// they differ, nothing in that segment is fixed.
///
/// Only UTF-8 files are located (a UTF-16 or Latin-1 file would need its replacement re-encoded).
enum XMLSegmentLocator {
    /// A segment to locate: its element's number (`SegmentText.elementOrdinal`), its text as the
    /// parser read it, and its place in the answer (`slot`).
    struct Wanted {
        let ordinal: Int
        let text: String
        let slot: Int
    }

    /// The runs (segment-relative UTF-16 offsets, absolute byte offsets) of each wanted segment,
    /// at its `slot` of an answer of `slots` entries: `nil` for a segment not found, or whose text
    /// as decoded here differs from the parser's, and for every segment of a file that is not UTF-8.
    static func locate(_ bytes: [UInt8], _ wanted: [Wanted], slots: Int, vocabulary: InlineMarkupVocabulary) -> [[VerbatimRun]?] {
        var found = [[VerbatimRun]?](repeating: nil, count: slots)
        guard isUTF8(bytes) else { return found }
        var scanner = Scanner(bytes: bytes, vocabulary: vocabulary)
        var ordinal = -1
        segments(sortedByOrdinal(wanted), scanner: &scanner, ordinal: &ordinal, into: &found)
        return found
    }

    /// `wanted` in ascending element numbers; a reader's segments come in document order, so it
    /// is mostly returned as it is.
    private static func sortedByOrdinal(_ wanted: [Wanted]) -> [Wanted] {
        for index in wanted.indices.dropFirst() where wanted[index - 1].ordinal > wanted[index].ordinal {
            return wanted.sorted { $0.ordinal < $1.ordinal }
        }
        return wanted
    }

    /// Walks `scanner`'s start tags, counting elements from `ordinal` (the last one counted), and
    /// reads the content of those whose number is in `wanted` (sorted by it); the runs of each
    /// whose text is the one decoded go to its slot of `found`. The text is compared as it is
    /// decoded, in the scanner's own buffer: a `String` of every segment was made only for that.
    private static func segments(_ wanted: [Wanted], scanner: inout Scanner, ordinal: inout Int, into found: inout [[VerbatimRun]?]) {
        var next = 0
        while next < wanted.count, let tag = scanner.nextStartTag() {
            ordinal += 1
            while next < wanted.count, wanted[next].ordinal < ordinal { next += 1 }
            guard next < wanted.count, wanted[next].ordinal == ordinal else { continue }
            let element = ordinal
            let runs: [VerbatimRun]
            if tag.isEmpty {
                scanner.decoded.removeAll(keepingCapacity: true)
                runs = []
            } else if let content = scanner.readContent() {
                runs = content.runs
                ordinal += content.elements
            } else {
                break
            }
            // Every segment with this element number (one, in the readers) is compared alone.
            while next < wanted.count, wanted[next].ordinal == element {
                if scanner.decodedEquals(wanted[next].text) { found[wanted[next].slot] = runs }
                next += 1
            }
        }
    }

    /// `units` with each target's verbatim runs: empty for a target whose text as located differs
    /// from the parser's, or for a file that is not UTF-8. With `locating`, each target with runs
    /// also gets its `positions`, as `BilingualFile.locatingTargets` would set them afterwards;
    /// doing it here spares that second pass its copy of every unit.
    static func mapTargets(of units: consuming [BilingualUnit], in bytes: [UInt8], vocabulary: InlineMarkupVocabulary,
                           locating: Bool = false) -> [BilingualUnit] {
        var units = units
        let found = locate(bytes, wantedTargets(of: units), slots: units.count, vocabulary: vocabulary)
        var lines = FileLineIndex(bytes: locating ? bytes : [])
        // Each target is changed where it lies in the array: taken out and put back, it was
        // a copy of every reference it holds.
        for index in units.indices where units[index].target != nil {
            if let runs = found[index] {
                units[index].target!.verbatimRuns = runs
                // `FileLineIndex` answers by byte offset alone, so the positions are those a later
                // whole-file pass would give.
                if locating, units[index].target!.positions.isEmpty { units[index].target!.locatePositions(in: &lines) }
            } else {
                units[index].target!.verbatimRuns = []
            }
        }
        return units
    }

    /// The units' targets to locate, each at its unit's index.
    private static func wantedTargets(of units: [BilingualUnit]) -> [Wanted] {
        var wanted: [Wanted] = []
        wanted.reserveCapacity(units.count)
        for index in units.indices {
            if let target = units[index].target { wanted.append(Wanted(ordinal: target.elementOrdinal, text: target.text, slot: index)) }
        }
        return wanted
    }

    /// Locates the targets of a streamed file (`XMLUnitStream`) batch by batch: the bytes fed to the
    /// parser are kept from the end of the last located segment on, so memory stays that of a few
    /// blocks, and element numbers and lines carry on from batch to batch.
    struct Resumable {
        private var buffer: [UInt8] = []
        /// The file offset of `buffer[0]`, and its line and column.
        private var base = 0
        private var line = 1
        private var column = 1
        private var ordinal = -1
        private var isUTF8: Bool?

        mutating func append(_ bytes: UnsafeRawBufferPointer) {
            buffer.append(contentsOf: bytes)
        }

        /// `units` with their targets' verbatim runs and positions, as `mapTargets` and
        /// `BilingualFile.locatingTargets` give them for the whole file.
        mutating func locateTargets(of units: [BilingualUnit], vocabulary: InlineMarkupVocabulary) -> [BilingualUnit] {
            if isUTF8 == nil {
                // Decided on the XML declaration (or the first tag); each segment's bytes are checked
                // as they are decoded, against the parser's text.
                let end = buffer.firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? buffer.count
                isUTF8 = XMLSegmentLocator.isUTF8(Array(buffer[..<end]))
            }
            guard isUTF8 == true else { return units }
            let wanted = XMLSegmentLocator.wantedTargets(of: units)
            guard !wanted.isEmpty else { return units }
            var scanner = Scanner(bytes: buffer, vocabulary: vocabulary)
            var found = [[VerbatimRun]?](repeating: nil, count: units.count)
            XMLSegmentLocator.segments(XMLSegmentLocator.sortedByOrdinal(wanted), scanner: &scanner, ordinal: &ordinal, into: &found)
            var lines = FileLineIndex(bytes: buffer, line: line, column: column, byteOffset: base)
            var mapped = units
            for index in mapped.indices where mapped[index].target != nil {
                if let runs = found[index] {
                    mapped[index].target!.verbatimRuns = runs.map { VerbatimRun(text: $0.text, byteOffset: $0.byteOffset + base, escaping: $0.escaping) }
                    mapped[index].target!.locatePositions(in: &lines)
                } else {
                    mapped[index].target!.verbatimRuns = []
                }
            }
            let consumed = scanner.index
            (line, column) = lines.position(ofByte: base + consumed)
            buffer.removeFirst(consumed)
            base += consumed
            return mapped
        }
    }

    /// UTF-8 without a byte-order mark of another encoding, declared UTF-8 or undeclared, and valid.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return false }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if body.starts(with: Array("<?xml".utf8)), let end = body.firstIndex(of: UInt8(ascii: ">")) {
            let declaration = String(decoding: body[..<end], as: UTF8.self).lowercased()
            if let range = declaration.range(of: "encoding") {
                let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
                guard value.hasPrefix("utf-8") || value.hasPrefix("utf8") else { return false }
            }
        }
        // Validated where the bytes lie: a `String` of them was a copy of the whole file.
        return UTF8Bytes.isValid(body)
    }

    private struct Scanner {
        let bytes: [UInt8]
        let vocabulary: InlineMarkupVocabulary
        var index = 0
        /// The text of the segment `readContent` read last, as the collector reads it (UTF-8);
        /// one buffer for every segment.
        var decoded: [UInt8] = []

        init(bytes: [UInt8], vocabulary: InlineMarkupVocabulary) {
            self.bytes = bytes
            self.vocabulary = vocabulary
        }

        struct Tag {
            /// Where the local name (after any prefix) stands in the bytes: a range, not a slice,
            /// which would retain the file's array for every tag of it.
            let name: Range<Int>
            /// The whole tag, `<` to `>`.
            let range: Range<Int>
            let isEmpty: Bool
        }

        /// Whether `literal` (ASCII) stands at `position`. The literals are static, so they are
        /// compared as bytes, without a `String` view or a generic sequence comparison per `<`.
        private func matches(_ literal: StaticString, at position: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + position, literal.utf8Start, count) == 0 }
        }

        /// The index after the first `literal` at or after `position` (the end of the bytes if none).
        private func after(_ literal: StaticString, from position: Int) -> Int {
            let first = literal.utf8Start.pointee
            var index = position
            while index < bytes.count {
                guard let found = UTF8Bytes.firstIndex(of: first, in: bytes, from: index) else { break }
                if matches(literal, at: found) { return found + literal.utf8CodeUnitCount }
                index = found + 1
            }
            return bytes.count
        }

        /// Skips what is not an element at `index` (which holds `<`): comment, CDATA, declaration,
        /// processing instruction or end tag. Returns `false` when `index` starts a start tag.
        private mutating func skipNonElement() -> Bool {
            // Each of them has `!`, `?` or `/` after its `<`: a start tag is told at once.
            guard index + 1 < bytes.count else { return false }
            let second = bytes[index + 1]
            guard second == UInt8(ascii: "!") || second == UInt8(ascii: "?") || second == UInt8(ascii: "/") else { return false }
            if matches("<!--", at: index) {
                index = after("-->", from: index + 4)
            } else if matches("<![CDATA[", at: index) {
                index = after("]]>", from: index + 9)
            } else if matches("<!", at: index) {
                skipDeclaration()
            } else if matches("<?", at: index) {
                index = after("?>", from: index + 2)
            } else if matches("</", at: index) {
                index = after(">", from: index + 2)
            } else {
                return false
            }
            return true
        }

        /// `<!DOCTYPE …>` with an internal subset in brackets and quoted literals.
        private mutating func skipDeclaration() {
            var depth = 0
            var quote: UInt8?
            index += 2
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if let open = quote {
                    if byte == open { quote = nil }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: ">") where depth <= 0: return
                default: break
                }
            }
        }

        /// The start tag at `index`; moves past it.
        private mutating func readTag() -> Tag {
            let start = index
            var nameEnd = index + 1
            while nameEnd < bytes.count, !Self.endsName(bytes[nameEnd]) { nameEnd += 1 }
            var localStart = index + 1
            for position in (index + 1)..<nameEnd where bytes[position] == UInt8(ascii: ":") { localStart = position + 1 }
            var quote: UInt8?
            var position = nameEnd
            while position < bytes.count {
                let byte = bytes[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                position += 1
            }
            index = min(position + 1, bytes.count)
            let isEmpty = position > start && position < bytes.count && bytes[position - 1] == UInt8(ascii: "/")
            return Tag(name: localStart..<nameEnd, range: start..<index, isEmpty: isEmpty)
        }

        private static func endsName(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
        }

        /// The next start tag, skipping everything else.
        mutating func nextStartTag() -> Tag? {
            while index < bytes.count {
                // `memchr` to the next `<`: between two tags lie a segment's text and the file's
                // indentation, a byte loop's worth of most of the file.
                guard let open = UTF8Bytes.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: index) else {
                    index = bytes.count
                    return nil
                }
                index = open
                if skipNonElement() { continue }
                return readTag()
            }
            return nil
        }

        /// Whether `text`'s UTF-8 is `decoded`.
        func decodedEquals(_ text: String) -> Bool {
            let count = decoded.count
            guard text.utf8.count == count else { return false }
            return decoded.withUnsafeBufferPointer { mine in
                text.utf8.withContiguousStorageIfAvailable { theirs in
                    count == 0 || memcmp(mine.baseAddress!, theirs.baseAddress!, count) == 0
                } ?? mine.elementsEqual(text.utf8)
            }
        }

        /// The content of the element whose start tag was just read, up to and past its end tag:
        /// its verbatim runs and how many elements it holds; the text as the collector reads it
        /// is left in `decoded`.
        mutating func readContent() -> (runs: [VerbatimRun], elements: Int)? {
            var text: [UInt8] = []
            swap(&text, &decoded)
            text.removeAll(keepingCapacity: true)
            var units = 0
            var runs: [VerbatimRun] = []
            var runStart: (byte: Int, unit: Int)?
            var depth = 0
            var codeDepth = 0
            var elements = 0
            // The last text came from an entity or a line break XML rewrites, so its end is an
            // anchor (`VerbatimRun.anchor`) where the markup after it starts.
            var afterEscape = false

            func closeRun(at byte: Int) {
                if let start = runStart, units > start.unit {
                    runs.append(VerbatimRun(text: start.unit..<units, byteOffset: start.byte, escaping: .xmlText))
                }
                runStart = nil
            }
            func appendDecoded(_ scalar: Unicode.Scalar) {
                text.append(contentsOf: String(scalar).utf8)
                units += scalar.utf16.count
            }

            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    closeRun(at: index)
                    if afterEscape { runs.append(.anchor(at: units, byteOffset: index)) }
                    afterEscape = false
                    if matches("</", at: index) {
                        index = after(">", from: index + 2)
                        if depth == 0 {
                            decoded = text
                            return (runs, elements)
                        }
                        depth -= 1
                        if codeDepth > 0 { codeDepth -= 1 }
                        continue
                    }
                    if matches("<![CDATA[", at: index) {
                        let start = index + 9
                        index = after("]]>", from: start)
                        guard codeDepth == 0 else { continue }
                        appendCDATA(start..<max(start, index - 3), text: &text, units: &units, runs: &runs)
                        continue
                    }
                    if skipNonElement() { continue }
                    let tag = readTag()
                    elements += 1
                    if codeDepth > 0 {
                        if !tag.isEmpty {
                            codeDepth += 1
                            depth += 1
                        }
                        continue
                    }
                    switch vocabulary.roles[String(decoding: bytes[tag.name], as: UTF8.self)] ?? .paired {
                    case .code:
                        if !tag.isEmpty { codeDepth = 1 }
                    case .codePoint:
                        if let hex = attribute("hex", in: tag.range), let value = UInt32(hex, radix: 16),
                           let scalar = Unicode.Scalar(value) {
                            appendDecoded(scalar)
                        }
                    case .paired, .transparent:
                        break
                    }
                    if !tag.isEmpty { depth += 1 }
                    continue
                }
                if codeDepth > 0 {
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "&") {
                    closeRun(at: index)
                    runs.append(.anchor(at: units, byteOffset: index))
                    afterEscape = true
                    let end = after(";", from: index + 1)
                    guard let scalar = Self.reference(bytes[(index + 1)..<max(index + 1, end - 1)]) else { return nil }
                    appendDecoded(scalar)
                    index = end
                    continue
                }
                if byte == 0x0D {
                    // XML reads `\r\n` and `\r` as `\n`: not verbatim.
                    closeRun(at: index)
                    runs.append(.anchor(at: units, byteOffset: index))
                    afterEscape = true
                    appendDecoded("\n")
                    index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    continue
                }
                if runStart == nil { runStart = (index, units) }
                afterEscape = false
                // The plain stretch up to the next byte the loop above would stop at, copied at once.
                var end = index
                while end < bytes.count {
                    let plain = bytes[end]
                    if plain == UInt8(ascii: "<") || plain == UInt8(ascii: "&") || plain == 0x0D { break }
                    units += Self.utf16Count(ofLeadByte: plain)
                    end += 1
                }
                text.append(contentsOf: bytes[index..<end])
                index = end
            }
            return nil
        }

        /// A CDATA section's content: verbatim but for carriage returns.
        private func appendCDATA(_ range: Range<Int>, text: inout [UInt8], units: inout Int, runs: inout [VerbatimRun]) {
            var runStart: (byte: Int, unit: Int)?
            var position = range.lowerBound
            func close() {
                if let start = runStart, units > start.unit {
                    runs.append(VerbatimRun(text: start.unit..<units, byteOffset: start.byte, escaping: .xmlCDATA))
                }
                runStart = nil
            }
            while position < range.upperBound {
                let byte = bytes[position]
                if byte == 0x0D {
                    close()
                    text.append(0x0A)
                    units += 1
                    position += position + 1 < range.upperBound && bytes[position + 1] == 0x0A ? 2 : 1
                    continue
                }
                if runStart == nil { runStart = (position, units) }
                text.append(byte)
                units += Self.utf16Count(ofLeadByte: byte)
                position += 1
            }
            close()
        }

        /// The value of an attribute of the tag in `range` (no entity in it is decoded).
        private func attribute(_ name: String, in range: Range<Int>) -> String? {
            let tag = String(decoding: bytes[range], as: UTF8.self)
            guard let found = tag.range(of: #"\s\#(name)\s*=\s*(["'])([^"']*)\1"#, options: .regularExpression) else { return nil }
            let match = tag[found]
            guard let equals = match.firstIndex(of: "=") else { return nil }
            return String(match[match.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\"'")))
        }

        /// `lt`, `#233`, `#xE9` … (the five predefined entities and character references).
        static func reference(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
            let string = String(decoding: name, as: UTF8.self)
            switch string {
            case "lt": return "<"
            case "gt": return ">"
            case "amp": return "&"
            case "apos": return "'"
            case "quot": return "\""
            default:
                guard string.hasPrefix("#") else { return nil }
                let digits = string.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                return value.flatMap(Unicode.Scalar.init)
            }
        }

        /// UTF-16 units of the scalar a UTF-8 byte starts (0 for a continuation byte).
        @inline(__always)
        static func utf16Count(ofLeadByte byte: UInt8) -> Int {
            if byte & 0xC0 == 0x80 { return 0 }
            return byte >= 0xF0 ? 2 : 1
        }
    }
}
