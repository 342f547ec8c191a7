import LectorText

/// Invalid UTF-8 in the formats that read bytes themselves (JSON resources, `.strings`, XML
/// without a root) is an input error naming the line of the first bad byte, as `SourceDocument`
/// says it for PO and JSON Lines: a byte read as U+FFFD would be checked, and fixed, as text.
enum UTF8Validation {
    static let message = "the file is not valid UTF-8"

    /// The 1-based line of the first byte sequence that is not UTF-8, or `nil` when all are.
    static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard String(validating: bytes, as: Unicode.UTF8.self) == nil else { return nil }
        var line = 1
        var lineStart = bytes.startIndex
        // Line by line, so that the reported line is the one holding the bad byte.
        for index in bytes.indices where bytes[index] == 0x0A {
            if String(validating: bytes[lineStart..<index], as: Unicode.UTF8.self) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }

    /// Throws when `bytes` (after a UTF-8 byte order mark, if any) are not UTF-8.
    static func check(_ bytes: [UInt8], file: String, message: String = message) throws(InputError) {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let line = firstInvalidLine(body) { throw InputError(file: file, line: line, message: message) }
    }
}
