import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Princeton WordNet 3.0 in its database files (`index.POS`, `data.POS`, `POS.exc`; Debian's
/// `wordnet-base` installs them in `/usr/share/wordnet`): English lemmas, synonyms and antonyms.
///
/// Files are memory-mapped when the `WordNet` is made: an index lookup is a binary search over
/// the sorted `index.POS` lines, a synset is read at its byte offset in `data.POS`. Nothing is
/// parsed ahead.
public final class WordNet: @unchecked Sendable {
    public enum PartOfSpeech: String, CaseIterable, Sendable { case noun, verb, adj, adv }

    public let folder: String
    /// The mapped files' bytes, by `slot(_:pos:)`; empty where a file is absent or empty (an
    /// exception list is optional; an index or data file removed after `init` checked it leaves
    /// its part of speech empty). Read in place by every thread, without a lock: when each file
    /// was mapped on first use, every read took a lock and retained the file's `Data`, whose
    /// count the threads of a check moved between the cores.
    private let files: [UnsafeRawBufferPointer]
    /// Owners of the mappings in `files`.
    private let mappings: [MappedWordNetFile]

    private enum FileKind: Int { case index, data, exceptions }

    private static let fileCount = 3 * 4

    private static func slot(_ kind: FileKind, pos: PartOfSpeech) -> Int {
        let ordinal = switch pos {
        case .noun: 0
        case .verb: 1
        case .adj: 2
        case .adv: 3
        }
        return kind.rawValue * 4 + ordinal
    }

    /// The WordNet folder holding `index.noun` (found in `paths`), or `nil`.
    public static func locate(in paths: ResourcePaths) -> String? {
        paths.firstFile(named: ["index.noun"]).map { ($0 as NSString).deletingLastPathComponent }
    }

    public init(folder: String) throws {
        self.folder = folder
        for pos in PartOfSpeech.allCases {
            for name in ["index.\(pos.rawValue)", "data.\(pos.rawValue)"] {
                let path = (folder as NSString).appendingPathComponent(name)
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
                }
            }
        }
        var files = [UnsafeRawBufferPointer](repeating: UnsafeRawBufferPointer(start: nil, count: 0), count: Self.fileCount)
        var mappings: [MappedWordNetFile] = []
        for kind in [FileKind.index, .data, .exceptions] {
            for pos in PartOfSpeech.allCases {
                let name = kind == .exceptions ? "\(pos.rawValue).exc" : "\(kind == .index ? "index" : "data").\(pos.rawValue)"
                guard let mapped = MappedWordNetFile(path: (folder as NSString).appendingPathComponent(name)) else { continue }
                mappings.append(mapped)
                files[Self.slot(kind, pos: pos)] = mapped.bytes
            }
        }
        self.files = files
        self.mappings = mappings
    }

    // MARK: - Lemmas

    /// The base forms of an English word that WordNet lists, per WordNet's `morphy`: the exception
    /// lists (`went` → `go`), then the detachment rules (`dogs` → `dog`, `wetter` → `wet`), kept only
    /// where the result is a lemma. The word itself comes first when it is a lemma.
    public func lemmas(of word: String) -> [String] {
        let key = Self.key(word)
        guard !key.isEmpty else { return [] }
        var result: [String] = []
        func add(_ lemma: String) { if !result.contains(lemma) { result.append(lemma) } }
        for pos in PartOfSpeech.allCases {
            if indexLine(of: key, pos: pos) != nil { add(key) }
            for base in exceptionBases(of: key, pos: pos) where indexLine(of: base, pos: pos) != nil { add(base) }
            for (suffix, replacement) in Self.detachments[pos] ?? [] where key.hasSuffix(suffix) && key.count > suffix.count {
                let base = String(key.dropLast(suffix.count)) + replacement
                if indexLine(of: base, pos: pos) != nil { add(base) }
            }
        }
        return result.map(Self.display)
    }

    /// Whether a word is a WordNet lemma in any part of speech.
    public func isLemma(_ word: String) -> Bool {
        let key = Self.key(word)
        return PartOfSpeech.allCases.contains { indexLine(of: key, pos: $0) != nil }
    }

    /// How WordNet files a capitalized English word, which tells a name from a word made of one.
    public enum NameSense: Sendable, Equatable {
        /// A sense is an instance (`@i`): a particular person, place or work (`Munich`, `Johnson`,
        /// `Danube`, `Torah`).
        case instance
        /// An adjective, and no instance: a nationality or a follower's (`Japanese`, `Chadian`, `Muslim`).
        case adjective
        /// A noun of a kind, never an instance: peoples, feasts, materials (`Finn`, `Pentecost`, `Dacron`).
        case commonNoun
    }

    /// The `NameSense` of a word or of its base form (`Finns` → `finn`); `nil` when WordNet does not
    /// list it.
    public func nameSense(of word: String) -> NameSense? {
        nameSenseLock.lock()
        let known = nameSenses[word]
        nameSenseLock.unlock()
        if let known { return known }
        let made = uncachedNameSense(of: word)
        nameSenseLock.lock()
        if nameSenses.count >= WordStoreCapacity.words { nameSenses.removeAll(keepingCapacity: true) }
        nameSenses[word] = made
        nameSenseLock.unlock()
        return made
    }

    /// `nameSense`'s answers per word: the name rules ask for every capitalized word of every
    /// sentence, and each answer is a dozen binary searches of the index files and synset reads.
    private var nameSenses: [String: NameSense?] = [:]
    private let nameSenseLock = NSLock()

    private func uncachedNameSense(of word: String) -> NameSense? {
        var keys = [Self.key(word)]
        for lemma in lemmas(of: word) where !keys.contains(Self.key(lemma)) { keys.append(Self.key(lemma)) }
        var isAdjective = false, isNoun = false
        for key in keys {
            for offset in synsetOffsets(of: key, pos: .noun) {
                isNoun = true
                if synset(at: offset, pos: .noun)?.pointers.contains(where: { $0.symbol == "@i" }) == true { return .instance }
            }
            if indexLine(of: key, pos: .adj) != nil { isAdjective = true }
        }
        return isAdjective ? .adjective : isNoun ? .commonNoun : nil
    }

    // MARK: - Synonyms and antonyms

    /// The other words of every synset the lemma belongs to, most frequent sense first.
    public func synonyms(of lemma: String) -> [String] {
        let key = Self.key(lemma)
        var result: [String] = []
        for pos in PartOfSpeech.allCases {
            for offset in synsetOffsets(of: key, pos: pos) {
                guard let words = synsetWords(at: offset, pos: pos) else { continue }
                for word in words where word.lowercased() != key && !result.contains(Self.display(word)) {
                    result.append(Self.display(word))
                }
            }
        }
        return result
    }

    /// Antonyms of the lemma: WordNet's direct antonyms (`!` pointers from the lemma's word in each of
    /// its synsets), and for adjective satellites (`soggy`), the antonyms of their head (`wet` → `dry`),
    /// as WordNet's indirect antonymy defines them.
    public func antonyms(of lemma: String, throughHeads: Bool = true) -> [String] {
        let key = Self.key(lemma)
        var result: [String] = []
        func add(_ word: String) {
            let shown = Self.display(word)
            if shown.lowercased() != Self.display(key), !result.contains(shown) {
                result.append(shown)
            }
        }
        for pos in PartOfSpeech.allCases {
            for offset in synsetOffsets(of: key, pos: pos) {
                guard let synset = synset(at: offset, pos: pos) else { continue }
                // The pointer links two words, but the opposition holds for the sense, on both
                // ends: the other words of the antonym's synset are opposites too (`end` ↔
                // `begin`, whose synset is {begin, start, commence}), and so are the other words
                // of the lemma's own (WordNet links `forbid` to `permit`, not `prohibit`, its
                // synonym in that synset; `fall` shares the sense of `decrease` that opposes
                // `increase`).
                for pointer in synset.pointers where pointer.symbol == "!" {
                    guard let target = self.synset(at: pointer.offset, pos: pointer.pos) else { continue }
                    if pointer.targetWord > 0, pointer.targetWord <= target.words.count {
                        add(target.words[pointer.targetWord - 1])
                    }
                    target.words.forEach(add)
                }
                if throughHeads, synset.isSatellite {
                    for pointer in synset.pointers where pointer.symbol == "&" {
                        guard let head = self.synset(at: pointer.offset, pos: pointer.pos) else { continue }
                        for antonym in head.pointers where antonym.symbol == "!" {
                            guard let target = self.synset(at: antonym.offset, pos: antonym.pos) else { continue }
                            if antonym.targetWord > 0, antonym.targetWord <= target.words.count {
                                add(target.words[antonym.targetWord - 1])
                            } else {
                                target.words.forEach(add)
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    // MARK: - Files

    struct Pointer: Equatable {
        var symbol: String
        var offset: Int
        var pos: PartOfSpeech
        var sourceWord: Int
        var targetWord: Int
    }

    struct Synset: Equatable {
        var words: [String]
        var pointers: [Pointer]
        var isSatellite: Bool
    }

    /// `lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…`
    func synsetOffsets(of key: String, pos: PartOfSpeech) -> [Int] {
        guard let line = indexLine(of: key, pos: pos) else { return [] }
        let fields = line.split(separator: " ")
        guard fields.count > 4, let synsetCount = Int(fields[2]), let pointerCount = Int(fields[3]) else { return [] }
        let firstOffset = 4 + pointerCount + 2
        guard fields.count >= firstOffset + synsetCount else { return [] }
        return fields[firstOffset..<firstOffset + synsetCount].compactMap { Int($0) }
    }

    /// `offset lex_filenum ss_type w_cnt word lex_id … p_cnt [symbol offset pos source/target]… | gloss`
    ///
    /// Read from the line's bytes: fields are the runs between spaces (as splitting the line's
    /// text on spaces gives them), and only the fields kept become strings. Antonyms read every
    /// synset of a word and of its antonyms, a common word's have dozens of pointers each, and a
    /// string of the whole line with an array of its fields cost more than the rest of the read.
    func synset(at offset: Int, pos: PartOfSpeech) -> Synset? {
        let bytes = file(.data, pos: pos)
        guard offset < bytes.count else { return nil }
        var end = offset
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != UInt8(ascii: "|") { end += 1 }
        var fields: [Range<Int>] = []
        fields.reserveCapacity(64)
        var cursor = offset
        while cursor < end {
            while cursor < end, bytes[cursor] == 0x20 { cursor += 1 }
            let start = cursor
            while cursor < end, bytes[cursor] != 0x20 { cursor += 1 }
            if cursor > start { fields.append(start..<cursor) }
        }
        func text(_ field: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[field]), as: UTF8.self) }
        guard fields.count > 4, Int(text(fields[0])) == offset, let wordCount = Int(text(fields[3]), radix: 16) else { return nil }
        var index = 4
        var words: [String] = []
        for _ in 0..<wordCount where index + 1 < fields.count {
            // Adjectives carry a syntactic marker: `big(a)`.
            var word = fields[index]
            if let paren = bytes[word].firstIndex(of: UInt8(ascii: "(")) { word = word.lowerBound..<paren }
            words.append(text(word))
            index += 2
        }
        guard index < fields.count, let pointerCount = Int(text(fields[index])) else { return nil }
        index += 1
        var pointers: [Pointer] = []
        for _ in 0..<pointerCount where index + 3 < fields.count {
            let sourceTarget = fields[index + 3]
            if sourceTarget.count == 4, let pos = Self.pos(bytes[fields[index + 2]]), let target = Int(text(fields[index + 1])) {
                pointers.append(Pointer(symbol: text(fields[index]), offset: target, pos: pos,
                                        sourceWord: Self.hexByte(bytes[sourceTarget.lowerBound], bytes[sourceTarget.lowerBound + 1])
                                            ?? Int(text(sourceTarget.lowerBound..<(sourceTarget.lowerBound + 2)), radix: 16) ?? 0,
                                        targetWord: Self.hexByte(bytes[sourceTarget.lowerBound + 2], bytes[sourceTarget.lowerBound + 3])
                                            ?? Int(text((sourceTarget.lowerBound + 2)..<sourceTarget.upperBound), radix: 16) ?? 0))
            }
            index += 4
        }
        let type = fields[2]
        return Synset(words: words, pointers: pointers, isSatellite: type.count == 1 && bytes[type.lowerBound] == UInt8(ascii: "s"))
    }

    /// Two hexadecimal digits (either case) as a number, `nil` if either is not one.
    private static func hexByte(_ high: UInt8, _ low: UInt8) -> Int? {
        func digit(_ byte: UInt8) -> Int? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
            default: nil
            }
        }
        guard let high = digit(high), let low = digit(low) else { return nil }
        return high * 16 + low
    }

    /// The words of the synset at `offset`, as `synset(at:pos:)` gives them, without reading
    /// its pointers (a common word's synsets have dozens each, and synonyms are asked for every
    /// English translation of every word of a sentence). A line cut short is read by `synset`.
    func synsetWords(at offset: Int, pos: PartOfSpeech) -> [String]? {
        let bytes = file(.data, pos: pos)
        guard offset < bytes.count else { return nil }
        let read: [String]?? = {
            var cursor = offset
            // The fields of `synset`'s `line.split(separator: " ")`, one at a time.
            func field() -> Slice<UnsafeBufferPointer<UInt8>>? {
                while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
                let start = cursor
                while cursor < bytes.count, bytes[cursor] != 0x20, bytes[cursor] != 0x0A, bytes[cursor] != UInt8(ascii: "|") { cursor += 1 }
                return cursor > start ? bytes[start..<cursor] : nil
            }
            func text(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: UnsafeBufferPointer(rebasing: field), as: UTF8.self) }
            guard let first = field(), Int(text(first)) == offset, field() != nil, field() != nil,
                  let countField = field() else { return .some(nil) }
            guard let wordCount = Int(text(countField), radix: 16) else { return .some(nil) }
            var words: [String] = []
            for _ in 0..<wordCount {
                guard let word = field(), field() != nil else { return .none }
                var written = text(word)
                if let paren = written.firstIndex(of: "(") { written = String(written[..<paren]) }
                words.append(written)
            }
            guard let pointerCount = field() else { return .none }
            return Int(text(pointerCount)) == nil ? .some(nil) : .some(words)
        }()
        switch read {
        case .some(let words): return words
        case .none: return synset(at: offset, pos: pos)?.words
        }
    }

    /// Binary search over the sorted lines of `index.POS` (the license header lines start with spaces
    /// and sort first).
    func indexLine(of key: String, pos: PartOfSpeech) -> Substring? {
        let bytes = file(.index, pos: pos)
        let target = Array(key.utf8)
        var low = 0
        var high = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        // `low` and `high` stay line starts. A probe takes the first line that starts at or
        // after the middle, found with memchr (the middle lands anywhere in a line, index.noun's
        // run to hundreds of bytes, and byte loops to find the probed line's ends were most of
        // a look-up: 4 % of a ru-en check, which asks for the synonyms of every English
        // translation of every new word), or the line at `low` when none starts before `high`.
        while low < high {
            let mid = (low + high) / 2
            var start = low
            if mid > low, let newline = memchr(base + mid - 1, 0x0A, high - mid + 1) {
                let next = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
                if next < high { start = next }
            }
            let end = memchr(base + start, 0x0A, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            var wordEnd = start
            while wordEnd < end, bytes[wordEnd] != 0x20 { wordEnd += 1 }
            let order = Self.compare(bytes[start..<wordEnd], target)
            if bytes[start] == 0x20 || order < 0 {
                low = end + 1
            } else if order > 0 {
                high = start
            } else {
                return Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            }
        }
        return nil
    }

    private static func compare(_ lhs: Slice<UnsafeBufferPointer<UInt8>>, _ rhs: [UInt8]) -> Int {
        var index = lhs.startIndex
        var other = 0
        while index < lhs.endIndex, other < rhs.count {
            if lhs[index] != rhs[other] { return lhs[index] < rhs[other] ? -1 : 1 }
            index += 1
            other += 1
        }
        if index < lhs.endIndex { return 1 }
        return other < rhs.count ? -1 : 0
    }

    /// The bytes of a file, empty where it is absent. The exception lists are optional in WordNet
    /// distributions; without one, only the rules apply.
    private func file(_ kind: FileKind, pos: PartOfSpeech) -> UnsafeBufferPointer<UInt8> {
        let raw = files[Self.slot(kind, pos: pos)]
        return UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
    }

    /// The base forms an exception list gives for an inflected form (`went` → `go`), in file order.
    /// A binary search over the mapped lines (`inflected base…`, sorted, as WordNet's own `morphy`
    /// reads them) instead of a table of all 6,000 built ahead: most checks ask for a few words.
    func exceptionBases(of key: String, pos: PartOfSpeech) -> [String] {
        let bytes = file(.exceptions, pos: pos)
        let target = Array(key.utf8)
        guard !bytes.isEmpty, !target.isEmpty else { return [] }
        func lineStart(_ position: Int) -> Int {
            var start = position
            while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
            return start
        }
        func lineEnd(_ start: Int) -> Int {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            return end
        }
        func order(_ start: Int, _ end: Int) -> Int {
            var wordEnd = start
            while wordEnd < end, bytes[wordEnd] != 0x20 { wordEnd += 1 }
            return Self.compare(bytes[start..<wordEnd], target)
        }
        // The first line whose word is not below the key.
        var low = 0
        var high = bytes.count
        while low < high {
            let start = lineStart((low + high) / 2)
            let end = lineEnd(start)
            if order(start, end) < 0 { low = end + 1 } else { high = start }
        }
        var result: [String] = []
        var start = low
        while start < bytes.count {
            let end = lineEnd(start)
            guard order(start, end) == 0 else { break }
            let fields = UnsafeBufferPointer(rebasing: bytes[start..<end]).split(separator: 0x20)
            if fields.count >= 2 {
                result += fields.dropFirst().map { String(decoding: $0, as: UTF8.self) }
            }
            start = end + 1
        }
        return result
    }

    // MARK: - Words

    static let detachments: [PartOfSpeech: [(String, String)]] = [
        .noun: [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
                ("men", "man"), ("ies", "y")],
        .verb: [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
                ("ing", "")],
        .adj: [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    ]

    /// WordNet's spelling of a lemma in its files: lower case, spaces as underscores.
    static func key(_ word: String) -> String {
        word.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "_")
    }

    /// A WordNet word with its underscores as spaces. An ASCII word by its bytes: Foundation's
    /// `replacingOccurrences` bridged every word to an `NSString` (5 % of a ru-en check, which
    /// asks WordNet for every new word's synonyms and antonyms). Other words keep Foundation's
    /// search, which leaves an `_` that a combining mark follows (`_\u{301}`) as it is.
    static func display(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return word.replacingOccurrences(of: "_", with: " ") }
        guard let first = bytes.firstIndex(of: 0x5F) else { return word }
        for index in first..<bytes.count where bytes[index] == 0x5F { bytes[index] = 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `pos(_:)` of a field's bytes.
    static func pos(_ symbol: Slice<UnsafeBufferPointer<UInt8>>) -> PartOfSpeech? {
        guard symbol.count == 1 else { return nil }
        switch symbol[symbol.startIndex] {
        case UInt8(ascii: "n"): return .noun
        case UInt8(ascii: "v"): return .verb
        case UInt8(ascii: "a"), UInt8(ascii: "s"): return .adj
        case UInt8(ascii: "r"): return .adv
        default: return nil
        }
    }

    static func pos(_ symbol: Substring) -> PartOfSpeech? {
        switch symbol {
        case "n": .noun
        case "v": .verb
        case "a", "s": .adj
        case "r": .adv
        default: nil
        }
    }
}

/// A WordNet file mapped read-only for the life of its `WordNet`; `nil` for a file that cannot be
/// opened or mapped, or is empty (nothing to map), which reads as an empty file.
private final class MappedWordNetFile {
    let bytes: UnsafeRawBufferPointer

    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0,
              let pointer = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED
        else { return nil }
        bytes = UnsafeRawBufferPointer(start: pointer, count: Int(status.st_size))
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
