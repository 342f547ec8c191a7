import Foundation
import LectorText

/// Reads gettext PO and POT files (UTF-8) into a `BilingualFile`.
///
/// - Every entry is a unit: `msgctxt` is its id, `msgid` its source, `msgstr` its target (`nil` while
///   the `msgstr` is empty). For a plural entry the unit is the singular: `msgid` and `msgstr[0]`;
///   `msgid_plural` and the other plural forms are not read.
/// - Strings may continue on following lines (`"…"` lines) and use the C escapes `\n \t \r \" \\ \'
///   \? \a \b \f \v`; any other escape is an error.
/// - Translator comments (`# …`) and extracted comments (`#. …`) are notes, one per block of lines.
///   Fuzzy entries (`#, fuzzy`) are read like the others. References (`#:`), flags and previous
///   strings (`#|`) are not kept. Obsolete entries (`#~`) are skipped.
/// - The header entry (empty `msgid`, no `msgctxt`) is not a unit: its `Language:` is the file's target
///   language, and `X-Source-Language:`, if there, its source language.
/// - A segment's line is the line of its `msgid` or `msgstr` keyword, its column the first character
///   after the opening quote on that line. The text is kept as written: PO has no inline markup, so
///   placeholders such as `%s` or `{0}` stay in the text.
public enum POReader {
    public static func read(contentsOf path: String) throws(InputError) -> BilingualFile {
        try read(SourceDocument.load(path: path))
    }

    public static func read(data: Data, name: String) throws(InputError) -> BilingualFile {
        try read(SourceDocument.decode(data, path: name))
    }

    public static func read(_ document: SourceDocument) throws(InputError) -> BilingualFile {
        var parser = POParser(file: document.path)
        for line in 1...document.lineCount {
            try parser.read(document.lineText(line), line: line)
        }
        try parser.finish()
        return BilingualFile(path: document.path, sourceLanguage: parser.sourceLanguage,
                             targetLanguage: parser.targetLanguage, units: parser.units)
    }
}

/// A line-by-line PO parser; an entry is complete when the next one starts or at a blank line.
private struct POParser {
    struct POString {
        var text: String
        let line: Int
        let column: Int
    }

    enum Field { case context, id, plural, translation(Int) }

    struct Entry {
        var notes: [String] = []
        /// The comment marker of the last note's block (`" "` or `"."`), to join its lines.
        var noteKind: Character?
        var context: POString?
        var id: POString?
        var plural: POString?
        var translations: [Int: POString] = [:]

        var hasKeywords: Bool { context != nil || id != nil }
    }

    let file: String
    var sourceLanguage: String?
    var targetLanguage: String?
    var units: [BilingualUnit] = []
    private var entry = Entry()
    private var field: Field?
    private var sawHeader = false

    init(file: String) {
        self.file = file
    }

    private func error(_ line: Int, _ message: String) -> InputError {
        InputError(file: file, line: line, message: message)
    }

    mutating func read(_ text: String, line: Int) throws(InputError) {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        guard start < scalars.count else {
            try flush()
            return
        }
        switch scalars[start] {
        case "#":
            try readComment(scalars[(start + 1)...], line: line)
        case "\"":
            guard let field else { throw error(line, "a string without msgid, msgstr or msgctxt before it") }
            let string = try Self.parseString(scalars, from: start, line: line, file: file)
            append(string.text, to: field)
        default:
            try readKeyword(scalars, from: start, line: line)
        }
    }

    private mutating func readComment(_ rest: ArraySlice<Unicode.Scalar>, line: Int) throws(InputError) {
        let marker = rest.first
        if marker == "~" {
            // An obsolete entry: it ends the current one, and the comments gathered so far belong to it.
            if entry.hasKeywords { try flush() }
            entry = Entry()
            field = nil
            return
        }
        if !entry.translations.isEmpty { try flush() }
        switch marker {
        case ",", ":", "|":
            return
        case ".":
            addNote(String(String.UnicodeScalarView(rest.dropFirst())), kind: ".")
        default:
            addNote(String(String.UnicodeScalarView(rest)), kind: " ")
        }
    }

    private mutating func addNote(_ text: String, kind: Character) {
        let line = text.hasPrefix(" ") ? String(text.dropFirst()) : text
        if entry.noteKind == kind, let last = entry.notes.popLast() {
            entry.notes.append(last + "\n" + line)
        } else {
            entry.notes.append(line)
            entry.noteKind = kind
        }
    }

    private mutating func readKeyword(_ scalars: [Unicode.Scalar], from start: Int, line: Int) throws(InputError) {
        var end = start
        while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end] != "\"" { end += 1 }
        let keyword = String(String.UnicodeScalarView(scalars[start..<end]))
        var quote = end
        while quote < scalars.count, scalars[quote] == " " || scalars[quote] == "\t" { quote += 1 }
        guard quote < scalars.count, scalars[quote] == "\"" else {
            if ["msgctxt", "msgid", "msgid_plural", "msgstr"].contains(keyword) || keyword.hasPrefix("msgstr[") {
                throw error(line, "\(keyword) without a string")
            }
            throw error(line, "unexpected “\(keyword)”; expected msgctxt, msgid, msgstr or a comment")
        }
        let string = try Self.parseString(scalars, from: quote, line: line, file: file)
        switch keyword {
        case "msgctxt":
            if !entry.translations.isEmpty { try flush() }
            if let id = entry.id { throw error(id.line, "msgid without msgstr") }
            guard entry.context == nil else { throw error(line, "a second msgctxt in one entry") }
            entry.context = string
            field = .context
        case "msgid":
            if !entry.translations.isEmpty { try flush() }
            if let id = entry.id { throw error(id.line, "msgid without msgstr") }
            entry.id = string
            field = .id
        case "msgid_plural":
            guard entry.id != nil, entry.translations.isEmpty else { throw error(line, "msgid_plural without msgid") }
            guard entry.plural == nil else { throw error(line, "a second msgid_plural in one entry") }
            entry.plural = string
            field = .plural
        default:
            let index: Int
            if keyword == "msgstr" {
                index = 0
            } else if keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
                      let number = Int(keyword.dropFirst("msgstr[".count).dropLast()), number >= 0 {
                index = number
            } else {
                throw error(line, "unexpected “\(keyword)”; expected msgctxt, msgid, msgstr or a comment")
            }
            guard entry.id != nil else { throw error(line, "\(keyword) without msgid") }
            guard entry.translations[index] == nil else { throw error(line, "a second \(keyword) in one entry") }
            entry.translations[index] = string
            field = .translation(index)
        }
    }

    private mutating func append(_ text: String, to field: Field) {
        switch field {
        case .context: entry.context?.text += text
        case .id: entry.id?.text += text
        case .plural: entry.plural?.text += text
        case .translation(let index): entry.translations[index]?.text += text
        }
    }

    /// Ends the current entry; an entry that is only comments waits for its keywords.
    private mutating func flush() throws(InputError) {
        field = nil
        guard entry.hasKeywords else { return }
        defer { entry = Entry() }
        guard let id = entry.id else {
            throw error(entry.context?.line ?? 1, "msgctxt without msgid")
        }
        guard let translation = entry.translations[0] else {
            throw error(id.line, entry.translations.isEmpty ? "msgid without msgstr" : "plural entry without msgstr[0]")
        }
        if id.text.isEmpty, entry.context == nil {
            if !sawHeader { readHeader(translation.text) }
            sawHeader = true
            return
        }
        units.append(BilingualUnit(
            id: entry.context?.text,
            source: SegmentText(text: id.text, line: id.line, column: id.column),
            target: translation.text.isEmpty
                ? nil : SegmentText(text: translation.text, line: translation.line, column: translation.column),
            notes: entry.notes))
    }

    mutating func finish() throws(InputError) {
        try flush()
    }

    private mutating func readHeader(_ header: String) {
        for field in header.split(separator: "\n") {
            guard let colon = field.firstIndex(of: ":") else { continue }
            let value = String(field[field.index(after: colon)...]).trimmingWhitespace()
            guard !value.isEmpty else { continue }
            switch field[..<colon].trimmingCharacters(in: .whitespaces).lowercased() {
            case "language": targetLanguage = value
            case "x-source-language": sourceLanguage = value
            default: break
            }
        }
    }

    /// Parses the quoted string starting at `scalars[quote]`; only white space may follow it.
    static func parseString(_ scalars: [Unicode.Scalar], from quote: Int, line: Int,
                            file: String) throws(InputError) -> POString {
        var text = String.UnicodeScalarView()
        var index = quote + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                let rest = scalars[(index + 1)...]
                guard rest.allSatisfy({ $0.properties.isWhitespace }) else {
                    throw InputError(file: file, line: line, message: "unexpected text after the closing quote")
                }
                return POString(text: String(text), line: line, column: quote + 2)
            }
            if scalar == "\\" {
                guard index + 1 < scalars.count else { break }
                let escaped: Unicode.Scalar
                switch scalars[index + 1] {
                case "n": escaped = "\n"
                case "t": escaped = "\t"
                case "r": escaped = "\r"
                case "\"": escaped = "\""
                case "\\": escaped = "\\"
                case "'": escaped = "'"
                case "?": escaped = "?"
                case "a": escaped = "\u{07}"
                case "b": escaped = "\u{08}"
                case "f": escaped = "\u{0C}"
                case "v": escaped = "\u{0B}"
                case let other:
                    throw InputError(file: file, line: line, message: "unknown escape \\\(Character(other)) in a string")
                }
                text.append(escaped)
                index += 2
                continue
            }
            text.append(scalar)
            index += 1
        }
        throw InputError(file: file, line: line, message: "unterminated string (no closing quote)")
    }
}
