import Foundation
@_implementationOnly import CHunspell

/// One Hunspell dictionary (`LANG.aff` + `LANG.dic`): spelling, suggestions, stems and morphological
/// analysis, through libhunspell's C API.
///
/// Not thread-safe, like the handle it owns: every call takes the dictionary's own lock, so one
/// instance can be shared between threads (calls are serialized, which is cheap next to what
/// Hunspell does per call). The answers of `spell` and `stem` are kept (`HunspellAnswerMemo`), so
/// a word asked again, by any thread, is answered without the handle and without its lock.
///
/// Words cross the C boundary in the dictionary's own encoding (`SET` in the `.aff` file): UTF-8 for
/// most Debian dictionaries, ISO 8859-2 for `pl_PL`. A word the encoding cannot represent is unknown
/// to the dictionary, never an error.
public final class HunspellDictionary: @unchecked Sendable {
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case missingFile(String)
        case unreadable(String)

        public var description: String {
            switch self {
            case .missingFile(let path): "no such file: \(path)"
            case .unreadable(let path): "Hunspell could not load \(path)"
            }
        }
    }

    public let affixPath: String
    public let dictionaryPath: String
    /// The `SET` encoding of the dictionary, as Hunspell reports it (`UTF-8`, `ISO8859-2`).
    public let encodingName: String

    private let handle: OpaquePointer
    private let encoding: String.Encoding
    /// ISO 8859-15 (`et_EE`), which Foundation does not convert: Latin-1 but for eight bytes
    /// (`š`, `ž`, `€`, …). Read as UTF-8, every Estonian word with `õ`, `ä`, `ö`, `ü` was unknown.
    private let isLatin9: Bool
    private let lock = NSLock()
    /// Kept answers of `spell` and `stem`; written under `lock`, emptied when a word is added.
    let answers = HunspellAnswerMemo()

    /// `loadPath`: a copy of `dictionaryPath` with the same entries that libhunspell reads
    /// instead (in its hash order, which loads faster); `dictionaryPath` stays the dictionary's
    /// name and the file its entries are read from (`inflectingEntries`).
    public init(affixPath: String, dictionaryPath: String, loadingFrom loadPath: String? = nil) throws {
        for path in [affixPath, dictionaryPath] where !FileManager.default.isReadableFile(atPath: path) {
            throw LoadError.missingFile(path)
        }
        let loaded = loadPath ?? dictionaryPath
        guard let handle = Self.lifecycle.withLock({ Hunspell_create(affixPath, loaded) }) else {
            throw LoadError.unreadable(dictionaryPath)
        }
        self.handle = handle
        self.affixPath = affixPath
        self.dictionaryPath = dictionaryPath
        let name = Hunspell_get_dic_encoding(handle).map { String(cString: $0) } ?? "UTF-8"
        encodingName = name
        encoding = Self.encoding(named: name)
        isLatin9 = Self.isLatin9(name)
    }

    deinit { Self.lifecycle.withLock { Hunspell_destroy(handle) } }

    /// libhunspell 1.7 keeps one process-wide UTF-8 case table, allocated by the first UTF-8
    /// dictionary created and freed by the last destroyed, through a plain reference count with no
    /// lock (`initialize_utf_tbl`/`free_utf_tbl`). Two dictionaries created or destroyed at the
    /// same time (background loading, parallel tests) can free the table twice or use it freed:
    /// heap corruption. Creation and destruction are therefore serialized across all instances;
    /// lookups are not affected.
    private static let lifecycle = NSLock()

    /// Whether the dictionary accepts the word as spelled (with its affix and compound rules).
    public func spell(_ word: String) -> Bool {
        if let known = answers.spelled(word) { return known }
        guard let bytes = encode(word) else { return false }
        return locked {
            // Asked meanwhile by the thread this one waited for.
            if let known = answers.spelled(word) { return known }
            let known = Hunspell_spell(handle, bytes) != 0
            answers.remember(known, spelled: word)
            return known
        }
    }

    /// Corrections Hunspell proposes for a word, best first.
    public func suggest(_ word: String) -> [String] {
        guard let bytes = encode(word) else { return [] }
        return locked { list { Hunspell_suggest(handle, &$0, bytes) } }
    }

    /// The dictionary forms a word can be an inflection of (`Киеве` → `Киев`); empty when the word is
    /// unknown. A known word that is its own stem answers itself.
    public func stem(_ word: String) -> [String] {
        if let known = answers.stems(word) { return known }
        guard let bytes = encode(word) else { return [] }
        return locked {
            if let known = answers.stems(word) { return known }
            let stems = list { Hunspell_stem(handle, &$0, bytes) }
            answers.remember(stems, of: word)
            return stems
        }
    }

    /// Hunspell's morphological analyses of a word (`st:Kiew fl:S` style fields, as the dictionary's
    /// affix file defines them).
    public func analyze(_ word: String) -> [String] {
        guard let bytes = encode(word) else { return [] }
        return locked { list { Hunspell_analyze(handle, &$0, bytes) } }
    }

    /// Forms of `word` with the inflection `example` has (`generate("Київ", like: "Харкові")` →
    /// `Києві`), by the dictionary's morphological descriptions; empty where it has none.
    public func generate(_ word: String, like example: String) -> [String] {
        guard let bytes = encode(word), let exampleBytes = encode(example) else { return [] }
        return locked { list { Hunspell_generate(handle, &$0, bytes, exampleBytes) } }
    }

    /// The entries of the `.dic` file (flags and morphological fields removed) that carry affix
    /// flags and satisfy `include`: candidates for a model word of `add(_:inflectedLike:)`.
    public func inflectingEntries(where include: (String) -> Bool) throws -> [(word: String, flags: String)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: dictionaryPath))
        guard let text = isLatin9 ? Self.decodeLatin9(Array(data)) : String(data: data, encoding: encoding) ?? String(data: data, encoding: .isoLatin1)
        else { return [] }
        var result: [(word: String, flags: String)] = []
        var first = true
        for line in text.split(whereSeparator: \.isNewline) {
            if first { first = false; continue }  // the entry count
            guard let slash = line.firstIndex(of: "/") else { continue }
            let word = String(line[..<slash])
            let flags = line[line.index(after: slash)...].prefix { !$0.isWhitespace }
            if !flags.isEmpty, !word.contains("\\"), include(word) { result.append((word, String(flags))) }
        }
        return result
    }

    /// The entries of the `.dic` file with affix flags whose word ends in one of `endings` (as
    /// written, in lower case) and has at least `minimumLength` characters. The same entries as
    /// `inflectingEntries(where:)` filtered by ending, but the filter runs on the file's bytes, so
    /// only the few matching lines become strings (uk_UA.dic has 8 MB, read during a check).
    public func inflectingEntries(endingIn endings: Set<String>, minimumLength: Int = 1) throws -> [(word: String, flags: String)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: dictionaryPath), options: .alwaysMapped)
        var byLastByte: [UInt8: [[UInt8]]] = [:]
        for ending in endings {
            guard let bytes = encode(ending)?.dropLast().map({ UInt8(bitPattern: $0) }), let last = bytes.last else { continue }
            byLastByte[last, default: []].append(Array(bytes))
        }
        guard !byLastByte.isEmpty else { return [] }
        var result: [(word: String, flags: String)] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            var first = true
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                if first { first = false; continue }  // the entry count
                var slash = start
                while slash < end, bytes[slash] != 0x2F, bytes[slash] != 0x09, bytes[slash] != 0x20 { slash += 1 }
                guard slash < end, bytes[slash] == 0x2F, slash > start,
                      let candidates = byLastByte[bytes[slash - 1]] else { continue }
                let word = bytes[start..<slash]
                guard !word.contains(0x5C),  // an escaped slash: not a plain word
                      candidates.contains(where: { word.count > $0.count && word.suffix($0.count).elementsEqual($0) }) else { continue }
                var flagsEnd = slash + 1
                while flagsEnd < end, bytes[flagsEnd] != 0x09, bytes[flagsEnd] != 0x20, bytes[flagsEnd] != 0x0D { flagsEnd += 1 }
                guard flagsEnd > slash + 1 else { continue }
                let text = decode(Data(word))
                if text.count >= minimumLength { result.append((text, decode(Data(bytes[(slash + 1)..<flagsEnd])))) }
            }
        }
        return result
    }

    /// Adds a word for the lifetime of this instance, inflected like a word the dictionary knows
    /// (`Зеленский` like `Достоевский`, so `Зеленского` stems to `Зеленский`). Returns whether the
    /// model word is a dictionary entry with affixes; without one, the word is added uninflected.
    /// The model must be spelled as the dictionary lists it (its lemma, in the dictionary's case).
    @discardableResult
    public func add(_ word: String, inflectedLike model: String) -> Bool {
        guard let bytes = encode(word), let modelBytes = encode(model) else { return false }
        return locked {
            // Answers are stored under this lock, so none made before the word was added survives.
            answers.removeAll()
            // 0: the model's affix flags were copied; otherwise the model is absent or has no affixes.
            guard Hunspell_add_with_affix(handle, bytes, modelBytes) == 0 else {
                _ = Hunspell_add(handle, bytes)
                return false
            }
            return true
        }
    }

    /// Adds a word (no inflections) for the lifetime of this instance: a house word list.
    public func add(_ word: String) {
        guard let bytes = encode(word) else { return }
        locked {
            answers.removeAll()
            _ = Hunspell_add(handle, bytes)
        }
    }

    // MARK: - Encoding

    private func encode(_ word: String) -> [CChar]? {
        guard !word.isEmpty else { return nil }
        if encoding == .utf8 && !isLatin9 { return Array(word.utf8CString) }
        if isLatin9 { return Self.encodeLatin9(word).map { $0 + [0] } }
        guard let data = word.data(using: encoding, allowLossyConversion: false) else { return nil }
        return data.map { CChar(bitPattern: $0) } + [0]
    }

    private func decode(_ data: Data) -> String {
        if isLatin9 { return Self.decodeLatin9(Array(data)) }
        return String(data: data, encoding: encoding) ?? String(decoding: data, as: UTF8.self)
    }

    private func decode(_ pointer: UnsafePointer<CChar>) -> String {
        if encoding == .utf8 && !isLatin9 { return String(cString: pointer) }
        let length = strlen(pointer)
        if isLatin9 { return Self.decodeLatin9(UnsafeBufferPointer(start: pointer, count: length).map { UInt8(bitPattern: $0) }) }
        let data = Data(bytes: pointer, count: length)
        return String(data: data, encoding: encoding) ?? String(cString: pointer)
    }

    static func isLatin9(_ name: String) -> Bool {
        ["ISO885915", "LATIN9"].contains(name.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: ""))
    }

    /// The eight code points where ISO 8859-15 differs from Latin-1 (ISO/IEC 8859-15, table 1).
    private static let latin9Differences: [(byte: UInt8, scalar: UInt32)] = [
        (0xA4, 0x20AC), (0xA6, 0x0160), (0xA8, 0x0161), (0xB4, 0x017D), (0xB8, 0x017E), (0xBC, 0x0152), (0xBD, 0x0153), (0xBE, 0x0178),
    ]

    /// A word as ISO 8859-15 bytes (no terminator); `nil` when a character has no byte in ISO 8859-15 (the word is then unknown, as for other encodings).
    public static func encodeLatin9(_ word: String) -> [CChar]? {
        var bytes: [CChar] = []
        for scalar in word.unicodeScalars {
            if let known = latin9Differences.first(where: { $0.scalar == scalar.value }) {
                bytes.append(CChar(bitPattern: known.byte))
            } else if scalar.value < 0x100, !latin9Differences.contains(where: { UInt32($0.byte) == scalar.value }) {
                bytes.append(CChar(bitPattern: UInt8(scalar.value)))
            } else {
                return nil
            }
        }
        return bytes
    }

    /// ISO 8859-15 bytes as text.
    public static func decodeLatin9(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = latin9Differences.first(where: { $0.byte == byte })?.scalar ?? UInt32(byte)
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    static func encoding(named name: String) -> String.Encoding {
        switch name.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "ISO88591": .isoLatin1
        case "ISO88592": .isoLatin2
        case "CP1250", "WINDOWS1250": .windowsCP1250
        case "CP1251", "WINDOWS1251", "MICROSOFTCP1251": .windowsCP1251
        case "CP1252", "WINDOWS1252": .windowsCP1252
        default: .utf8
        }
    }

    // MARK: - Calls

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Runs a Hunspell call that fills a `char **` list, copies the strings out and frees the list.
    private func list(_ call: (inout UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32) -> [String] {
        var items: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = Int(call(&items))
        defer { if items != nil { Hunspell_free_list(handle, &items, Int32(count)) } }
        guard count > 0, let list = items else { return [] }
        var result: [String] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            if let item = list[index] { result.append(decode(item)) }
        }
        return result
    }
}
