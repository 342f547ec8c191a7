import LectorICU

/// One token of a text as ICU word segmentation cuts it: a word, a number, a punctuation mark or
/// a run of white space. Nothing is dropped, so the tokens of a text concatenate back to it.
public struct WordToken: Sendable, Hashable {
    public let text: String
    /// UTF-16 offsets into the tokenized text.
    public let range: Range<Int>
    /// White space only; such tokens are kept to rebuild the text but are not words.
    public let isSpace: Bool
}

/// Cuts texts into `WordToken`s with ICU's word break rules for one language (dictionary-based
/// for Thai and CJK, `Kiev’s` one token in English).
///
/// Like the ICU break iterator it holds, a tokenizer is not thread-safe: make one per task.
public final class WordTokenizer {
    private let segmenter: TextSegmenter

    public init(language: String) throws(InputError) {
        do {
            segmenter = try TextSegmenter(.word, locale: Term.primaryLanguage(of: language))
        } catch {
            throw InputError(file: "--target-lang", message: "no word segmentation for “\(language)”")
        }
    }

    public func tokens(of text: String) -> [WordToken] {
        let units = LectorICU.UTF16.encode(text)
        var tokens: [WordToken] = []
        units.withUnsafeBufferPointer { buffer in
            segmenter.forEachSegment(in: buffer) { segment in
                let slice = UnsafeBufferPointer(rebasing: buffer[segment.start..<segment.end])
                let text = LectorICU.UTF16.decode(slice)
                tokens.append(WordToken(text: text, range: segment.start..<segment.end,
                                        isSpace: text.unicodeScalars.allSatisfy(\.properties.isWhitespace)))
            }
        }
        return tokens
    }
}

/// The word-level changes that turn one text into another, and how many word edits they are.
///
/// The alignment is the standard library's `CollectionDifference` (a Myers diff) over ICU word
/// tokens, white space included, so that both texts can be rebuilt from the parts. Tokens are
/// compared as `String`s, so canonically equivalent spellings are equal; case counts unless
/// `ignoringCase` is set.
///
/// **Edits** count like TER without shifts: a run of changes between two unchanged tokens costs
/// as many edits as the larger of its removed and inserted words (each pair a substitution, the
/// rest deletions or insertions). Words are the tokens that are not white space, punctuation
/// included, as TER counts the tokens of tokenized text. An unchanged space between two changed
/// words ends a run, so `big cat` → `small dog` is two substitutions.
public struct WordDiff: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case unchanged
        case removed
        case inserted
    }

    /// One token of the alignment, with its UTF-16 range in the old text (unchanged and removed
    /// tokens) and in the new text (unchanged and inserted tokens).
    public struct Part: Sendable, Equatable {
        /// The token as it stands in the old text (unchanged and removed tokens) or the new one (inserted).
        public let text: String
        /// An unchanged token as it stands in the new text: the same as `text` unless case was ignored.
        public let newText: String
        public let change: Change
        public let oldRange: Range<Int>?
        public let newRange: Range<Int>?
        public let isSpace: Bool
    }

    /// Every token of both texts in order; within a change, removals come before insertions.
    public let parts: [Part]
    /// Word insertions, deletions and substitutions.
    public let edits: Int
    public let oldWordCount: Int
    public let newWordCount: Int

    /// - Parameter ignoringCase: compare tokens case-insensitively (full Unicode case folding),
    ///   as TER does by default; `lector diff` counts a change of case as an edit.
    public init(old: String, new: String, tokenizer: WordTokenizer, ignoringCase: Bool = false) {
        self.init(old: tokenizer.tokens(of: old), new: tokenizer.tokens(of: new), ignoringCase: ignoringCase)
    }

    public init(old: [WordToken], new: [WordToken], ignoringCase: Bool = false) {
        var removed = Set<Int>()
        var inserted = Set<Int>()
        let key: (WordToken) -> String = ignoringCase ? { CaseMapping.fold($0.text) } : { $0.text }
        for change in new.map(key).difference(from: old.map(key)) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var parts: [Part] = []
        var edits = 0
        var runRemoved = 0
        var runInserted = 0
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            if oldIndex < old.count, removed.contains(oldIndex) {
                let token = old[oldIndex]
                parts.append(Part(text: token.text, newText: token.text, change: .removed, oldRange: token.range, newRange: nil, isSpace: token.isSpace))
                if !token.isSpace { runRemoved += 1 }
                oldIndex += 1
            } else if newIndex < new.count, inserted.contains(newIndex) {
                let token = new[newIndex]
                parts.append(Part(text: token.text, newText: token.text, change: .inserted, oldRange: nil, newRange: token.range, isSpace: token.isSpace))
                if !token.isSpace { runInserted += 1 }
                newIndex += 1
            } else if oldIndex < old.count, newIndex < new.count {
                let token = old[oldIndex]
                parts.append(Part(text: token.text, newText: new[newIndex].text, change: .unchanged, oldRange: token.range,
                                  newRange: new[newIndex].range, isSpace: token.isSpace))
                edits += max(runRemoved, runInserted)
                (runRemoved, runInserted) = (0, 0)
                oldIndex += 1
                newIndex += 1
            } else {
                break  // unreachable for a consistent difference
            }
        }
        edits += max(runRemoved, runInserted)
        self.parts = parts
        self.edits = edits
        oldWordCount = old.filter { !$0.isSpace }.count
        newWordCount = new.filter { !$0.isSpace }.count
    }

    /// Whether the texts differ at all (white space included).
    public var hasChanges: Bool { parts.contains { $0.change != .unchanged } }

    /// Edits per word of the new text, the HTER-like figure; with no new words, per old word
    /// (so deleting everything is 1), and 0 when both texts are empty.
    public var editRate: Double {
        Self.rate(edits: edits, words: newWordCount > 0 ? newWordCount : oldWordCount)
    }

    static func rate(edits: Int, words: Int) -> Double {
        words == 0 ? (edits == 0 ? 0 : 1) : Double(edits) / Double(words)
    }

    /// The old text's tokens (unchanged and removed), in order.
    public var oldSide: [Part] { parts.filter { $0.change != .inserted } }
    /// The new text's tokens (unchanged and inserted), in order.
    public var newSide: [Part] {
        parts.filter { $0.change != .removed }.map {
            Part(text: $0.newText, newText: $0.newText, change: $0.change, oldRange: $0.oldRange, newRange: $0.newRange, isSpace: $0.isSpace)
        }
    }

    /// The changes in `wdiff` notation on one line: `[-removed-]{+inserted+}`.
    public var inlineText: String {
        var output = ""
        var open: Change = .unchanged
        func close() {
            switch open {
            case .removed: output += "-]"
            case .inserted: output += "+}"
            case .unchanged: break
            }
        }
        for part in parts {
            if part.change != open {
                close()
                switch part.change {
                case .removed: output += "[-"
                case .inserted: output += "{+"
                case .unchanged: break
                }
                open = part.change
            }
            output += part.text
        }
        close()
        return output
    }
}
