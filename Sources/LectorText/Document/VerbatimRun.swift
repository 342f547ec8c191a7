import Foundation

/// How a replacement must be written at one place of a file so that the file's format reads it
/// back as the same text: XML entities in XML character data, C escapes in a PO string, JSON
/// escapes in a JSON string, backslashes before Markdown's syntax characters.
///
/// `escape` returns `nil` when the text cannot be written at that place at all (a control
/// character in XML, `]]>` in a CDATA section, a space in an unquoted HTML attribute): the fix is
/// then skipped, never written in some approximate form.
///
/// A format added later (Android `strings.xml`, ARB …) brings its own value.
public struct ReplacementEscaping: Sendable {
    public let escape: @Sendable (String) -> String?

    public init(_ escape: @escaping @Sendable (String) -> String?) {
        self.escape = escape
    }

    /// Plain text: written as is.
    public static let none = ReplacementEscaping { $0 }

    /// XML character data (XLIFF, TMX, XHTML): `&`, `<`, `>` as entities; characters XML 1.0 cannot
    /// hold (most C0 controls, U+FFFE, U+FFFF) and carriage returns (XML reads them as `\n`) refused.
    public static let xmlText = ReplacementEscaping { text in
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                guard isXMLCharacter(scalar) else { return nil }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Inside `<![CDATA[…]]>` nothing is escaped, so a replacement holding `]` or `>` (which could
    /// close the section with its neighbours) is refused.
    public static let xmlCDATA = ReplacementEscaping { text in
        guard text.unicodeScalars.allSatisfy({ ($0 == "\t" || $0 == "\n" || isXMLCharacter($0)) && $0 != "]" && $0 != ">" })
        else { return nil }
        return text
    }

    /// HTML character data: `&`, `<`, `>` as character references.
    public static let htmlText = ReplacementEscaping { text in
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" }) else { return nil }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// An HTML attribute value in `quote` (`"` or `'`), or unquoted when `quote` is `nil`, where a
    /// space, quote, `=`, `<`, `>` or backtick would end the value and is refused.
    public static func htmlAttribute(quote: Character?) -> ReplacementEscaping {
        ReplacementEscaping { text in
            guard !text.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return nil }
            var out = text.replacingOccurrences(of: "&", with: "&amp;")
            switch quote {
            case "\"": out = out.replacingOccurrences(of: "\"", with: "&quot;")
            case "'": out = out.replacingOccurrences(of: "'", with: "&#39;")
            default:
                guard !out.contains(where: { $0.isWhitespace || "\"'=<>`".contains($0) }) else { return nil }
            }
            return out
        }
    }

    /// A gettext PO string: `\` `"` and the C escapes `\n \t \r`; other control characters refused.
    public static let cString = ReplacementEscaping { text in
        backslashEscaped(text) { scalar in scalar.value >= 0x20 && scalar.value != 0x7F ? String(scalar) : nil }
    }

    /// A JSON string (RFC 8259): `"` `\` and control characters escaped.
    public static let jsonString = ReplacementEscaping { text in
        backslashEscaped(text) { scalar in
            guard scalar.value < 0x20 else { return String(scalar) }
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// The escapes PO, JSON and Apple `.strings` strings share (`\\`, `\"`, `\n`, `\t`, `\r`); every
    /// other scalar goes through `other`, which returns its written form or `nil` to refuse the replacement.
    public static func backslashEscaped(_ text: String, other: (Unicode.Scalar) -> String?) -> String? {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                guard let written = other(scalar) else { return nil }
                out += written
            }
        }
        return out
    }

    /// Markdown prose: the characters that start inline syntax get a backslash (CommonMark lets
    /// any ASCII punctuation be escaped so); line breaks, which could start a block, are refused.
    public static let markdown = ReplacementEscaping { text in
        var out = ""
        for scalar in text.unicodeScalars {
            guard scalar.value >= 0x20 || scalar == "\t" else { return nil }
            if "\\`*_[]<>&|~".unicodeScalars.contains(scalar) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// A character XML 1.0 allows in a document, tab and line feed aside (they are handled apart).
    package static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// A stretch of checked text that stands byte for byte in the file: what a fix may replace.
public struct VerbatimRun: Sendable {
    /// UTF-16 offsets in the checked document (or, inside a `SegmentText`, in the segment's text).
    public let text: Range<Int>
    /// UTF-8 byte offset in the file where `text.lowerBound` stands.
    public let byteOffset: Int
    public let escaping: ReplacementEscaping

    public init(text: Range<Int>, byteOffset: Int, escaping: ReplacementEscaping) {
        self.text = text
        self.byteOffset = byteOffset
        self.escaping = escaping
    }

    /// An empty run: text offset `unit` stands at `byteOffset`, where an escape or entity starts
    /// (or, after one that ends the text, where the text ends). It holds no text, so no fix falls
    /// in it (and its escaping refuses any); it only lets positions name the escape's own column
    /// instead of the first character written as is after it.
    public static func anchor(at unit: Int, byteOffset: Int) -> VerbatimRun {
        VerbatimRun(text: unit..<unit, byteOffset: byteOffset, escaping: ReplacementEscaping { _ in nil })
    }

    package func shifted(by offset: Int) -> VerbatimRun {
        VerbatimRun(text: (text.lowerBound + offset)..<(text.upperBound + offset), byteOffset: byteOffset, escaping: escaping)
    }
}

