import Foundation
import LectorText

/// Reads JSON Lines (`.jsonl`, `.ndjson`) into a `BilingualFile`: one JSON object per line, one unit
/// per object.
///
/// | key | required | meaning |
/// |---|---|---|
/// | `source` | yes | the source text (string) |
/// | `target` | no | the translation (string); missing or `null` means not translated yet |
/// | `id` | no | the unit's id, a string or a number |
/// | `source_lang`, `target_lang` | no | the file's languages: the first line that gives one wins |
///
/// Other keys are ignored and blank lines skipped. A segment's line is its line in the file (checks
/// outside Lector rely on this), and its column is `nil`. The text is kept as written: placeholders
/// such as `{0}` or `%s`, and tags such as `<b>`, stay in it.
public enum JSONLinesReader {
    public static func read(contentsOf path: String) throws(InputError) -> BilingualFile {
        try read(SourceDocument.load(path: path))
    }

    /// Reads a file. With `mappingTargets`, each target also says where its text stands in the
    /// bytes (`SegmentText.verbatimRuns`): the stretches of the `target` string between escapes.
    ///
    /// The lines are cut from the bytes, as `SourceDocument` cuts them (`\n`, `\r\n` or `\r`, a
    /// BOM before the first): a document of the whole file was its UTF-16, every line's
    /// transcoding back, and a walk of every unit, for records read from UTF-8 anyway.
    public static func read(data: Data, name: String, mappingTargets: Bool = false) throws(InputError) -> BilingualFile {
        try read(bytes: [UInt8](data), name: name, mappingTargets: mappingTargets)
    }

    /// `read(data:…)` of a file's bytes as `BilingualFileLoader` reads them (`FileBytes.bytes`).
    static func read(bytes: [UInt8], name: String, mappingTargets: Bool) throws(InputError) -> BilingualFile {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        try SourceDocument.validateUTF8(bytes[bom...], path: name)
        var records = Records(path: name, mappingTargets: mappingTargets)
        // A line is a unit at most: the units' array is made that large at once, not copied into
        // ever larger ones as it grows.
        records.units.reserveCapacity(bytes.withUnsafeBytes { UnitCapacity.occurrences(of: "\n", in: $0) } + 1)
        // One index of the whole file locates every record's target, the records coming in
        // file order: an index of each line was a copy of the line. Lines end where the index
        // ends them (`\n`, `\r\n`, `\r`), so a line's number and columns are the same.
        var lines = mappingTargets ? FileLineIndex(bytes: bytes) : nil
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InputError) in
                var start = bom
                var line = 1
                while true {
                    let (end, next) = lineEnd(in: bytes, from: start)
                    try records.add(UnsafeBufferPointer(rebasing: buffer[start..<end]), line: line, byteOffset: start, lines: &lines)
                    guard let next else { break }
                    start = next
                    line += 1
                }
            }
        }.get()
        return records.file
    }

    /// Where the line starting at `start` ends (before its line break) and where the next one
    /// starts (`nil`: this is the last).
    static func lineEnd(in bytes: [UInt8], from start: Int) -> (end: Int, next: Int?) {
        guard start < bytes.count else { return (start, nil) }
        let feed = UTF8Bytes.firstIndex(of: 0x0A, in: bytes, from: start) ?? bytes.count
        // A carriage return before the line feed ends the line itself (alone, or with the feed).
        if let cr = UTF8Bytes.firstIndex(of: 0x0D, in: bytes, from: start, to: feed) {
            return (cr, cr + 1 < bytes.count && bytes[cr + 1] == 0x0A ? cr + 2 : cr + 1)
        }
        return (feed, feed < bytes.count ? feed + 1 : nil)
    }

    public static func read(_ document: SourceDocument, mappingTargets: Bool = false) throws(InputError) -> BilingualFile {
        var records = Records(path: document.path, mappingTargets: mappingTargets)
        for line in 1...document.lineCount {
            try records.add(document.lineText(line), line: line, byteOffset: document.lineByteStarts[line - 1])
        }
        return records.file
    }

    /// The units of a file's lines, read in order.
    private struct Records {
        let path: String
        let mappingTargets: Bool
        var sourceLanguage: String?
        var targetLanguage: String?
        var units: [BilingualUnit] = []

        init(path: String, mappingTargets: Bool) {
            self.path = path
            self.mappingTargets = mappingTargets
        }

        mutating func add(_ text: String, line: Int, byteOffset: Int) throws(InputError) {
            var lines: FileLineIndex?
            var text = text
            try text.withUTF8 { bytes in
                Result { () throws(InputError) in try add(bytes, line: line, byteOffset: byteOffset, lines: &lines) }
            }.get()
        }

        /// Adds the record on one line (`bytes`, valid UTF-8); `lines` locates its target, or
        /// an index of the line alone when `nil`.
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, byteOffset: Int, lines: inout FileLineIndex?) throws(InputError) {
            // A tuple, taken apart: the unit is moved into the array, where a `Record` was
            // copied out of and then destroyed.
            let record = try JSONLinesReader.record(bytes, line: line, path: path, mappingTargetAt: mappingTargets ? byteOffset : nil,
                                                    lines: &lines)
            guard case let (unit, source, target)? = consume record else { return }
            if sourceLanguage == nil { sourceLanguage = source }
            if targetLanguage == nil { targetLanguage = target }
            units.append(unit)
        }

        var file: BilingualFile {
            BilingualFile(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, units: units, format: "jsonl")
        }
    }

    /// One line of JSON Lines read: its unit and the languages it names.
    public struct Record: Sendable {
        public let unit: BilingualUnit
        /// `source_lang` and `target_lang` of this record, when it gives them (non-empty strings).
        public let sourceLanguage: String?
        public let targetLanguage: String?
    }

    /// Reads one line (without its line break); `nil` for a blank line, which is skipped. With
    /// `mappingTargetAt` (the line's byte offset in the file), the target also says where its text
    /// stands in the bytes (`SegmentText.verbatimRuns`) and in the file (`positions`).
    public static func record(_ text: String, line: Int, path: String,
                              mappingTargetAt byteOffset: Int? = nil) throws(InputError) -> Record? {
        var text = text
        var lines: FileLineIndex?
        return try text.withUTF8 { bytes in
            Result { () throws(InputError) in
                try record(bytes, line: line, path: path, mappingTargetAt: byteOffset, lines: &lines)
                    .map { Record(unit: $0.unit, sourceLanguage: $0.sourceLanguage, targetLanguage: $0.targetLanguage) }
            }
        }.get()
    }

    /// `record` of a line's bytes (valid UTF-8). The target is located by `lines`, an index of
    /// the file that has not gone past the line, or by an index of the line alone when `nil`.
    static func record(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, path: String, mappingTargetAt byteOffset: Int?,
                       lines: inout FileLineIndex?) throws(InputError)
        -> (unit: BilingualUnit, sourceLanguage: String?, targetLanguage: String?)? {
        guard let fields = JSONRecordScanner.fields(of: bytes, mappingTargetAt: byteOffset) else {
            return try referenceRecord(String(decoding: bytes, as: UTF8.self), line: line, path: path, mappingTargetAt: byteOffset)
                .map { ($0.unit, $0.sourceLanguage, $0.targetLanguage) }
        }
        var targetSegment = fields.target.map { SegmentText(text: $0, line: line) }
        if let byteOffset, fields.target != nil {
            targetSegment?.verbatimRuns = fields.targetRuns
            if lines == nil {
                var index = FileLineIndex(bytes: Array(bytes), line: line, byteOffset: byteOffset)
                targetSegment?.locatePositions(in: &index)
            } else {
                targetSegment?.locatePositions(in: &lines!)
            }
        }
        return (BilingualUnit(id: fields.id, source: SegmentText(text: fields.source, line: line), target: targetSegment),
                fields.sourceLanguage, fields.targetLanguage)
    }

    /// `record` as `JSONSerialization` reads it: what `JSONRecordScanner` leaves to it (every
    /// error, and the unusual), and the reference it is tested against.
    static func referenceRecord(_ text: String, line: Int, path: String,
                                mappingTargetAt byteOffset: Int? = nil) throws(InputError) -> Record? {
        guard !text.trimmingWhitespace().isEmpty else { return nil }
        func error(_ message: String) -> InputError {
            InputError(file: path, line: line, message: message)
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw InputError(file: path, line: line,
                             message: "not valid JSON" + (detail.map { " (\($0))" } ?? ""))
        }
        guard let object = parsed as? [String: Any] else { throw error("a line must be a JSON object") }
        guard let sourceValue = object["source"], !(sourceValue is NSNull) else {
            throw error("the object has no “source”")
        }
        guard let source = sourceValue as? String else { throw error("“source” is not a string") }
        var target: String?
        if let value = object["target"], !(value is NSNull) {
            guard let string = value as? String else { throw error("“target” is not a string") }
            target = string
        }
        var id: String?
        if let value = object["id"], !(value is NSNull) {
            if let string = value as? String {
                id = string
            } else if let number = value as? NSNumber, !isBoolean(number) {
                id = number.stringValue
            } else {
                throw error("“id” is not a string or a number")
            }
        }
        func language(_ key: String) -> String? {
            guard let language = object[key] as? String, !language.isEmpty else { return nil }
            return language
        }
        var targetSegment = target.map { SegmentText(text: $0, line: line) }
        if let byteOffset, let target {
            let located = JSONStringLocator.locate(key: "target", in: Array(text.utf8), byteOffset: byteOffset)
            // Only what decodes to the parsed text is written back (not a duplicate key, say).
            targetSegment?.verbatimRuns = located.flatMap { $0.text.utf8.elementsEqual(target.utf8) ? $0.runs : nil } ?? []
            var index = FileLineIndex(bytes: Array(text.utf8), line: line, byteOffset: byteOffset)
            targetSegment?.locatePositions(in: &index)
        }
        return Record(unit: BilingualUnit(id: id, source: SegmentText(text: source, line: line), target: targetSegment),
                      sourceLanguage: language("source_lang"), targetLanguage: language("target_lang"))
    }

    /// JSON `true`/`false` arrive as NSNumber too, typed `c` (char); JSONSerialization makes no other `c`.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}

/// Finds the string value of one key of a JSON object written on one line, with the stretches of
/// it written without escapes, for `fix`. A key that occurs twice is not located (which value a
/// reader takes is not defined).
enum JSONStringLocator {
    static func locate(key: String, in bytes: [UInt8], byteOffset: Int) -> (text: String, runs: [VerbatimRun])? {
        var index = 0
        func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        /// `\uXXXX`, or a surrogate pair of two: the scalar and the bytes it takes.
        func unicodeEscape(at position: Int) -> (scalar: Unicode.Scalar, length: Int)? {
            func hex(_ at: Int) -> UInt32? {
                guard at + 6 <= bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { return nil }
                return UInt32(String(decoding: bytes[(at + 2)..<(at + 6)], as: UTF8.self), radix: 16)
            }
            guard let first = hex(position) else { return nil }
            if (0xD800..<0xDC00).contains(first), let second = hex(position + 6), (0xDC00..<0xE000).contains(second) {
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)).map { ($0, 12) }
            }
            return Unicode.Scalar(first).map { ($0, 6) }
        }
        /// The string at `index` (which holds `"`), decoded, with its runs; moves past it.
        func string() -> (text: String, runs: [VerbatimRun])? {
            index += 1
            var text: [UInt8] = []
            var units = 0
            var runs: [VerbatimRun] = []
            var runStart: (unit: Int, byte: Int)?
            func close() {
                if let start = runStart, units > start.unit {
                    runs.append(VerbatimRun(text: start.unit..<units, byteOffset: byteOffset + start.byte, escaping: .jsonString))
                }
                runStart = nil
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    // Text that ends with an escape ends here, not where the escape starts.
                    if runStart == nil, units > 0 { runs.append(.anchor(at: units, byteOffset: byteOffset + index)) }
                    close()
                    index += 1
                    return (String(decoding: text, as: UTF8.self), runs)
                }
                if byte == UInt8(ascii: "\\") {
                    close()
                    runs.append(.anchor(at: units, byteOffset: byteOffset + index))
                    guard index + 1 < bytes.count else { return nil }
                    let scalar: Unicode.Scalar
                    switch bytes[index + 1] {
                    case UInt8(ascii: "n"): scalar = "\n"
                    case UInt8(ascii: "t"): scalar = "\t"
                    case UInt8(ascii: "r"): scalar = "\r"
                    case UInt8(ascii: "b"): scalar = "\u{08}"
                    case UInt8(ascii: "f"): scalar = "\u{0C}"
                    case UInt8(ascii: "/"): scalar = "/"
                    case UInt8(ascii: "\\"): scalar = "\\"
                    case UInt8(ascii: "\""): scalar = "\""
                    case UInt8(ascii: "u"):
                        guard let decoded = unicodeEscape(at: index) else { return nil }
                        text.append(contentsOf: String(decoded.scalar).utf8)
                        units += decoded.scalar.utf16.count
                        index += decoded.length
                        continue
                    default: return nil
                    }
                    text.append(contentsOf: String(scalar).utf8)
                    units += 1
                    index += 2
                    continue
                }
                if runStart == nil { runStart = (units, index) }
                text.append(byte)
                if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
                index += 1
            }
            return nil
        }
        /// Skips any value at `index`.
        func skipValue() -> Bool {
            var depth = 0
            repeat {
                skipSpace()
                guard index < bytes.count else { return false }
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard string() != nil else { return false }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    index += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    index += 1
                default:
                    index += 1
                    // A number, `true`, `false` or `null` outside a container is skipped whole: one
                    // byte of it was not enough, and a record with `"id": 12` or `"ok": true` was not
                    // located (its findings fell back to column 1, and `fix` left it alone).
                    if depth == 0 {
                        while index < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
                    }
                }
            } while depth > 0
            return true
        }

        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var found: (text: String, runs: [VerbatimRun])?
        var count = 0
        while true {
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") { break }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "\""), let name = string() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            if name.text == key {
                count += 1
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                found = string()
            } else if !skipValue() {
                return nil
            }
        }
        return count == 1 ? found : nil
    }
}
