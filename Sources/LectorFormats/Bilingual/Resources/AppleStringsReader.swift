import LectorText
import Foundation

/// Reads Apple `.strings` files: `"key" = "value";` entries with `/* */` and `//` comments, in UTF-8
/// or UTF-16 with a byte order mark (Xcode's older default). Keys may be bare words. A value's line
/// and column are where its text starts, after the opening quote. Escapes: `\n \t \r \" \\ \'` and
/// `\Uxxxx`/`\uxxxx`.
///
/// With `mappingTargets`, each value of a UTF-8 file says where its text stands in the bytes,
/// between escapes (`fix` writes there with `ReplacementEscaping.appleStrings`). A UTF-16 file is
/// read but not mapped: a replacement would have to be written in UTF-16.
enum AppleStringsReader {
    static func read(contentsOf path: String, mappingTargets: Bool = false) throws(InputError) -> ResourceFile {
        let data = try XMLDocumentWalker.contents(of: path)
        return try read(data: data, name: path, mappingTargets: mappingTargets)
    }

    /// The text, and for a UTF-8 file the length of its byte order mark (`nil` for UTF-16).
    static func decode(_ data: Data, name: String) throws(InputError) -> (text: String, utf8Start: Int?) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]), let text = String(data: data.dropFirst(2), encoding: .utf16LittleEndian) { return (text, nil) }
        if bytes.starts(with: [0xFE, 0xFF]), let text = String(data: data.dropFirst(2), encoding: .utf16BigEndian) { return (text, nil) }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = bom ? Data(bytes.dropFirst(3)) : data
        guard let text = String(data: body, encoding: .utf8) else {
            throw InputError(file: name, line: UTF8Validation.firstInvalidLine(bytes[(bom ? 3 : 0)...]),
                             message: UTF8Validation.message + " (nor UTF-16 with a byte order mark)")
        }
        return (text, bom ? 3 : 0)
    }

    static func read(data: Data, name: String, mappingTargets: Bool = false) throws(InputError) -> ResourceFile {
        let decoded = try decode(data, name: name)
        let scalars = Array(decoded.text.unicodeScalars)
        let mapping = mappingTargets && decoded.utf8Start != nil
        var index = 0
        var line = 1
        var column = 1
        /// UTF-8 offset in the file of `scalars[index]` (meaningful for a UTF-8 file only).
        var byte = decoded.utf8Start ?? 0
        var entries: [ResourceEntry] = []
        func error(_ message: String) -> InputError { InputError(file: name, line: line, message: message) }
        func advance() {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            byte += scalars[index].utf8.count
            index += 1
        }
        func skipSpaceAndComments() throws(InputError) {
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar.properties.isWhitespace || scalar == "\u{FEFF}" {
                    advance()
                } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                    let startLine = line
                    advance(); advance()
                    while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") { advance() }
                    guard index + 1 < scalars.count else {
                        throw InputError(file: name, line: startLine, message: "a comment that is never closed")
                    }
                    advance(); advance()
                } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "/" {
                    while index < scalars.count, scalars[index] != "\n" { advance() }
                } else {
                    return
                }
            }
        }
        func quoted() throws(InputError) -> SegmentText {
            advance()  // the opening quote
            let startLine = line, startColumn = column
            var text = String.UnicodeScalarView()
            // The verbatim stretches between escapes: UTF-16 offsets in `text`, bytes in the file.
            var runs: [VerbatimRun] = []
            var runStart: (unit: Int, byte: Int)?
            var units = 0
            func closeRun() {
                if let start = runStart, units > start.unit {
                    runs.append(VerbatimRun(text: start.unit..<units, byteOffset: start.byte, escaping: .appleStrings))
                }
                runStart = nil
            }
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\"" {
                    // Text that ends with an escape ends here, not where the escape starts.
                    if runStart == nil, units > 0 { runs.append(.anchor(at: units, byteOffset: byte)) }
                    closeRun()
                    advance()
                    var segment = SegmentText(text: String(text), line: startLine, column: startColumn)
                    if mapping { segment.verbatimRuns = runs }
                    return segment
                }
                if scalar == "\\", index + 1 < scalars.count {
                    closeRun()
                    runs.append(.anchor(at: units, byteOffset: byte))
                    advance()
                    let escaped = scalars[index]
                    advance()
                    switch escaped {
                    case "n": text.append("\n")
                    case "t": text.append("\t")
                    case "r": text.append("\r")
                    case "0": text.append("\0")
                    case "U", "u":
                        var hex = ""
                        while hex.count < 4, index < scalars.count, scalars[index].properties.isASCIIHexDigit {
                            hex.unicodeScalars.append(scalars[index])
                            advance()
                        }
                        guard let value = UInt32(hex, radix: 16), let code = Unicode.Scalar(value) else {
                            throw error("\\\(escaped) needs four hex digits")
                        }
                        text.append(code)
                    default: text.append(escaped)
                    }
                    units += text.last.map { $0.utf16.count } ?? 0
                    continue
                }
                if runStart == nil { runStart = (units, byte) }
                text.append(scalar)
                units += scalar.utf16.count
                advance()
            }
            throw InputError(file: name, line: startLine, message: "a string that is never closed")
        }
        func bare() -> SegmentText? {
            let startLine = line, startColumn = column
            var text = String.UnicodeScalarView()
            while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil
                    || "_.-$:/".unicodeScalars.contains(scalars[index]) {
                text.append(scalars[index])
                advance()
            }
            return text.isEmpty ? nil : SegmentText(text: String(text), line: startLine, column: startColumn)
        }
        while true {
            try skipSpaceAndComments()
            guard index < scalars.count else { break }
            let key: SegmentText
            if scalars[index] == "\"" { key = try quoted() } else {
                guard let word = bare() else { throw error("expected a key in quotes, found “\(Character(scalars[index]))”") }
                key = word
            }
            try skipSpaceAndComments()
            guard index < scalars.count, scalars[index] == "=" else { throw error("expected “=” after the key “\(key.text)”") }
            advance()
            try skipSpaceAndComments()
            guard index < scalars.count, scalars[index] == "\"" else { throw error("expected a value in quotes for “\(key.text)”") }
            let value = try quoted()
            try skipSpaceAndComments()
            guard index < scalars.count, scalars[index] == ";" else { throw error("expected “;” after the value of “\(key.text)”") }
            advance()
            entries.append(ResourceEntry(key: key.text, text: value))
        }
        return ResourceFile(path: name, language: ResourceFormat.appleStrings.language(of: name), format: "strings", entries: entries)
    }
}
