import Foundation
import LectorText

/// Plain text as `check` reads it and `fix` writes it: all of it is prose except URLs, e-mail
/// addresses and file paths, which are masked as HTML and Markdown mask theirs. A glossary term
/// inside `https://example.org/Kiev`, `kiev@example.org` or `/srv/Kiev/index.txt` names a resource,
/// not the place; rewriting it would break the link, the address or the path.
///
/// What counts (a token is a run of bytes without ASCII white space):
/// - a URL starts with `http://`, `https://`, `ftp://`, `ftps://`, `sftp://`, `file://`, `mailto:`
///   or `www.` anywhere in a token where no ASCII letter or digit comes just before it (so
///   `请访问https://…` is found), and ends at white space, `<`, `>`, `"`, a no-break or typographic
///   space, a curly quote, a guillemet, a CJK or Hangul character, or full-width punctuation;
/// - an e-mail address is a whole token `local@domain.tld` (ASCII);
/// - a file path is a whole token that starts with `/` (and has a second separator or an
///   extension), `./`, `../`, `~/`, `\\` or a drive (`C:\`, `C:/`), or has a separator inside and an
///   extension at the end (`docs/Kiev.md`), so `and/or`, `km/h` and `Kiev/Kyiv` stay prose.
///
/// Opening brackets and quotes before a token, and closing punctuation after it (`.`, `,`, `)` that
/// closes nothing inside it, `”`, `»` …), are prose. Time is linear in the file.
public enum PlainText: EditableFormat {
    public static func editableText(_ data: Data, path: String) throws(InputError) -> EditableText {
        let bytes = [UInt8](data)
        let masked = protectedRanges(in: bytes)
        guard !masked.isEmpty else { return .plain(try SourceDocument.decode(data, path: path)) }
        return try maskedText(bytes, masked: masked, path: path)
    }

    /// The document of `editableText`, without the bytes it keeps for `fix` when nothing is
    /// masked (a copy of every window of a long text, which `check` never reads).
    public static func checkedDocument(_ data: Data, path: String) throws(InputError) -> SourceDocument {
        let bytes = [UInt8](data)
        let masked = protectedRanges(in: bytes)
        guard !masked.isEmpty else { return try SourceDocument.decode(data, path: path) }
        return try maskedText(bytes, masked: masked, path: path).document
    }

    private static func maskedText(_ bytes: [UInt8], masked: [Range<Int>], path: String) throws(InputError) -> EditableText {
        var builder = MaskedTextBuilder(bytes: bytes)
        var proseStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for range in masked {
            builder.prose(proseStart..<range.lowerBound, escaping: .none)
            proseStart = range.upperBound
        }
        builder.prose(proseStart..<bytes.count, escaping: .none)
        return try builder.build(path: path)
    }

    /// The byte ranges of URLs, e-mail addresses and file paths, in increasing order.
    ///
    /// A token can hold one only if it has a `:` (every URL prefix but `www.` has one), a `www.`
    /// in any case, an `@` or a separator, so the bytes are searched for those marks (`UnitScan`,
    /// many bytes a step) and only the tokens around them are read: token by token, the scan was
    /// a twentieth of a target-only check. `protectedRangesByToken` is the reading of every token,
    /// kept to test this one against.
    public static func protectedRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let floor = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        @inline(__always) func isW(_ byte: UInt8) -> Bool { byte | 0x20 == UInt8(ascii: "w") }
        bytes.withUnsafeBufferPointer { buffer in
            var position = floor
            while true {
                let mark = UnitScan.firstIndex(in: buffer, from: position, ofAny: UInt8(ascii: ":"), UInt8(ascii: "@"),
                                               UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "."))
                guard mark < buffer.count else { break }
                if buffer[mark] == UInt8(ascii: "."),
                   !(mark >= floor + 3 && isW(buffer[mark - 1]) && isW(buffer[mark - 2]) && isW(buffer[mark - 3])) {
                    position = mark + 1
                    continue
                }
                // The token around the mark; the tokens before it have been read (a token with a
                // mark is read whole, and the search goes on after it).
                var start = mark
                while start > floor, !buffer[start - 1].isASCIIWhitespace { start -= 1 }
                var end = mark + 1
                while end < buffer.count, !buffer[end].isASCIIWhitespace { end += 1 }
                protect(token: start..<end, in: bytes, into: &ranges)
                position = end
            }
        }
        return ranges
    }

    /// `protectedRanges` token by token.
    static func protectedRangesByToken(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while position < bytes.count {
            if bytes[position].isASCIIWhitespace {
                position += 1
                continue
            }
            let tokenStart = position
            while position < bytes.count, !bytes[position].isASCIIWhitespace { position += 1 }
            protect(token: tokenStart..<position, in: bytes, into: &ranges)
        }
        return ranges
    }

    /// The URLs in `token`, or else the token if it is an address or a path.
    private static func protect(token: Range<Int>, in bytes: [UInt8], into ranges: inout [Range<Int>]) {
        // Every URL prefix has a `:` or a `.`; an address has an `@`, a path a separator.
        var mayHoldURL = false
        var mayBeAddressOrPath = false
        for position in token {
            switch bytes[position] {
            case UInt8(ascii: ":"), UInt8(ascii: "."): mayHoldURL = true
            case UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "\\"): mayBeAddressOrPath = true
            default: break
            }
        }
        let before = ranges.count
        if mayHoldURL { scanURLs(in: bytes, token: token, into: &ranges) }
        if ranges.count == before, mayBeAddressOrPath, let whole = addressOrPath(in: bytes, token: token) {
            ranges.append(whole)
        }
    }

    private static let urlPrefixes: [[UInt8]] = ["https://", "http://", "ftps://", "ftp://", "sftp://", "file://",
                                                 "mailto:", "www."].map { Array($0.utf8) }

    private static func scanURLs(in bytes: [UInt8], token: Range<Int>, into ranges: inout [Range<Int>]) {
        var position = token.lowerBound
        while position < token.upperBound {
            let lead = bytes[position].asciiLowercased
            guard lead == UInt8(ascii: "h") || lead == UInt8(ascii: "f") || lead == UInt8(ascii: "s")
                || lead == UInt8(ascii: "m") || lead == UInt8(ascii: "w"),
                position == token.lowerBound || !bytes[position - 1].isASCIIAlphanumeric,
                let prefix = urlPrefixes.first(where: { hasPrefix($0, in: bytes, at: position, limit: token.upperBound) })
            else {
                position += 1
                continue
            }
            var end = position + prefix.count
            while end < token.upperBound, stopLength(in: bytes, at: end) == 0 { end += 1 }
            let trimmed = trimmingClosers(in: bytes, position..<end)
            // A bare scheme (`http://` followed by nothing) is not a link.
            if trimmed.count > prefix.count { ranges.append(trimmed) }
            position = max(end, position + 1)
        }
    }

    /// A whole token that is an e-mail address or a file path, without the brackets, quotes and
    /// punctuation around it.
    private static func addressOrPath(in bytes: [UInt8], token: Range<Int>) -> Range<Int>? {
        // An address has an `@`, a path a separator: most tokens (words) have neither, and need
        // none of the trimming below.
        guard bytes[token].contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
        else { return nil }
        var start = token.lowerBound
        while start < token.upperBound {
            let length = openerLength(in: bytes, at: start, limit: token.upperBound)
            guard length > 0 else { break }
            start += length
        }
        guard start < token.upperBound else { return nil }
        let range = trimmingClosers(in: bytes, start..<token.upperBound)
        guard !range.isEmpty else { return nil }
        return isEmailAddress(bytes[range]) || isPath(bytes[range]) ? range : nil
    }

    private static func isEmailAddress(_ text: ArraySlice<UInt8>) -> Bool {
        guard let at = text.firstIndex(of: UInt8(ascii: "@")), at > text.startIndex else { return false }
        let local = text[..<at]
        let domain = text[(at + 1)...]
        guard local.allSatisfy({ $0.isASCIIAlphanumeric || "._%+-".utf8.contains($0) }) else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(\.isASCIILetter) else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") } }
    }

    private static func isPath(_ text: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(text)
        func starts(_ literal: String) -> Bool { bytes.starts(with: literal.utf8) }
        let separators = bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") || bytes[$0] == UInt8(ascii: "\\") }
        guard let lastSeparator = separators.last, bytes.count > 1 else { return false }
        let hasExtension: Bool = {
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > lastSeparator + 1 else { return false }
            let ext = bytes[(dot + 1)...]
            return (1...5).contains(ext.count) && ext.allSatisfy(\.isASCIIAlphanumeric) && ext.contains(where: \.isASCIILetter)
        }()
        if starts("./") || starts("../") || starts("~/") || starts("\\\\") || starts(".\\") || starts("..\\") { return true }
        if bytes.count >= 3, bytes[0].isASCIILetter, bytes[1] == UInt8(ascii: ":"),
           bytes[2] == UInt8(ascii: "\\") || bytes[2] == UInt8(ascii: "/") { return true }
        if bytes[0] == UInt8(ascii: "/") { return separators.count >= 2 || hasExtension }
        return separators[0] > 0 && (hasExtension || isHostName(bytes[..<separators[0]]))
    }

    /// `kiev.ua` in `kiev.ua/Kiev`: a link written without its scheme, whose path is part of it.
    private static func isHostName(_ text: ArraySlice<UInt8>) -> Bool {
        let labels = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, (2...24).contains(top.count), top.allSatisfy(\.isASCIILetter) else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") } }
    }

    // MARK: - Bytes

    private static func hasPrefix(_ prefix: [UInt8], in bytes: [UInt8], at position: Int, limit: Int) -> Bool {
        guard position + prefix.count <= limit else { return false }
        for offset in prefix.indices where bytes[position + offset].asciiLowercased != prefix[offset] { return false }
        return true
    }

    /// The length of a character that ends a URL at `position` (0 if it does not): ASCII white
    /// space, `<`, `>`, `"`, a no-break space (U+00A0), general punctuation U+2000–U+203F (spaces,
    /// curly quotes, dashes …), CJK and Hangul U+3000–U+D7FF, full-width forms U+FF00–U+FF65.
    private static func stopLength(in bytes: [UInt8], at position: Int) -> Int {
        let byte = bytes[position]
        if byte.isASCIIWhitespace || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") { return 1 }
        func next(_ offset: Int) -> UInt8 { position + offset < bytes.count ? bytes[position + offset] : 0 }
        switch byte {
        case 0xC2 where next(1) == 0xA0 || next(1) == 0xAB || next(1) == 0xBB: return 2
        case 0xE2 where next(1) == 0x80: return 3
        // CJK symbols and punctuation, kana, ideographs, Yi and Hangul (U+3000–U+D7FF): Chinese
        // and Japanese text runs on after a link without a space, and no domain is written so.
        case 0xE3...0xED: return 3
        case 0xEF where next(1) == 0xBC || (next(1) == 0xBD && next(2) <= 0xA5): return 3
        default: return 0
        }
    }

    /// The length of an opening bracket or quote at `position` (0 if none).
    private static func openerLength(in bytes: [UInt8], at position: Int, limit: Int) -> Int {
        if "([{<\"'`".utf8.contains(bytes[position]) { return 1 }
        for utf8 in openers where hasPrefix(utf8, in: bytes, at: position, limit: limit) { return utf8.count }
        return 0
    }

    private static let openers = ["“", "‘", "„", "‚", "«", "‹", "「", "『", "（"].map { Array($0.utf8) }
    private static let closers = ["”", "’", "»", "›", "」", "』", "）"].map { Array($0.utf8) }

    /// `range` without the punctuation that closes the sentence or a bracket opened before it:
    /// `.,:;!?'"*_` and `)`, `]`, `}` that close nothing inside, curly quotes and guillemets.
    private static func trimmingClosers(in bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var balance: [UInt8: Int] = [:]
        for position in range {
            switch bytes[position] {
            case UInt8(ascii: "("): balance[UInt8(ascii: ")"), default: 0] += 1
            case UInt8(ascii: "["): balance[UInt8(ascii: "]"), default: 0] += 1
            case UInt8(ascii: "{"): balance[UInt8(ascii: "}"), default: 0] += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): balance[bytes[position], default: 0] -= 1
            default: break
            }
        }
        var end = range.upperBound
        while end > range.lowerBound {
            let last = bytes[end - 1]
            if ".,:;!?'\"*_`".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") || last == UInt8(ascii: "]") || last == UInt8(ascii: "}") {
                guard balance[last, default: 0] < 0 else { break }
                balance[last, default: 0] += 1
                end -= 1
            } else if let closer = closers.first(where: { end - $0.count >= range.lowerBound
                        && Array(bytes[(end - $0.count)..<end]) == $0 }) {
                end -= closer.count
            } else {
                break
            }
        }
        return range.lowerBound..<end
    }
}

extension UInt8 {
    @inline(__always) var isASCIIAlphanumeric: Bool { isASCIILetter || (0x30...0x39).contains(self) }
}

extension PlainText {
    /// Tells whether a place in an already decoded text lies in a URL, an e-mail address or a file
    /// path, found as `protectedRanges` finds them in a file. For texts whose links were not masked
    /// when they were read: the targets of bilingual and resource files, where
    /// `<a href="https://example.org/Kiev">` names a page, not the city, and must not be rewritten.
    ///
    /// Only the token (run without ASCII white space) around each asked place is read, and the last
    /// one is kept, so asking for every glossary match of a document in order is linear in its length.
    public struct LinkFinder {
        private var token: Range<Int> = 0..<0
        private var links: [Range<Int>] = []

        public init() {}

        /// Whether UTF-16 `range` of `utf16` overlaps a URL, e-mail address or file path.
        public mutating func overlapsLink(_ range: Range<Int>, in utf16: [UInt16]) -> Bool {
            guard !range.isEmpty else { return false }
            if !token.contains(range.lowerBound) { read(tokenAround: range.lowerBound, in: utf16) }
            return links.contains { $0.overlaps(range) }
        }

        /// `www.` in any case, as `scanURLs` looks for it.
        private static func hasWWW(_ units: ArraySlice<UInt16>) -> Bool {
            var index = units.startIndex
            while index + 3 < units.endIndex {
                if units[index] | 0x20 == 0x77, units[index + 1] | 0x20 == 0x77, units[index + 2] | 0x20 == 0x77,
                   units[index + 3] == 0x2E { return true }
                index += 1
            }
            return false
        }

        private static func isSpace(_ unit: UInt16) -> Bool {
            unit < 0x80 && UInt8(unit).isASCIIWhitespace
        }

        private mutating func read(tokenAround position: Int, in utf16: [UInt16]) {
            var start = position
            while start > 0, !Self.isSpace(utf16[start - 1]) { start -= 1 }
            var end = position
            while end < utf16.count, !Self.isSpace(utf16[end]) { end += 1 }
            token = start..<max(end, position + 1)
            links = []
            let units = utf16[start..<end]
            // A path has a `/` or `\`, an address an `@`, a URL a `:` after its scheme or a `www.`:
            // a token with none (a word ending a sentence) is not read as bytes.
            guard units.contains(where: { $0 == 0x2F || $0 == 0x40 || $0 == 0x3A || $0 == 0x5C }) || Self.hasWWW(units)
            else { return }
            let bytes = Array(String(decoding: units, as: UTF16.self).utf8)
            let found = PlainText.protectedRanges(in: bytes)
            guard !found.isEmpty else { return }
            // Byte offsets within the token to UTF-16 offsets in the text, in one walk.
            var byte = 0
            var unit = start
            func offset(ofByte target: Int) -> Int {
                while byte < target, unit < end {
                    byte += SourceDocument.utf8Length(of: utf16[unit])
                    unit += 1
                }
                // The high surrogate counted the pair's four bytes: its low half belongs to it.
                if unit < end, (0xDC00..<0xE000).contains(utf16[unit]) { unit += 1 }
                return unit
            }
            for range in found {
                let lower = offset(ofByte: range.lowerBound)
                let upper = offset(ofByte: range.upperBound)
                links.append(lower..<upper)
            }
        }
    }
}
