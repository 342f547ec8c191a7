import Foundation
import LectorICU

/// A bead of the alignment: sentences of the source paired with sentences of the translation.
/// Either side may be empty (a sentence left out or added by the translator).
public struct SentencePair: Sendable, Equatable {
    /// UTF-16 range in the source document covering the bead's source sentences, or `nil`.
    public let source: Range<Int>?
    /// UTF-16 range in the target document covering the bead's target sentences, or `nil`.
    public let target: Range<Int>?
    public let sourceSentenceCount: Int
    public let targetSentenceCount: Int
    /// For an empty side: the offset where the missing text would stand.
    public let anchor: Int

    public init(source: Range<Int>?, target: Range<Int>?, sourceSentenceCount: Int, targetSentenceCount: Int, anchor: Int) {
        self.source = source
        self.target = target
        self.sourceSentenceCount = sourceSentenceCount
        self.targetSentenceCount = targetSentenceCount
        self.anchor = anchor
    }
}

/// Pairs the sentences of a source text with those of its translation.
///
/// Paragraphs (non-empty lines) are paired first, then sentences within each paragraph pair.
/// Both levels use Gale & Church's length-based dynamic programming (1993): the cost of a bead
/// is −log of its prior times the probability that the translation's length deviates as much
/// as it does from the source length times the document's length ratio, under a normal model
/// with variance 6.8 per character (a bead with an empty side costs its prior only), less a bonus
/// for each word both sides spell alike (a name, a figure: `anchors(of:in:)`), which lengths alone
/// cannot weigh. Beads: 1-1, 1-0, 0-1, 2-1, 1-2, 2-2. Sentences come from ICU sentence
/// segmentation with CLDR abbreviation suppression.
public struct SentenceAligner {
    public let sourceLanguage: String
    public let targetLanguage: String

    /// Gale & Church's priors for each bead shape (source sentences, target sentences).
    static let beads: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.89), (1, 0, 0.0099 / 2), (0, 1, 0.0099 / 2), (2, 1, 0.089 / 2), (1, 2, 0.089 / 2), (2, 2, 0.011),
    ]
    static let variance = 6.8

    public init(sourceLanguage: String, targetLanguage: String) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func align(source: SourceDocument, target: SourceDocument) -> [SentencePair] {
        let sourceParagraphs = Self.paragraphs(of: source)
        let targetParagraphs = Self.paragraphs(of: target)
        let sourceLength = sourceParagraphs.reduce(0) { $0 + $1.count }
        let targetLength = targetParagraphs.reduce(0) { $0 + $1.count }
        let ratio = Self.lengthRatio(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                     sourceLength: sourceLength, targetLength: targetLength)
        // Never "no pairs" in a check: `Checker` builds these segmenters first and stops (exit 2) if they fail.
        guard let sourceSegmenter = try? TextSegmenter(.sentence, locale: LanguageSubtag.primary(of: sourceLanguage)),
              let targetSegmenter = try? TextSegmenter(.sentence, locale: LanguageSubtag.primary(of: targetLanguage))
        else { return [] }

        var pairs: [SentencePair] = []
        let paragraphBeads = Self.align(sourceParagraphs.map(\.count), targetParagraphs.map(\.count), ratio: ratio,
                                        anchors: (Self.anchors(of: sourceParagraphs, in: source), Self.anchors(of: targetParagraphs, in: target)))
        for bead in paragraphBeads {
            let sourceSentences = bead.source.flatMap { Self.sentences(in: sourceParagraphs[$0], of: source, with: sourceSegmenter) }
            let targetSentences = bead.target.flatMap { Self.sentences(in: targetParagraphs[$0], of: target, with: targetSegmenter) }
            let anchor = bead.target.first.map { targetParagraphs[$0].lowerBound }
                ?? pairs.last.map { $0.target?.upperBound ?? $0.anchor } ?? 0
            let beads = Self.align(sourceSentences.map(\.count), targetSentences.map(\.count), ratio: ratio,
                                   anchors: (Self.anchors(of: sourceSentences, in: source), Self.anchors(of: targetSentences, in: target)))
            // The first target sentence of each bead or a later one, computed backwards once:
            // looking ahead from every bead was quadratic in a paragraph left untranslated.
            var nextTargets = [Int?](repeating: nil, count: beads.count + 1)
            for position in beads.indices.reversed() {
                nextTargets[position] = beads[position].target.first ?? nextTargets[position + 1]
            }
            for (position, sentenceBead) in beads.enumerated() {
                let sourceRanges = sentenceBead.source.map { sourceSentences[$0] }
                let targetRanges = sentenceBead.target.map { targetSentences[$0] }
                // A sentence left out belongs before the next translated sentence of its paragraph,
                // or after the last one.
                let nextTarget = nextTargets[position + 1]
                let previousEnd = pairs.last.map { $0.target?.upperBound ?? $0.anchor } ?? anchor
                pairs.append(SentencePair(
                    source: Self.union(sourceRanges), target: Self.union(targetRanges),
                    sourceSentenceCount: sourceRanges.count, targetSentenceCount: targetRanges.count,
                    anchor: targetRanges.first?.lowerBound ?? nextTarget.map { targetSentences[$0].lowerBound }
                        ?? max(previousEnd, anchor)))
            }
        }
        return pairs
    }

    /// Expected characters of translation per character of source. Between alphabetic scripts
    /// Gale & Church's 1 works (and, unlike a ratio measured on the document, is not skewed by the
    /// very omissions the aligner must find); with CJK or Thai on one side, measure it.
    static func lengthRatio(sourceLanguage: String, targetLanguage: String, sourceLength: Int, targetLength: Int) -> Double {
        let dense: Set<String> = ["zh", "ja", "ko", "th", "lo", "km", "my"]
        let measured = dense.contains(LanguageSubtag.primary(of: sourceLanguage)) || dense.contains(LanguageSubtag.primary(of: targetLanguage))
        guard measured, sourceLength > 0, targetLength > 0 else { return 1 }
        return Double(targetLength) / Double(sourceLength)
    }

    /// All sentences of a document in the target language, paragraph by paragraph.
    public func sentences(of document: SourceDocument) -> [Range<Int>] {
        // Never "no sentences" in a check: `Checker` builds this segmenter first and stops (exit 2) if it fails.
        guard let segmenter = try? TextSegmenter(.sentence, locale: LanguageSubtag.primary(of: targetLanguage)) else { return [] }
        return Self.paragraphs(of: document).flatMap { Self.sentences(in: $0, of: document, with: segmenter) }
    }

    /// Non-empty lines, without their line breaks and surrounding white space.
    package static func paragraphs(of document: SourceDocument) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for line in 0..<document.lineCount {
            var start = document.lineStarts[line]
            var end = line + 1 < document.lineCount ? document.lineStarts[line + 1] : document.utf16.count
            while end > start, Self.isSpace(document.utf16[end - 1]) { end -= 1 }
            while start < end, Self.isSpace(document.utf16[start]) { start += 1 }
            if end > start { result.append(start..<end) }
        }
        return result
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0xA0 || unit == 0x3000
    }

    /// Sentences of one paragraph, trimmed, as document ranges.
    package static func sentences(in paragraph: Range<Int>, of document: SourceDocument, with segmenter: TextSegmenter) -> [Range<Int>] {
        var result: [Range<Int>] = []
        document.utf16.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[paragraph])
            segmenter.forEachSegment(in: slice) { segment in
                var start = paragraph.lowerBound + segment.start
                var end = paragraph.lowerBound + segment.end
                while end > start, isSpace(buffer[end - 1]) { end -= 1 }
                while start < end, isSpace(buffer[start]) { start += 1 }
                if end > start { result.append(start..<end) }
            }
        }
        return result
    }

    static func union(_ ranges: [Range<Int>]) -> Range<Int>? {
        guard let first = ranges.first, let last = ranges.last else { return nil }
        return first.lowerBound..<last.upperBound
    }

    /// Most DP cells the aligner fills: up to this, every path is considered (4,000 × 4,000
    /// paragraphs or sentences); beyond it, a band around the diagonal.
    static let fullSearchCells = 1 << 24

    /// What a bead's two sides sharing one anchor (`anchors(of:in:)`) takes off its cost, and the
    /// most anchors counted: lengths alone cannot tell which of two sentences of about the same
    /// length was left out, and a name or a figure both sides spell alike can.
    static let anchorBonus = 1.5
    static let mostAnchorsCounted = 3

    /// The anchors of each range: hashes of its words that a translation usually keeps as they
    /// are, those with a digit (`2024`, `F-16`) and those of four letters or more (names:
    /// `Istanbul`, `Selenskyj`), case-folded. Words of other scripts simply never match.
    static func anchors(of ranges: [Range<Int>], in document: SourceDocument) -> [Set<Int>] {
        ranges.map { range in
            var found = Set<Int>()
            var hasher = Hasher()
            var letters = 0
            var digits = 0
            func end() {
                if digits > 0 || letters >= 4 { found.insert(hasher.finalize()) }
                hasher = Hasher()
                letters = 0
                digits = 0
            }
            for index in range {
                let unit = document.utf16[index]
                let scalar = Unicode.Scalar(unit)
                if let scalar, scalar.properties.isAlphabetic {
                    letters += 1
                    if unit < 0x80 {
                        hasher.combine(unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit)
                    } else {
                        for lower in scalar.properties.lowercaseMapping.utf16 { hasher.combine(lower) }
                    }
                } else if let scalar, scalar.properties.numericType == .decimal {
                    digits += 1
                    hasher.combine(unit)
                } else if letters + digits > 0 {
                    end()
                }
            }
            if letters + digits > 0 { end() }
            return found
        }
    }

    /// One side's anchors as the dynamic programming reads them, in every cell: for each range and
    /// for each two consecutive ranges (the widest side of a bead), a sorted run without repeats in
    /// one flat array, made once. Building the union of two sets and hashing its members in every
    /// cell made a long pair of texts (a few thousand paragraphs, all of them searched) take minutes.
    struct AnchorTable {
        let values: [Int]
        private let single: [Range<Int>]
        private let double: [Range<Int>]

        init(_ sets: [Set<Int>]) {
            var values: [Int] = []
            var single: [Range<Int>] = []
            var double: [Range<Int>] = []
            for index in sets.indices {
                let start = values.count
                values += sets[index].sorted()
                single.append(start..<values.count)
                let pairStart = values.count
                if index + 1 < sets.count { values += sets[index].union(sets[index + 1]).sorted() }
                double.append(pairStart..<values.count)
            }
            (self.values, self.single, self.double) = (values, single, double)
        }

        /// Where in `values` the anchors of ranges `start ..< start + count` are (`count` 1 or 2).
        func run(_ start: Int, _ count: Int) -> Range<Int> {
            count == 1 ? single[start] : double[start]
        }
    }

    /// Anchors two sorted runs share, at most `mostAnchorsCounted`.
    private static func sharedAnchors(_ source: UnsafeBufferPointer<Int>, _ sourceRun: Range<Int>,
                                      _ target: UnsafeBufferPointer<Int>, _ targetRun: Range<Int>) -> Int {
        var shared = 0
        var (i, j) = (sourceRun.lowerBound, targetRun.lowerBound)
        while i < sourceRun.upperBound, j < targetRun.upperBound {
            if source[i] < target[j] {
                i += 1
            } else if source[i] > target[j] {
                j += 1
            } else {
                shared += 1
                if shared == mostAnchorsCounted { break }
                i += 1
                j += 1
            }
        }
        return shared
    }

    /// Gale–Church dynamic programming over two sequences of lengths; returns beads as index lists.
    ///
    /// Beyond `fullSearchCells` cells (a file of tens of thousands of lines, or a line of tens of
    /// thousands of sentences), only cells within `bandWidth(rows:columns:)` of the diagonal are
    /// searched, as Gale and Church do, so time and memory stay linear in the number of sentences.
    /// A bead whose sides share anchors (`anchors`, one set per sentence or paragraph) costs
    /// `anchorBonus` less per anchor.
    static func align(_ source: [Int], _ target: [Int], ratio: Double,
                      anchors: (source: [Set<Int>], target: [Set<Int>])? = nil) -> [(source: [Int], target: [Int])] {
        let rows = source.count, columns = target.count
        if rows == 0 && columns == 0 { return [] }
        let halfWidth = bandWidth(rows: rows, columns: columns)
        let stride = min(columns, 2 * halfWidth) + 1
        /// The first column searched in row `i`; the row's cells are `first ..< first + stride`.
        func first(_ i: Int) -> Int {
            guard stride <= columns else { return 0 }
            let centre = rows == 0 ? 0 : i * columns / rows
            return min(max(0, centre - halfWidth), columns + 1 - stride)
        }
        func cell(_ i: Int, _ j: Int) -> Int? {
            let column = j - first(i)
            return column >= 0 && column < stride ? i * stride + column : nil
        }
        // Beads are of one or two ranges a side.
        assert(beads.allSatisfy { $0.source <= 2 && $0.target <= 2 })
        // Lengths of `source[..<i]` and `target[..<j]`, and what a bead with an empty side costs
        // (`beadCost`'s first case): the same sums and logarithms came up in every cell.
        let sourceEnds = source.reduce(into: [0]) { $0.append($0.last! + $1) }
        let targetEnds = target.reduce(into: [0]) { $0.append($0.last! + $1) }
        let priorCosts = beads.map { -log($0.prior) }
        let sourceAnchors = anchors.map { AnchorTable($0.source) }
        let targetAnchors = anchors.map { AnchorTable($0.target) }
        var cost = [Double](repeating: .infinity, count: (rows + 1) * stride)
        var back = [Int8](repeating: -1, count: (rows + 1) * stride)
        cost[0] = 0
        let noAnchors: [Int] = []
        (sourceAnchors?.values ?? noAnchors).withUnsafeBufferPointer { sourceValues in
        (targetAnchors?.values ?? noAnchors).withUnsafeBufferPointer { targetValues in
        for i in 0...rows {
            let low = first(i)
            for j in low..<(low + stride) where cost[i * stride + j - low] < .infinity {
                let here = cost[i * stride + j - low]
                for (index, bead) in beads.enumerated() {
                    let ni = i + bead.source, nj = j + bead.target
                    guard ni <= rows, nj <= columns, let next = cell(ni, nj) else { continue }
                    let sourceLength = sourceEnds[ni] - sourceEnds[i]
                    let targetLength = targetEnds[nj] - targetEnds[j]
                    var total = here + (sourceLength == 0 || targetLength == 0 ? priorCosts[index]
                        : beadCost(sourceLength, targetLength, prior: bead.prior, ratio: ratio))
                    if let sourceAnchors, let targetAnchors, bead.source > 0, bead.target > 0 {
                        total -= anchorBonus * Double(sharedAnchors(sourceValues, sourceAnchors.run(i, bead.source),
                                                                    targetValues, targetAnchors.run(j, bead.target)))
                    }
                    if total < cost[next] {
                        cost[next] = total
                        back[next] = Int8(index)
                    }
                }
            }
        }
        }
        }
        var result: [(source: [Int], target: [Int])] = []
        var i = rows, j = columns
        while i > 0 || j > 0 {
            guard let at = cell(i, j), back[at] >= 0 else {
                // Unreachable inside the band (more than 16 million sentences on one side): what
                // is left stays unpaired rather than paired at random.
                result += (0..<i).reversed().map { ([$0], []) } + (0..<j).reversed().map { ([], [$0]) }
                break
            }
            let bead = beads[Int(back[at])]
            result.append((Array((i - bead.source)..<i), Array((j - bead.target)..<j)))
            i -= bead.source
            j -= bead.target
        }
        return result.reversed()
    }

    /// Columns searched on each side of the diagonal: all of them when the table is small enough,
    /// else as many as `fullSearchCells` allows, and never fewer than 32 (a band that wide still
    /// finds runs of 32 sentences left out in a row).
    static func bandWidth(rows: Int, columns: Int) -> Int {
        if (rows + 1) * (columns + 1) <= fullSearchCells { return columns }
        return min(columns, max(32, fullSearchCells / (2 * (rows + 1))))
    }

    static func beadCost(_ sourceLength: Int, _ targetLength: Int, prior: Double, ratio: Double) -> Double {
        // A sentence left out (or added) costs its prior only. Charging it the length deviation
        // too, as the original formula does, makes merging it into a neighbour always cheaper,
        // so omissions would never be found.
        if sourceLength == 0 || targetLength == 0 { return -log(prior) }
        let expected = Double(sourceLength) * ratio
        let mean = (Double(sourceLength) + Double(targetLength) / ratio) / 2
        let delta = (Double(targetLength) - expected) / (mean * variance).squareRoot().nonZero
        // Two-tailed probability of a deviation at least this large under N(0, 1).
        let probability = max(erfc(abs(delta) / 2.0.squareRoot()), 1e-12)
        return -log(prior) - log(probability)
    }
}

extension Double {
    fileprivate var nonZero: Double { self == 0 ? 1 : self }
}
