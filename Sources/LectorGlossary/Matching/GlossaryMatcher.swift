import LectorICU
import LectorText
import LectorFormats

/// A place where a concept of the glossary occurs in a document.
public struct GlossaryMatch: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A preferred or admitted term of the target language.
        case allowed(Term)
        /// A deprecated or superseded term of the target language.
        case forbidden(Term)
        /// Another spelling of the concept's name.
        case variant(form: String, origin: VariantOrigin)
    }

    /// UTF-16 range in the document, inflection suffix included.
    public let range: Range<Int>
    /// UTF-16 length of the inflection suffix at the end of `range` (`’s` of `Kiev’s`).
    public let suffixLength: Int
    public let conceptIndex: Int
    public let kind: Kind
    /// The folded form that matched (for consistency checks).
    package let key: [UInt16]
    /// Whether a word before the last one was inflected (`maladies respiratoires`): the match
    /// is certain, but a replacement would need each word re-inflected, so none is offered.
    public internal(set) var hasInnerInflection = false
    /// The dictionary form Hunspell gave for a form that is not it plus an ending (`Kijowie` →
    /// `Kijów`, `Зеленского` → `Зеленский`); `nil` for matches by spelling or ending.
    public internal(set) var lemma: String? = nil
}

/// Finds glossary concepts in a document: word segmentation of the target language (ICU's rules,
/// with a fast path for ASCII text: `WordSegmenter`), tokens
/// folded and looked up in the index, leftmost-longest matching over the trie so that
/// `chicken Kiev` hides its `Kiev`, then skeleton lookup for capitalized words left unmatched.
///
/// The per-token path allocates nothing: tokens are folded into reused buffers, inflection
/// endings are tried in place, and a `GlossaryMatch` is only built for a hit.
///
/// Not thread-safe (it owns an ICU break iterator and scratch buffers); make one per task. Cheap to make.
public final class GlossaryMatcher {
    public let index: GlossaryIndex
    private let segmenter: WordSegmenter
    private let folder: TokenFolder
    /// Opened on first use: only capitalized unknown words with non-ASCII letters need it.
    private var asciiFolder: Transliterator?
    private var asciiFolderFailed = false

    // Scratch, reused by every call.
    private let folded = UnitBuffer()
    private let marks = UnitBuffer(capacity: 16)
    private let baseForm = UnitBuffer()
    private let skeleton = UnitBuffer()
    private var runStorage: [Token] = []
    private var stackStorage: [Step] = []
    /// Hunspell's verdict per token text (vocabulary id of a lemma, ending length, lemma if not
    /// stem + ending), kept for the matcher's life: texts repeat their words.
    /// By the token's code units, not its decoded text: a look-up then makes no string.
    /// Unchecked: the matcher is used by one task at a time (see above), and each look-up in
    /// this memo or `skeletonMemo` was checked for exclusive access at run time, a call and a
    /// thread-local look-up per capitalized word.
    @exclusivity(unchecked) private var stemMemo = ASCIITokenMemo<StemReading>()
    private var lemmaTexts: [String] = []
    /// `skeletonMatch`'s answer for capitalized tokens, by their code units: a text brings
    /// back the same capitalized words (sentence starts, names) all through, and each time their
    /// skeletons, and those of their base forms, were made and looked up again.
    @exclusivity(unchecked) private var skeletonMemo = ASCIITokenMemo<SkeletonHit?>()
    /// Off only in tests, which compare the matches with and without `skeletonMemo`.
    package var memoizesSkeletons = true

    private typealias SkeletonHit = (concept: Int32, key: [UInt16], suffix: Int)

    private struct StemReading {
        var id: Int32
        var suffixLength: Int32
        var lemma: Int32
    }

    public init(index: GlossaryIndex) throws(ICUError) {
        self.index = index
        segmenter = try WordSegmenter(locale: index.targetLanguage)
        folder = try TokenFolder()
    }

    /// A word token of the text and what the vocabulary knows of it.
    private struct Token {
        var start: Int
        var end: Int
        /// Vocabulary id of the whole folded token, or -1.
        var id: Int32
        /// Vocabulary id after stripping an inflection suffix, or -1.
        var stemID: Int32
        var suffixLength: Int32
        var isLetter: Bool
        /// Punctuation between words, standing for itself in multi-word terms.
        var isGap = false
        /// Index in `lemmaTexts` of the Hunspell lemma `stemID` came from, when not stem + ending.
        var lemma: Int32 = -1
    }

    /// A pending step of the depth-first walk in `longestMatch`.
    private struct Step {
        var node: Int32
        var position: Int32
        var innerInflection: Bool
    }

    /// A match found by the scan, before it becomes a `GlossaryMatch` (built at the end, when
    /// their number is known and key arrays can be shared).
    private struct Found {
        /// The entry (≥ 0), or for a skeleton match `-1 - concept`.
        var entry: Int32
        var suffixLength: Int32
        var start: Int
        var end: Int
        /// The key: a vocabulary id (≥ 0) or `-1 - i` for `keys[i]`.
        var key: Int32
        var innerInflection: Bool
        var lemma: Int32 = -1
    }

    /// The best match from a start token: the entry, the token after it, the ending of its last token.
    private struct Hit {
        var entry: Int32
        var next: Int
        var suffixLength: Int
        var innerInflection: Bool
    }

    public func matches(in document: SourceDocument) -> [GlossaryMatch] {
        document.utf16.withUnsafeBufferPointer { matches(in: $0) }
    }

    /// Matches in a document, and its words as the target language's `WordSegmenter` splits them
    /// (every word the matcher reads, in order), for the rules that read the words again.
    public func matchesAndWords(in document: SourceDocument) -> (matches: [GlossaryMatch], words: WordSpans) {
        document.utf16.withUnsafeBufferPointer { matchesAndWords(in: $0) }
    }

    /// Matches in a UTF-16 buffer; ranges index into it.
    public func matches(in text: UnsafeBufferPointer<UInt16>) -> [GlossaryMatch] {
        matchesAndWords(in: text).matches
    }

    private func matchesAndWords(in text: UnsafeBufferPointer<UInt16>) -> (matches: [GlossaryMatch], words: WordSpans) {
        // The words first, then the matching over the list: the per-word work then runs in a
        // loop whose state (the run, the stack, the results) stays in locals, where a closure
        // called per word by the segmenter reached it through its context; and the list is what
        // `matchesAndWords(in:)` hands on.
        let words = segmenter.words(in: text)
        var results: [Found] = []
        /// Keys that are not one vocabulary token: several tokens, or a skeleton candidate.
        var keys: [[UInt16]] = []
        // Locals, not properties, on the per-token path: no exclusivity checks, no retain traffic.
        var run = runStorage
        runStorage = []
        run.removeAll(keepingCapacity: true)
        var stack = stackStorage
        stackStorage = []
        let index = index
        let folder = folder
        let folded = folded
        let marks = marks
        let baseForm = baseForm
        let inflection = index.inflection
        let hasEndings = !inflection.endings.isEmpty
        let stemmer = index.stemmer
        var previousEnd = 0
        for number in 0..<words.count {
            let span = words[number]
            let start = span.start, end = span.end, kind = span.kind
            if !run.isEmpty {
                switch TokenFolder.gap(text, from: previousEnd, to: start, marks: marks) {
                case .joining:
                    break
                case .punctuation:
                    // Punctuation becomes a token: terms span it only where they contain it.
                    run.append(Token(start: previousEnd, end: start, id: index.vocabulary.lookup(marks.buffer),
                                     stemID: -1, suffixLength: 0, isLetter: false, isGap: true))
                case .breaking:
                    matchRun(run, text: text, stack: &stack, into: &results, keys: &keys)
                    run.removeAll(keepingCapacity: true)
                }
            }
            previousEnd = end
            folder.fold(UnsafeBufferPointer(rebasing: text[start..<end]), into: folded)
            var item = Token(start: start, end: end, id: index.vocabulary.lookup(folded.buffer),
                             stemID: -1, suffixLength: 0, isLetter: kind == .letter)
            // Also for known tokens: `rhumes` may start the term `rhumes communs` and still be `rhume`.
            if item.isLetter, hasEndings {
                _ = inflection.firstBaseForm(of: folded.buffer, scratch: baseForm) { base, suffixLength in
                    let stem = index.vocabulary.lookup(base)
                    guard stem >= 0 else { return false }
                    item.stemID = stem
                    item.suffixLength = Int32(suffixLength)
                    return true
                }
            }
            // Not `let stemmer` here: the binding retained the stemmer, which every thread shares,
            // for each word passed on; `stemReading` reads it on a memo miss only.
            if item.isLetter, item.id < 0, item.stemID < 0, stemmer?.mayInflect(folded.buffer) == true {
                let reading = stemReading(of: UnsafeBufferPointer(rebasing: text[start..<end]), folded: folded.buffer)
                item.stemID = reading.id
                item.suffixLength = reading.suffixLength
                item.lemma = reading.lemma
            }
            run.append(item)
        }
        if !run.isEmpty { matchRun(run, text: text, stack: &stack, into: &results, keys: &keys) }
        runStorage = run
        stackStorage = stack
        Self.trimTrailingFormatCharacters(&results, text: text)
        return (makeMatches(results, keys: keys), words)
    }

    private func matchRun(_ run: [Token], text: UnsafeBufferPointer<UInt16>, stack: inout [Step],
                          into results: inout [Found], keys: inout [[UInt16]]) {
        var position = 0
        while position < run.count {
            if let hit = longestMatch(in: run, from: position, text: text, stack: &stack) {
                // The key: the folded tokens (base forms where inflected), joined by spaces.
                var key: Int32
                if hit.next == position + 1 {
                    let token = run[position]
                    key = token.id >= 0 && token.suffixLength == 0 ? token.id : token.stemID
                } else {
                    var units: [UInt16] = []
                    for token in run[position..<hit.next] {
                        if !units.isEmpty { units.append(0x20) }
                        units.append(contentsOf: index.vocabulary.key(token.id >= 0 && token.suffixLength == 0 ? token.id : token.stemID))
                    }
                    key = -1 - Int32(keys.count)
                    keys.append(units)
                }
                // A lemma read by Hunspell names the form; inside a longer term it is an inner inflection.
                let lemma = hit.next == position + 1 && hit.suffixLength == 0 ? run[position].lemma : -1
                let innerLemma = run[position..<hit.next].contains { $0.lemma >= 0 && $0.id < 0 } && lemma < 0
                results.append(Found(entry: hit.entry, suffixLength: Int32(hit.suffixLength), start: run[position].start,
                                     end: run[hit.next - 1].end, key: key, innerInflection: hit.innerInflection || innerLemma,
                                     lemma: lemma))
                position = hit.next
                continue
            }
            let token = run[position]
            if token.id < 0, token.isLetter, let match = skeletonMatch(token, text: text) {
                results.append(Found(entry: -1 - match.concept, suffixLength: Int32(match.suffix), start: token.start,
                                     end: token.end, key: -1 - Int32(keys.count), innerInflection: false))
                keys.append(match.key)
            }
            position += 1
        }
    }

    /// ICU keeps format characters (ZWJ, ZWNJ, RLO, LRM …) inside a word token, so a match may end
    /// with one; it is no part of the term, and replacing it with the term would delete it (an RLO
    /// or ZWJ changes how the rest of the line shows). Matches end before them.
    private static func trimTrailingFormatCharacters(_ found: inout [Found], text: UnsafeBufferPointer<UInt16>) {
        for index in found.indices {
            var end = found[index].end
            let start = found[index].start
            while end > start {
                let last = text[end - 1]
                // A format character is never ASCII; most words end in one, so this costs one comparison.
                guard last >= 0x80 else { break }
                var length = 1
                var value = UInt32(last)
                if (0xDC00..<0xE000).contains(last), end - 2 >= start, (0xD800..<0xDC00).contains(text[end - 2]) {
                    value = 0x10000 + ((UInt32(text[end - 2]) - 0xD800) << 10) + (UInt32(last) - 0xDC00)
                    length = 2
                }
                guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .format else { break }
                end -= length
            }
            if end < found[index].end, end > start, Int(found[index].suffixLength) <= end - start {
                found[index].end = end
            }
        }
    }

    /// The matches, made in one go: the array has its final size from the start, and every match
    /// of the same one-token key shares one key array.
    private func makeMatches(_ found: [Found], keys: [[UInt16]]) -> [GlossaryMatch] {
        var results: [GlossaryMatch] = []
        results.reserveCapacity(found.count)
        var sharedKeys: [Int32: [UInt16]] = [:]
        for item in found {
            let key: [UInt16]
            if item.key >= 0 {
                if let shared = sharedKeys[item.key] {
                    key = shared
                } else {
                    key = Array(index.vocabulary.key(item.key))
                    sharedKeys[item.key] = key
                }
            } else {
                key = keys[Int(-1 - item.key)]
            }
            let kind: GlossaryMatch.Kind
            let concept: Int32
            if item.entry >= 0 {
                let entry = index.entries[Int(item.entry)]
                concept = entry.concept
                switch entry.kind {
                case .allowed: kind = .allowed(index.term(of: entry))
                case .forbidden: kind = .forbidden(index.term(of: entry))
                case .variant: kind = .variant(form: index.form(of: entry), origin: index.origin(of: entry))
                }
            } else {
                concept = -1 - item.entry
                kind = .variant(form: "", origin: .skeleton)
            }
            results.append(GlossaryMatch(range: item.start..<item.end, suffixLength: Int(item.suffixLength),
                                         conceptIndex: Int(concept), kind: kind, key: key,
                                         hasInnerInflection: item.innerInflection,
                                         lemma: item.lemma >= 0 ? lemmaTexts[Int(item.lemma)] : nil))
        }
        return results
    }

    /// What Hunspell makes of a token the vocabulary and the ending rules do not know: the first
    /// of its stems that is a glossary token. A stem the token starts with (`Киеве` → `Киев`)
    /// reads as stem + ending, like the ending rules; another (`Kijowie` → `Kijów`) keeps the
    /// whole token and records the lemma.
    /// Code units of the longest inflection ending a Hunspell lemma is read with (`-owie`, `-ами`).
    static let longestEnding = 4

    private func stemReading(of original: UnsafeBufferPointer<UInt16>, folded: UnsafeBufferPointer<UInt16>) -> StemReading {
        let hash = ASCIITokenMemo<StemReading>.hash(anyUnits: original)
        if let cached = stemMemo.value(of: original, hash: hash) { return cached }
        let word = LectorICU.UTF16.decode(original)
        var reading = StemReading(id: -1, suffixLength: 0, lemma: -1)
        for lemma in index.stemmer?.lemmas(of: word) ?? [] {
            let lemmaUnits = folder.fold(lemma)
            let id = lemmaUnits.withUnsafeBufferPointer { index.vocabulary.lookup($0) }
            guard id >= 0 else { continue }
            reading.id = id
            // Stem + ending only where the rest is as short as an ending; a longer rest is another
            // word of a compound (`Kiew|besuch`), and the whole word names its lemma.
            if lemmaUnits.count < folded.count, lemmaUnits.count >= InflectionRules.minimumStemLength,
               folded.count - lemmaUnits.count <= Self.longestEnding,
               zip(lemmaUnits, folded).allSatisfy({ $0 == $1 }) {
                reading.suffixLength = Int32(folded.count - lemmaUnits.count)
            } else {
                reading.lemma = Int32(lemmaTexts.count)
                lemmaTexts.append(lemma)
            }
            break
        }
        stemMemo.insert(original, hash: hash, value: reading)
        return reading
    }

    /// The longest sequence of tokens from `start` that ends on a usable entry. Each token may
    /// match by its full form or by its base form (`maladies respiratoires chroniques` for the
    /// term `maladie respiratoire chronique`); full forms are explored first, and on equal length
    /// the first reading found stands.
    private func longestMatch(in run: [Token], from start: Int, text: UnsafeBufferPointer<UInt16>,
                              stack: inout [Step]) -> Hit? {
        let first = run[start]
        // Most tokens start nothing: settle them without touching the stack.
        if !(first.stemID >= 0 && index.isLive(first.stemID + 1)), !(first.id >= 0 && index.isLive(first.id + 1)) {
            return nil
        }

        var best: Hit?
        // Depth-first over (node, next position, whether an inner token was inflected).
        stack.removeAll(keepingCapacity: true)
        stack.append(Step(node: 0, position: Int32(start), innerInflection: false))
        while let step = stack.popLast() {
            let position = Int(step.position)
            guard position < run.count else { continue }
            let token = run[position]
            // Tried in this order, and pushed so that the full form is explored first.
            let stemChild = token.stemID >= 0 ? index.child(of: step.node, token: token.stemID) : -1
            let fullChild = token.id >= 0 ? index.child(of: step.node, token: token.id) : -1
            for reading in 0..<2 {
                let child = reading == 0 ? stemChild : fullChild
                guard child >= 0 else { continue }
                let suffix = reading == 0 ? Int(token.suffixLength) : 0
                if position + 1 > (best?.next ?? start) {
                    let entry = resolve(node: child, run: run, from: start, through: position, suffixLength: suffix, text: text)
                    if entry >= 0 {
                        best = Hit(entry: entry, next: position + 1, suffixLength: suffix, innerInflection: step.innerInflection)
                    }
                }
                stack.append(Step(node: child, position: Int32(position + 1),
                                  innerInflection: step.innerInflection || suffix > 0))
            }
        }
        return best
    }

    /// The entry that applies at `node` for tokens `start...last`: allowed before forbidden
    /// before variant, skipping entries whose case or capitalization does not fit; -1 if none.
    @inline(__always)
    private func resolve(node: Int32, run: [Token], from start: Int, through last: Int, suffixLength: Int,
                         text: UnsafeBufferPointer<UInt16>) -> Int32 {
        let info = index.nodes[Int(node)]
        if info & TrieBuilder.singleEntry != 0 {
            if info & TrieBuilder.singleEntryRequiresCapital != 0, !Self.startsUppercase(text, at: run[start].start) { return -1 }
            return Int32(info & TrieBuilder.startMask)
        }
        let range = index.entryRange(of: node)
        if range.isEmpty { return -1 }
        var chosen: Int32 = -1
        var chosenKind = MatchEntry.Kind.variant
        for slot in range {
            let entryID = Int32(slot)
            let entry = index.entries[slot]
            if chosen >= 0, chosenKind >= entry.kind { continue }
            if entry.exact >= 0,
               !Self.matchesExactly(index.exactTokens[Int(entry.exact)], tokens: run[start...last],
                                    suffixLength: suffixLength, text: text) {
                continue
            }
            if entry.requiresCapital, !Self.startsUppercase(text, at: run[start].start) { continue }
            chosen = entryID
            chosenKind = entry.kind
        }
        return chosen
    }

    private static func matchesExactly(_ exact: [[UInt16]], tokens: ArraySlice<Token>, suffixLength: Int,
                                       text: UnsafeBufferPointer<UInt16>) -> Bool {
        guard exact.count == tokens.count else { return false }
        for (expected, token) in zip(exact, tokens) where !token.isGap {
            let end = token.end - (token.start == tokens.last!.start ? suffixLength : 0)
            guard end - token.start == expected.count else { return false }
            for (offset, unit) in expected.enumerated()
            where TokenFolder.foldApostrophe(text[token.start + offset]) != unit {
                return false
            }
        }
        return true
    }

    @inline(__always)
    private static func startsUppercase(_ text: UnsafeBufferPointer<UInt16>, at offset: Int) -> Bool {
        let unit = text[offset]
        if unit < 0x80 { return unit &- 0x41 < 26 }
        var iterator = UnsafeBufferPointer(rebasing: text[offset...]).makeIterator()
        var decoder = Unicode.UTF16()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar.properties.isUppercase }
        return false
    }

    /// A capitalized word whose spelling skeleton belongs to exactly one concept: the concept,
    /// the key (the word or base form whose skeleton it was) and the length of the ending removed.
    private func skeletonMatch(_ token: Token, text: UnsafeBufferPointer<UInt16>) -> SkeletonHit? {
        guard token.end - token.start >= SpellingSkeleton.minimumLength, Self.startsUppercase(text, at: token.start)
        else { return nil }
        // The answer depends on the token's units alone: folding, the transliterator (opened once,
        // or failed once for the matcher's life), the inflection rules and the index do not change.
        // Non-ASCII tokens are memoized too: German nouns with umlauts, Cyrillic names, each one
        // transliterated again at every return was most of the skeleton time of a German source.
        let units = UnsafeBufferPointer(rebasing: text[token.start..<token.end])
        guard memoizesSkeletons else { return skeletonOfToken(units) }
        let hash = ASCIITokenMemo<SkeletonHit?>.hash(anyUnits: units)
        if let known = skeletonMemo.value(of: units, hash: hash) { return known }
        let found = skeletonOfToken(units)
        skeletonMemo.insert(units, hash: hash, value: found)
        return found
    }

    /// `skeletonMatch` of a capitalized token of at least `SpellingSkeleton.minimumLength` units.
    private func skeletonOfToken(_ token: UnsafeBufferPointer<UInt16>) -> SkeletonHit? {
        folder.fold(token, into: folded)
        // The whole word first, then its base forms; the first skeleton the table knows decides.
        var found: SkeletonHit?
        func tryCandidate(_ units: UnsafeBufferPointer<UInt16>, suffix: Int) -> Bool {
            guard skeletonOf(units) else { return false }
            let id = index.skeletons.lookup(skeleton.buffer)
            guard id >= 0 else { return false }
            let concept = index.skeletonConcept[Int(id)]
            if concept >= 0 { found = (concept, Array(units), suffix) }
            return true
        }
        if !tryCandidate(folded.buffer, suffix: 0) {
            _ = index.inflection.firstBaseForm(of: folded.buffer, minimumStem: SpellingSkeleton.minimumLength,
                                               scratch: baseForm) { base, suffix in tryCandidate(base, suffix: suffix) }
        }
        return found
    }

    /// The skeleton of folded units into `skeleton`; opens the ASCII folder when first needed.
    private func skeletonOf(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        var needsFolder = false
        for unit in units where unit >= 0x80 {
            needsFolder = true
            break
        }
        if needsFolder, asciiFolder == nil, !asciiFolderFailed {
            // `Checker` builds this transliterator before any check and stops (exit 2) if it fails.
            asciiFolder = try? Transliterator(id: "Any-Latin; Latin-ASCII")
            asciiFolderFailed = asciiFolder == nil
        }
        return SpellingSkeleton.skeleton(ofFolded: units, asciiFolder: asciiFolder, into: skeleton)
    }
}

extension Array where Element == UInt16 {
    @inline(__always)
    func ends(with suffix: [UInt16]) -> Bool {
        guard suffix.count <= count else { return false }
        var index = count - suffix.count
        for unit in suffix {
            if self[index] != unit { return false }
            index += 1
        }
        return true
    }
}
