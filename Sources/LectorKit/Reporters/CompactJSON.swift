/// JSON written straight into bytes: the few shapes a report's records need (a flat object of
/// strings, whole numbers and booleans), in exactly the bytes Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]`, compact or, with `prettyIndent`, `.prettyPrinted` at
/// that indentation.
///
/// `JSONEncoder` builds a dictionary per record, sorts its keys and boxes every value: about 11 µs a
/// finding, 11 ms for the thousand findings of 20,000 news units, written on one thread after the
/// check has ended. The caller writes the keys in sorted order itself; `ReporterTests` compares the
/// bytes with `JSONEncoder`'s over every ASCII character and random text, so a Foundation that
/// escapes differently fails there.
struct CompactJSON {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false
    /// Pretty-printed at this indentation (the object's own; its fields two spaces deeper), or compact.
    private let indent: [UInt8]?

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        indent = nil
    }

    init(prettyIndent: [UInt8]) {
        indent = prettyIndent
    }

    mutating func append(contentsOf raw: [UInt8]) { bytes.append(contentsOf: raw) }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Only objects with fields are written pretty-printed as `JSONEncoder` does (an empty one is `{}` here).
    mutating func endObject() {
        if let indent, needsComma {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: indent)
        }
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    mutating func field(_ key: StaticString, _ value: String?) {
        if let value { field(key, value) }
    }

    mutating func field(_ key: StaticString, _ value: Int) {
        self.key(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    private mutating func key(_ key: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        if let indent {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: indent)
            bytes.append(contentsOf: "  ".utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        // Keys are ASCII identifiers: nothing to escape.
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: (indent == nil ? "\":" : "\" : ").utf8)
    }

    /// A JSON string: `"` and `\` escaped, the control characters as `\b \f \n \r \t` or `\u00xx`
    /// (lower-case hex), everything else (`/`, DEL, every non-ASCII scalar) as its UTF-8 bytes.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: "u00".utf8)
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
