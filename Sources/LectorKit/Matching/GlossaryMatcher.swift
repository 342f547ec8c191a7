import LectorICU

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
    let key: [UInt16]
    /// Whether a word before the last one was inflected (`maladies respiratoires`): the match
    /// is certain, but a replacement would need each word re-inflected, so none is offered.
    public internal(set) var hasInnerInflection = false
}

/// Finds glossary concepts in a document: ICU word segmentation of the target language, tokens
/// folded and looked up in the index, leftmost-longest matching over the trie so that
/// `chicken Kiev` hides its `Kiev`, then skeleton lookup for capitalized words left unmatched.
///
/// Not thread-safe (it owns an ICU break iterator); make one per task. Cheap to make.
public final class GlossaryMatcher {
    public let index: GlossaryIndex
    private let segmenter: TextSegmenter
    private let folder: TokenFolder
    private let asciiFolder: Transliterator

    public init(index: GlossaryIndex) throws(ICUError) {
        self.index = index
        segmenter = try TextSegmenter(.word, locale: index.targetLanguage)
        folder = try TokenFolder()
        asciiFolder = try Transliterator(id: "Any-Latin; Latin-ASCII")
    }

    /// A word token of the text and what the vocabulary knows of it.
    private struct Token {
        var start: Int
        var end: Int
        /// Vocabulary id of the whole folded token, or -1.
        var id: Int32
        /// Vocabulary id after stripping an inflection suffix, or -1.
        var stemID: Int32
        var suffixLength: Int
        var isLetter: Bool
        /// Punctuation between words, standing for itself in multi-word terms.
        var isGap = false
    }

    public func matches(in document: SourceDocument) -> [GlossaryMatch] {
        document.utf16.withUnsafeBufferPointer { matches(in: $0) }
    }

    /// Matches in a UTF-16 buffer; ranges index into it.
    public func matches(in text: UnsafeBufferPointer<UInt16>) -> [GlossaryMatch] {
        var results: [GlossaryMatch] = []
        var run: [Token] = []
        var scratch: [UInt16] = []
        scratch.reserveCapacity(64)
        var previousEnd = 0
        segmenter.forEachSegment(in: text) { segment in
            guard segment.kind.isWordLike else { return }
            if !run.isEmpty {
                switch TokenFolder.gap(text, from: previousEnd, to: segment.start) {
                case .joining:
                    break
                case .punctuation(let marks):
                    // Punctuation becomes a token: terms span it only where they contain it.
                    run.append(Token(start: previousEnd, end: segment.start, id: index.vocabulary.lookup(marks),
                                     stemID: -1, suffixLength: 0, isLetter: false, isGap: true))
                case .breaking:
                    matchRun(run, text: text, scratch: &scratch, into: &results)
                    run.removeAll(keepingCapacity: true)
                }
            }
            previousEnd = segment.end
            let token = UnsafeBufferPointer(rebasing: text[segment.start..<segment.end])
            folder.fold(token, into: &scratch)
            var item = Token(start: segment.start, end: segment.end, id: index.vocabulary.lookup(scratch),
                             stemID: -1, suffixLength: 0, isLetter: segment.kind == .letter)
            // Also for known tokens: `rhumes` may start the term `rhumes communs` and still be `rhume`.
            if item.isLetter { stripInflection(&item, folded: scratch) }
            run.append(item)
        }
        if !run.isEmpty { matchRun(run, text: text, scratch: &scratch, into: &results) }
        return results
    }

    @inline(__always)
    private func stripInflection(_ token: inout Token, folded: [UInt16]) {
        if index.inflection.endings.isEmpty { return }
        for base in index.inflection.baseForms(of: folded) {
            let stem = index.vocabulary.lookup(base.form)
            if stem >= 0 {
                token.stemID = stem
                token.suffixLength = base.suffixLength
                return
            }
        }
    }

    private func matchRun(_ run: [Token], text: UnsafeBufferPointer<UInt16>, scratch: inout [UInt16],
                          into results: inout [GlossaryMatch]) {
        var position = 0
        while position < run.count {
            if let match = longestMatch(in: run, from: position, text: text) {
                results.append(match.match)
                position = match.next
                continue
            }
            let token = run[position]
            if token.id < 0, token.isLetter, let match = skeletonMatch(token, text: text, scratch: &scratch) {
                results.append(match)
            }
            position += 1
        }
    }

    /// The longest sequence of tokens from `start` that ends on a usable entry. Each token may
    /// match by its full form or by its base form (`maladies respiratoires chroniques` for the
    /// term `maladie respiratoire chronique`); full forms are tried first, so that on equal
    /// length the uninflected reading wins.
    private func longestMatch(in run: [Token], from start: Int, text: UnsafeBufferPointer<UInt16>)
        -> (match: GlossaryMatch, next: Int)? {
        var best: (match: GlossaryMatch, next: Int)?
        // Depth-first over (node, next position, whether an inner token was inflected).
        var stack: [(node: Int32, position: Int, innerInflection: Bool)] = [(0, start, false)]
        while let (node, position, innerInflection) = stack.popLast() {
            guard position < run.count else { continue }
            let token = run[position]
            var steps: [(child: Int32, suffix: Int)] = []
            if token.stemID >= 0, let child = index.child(of: node, token: token.stemID) {
                steps.append((child, token.suffixLength))
            }
            if token.id >= 0, let child = index.child(of: node, token: token.id) {
                steps.append((child, 0))
            }
            // Pushed so that the full form is explored first.
            for (child, suffix) in steps {
                if position + 1 > (best?.next ?? start),
                   var match = resolve(node: child, tokens: run[start...position], suffixLength: suffix, text: text) {
                    match.hasInnerInflection = innerInflection
                    if best == nil || position + 1 > best!.next { best = (match, position + 1) }
                }
                stack.append((child, position + 1, innerInflection || suffix > 0))
            }
        }
        return best
    }

    /// The entry that applies at `node` for these tokens: allowed before forbidden before variant,
    /// skipping entries whose case or capitalization does not fit.
    private func resolve(node: Int32, tokens: ArraySlice<Token>, suffixLength: Int,
                         text: UnsafeBufferPointer<UInt16>) -> GlossaryMatch? {
        let candidates = index.nodeEntries[Int(node)]
        if candidates.isEmpty { return nil }
        var chosen: MatchEntry?
        for entryID in candidates {
            let entry = index.entries[Int(entryID)]
            if let chosen, chosen.kind >= entry.kind { continue }
            if let exact = entry.exactTokens, !Self.matchesExactly(exact, tokens: tokens, suffixLength: suffixLength, text: text) {
                continue
            }
            if entry.requiresCapital, !Self.startsUppercase(text, at: tokens.first!.start) { continue }
            chosen = entry
        }
        guard let chosen else { return nil }
        let range = tokens.first!.start..<tokens.last!.end
        let kind: GlossaryMatch.Kind
        switch chosen.kind {
        case .allowed: kind = .allowed(chosen.term!)
        case .forbidden: kind = .forbidden(chosen.term!)
        case .variant: kind = .variant(form: chosen.form, origin: chosen.origin!)
        }
        var key: [UInt16] = []
        for token in tokens {
            if !key.isEmpty { key.append(0x20) }
            key.append(contentsOf: index.vocabulary.key(token.id >= 0 && token.suffixLength == 0 ? token.id : token.stemID))
        }
        return GlossaryMatch(range: range, suffixLength: suffixLength, conceptIndex: Int(chosen.concept),
                             kind: kind, key: key)
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

    /// A capitalized word whose spelling skeleton belongs to exactly one concept.
    private func skeletonMatch(_ token: Token, text: UnsafeBufferPointer<UInt16>, scratch: inout [UInt16]) -> GlossaryMatch? {
        guard token.end - token.start >= SpellingSkeleton.minimumLength, Self.startsUppercase(text, at: token.start)
        else { return nil }
        folder.fold(UnsafeBufferPointer(rebasing: text[token.start..<token.end]), into: &scratch)
        var candidates: [(units: ArraySlice<UInt16>, suffix: Int)] = [(scratch[...], 0)]
        for base in index.inflection.baseForms(of: scratch, minimumStem: SpellingSkeleton.minimumLength) {
            candidates.append((base.form[...], base.suffixLength))
        }
        for candidate in candidates {
            let skeleton = candidate.units.withUnsafeBufferPointer {
                SpellingSkeleton.skeleton(ofFolded: $0, asciiFolder: asciiFolder)
            }
            guard let skeleton else { continue }
            let id = index.skeletons.lookup(skeleton)
            guard id >= 0 else { continue }
            let concepts = index.skeletonConcepts[Int(id)]
            guard concepts.count == 1 else { return nil }
            return GlossaryMatch(range: token.start..<token.end, suffixLength: candidate.suffix,
                                 conceptIndex: Int(concepts[0]), kind: .variant(form: "", origin: .skeleton),
                                 key: Array(candidate.units))
        }
        return nil
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
