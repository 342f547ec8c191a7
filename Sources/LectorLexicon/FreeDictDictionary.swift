import Foundation
import LectorZlib

/// A translation found in a bilingual dictionary, with its part of speech where the entry gives one.
public struct DictionaryTranslation: Hashable, Sendable, CustomStringConvertible {
    public enum PartOfSpeech: String, Sendable, Hashable { case noun, verb, adjective, adverb, other }

    public let text: String
    public let partOfSpeech: PartOfSpeech?

    public init(text: String, partOfSpeech: PartOfSpeech?) {
        self.text = text
        self.partOfSpeech = partOfSpeech
    }

    public var description: String { partOfSpeech.map { "\(text) <\($0.rawValue)>" } ?? text }
}

/// A FreeDict dictionary in dictd format: `NAME.index` (one line per entry: headword, tab, offset,
/// tab, length; offset and length in dictd's base 64) and `NAME.dict.dz` (the entries' text, dictzip).
///
/// The index is memory-mapped and hashed once (line starts only, by case-folded headword), so a
/// lookup reads one or a few index lines and inflates only the dictzip chunks of its entries.
public final class FreeDictDictionary: Sendable {
    public let indexPath: String
    public let dataPath: String
    /// The languages as FreeDict names them (`deu`, `eng`).
    public let sourceCode: String
    public let targetCode: String

    private let index: Data
    /// Open-addressing table of (line start + 1); 0 marks an empty slot.
    private let slots: [UInt32]
    private let data: DictzipFile
    /// The source language as a two-letter code (`de`), what the headwords are written in.
    public var language: String { LexicalLanguages.code(forFreeDict: sourceCode) }
    /// Entries in the index (lines with a headword).
    public let entryCount: Int

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String)
        case tooLarge(String)
        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read \(path)"
            case .tooLarge(let path): "\(path) is larger than 4 GB"
            }
        }
    }

    /// Opens `NAME.index` and `NAME.dict.dz` (or `NAME.dict`, uncompressed, is not supported: FreeDict
    /// ships dictzip only).
    public init(indexPath: String) throws {
        self.indexPath = indexPath
        let base = String(indexPath.dropLast(".index".count))
        dataPath = base + ".dict.dz"
        let name = (base as NSString).lastPathComponent
        let codes = name.hasPrefix("freedict-") ? name.dropFirst("freedict-".count).split(separator: "-") : []
        sourceCode = codes.count == 2 ? String(codes[0]) : ""
        targetCode = codes.count == 2 ? String(codes[1]) : ""
        guard let index = try? Data(contentsOf: URL(fileURLWithPath: indexPath), options: .alwaysMapped) else {
            throw LoadError.unreadable(indexPath)
        }
        guard index.count < Int(UInt32.max) else { throw LoadError.tooLarge(indexPath) }
        self.index = index
        data = try DictzipFile(path: dataPath)
        (slots, entryCount) = Self.hash(index)
    }

    // MARK: - Lookup

    /// Whether a word (any case) is a headword.
    public func contains(_ word: String) -> Bool { !lineStarts(of: word).isEmpty }

    /// The raw text of every entry whose headword is `word` (any case).
    public func entries(of word: String) throws -> [String] {
        try lineStarts(of: word).map { start in
            let (offset, length) = fields(at: start)
            return String(decoding: try data.read(offset: offset, length: length), as: UTF8.self)
        }
    }

    /// The translations of `word` (any case), each once, in dictionary order.
    public func translations(of word: String) throws -> [DictionaryTranslation] {
        var seen = Set<DictionaryTranslation>()
        var result: [DictionaryTranslation] = []
        for entry in try entries(of: word) {
            for translation in Self.translations(inEntry: entry) where seen.insert(translation).inserted {
                result.append(translation)
            }
        }
        return result
    }

    /// Every headword with its translations, read in one pass over the whole dictionary (for reversing
    /// a dictionary that exists in one direction only).
    public func allEntries() throws -> [(headword: String, translations: [DictionaryTranslation])] {
        let text = try data.readAll()
        var result: [(String, [DictionaryTranslation])] = []
        result.reserveCapacity(entryCount)
        index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if let (headword, offset, length) = Self.parseLine(bytes, start, end), !headword.isEmpty,
                   offset + length <= text.count, !headword.hasPrefix("00database"), !headword.hasPrefix("00-database") {
                    let entry = String(decoding: text[offset..<offset + length], as: UTF8.self)
                    result.append((headword, Self.translations(inEntry: entry)))
                }
                start = end + 1
            }
        }
        return result
    }

    // MARK: - Entry text

    /// The translations in one entry's text. The first line is the headword (with pronunciation and
    /// `<pos>` tags); translation lines start at the margin, optionally numbered (`2. cat`);
    /// indented lines are notes, examples, synonyms and cross-references.
    static func translations(inEntry entry: String) -> [DictionaryTranslation] {
        var lines = entry.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return [] }
        let headwordPOS = partOfSpeech(inTags: lines.removeFirst())
        var result: [DictionaryTranslation] = []
        for line in lines {
            var text = line.drop(while: \.isWhitespace)
            // Indented lines are notes, examples and cross-references, except a translation that
            // opens with a domain label (` [zool.] dog <n>`).
            guard let first = text.first, first != "(", first != "{", first != "\"",
                  text.startIndex == line.startIndex || first == "[" else { continue }
            // Numbered senses: `1. cat`, `2. shamisen`.
            if let dot = text.firstIndex(of: "."), text[..<dot].allSatisfy(\.isNumber), dot > text.startIndex {
                text = text[text.index(after: dot)...]
            }
            for item in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                let pos = partOfSpeech(inTags: item) ?? headwordPOS
                let cleaned = strip(item)
                guard !cleaned.isEmpty, cleaned.count <= 60, !cleaned.hasPrefix("see:") else { continue }
                result.append(DictionaryTranslation(text: cleaned, partOfSpeech: pos))
            }
        }
        return result
    }

    /// Removes `<…>` tags, `[…]` labels, `(…)` remarks, `/…/` pronunciations and trailing sense numbers.
    static func strip(_ item: Substring) -> String {
        var output = ""
        var depth: [Character] = []
        let pairs: [Character: Character] = ["<": ">", "[": "]", "(": ")"]
        for character in item {
            if let close = pairs[character] {
                depth.append(close)
            } else if let last = depth.last, character == last {
                depth.removeLast()
            } else if depth.isEmpty {
                output.append(character)
            }
        }
        var words = output.split(whereSeparator: \.isWhitespace)
        while let last = words.last, last.allSatisfy({ $0.isNumber || $0 == "." }) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// The part of speech in a line's `<…>` tags (`<n>`, `<v, intr>`, `<adj>`) or JMdict-style
    /// `(noun …)` remark.
    static func partOfSpeech<S: StringProtocol>(inTags text: S) -> DictionaryTranslation.PartOfSpeech? {
        var cursor = text.startIndex
        while let open = text[cursor...].firstIndex(where: { $0 == "<" || $0 == "(" }) {
            let close: Character = text[open] == "<" ? ">" : ")"
            guard let end = text[open...].firstIndex(of: close) else { break }
            let tags = text[text.index(after: open)..<end]
                .split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.lowercased() }
            for tag in tags {
                switch tag {
                case "n", "noun", "nf", "nm", "nn": return .noun
                case "v", "verb", "vt", "vi": return .verb
                case "adj", "adjective", "a": return .adjective
                case "adv", "adverb": return .adverb
                default: continue
                }
            }
            cursor = text.index(after: end)
        }
        return nil
    }

    // MARK: - Index

    private func lineStarts(of word: String) -> [Int] {
        let key = Self.foldedKey(Array(word.utf8)[...])
        guard !key.isEmpty, !slots.isEmpty else { return [] }
        let mask = slots.count - 1
        var slot = Int(Self.fnv1a(key) & UInt64(mask))
        var result: [Int] = []
        index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            while slots[slot] != 0 {
                let start = Int(slots[slot] - 1)
                var tab = start
                while tab < bytes.count, bytes[tab] != 0x09, bytes[tab] != 0x0A { tab += 1 }
                if Self.foldedKey(bytes[start..<tab]) == key { result.append(start) }
                slot = (slot + 1) & mask
            }
        }
        return result
    }

    private func fields(at start: Int) -> (offset: Int, length: Int) {
        index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let parsed = Self.parseLine(bytes, start, end)
            return (parsed?.offset ?? 0, parsed?.length ?? 0)
        }
    }

    static func parseLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> (headword: String, offset: Int, length: Int)? {
        var firstTab = start
        while firstTab < end, bytes[firstTab] != 0x09 { firstTab += 1 }
        var secondTab = firstTab + 1
        while secondTab < end, bytes[secondTab] != 0x09 { secondTab += 1 }
        guard firstTab < end, secondTab < end,
              let offset = decodeBase64Number(bytes[(firstTab + 1)..<secondTab]),
              let length = decodeBase64Number(bytes[(secondTab + 1)..<end]) else { return nil }
        return (String(decoding: bytes[start..<firstTab], as: UTF8.self), offset, length)
    }

    /// A dictd number: base 64 over `A–Z a–z 0–9 + /`, most significant digit first.
    static func decodeBase64Number<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for digit in digits {
            let d: Int
            switch digit {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = Int(digit - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = Int(digit - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = Int(digit - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): d = 62
            case UInt8(ascii: "/"): d = 63
            case 0x0D: continue
            default: return nil
            }
            value = value * 64 + d
        }
        return value
    }

    /// The headword as hashed: lower-cased (ASCII in place, other scripts through Swift's lowercasing).
    static func foldedKey<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        }
        return Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8)
    }

    static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    /// `fnv1a(foldedKey(bytes))` without building the key for ASCII headwords (most of them).
    static func foldedHash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes {
            if byte >= 0x80 { return fnv1a(foldedKey(bytes)) }
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            hash = (hash ^ UInt64(folded)) &* 0x100000001b3
        }
        return hash
    }

    private static func hash(_ index: Data) -> ([UInt32], Int) {
        index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> ([UInt32], Int) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines = 0
            for byte in bytes where byte == 0x0A { lines += 1 }
            var capacity = 16
            while capacity < lines * 2 { capacity <<= 1 }
            var slots = [UInt32](repeating: 0, count: capacity)
            let mask = capacity - 1
            var entries = 0
            var start = 0
            while start < bytes.count {
                var tab = start
                while tab < bytes.count, bytes[tab] != 0x09, bytes[tab] != 0x0A { tab += 1 }
                if tab > start, tab < bytes.count, bytes[tab] == 0x09 {
                    var slot = Int(foldedHash(bytes[start..<tab]) & UInt64(mask))
                    while slots[slot] != 0 { slot = (slot + 1) & mask }
                    slots[slot] = UInt32(start + 1)
                    entries += 1
                }
                var end = tab
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                start = end + 1
            }
            return (slots, entries)
        }
    }
}
