import LectorICU

/// A quotation found in text: its opening and closing marks.
public struct Quotation: Sendable, Hashable {
    public let open: String
    public let close: String
    /// UTF-16 range of the opening mark.
    public let openRange: Range<Int>
    /// UTF-16 range of the closing mark.
    public let closeRange: Range<Int>
    /// 0 for a quotation, 1 for a quotation inside a quotation, and so on.
    public let depth: Int
    /// The pair is one the language uses (CLDR's primary or alternate pair, or a listed variant).
    public let isExpectedStyle: Bool
}

/// A problem with a quotation mark or bracket.
public struct QuoteIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A quotation mark the language does not use here; `expected` is the mark to write instead
        /// (`“` opening a quotation in German: expected `„`).
        case unexpectedMark(expected: String)
        /// An opening quotation mark or bracket with no closing one on its line.
        case unclosed
        /// A closing quotation mark or bracket with no opening one before it on its line.
        case unopened
    }

    public let kind: Kind
    /// UTF-16 range of the mark.
    public let range: Range<Int>
    /// The mark as written.
    public let mark: String

    public var description: String { "\(kind) “\(mark)” at \(range)" }
}

/// The quotations of a text and the problems found with its quotation marks and brackets.
public struct QuoteScan: Sendable, Hashable {
    public let quotations: [Quotation]
    public let issues: [QuoteIssue]
}

/// Checks quotation marks and brackets against a language's typography.
///
/// The language's marks come from CLDR through ICU (`QuotationMarks`: `„…“` and `‚…‘` in `de`,
/// `«…»` and `„…“` in `ru`), plus variants its typography also accepts (`ExtractionLexicon`: »…« in
/// German, “…” nested in French). Marks are paired with a stack, so a mark that closes in one
/// language and opens in another (`“`) is read by what is open. Reported:
///
/// - a pair of marks the language does not use (`“…”` in German): each wrong mark, with the mark
///   expected at its depth (primary pair outside, alternate pair inside a quotation);
/// - an opening mark or bracket `(` `[` `{` that is not closed on its line, and a closing one that
///   was not opened. A quotation may run on over paragraphs when the next line opens again with the
///   same mark (the usual convention for quoted paragraphs).
///
/// Not reported, by design:
///
/// - ASCII `"` and `'` are neutral: plain-text and machine-translated files use them legitimately
///   (and for inches, feet and code), and they carry no direction to pair by. They are neither
///   flagged nor paired.
/// - `’` and `‘` between letters are apostrophes (`don’t`, `Kyiv’s`, `geht‘s`), and a `’` that
///   closes nothing is an apostrophe too (`the Ukrainians’ demands`, `’90s`).
/// - `1)`, `a)` at the start of a line (list items) and emoticons `:)` `:(`.
public struct QuoteScanner: Sendable {
    /// The BCP 47 tag the scanner was made for.
    public let language: String
    /// The language's quotation marks as ICU gives them.
    public let marks: QuotationMarks
    /// Pairs the language uses: CLDR's primary, alternate, then listed variants.
    private let expectedPairs: [Pair]
    /// Every pair Lector recognises, the language's first.
    private let allPairs: [Pair]
    /// One bit per UTF-16 code unit: whether it is a mark of `allPairs` (a `Set` look-up per code
    /// unit of every line was most of `punctuation.quotes`'s time).
    private let markBits: [UInt64]
    /// `markBits` and the line breaks (`CodeUnit.isLineBreak`): the units `scan` stops at.
    private let stopBits: [UInt64]
    /// For every opening mark, the marks that close it (`allPairs`' order).
    private let closersByOpening: [UInt16: [UInt16]]

    struct Pair: Sendable, Hashable {
        let open: UInt16
        let close: UInt16
        let isBracket: Bool
    }

    /// Quotation pairs of the world's typographies, so that a foreign style is paired and reported.
    private static let knownQuotationPairs: [(UInt16, UInt16)] = [
        (0x201C, 0x201D),  // “ ”  English
        (0x2018, 0x2019),  // ‘ ’
        (0x201E, 0x201C),  // „ “  German, Czech, Russian inner
        (0x201E, 0x201D),  // „ ”  Polish, Hungarian, Romanian
        (0x201A, 0x2018),  // ‚ ‘
        (0x201A, 0x2019),  // ‚ ’
        (0x00AB, 0x00BB),  // « »  French, Russian, Ukrainian
        (0x00BB, 0x00AB),  // » «  German, Czech books
        (0x2039, 0x203A),  // ‹ ›
        (0x203A, 0x2039),  // › ‹
        (0x201D, 0x201D),  // ” ”  Finnish, Swedish
        (0x00BB, 0x00BB),  // » »  Finnish, Swedish
        (0x300C, 0x300D),  // 「 」 Japanese, Chinese
        (0x300E, 0x300F),  // 『 』
    ]
    private static let brackets: [(UInt16, UInt16)] = [(0x28, 0x29), (0x5B, 0x5D), (0x7B, 0x7D)]

    public init(language: String) throws(ICUError) {
        self.language = language
        let locale = ExtractionLocale(language)
        marks = try QuotationMarks(locale: locale.localeID)
        var expected: [Pair] = []
        func single(_ mark: String) -> UInt16? {
            let units = Array(mark.utf16)
            return units.count == 1 ? units[0] : nil
        }
        let cldrPairs = [(marks.start, marks.end), (marks.alternateStart, marks.alternateEnd)]
            .compactMap { pair -> (UInt16, UInt16)? in
                guard let open = single(pair.0), let close = single(pair.1) else { return nil }
                return (open, close)
            }
        for (open, close) in cldrPairs + ExtractionLexicon.extraQuotationPairs(locale.language).map({ ($0.open, $0.close) }) {
            let pair = Pair(open: open, close: close, isBracket: false)
            if !expected.contains(pair) { expected.append(pair) }
        }
        expectedPairs = expected
        var all = expected
        for (open, close) in Self.knownQuotationPairs {
            let pair = Pair(open: open, close: close, isBracket: false)
            if !all.contains(pair) { all.append(pair) }
        }
        all += Self.brackets.map { Pair(open: $0.0, close: $0.1, isBracket: true) }
        allPairs = all
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for unit in all.flatMap({ [$0.open, $0.close] }) { bits[Int(unit >> 6)] |= 1 << UInt64(unit & 63) }
        markBits = bits
        for unit: UInt16 in [0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029] { bits[Int(unit >> 6)] |= 1 << UInt64(unit & 63) }
        stopBits = bits
        closersByOpening = Dictionary(grouping: all, by: \.open).mapValues { $0.map(\.close) }
        let quotes = all.flatMap { [$0.open, $0.close] }.filter { !Self.isBracket($0) }
        // `firstMark` passes over an all-ASCII block once it holds no bracket: that is right only
        // while every other mark is beyond ASCII. A locale whose CLDR marks were ASCII (`"`, `'`)
        // is read unit by unit.
        let ranges = quotes.contains { $0 < 0x80 } ? nil : Self.candidateRanges(covering: quotes)
        candidateRanges = ranges
        candidateLanes = ranges.map { ranges in
            let lows = ranges.map { UTF16Lanes.Block(repeating: $0.low) }
            let ends = ranges.map { UTF16Lanes.Block(repeating: $0.width + 1) }
            return ((lows[0], lows[1], lows[2], lows[3]), (ends[0], ends[1], ends[2], ends[3]))
        }
    }

    @inline(__always)
    func isMark(_ unit: UInt16) -> Bool {
        markBits.withUnsafeBufferPointer { $0[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0 }
    }

    /// Whether `scan` stops at `unit`: a mark or a line break.
    @inline(__always)
    func stops(at unit: UInt16) -> Bool {
        stopBits.withUnsafeBufferPointer { $0[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0 }
    }

    /// Whether `units` hold a quotation mark or bracket at all: text without one has neither
    /// quotations nor issues, and need not be scanned.
    public func containsMark(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        firstMark(in: units, from: 0) != nil
    }

    // MARK: - Finding marks

    /// Four ranges (lowest unit, width) holding every quotation mark that is not a bracket: a
    /// block of text with no bracket and no unit in them holds no mark. Marks lie in a few
    /// stretches (`«`…`»`, `‘`…`›`, `「`…`』`); where there are more than four, the nearest are
    /// merged, and unused ranges are `U+FFFF` alone, a noncharacter. `nil` if a range would be
    /// wider than `UTF16Lanes.within` tests (never for the marks listed here).
    private let candidateRanges: [(low: UInt16, width: UInt16)]?
    /// `candidateRanges` as `UTF16Lanes.within` takes them.
    private let candidateLanes: (lows: Lanes4, ends: Lanes4)?
    typealias Lanes4 = (UTF16Lanes.Block, UTF16Lanes.Block, UTF16Lanes.Block, UTF16Lanes.Block)

    private static func isBracket(_ unit: UInt16) -> Bool {
        brackets.contains { $0.0 == unit || $0.1 == unit }
    }

    static func candidateRanges(covering marks: [UInt16]) -> [(low: UInt16, width: UInt16)]? {
        var ranges = Set(marks).sorted().map { (low: $0, high: $0) }
        // Merging the two nearest ranges widens the test least.
        while ranges.count > 4,
              let nearest = ranges.indices.dropLast().min(by: { ranges[$0 + 1].low - ranges[$0].high < ranges[$1 + 1].low - ranges[$1].high }) {
            ranges[nearest].high = ranges[nearest + 1].high
            ranges.remove(at: nearest + 1)
        }
        while ranges.count < 4 { ranges.append((0xFFFF, 0xFFFF)) }
        guard ranges.allSatisfy({ $0.high - $0.low < 0x8000 }) else { return nil }
        return ranges.map { (low: $0.low, width: $0.high - $0.low) }
    }

    /// The offset of the first quotation mark or bracket in `units` at or after `start`.
    ///
    /// Sixteen units at a time are ruled out together: the brackets by three comparisons, and,
    /// in a block with a unit outside ASCII, the other marks by `candidateRanges`; only a block
    /// with a candidate is read unit by unit. Text of any script is read this way: a unit in a
    /// candidate range that is no mark (`—`, `…`) only costs its block a second look.
    public func firstMark(in units: UnsafeBufferPointer<UInt16>, from start: Int) -> Int? {
        var index = start
        if let base = units.baseAddress, let lanes = candidateLanes {
            typealias Lanes = UTF16Lanes
            let (low0, low1, low2, low3) = lanes.lows
            let (end0, end1, end2, end3) = lanes.ends
            while index + Lanes.Block.scalarCount <= units.count {
                let block = Lanes.load(base + index)
                // `(` `)` are 0x28 0x29; `[` `{` are 0x5B 0x7B and `]` `}` 0x5D 0x7D: one bit apart.
                let folded = block & 0xFFDF
                let brackets = Lanes.equal(block | 1, 0x29) | Lanes.equal(folded, 0x5B) | Lanes.equal(folded, 0x5D)
                if Lanes.any(brackets | (block & 0xFF80), mask: 0xFF80),
                   Lanes.any(brackets | Lanes.within(block, low: low0, widthPlusOne: end0) | Lanes.within(block, low: low1, widthPlusOne: end1)
                             | Lanes.within(block, low: low2, widthPlusOne: end2) | Lanes.within(block, low: low3, widthPlusOne: end3)) {
                    for offset in index..<(index + Lanes.Block.scalarCount) where isMark(units[offset]) { return offset }
                }
                index += Lanes.Block.scalarCount
            }
        }
        while index < units.count {
            if isMark(units[index]) { return index }
            index += 1
        }
        return nil
    }

    /// Scans `text`; ranges are UTF-16 offsets into `text`.
    public func scan(_ text: String) -> QuoteScan {
        scan(utf16: LectorICU.UTF16.encode(text))
    }

    /// Scans UTF-16 code units (for example `SourceDocument.utf16`).
    ///
    /// Linear in the text whatever the nesting: the innermost open mark that a closing mark can
    /// close is looked up in a stack per closing mark (`OpenStack`), not by searching the whole
    /// stack, so 16,000 unclosed `“` on one line cost as little as 16,000 letters.
    public func scan(utf16 units: [UInt16]) -> QuoteScan {
        units.withUnsafeBufferPointer { scan(utf16: $0) }
    }

    /// `scan(utf16:)` of code units in place (a line of `SourceDocument.utf16`, not copied out).
    public func scan(utf16 units: UnsafeBufferPointer<UInt16>) -> QuoteScan {
        var quotations: [Quotation] = []
        var issues: [QuoteIssue] = []
        var stack = OpenStack()
        var index = 0
        while index <= units.count {
            // Past the letters between marks with one look-up each.
            if index < units.count, !stops(at: units[index]) {
                index += 1
                continue
            }
            if index == units.count || CodeUnit.isLineBreak(units[index]) {
                closeLine(&stack, at: index, in: units, issues: &issues)
                index += 1
                continue
            }
            let unit = units[index]
            guard isMark(unit), !isApostrophe(at: index, in: units), !isListOrEmoticon(at: index, in: units)
            else { index += 1; continue }
            if let depth = stack.innermost(closedBy: unit) {
                for unclosed in stack.entries[(depth + 1)...] {
                    issues.append(issue(.unclosed, unclosed.offset, units))
                }
                let open = stack.entries[depth]
                stack.pop(to: depth)
                if !open.isBracket {
                    record(open: open, close: unit, at: index, units: units, quotations: &quotations, issues: &issues)
                }
            } else if let (pair, sameMarkCloses) = opening(unit, at: index, in: units) {
                var closers = closersByOpening[unit] ?? []
                if sameMarkCloses, !closers.contains(unit) { closers.append(unit) }
                stack.push(Open(unit: unit, offset: index, isBracket: pair.isBracket, quoteDepth: stack.openQuotations,
                                sameMarkCloses: sameMarkCloses, closers: closers))
            } else if unit != 0x2019 {
                // A lone `’` is an apostrophe (`Ukrainians’`); any other lone closer is an error.
                issues.append(issue(.unopened, index, units))
            }
            index += 1
        }
        issues.sort { ($0.range.lowerBound, $0.kindOrder) < ($1.range.lowerBound, $1.kindOrder) }
        return QuoteScan(quotations: quotations.sorted { $0.openRange.lowerBound < $1.openRange.lowerBound }, issues: issues)
    }

    /// The marks open so far on a line, innermost last, and the marks that close each. Once more
    /// than `indexedDepth` are open, also, for every mark that can close something, the positions
    /// in `entries` of the marks it closes (ascending): every entry is then pushed and popped
    /// once, so a line costs time linear in its marks. Below that depth the few entries are
    /// searched, and a line with a pair of brackets makes no dictionary.
    struct OpenStack {
        private(set) var entries: [Open] = []
        private var positionsByCloser: [UInt16: [Int]]?
        /// Quotations (not brackets) among `entries`.
        private(set) var openQuotations = 0
        let indexedDepth: Int

        init(indexedDepth: Int = 8) {
            self.indexedDepth = indexedDepth
        }

        var isEmpty: Bool { entries.isEmpty }

        mutating func push(_ open: Open) {
            if positionsByCloser != nil {
                for closer in open.closers { positionsByCloser![closer, default: []].append(entries.count) }
            }
            if !open.isBracket { openQuotations += 1 }
            entries.append(open)
            if positionsByCloser == nil, entries.count > indexedDepth {
                var positions: [UInt16: [Int]] = [:]
                for (position, entry) in entries.enumerated() {
                    for closer in entry.closers { positions[closer, default: []].append(position) }
                }
                positionsByCloser = positions
            }
        }

        /// The position of the innermost entry that `unit` closes.
        func innermost(closedBy unit: UInt16) -> Int? {
            if let positionsByCloser { return positionsByCloser[unit]?.last }
            return entries.lastIndex { $0.closers.contains(unit) }
        }

        /// Removes the entries at `position` and above.
        mutating func pop(to position: Int) {
            while entries.count > position {
                let entry = entries.removeLast()
                if positionsByCloser != nil {
                    for closer in entry.closers { positionsByCloser![closer]?.removeLast() }
                }
                if !entry.isBracket { openQuotations -= 1 }
            }
        }
    }
    // MARK: - Pairing

    struct Open {
        let unit: UInt16
        let offset: Int
        let isBracket: Bool
        /// Quotations (not brackets) open around this one.
        let quoteDepth: Int
        /// A closing mark used to open (`“Hallo“` in German) is closed by the same mark.
        var sameMarkCloses = false
        /// The marks that close it.
        var closers: [UInt16] = []
    }

    private func record(open: Open, close: UInt16, at offset: Int, units: UnsafeBufferPointer<UInt16>, quotations: inout [Quotation],
                        issues: inout [QuoteIssue]) {
        let isExpected = expectedPairs.contains { $0.open == open.unit && $0.close == close }
        quotations.append(Quotation(open: Self.string(open.unit), close: Self.string(close),
                                    openRange: open.offset..<(open.offset + 1), closeRange: offset..<(offset + 1),
                                    depth: open.quoteDepth, isExpectedStyle: isExpected))
        guard !isExpected, !expectedPairs.isEmpty else { return }
        // Compare with the language's pair that opens the same way, else the one for this depth.
        let model = expectedPairs.first { $0.open == open.unit }
            ?? expectedPairs[open.quoteDepth % 2 == 1 && expectedPairs.count > 1 ? 1 : 0]
        if model.open != open.unit {
            issues.append(QuoteIssue(kind: .unexpectedMark(expected: Self.string(model.open)),
                                     range: open.offset..<(open.offset + 1), mark: Self.string(open.unit)))
        }
        if model.close != close {
            issues.append(QuoteIssue(kind: .unexpectedMark(expected: Self.string(model.close)),
                                     range: offset..<(offset + 1), mark: Self.string(close)))
        }
    }

    /// The pair that `unit`, closing nothing open, opens, and whether the same mark closes it;
    /// `nil` when it is a stray closing mark.
    ///
    /// A mark the language closes with (`“` in German) opens only if a mark that could close it
    /// follows on the line: `“…”` in German is a quotation in English style, `“…“` one with a wrong
    /// opening mark, and a lone `“` is unopened.
    private func opening(_ unit: UInt16, at offset: Int, in units: UnsafeBufferPointer<UInt16>) -> (Pair, Bool)? {
        let closesInLanguage = expectedPairs.contains { $0.close == unit }
        let opensInLanguage = expectedPairs.contains { $0.open == unit }
        if let first = allPairs.first(where: { $0.open == unit }), opensInLanguage || !closesInLanguage { return (first, false) }
        // `’` that closes nothing is an apostrophe (`Ukrainians’`), never an opening mark.
        guard closesInLanguage, unit != 0x2019 else { return nil }
        var next = offset + 1
        while next < units.count, !CodeUnit.isLineBreak(units[next]) {
            let later = units[next]
            if !isApostrophe(at: next, in: units) {
                if let pair = allPairs.first(where: { $0.open == unit && $0.close == later }) { return (pair, false) }
                if later == unit { return (Pair(open: unit, close: unit, isBracket: false), true) }
            }
            next += 1
        }
        return nil
    }

    /// At a line break: what is still open is unclosed, unless the next line opens the same quotation
    /// again (a quotation running over several paragraphs).
    private func closeLine(_ stack: inout OpenStack, at offset: Int, in units: UnsafeBufferPointer<UInt16>, issues: inout [QuoteIssue]) {
        guard !stack.isEmpty else { return }
        var next = offset
        while next < units.count, CodeUnit.isWhitespace(units[next]) { next += 1 }
        let continuation = next < units.count ? units[next] : nil
        for open in stack.entries where open.isBracket || open.unit != continuation {
            issues.append(issue(.unclosed, open.offset, units))
        }
        stack.pop(to: 0)
    }

    // MARK: - Marks that are not quotes

    /// `’`, `‘`, `‛` between letters or digits and a letter: `don’t`, `Kyiv’s`, `geht‘s`.
    private func isApostrophe(at index: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool {
        let unit = units[index]
        guard unit == 0x2019 || unit == 0x2018 || unit == 0x201B, index > 0, index + 1 < units.count else { return false }
        let before = units[index - 1]
        return (CodeUnit.isLetter(before) || CodeUnit.isDecimalDigit(before)) && CodeUnit.isLetter(units[index + 1])
    }

    /// `1)` or `a)` opening a line, and `:)`, `;)`, `:-)`, `:(`.
    private func isListOrEmoticon(at index: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool {
        let unit = units[index]
        guard unit == 0x29 || unit == 0x28 else { return false }
        // An emoticon ends its word: `Stand:(akt. …)` is a bracket.
        let endsWord = index + 1 == units.count || !(CodeUnit.isLetter(units[index + 1]) || CodeUnit.isDecimalDigit(units[index + 1]))
        if index > 0, endsWord {
            var before = index - 1
            if units[before] == 0x2D, before > 0 { before -= 1 }
            if units[before] == 0x3A || units[before] == 0x3B { return true }
        }
        guard unit == 0x29 else { return false }
        var start = index
        while start > 0, CodeUnit.isLetter(units[start - 1]) || CodeUnit.isASCIIDigit(units[start - 1]) { start -= 1 }
        guard (1...3).contains(index - start) else { return false }
        var lineStart = start
        while lineStart > 0, CodeUnit.isInlineSpace(units[lineStart - 1]) { lineStart -= 1 }
        return lineStart == 0 || CodeUnit.isLineBreak(units[lineStart - 1])
    }

    private func issue(_ kind: QuoteIssue.Kind, _ offset: Int, _ units: UnsafeBufferPointer<UInt16>) -> QuoteIssue {
        QuoteIssue(kind: kind, range: offset..<(offset + 1), mark: Self.string(units[offset]))
    }

    private static func string(_ unit: UInt16) -> String {
        Unicode.Scalar(unit).map { String(Character($0)) } ?? "\u{FFFD}"
    }
}

extension QuoteIssue {
    fileprivate var kindOrder: Int {
        switch kind {
        case .unexpectedMark: return 0
        case .unclosed: return 1
        case .unopened: return 2
        }
    }
}
