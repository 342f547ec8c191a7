import Foundation
import LectorHunspell
import LectorICU
import LectorText
import LectorFormats
import LectorLexicon

/// Everything the glossary rules need, compiled once for one target language: a vocabulary of
/// folded tokens, a trie over token ids (multi-word terms, longest match), and a table of
/// spelling skeletons. Lookups cost the same whatever the number of concepts.
///
/// Memory: entries are 20-byte records pointing into the glossary's own terms; the spellings
/// that derivation adds live in one UTF-8 pool; the trie's per-node entry lists and the
/// skeleton table are flat arrays.
public struct GlossaryIndex: Sendable {
    /// Primary subtag of the language whose text is checked.
    public let targetLanguage: String
    public let concepts: [Concept]
    let inflection: InflectionRules
    /// Hunspell stems for inflecting targets (ru, uk, pl, cs), where a dictionary is installed.
    let stemmer: GlossaryStemmer?

    var vocabulary = TokenVocabulary()
    /// The trie over token ids. Node 0 is the root; the child of the root for token `t` is node
    /// `t + 1` (every token has one, possibly empty); deeper nodes follow. Per node, with a
    /// sentinel at the end: where its entries start in `entries` (they end where the next node's
    /// start), and in the top bit whether it has children in `edges`.
    var nodes: [UInt32] = [0, 0]
    /// Children of nodes below the root: `node << 32 | token` → child.
    var edges = EdgeTable()
    /// Grouped by node, in the order they were added.
    var entries: [MatchEntry] = []
    /// Transliterated spellings (UTF-8), back to back: form `i` is `formBytes[formStarts[i]..<formStarts[i + 1]]`.
    var formBytes: [UInt8] = []
    var formStarts: [Int32] = [0]
    /// The scheme that made each form (an index in `schemeLabels`).
    var formSchemes: [Int16] = []
    /// Tokens exactly as written, for case-sensitive terms (acronyms: few).
    var exactTokens: [[[UInt16]]] = []
    /// Labels of the transliteration schemes, by `MatchEntry.scheme`.
    var schemeLabels: [String] = []
    var skeletons = TokenVocabulary()
    /// For each skeleton id: the one concept it belongs to, or -1 when it belongs to several.
    var skeletonConcept: [Int32] = []

    /// Counts, for reports and benchmarks.
    public private(set) var variantCount = 0

    /// Whether a word, case-folded, is a token of some glossary spelling (a term or a variant of
    /// any language): `nato` of `NATO`.
    public func containsToken(_ word: String) -> Bool {
        // The index was built with the same folder (its init throws), so this one cannot fail.
        guard let folder = try? TokenFolder() else { return false }
        return folder.fold(word).withUnsafeBufferPointer { vocabulary.lookup($0) } >= 0
    }

    /// The target language's Hunspell dictionary with the glossary's names added, where inflected
    /// matching uses one (ru, uk, pl, cs, with terms in that language); `nil` elsewhere. Spelling
    /// uses it too, so the dictionary is loaded once per check, not twice.
    public var hunspellWithTerms: HunspellDictionary? { stemmer?.dictionaryWithTerms }

    /// `word` in the form of `example` (`Київ` like `Харкові`), by the target language's Hunspell
    /// dictionary with the glossary's names added; empty where it cannot make one.
    public func inflectedForms(of word: String, like example: String) -> [String] {
        stemmer?.generate(word, like: example) ?? []
    }

    /// Compiles `glossaries` for text in `targetLanguage`, deriving variants with `schemes`.
    /// - Parameter inflection: suffix rules for the target language; by default Lector's own.
    /// - Parameter resourcePaths: where the target language's Hunspell dictionary is looked for
    ///   (inflected matching in ru, uk, pl, cs: `GlossaryStemmer`).
    public init(glossaries: [Glossary], targetLanguage: String,
                schemes: [TransliterationScheme], inflection: InflectionRules? = nil,
                resourcePaths: ResourcePaths = .standard) throws(InputError) {
        try self.init(glossaries: glossaries, targetLanguage: targetLanguage,
                      transliterators: VariantTransliterators(schemes: schemes), inflection: inflection,
                      derivation: .automatic, resourcePaths: resourcePaths)
    }

    /// `init(glossaries:targetLanguage:schemes:inflection:resourcePaths:)` with the schemes'
    /// transliterators of an index built before from the same glossaries (`VariantTransliterators`):
    /// the index is the same, and the spellings the other derived are not derived by ICU again.
    package init(glossaries: [Glossary], targetLanguage: String, transliterators: VariantTransliterators,
                 inflection: InflectionRules? = nil, resourcePaths: ResourcePaths = .standard) throws(InputError) {
        try self.init(glossaries: glossaries, targetLanguage: targetLanguage, transliterators: transliterators,
                      inflection: inflection, derivation: .automatic, resourcePaths: resourcePaths)
    }

    /// - Parameter derivation: where variants are derived; the index is the same either way.
    init(glossaries: [Glossary], targetLanguage: String, schemes: [TransliterationScheme], inflection: InflectionRules?,
         derivation mode: VariantDerivation.Mode, resourcePaths: ResourcePaths = .standard) throws(InputError) {
        try self.init(glossaries: glossaries, targetLanguage: targetLanguage,
                      transliterators: VariantTransliterators(schemes: schemes), inflection: inflection,
                      derivation: mode, resourcePaths: resourcePaths)
    }

    init(glossaries: [Glossary], targetLanguage: String, transliterators: VariantTransliterators,
         inflection: InflectionRules?, derivation mode: VariantDerivation.Mode,
         resourcePaths: ResourcePaths = .standard) throws(InputError) {
        let target = Term.primaryLanguage(of: targetLanguage)
        self.targetLanguage = target
        concepts = glossaries.count == 1 ? glossaries[0].concepts : glossaries.flatMap(\.concepts)
        self.inflection = inflection ?? InflectionRules.forLanguage(target)
        stemmer = GlossaryStemmer(concepts: concepts, target: target, paths: resourcePaths)
        schemeLabels = transliterators.schemes.map(\.label)

        // Variants are derived (transliterated) on a thread of their own for large glossaries:
        // ICU serialises all rule-based transliteration, so one thread does all of it while this
        // one does the rest.
        let derivation = try VariantDerivation(concepts: concepts, target: target, transliterators: transliterators, mode: mode)
        // However this initializer ends, the deriving thread must not wait for a reader.
        defer { derivation.abandon() }
        var builder = try IndexBuilder(target: target)
        var tree = TrieBuilder()
        /// Keys (folded tokens joined by spaces) of spellings, for de-duplication: a key of one
        /// token is that token's vocabulary id (≥ 0); other keys are interned here (id `-1 - i`).
        var keys = TokenVocabulary()
        var allowedTokens: [Bool] = []
        var allowedKeys: [Bool] = []

        /// The de-duplication key of a spelling, interning it; `nil` for a one-token spelling whose
        /// token the vocabulary does not know yet (so no spelling has had it).
        func key(of tokens: TermTokens, interning: Bool) -> Int? {
            if tokens.isSingleSimpleToken {
                let id = tokens.withToken(0) { interning ? vocabulary.intern($0) : vocabulary.lookup($0) }
                return id >= 0 ? Int(id) : nil
            }
            let id = tokens.key.withUnsafeBufferPointer { keys.intern($0) }
            if Int(id) == allowedKeys.count { allowedKeys.append(false) }
            return -1 - Int(id)
        }
        func isAllowed(_ key: Int) -> Bool {
            key >= 0 ? (key < allowedTokens.count && allowedTokens[key]) : allowedKeys[-1 - key]
        }
        func add(_ entry: MatchEntry, path: TermTokens) {
            var node: Int32 = 0
            for index in 0..<path.count {
                let id = path.withToken(index) { vocabulary.intern($0) }
                node = tree.child(of: node, token: id)
            }
            tree.add(entry, at: node)
        }

        // Pass 1: the target language's own terms, so that variants can be checked against all of them.
        var conceptKeyStarts: [Int32] = [0]
        var conceptKeys: [Int] = []
        conceptKeyStarts.reserveCapacity(concepts.count + 1)
        for (index, concept) in concepts.enumerated() {
            for (termIndex, term) in concept.terms.enumerated() where builder.primary(of: term) == builder.targetID {
                guard let tokens = builder.tokens(of: term.text, exact: term.isCaseSensitive) else { continue }
                let keyID = key(of: tokens, interning: true)!
                if !conceptKeys[Int(conceptKeyStarts[index])...].contains(keyID) { conceptKeys.append(keyID) }
                if term.status.isAllowed {
                    if keyID >= 0 {
                        if keyID >= allowedTokens.count { allowedTokens += repeatElement(false, count: keyID + 1 - allowedTokens.count) }
                        allowedTokens[keyID] = true
                    } else {
                        allowedKeys[-1 - keyID] = true
                    }
                }
                var exact: Int32 = -1
                if term.isCaseSensitive {
                    exact = Int32(exactTokens.count)
                    exactTokens.append(tokens.exact)
                }
                add(MatchEntry(kind: term.status.isAllowed ? .allowed : .forbidden, requiresCapital: false,
                               concept: Int32(index), term: Int32(termIndex), form: -1, exact: exact),
                    path: tokens)
            }
            conceptKeyStarts.append(Int32(conceptKeys.count))
        }

        /// Adds a key's skeleton to the table. A skeleton belongs to one concept or to several
        /// (-1): the order in which keys are added does not matter.
        func addSkeleton(of keyID: Int32, concept: Int32) {
            let found = vocabulary.key(keyID).withUnsafeBufferPointer { builder.skeleton(ofFolded: $0) }
            guard found else { return }
            let id = Int(skeletons.intern(builder.skeletonBuffer.buffer))
            if id == skeletonConcept.count {
                skeletonConcept.append(concept)
            } else if skeletonConcept[id] != concept {
                skeletonConcept[id] = -1
            }
        }

        // Pass 2: variants, and skeletons of every spelling of names.
        var seen: [Int] = []
        var pendingSkeletons: [(concept: Int32, key: Int32)] = []
        for chunkIndex in 0..<derivation.chunkCount {
            let chunk = try derivation.chunk(chunkIndex)
            var variantIndex = 0
            for offset in 0..<chunk.flags.count {
                let index = chunk.firstConcept + offset
                let variantEnd = Int(chunk.ends[offset])
                defer { variantIndex = variantEnd }
                guard chunk.flags[offset] & DerivedChunk.hasPreferredTerm != 0 else { continue }
                seen.removeAll(keepingCapacity: true)
                seen.append(contentsOf: conceptKeys[Int(conceptKeyStarts[index])..<Int(conceptKeyStarts[index + 1])])
                for variant in chunk.variants[variantIndex..<variantEnd] {
                    guard let tokens = builder.tokens(of: variant.spelling, exact: false) else { continue }
                    if let keyID = key(of: tokens, interning: false) {
                        if seen.contains(keyID) || isAllowed(keyID) { continue }
                    }
                    var form: Int32 = -1
                    if variant.scheme >= 0 {
                        form = Int32(formStarts.count - 1)
                        formBytes.append(contentsOf: variant.spelling.utf8)
                        formStarts.append(Int32(formBytes.count))
                        formSchemes.append(variant.scheme)
                    }
                    add(MatchEntry(kind: .variant, requiresCapital: Self.startsUppercase(variant.spelling),
                                   concept: Int32(index), term: variant.term, form: form, exact: -1),
                        path: tokens)
                    seen.append(key(of: tokens, interning: true)!)
                    variantCount += 1
                }
                guard chunk.flags[offset] & DerivedChunk.isName != 0 else { continue }
                // One-token keys only: a key with a space in it has no skeleton. Keys outside
                // ASCII need ICU's transliteration, which would wait for the deriving thread's
                // (ICU runs one transliteration at a time): they wait until it is done.
                for keyID in seen where keyID >= 0 {
                    if vocabulary.key(Int32(keyID)).contains(where: { $0 >= 0x80 }) {
                        pendingSkeletons.append((Int32(index), Int32(keyID)))
                    } else {
                        addSkeleton(of: Int32(keyID), concept: Int32(index))
                    }
                }
            }
        }
        for (concept, keyID) in pendingSkeletons { addSkeleton(of: keyID, concept: concept) }

        (nodes, edges, entries) = tree.finish(tokenCount: vocabulary.count)
        vocabulary.shrinkToFit()
        skeletons.shrinkToFit()
        formBytes = Array(formBytes)
        formStarts = Array(formStarts)
        formSchemes = Array(formSchemes)
        if concepts.count >= VariantDerivation.threadThreshold { releaseFreeMemory() }
    }

    public var entryCount: Int { entries.count }

    /// The child of `node` for a token id, or -1.
    @inline(__always)
    func child(of node: Int32, token: Int32) -> Int32 {
        if node == 0 { return token + 1 }
        guard nodes[Int(node)] & TrieBuilder.hasChildren != 0 else { return -1 }
        return edges.child(UInt64(UInt32(node)) << 32 | UInt64(UInt32(token)))
    }

    /// The entries that end at `node`, as indices into `entries`.
    @inline(__always)
    func entryRange(of node: Int32) -> Range<Int> {
        Int(nodes[Int(node)] & TrieBuilder.startMask)..<Int(nodes[Int(node) + 1] & TrieBuilder.startMask)
    }

    /// Whether a walk through `node` can lead anywhere: it has entries or children.
    @inline(__always)
    func isLive(_ node: Int32) -> Bool {
        let info = nodes[Int(node)]
        return info & TrieBuilder.hasChildren != 0 || info & TrieBuilder.startMask != nodes[Int(node) + 1] & TrieBuilder.startMask
    }

    /// The glossary term of an allowed, forbidden or glossary-form entry, or the source of a
    /// transliteration.
    func term(of entry: MatchEntry) -> Term { concepts[Int(entry.concept)].terms[Int(entry.term)] }

    /// The spelling a variant entry stands for.
    func form(of entry: MatchEntry) -> String {
        guard entry.form >= 0 else { return term(of: entry).text }
        return formBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(formStarts[Int(entry.form)])..<Int(formStarts[Int(entry.form) + 1])]),
                   as: Unicode.UTF8.self)
        }
    }

    func origin(of entry: MatchEntry) -> VariantOrigin {
        let term = term(of: entry)
        if entry.form >= 0 {
            return .transliteration(scheme: schemeLabels[Int(formSchemes[Int(entry.form)])], source: term.text)
        }
        return .glossaryForm(language: term.primaryLanguage, term: term.text)
    }

    /// Whether the first scalar of `text` is upper case.
    @inline(__always)
    static func startsUppercase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first.value < 0x80 { return first.value &- 0x41 < 26 }
        return first.properties.isUppercase
    }
}

/// Gives memory that was used and freed back to the system, on a utility thread
/// (`BackgroundRelease`): glibc keeps it otherwise (tens of MB after building the index of 100,000
/// concepts, or after checking 10 MB, which later large buffers cannot reuse). Used after such
/// large jobs only.
package func releaseFreeMemory() {
    BackgroundRelease.releaseFreeMemory()
}

/// The word tokens of one glossary term, as the index builder found them.
struct TermTokens {
    /// Folded tokens back to back.
    var units: [UInt16] = []
    /// End of each token in `units`.
    var ends: [Int] = []
    /// The tokens joined by spaces: the key under which spellings are de-duplicated.
    var key: [UInt16] = []
    /// For case-sensitive terms: each token as written (apostrophes folded).
    var exact: [[UInt16]] = []

    var count: Int { ends.count }

    /// One token, not empty and without a space: its key is the token itself.
    var isSingleSimpleToken: Bool { ends.count == 1 && !units.isEmpty && !units.contains(0x20) }

    func withToken<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt16>) -> R) -> R {
        let start = index == 0 ? 0 : ends[index - 1]
        return units.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }
}

/// The trie while it is built: nodes below the root get temporary ids (the root's children are
/// `token + 1`, but the vocabulary is still growing), and `finish` numbers them after the tokens
/// and groups the entries by node.
struct TrieBuilder {
    static let hasChildren: UInt32 = 1 << 31
    /// The node has one entry, and it has no exact tokens to compare: matching it needs no look
    /// at the entry (the usual case; saves a cache miss per candidate).
    static let singleEntry: UInt32 = 1 << 30
    /// With `singleEntry`: that entry requires a capital.
    static let singleEntryRequiresCapital: UInt32 = 1 << 29
    static let startMask: UInt32 = (1 << 29) - 1
    private static let deep: Int32 = 1 << 30

    private var edges = EdgeTable()
    private var deepCount: Int32 = 0
    /// Nodes that have children (temporary ids).
    private var parents = Set<Int32>()
    private var entries: [MatchEntry] = []
    private var entryNodes: [Int32] = []

    mutating func child(of node: Int32, token: Int32) -> Int32 {
        if node == 0 { return token + 1 }
        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(token))
        let existing = edges.child(key)
        if existing >= 0 { return existing }
        let next = Self.deep + deepCount
        deepCount += 1
        edges.insert(key, child: next)
        parents.insert(node)
        return next
    }

    mutating func add(_ entry: MatchEntry, at node: Int32) {
        entries.append(entry)
        entryNodes.append(node)
    }

    /// The final node table, edges and entries, once the vocabulary has `tokenCount` tokens.
    func finish(tokenCount: Int) -> (nodes: [UInt32], edges: EdgeTable, entries: [MatchEntry]) {
        let deepBase = Int32(tokenCount + 1)
        func final(_ node: Int32) -> Int32 { node >= Self.deep ? deepBase + (node - Self.deep) : node }
        let nodeCount = tokenCount + 1 + Int(deepCount)
        // Entries grouped by node, keeping their order (a stable counting sort).
        var starts = [UInt32](repeating: 0, count: nodeCount + 1)
        for node in entryNodes { starts[Int(final(node)) + 1] += 1 }
        for node in 0..<nodeCount { starts[node + 1] += starts[node] }
        var fill = starts
        var grouped = [MatchEntry]()
        grouped.reserveCapacity(entries.count)
        var order = [Int32](repeating: 0, count: entries.count)
        for (entry, node) in entryNodes.enumerated() {
            let node = Int(final(node))
            order[Int(fill[node])] = Int32(entry)
            fill[node] += 1
        }
        for entry in order { grouped.append(entries[Int(entry)]) }
        precondition(entries.count <= Int(Self.startMask), "too many index entries")
        for node in 0..<nodeCount where starts[node + 1] - starts[node] == 1 {
            let entry = grouped[Int(starts[node])]
            guard entry.exact < 0 else { continue }
            starts[node] |= Self.singleEntry | (entry.requiresCapital ? Self.singleEntryRequiresCapital : 0)
        }
        for parent in parents { starts[Int(final(parent))] |= Self.hasChildren }
        var finalEdges = EdgeTable()
        edges.forEach { key, child in
            let node = final(Int32(truncatingIfNeeded: key >> 32))
            finalEdges.insert(UInt64(UInt32(node)) << 32 | (key & 0xFFFF_FFFF), child: final(child))
        }
        return (starts, finalEdges, grouped)
    }
}

/// Primary language subtags as small integers, each tag's computed once.
struct LanguageIDs {
    private var byTag: [String: Int] = [:]
    private var names: [String] = []

    mutating func id(ofPrimary primary: String) -> Int {
        if let index = names.firstIndex(of: primary) { return index }
        names.append(primary)
        return names.count - 1
    }

    /// The id of a term's primary language subtag (`Term.primaryLanguage`).
    mutating func id(of term: Term) -> Int {
        if let known = byTag[term.language] { return known }
        let id = id(ofPrimary: Term.primaryLanguage(of: term.language))
        byTag[term.language] = id
        return id
    }

    func name(of id: Int) -> String { names[id] }
}

/// Build-time helpers of the index: the segmenter, the folder, the ASCII folder for skeletons.
struct IndexBuilder {
    let asciiFolder: Transliterator
    let folder: TokenFolder
    let segmenter: WordSegmenter?
    private var languages = LanguageIDs()
    let targetID: Int

    private var termTokens = TermTokens()
    private let units = UnitBuffer()
    private let foldedToken = UnitBuffer()
    private let marks = UnitBuffer(capacity: 8)
    let skeletonBuffer = UnitBuffer()

    init(target: String) throws(InputError) {
        do {
            asciiFolder = try Transliterator(id: "Any-Latin; Latin-ASCII")
            folder = try TokenFolder()
            // Without a segmenter no term would have tokens: every document would check clean.
            segmenter = try WordSegmenter(locale: target)
        } catch {
            throw InputError(file: "ICU", message: error.description)
        }
        targetID = languages.id(ofPrimary: target)
    }

    /// The id of a term's primary language subtag.
    mutating func primary(of term: Term) -> Int { languages.id(of: term) }

    /// Word tokens of a term: folded for lookup, exact for case-sensitive comparison; `nil` when
    /// it has no word.
    mutating func tokens(of text: String, exact wantExact: Bool) -> TermTokens? {
        guard let segmenter else { return nil }
        units.removeAll()
        for unit in text.utf16 { units.append(unit) }
        termTokens.units.removeAll(keepingCapacity: true)
        termTokens.ends.removeAll(keepingCapacity: true)
        termTokens.key.removeAll(keepingCapacity: true)
        termTokens.exact.removeAll()
        var previousEnd = -1
        let marks = marks
        let buffer = units.buffer
        segmenter.forEachWord(in: buffer) { start, end, _ in
            // Punctuation inside a term is part of it, as a token of its own.
            if previousEnd >= 0, TokenFolder.gap(buffer, from: previousEnd, to: start, marks: marks) == .punctuation {
                appendToken(marks.buffer)
                if wantExact { termTokens.exact.append(marks.array) }
            }
            previousEnd = end
            let token = UnsafeBufferPointer(rebasing: buffer[start..<end])
            folder.fold(token, into: foldedToken)
            appendToken(foldedToken.buffer)
            if wantExact { termTokens.exact.append(token.map(TokenFolder.foldApostrophe)) }
        }
        return termTokens.ends.isEmpty ? nil : termTokens
    }

    private mutating func appendToken(_ token: UnsafeBufferPointer<UInt16>) {
        if !termTokens.ends.isEmpty { termTokens.key.append(0x20) }
        termTokens.units.append(contentsOf: token)
        termTokens.key.append(contentsOf: token)
        termTokens.ends.append(termTokens.units.count)
    }

    /// The skeleton of a folded key, into `skeletonBuffer`.
    func skeleton(ofFolded key: UnsafeBufferPointer<UInt16>) -> Bool {
        SpellingSkeleton.skeleton(ofFolded: key, asciiFolder: asciiFolder, into: skeletonBuffer)
    }

    static func isCyrillic(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if Script.code(of: scalar) == Script.cyrillic { return true }
        }
        return false
    }

    static func isLatin(_ text: String) -> Bool {
        var sawLetter = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                // ASCII: the letters are alphabetic and Latin, nothing else is alphabetic.
                if (scalar.value | 0x20) &- 0x61 < 26 { sawLetter = true }
                continue
            }
            guard scalar.properties.isAlphabetic else { continue }
            if Script.code(of: scalar) != Script.latin { return false }
            sawLetter = true
        }
        return sawLetter
    }
}
