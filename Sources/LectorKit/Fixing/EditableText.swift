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
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                guard scalar.value >= 0x20, scalar.value != 0x7F else { return nil }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A JSON string (RFC 8259): `"` `\` and control characters escaped.
    public static let jsonString = ReplacementEscaping { text in
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
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
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
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

    func shifted(by offset: Int) -> VerbatimRun {
        VerbatimRun(text: (text.lowerBound + offset)..<(text.upperBound + offset), byteOffset: byteOffset, escaping: escaping)
    }
}

/// A file as `check` reads it and `fix` writes it: the document the rules see, the file's bytes,
/// and the runs of the document that stand verbatim in those bytes.
///
/// This is the whole protocol a format implements to be fixable: say which text is the
/// translation (the target side of a bilingual file, the prose of HTML or Markdown) and how a
/// replacement is escaped there. A fix is written only when its range lies inside one run; the
/// bytes outside the fixed ranges are never touched.
public struct EditableText: Sendable {
    /// What the rules check (for a bilingual file: its targets assembled one per line; for HTML and
    /// Markdown: the text with everything but prose masked).
    public let document: SourceDocument
    /// The file as read.
    public let original: [UInt8]
    /// Sorted by `text`, not overlapping.
    public let runs: [VerbatimRun]
    /// The file read as bilingual, when it is one (for checking the targets against their sources).
    public let bilingual: BilingualFile?

    public init(document: SourceDocument, original: [UInt8], runs: [VerbatimRun], bilingual: BilingualFile? = nil) {
        self.document = document
        self.original = original
        self.runs = runs
        self.bilingual = bilingual
    }

    /// A plain text file: all of it is checked and may be fixed (after a byte-order mark, if any).
    public static func plain(_ document: SourceDocument) -> EditableText {
        var original: [UInt8] = document.bomLength == 0 ? [] : [0xEF, 0xBB, 0xBF]
        original.append(contentsOf: document.text.utf8)
        return EditableText(document: document, original: original,
                            runs: [VerbatimRun(text: 0..<document.utf16.count, byteOffset: document.bomLength, escaping: .none)])
    }
}

extension EditableText {
    /// A bilingual file read with `mappingTargets`: the document is its targets one per line
    /// (`SourceDocument.assembled`, as `Checker.check(_: BilingualFile)` reads them), and only
    /// the targets' verbatim runs may change. Runs are cut at line breaks, which the assembled
    /// document turns into spaces.
    public static func bilingual(_ file: BilingualFile, original: [UInt8]) -> EditableText {
        let document = SourceDocument.assembled(path: file.path, segments: file.units.map(\.target))
        var runs: [VerbatimRun] = []
        for (index, unit) in file.units.enumerated() {
            guard let target = unit.target, let segmentRuns = target.verbatimRuns else { continue }
            let start = document.lineStarts[index]
            let units = Array(target.text.utf16)
            for run in segmentRuns {
                var pieceStart = run.text.lowerBound
                var pieceByte = run.byteOffset
                var byte = run.byteOffset
                func cut(at end: Int) {
                    if end > pieceStart {
                        runs.append(VerbatimRun(text: (start + pieceStart)..<(start + end), byteOffset: pieceByte,
                                                escaping: run.escaping))
                    }
                }
                for position in run.text {
                    let unit = units[position]
                    let length = SourceDocument.utf8Length(of: unit)
                    if unit == 0x0A || unit == 0x0D || unit == 0x2028 {
                        cut(at: position)
                        pieceStart = position + 1
                        pieceByte = byte + length
                    }
                    byte += length
                }
                cut(at: run.text.upperBound)
            }
        }
        return EditableText(document: document, original: original, runs: runs, bilingual: file)
    }
}

/// A file format that `fix` can write back. A format names the translatable text and how a
/// replacement is escaped there (`EditableText`); `FixPlanner` does the rest.
public protocol EditableFormat {
    /// Reads `data` (the file at `path`) for checking and fixing.
    static func editableText(_ data: Data, path: String) throws(InputError) -> EditableText
}
