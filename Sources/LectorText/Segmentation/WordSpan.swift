import LectorICU

/// A word-like segment of a document's UTF-16 text, as `WordSegmenter` splits it.
public struct WordSpan: Sendable, Equatable {
    public let start: Int
    public let end: Int
    public let kind: WordKind

    @inlinable
    public init(start: Int, end: Int, kind: WordKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }

}

/// The words of a document, in order: glossary matching reads every word of a translation, and
/// `spelling.unknown` reads the same words again; the matcher notes them once
/// (`GlossaryMatcher.matchesAndWords(in:)`) and the rule walks the list instead of splitting the text
/// a second time (a twelfth of a target-only check). Written once, by whoever splits the text,
/// then read by any number of rules on any thread.
///
/// Eight bytes a word (the low 32 bits of its start, a 16-bit length, the kind): a window of prose
/// is kept with its words between the two passes of a windowed check, and twelve bytes a word was a
/// tenth more memory. A word of 65,535 units or more has its end in a side table, and the words
/// from each 2³²-unit boundary on the high bits of their starts (only a text of over 8 GiB has
/// any). Not an array: the segmenter adds millions of words (`WordSegmenter.words(in:)`), and
/// `Array.append` from its per-word closure (a uniqueness check and a call each time) cost half of
/// what the list saves; `Writer` stores into the memory directly.
public final class WordSpans: @unchecked Sendable {
    @usableFromInline
    struct Packed {
        @usableFromInline var start: UInt32
        @usableFromInline var length: UInt16
        @usableFromInline var kind: WordKind

        @usableFromInline
        init(start: UInt32, length: UInt16, kind: WordKind) {
            self.start = start
            self.length = length
            self.kind = kind
        }
    }

    /// The length that sends a word's end to `longEnds`.
    @usableFromInline static let longLength = UInt16.max

    @usableFromInline let base: UnsafeMutablePointer<Packed>
    public let count: Int
    /// The ends of the words of `longLength` units or more, by index.
    @usableFromInline let longEnds: [Int: Int]
    /// Where the high bits of the starts change: from word `index` on they are `high`.
    @usableFromInline let highStarts: [(index: Int, high: Int)]

    init(base: UnsafeMutablePointer<Packed>, count: Int, longEnds: [Int: Int], highStarts: [(index: Int, high: Int)]) {
        self.base = base
        self.count = count
        self.longEnds = longEnds
        self.highStarts = highStarts
        isPlain = longEnds.isEmpty && highStarts.isEmpty
    }

    deinit { base.deallocate() }

    public var isEmpty: Bool { count == 0 }

    /// Whether neither side table has an entry (every text under 4 GiB without a word of 65,535
    /// units): each word is then read off its eight bytes alone.
    @usableFromInline let isPlain: Bool

    @inlinable
    public subscript(index: Int) -> WordSpan {
        precondition(index >= 0 && index < count, "word index out of range")
        let packed = base[index]
        guard isPlain else { return spanWithSideTables(index) }
        let start = Int(packed.start)
        return WordSpan(start: start, end: start &+ Int(packed.length), kind: packed.kind)
    }

    @usableFromInline
    func spanWithSideTables(_ index: Int) -> WordSpan {
        let packed = base[index]
        var start = Int(packed.start)
        if let last = highStarts.last(where: { $0.index <= index }) { start |= last.high << 32 }
        let end = packed.length == Self.longLength ? longEnds[index]! : start + Int(packed.length)
        return WordSpan(start: start, end: end, kind: packed.kind)
    }

    /// Adds the words of a text one by one, then hands them over as `WordSpans`. A value kept in
    /// a local variable, so that the per-word `append` is a store and a compare.
    public struct Writer {
        @usableFromInline var base: UnsafeMutablePointer<Packed>
        @usableFromInline var count = 0
        @usableFromInline var capacity: Int
        @usableFromInline var longEnds: [Int: Int] = [:]
        @usableFromInline var highStarts: [(index: Int, high: Int)] = []
        @usableFromInline var high = 0

        /// - Parameter expected: the number of words expected (a guess; the storage grows).
        public init(expected: Int) {
            capacity = max(16, expected)
            base = .allocate(capacity: capacity)
        }

        /// Words in order: `start` at or after the last word's end, `end` after `start`.
        @inlinable @inline(__always)
        public mutating func append(start: Int, end: Int, kind: WordKind) {
            if count == capacity { grow() }
            if start >> 32 != high {
                high = start >> 32
                highStarts.append((count, high))
            }
            var length = end - start
            if length >= Int(WordSpans.longLength) {
                longEnds[count] = end
                length = Int(WordSpans.longLength)
            }
            (base + count).initialize(to: Packed(start: UInt32(truncatingIfNeeded: start), length: UInt16(truncatingIfNeeded: length),
                                                 kind: kind))
            count += 1
        }

        @usableFromInline
        mutating func grow() {
            let larger = UnsafeMutablePointer<Packed>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }

        /// The words written; the storage now belongs to them (the writer is consumed).
        public consuming func finish() -> WordSpans {
            WordSpans(base: base, count: count, longEnds: longEnds, highStarts: highStarts)
        }
    }
}
