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

    /// Where the index's hash table, reverse links and translation table are kept between runs.
    let diskCache: LexiconDiskCache
    /// The translation table and when to look for it or build it.
    private let tableState = TableState()
    /// Look-ups after which the table is built when no valid one is cached (`translationTable()`).
    private let tableBuildAfter: Int

    /// Opens `NAME.index` and `NAME.dict.dz` (or `NAME.dict`, uncompressed, is not supported: FreeDict
    /// ships dictzip only). The hash table of the index comes from `cache` when it holds a valid one
    /// for this very file, and is stored there otherwise.
    public init(indexPath: String, cache: LexiconDiskCache = .standard) throws {
        diskCache = cache
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
        tableBuildAfter = Self.tableBuildThreshold(chunks: data.chunkCount, cached: cache.folder != nil)
        if let sections = cache.read(kind: .freeDictSlots, sources: [indexPath]), sections.count == 2,
           let slots = LexiconDiskCache.array(sections[0], of: UInt32.self),
           let count = LexiconDiskCache.array(sections[1], of: UInt64.self), count.count == 1,
           Self.isPlausibleTable(slots, entries: Int(count[0]), indexSize: index.count) {
            (self.slots, entryCount) = (slots, Int(count[0]))
        } else {
            (slots, entryCount) = Self.hash(index)
            cache.write(kind: .freeDictSlots, sources: [indexPath],
                        sections: [LexiconDiskCache.data(slots), LexiconDiskCache.data([UInt64(entryCount)])])
        }
    }

    /// A table read from the cache has the shape `hash` gives: a power of two over twice the
    /// entries, every slot empty or a line start inside the index. (The checksum already vouches
    /// for the bytes; this guards the lookups against a table of another index of the same size.)
    static func isPlausibleTable(_ slots: [UInt32], entries: Int, indexSize: Int) -> Bool {
        guard slots.count >= 16, slots.count & (slots.count - 1) == 0, entries >= 0, entries * 2 <= slots.count else { return false }
        // Every slot is within the index when the largest is: a loop the compiler does many
        // slots a step, where `allSatisfy`'s test went slot by slot (some 17 M instructions at
        // each start-up for the German-English index).
        var largest: UInt32 = 0
        for slot in slots { largest = max(largest, slot) }
        return Int(largest) <= indexSize
    }

    // MARK: - Lookup

    /// Whether a word (any case) is a headword.
    public func contains(_ word: String) -> Bool { !lineStarts(of: word).isEmpty }

    /// The raw text of every entry whose headword is `word` (any case).
    public func entries(of word: String) throws -> [String] { try entries(atLines: lineStarts(of: word)) }

    private func entries(atLines starts: [Int]) throws -> [String] {
        let places = starts.map { fields(at: $0) }
        guard places.count > 1 else {
            return try places.map { String(decoding: try data.read(offset: $0.offset, length: $0.length), as: UTF8.self) }
        }
        // A headword's entries (`Bank` the bench and `Bank` the bank) lie side by side in the data,
        // and each read inflated its dictzip chunk from the chunk's start again: read the span that
        // holds them all once, when it is no longer than a chunk or two.
        let start = places.map(\.offset).min()!, end = places.map { $0.offset + $0.length }.max()!
        guard end - start <= Self.spanReadLimit else {
            return try places.map { String(decoding: try data.read(offset: $0.offset, length: $0.length), as: UTF8.self) }
        }
        let span: [UInt8]
        do {
            span = try data.read(offset: start, length: end - start)
        } catch {
            // A damaged file answers as entry by entry, errors included: the span may reach a chunk
            // no entry lies in, and an entry past the data is reported with its own offsets.
            return try places.map { String(decoding: try data.read(offset: $0.offset, length: $0.length), as: UTF8.self) }
        }
        return places.map { String(decoding: span[($0.offset - start)..<($0.offset - start + $0.length)], as: UTF8.self) }
    }

    /// The longest span `entries(of:)` reads in one piece (a dictzip chunk holds about 58 KB).
    static let spanReadLimit = 1 << 16

    /// `entries(of:)` as each entry read on its own, for tests.
    func entriesReadOneByOne(of word: String) throws -> [String] {
        try lineStarts(of: word).map { start in
            let (offset, length) = fields(at: start)
            return String(decoding: try data.read(offset: offset, length: length), as: UTF8.self)
        }
    }

    /// The translations of `word` (any case), each once, in dictionary order.
    public func translations(of word: String) throws -> [DictionaryTranslation] {
        var seen = Set<DictionaryTranslation>()
        var result: [DictionaryTranslation] = []
        let starts = lineStarts(of: word)
        guard !starts.isEmpty else { return [] }
        if let table = translationTable() {
            for start in starts {
                let translations = try table.translations(atLine: start) ?? entry(atLine: start).translations
                for translation in translations where seen.insert(translation).inserted { result.append(translation) }
            }
            return result
        }
        for entry in try entries(atLines: starts) {
            for translation in Self.translations(inEntry: entry) where seen.insert(translation).inserted {
                result.append(translation)
            }
        }
        return result
    }

    // MARK: - Translation table

    /// Look-ups before the cache is asked for a translation table: a check of a sentence or two
    /// makes fewer and does not pay for checking the table's checksum (18 MB for deu-eng, about
    /// 17 M instructions). Each look-up before it reads its entries from the dictzip file, about
    /// 1.9 M instructions (a chunk inflated from its start per entry), and already a 10-unit de→en
    /// check makes over 16 look-ups in each direction: at 16, those first look-ups cost it more
    /// than the checksum they put off.
    static let tableLookAfter = 4

    /// The fewest look-ups after which a dictionary builds its translation table.
    static let tableBuildFloor = 64

    /// Look-ups after which a dictionary of `chunks` dictzip chunks builds its translation table.
    /// Building inflates every chunk once and a look-up about half of one, so with a cache to keep
    /// the table for later runs it is built once a quarter of the chunks' worth of look-ups is
    /// made; without one, once reading would have cost inflating the whole file twice. A file
    /// without random access is inflated whole by its first read anyway.
    static func tableBuildThreshold(chunks: Int, cached: Bool) -> Int {
        guard chunks > 0 else { return tableBuildFloor / 4 }
        return cached ? max(tableBuildFloor, chunks / 4) : max(tableBuildFloor, 4 * chunks)
    }

    /// The translation table, when one is cached or it is time to build it; `nil` before that, and
    /// when building failed (a damaged chunk: look-ups then read entry by entry with their errors).
    func translationTable() -> FreeDictTranslationTable? {
        enum Step { case none, readCache, build }
        let (held, step): (FreeDictTranslationTable?, Step) = tableState.lock.withLock {
            if let table = tableState.table { return (table, .none) }
            tableState.lookUps += 1
            if !tableState.cacheRead, tableState.lookUps >= Self.tableLookAfter {
                tableState.cacheRead = true
                return (nil, .readCache)
            }
            if tableState.cacheRead, !tableState.building, tableState.lookUps >= tableBuildAfter {
                tableState.building = true
                return (nil, .build)
            }
            return (nil, .none)
        }
        if let held { return held }
        let sources = [indexPath, dataPath]
        let key = "parser \(FreeDictTranslationTable.parserVersion)"
        switch step {
        case .none:
            return nil
        case .readCache:
            guard let stored = diskCache.readStored(kind: .freeDictTranslations, sources: sources, key: key),
                  let table = FreeDictTranslationTable.validated(stored) else { return nil }
            tableState.lock.withLock { tableState.table = table }
            return table
        case .build:
            do {
                var table = try FreeDictTranslationTable.build(index: index, data: data)
                // Once stored, the table is used from the file, as a later run uses it: a look-up
                // reads a few of its bytes, where the built one (18 MB for deu-eng) would stay in
                // this process's memory to its end.
                if diskCache.write(kind: .freeDictTranslations, sources: sources, key: key, sections: table.sections),
                   let stored = diskCache.readStored(kind: .freeDictTranslations, sources: sources, key: key),
                   let storedTable = FreeDictTranslationTable.validated(stored) {
                    table = storedTable
                }
                tableState.lock.withLock { tableState.table = table }
                return table
            } catch {
                // `building` stays set: the table is not tried again in this process.
                return nil
            }
        }
    }

    /// The translation table this dictionary uses now, if any (tests).
    var heldTranslationTable: FreeDictTranslationTable? { tableState.lock.withLock { tableState.table } }

    /// Guarded by `lock`.
    private final class TableState: @unchecked Sendable {
        let lock = NSLock()
        var table: FreeDictTranslationTable?
        var lookUps = 0
        var cacheRead = false
        var building = false
    }

    /// Every headword with its translations, read in one pass over the whole dictionary (for reversing
    /// a dictionary that exists in one direction only).
    public func allEntries() throws -> [(headword: String, translations: [DictionaryTranslation])] {
        let text = try data.readAll()
        var result: [(String, [DictionaryTranslation])] = []
        result.reserveCapacity(entryCount)
        index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            Self.forEachLine(bytes) { start, end in
                if let (headword, offset, length) = Self.parseLine(bytes, start, end), !headword.isEmpty,
                   offset + length <= text.count, !headword.hasPrefix("00database"), !headword.hasPrefix("00-database") {
                    let translations = text.withUnsafeBufferPointer { Self.translations(inEntry: $0[offset..<offset + length]) }
                    result.append((headword, translations))
                }
            }
        }
        return result
    }

    /// The links of a reversed reading: for every translation of every entry, the hash of its
    /// folded text (`foldedKey`) and the index line of its entry, sorted by hash then line. One
    /// pass over the inflated text that makes no string (jpn-eng: 375,000 entries, 44 MB).
    func reverseLinks() throws -> (hashes: [UInt64], lines: [UInt32]) {
        let sources = [indexPath, dataPath]
        if let sections = diskCache.read(kind: .freeDictReverseLinks, sources: sources), sections.count == 2,
           let hashes = LexiconDiskCache.array(sections[0], of: UInt64.self),
           let lines = LexiconDiskCache.array(sections[1], of: UInt32.self), hashes.count == lines.count,
           lines.allSatisfy({ Int($0) < index.count }) {
            return (hashes, lines)
        }
        let links = try buildReverseLinks()
        diskCache.write(kind: .freeDictReverseLinks, sources: sources,
                        sections: [LexiconDiskCache.data(links.hashes), LexiconDiskCache.data(links.lines)])
        return links
    }

    private func buildReverseLinks() throws -> (hashes: [UInt64], lines: [UInt32]) {
        let text = try data.readAll()
        var links: [(hash: UInt64, line: UInt32)] = []
        links.reserveCapacity(entryCount * 3)
        index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            text.withUnsafeBufferPointer { text in
                Self.forEachLine(bytes) { start, end in
                    guard let (offset, length) = Self.entryFields(bytes, start, end), offset + length <= text.count else { return }
                    Self.forEachTranslation(inEntry: text[offset..<offset + length]) { translation, _ in
                        var hash: UInt64 = 0xcbf29ce484222325
                        Self.forEachFoldedByte(translation) { hash = (hash ^ UInt64($0)) &* 0x100000001b3 }
                        links.append((hash, UInt32(start)))
                    }
                }
            }
        }
        links.sort { ($0.hash, $0.line) < ($1.hash, $1.line) }
        return (links.map(\.hash), links.map(\.line))
    }

    /// The headword and translations of the entry on the index line starting at `start`, from the
    /// translation table when there is one.
    func entry(atLine start: Int) throws -> (headword: String, translations: [DictionaryTranslation]) {
        let line: (String, Int, Int)? = index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            return Self.parseLine(bytes, start, end)
        }
        guard let (headword, offset, length) = line else { return ("", []) }
        if let table = translationTable(), let translations = table.translations(atLine: start) {
            return (headword, translations)
        }
        let text = try data.read(offset: offset, length: length)
        return (headword, text.withUnsafeBufferPointer { Self.translations(inEntry: $0[...]) })
    }

    /// Each line of an index's bytes as its start and end (its newline, or the end of the bytes).
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int) throws -> Void) rethrows {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            try body(start, end)
            start = end + 1
        }
    }

    /// Offset and length of the entry on an index line, `nil` for the `00database…` entries
    /// (dictionary metadata) and malformed lines.
    static func entryFields(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (offset: Int, length: Int)? {
        var firstTab = start
        while firstTab < end, bytes[firstTab] != 0x09 { firstTab += 1 }
        guard firstTab > start, firstTab < end else { return nil }
        let headword = bytes[start..<firstTab]
        if headword.starts(with: "00database".utf8) || headword.starts(with: "00-database".utf8) { return nil }
        var secondTab = firstTab + 1
        while secondTab < end, bytes[secondTab] != 0x09 { secondTab += 1 }
        guard secondTab < end, let offset = decodeBase64Number(bytes[(firstTab + 1)..<secondTab]),
              let length = decodeBase64Number(bytes[(secondTab + 1)..<end]) else { return nil }
        return (offset, length)
    }

    // MARK: - Entry text

    /// The translations in one entry's text. The first line is the headword (with pronunciation and
    /// `<pos>` tags); translation lines start at the margin, optionally numbered (`2. cat`);
    /// indented lines are notes, examples, synonyms and cross-references.
    static func translations(inEntry entry: String) -> [DictionaryTranslation] {
        var entry = entry
        return entry.withUTF8 { translations(inEntry: $0[...]) }
    }

    /// `translations(inEntry:)` on the entry's UTF-8 bytes. Every delimiter it looks at is ASCII, so
    /// it works on bytes and makes a string only of each translation kept: reversing a dictionary
    /// of 375,000 entries (jpn-eng) parses every one of them.
    static func translations(inEntry entry: Slice<UnsafeBufferPointer<UInt8>>) -> [DictionaryTranslation] {
        var result: [DictionaryTranslation] = []
        forEachTranslation(inEntry: entry) { text, pos in
            result.append(DictionaryTranslation(text: String(decoding: text, as: UTF8.self), partOfSpeech: pos))
        }
        return result
    }

    /// Each translation of an entry as its cleaned UTF-8 bytes and part of speech, in order.
    static func forEachTranslation(inEntry entry: Slice<UnsafeBufferPointer<UInt8>>,
                                   _ body: ([UInt8], DictionaryTranslation.PartOfSpeech?) -> Void) {
        var lineStart = entry.startIndex
        var headwordPOS: DictionaryTranslation.PartOfSpeech?
        var isFirstLine = true
        while lineStart < entry.endIndex {
            var lineEnd = lineStart
            while lineEnd < entry.endIndex, entry[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart else { continue }
            let line = entry[lineStart..<lineEnd]
            if isFirstLine {
                isFirstLine = false
                headwordPOS = partOfSpeech(inTags: line)
                continue
            }
            var text = line.drop(while: isSpace)
            // Indented lines are notes, examples and cross-references, except a translation that
            // opens with a domain label (` [zool.] dog <n>`).
            guard let first = text.first, first != openParenthesis, first != UInt8(ascii: "{"), first != UInt8(ascii: "\""),
                  text.startIndex == line.startIndex || first == openBracket else { continue }
            // Numbered senses: `1. cat`, `2. shamisen`.
            if let dot = text.firstIndex(of: UInt8(ascii: ".")), dot > text.startIndex,
               text[..<dot].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                text = text[(dot + 1)...]
            }
            for item in text.split(whereSeparator: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") }) {
                let pos = partOfSpeech(inTags: item) ?? headwordPOS
                let cleaned = strip(item)
                // Longer than 60 characters: a definition or an example, not a translation.
                guard !cleaned.isEmpty, cleaned.lazy.filter({ $0 & 0xC0 != 0x80 }).count <= 60,
                      !cleaned.starts(with: "see:".utf8) else { continue }
                body(cleaned, pos)
            }
        }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let openParenthesis = UInt8(ascii: "(")
    private static let openBracket = UInt8(ascii: "[")

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// Removes `<…>` tags, `[…]` labels and `(…)` remarks (nested or not), then trailing sense
    /// numbers; words are joined by one space.
    static func strip(_ item: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(item.count)
        var closers: [UInt8] = []
        var pendingSpace = false
        for byte in item {
            switch byte {
            case UInt8(ascii: "<"): closers.append(UInt8(ascii: ">"))
            case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
            case UInt8(ascii: "("): closers.append(UInt8(ascii: ")"))
            default:
                if let last = closers.last, byte == last {
                    closers.removeLast()
                } else if closers.isEmpty {
                    if isSpace(byte) {
                        pendingSpace = !output.isEmpty
                    } else {
                        if pendingSpace { output.append(0x20) }
                        pendingSpace = false
                        output.append(byte)
                    }
                }
            }
        }
        // Leading sense numbers, Arabic or Roman, each with its period (eng-pol's `I. <N> 1. pies`).
        while let space = output.firstIndex(of: 0x20) {
            let word = output[..<space]
            guard word.count >= 2, word.last == UInt8(ascii: "."),
                  word.dropLast().allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "I")
                      || $0 == UInt8(ascii: "V") || $0 == UInt8(ascii: "X") }) else { break }
            output.removeSubrange(...space)
        }
        // Trailing words of digits and periods (`dog 2`, `cat 1.`) are sense numbers.
        while true {
            let wordStart = output.lastIndex(of: 0x20).map { $0 + 1 } ?? 0
            guard wordStart < output.count,
                  output[wordStart...].allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") })
            else { break }
            output.removeSubrange(max(wordStart - 1, 0)...)
        }
        return output
    }

    /// `strip` of a string (tests and callers with text in hand).
    static func strip(_ item: Substring) -> String {
        var item = String(item)
        return item.withUTF8 { String(decoding: strip($0[...]), as: UTF8.self) }
    }

    /// The part of speech in a line's `<…>` tags (`<n>`, `<v, intr>`, `<adj>`) or JMdict-style
    /// `(noun …)` remark.
    static func partOfSpeech<S: StringProtocol>(inTags text: S) -> DictionaryTranslation.PartOfSpeech? {
        var text = String(text)
        return text.withUTF8 { partOfSpeech(inTags: $0[...]) }
    }

    static func partOfSpeech(inTags text: Slice<UnsafeBufferPointer<UInt8>>) -> DictionaryTranslation.PartOfSpeech? {
        var cursor = text.startIndex
        while let open = text[cursor...].firstIndex(where: { $0 == UInt8(ascii: "<") || $0 == openParenthesis }) {
            let close = text[open] == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: ")")
            guard let end = text[open...].firstIndex(of: close) else { break }
            for tag in text[(open + 1)..<end].split(whereSeparator: { $0 == UInt8(ascii: ",") || $0 == 0x20 }) {
                if let pos = partOfSpeech(tag: tag) { return pos }
            }
            cursor = end + 1
        }
        return nil
    }

    /// One tag, compared without case: `n`, `noun`, `nf`, `nm`, `nn`; `v`, `verb`, `vt`, `vi`; `adj`,
    /// `adjective`, `a`; `adv`, `adverb`.
    static func partOfSpeech(tag: Slice<UnsafeBufferPointer<UInt8>>) -> DictionaryTranslation.PartOfSpeech? {
        guard tag.count <= 9 else { return nil }
        var lower = ""
        for byte in tag {
            guard byte < 0x80 else { return nil }
            lower.unicodeScalars.append(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
        }
        switch lower {
        case "n", "noun", "nf", "nm", "nn": return .noun
        case "v", "verb", "vt", "vi": return .verb
        case "adj", "adjective", "a": return .adjective
        case "adv", "adverb": return .adverb
        default: return nil
        }
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

    /// The headword as hashed and compared: ASCII letters lower-cased, and so is every other letter
    /// of two UTF-8 bytes (Latin-1 and Latin Extended, Greek, Cyrillic: U+0080–U+07FF) whose lower
    /// case is one letter of two bytes too. Letters of three or four bytes (CJK has no case) are
    /// kept as they are. Works on the bytes, with a table, so hashing a large index allocates
    /// nothing per line.
    static func foldedKey<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        forEachFoldedByte(bytes) { key.append($0) }
        return key
    }

    @inline(__always)
    static func forEachFoldedByte<C: Collection>(_ bytes: C, _ body: (UInt8) -> Void) where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var pending: UInt8? = nil
        while let byte = pending ?? iterator.next() {
            pending = nil
            if byte < 0x80 {
                body(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if byte >= 0xC2 && byte <= 0xDF {
                guard let second = iterator.next() else { body(byte); return }
                guard second & 0xC0 == 0x80 else { body(byte); pending = second; continue }
                let scalar = Int(byte & 0x1F) << 6 | Int(second & 0x3F)
                let lower = Int(lowerTwoByte[scalar - 0x80])
                body(UInt8(0xC0 | lower >> 6))
                body(UInt8(0x80 | lower & 0x3F))
            } else {
                body(byte)
            }
        }
    }

    /// The lower case of each scalar U+0080–U+07FF, where it is one scalar in that range; the
    /// scalar itself otherwise.
    static let lowerTwoByte: [UInt16] = (0x80..<0x800).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return UInt16(value) }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let only = lower.first, (0x80..<0x800).contains(only.value) else { return UInt16(value) }
        return UInt16(only.value)
    }

    static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    /// `fnv1a(foldedKey(bytes))` without building the key.
    static func foldedHash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        forEachFoldedByte(bytes) { hash = (hash ^ UInt64($0)) &* 0x100000001b3 }
        return hash
    }

    /// The open-addressing table of every headword's line start. One pass over the bytes, folding
    /// and hashing each headword as `foldedHash` does but without closures or iterators: the deu-eng
    /// index (12.7 MB, 519,000 lines) is hashed on first use of the dictionary, during a check.
    private static func hash(_ index: Data) -> ([UInt32], Int) {
        index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> ([UInt32], Int) in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return ([], 0) }
            let count = raw.count
            var lines = 0
            var cursor = UnsafeRawPointer(base)
            var remaining = count
            while remaining > 0, let found = memchr(cursor, 0x0A, remaining) {
                lines += 1
                let next = UnsafeRawPointer(found) + 1
                remaining -= next - cursor
                cursor = next
            }
            var capacity = 16
            while capacity < (lines + 1) * 2 { capacity <<= 1 }
            var slots = [UInt32](repeating: 0, count: capacity)
            let mask = capacity - 1
            var entries = 0
            lowerTwoByte.withUnsafeBufferPointer { lower in
                slots.withUnsafeMutableBufferPointer { slots in
                    var position = 0
                    while position < count {
                        let start = position
                        var hash: UInt64 = 0xcbf29ce484222325
                        while position < count {
                            let byte = base[position]
                            if byte == 0x09 || byte == 0x0A { break }
                            if byte < 0x80 {
                                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                                hash = (hash ^ UInt64(folded)) &* 0x100000001b3
                                position += 1
                            } else if byte >= 0xC2, byte <= 0xDF, position + 1 < count, base[position + 1] & 0xC0 == 0x80 {
                                let scalar = Int(lower[(Int(byte & 0x1F) << 6 | Int(base[position + 1] & 0x3F)) - 0x80])
                                hash = (hash ^ UInt64(0xC0 | scalar >> 6)) &* 0x100000001b3
                                hash = (hash ^ UInt64(0x80 | scalar & 0x3F)) &* 0x100000001b3
                                position += 2
                            } else {
                                hash = (hash ^ UInt64(byte)) &* 0x100000001b3
                                position += 1
                            }
                        }
                        if position > start, position < count, base[position] == 0x09 {
                            var slot = Int(hash & UInt64(mask))
                            while slots[slot] != 0 { slot = (slot + 1) & mask }
                            slots[slot] = UInt32(start + 1)
                            entries += 1
                        }
                        if position < count, base[position] != 0x0A,
                           let end = memchr(base + position, 0x0A, count - position) {
                            position = UnsafeRawPointer(end) - UnsafeRawPointer(base)
                        } else if position < count, base[position] != 0x0A {
                            position = count
                        }
                        position += 1
                    }
                }
            }
            return (slots, entries)
        }
    }
}
