import Foundation
import LectorText
import LectorFormats
import LectorHunspell
import LectorLexicon

/// Inflected forms of glossary terms in Slavic targets, through Hunspell: `Kijowie` → `Kijów`,
/// `Kyjevě` → `Kyjev`, `Києві` → `Київ`, and names no dictionary lists (`Зеленского` →
/// `Зеленский`), which are added to a private copy of the dictionary inflected like a dictionary
/// word with the same ending (`Зеленский` like the most common paradigm of words in `-ский`).
///
/// Used by the matcher only for tokens that neither the vocabulary nor the ending rules match, and
/// only where a glossary token starts with the same two letters, so ordinary text costs nothing.
/// The dictionary loads on first use; without one (no `hunspell-XX` package) nothing changes.
public final class GlossaryStemmer: @unchecked Sendable {
    /// The target languages where stems find what ending lists miss.
    public static let languages: Set<String> = ["ru", "uk", "pl", "cs"]

    public let language: String
    /// Folded first two code units of every target-language term token, packed.
    let prefixes: Set<UInt32>
    private let terms: [String]
    private let paths: ResourcePaths
    private let lock = NSLock()
    private var loaded = false
    private var dictionary: HunspellDictionary?
    private var addedModels: [String: String] = [:]
    /// Hunspell's stems per word form, for the index's life (every document checked with it):
    /// a text repeats its words, and a stem lookup costs microseconds. Emptied when full, so a
    /// stream of any length keeps it bounded.
    private var stems: [String: [String]] = [:]
    static let stemCacheLimit = 200_000

    /// A stemmer for `target`, or `nil` where stems are not used or no dictionary is installed.
    init?(concepts: [Concept], target: String, paths: ResourcePaths) {
        guard Self.languages.contains(target), LexicalResource.hunspellFiles(target, in: paths) != nil else { return nil }
        var terms: [String] = []
        var prefixes = Set<UInt32>()
        for concept in concepts {
            for term in concept.terms where term.primaryLanguage == target {
                for word in term.text.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }) {
                    let folded = Array(String(word).lowercased().utf16)
                    if folded.count >= 2 { prefixes.insert(Self.pack(folded[0], folded[1])) }
                }
                if term.text.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }) { terms.append(term.text) }
            }
        }
        guard !terms.isEmpty else { return nil }
        self.language = target
        self.terms = terms
        self.prefixes = prefixes
        self.paths = paths
    }

    static func pack(_ first: UInt16, _ second: UInt16) -> UInt32 { UInt32(first) << 16 | UInt32(second) }

    /// Whether a folded token could be a form of a glossary term (its first two units start one).
    @inline(__always)
    func mayInflect(_ folded: UnsafeBufferPointer<UInt16>) -> Bool {
        folded.count >= 3 && prefixes.contains(Self.pack(folded[0], folded[1]))
    }

    /// The dictionary forms of a word (Hunspell stems, glossary names included).
    public func lemmas(of word: String) -> [String] {
        lock.lock()
        let cached = stems[word]
        lock.unlock()
        if let cached { return cached }
        let result = loadedDictionary()?.stem(word) ?? []
        lock.lock()
        if stems.count >= Self.stemCacheLimit { stems.removeAll(keepingCapacity: true) }
        stems[word] = result
        lock.unlock()
        return result
    }

    /// `word` inflected as `example` is (`Київ` like `Києві`... as the dictionary can), or empty.
    public func generate(_ word: String, like example: String) -> [String] {
        loadedDictionary()?.generate(word, like: example) ?? []
    }

    /// The model word each glossary term unknown to the dictionary was added with (empty value:
    /// added uninflected, no word of the dictionary shares its ending).
    public var models: [String: String] {
        _ = loadedDictionary()
        lock.lock()
        defer { lock.unlock() }
        return addedModels
    }

    private func loadedDictionary() -> HunspellDictionary? {
        lock.lock()
        defer { lock.unlock() }
        if loaded { return dictionary }
        loaded = true
        do {
            guard let dictionary = try Lexicon.privateHunspell(language, paths: paths) else { return nil }
            let unknown = terms.filter { !dictionary.spell($0) }
            if !unknown.isEmpty { addedModels = try Self.add(unknown, to: dictionary) }
            self.dictionary = dictionary
        } catch {
            FileHandle.standardError.write(Data("lector: Hunspell dictionary for \(language) unusable, inflected glossary matching off: \(error)\n".utf8))
        }
        return dictionary
    }

    /// Adds each term inflected like the dictionary's most common paradigm (affix flags) among its
    /// entries with the same capitalization and the longest shared ending (4, 3 or 2 letters).
    static func add(_ unknown: [String], to dictionary: HunspellDictionary) throws -> [String: String] {
        let endings = Set(unknown.flatMap { term in (2...4).filter { term.count > $0 + 1 }.map { String(term.suffix($0)).lowercased() } })
        // ending + capitalized → flags → (count, first word)
        var paradigms: [String: [String: (count: Int, word: String)]] = [:]
        for (word, flags) in try dictionary.inflectingEntries(where: { $0.count >= 4 }) {
            let capitalized = word.first?.isUppercase == true
            for length in 2...4 where word.count > length + 1 {
                let ending = String(word.suffix(length)).lowercased()
                guard endings.contains(ending) else { continue }
                let key = "\(capitalized ? "C" : "l")\(ending)"
                let current = paradigms[key]?[flags]
                paradigms[key, default: [:]][flags] = ((current?.count ?? 0) + 1, current?.word ?? word)
            }
        }
        var models: [String: String] = [:]
        for term in unknown {
            let capitalized = term.first?.isUppercase == true
            var model = ""
            for length in [4, 3, 2] where term.count > length + 1 {
                let key = "\(capitalized ? "C" : "l")\(String(term.suffix(length)).lowercased())"
                if let best = paradigms[key]?.values.max(by: { ($0.count, $1.word) < ($1.count, $0.word) }) {
                    model = best.word
                    break
                }
            }
            if model.isEmpty || !dictionary.add(term, inflectedLike: model) {
                dictionary.add(term)
                model = ""
            }
            models[term] = model
        }
        return models
    }
}
