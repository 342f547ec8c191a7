import Foundation
import LectorText

/// Reads gettext PO and POT files (UTF-8) into a `BilingualFile`.
///
/// - Every entry is a unit: `msgctxt` is its id, `msgid` its source, `msgstr` its target (`nil` while
///   the `msgstr` is empty). A plural entry is one unit per translated form, so that every form is
///   checked and fixed: the first is `msgid` with `msgstr[0]` and carries the entry's forms
///   (`UnitDetails.targetPlurals`, for `plurals.count`); each further non-empty `msgstr[n]` is a unit
///   of its own whose source is `msgid_plural`, as in GNU gettext, where `msgid` is the English
///   singular and `msgid_plural` the form for every other count. Such a unit is named like the
///   entry with `[n]` after it (`ID[1]`, `msgctxt` U+0004 `msgid[1]`) and says its form
///   (`UnitDetails.pluralForm`). An empty further form is no unit: `plurals.count` reports it.
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

    /// Reads a file. With `mappingTargets`, each target also says where its text stands in the
    /// bytes (`SegmentText.verbatimRuns`): the stretches of its strings between escapes.
    public static func read(data: Data, name: String, mappingTargets: Bool = false) throws(InputError) -> BilingualFile {
        try read(SourceDocument.decode(data, path: name), mappingTargets: mappingTargets)
    }

    public static func read(_ document: SourceDocument, mappingTargets: Bool = false) throws(InputError) -> BilingualFile {
        var parser = POParser(file: document.path)
        for line in 1...document.lineCount {
            try parser.read(document.lineText(line), line: line,
                            byteOffset: mappingTargets ? document.lineByteStarts[line - 1] : nil)
        }
        try parser.finish()
        return BilingualFile(path: document.path, sourceLanguage: parser.sourceLanguage,
                             targetLanguage: parser.targetLanguage, units: parser.units,
                             pluralFormCount: parser.pluralFormCount, format: "po")
    }
}

/// A line-by-line PO parser; an entry is complete when the next one starts or at a blank line.
private struct POParser {
    struct POString {
        var text: String
        let line: Int
        let column: Int
        /// Verbatim runs, offsets within `text`; only when the parser was given byte offsets.
        var runs: [VerbatimRun] = []

        mutating func append(_ other: POString) {
            let shift = text.utf16.count
            runs += other.runs.map { $0.shifted(by: shift) }
            text += other.text
        }
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
    var pluralFormCount: Int?
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

    /// Reads one line; `byteOffset` is where it starts in the file, when targets are mapped.
    mutating func read(_ text: String, line: Int, byteOffset: Int? = nil) throws(InputError) {
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
            let string = try Self.parseString(scalars, from: start, line: line, file: file, byteOffset: byteOffset)
            append(string, to: field)
        default:
            try readKeyword(scalars, from: start, line: line, byteOffset: byteOffset)
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

    private mutating func readKeyword(_ scalars: [Unicode.Scalar], from start: Int, line: Int,
                                      byteOffset: Int?) throws(InputError) {
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
        let string = try Self.parseString(scalars, from: quote, line: line, file: file, byteOffset: byteOffset)
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

    private mutating func append(_ string: POString, to field: Field) {
        switch field {
        case .context: entry.context?.append(string)
        case .id: entry.id?.append(string)
        case .plural: entry.plural?.append(string)
        case .translation(let index): entry.translations[index]?.append(string)
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
        var details = UnitDetails()
        if let plural = entry.plural {
            details.sourcePlural = plural.text
            details.targetPlurals = entry.translations.keys.sorted().map { entry.translations[$0]!.text }
        }
        let untranslated = details.targetPlurals.map { $0.allSatisfy(\.isEmpty) } ?? translation.text.isEmpty
        let reference = entry.context.map { $0.text + "\u{4}" + id.text } ?? id.text
        units.append(BilingualUnit(
            id: entry.context?.text,
            source: SegmentText(text: id.text, line: id.line, column: id.column),
            target: untranslated ? nil : Self.segment(translation),
            notes: entry.notes, details: details,
            reference: reference))
        guard let plural = entry.plural, !untranslated else { return }
        for index in entry.translations.keys.sorted() where index > 0 {
            guard let form = entry.translations[index], !form.text.isEmpty else { continue }
            units.append(BilingualUnit(
                id: entry.context.map { $0.text + "[\(index)]" },
                source: SegmentText(text: plural.text, line: plural.line, column: plural.column),
                target: Self.segment(form),
                notes: entry.notes, details: UnitDetails(pluralForm: index),
                reference: reference + "[\(index)]"))
        }
    }

    private static func segment(_ string: POString) -> SegmentText {
        var segment = SegmentText(text: string.text, line: string.line, column: string.column)
        segment.verbatimRuns = string.runs
        return segment
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
            case "plural-forms":
                // `nplurals=3; plural=(n%10==1 …);`
                if let range = value.range(of: #"nplurals\s*=\s*[0-9]+"#, options: .regularExpression) {
                    pluralFormCount = Int(value[range].filter(\.isNumber))
                }
            default: break
            }
        }
    }

    /// Parses the quoted string starting at `scalars[quote]`; only white space may follow it.
    /// With `byteOffset` (where the line starts in the file), the string's verbatim runs are kept.
    static func parseString(_ scalars: [Unicode.Scalar], from quote: Int, line: Int,
                            file: String, byteOffset: Int? = nil) throws(InputError) -> POString {
        var text = String.UnicodeScalarView()
        var index = quote + 1
        var runs: [VerbatimRun] = []
        var units = 0
        var byte = byteOffset.map { start in scalars[...quote].reduce(start) { $0 + $1.utf8.count } } ?? 0
        var runStart: (unit: Int, byte: Int)?
        func closeRun() {
            if let start = runStart, units > start.unit, byteOffset != nil {
                runs.append(VerbatimRun(text: start.unit..<units, byteOffset: start.byte, escaping: .cString))
            }
            runStart = nil
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                closeRun()
                let rest = scalars[(index + 1)...]
                guard rest.allSatisfy({ $0.properties.isWhitespace }) else {
                    throw InputError(file: file, line: line, message: "unexpected text after the closing quote")
                }
                return POString(text: String(text), line: line, column: quote + 2, runs: runs)
            }
            if scalar == "\\" {
                closeRun()
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
                units += escaped.utf16.count
                byte += 2
                index += 2
                continue
            }
            if runStart == nil { runStart = (units, byte) }
            text.append(scalar)
            units += scalar.utf16.count
            byte += scalar.utf8.count
            index += 1
        }
        throw InputError(file: file, line: line, message: "unterminated string (no closing quote)")
    }
}
