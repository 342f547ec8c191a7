import LectorText
/// JSON read with the place of every value, for the resource formats stored as JSON (String
/// Catalogs, Flutter ARB, i18next): findings need a string's line and column, and a fix needs the
/// exact bytes of the string literal to replace. Objects keep their keys in file order.
struct LocatedJSON {
    indirect enum Node {
        case object([(key: String, value: LocatedJSON)])
        case array([LocatedJSON])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    let node: Node
    /// 1-based line where the value starts; for a string, of its first character after the quote.
    let line: Int
    /// 1-based column (Unicode scalars) of the first character after a string's opening quote, or of the value.
    let column: Int
    /// Bytes of the value in the file; for a string, the literal with its quotes.
    let byteRange: Range<Int>
    /// For a string: the stretches of its text that stand byte for byte in the file, between
    /// escapes (what `fix` may replace, escaped as JSON).
    var runs: [VerbatimRun] = []

    var string: String? { if case .string(let value) = node { value } else { nil } }
    var members: [(key: String, value: LocatedJSON)]? { if case .object(let members) = node { members } else { nil } }

    subscript(key: String) -> LocatedJSON? { members?.first { $0.key == key }?.value }

    static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> LocatedJSON {
        try UTF8Validation.check(bytes, file: file)
        var parser = Parser(bytes: bytes, file: file)
        // A UTF-8 byte order mark is allowed before the document.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var index = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        func error(_ message: String) -> InputError {
            InputError(file: file, line: line, message: "not valid JSON: \(message)")
        }

        /// Column in Unicode scalars: UTF-8 continuation bytes do not count.
        func column(at position: Int) -> Int {
            var count = 1
            var i = lineStart
            while i < position {
                if bytes[i] & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
            return count
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = index
                default: return
                }
            }
        }

        mutating func value() throws(InputError) -> LocatedJSON {
            guard index < bytes.count else { throw error("unexpected end of the file") }
            let start = index
            let startLine = line
            let startColumn = column(at: index)
            switch bytes[index] {
            case 0x7B:  // {
                index += 1
                var members: [(String, LocatedJSON)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == 0x7D {
                    index += 1
                    return LocatedJSON(node: .object([]), line: startLine, column: startColumn, byteRange: start..<index)
                }
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == 0x22 else { throw error("expected a key in quotes") }
                    let key = try stringValue().string ?? ""
                    skipSpace()
                    guard index < bytes.count, bytes[index] == 0x3A else { throw error("expected “:” after the key “\(key)”") }
                    index += 1
                    skipSpace()
                    members.append((key, try value()))
                    skipSpace()
                    guard index < bytes.count else { throw error("unexpected end of the file in an object") }
                    if bytes[index] == 0x2C {
                        index += 1
                        continue
                    }
                    guard bytes[index] == 0x7D else { throw error("expected “,” or “}”") }
                    index += 1
                    return LocatedJSON(node: .object(members), line: startLine, column: startColumn, byteRange: start..<index)
                }
            case 0x5B:  // [
                index += 1
                var items: [LocatedJSON] = []
                skipSpace()
                if index < bytes.count, bytes[index] == 0x5D {
                    index += 1
                    return LocatedJSON(node: .array([]), line: startLine, column: startColumn, byteRange: start..<index)
                }
                while true {
                    skipSpace()
                    items.append(try value())
                    skipSpace()
                    guard index < bytes.count else { throw error("unexpected end of the file in an array") }
                    if bytes[index] == 0x2C {
                        index += 1
                        continue
                    }
                    guard bytes[index] == 0x5D else { throw error("expected “,” or “]”") }
                    index += 1
                    return LocatedJSON(node: .array(items), line: startLine, column: startColumn, byteRange: start..<index)
                }
            case 0x22:
                return try stringValue()
            case 0x74, 0x66, 0x6E:  // true false null
                for (literal, node) in [("true", Node.bool(true)), ("false", .bool(false)), ("null", .null)] {
                    let utf8 = Array(literal.utf8)
                    if bytes.count - index >= utf8.count, Array(bytes[index..<(index + utf8.count)]) == utf8 {
                        index += utf8.count
                        return LocatedJSON(node: node, line: startLine, column: startColumn, byteRange: start..<index)
                    }
                }
                throw error("unexpected “\(Character(Unicode.Scalar(bytes[index])))”")
            default:
                let numberStart = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                guard index > numberStart else { throw error("unexpected “\(Character(Unicode.Scalar(bytes[index])))”") }
                let text = String(decoding: bytes[numberStart..<index], as: UTF8.self)
                return LocatedJSON(node: .number(text), line: startLine, column: startColumn, byteRange: start..<index)
            }
        }

        mutating func stringValue() throws(InputError) -> LocatedJSON {
            let start = index
            index += 1
            let startLine = line
            let startColumn = column(at: index)
            var scalars = String.UnicodeScalarView()
            var runStart = index
            var utf16Length = 0
            var runs: [VerbatimRun] = []
            func flush(_ end: Int) {
                let piece = String(decoding: bytes[runStart..<end], as: UTF8.self)
                let length = piece.utf16.count
                if length > 0 {
                    runs.append(VerbatimRun(text: utf16Length..<(utf16Length + length), byteOffset: runStart, escaping: .jsonString))
                }
                utf16Length += length
                scalars.append(contentsOf: piece.unicodeScalars)
            }
            func append(_ scalar: Unicode.Scalar) {
                scalars.append(scalar)
                utf16Length += scalar.utf16.count
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    // Text that ends with an escape ends here, not where the escape starts.
                    if runStart == index, utf16Length > 0 { runs.append(.anchor(at: utf16Length, byteOffset: index)) }
                    flush(index)
                    index += 1
                    var value = LocatedJSON(node: .string(String(scalars)), line: startLine, column: startColumn, byteRange: start..<index)
                    value.runs = runs
                    return value
                }
                if byte == 0x0A || byte == 0x0D { throw error("a line break inside a string") }
                if byte == 0x5C {
                    flush(index)
                    runs.append(.anchor(at: utf16Length, byteOffset: index))
                    guard index + 1 < bytes.count else { break }
                    let escaped = bytes[index + 1]
                    index += 2
                    switch escaped {
                    case 0x22: append("\"")
                    case 0x5C: append("\\")
                    case 0x2F: append("/")
                    case 0x62: append("\u{08}")
                    case 0x66: append("\u{0C}")
                    case 0x6E: append("\n")
                    case 0x72: append("\r")
                    case 0x74: append("\t")
                    case 0x75:
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 {
                            index += 2
                            let low = try hex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    default:
                        throw error("unknown escape \\\(Character(Unicode.Scalar(escaped)))")
                    }
                    runStart = index
                    continue
                }
                index += 1
            }
            throw error("unterminated string")
        }

        mutating func hex4() throws(InputError) -> UInt32 {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
                throw error("a \\u escape needs four hex digits")
            }
            index += 4
            return value
        }
    }
}
