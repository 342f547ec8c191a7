import Foundation
import LectorFormats

/// The ordinary words of a language: the headwords of a bilingual dictionary in dictd format
/// (Debian's `dict-freedict-*` packages install them under `/usr/share/dictd`).
///
/// Used to tell names from common words where capital letters cannot: German capitalizes every
/// noun, and every language capitalizes the first word of a sentence.
public final class Lexicon: Sendable {
    public let language: String
    public let path: String
    private let words: Set<String>

    /// Dictionaries searched per source language, best first.
    static let dictionaries: [String: [String]] = [
        "de": ["freedict-deu-eng"],
        "en": ["freedict-eng-deu", "freedict-eng-rus"],
        "fr": ["freedict-fra-eng"],
        "cs": ["freedict-ces-eng"],
        "ru": ["freedict-rus-eng"],
    ]

    /// Where dictd dictionaries are installed; `LECTOR_DICTD_PATH` overrides it.
    static var directory: String {
        ProcessInfo.processInfo.environment["LECTOR_DICTD_PATH"] ?? "/usr/share/dictd"
    }

    nonisolated(unsafe) private static var cache: [String: Lexicon?] = [:]
    private static let lock = NSLock()

    /// The lexicon of a language, loaded once per process; `nil` when no dictionary is installed.
    public static func forLanguage(_ language: String) -> Lexicon? {
        let primary = Term.primaryLanguage(of: language)
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[primary] { return cached }
        let lexicon = (dictionaries[primary] ?? []).lazy
            .map { (directory as NSString).appendingPathComponent($0 + ".index") }
            .first { FileManager.default.fileExists(atPath: $0) }
            .flatMap { try? Lexicon(language: primary, indexPath: $0) }
        cache[primary] = lexicon
        return lexicon
    }

    /// Reads the headwords of a dictd `.index` file (headword, tab, offset, tab, length per line).
    public init(language: String, indexPath: String) throws {
        self.language = language
        path = indexPath
        let data = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        var words = Set<String>()
        words.reserveCapacity(data.count / 24)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x09 {
                    // Only single-word headwords matter for telling names from words.
                    let word = UnsafeBufferPointer(rebasing: bytes[lineStart..<index])
                    if !word.isEmpty, !word.contains(0x20) {
                        words.insert(String(decoding: word, as: UTF8.self).lowercased())
                    }
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                    lineStart = index + 1
                }
                index += 1
            }
        }
        self.words = words
    }

    /// Whether a word (any case) is a headword.
    public func contains(_ word: String) -> Bool { words.contains(word.lowercased()) }

    public var count: Int { words.count }
}
