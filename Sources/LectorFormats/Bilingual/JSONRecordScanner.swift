import LectorText

/// Reads the fields `JSONLinesReader` wants from one line of JSON Lines straight from its UTF-8
/// bytes, without building a Foundation object of the whole record: `JSONSerialization` and the
/// dictionary it makes were most of what reading a record cost.
///
/// It only answers for plain, strictly valid JSON and gives up (`nil`) on anything else, so that
/// `JSONLinesReader.referenceRecord` then reads the line and gives its exact error or its own
/// reading of the unusual: a malformed line, any error a record can be (no `source`, a `target`
/// that is not a string, …), a key of the five it reads given twice, a number written with an
/// exponent or with more than 18 digits before or after the point (which `JSONSerialization` may
/// turn down as not representable), an `id` that is not an integer (whose text `NSNumber` decides),
/// a lone surrogate escape, a U+FEFF in a string (`JSONSerialization` drops some of them; an
/// escaped one is left to it as well), nesting deeper than 64, a trailing comma (which
/// `JSONSerialization` accepts), a byte order mark, or a line not written as a single object.
struct JSONRecordScanner {
    /// What a record gives, as `JSONLinesReader.referenceRecord` reads it.
    struct Fields {
        var source: String
        var target: String?
        /// The target's stretches written without escapes, when asked for (`mappingTargetAt`).
        var targetRuns: [VerbatimRun]
        var id: String?
        var sourceLanguage: String?
        var targetLanguage: String?
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The line's byte offset in the file, when the target's runs are wanted.
    private let byteOffset: Int?

    private static let maximumDepth = 64
    private static let maximumDigits = 18

    private init(bytes: UnsafeBufferPointer<UInt8>, byteOffset: Int?) {
        self.bytes = bytes
        self.byteOffset = byteOffset
    }

    /// The fields of the record `bytes` holds (one line, without its line break), or `nil` when
    /// the reference reader must decide.
    static func fields(of bytes: UnsafeBufferPointer<UInt8>, mappingTargetAt byteOffset: Int?) -> Fields? {
        var scanner = JSONRecordScanner(bytes: bytes, byteOffset: byteOffset)
        return scanner.record()
    }

    private enum Key { case source, target, id, sourceLanguage, targetLanguage, other }

    private mutating func record() -> Fields? {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var source: String?
        var target: String?
        var targetRuns: [VerbatimRun] = []
        var id: String?
        var sourceLanguage: String?
        var targetLanguage: String?
        var seen: (source: Bool, target: Bool, id: Bool, sourceLanguage: Bool, targetLanguage: Bool) = (false, false, false, false, false)
        skipSpace()
        guard index < bytes.count else { return nil }
        if bytes[index] != UInt8(ascii: "}") {
            while true {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                guard let key = key() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                skipSpace()
                guard index < bytes.count else { return nil }
                let opening = bytes[index]
                switch key {
                case .source:
                    guard !seen.source, opening == UInt8(ascii: "\"") else { return nil }
                    seen.source = true
                    guard let text = string() else { return nil }
                    source = text
                case .target:
                    guard !seen.target else { return nil }
                    seen.target = true
                    if opening == UInt8(ascii: "\"") {
                        guard let text = string(mapping: byteOffset != nil, runs: &targetRuns) else { return nil }
                        target = text
                    } else {
                        guard literal("null") else { return nil }
                    }
                case .id:
                    guard !seen.id else { return nil }
                    seen.id = true
                    if opening == UInt8(ascii: "\"") {
                        guard let text = string() else { return nil }
                        id = text
                    } else if opening == UInt8(ascii: "n") {
                        guard literal("null") else { return nil }
                    } else {
                        guard let integer = integer() else { return nil }
                        id = integer
                    }
                case .sourceLanguage, .targetLanguage:
                    if key == .sourceLanguage {
                        guard !seen.sourceLanguage else { return nil }
                        seen.sourceLanguage = true
                    } else {
                        guard !seen.targetLanguage else { return nil }
                        seen.targetLanguage = true
                    }
                    var language: String?
                    if opening == UInt8(ascii: "\"") {
                        guard let text = string() else { return nil }
                        if !text.isEmpty { language = text }
                    } else {
                        guard skipValue(depth: 1) else { return nil }
                    }
                    if key == .sourceLanguage { sourceLanguage = language } else { targetLanguage = language }
                case .other:
                    guard skipValue(depth: 1) else { return nil }
                }
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "}") { break }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
                skipSpace()
            }
        }
        index += 1
        skipSpace()
        guard index == bytes.count, let source else { return nil }
        return Fields(source: source, target: target, targetRuns: targetRuns, id: id,
                      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The key at `index` (which holds `"`), as one of those the reader wants; moves past it.
    private mutating func key() -> Key? {
        let start = index + 1
        // Keys are mostly plain; one with an escape is decoded and then compared.
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20, bytes[end] != 0xEF {
            end += 1
        }
        guard end < bytes.count else { return nil }
        if bytes[end] == UInt8(ascii: "\"") {
            index = end + 1
            return Self.key(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        guard var name = string() else { return nil }
        return name.withUTF8 { Self.key($0) }
    }

    private static func key(_ name: UnsafeBufferPointer<UInt8>) -> Key {
        // Compared byte by byte with the literal's bytes: `elementsEqual` with a `String.UTF8View`
        // was a generic walk of both, some 200 instructions a key.
        func isWord(_ literal: StaticString) -> Bool {
            guard name.count == literal.utf8CodeUnitCount else { return false }
            for index in 0..<name.count where name[index] != literal.utf8Start[index] { return false }
            return true
        }
        switch name.count {
        case 2: return isWord("id") ? .id : .other
        case 6:
            if isWord("source") { return .source }
            return isWord("target") ? .target : .other
        case 11:
            if isWord("source_lang") { return .sourceLanguage }
            return isWord("target_lang") ? .targetLanguage : .other
        default: return .other
        }
    }

    /// `true`, `false` or `null` at `index`, exactly; moves past it.
    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard bytes[index..<(index + count)].elementsEqual(expected) else { return false }
        index += count
        return true
    }

    /// An integer at `index` (`-`, then at most 18 digits without a leading zero), as
    /// `NSNumber.stringValue` writes it; moves past it.
    private mutating func integer() -> String? {
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value: Int64 = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            // Counted before the digit is added: a nineteenth digit can overflow `Int64`, and
            // the number is the reference reader's anyway.
            guard index - start < Self.maximumDigits else { return nil }
            value = value * 10 + Int64(bytes[index] - 0x30)
            index += 1
        }
        guard index > start, bytes[start] != 0x30 || index == start + 1 else { return nil }
        // A fraction or an exponent makes it a floating-point number, whose text is NSNumber's.
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return nil }
        return String(negative ? -value : value)
    }

    /// Skips a number at `index` written without an exponent and with at most 18 digits on either
    /// side of the point.
    private mutating func skipNumber() -> Bool {
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        let start = index
        let whole = digits()
        guard whole > 0, whole <= Self.maximumDigits, bytes[start] != 0x30 || whole == 1 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fraction = digits()
            guard fraction > 0, fraction <= Self.maximumDigits else { return false }
        }
        return index == bytes.count || (bytes[index] != UInt8(ascii: "e") && bytes[index] != UInt8(ascii: "E"))
    }

    /// Skips any value at `index`, inside `depth` containers (the record's own object counts).
    private mutating func skipValue(depth: Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { return false }
            let object = bytes[index] == UInt8(ascii: "{")
            let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            guard index < bytes.count else { return false }
            if bytes[index] == close {
                index += 1
                return true
            }
            while true {
                if object {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), skipString() else { return false }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                    index += 1
                    skipSpace()
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == close {
                    index += 1
                    return true
                }
                guard bytes[index] == UInt8(ascii: ",") else { return false }
                index += 1
                skipSpace()
            }
        default:
            return skipNumber()
        }
    }

    private mutating func skipString() -> Bool {
        index += 1
        var ignored: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return true
            }
            if byte < 0x20 { return false }
            if byte == UInt8(ascii: "\\") {
                guard escape(decoding: false, into: &ignored) != nil else { return false }
            } else {
                index += 1
            }
        }
        return false
    }

    /// The escape at `index` (which holds `\`): appends what it stands for to `text` (when
    /// `decoding`) and moves past it; returns the UTF-16 units it makes, or `nil` when it is not a
    /// valid escape (or a lone surrogate).
    private mutating func escape(decoding: Bool, into text: inout [UInt8]) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        let decoded: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "u"):
            guard let first = hex(at: index) else { return nil }
            var scalar = first
            var length = 6
            if (0xD800..<0xDC00).contains(first) {
                guard let second = hex(at: index + 6), (0xDC00..<0xE000).contains(second) else { return nil }
                scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                length = 12
            } else if (0xDC00..<0xE000).contains(first) || first == 0xFEFF {
                return nil
            }
            if decoding { Self.appendUTF8(scalar, to: &text) }
            index += length
            return scalar >= 0x10000 ? 2 : 1
        default: return nil
        }
        if decoding { text.append(decoded) }
        index += 2
        return 1
    }

    /// The four hex digits of a `\u` escape at `position`.
    private func hex(at position: Int) -> UInt32? {
        guard position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        else { return nil }
        var value: UInt32 = 0
        for byte in bytes[(position + 2)..<(position + 6)] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to text: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            text.append(UInt8(scalar))
        case ..<0x800:
            text.append(UInt8(0xC0 | scalar >> 6))
            text.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            text.append(UInt8(0xE0 | scalar >> 12))
            text.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            text.append(UInt8(0x80 | scalar & 0x3F))
        default:
            text.append(UInt8(0xF0 | scalar >> 18))
            text.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            text.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            text.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The string at `index` (which holds `"`), decoded; moves past it. With `mapping`, appends its
    /// stretches written without escapes to `runs`, as `JSONStringLocator` gives them.
    private mutating func string() -> String? {
        var ignored: [VerbatimRun] = []
        return string(mapping: false, runs: &ignored)
    }

    private mutating func string(mapping: Bool, runs: inout [VerbatimRun]) -> String? {
        index += 1
        let start = index
        // Most strings have no escape: their bytes are their text.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20,
              bytes[index] != 0xEF {
            index += 1
        }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if mapping, let byteOffset, index > start {
                runs.append(VerbatimRun(text: 0..<text.utf16.count, byteOffset: byteOffset + start, escaping: .jsonString))
            }
            index += 1
            return text
        }
        guard bytes[index] == UInt8(ascii: "\\") || bytes[index] == 0xEF else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity(2 * (index - start) + 16)
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        var units = 0
        var runStart: (unit: Int, byte: Int)? = index > start ? (0, start) : nil
        if runStart != nil { units = Self.utf16Count(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
        func close(_ runs: inout [VerbatimRun], byteOffset: Int?) {
            if mapping, let byteOffset, let run = runStart, units > run.unit {
                runs.append(VerbatimRun(text: run.unit..<units, byteOffset: byteOffset + run.byte, escaping: .jsonString))
            }
            runStart = nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                // Text that ends with an escape ends here, not where the escape starts.
                if mapping, let byteOffset, runStart == nil, units > 0 { runs.append(.anchor(at: units, byteOffset: byteOffset + index)) }
                close(&runs, byteOffset: byteOffset)
                index += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte < 0x20 || Self.isByteOrderMark(at: index, in: bytes) { return nil }
            if byte == UInt8(ascii: "\\") {
                close(&runs, byteOffset: byteOffset)
                if mapping, let byteOffset { runs.append(.anchor(at: units, byteOffset: byteOffset + index)) }
                guard let made = escape(decoding: true, into: &text) else { return nil }
                units += made
                continue
            }
            if runStart == nil { runStart = (units, index) }
            text.append(byte)
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            index += 1
        }
        return nil
    }

    /// U+FEFF written out: `JSONSerialization` drops some of them from a string (and so from a key).
    private static func isByteOrderMark(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes[position] == 0xEF && position + 2 < bytes.count && bytes[position + 1] == 0xBB && bytes[position + 2] == 0xBF
    }

    private static func utf16Count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var units = 0
        for byte in bytes where byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
        return units
    }
}
