import Foundation
import LectorText

/// Markdown (CommonMark with GitHub's bare links) as `check` reads it and `fix` writes it: only
/// prose. Not prose, so masked: fenced and indented code blocks, YAML front matter, link reference
/// definitions (a footnote definition's label; its text is prose), HTML comments and `script`/`style`/`pre` blocks, code spans, HTML tags with their
/// attributes, autolinks and bare URLs, the destination and title of links and images (their text
/// and `alt` are prose), reference labels, backslash escapes and character references.
///
/// Time is linear: blocks are found line by line; inside a paragraph the code spans, brackets and
/// parentheses are paired with stacks and queues once, and each byte is looked at a bounded number
/// of times.
public enum MarkdownText: EditableFormat {
    public static func editableText(_ data: Data, path: String) throws(InputError) -> EditableText {
        let bytes = [UInt8](data)
        var builder = MaskedTextBuilder(bytes: bytes)
        bytes.withUnsafeBufferPointer { buffer in
            let reader = BlockReader(bytes: buffer)
            // A definition may follow the links that use it, so all labels are read first.
            let labels = reader.referenceLabels()
            reader.read { paragraph in
                InlineScanner(bytes: bytes, range: paragraph, labels: labels).scan(into: &builder)
            }
        }
        return try builder.build(path: path)
    }

    /// Byte offsets where the file may be cut so that each piece reads as it does within the whole
    /// (`TextWindows`): starts of lines at the top level of the block structure (not in a fence,
    /// comment or HTML block) that follow a blank line, are not indented, and are not `---` (which
    /// a piece would take for the start of front matter). There no paragraph, code block or list
    /// indentation carries over from the lines before.
    public static func cutPoints(in bytes: UnsafeBufferPointer<UInt8>, _ cut: (Int) -> Void) {
        BlockReader(bytes: bytes).read(paragraph: { _ in }, boundary: cut)
    }

    /// Finds the blocks line by line and hands each run of prose lines to `paragraph`.
    struct BlockReader {
        let bytes: UnsafeBufferPointer<UInt8>

        struct Line {
            let range: Range<Int>
            /// Columns of leading indentation (a tab counts to the next multiple of 4).
            let indent: Int
            /// First byte after the indentation.
            let contentStart: Int
            var isBlank: Bool { contentStart >= range.upperBound }
        }

        func lines() -> [Line] {
            var lines: [Line] = []
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var contentEnd = end
                if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                var indent = 0
                var content = start
                while content < contentEnd, bytes[content] == 0x20 || bytes[content] == 0x09 {
                    indent += bytes[content] == 0x09 ? 4 - indent % 4 : 1
                    content += 1
                }
                lines.append(Line(range: start..<contentEnd, indent: indent, contentStart: content))
                if end >= bytes.count { break }
                start = end + 1
            }
            return lines
        }

        private func starts(_ line: Line, with literal: String, caseInsensitive: Bool = false) -> Bool {
            let utf8 = literal.utf8
            guard line.contentStart + utf8.count <= line.range.upperBound else { return false }
            return zip(bytes[line.contentStart...], utf8).allSatisfy { (caseInsensitive ? $0.asciiLowercased : $0) == $1 }
        }

        private func contains(_ line: Line, _ literal: String) -> Bool {
            let utf8 = Array(literal.utf8)
            var position = line.contentStart
            while position + utf8.count <= line.range.upperBound {
                if bytes[position..<(position + utf8.count)].elementsEqual(utf8) { return true }
                position += 1
            }
            return false
        }

        /// A fence opening (``` or ~~~, at least three, indented at most three columns).
        private func fence(_ line: Line) -> (byte: UInt8, count: Int)? {
            guard line.indent < 4, line.contentStart < line.range.upperBound else { return nil }
            let byte = bytes[line.contentStart]
            guard byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") else { return nil }
            var count = 0
            while line.contentStart + count < line.range.upperBound, bytes[line.contentStart + count] == byte { count += 1 }
            return count >= 3 ? (byte, count) : nil
        }

        /// The labels of the document's link reference definitions (`InlineScanner.normalizedLabel`),
        /// wherever they stand: `[Kiev]` and `[Kiev][]` use theirs as link text.
        func referenceLabels() -> Set<[UInt8]> {
            var labels: Set<[UInt8]> = []
            for line in lines() where isReferenceDefinition(line) {
                var end = line.contentStart + 1
                while bytes[end] != UInt8(ascii: "]") { end += 1 }
                labels.insert(InlineScanner.normalizedLabel(bytes[(line.contentStart + 1)..<end]))
            }
            return labels
        }

        /// A link reference definition `[label]: destination "title"` on one line.
        private func isReferenceDefinition(_ line: Line) -> Bool {
            guard line.indent < 4, line.contentStart < line.range.upperBound, bytes[line.contentStart] == UInt8(ascii: "[") else {
                return false
            }
            var position = line.contentStart + 1
            while position < line.range.upperBound, bytes[position] != UInt8(ascii: "]") { position += 1 }
            return position + 1 < line.range.upperBound && bytes[position + 1] == UInt8(ascii: ":")
        }

        /// Where the text of a footnote definition `[^label]: text` starts (GitHub's footnotes),
        /// when the line is one and has text after the label.
        private func footnoteText(_ line: Line) -> Int? {
            guard line.contentStart + 1 < line.range.upperBound, bytes[line.contentStart + 1] == UInt8(ascii: "^") else { return nil }
            var position = line.contentStart + 2
            while position < line.range.upperBound, bytes[position] != UInt8(ascii: "]") { position += 1 }
            position += 2  // `]:`, as `isReferenceDefinition` found them
            while position < line.range.upperBound, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            return position < line.range.upperBound ? position : nil
        }

        /// The content column of a list item's marker (`- `, `* `, `+ `, `1. `, `1) `), if the line starts one.
        private func listContentIndent(_ line: Line) -> Int? {
            var position = line.contentStart
            guard position < line.range.upperBound else { return nil }
            let byte = bytes[position]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                position += 1
            } else {
                let digits = position
                while position < line.range.upperBound, (0x30...0x39).contains(bytes[position]), position - digits < 9 { position += 1 }
                guard position > digits, position < line.range.upperBound,
                      bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ")") else { return nil }
                position += 1
            }
            guard position == line.range.upperBound || bytes[position] == 0x20 || bytes[position] == 0x09 else { return nil }
            return line.indent + (position - line.contentStart) + 1
        }

        func read(paragraph: (Range<Int>) -> Void, boundary: (Int) -> Void = { _ in }) {
            let lines = lines()
            var index = 0
            var paragraphStart: Int?
            var paragraphEnd = 0
            /// Content column of the list the text is in (0: none), for telling code from list content.
            var listIndent = 0
            var previousBlank = true
            /// The paragraph is a footnote definition's text.
            var inFootnote = false
            func endParagraph() {
                if let start = paragraphStart { paragraph(start..<paragraphEnd) }
                paragraphStart = nil
                inFootnote = false
            }
            // YAML front matter: `---` on the first line, closed by `---` or `...`.
            if let first = lines.first, bytes[first.range].elementsEqual("---".utf8) {
                if let close = lines.dropFirst().firstIndex(where: {
                    bytes[$0.range].elementsEqual("---".utf8) || bytes[$0.range].elementsEqual("...".utf8)
                }) {
                    index = close + 1
                }
            }
            while index < lines.count {
                let line = lines[index]
                if previousBlank, paragraphStart == nil, index > 0, line.indent == 0, !line.isBlank,
                   !bytes[line.range].elementsEqual("---".utf8) {
                    boundary(line.range.lowerBound)
                }
                if line.isBlank {
                    endParagraph()
                    previousBlank = true
                    index += 1
                    continue
                }
                defer { previousBlank = false }
                if let open = fence(line) {
                    endParagraph()
                    index += 1
                    while index < lines.count {
                        let closing = fence(lines[index])
                        index += 1
                        if let closing, closing.byte == open.byte, closing.count >= open.count { break }
                    }
                    continue
                }
                if paragraphStart == nil, previousBlank || index == 0, line.indent >= listIndent + 4 {
                    index += 1  // indented code
                    continue
                }
                if previousBlank, line.indent == 0, listContentIndent(line) == nil { listIndent = 0 }
                if let content = listContentIndent(line), line.indent < listIndent + 4 { listIndent = content }
                if paragraphStart == nil || inFootnote, isReferenceDefinition(line) {
                    // A footnote definition's label is a label, but what follows `]:` is the
                    // footnote's text: prose, as a paragraph (lines after it continue it, up to
                    // the next definition).
                    endParagraph()
                    if let text = footnoteText(line) {
                        paragraphStart = text
                        paragraphEnd = line.range.upperBound
                        inFootnote = true
                    }
                    index += 1
                    continue
                }
                if line.indent < 4, starts(line, with: "<!--") {
                    endParagraph()
                    while index < lines.count, !contains(lines[index], "-->") { index += 1 }
                    index += 1
                    continue
                }
                if line.indent < 4, let closing = ["script", "style", "pre", "textarea"].first(where: { starts(line, with: "<" + $0, caseInsensitive: true) }) {
                    endParagraph()
                    while index < lines.count, !contains(lines[index], "</" + closing) { index += 1 }
                    index += 1
                    continue
                }
                if paragraphStart == nil { paragraphStart = line.range.lowerBound }
                paragraphEnd = line.range.upperBound
                index += 1
            }
            endParagraph()
        }
    }

    /// Prose and syntax within one paragraph (a run of lines, their breaks included).
    struct InlineScanner {
        let bytes: [UInt8]
        let range: Range<Int>
        /// `BlockReader.referenceLabels()`.
        var labels: Set<[UInt8]> = []

        /// A label as CommonMark matches it: ASCII case folded, runs of white space one space.
        static func normalizedLabel(_ label: some Collection<UInt8>) -> [UInt8] {
            var result: [UInt8] = []
            var space = false
            for byte in label {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    space = !result.isEmpty
                    continue
                }
                if space { result.append(0x20) }
                space = false
                result.append(byte.asciiLowercased)
            }
            return result
        }

        /// The end of the element whose start tag spans `tag`, when its content is not prose, as in
        /// an HTML file (`HTMLText.opaqueElements`, `translate="no"`: `<code>Kiev</code>`), and it
        /// closes within the paragraph.
        func protectedElementEnd(tag: ClosedRange<Int>) -> Int? {
            var nameEnd = tag.lowerBound + 1
            while nameEnd < tag.upperBound, bytes[nameEnd].isASCIILetter || (0x30...0x39).contains(bytes[nameEnd]) { nameEnd += 1 }
            let name = bytes[(tag.lowerBound + 1)..<nameEnd].map(\.asciiLowercased)
            guard !name.isEmpty else { return nil }
            let attributes = String(decoding: bytes[nameEnd..<tag.upperBound], as: UTF8.self).lowercased()
                .replacingOccurrences(of: " ", with: "")
            guard HTMLText.opaqueElements.contains(String(decoding: name, as: UTF8.self)) || attributes.contains("translate=\"no\"") || attributes.contains("translate='no'")
                    || attributes.contains("translate=no") else { return nil }
            let closing = Array("</".utf8) + name
            var position = tag.upperBound + 1
            while position + closing.count <= range.upperBound {
                if bytes[position] == UInt8(ascii: "<"),
                   bytes[position..<(position + closing.count)].map(\.asciiLowercased).elementsEqual(closing) {
                    var end = position + closing.count
                    while end < range.upperBound, bytes[end] != UInt8(ascii: ">") { end += 1 }
                    return end < range.upperBound ? end + 1 : nil
                }
                position += 1
            }
            return nil
        }

        func scan(into builder: inout MaskedTextBuilder) {
            let codeSpans = self.codeSpans()
            let closingParen = matching(open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
            let closingBracket = matching(open: UInt8(ascii: "["), close: UInt8(ascii: "]"))
            let nextAngle = nextPositions(of: UInt8(ascii: ">"))
            var proseStart = range.lowerBound
            var position = range.lowerBound
            var span = 0
            func skip(to end: Int) {
                builder.prose(proseStart..<position, escaping: .markdown)
                position = end
                proseStart = end
            }
            while position < range.upperBound {
                if span < codeSpans.count, codeSpans[span].lowerBound == position {
                    skip(to: codeSpans[span].upperBound)
                    span += 1
                    continue
                }
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\\"):
                    if position + 1 < range.upperBound, Self.isASCIIPunctuation(bytes[position + 1]) {
                        skip(to: position + 2)
                        continue
                    }
                case UInt8(ascii: "&"):
                    var end = position + 1
                    while end < range.upperBound, end - position <= 32,
                          bytes[end].isASCIILetter || (0x30...0x39).contains(bytes[end]) || bytes[end] == UInt8(ascii: "#") { end += 1 }
                    if end > position + 1, end < range.upperBound, bytes[end] == UInt8(ascii: ";") {
                        skip(to: end + 1)
                        continue
                    }
                case UInt8(ascii: "<"):
                    let next = position + 1 < range.upperBound ? bytes[position + 1] : 0
                    if next.isASCIILetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?"),
                       let end = nextAngle[position - range.lowerBound] {
                        skip(to: next.isASCIILetter ? protectedElementEnd(tag: position...end) ?? end + 1 : end + 1)
                        continue
                    }
                case UInt8(ascii: "["):
                    // Text that is a label (`[^1]`, `[Kiev][]`, `[Kiev]` with a definition `[Kiev]: …`):
                    // changing it would break the link.
                    guard let close = closingBracket[position - range.lowerBound] else { break }
                    let after = close + 1
                    if position + 1 < close, bytes[position + 1] == UInt8(ascii: "^") {
                        skip(to: after)
                        continue
                    }
                    if after + 1 < range.upperBound, bytes[after] == UInt8(ascii: "["), bytes[after + 1] == UInt8(ascii: "]") {
                        skip(to: after + 2)
                        continue
                    }
                    if !labels.isEmpty, after >= range.upperBound || (bytes[after] != UInt8(ascii: "(") && bytes[after] != UInt8(ascii: "[")),
                       labels.contains(Self.normalizedLabel(bytes[(position + 1)..<close])) {
                        skip(to: after)
                        continue
                    }
                case UInt8(ascii: "]"):
                    // The `]` closes the link text (prose); the destination or label after it is not.
                    let next = position + 1
                    if next < range.upperBound, bytes[next] == UInt8(ascii: "("), let end = closingParen[next - range.lowerBound] {
                        position = next
                        skip(to: end + 1)
                        continue
                    }
                    if next < range.upperBound, bytes[next] == UInt8(ascii: "["), let end = closingBracket[next - range.lowerBound] {
                        position = next
                        skip(to: end + 1)
                        continue
                    }
                default:
                    if let end = bareURLEnd(at: position) {
                        skip(to: end)
                        continue
                    }
                }
                position += 1
            }
            builder.prose(proseStart..<range.upperBound, escaping: .markdown)
            _ = span
        }

        static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
            (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
        }

        /// Code spans: a run of n backticks up to the next run of exactly n. Runs are queued by
        /// length, so each is looked at once.
        func codeSpans() -> [Range<Int>] {
            var runs: [(start: Int, length: Int)] = []
            var position = range.lowerBound
            while position < range.upperBound {
                if bytes[position] == UInt8(ascii: "\\"), position + 1 < range.upperBound, bytes[position + 1] == UInt8(ascii: "`"),
                   runs.last.map({ $0.start + $0.length <= position }) ?? true {
                    position += 2  // an escaped backtick opens nothing (it may still close)
                    continue
                }
                guard bytes[position] == UInt8(ascii: "`") else {
                    position += 1
                    continue
                }
                let start = position
                while position < range.upperBound, bytes[position] == UInt8(ascii: "`") { position += 1 }
                runs.append((start, position - start))
            }
            var byLength: [Int: [Int]] = [:]
            for (index, run) in runs.enumerated() { byLength[run.length, default: []].append(index) }
            var cursor: [Int: Int] = [:]
            var spans: [Range<Int>] = []
            var index = 0
            while index < runs.count {
                let run = runs[index]
                let queue = byLength[run.length]!
                var next = cursor[run.length] ?? 0
                while next < queue.count, queue[next] <= index { next += 1 }
                cursor[run.length] = next
                if next < queue.count {
                    let closing = runs[queue[next]]
                    spans.append(run.start..<(closing.start + closing.length))
                    index = queue[next] + 1
                } else {
                    index += 1
                }
            }
            return spans
        }

        /// For each `open` byte of the paragraph (by offset from its start), the position of the
        /// `close` that balances it.
        func matching(open: UInt8, close: UInt8) -> [Int: Int] {
            var stack: [Int] = []
            var result: [Int: Int] = [:]
            for position in range {
                if bytes[position] == open {
                    stack.append(position)
                } else if bytes[position] == close, let opened = stack.popLast() {
                    result[opened - range.lowerBound] = position
                }
            }
            return result
        }

        /// For each offset, the position of the next `byte` at or after it.
        func nextPositions(of byte: UInt8) -> [Int?] {
            var result = [Int?](repeating: nil, count: range.count)
            var next: Int?
            for position in range.reversed() {
                if bytes[position] == byte { next = position }
                result[position - range.lowerBound] = next
            }
            return result
        }

        /// The end of a bare URL (`https://…`, `http://…`, `ftp://…`, `www.…`, `mailto:…`) starting
        /// at `position` after a space or the paragraph's start; trailing punctuation is not part of it.
        func bareURLEnd(at position: Int) -> Int? {
            let byte = bytes[position].asciiLowercased
            guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "f") || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "m")
            else { return nil }
            if position > range.lowerBound {
                let before = bytes[position - 1]
                guard before.isASCIIWhitespace || before == UInt8(ascii: "(") || before == UInt8(ascii: "*")
                    || before == UInt8(ascii: "_") || before == UInt8(ascii: "\"") || before == UInt8(ascii: "'") else { return nil }
            }
            func has(_ prefix: String) -> Bool {
                let utf8 = prefix.utf8
                guard position + utf8.count <= range.upperBound else { return false }
                return zip(bytes[position...], utf8).allSatisfy { $0.asciiLowercased == $1 }
            }
            guard has("https://") || has("http://") || has("ftp://") || has("www.") || has("mailto:") else { return nil }
            var end = position
            var parens = 0
            while end < range.upperBound, !bytes[end].isASCIIWhitespace, bytes[end] != UInt8(ascii: "<") {
                if bytes[end] == UInt8(ascii: "(") { parens += 1 }
                if bytes[end] == UInt8(ascii: ")") { parens -= 1 }
                end += 1
            }
            while end > position {
                let last = bytes[end - 1]
                if ".,:;!?\"'*_~".utf8.contains(last) || (last == UInt8(ascii: ")") && parens < 0) {
                    if last == UInt8(ascii: ")") { parens += 1 }
                    end -= 1
                } else {
                    break
                }
            }
            return end
        }
    }
}
