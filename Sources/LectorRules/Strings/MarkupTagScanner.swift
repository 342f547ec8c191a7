import LectorICU
import LectorText
import LectorFormats
import LectorGlossary

/// Raw HTML/XML tags written inside a string (PO, JSON Lines, mobile resource strings), where the
/// format does not take them out as inline codes: `<b>`, `</b>`, `<a href="x">`, `<br/>`.
///
/// A tag's key is its name, its closing or self-closing form and its attributes sorted by name,
/// so `<a href="x">` and `<a href="y">` differ while attribute order does not matter. Attributes
/// that hold prose (`title`, `alt`, `placeholder`, `aria-label`, `label`) may be translated: their
/// values are not compared, their presence is. The language and direction (`lang`, `xml:lang`,
/// `dir`) and the size (`width`, `height`) are not compared at all. Names that start with a capital (`<Error>`, `<IMG>`) are read as text: UI strings
/// use them as pseudo-tags far more often than as markup.
public enum MarkupTagScanner {
    public struct Tag: Sendable, Equatable {
        public let text: String
        /// UTF-16 offsets within the scanned string.
        public let range: Range<Int>
        public let name: String
        public let kind: Kind
        public let key: String
        /// Attribute names and values as written, in order.
        public let attributes: [(name: String, value: String?)]

        public enum Kind: Sendable, Equatable { case open, close, empty }

        public static func == (lhs: Tag, rhs: Tag) -> Bool { lhs.range == rhs.range && lhs.key == rhs.key }
    }

    static let translatableAttributes: Set<String> = ["title", "alt", "placeholder", "aria-label", "label"]
    /// Attributes a translation may change, add or drop: its language and direction, and the size
    /// of a box or image, which a longer or shorter translation may need.
    static let languageAttributes: Set<String> = ["lang", "xml:lang", "xml-lang", "dir", "width", "height"]

    public static func tags(in text: String) -> [Tag] {
        // Every tag starts at a `<`; text without one needs no UTF-16 copy.
        guard UTF8Bytes.contains(text, byte: 0x3C) else { return [] }
        let u = Array(text.utf16)
        var tags: [Tag] = []
        var i = 0
        while i < u.count {
            if u[i] == 0x3C, let tag = tag(u, at: i) {
                tags.append(tag)
                i = tag.range.upperBound
            } else {
                i += 1
            }
        }
        return tags
    }

    private static func isNameChar(_ c: UInt16) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x3A || c == 0x2E
    }

    private static func isSpace(_ c: UInt16) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

    private static func tag(_ u: [UInt16], at start: Int) -> Tag? {
        var j = start + 1
        var kind = Tag.Kind.open
        if j < u.count, u[j] == 0x2F {
            kind = .close
            j += 1
        }
        guard j < u.count, u[j] >= 0x61, u[j] <= 0x7A else { return nil }
        let nameStart = j
        while j < u.count, isNameChar(u[j]) { j += 1 }
        let name = LectorICU.UTF16.decode(u[nameStart..<j])
        var attributes: [(name: String, value: String?)] = []
        while j < u.count {
            while j < u.count, isSpace(u[j]) { j += 1 }
            guard j < u.count else { return nil }
            if u[j] == 0x3E {
                j += 1
                break
            }
            if u[j] == 0x2F {
                // `/>`, also `/ >`
                var k = j + 1
                while k < u.count, isSpace(u[k]) { k += 1 }
                guard k < u.count, u[k] == 0x3E, kind == .open else { return nil }
                kind = .empty
                j = k + 1
                break
            }
            guard kind == .open else { return nil }
            let attributeStart = j
            while j < u.count, isNameChar(u[j]) { j += 1 }
            guard j > attributeStart else { return nil }
            let attribute = LectorICU.UTF16.decode(u[attributeStart..<j])
            while j < u.count, isSpace(u[j]) { j += 1 }
            var value: String?
            if j < u.count, u[j] == 0x3D {
                j += 1
                while j < u.count, isSpace(u[j]) { j += 1 }
                guard j < u.count else { return nil }
                if u[j] == 0x22 || u[j] == 0x27 {
                    let quote = u[j]
                    let valueStart = j + 1
                    j += 1
                    while j < u.count, u[j] != quote { j += 1 }
                    guard j < u.count else { return nil }
                    value = LectorICU.UTF16.decode(u[valueStart..<j])
                    j += 1
                } else {
                    let valueStart = j
                    while j < u.count, !isSpace(u[j]), u[j] != 0x3E { j += 1 }
                    guard j > valueStart else { return nil }
                    value = LectorICU.UTF16.decode(u[valueStart..<j])
                }
            }
            attributes.append((attribute, value))
        }
        guard j <= u.count, j > start + 1, u[j - 1] == 0x3E else { return nil }
        // The language and direction of an element follow the translation: they may change, go or come.
        let compared = attributes.filter { !Self.languageAttributes.contains($0.name) }.sorted { $0.name < $1.name }.map { attribute in
            translatableAttributes.contains(attribute.name) || attribute.value == nil
                ? attribute.name : "\(attribute.name)=\"\(attribute.value!)\""
        }
        let key = (kind == .close ? "</" : "<") + ([name] + compared).joined(separator: " ") + (kind == .empty ? "/>" : ">")
        return Tag(text: LectorICU.UTF16.decode(u[start..<j]), range: start..<j, name: name,
                   kind: kind, key: key, attributes: attributes)
    }
}
