import LectorICU

/// Where a variant spelling comes from; it decides the wording of the finding.
public enum VariantOrigin: Sendable, Hashable {
    /// A transliteration scheme turned a Cyrillic term of the glossary into this spelling.
    case transliteration(scheme: String, source: String)
    /// The glossary lists this spelling for another language (`Kiew` in `de`).
    case glossaryForm(language: String, term: String)
    /// The spelling shares its skeleton with the concept's terms and variants (`Zelensky`).
    case skeleton
}

/// One spelling the matcher can recognise, and what it means.
struct MatchEntry: Sendable {
    enum Kind: Int, Sendable, Comparable {
        // Order = priority when several entries cover the same tokens.
        case variant = 0, forbidden = 1, allowed = 2
        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let kind: Kind
    let concept: Int32
    /// The glossary term (allowed and forbidden entries).
    let term: Term?
    /// The spelling as the glossary or the scheme writes it.
    let form: String
    let origin: VariantOrigin?
    /// For case-sensitive terms: each token exactly as written.
    let exactTokens: [[UInt16]]?
    /// Variants of capitalized names only match capitalized text (`Poutine`, not `poutine`).
    let requiresCapital: Bool
}

/// Everything the glossary rules need, compiled once for one target language: a vocabulary of
/// folded tokens, a trie over token ids (multi-word terms, longest match), and a table of
/// spelling skeletons. Lookups cost the same whatever the number of concepts.
public struct GlossaryIndex: Sendable {
    /// Primary subtag of the language whose text is checked.
    public let targetLanguage: String
    public let concepts: [Concept]
    let inflection: InflectionRules

    var vocabulary = TokenVocabulary()
    /// Children of the root, indexed by token id (-1: none).
    var rootChildren: [Int32] = []
    /// Children of inner nodes, keyed by `node << 32 | token`.
    var edges: [UInt64: Int32] = [:]
    /// Entries that end at each node (node 0 is the root).
    var nodeEntries: [[Int32]] = [[]]
    var entries: [MatchEntry] = []
    var skeletons = TokenVocabulary()
    /// For each skeleton id: the concepts it belongs to.
    var skeletonConcepts: [[Int32]] = []

    /// Counts, for reports and benchmarks.
    public private(set) var variantCount = 0

    /// Compiles `glossaries` for text in `targetLanguage`, deriving variants with `schemes`.
    /// - Parameter inflection: suffix rules for the target language; by default Lector's own.
    public init(glossaries: [Glossary], targetLanguage: String,
                schemes: [TransliterationScheme], inflection: InflectionRules? = nil) throws(InputError) {
        let target = Term.primaryLanguage(of: targetLanguage)
        self.targetLanguage = target
        concepts = glossaries.flatMap(\.concepts)
        self.inflection = inflection ?? InflectionRules.forLanguage(target)

        var builder = try IndexBuilder(target: target, schemes: schemes)
        // Pass 1: the target language's own terms, so that variants can be checked against all of them.
        var conceptKeys: [Set<[UInt16]>] = Array(repeating: [], count: concepts.count)
        var allowedKeys = Set<[UInt16]>()
        for (index, concept) in concepts.enumerated() {
            for term in concept.terms(in: target) {
                guard let tokens = builder.tokens(of: term.text, language: term.language) else { continue }
                let key = Array(tokens.folded.joined(separator: [0x20]))
                conceptKeys[index].insert(key)
                if term.status.isAllowed { allowedKeys.insert(key) }
                add(MatchEntry(kind: term.status.isAllowed ? .allowed : .forbidden, concept: Int32(index),
                               term: term, form: term.text, origin: nil,
                               exactTokens: term.isCaseSensitive ? tokens.exact : nil, requiresCapital: false),
                    path: tokens.folded)
            }
        }
        // Pass 2: variants, and skeletons of every spelling of names.
        for (index, concept) in concepts.enumerated() {
            guard let preferred = concept.preferredTerm(in: target) else { continue }
            let isName = preferred.text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
            var seen = conceptKeys[index]
            for (spelling, origin) in builder.variants(of: concept) {
                guard let tokens = builder.tokens(of: spelling, language: target) else { continue }
                let key = Array(tokens.folded.joined(separator: [0x20]))
                if seen.contains(key) || allowedKeys.contains(key) { continue }
                seen.insert(key)
                let capital = spelling.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
                add(MatchEntry(kind: .variant, concept: Int32(index), term: nil, form: spelling, origin: origin,
                               exactTokens: nil, requiresCapital: capital), path: tokens.folded)
                variantCount += 1
            }
            if isName {
                for key in seen where !key.contains(0x20) {
                    guard let skeleton = key.withUnsafeBufferPointer({
                        SpellingSkeleton.skeleton(ofFolded: $0, asciiFolder: builder.asciiFolder)
                    }) else { continue }
                    let id = Int(skeletons.intern(skeleton))
                    if id == skeletonConcepts.count { skeletonConcepts.append([]) }
                    if !skeletonConcepts[id].contains(Int32(index)) { skeletonConcepts[id].append(Int32(index)) }
                }
            }
        }
    }

    private mutating func add(_ entry: MatchEntry, path: [[UInt16]]) {
        var node: Int32 = 0
        for token in path {
            let id = vocabulary.intern(token)
            if Int(id) >= rootChildren.count { rootChildren.append(-1) }
            node = child(of: node, token: id) ?? makeChild(of: node, token: id)
        }
        let entryID = Int32(entries.count)
        entries.append(entry)
        nodeEntries[Int(node)].append(entryID)
    }

    @inline(__always)
    func child(of node: Int32, token: Int32) -> Int32? {
        if node == 0 {
            let next = rootChildren[Int(token)]
            return next >= 0 ? next : nil
        }
        return edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(token))]
    }

    private mutating func makeChild(of node: Int32, token: Int32) -> Int32 {
        let next = Int32(nodeEntries.count)
        nodeEntries.append([])
        if node == 0 { rootChildren[Int(token)] = next } else {
            edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(token))] = next
        }
        return next
    }

    public var entryCount: Int { entries.count }
}

/// Build-time helpers: segmenters per language and the transliterators, used once and dropped.
private struct IndexBuilder {
    let target: String
    let schemes: [(scheme: TransliterationScheme, transliterator: Transliterator)]
    let asciiFolder: Transliterator
    let folder: TokenFolder
    var segmenters: [String: TextSegmenter] = [:]

    init(target: String, schemes: [TransliterationScheme]) throws(InputError) {
        self.target = target
        var opened: [(TransliterationScheme, Transliterator)] = []
        for scheme in schemes { opened.append((scheme, try scheme.makeTransliterator())) }
        self.schemes = opened
        do {
            asciiFolder = try Transliterator(id: "Any-Latin; Latin-ASCII")
            folder = try TokenFolder()
        } catch {
            throw InputError(file: "ICU", message: error.description)
        }
    }

    /// Word tokens of a term: folded for lookup, exact for case-sensitive comparison.
    mutating func tokens(of text: String, language: String) -> (folded: [[UInt16]], exact: [[UInt16]])? {
        let locale = Term.primaryLanguage(of: language)
        let segmenter: TextSegmenter
        if let existing = segmenters[locale] {
            segmenter = existing
        } else {
            guard let made = try? TextSegmenter(.word, locale: locale) else { return nil }
            segmenters[locale] = made
            segmenter = made
        }
        var folded: [[UInt16]] = []
        var exact: [[UInt16]] = []
        let units = LectorICU.UTF16.encode(text)
        var scratch: [UInt16] = []
        var previousEnd: Int?
        units.withUnsafeBufferPointer { buffer in
            segmenter.forEachSegment(in: buffer) { segment in
                guard segment.kind.isWordLike else { return }
                // Punctuation inside a term is part of it, as a token of its own.
                if let previousEnd, case .punctuation(let marks) = TokenFolder.gap(buffer, from: previousEnd, to: segment.start) {
                    folded.append(marks)
                    exact.append(marks)
                }
                previousEnd = segment.end
                let token = UnsafeBufferPointer(rebasing: buffer[segment.start..<segment.end])
                folder.fold(token, into: &scratch)
                folded.append(scratch)
                exact.append(token.map(TokenFolder.foldApostrophe))
            }
        }
        return folded.isEmpty ? nil : (folded, exact)
    }

    /// Latin spellings of a concept other than its target-language terms, best explained first:
    /// transliterations of its Cyrillic terms, then its Latin-script terms in other languages.
    func variants(of concept: Concept) -> [(String, VariantOrigin)] {
        var confirmed: [(String, VariantOrigin)] = []
        var result: [(String, VariantOrigin)] = []
        for term in concept.terms where term.primaryLanguage != target && Self.isCyrillic(term.text) {
            for (scheme, transliterator) in schemes where scheme.languages.contains(term.primaryLanguage) {
                let spelling = transliterator.transliterate(term.text)
                guard !Self.isCyrillic(spelling) else { continue }
                let origin = VariantOrigin.transliteration(scheme: scheme.label, source: term.text)
                // A spelling the glossary itself lists for the scheme's language is best explained
                // by that scheme: Medinski is the German (not the French) transcription.
                if let output = scheme.outputLanguage,
                   concept.terms.contains(where: { $0.primaryLanguage == output && $0.text == spelling }) {
                    confirmed.append((spelling, origin))
                } else {
                    result.append((spelling, origin))
                }
            }
        }
        result = confirmed + result
        for term in concept.terms where term.primaryLanguage != target && Self.isLatin(term.text) {
            result.append((term.text, .glossaryForm(language: term.primaryLanguage, term: term.text)))
        }
        return result
    }

    static func isCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { Script(of: $0).shortName == "Cyrl" }
    }

    static func isLatin(_ text: String) -> Bool {
        var sawLetter = false
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if Script(of: scalar).shortName != "Latn" { return false }
            sawLetter = true
        }
        return sawLetter
    }
}
