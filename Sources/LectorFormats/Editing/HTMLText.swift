import Foundation
import LectorText

/// HTML as `check` reads it and `fix` writes it: the text nodes and the human-readable attributes
/// `alt` and `title` are prose; tags and every other attribute, comments, declarations, character
/// references, and the content of `script`, `style`, `code`, `pre`, `kbd`, `samp`, `textarea` and
/// of any element marked `translate="no"` are not. One pass over the bytes.
public enum HTMLText: EditableFormat {
    /// Elements whose whole content is code or otherwise not to be translated.
    static let opaqueElements: Set<String> = ["script", "style", "code", "pre", "kbd", "samp", "textarea"]
    static let proseAttributes: Set<String> = ["alt", "title"]

    public static func editableText(_ data: Data, path: String) throws(InputError) -> EditableText {
        let bytes = [UInt8](data)
        var builder = MaskedTextBuilder(bytes: bytes)
        var scanner = Scanner(bytes: bytes)
        scanner.scan(into: &builder)
        return try builder.build(path: path)
    }

    struct Scanner {
        let bytes: [UInt8]
        var index = 0
        /// The element being skipped whole, and how deep in elements of its name we are.
        var opaque: (name: [UInt8], depth: Int)?

        init(bytes: [UInt8]) {
            self.bytes = bytes
            index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        }

        private func matches(_ literal: String, at position: Int, caseInsensitive: Bool = false) -> Bool {
            let utf8 = literal.utf8
            guard position + utf8.count <= bytes.count else { return false }
            if caseInsensitive { return zip(bytes[position...], utf8).allSatisfy { $0.asciiLowercased == $1 } }
            return bytes[position..<(position + utf8.count)].elementsEqual(utf8)
        }

        private func after(_ literal: String, from position: Int, caseInsensitive: Bool = false) -> Int {
            let first = literal.utf8.first!
            var index = position
            while index < bytes.count {
                if (caseInsensitive ? bytes[index].asciiLowercased : bytes[index]) == first,
                   matches(literal, at: index, caseInsensitive: caseInsensitive) { return index + literal.utf8.count }
                index += 1
            }
            return bytes.count
        }

        mutating func scan(into builder: inout MaskedTextBuilder) {
            var textStart = index
            func flushText(to end: Int, _ scanner: Scanner) {
                guard scanner.opaque == nil, end > textStart else { return }
                Self.addText(scanner.bytes, textStart..<end, escaping: .htmlText, to: &builder)
            }
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                guard next.isASCIILetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else {
                    index += 1  // a lone `<` is text
                    continue
                }
                flushText(to: index, self)
                if matches("<!--", at: index) {
                    index = after("-->", from: index + 4)
                } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    index = after(">", from: index + 2)
                } else {
                    readTag(into: &builder)
                }
                textStart = index
            }
            flushText(to: bytes.count, self)
        }

        /// A start or end tag at `index`: its `alt`/`title` values are prose; raw-text elements
        /// (`script`, `style`) are skipped to their end tag.
        private mutating func readTag(into builder: inout MaskedTextBuilder) {
            let isEnd = bytes[index + 1] == UInt8(ascii: "/")
            var position = index + (isEnd ? 2 : 1)
            let nameStart = position
            while position < bytes.count, !bytes[position].isASCIIWhitespace, bytes[position] != UInt8(ascii: ">"),
                  bytes[position] != UInt8(ascii: "/") { position += 1 }
            let name = bytes[nameStart..<position].map(\.asciiLowercased)
            var attributes: [(name: [UInt8], value: Range<Int>, quote: Character?)] = []
            var selfClosing = false
            // Attributes: name[=value], values quoted with " or ' or unquoted.
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
                if bytes[position].isASCIIWhitespace {
                    position += 1
                    continue
                }
                if bytes[position] == UInt8(ascii: "/") {
                    selfClosing = true
                    position += 1
                    continue
                }
                selfClosing = false
                let attributeStart = position
                while position < bytes.count, !bytes[position].isASCIIWhitespace, bytes[position] != UInt8(ascii: "="),
                      bytes[position] != UInt8(ascii: ">") { position += 1 }
                let attribute = bytes[attributeStart..<position].map(\.asciiLowercased)
                while position < bytes.count, bytes[position].isASCIIWhitespace { position += 1 }
                guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { continue }
                position += 1
                while position < bytes.count, bytes[position].isASCIIWhitespace { position += 1 }
                guard position < bytes.count else { break }
                let quote = bytes[position]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = position + 1
                    position = valueStart
                    while position < bytes.count, bytes[position] != quote { position += 1 }
                    attributes.append((attribute, valueStart..<position, Character(Unicode.Scalar(quote))))
                    position = min(position + 1, bytes.count)
                } else {
                    let valueStart = position
                    while position < bytes.count, !bytes[position].isASCIIWhitespace, bytes[position] != UInt8(ascii: ">") {
                        position += 1
                    }
                    attributes.append((attribute, valueStart..<position, nil))
                }
            }
            index = min(position + 1, bytes.count)

            if var skipped = opaque {
                if name == skipped.name, !selfClosing {
                    skipped.depth += isEnd ? -1 : 1
                    opaque = skipped.depth == 0 ? nil : skipped
                }
                return
            }
            if isEnd { return }
            for attribute in attributes where HTMLText.proseAttributes.contains(String(decoding: attribute.name, as: UTF8.self)) {
                Self.addText(bytes, attribute.value, escaping: .htmlAttribute(quote: attribute.quote), to: &builder)
            }
            if selfClosing { return }
            let nameString = String(decoding: name, as: UTF8.self)
            if nameString == "script" || nameString == "style" {
                // Raw text: the first `</script` ends it, whatever comes between.
                let end = after("</" + nameString, from: index, caseInsensitive: true)
                index = end >= bytes.count ? bytes.count : after(">", from: end)
                return
            }
            let translateNo = attributes.contains { attribute in
                String(decoding: attribute.name, as: UTF8.self) == "translate"
                    && String(decoding: bytes[attribute.value], as: UTF8.self).lowercased() == "no"
            }
            if HTMLText.opaqueElements.contains(nameString) || translateNo {
                opaque = (name, 1)
            }
        }

        /// Prose between character references: `&amp;`, `&#233;` … are not written as they read.
        static func addText(_ bytes: [UInt8], _ range: Range<Int>, escaping: ReplacementEscaping,
                            to builder: inout MaskedTextBuilder) {
            var start = range.lowerBound
            var position = range.lowerBound
            while position < range.upperBound {
                guard bytes[position] == UInt8(ascii: "&") else {
                    position += 1
                    continue
                }
                builder.prose(start..<position, escaping: escaping)
                var end = position + 1
                while end < range.upperBound, end - position <= 32,
                      bytes[end].isASCIILetter || (0x30...0x39).contains(bytes[end]) || bytes[end] == UInt8(ascii: "#") {
                    end += 1
                }
                if end < range.upperBound, bytes[end] == UInt8(ascii: ";") { end += 1 }
                position = max(end, position + 1)
                start = position
            }
            builder.prose(start..<range.upperBound, escaping: escaping)
        }
    }
}
