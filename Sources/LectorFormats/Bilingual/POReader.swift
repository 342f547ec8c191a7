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
///   Fuzzy entries (`#, fuzzy`) are read like the others. Of the flags only the format is kept
///   (`#, c-format`: `UnitDetails.formatFlag`); references (`#:`) and previous strings (`#|`) are
///   not. Obsolete entries (`#~`) are skipped.
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
        try read(data: data, name: name, mappingTargets: mappingTargets, locatingTargets: false)
    }

    /// With `locatingTargets` (and `mappingTargets`), each target also gets its `positions` as it
    /// is made, which `BilingualFile.locatingTargets` would set in a second pass over a copy of
    /// every unit.
    static func read(data: Data, name: String, mappingTargets: Bool, locatingTargets: Bool) throws(InputError) -> BilingualFile {
        try read(bytes: [UInt8](data), name: name, mappingTargets: mappingTargets, locatingTargets: locatingTargets)
    }

    /// `read(data:…)` of a file's bytes as `BilingualFileLoader` reads them (`FileBytes.bytes`).
    static func read(bytes: [UInt8], name: String, mappingTargets: Bool, locatingTargets: Bool) throws(InputError) -> BilingualFile {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // The file is read on its bytes; they must be UTF-8 all the same, with the error
        // `SourceDocument` gives (the line of the first bad byte).
        try SourceDocument.validateUTF8(bytes[bom...], path: name)
        let lines = mappingTargets && locatingTargets ? FileLineIndex(bytes: bytes) : nil
        return try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) in
                try read(UnsafeBufferPointer(rebasing: buffer[bom...]), fileOffset: bom, name: name, mappingTargets: mappingTargets,
                         lines: lines)
            }
        }.get()
    }

    public static func read(_ document: SourceDocument, mappingTargets: Bool = false) throws(InputError) -> BilingualFile {
        var text = document.text
        return try text.withUTF8 { buffer in
            Result { () throws(InputError) in
                try read(buffer, fileOffset: document.bomLength, name: document.path, mappingTargets: mappingTargets)
            }
        }.get()
    }

    /// Reads valid UTF-8 `bytes` that start at `fileOffset` in the file (after a BOM), line by
    /// line. Lines end at `\n`, `\r\n` or `\r`, and are numbered as `SourceDocument` numbers them:
    /// a file that ends with a line break has a last, empty line.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, fileOffset: Int, name: String,
                             mappingTargets: Bool, lines: FileLineIndex? = nil) throws(InputError) -> BilingualFile {
        var parser = POParser(file: name, bytes: bytes, fileOffset: mappingTargets ? fileOffset : nil)
        parser.entries.lines = lines
        // Each `msgstr` (`msgstr[n]` of a plural) makes one unit at most, the header's none: the
        // units' array made that large at once is not copied into ever larger ones as it grows.
        parser.entries.units.reserveCapacity(Self.translationCount(in: bytes))
        var start = 0
        var line = 1
        while true {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            try parser.read(start..<end, line: line)
            guard end < bytes.count else { break }
            start = end + (bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1)
            line += 1
        }
        try parser.entries.finish()
        return parser.entries.bilingualFile(format: "po")
    }
}

extension POReader {
    /// Lines that start with `msgstr` (not indented: an indented one only makes the array grow).
    static func translationCount(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        return UnitCapacity.occurrences(of: "\nmsgstr", in: raw) + (bytes.starts(with: "msgstr".utf8) ? 1 : 0)
    }
}

/// A line-by-line PO parser; an entry is complete when the next one starts or at a blank line.
private struct POParser {
    typealias POString = POEntries.POString

    let file: String
    /// The file's bytes after any BOM, valid UTF-8.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where `bytes` start in the file, when targets are mapped (`nil` otherwise).
    private let fileOffset: Int?
    /// The entries read so far, and the one being read.
    var entries: POEntries

    init(file: String, bytes: UnsafeBufferPointer<UInt8>, fileOffset: Int?) {
        self.file = file
        entries = POEntries(file: file)
        self.bytes = bytes
        self.fileOffset = fileOffset
    }

    private func error(_ line: Int, _ message: String) -> InputError {
        InputError(file: file, line: line, message: message)
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Reads one line, `bytes[range]` without its line break.
    mutating func read(_ range: Range<Int>, line: Int) throws(InputError) {
        var start = range.lowerBound
        while start < range.upperBound, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        guard start < range.upperBound else {
            try entries.flush()
            return
        }
        switch bytes[start] {
        case UInt8(ascii: "#"):
            try readComment((start + 1)..<range.upperBound)
        case UInt8(ascii: "\""):
            guard let field = entries.field else { throw error(line, "a string without msgid, msgstr or msgctxt before it") }
            let string = try parseString(quote: start, line: range, number: line, mapping: field.isTranslation)
            entries.append(string, to: field)
        default:
            try readKeyword(from: start, line: range, number: line)
        }
    }

    private mutating func readComment(_ rest: Range<Int>) throws(InputError) {
        // The marker is the first scalar after `#`; every marker compared is ASCII, so its byte.
        let marker = rest.isEmpty ? nil : bytes[rest.lowerBound]
        if marker == UInt8(ascii: "~") {
            // An obsolete entry: it ends the current one, and the comments gathered so far belong to it.
            if entries.entry.hasKeywords { try entries.flush() }
            entries.entry = POEntries.Entry()
            entries.field = nil
            return
        }
        if !entries.entry.translations.isEmpty { try entries.flush() }
        switch marker {
        case UInt8(ascii: ","):
            let flags = (rest.lowerBound + 1)..<rest.upperBound
            if bytes[flags].allSatisfy({ $0 < 0x80 }) {
                entries.readFlags(UnsafeBufferPointer(rebasing: bytes[flags]))
            } else {
                entries.readFlags(text(flags))
            }
        case UInt8(ascii: ":"), UInt8(ascii: "|"):
            return
        case UInt8(ascii: "."):
            entries.addNote(text((rest.lowerBound + 1)..<rest.upperBound), kind: ".")
        default:
            entries.addNote(text(rest), kind: " ")
        }
    }

    enum Keyword: Equatable {
        case context, id, plural, translation(Int), other

        var isTranslation: Bool { if case .translation = self { true } else { false } }
    }

    /// The keyword `bytes[range]` names. The four plain keywords are matched on their bytes; any
    /// other word (`msgstr[1]`, a typo) is read as a `String`, as it always was.
    private func keyword(_ range: Range<Int>) -> Keyword {
        func isWord(_ literal: StaticString) -> Bool {
            range.count == literal.utf8CodeUnitCount
                && memcmp(bytes.baseAddress! + range.lowerBound, literal.utf8Start, range.count) == 0
        }
        if isWord("msgid") { return .id }
        if isWord("msgstr") { return .translation(0) }
        if isWord("msgctxt") { return .context }
        if isWord("msgid_plural") { return .plural }
        let keyword = text(range)
        if keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
           let number = Int(keyword.dropFirst("msgstr[".count).dropLast()), number >= 0 {
            return .translation(number)
        }
        return .other
    }

    private mutating func readKeyword(from start: Int, line: Range<Int>, number: Int) throws(InputError) {
        var end = start
        while end < line.upperBound, bytes[end] != UInt8(ascii: "\""), !isWhitespace(at: end) { end += Self.scalarLength(bytes[end]) }
        let kind = keyword(start..<end)
        var quote = end
        while quote < line.upperBound, bytes[quote] == 0x20 || bytes[quote] == 0x09 { quote += 1 }
        guard quote < line.upperBound, bytes[quote] == UInt8(ascii: "\"") else {
            let keyword = text(start..<end)
            if kind != .other || keyword.hasPrefix("msgstr[") {
                throw error(number, "\(keyword) without a string")
            }
            throw error(number, "unexpected “\(keyword)”; expected msgctxt, msgid, msgstr or a comment")
        }
        let string = try parseString(quote: quote, line: line, number: number, mapping: kind.isTranslation)
        switch kind {
        case .context:
            if !entries.entry.translations.isEmpty { try entries.flush() }
            if let id = entries.entry.id { throw error(id.line, "msgid without msgstr") }
            guard entries.entry.context == nil else { throw error(number, "a second msgctxt in one entry") }
            entries.entry.context = string
            entries.field = .context
        case .id:
            if !entries.entry.translations.isEmpty { try entries.flush() }
            if let id = entries.entry.id { throw error(id.line, "msgid without msgstr") }
            entries.entry.id = string
            entries.field = .id
        case .plural:
            guard entries.entry.id != nil, entries.entry.translations.isEmpty else { throw error(number, "msgid_plural without msgid") }
            guard entries.entry.plural == nil else { throw error(number, "a second msgid_plural in one entry") }
            entries.entry.plural = string
            entries.field = .plural
        case .translation(let index):
            guard entries.entry.id != nil else { throw error(number, "\(text(start..<end)) without msgid") }
            guard entries.entry.translations[index] == nil else { throw error(number, "a second \(text(start..<end)) in one entry") }
            entries.entry.translations[index] = string
            entries.field = .translation(index)
        case .other:
            throw error(number, "unexpected “\(text(start..<end))”; expected msgctxt, msgid, msgstr or a comment")
        }
    }

    /// Whether the scalar that starts at `bytes[index]` is white space (Unicode's White_Space).
    private func isWhitespace(at index: Int) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) }
        return scalar(at: index).properties.isWhitespace
    }

    /// The scalar whose UTF-8 starts at `bytes[index]` (the bytes are valid UTF-8).
    private func scalar(at index: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        let value: UInt32 = switch lead {
        case ..<0x80: lead
        case ..<0xE0: (lead & 0x1F) << 6 | continuation(1)
        case ..<0xF0: (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
        default: (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
        }
        return Unicode.Scalar(value)!
    }

    /// Parses the quoted string whose opening quote is `bytes[quote]` on the line `bytes[line]`
    /// (line `number`); only white space may follow it. When targets are mapped and this is one
    /// (`mapping`: a `msgstr`), the string's verbatim runs are kept (and an anchor run where each
    /// escape starts): the file offset of a byte is `fileOffset` plus its index. Only targets are
    /// written back, so the runs of the other strings were arrays made to be dropped.
    private func parseString(quote: Int, line: Range<Int>, number: Int, mapping: Bool) throws(InputError) -> POString {
        let fileOffset = mapping ? fileOffset : nil
        var index = quote + 1
        var runs: [VerbatimRun] = []
        // UTF-16 length of the text so far; a lead byte of four is two code units.
        var units = 0
        var runStart: (unit: Int, byte: Int)?
        // The text is the string's bytes as they are until its first escape; from there on it is
        // built in `escapedText`, `verbatimStart` being where the bytes not yet copied start.
        var escapedText: [UInt8]?
        var verbatimStart = index
        func closeRun() {
            if let start = runStart, units > start.unit, let fileOffset {
                runs.append(VerbatimRun(text: start.unit..<units, byteOffset: fileOffset + start.byte, escaping: .cString))
            }
            runStart = nil
        }
        while index < line.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                // Text that ends with an escape ends here, not where the escape starts.
                if runStart == nil, units > 0, let fileOffset { runs.append(.anchor(at: units, byteOffset: fileOffset + index)) }
                closeRun()
                var rest = index + 1
                while rest < line.upperBound {
                    guard isWhitespace(at: rest) else {
                        throw InputError(file: file, line: number, message: "unexpected text after the closing quote")
                    }
                    rest += Self.scalarLength(bytes[rest])
                }
                let text: String
                if escapedText != nil {
                    escapedText!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[verbatimStart..<index]))
                    text = String(decoding: escapedText!, as: UTF8.self)
                } else {
                    text = self.text((quote + 1)..<index)
                }
                return POString(text: text, line: number, column: scalarCount(line.lowerBound..<quote) + 2, runs: runs)
            }
            if byte == UInt8(ascii: "\\") {
                closeRun()
                if let fileOffset { runs.append(.anchor(at: units, byteOffset: fileOffset + index)) }
                guard index + 1 < line.upperBound else { break }
                let escaped: UInt8
                // Octal `\101` and hexadecimal `\x41` escapes stand for a byte, as in C and in
                // GNU gettext; their digits follow the letter.
                var digitsEnd = index + 1
                switch bytes[index + 1] {
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = 0
                    while digitsEnd < min(index + 4, line.upperBound), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[digitsEnd]) {
                        value = value * 8 + Int(bytes[digitsEnd] - UInt8(ascii: "0"))
                        digitsEnd += 1
                    }
                    guard value <= 0xFF else {
                        throw InputError(file: file, line: number, message: "octal escape above \\377 in a string")
                    }
                    escaped = UInt8(value)
                case UInt8(ascii: "x"):
                    digitsEnd += 1
                    var value = 0
                    while digitsEnd < min(index + 4, line.upperBound), let digit = Self.hexValue(bytes[digitsEnd]) {
                        value = value * 16 + digit
                        digitsEnd += 1
                    }
                    guard digitsEnd > index + 2 else {
                        throw InputError(file: file, line: number, message: "\\x without hexadecimal digits in a string")
                    }
                    escaped = UInt8(value)
                case UInt8(ascii: "n"): escaped = 0x0A
                case UInt8(ascii: "t"): escaped = 0x09
                case UInt8(ascii: "r"): escaped = 0x0D
                case UInt8(ascii: "\""): escaped = UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
                case UInt8(ascii: "'"): escaped = UInt8(ascii: "'")
                case UInt8(ascii: "?"): escaped = UInt8(ascii: "?")
                case UInt8(ascii: "a"): escaped = 0x07
                case UInt8(ascii: "b"): escaped = 0x08
                case UInt8(ascii: "f"): escaped = 0x0C
                case UInt8(ascii: "v"): escaped = 0x0B
                default:
                    throw InputError(file: file, line: number,
                                     message: "unknown escape \\\(Character(scalar(at: index + 1))) in a string")
                }
                if escapedText == nil { escapedText = [] }
                escapedText!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[verbatimStart..<index]))
                escapedText!.append(escaped)
                // A byte escape may be one byte of a UTF-8 sequence (`\303\251` is `é`): the text's
                // UTF-16 length grows at its lead byte only, as for the bytes written as they are.
                if escaped & 0xC0 != 0x80 { units += escaped >= 0xF0 ? 2 : 1 }
                index = digitsEnd > index + 1 ? digitsEnd : index + 2
                verbatimStart = index
                continue
            }
            if runStart == nil { runStart = (units, index) }
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            index += 1
        }
        throw InputError(file: file, line: number, message: "unterminated string (no closing quote)")
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    /// Unicode scalars in `bytes[range]`: the bytes that are not a continuation byte.
    private func scalarCount(_ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Bytes of the UTF-8 sequence that `lead` starts.
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}

/// The entries of a PO file as its lines are read: the one being read, and the units and header
/// fields of those done. The reader tokenizes lines and says what they hold; this makes the units.
struct POEntries {
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

    enum Field {
        case context, id, plural, translation(Int)

        var isTranslation: Bool { if case .translation = self { true } else { false } }
    }

    /// An entry's `msgstr` (form 0) and `msgstr[n]` strings by form number. Form 0 is kept
    /// apart: a dictionary of every entry's one translation was an allocation per entry.
    struct Translations {
        private var zero: POString?
        private var others: [Int: POString] = [:]

        var isEmpty: Bool { zero == nil && others.isEmpty }

        /// The form numbers given, ascending.
        var forms: [Int] { (zero == nil ? [] : [0]) + others.keys.sorted() }

        subscript(form: Int) -> POString? {
            get { form == 0 ? zero : others[form] }
            set {
                if form == 0 { zero = newValue } else { others[form] = newValue }
            }
        }
    }

    struct Entry {
        var notes: [String] = []
        /// The comment marker of the last note's block (`" "` or `"."`), to join its lines.
        var noteKind: Character?
        var context: POString?
        var id: POString?
        var plural: POString?
        var translations = Translations()
        /// The entry's format flag (`c-format`), from its `#,` line.
        var formatFlag: String?

        var hasKeywords: Bool { context != nil || id != nil }
    }

    let file: String
    var sourceLanguage: String?
    var targetLanguage: String?
    var pluralFormCount: Int?
    var units: [BilingualUnit] = []
    /// The file's lines, when targets are located as they are read (`POReader.read(data:…locatingTargets:)`).
    var lines: FileLineIndex?
    var entry = Entry()
    /// The keyword a continued string (a line of only `"…"`) belongs to.
    var field: Field?
    private var sawHeader = false

    init(file: String) {
        self.file = file
    }

    private func error(_ line: Int, _ message: String) -> InputError {
        InputError(file: file, line: line, message: message)
    }

    /// The file read, once `finish` was called.
    func bilingualFile(format: String) -> BilingualFile {
        BilingualFile(path: file, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, units: units,
                      pluralFormCount: pluralFormCount, format: format)
    }

    mutating func addNote(_ text: String, kind: Character) {
        let line = text.hasPrefix(" ") ? String(text.dropFirst()) : text
        if entry.noteKind == kind, let last = entry.notes.popLast() {
            entry.notes.append(last + "\n" + line)
        } else {
            entry.notes.append(line)
            entry.noteKind = kind
        }
    }

    /// A `#,` line's flags (`fuzzy, c-format`): the format language is kept, the rest is not.
    mutating func readFlags(_ line: String) {
        for flag in line.split(separator: ",") {
            let name = String(flag).trimmingWhitespace()
            if name.hasSuffix("-format"), !name.hasPrefix("no-") { entry.formatFlag = name }
        }
    }

    /// `readFlags` of an ASCII line, on its bytes: splitting and trimming `String`s was some
    /// 6,000 instructions a `#, c-format` line. ASCII's white space is that of `trimmingWhitespace`
    /// (tab to carriage return, and space).
    mutating func readFlags(_ line: UnsafeBufferPointer<UInt8>) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0
        while start <= line.count {
            var end = start
            while end < line.count, line[end] != UInt8(ascii: ",") { end += 1 }
            var first = start
            var last = end
            while first < last, isSpace(line[first]) { first += 1 }
            while last > first, isSpace(line[last - 1]) { last -= 1 }
            let name = UnsafeBufferPointer(rebasing: line[first..<last])
            if name.count >= 7, name[(name.count - 7)...].elementsEqual("-format".utf8), !name.starts(with: "no-".utf8) {
                entry.formatFlag = String(decoding: name, as: UTF8.self)
            }
            start = end + 1
        }
    }

    mutating func append(_ string: POString, to field: Field) {
        switch field {
        case .context: entry.context?.append(string)
        case .id: entry.id?.append(string)
        case .plural: entry.plural?.append(string)
        case .translation(let index): entry.translations[index]?.append(string)
        }
    }

    /// Ends the current entry; an entry that is only comments waits for its keywords.
    mutating func flush() throws(InputError) {
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
        details.formatFlag = entry.formatFlag
        if let plural = entry.plural {
            details.sourcePlural = plural.text
            details.targetPlurals = entry.translations.forms.map { entry.translations[$0]!.text }
        }
        let untranslated = details.targetPlurals.map { $0.allSatisfy(\.isEmpty) } ?? translation.text.isEmpty
        let reference = entry.context.map { Self.reference(context: $0.text, id: id.text) } ?? id.text
        units.append(BilingualUnit(
            id: entry.context?.text,
            source: SegmentText(text: id.text, line: id.line, column: id.column),
            target: untranslated ? nil : segment(translation),
            notes: entry.notes, details: details,
            reference: reference))
        guard let plural = entry.plural, !untranslated else { return }
        for index in entry.translations.forms where index > 0 {
            guard let form = entry.translations[index], !form.text.isEmpty else { continue }
            units.append(BilingualUnit(
                id: entry.context.map { $0.text + "[\(index)]" },
                source: SegmentText(text: plural.text, line: plural.line, column: plural.column),
                target: segment(form),
                notes: entry.notes, details: UnitDetails(pluralForm: index, formatFlag: entry.formatFlag),
                reference: reference + "[\(index)]"))
        }
    }

    /// gettext's key of an entry with a context, `msgctxt` U+0004 `msgid`, made in one string of
    /// its size: `+` made it in two steps, growing the first.
    static func reference(context: String, id: String) -> String {
        var context = context
        var id = id
        let count = context.utf8.count + 1 + id.utf8.count
        return context.withUTF8 { contextBytes in
            id.withUTF8 { idBytes in
                String(unsafeUninitializedCapacity: count) { buffer in
                    _ = buffer.initialize(fromContentsOf: contextBytes)
                    buffer[contextBytes.count] = 0x04
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[(contextBytes.count + 1)...]).initialize(fromContentsOf: idBytes)
                    return count
                }
            }
        }
    }

    private mutating func segment(_ string: POString) -> SegmentText {
        var segment = SegmentText(text: string.text, line: string.line, column: string.column)
        segment.verbatimRuns = string.runs
        if lines != nil { segment.locatePositions(in: &lines!) }
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
}
