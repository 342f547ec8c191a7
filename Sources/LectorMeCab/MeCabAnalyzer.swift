import Foundation
@_implementationOnly import CMeCab

/// Japanese morphological analysis through MeCab's C API: a sentence into morphemes, each with its
/// part of speech and dictionary form (`行きました` → `行き` (動詞, 行く) `まし` (助動詞, ます) `た`).
///
/// Built for the IPA dictionary's feature layout (`mecab-ipadic-utf8`: part of speech, three
/// subdivisions, conjugation type and form, base form, reading, pronunciation). Only a UTF-8
/// dictionary is accepted: Swift strings cross the boundary as UTF-8, and an EUC-JP dictionary
/// (Debian's plain `mecab-ipadic`) would analyse every word as unknown bytes without any error.
///
/// The model is shared and thread-safe; each call parses in a lattice of its own.
public final class MeCabAnalyzer: @unchecked Sendable {
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case missingDictionary(String)
        case notUTF8(folder: String, charset: String)
        case unloadable(String)

        public var description: String {
            switch self {
            case .missingDictionary(let folder): "no MeCab dictionary (sys.dic) in \(folder)"
            case .notUTF8(let folder, let charset):
                "the MeCab dictionary in \(folder) is \(charset), not UTF-8 (install mecab-ipadic-utf8)"
            case .unloadable(let message): "MeCab could not load its dictionary: \(message)"
            }
        }
    }

    /// One morpheme of an analysed text.
    public struct Morpheme: Hashable, Sendable {
        /// As written in the text.
        public let surface: String
        /// The IPA part of speech (`名詞`, `動詞`, `形容詞`, `助詞`, `助動詞`, `記号`, …).
        public let partOfSpeech: String
        /// Its first subdivision (`自立` independent, `非自立` dependent, `接尾` suffix, …).
        public let subdivision: String
        /// The dictionary form (`行く` for `行き`); the surface for a word the dictionary lacks.
        public let baseForm: String
        /// Whether the dictionary knows the word (otherwise MeCab guessed its part of speech).
        public let isKnown: Bool
    }

    /// The dictionary folder (with `sys.dic`).
    public let folder: String
    /// The dictionary's character set as it declares it (`UTF-8`, `utf8`).
    public let charset: String
    private let model: OpaquePointer
    private let tagger: OpaquePointer

    /// Loads the dictionary of `folder`; refuses one that is not UTF-8 before MeCab opens it.
    public init(dictionaryFolder folder: String) throws {
        let systemDictionary = (folder as NSString).appendingPathComponent("sys.dic")
        guard FileManager.default.isReadableFile(atPath: systemDictionary) else { throw LoadError.missingDictionary(folder) }
        let declared = Self.charset(ofDictionary: systemDictionary) ?? ""
        guard Self.isUTF8(declared) else { throw LoadError.notUTF8(folder: folder, charset: declared.isEmpty ? "of unknown encoding" : declared) }
        // `-r /dev/null`: no mecabrc is needed or read (the machine's may name another dictionary).
        let arguments = ["lector", "-r", "/dev/null", "-d", folder]
        var pointers = arguments.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        guard let model = pointers.withUnsafeMutableBufferPointer({ mecab_model_new(Int32($0.count), $0.baseAddress) }) else {
            throw LoadError.unloadable(mecab_strerror(nil).map { String(cString: $0) } ?? folder)
        }
        guard let tagger = mecab_model_new_tagger(model) else {
            mecab_model_destroy(model)
            throw LoadError.unloadable(folder)
        }
        self.model = model
        self.tagger = tagger
        self.folder = folder
        charset = mecab_model_dictionary_info(model).flatMap { $0.pointee.charset }.map { String(cString: $0) } ?? declared
    }

    deinit {
        mecab_destroy(tagger)
        mecab_model_destroy(model)
    }

    /// The character set a compiled MeCab dictionary (`sys.dic`) declares in its header: 32 bytes at
    /// offset 40, after ten 32-bit fields. `nil` for a file too short to be one.
    public static func charset(ofDictionary path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }  // closing a file opened for reading cannot lose data
        guard let header = try? handle.read(upToCount: 72), header.count == 72 else { return nil }
        let field = header[40..<72].prefix { $0 != 0 }
        return String(decoding: field, as: UTF8.self)
    }

    public static func isUTF8(_ charset: String) -> Bool {
        ["utf8", "utf-8"].contains(charset.lowercased())
    }

    /// The morphemes of a text, in order.
    public func morphemes(of text: String) -> [Morpheme] {
        guard !text.isEmpty, let lattice = mecab_lattice_new() else { return [] }
        defer { mecab_lattice_destroy(lattice) }
        var result: [Morpheme] = []
        text.utf8CString.withUnsafeBufferPointer { buffer in
            // The lattice keeps a pointer to the sentence: it is parsed and read inside this closure.
            mecab_lattice_set_sentence2(lattice, buffer.baseAddress, buffer.count - 1)
            guard mecab_parse_lattice(tagger, lattice) != 0 else { return }
            var node = mecab_lattice_get_bos_node(lattice)
            while let current = node {
                defer { node = current.pointee.next }
                let stat = Int32(current.pointee.stat)
                guard stat == Int32(MECAB_NOR_NODE) || stat == Int32(MECAB_UNK_NODE),
                      let surfacePointer = current.pointee.surface else { continue }
                let surface = surfacePointer.withMemoryRebound(to: UInt8.self, capacity: Int(current.pointee.length)) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(current.pointee.length)), as: UTF8.self)
                }
                let features = current.pointee.feature.map { String(cString: $0) }?
                    .split(separator: ",", omittingEmptySubsequences: false).map(String.init) ?? []
                let base = features.count > 6 && features[6] != "*" ? features[6] : surface
                result.append(Morpheme(surface: surface, partOfSpeech: features.first ?? "",
                                       subdivision: features.count > 1 ? features[1] : "", baseForm: base,
                                       isKnown: stat == Int32(MECAB_NOR_NODE)))
            }
        }
        return result
    }

    /// Parts of speech whose morphemes carry meaning (a word's lemma is theirs): nouns, verbs,
    /// adjectives, adverbs, adnominals, interjections, conjunctions, prefixes.
    static let contentPartsOfSpeech: Set<String> = ["名詞", "動詞", "形容詞", "副詞", "連体詞", "感動詞", "接続詞", "接頭詞"]

    /// The dictionary forms of the content morphemes of a word or phrase, each once, in order:
    /// `行きました` → [`行く`], `高かった` → [`高い`], `食べられなかった` → [`食べる`]. Particles,
    /// auxiliaries and symbols drop, and so do suffixes and dependent words that only inflect or
    /// pluralize another (`られる` of the passive, `いる` of `食べている`, `たち` of `犬たち`: IPA's
    /// `接尾` and `非自立`).
    public func lemmas(of text: String) -> [String] {
        var seen = Set<String>()
        return morphemes(of: text).filter { morpheme in
            guard Self.contentPartsOfSpeech.contains(morpheme.partOfSpeech), !morpheme.baseForm.isEmpty else { return false }
            return morpheme.subdivision != "接尾" && morpheme.subdivision != "非自立"
        }.map(\.baseForm).filter { seen.insert($0).inserted }
    }
}
