import Foundation
import LectorText
import LectorFormats
import LectorHunspell
import LectorLexicon

/// Inflected forms of glossary terms in Slavic targets, through Hunspell: `Kijowie` → `Kijów`,
/// `Kyjevě` → `Kyjev`, `Києві` → `Київ`, and names no dictionary lists (`Зеленского` →
/// `Зеленский`), which are added to a copy of the dictionary inflected like a dictionary
/// word with the same ending (`Зеленский` like the most common paradigm of words in `-ский`).
///
/// Used by the matcher only for tokens that neither the vocabulary nor the ending rules match, and
/// only where a glossary token starts with the same two letters, so ordinary text costs nothing.
/// The dictionary loads on first use; without one (no `hunspell-XX` package) nothing changes.
public final class GlossaryStemmer: @unchecked Sendable {
    /// The target languages where stems find what ending lists miss; in German, the parts of
    /// closed compounds (`compoundLanguages`).
    public static let languages: Set<String> = ["ru", "uk", "pl", "cs", "de"]
    /// Languages that write compounds closed, where a glossary term can be a part of a word
    /// (`Kiewbesuch`, `Kriegsflüchtlinge`).
    public static let compoundLanguages: Set<String> = ["de"]
    /// Letters each part of a compound has at least: shorter parts are too often chance.
    static let minimumCompoundPart = 4

    public let language: String
    /// Folded first two code units of every target-language term token, packed.
    let prefixes: Set<UInt32>
    private let terms: [String]
    /// Single-word terms of four letters or more, lower-cased, with the glossary's spelling: the
    /// parts a compound is searched for (German).
    private let compoundParts: [String: String]
    private let paths: ResourcePaths
    /// The glossary's names added to the dictionary: the copy is shared with the pair's `Lexicon`
    /// (`Lexicon.additions`), so the language's dictionary is loaded once per check.
    public let additions: HunspellAdditions
    private let lock = NSLock()
    private var loaded = false
    /// Holds the shared amended copy alive for as long as the index lives.
    private var amended: AmendedHunspell?
    /// Hunspell's stems per word form, for the index's life (every document checked with it):
    /// a text repeats its words, and a stem lookup costs microseconds. Emptied when full, so a
    /// stream of any length keeps it bounded.
    private var stems: [String: [String]] = [:]
    static let stemCacheLimit = WordStoreCapacity.words

    /// A stemmer for `target`, or `nil` where stems are not used or no dictionary is installed.
    init?(concepts: [Concept], target: String, paths: ResourcePaths) {
        guard Self.languages.contains(target), LexicalResource.hunspellFiles(target, in: paths) != nil else { return nil }
        let terms = Self.addedTerms(concepts: concepts, target: target)
        guard !terms.isEmpty else { return nil }
        var prefixes = Set<UInt32>()
        for concept in concepts {
            for term in concept.terms where term.primaryLanguage == target {
                for word in term.text.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }) {
                    let folded = Array(String(word).lowercased().utf16)
                    if folded.count >= 2 { prefixes.insert(Self.pack(folded[0], folded[1])) }
                }
            }
        }
        self.language = target
        self.terms = terms
        additions = Self.additions(terms)
        var compoundParts: [String: String] = [:]
        if Self.compoundLanguages.contains(target) {
            for term in terms where term.count >= Self.minimumCompoundPart && term.allSatisfy(\.isLetter) {
                compoundParts[term.lowercased()] = term
            }
        }
        self.compoundParts = compoundParts
        self.prefixes = prefixes
        self.paths = paths
    }

    static func pack(_ first: UInt16, _ second: UInt16) -> UInt32 { UInt32(first) << 16 | UInt32(second) }

    /// The single-word terms of the target language that go into its dictionary.
    static func addedTerms(concepts: [Concept], target: String) -> [String] {
        var terms: [String] = []
        for concept in concepts {
            for term in concept.terms where term.primaryLanguage == target
            && term.text.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }) {
                terms.append(term.text)
            }
        }
        return terms
    }

    /// The words the stemmer of these glossaries adds to the language's dictionary, or `nil` where
    /// it adds none (no stemmer, or no single-word term in the language). The checker hands them to
    /// the pair's `Lexicon` before the glossary index exists, so that the amended dictionary starts
    /// loading at once and is the only copy of that language's dictionary.
    public static func additions(concepts: [Concept], language: String, paths: ResourcePaths,
                                 cache: LexiconDiskCache = .standard) -> HunspellAdditions? {
        let target = Term.primaryLanguage(of: language)
        guard languages.contains(target), LexicalResource.hunspellFiles(target, in: paths) != nil else { return nil }
        let terms = addedTerms(concepts: concepts, target: target)
        return terms.isEmpty ? nil : additions(terms, cache: cache)
    }

    /// Every term unknown to the dictionary, added inflected like a model word (`add(_:to:)`). The
    /// models are kept in the lexicon disk cache per dictionary file and term list: choosing them
    /// reads the whole `.dic` (uk_UA: 8 MB) and costs more CPU than libhunspell's own load of ru_RU.
    static func additions(_ terms: [String], cache: LexiconDiskCache = .standard) -> HunspellAdditions {
        let key = "glossary:" + Set(terms).sorted().joined(separator: "\u{1F}")
        return HunspellAdditions(key: key) { dictionary in
            let unknown = terms.filter { !dictionary.spell($0) }
            guard !unknown.isEmpty else { return [:] }
            let sources = [dictionary.affixPath, dictionary.dictionaryPath]
            if let models = cachedModels(cache.read(kind: .hunspellModels, sources: sources, key: key), key: key, unknown: unknown) {
                return apply(models, to: dictionary, order: unknown)
            }
            let models = try Self.models(for: unknown, in: dictionary)
            cache.write(kind: .hunspellModels, sources: sources, key: key, sections: encodeModels(models, key: key))
            return apply(models, to: dictionary, order: unknown)
        }
    }

    /// The cache's sections: the term list's key, then `term US model RS` per term.
    static func encodeModels(_ models: [String: String], key: String) -> [Data] {
        let text = models.keys.sorted().map { "\($0)\u{1F}\(models[$0] ?? "")\u{1E}" }.joined()
        return [Data(key.utf8), Data(text.utf8)]
    }

    /// The models a cache file holds, when it was made for this term list and names exactly the
    /// terms the dictionary does not know now; `nil` otherwise (they are chosen again).
    static func cachedModels(_ sections: [Data]?, key: String, unknown: [String]) -> [String: String]? {
        guard let sections, sections.count == 2, sections[0] == Data(key.utf8),
              let text = String(data: sections[1], encoding: .utf8) else { return nil }
        var models: [String: String] = [:]
        for record in text.split(separator: "\u{1E}") {
            let fields = record.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard fields.count == 2 else { return nil }
            models[String(fields[0])] = String(fields[1])
        }
        return Set(models.keys) == Set(unknown) ? models : nil
    }

    /// Whether a folded token could be a form of a glossary term (its first two units start one).
    @inline(__always)
    func mayInflect(_ folded: UnsafeBufferPointer<UInt16>) -> Bool {
        if !compoundParts.isEmpty, folded.count >= 2 * Self.minimumCompoundPart { return true }
        return folded.count >= 3 && prefixes.contains(Self.pack(folded[0], folded[1]))
    }

    /// The dictionary forms of a word (Hunspell stems, glossary names included).
    public func lemmas(of word: String) -> [String] {
        lock.lock()
        let cached = stems[word]
        lock.unlock()
        if let cached { return cached }
        var result = loadedDictionary()?.stem(word) ?? []
        if !compoundParts.isEmpty, let part = compoundPart(of: word), !result.contains(part) { result.append(part) }
        lock.lock()
        if stems.count >= Self.stemCacheLimit { stems.removeAll(keepingCapacity: true) }
        stems[word] = result
        lock.unlock()
        return result
    }

    /// The glossary term a closed compound is made with, where the rest of the word is a word the
    /// dictionary knows: `Kiewbesuch` → `Kiew` (the term first, then `Besuch`), `Kriegsflüchtlinge`
    /// → `Flüchtling` (a word, `Kriegs`, then the term with an ending). Hunspell's German dictionary
    /// does not analyse compounds, but it knows the other part; the term part is found by the
    /// glossary, longest first. Each part has at least four letters.
    func compoundPart(of word: String) -> String? {
        let characters = Array(word)
        let lower = characters.map { Character($0.lowercased()) }
        guard lower.count == characters.count, characters.count >= 2 * Self.minimumCompoundPart,
              let dictionary = loadedDictionary() else { return nil }
        func isWord(_ part: ArraySlice<Character>) -> Bool {
            let text = String(part)
            if dictionary.spell(text) { return true }
            guard let first = part.first, first.isLowercase else { return false }
            return dictionary.spell(first.uppercased() + String(part.dropFirst()))
        }
        let range = Self.minimumCompoundPart...(characters.count - Self.minimumCompoundPart)
        let linkingElements = ["s", "es", "n", "en", "e", "er"]
        // The term first, then a word, possibly after a linking element: `Kiew|besuch`,
        // `Flüchtling|s|bewegung`.
        for split in range.reversed() {
            guard let term = compoundParts[String(lower[..<split])] else { continue }
            let rest = characters[split...]
            if isWord(rest) || linkingElements.contains(where: { linking in
                String(rest).hasPrefix(linking) && rest.count - linking.count >= Self.minimumCompoundPart
                    && isWord(rest.dropFirst(linking.count))
            }) {
                return term
            }
        }
        // The term last, as the compound's head, possibly inflected: `Kriegs|flüchtlinge`. The part
        // before it may end in a linking element (`Kriegs`-, `Frauen`-).
        let endings = ["", "s", "es", "n", "en", "e", "er", "ern"]
        for split in range {
            let head = String(lower[split...])
            for ending in endings where head.hasSuffix(ending) && head.count - ending.count >= Self.minimumCompoundPart {
                guard let term = compoundParts[String(head.dropLast(ending.count))] else { continue }
                let modifier = characters[..<split]
                if isWord(modifier) || linkingElements.contains(where: { linking in
                    String(modifier).hasSuffix(linking) && modifier.count - linking.count >= Self.minimumCompoundPart
                        && isWord(modifier.dropLast(linking.count))
                }) {
                    return term
                }
            }
        }
        return nil
    }

    /// `word` inflected as `example` is (`Київ` like `Києві`... as the dictionary can), or empty.
    public func generate(_ word: String, like example: String) -> [String] {
        loadedDictionary()?.generate(word, like: example) ?? []
    }

    /// The target language's Hunspell dictionary with the glossary's names added (loaded on first
    /// use), or `nil` when it cannot be loaded.
    public var dictionaryWithTerms: HunspellDictionary? { loadedDictionary() }

    /// The model word each glossary term unknown to the dictionary was added with (empty value:
    /// added uninflected, no word of the dictionary shares its ending).
    public var models: [String: String] {
        _ = loadedDictionary()
        lock.lock()
        defer { lock.unlock() }
        return amended?.notes ?? [:]
    }

    private func loadedDictionary() -> HunspellDictionary? {
        lock.lock()
        defer { lock.unlock() }
        if loaded { return amended?.dictionary }
        loaded = true
        // Failures are reported once by the lexicon; matching goes on without stems.
        amended = Lexicon.hunspell(language, paths: paths, adding: additions)
        return amended?.dictionary
    }

    /// Adds each term inflected like the dictionary's most common paradigm (affix flags) among its
    /// entries with the same capitalization and the longest shared ending (4, 3 or 2 letters).
    static func add(_ unknown: [String], to dictionary: HunspellDictionary) throws -> [String: String] {
        apply(try models(for: unknown, in: dictionary), to: dictionary, order: unknown)
    }

    /// Adds each term, in `order`, inflected like its model; one without a model, or whose model
    /// Hunspell cannot copy affixes from, is added uninflected. The notes that were applied.
    static func apply(_ models: [String: String], to dictionary: HunspellDictionary, order: [String]) -> [String: String] {
        var applied: [String: String] = [:]
        for term in order {
            var model = models[term] ?? ""
            if model.isEmpty || !dictionary.add(term, inflectedLike: model) {
                dictionary.add(term)
                model = ""
            }
            applied[term] = model
        }
        return applied
    }

    /// The model word of each term (empty: none shares its ending): the dictionary's most common
    /// paradigm among its entries with the same capitalization and the longest shared ending.
    static func models(for unknown: [String], in dictionary: HunspellDictionary) throws -> [String: String] {
        let endings = Set(unknown.flatMap { term in (2...4).filter { term.count > $0 + 1 }.map { String(term.suffix($0)).lowercased() } })
        // ending + capitalized → flags → (count, first word)
        var paradigms: [String: [String: (count: Int, word: String)]] = [:]
        for (word, flags) in try dictionary.inflectingEntries(endingIn: endings, minimumLength: 4) {
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
            models[term] = model
        }
        return models
    }
}
