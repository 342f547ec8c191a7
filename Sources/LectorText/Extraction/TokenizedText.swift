import LectorICU

// MARK: - Locale

/// The language an extractor works for, resolved once: the tag as given, ICU's locale id, and the
/// primary language subtag that the lexicons are keyed by.
struct ExtractionLocale: Sendable {
    let tag: String
    let localeID: String
    let language: String

    /// An unknown tag is not an error here: ICU falls back to its root locale, which still finds
    /// numbers. `Checker` rejects unknown target languages before any rule runs.
    init(_ tag: String) {
        self.tag = tag
        if let parsed = try? LanguageTag(tag) {
            localeID = parsed.localeID
            language = parsed.language
        } else {
            localeID = tag
            language = String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
        }
    }
}

// MARK: - Tokens

/// A text as the extractors read it: UTF-16 code units and ICU word segments over them.
///
/// Offsets everywhere are UTF-16 code units into `units`, as in `SourceDocument.utf16`.
struct TokenizedText {
    /// ICU's segment itself: a text whose segments were made already (`init(units:segments:)`)
    /// keeps their array, which no copy then makes and frees again for every text.
    typealias Token = Segment

    let units: [UInt16]
    let tokens: [Token]
    /// Whether any unit is a decimal digit (`CodeUnit.isDecimalDigit`), a surrogate or U+066B:
    /// found once for the text, it spares asking each token of a text without digits for one.
    let mayHaveDigit: Bool
    /// Whether any unit lies at U+0660 or above: a CJK date needs `月` (U+6708).
    let hasUnitsFromU0660: Bool
    /// Folded tokens, made at the first `folded(_:)`: the date reader asks each letter token for
    /// a month name and an ordinal, and the number reader for a number word.
    private let foldedTokens: FoldedTokens

    private final class FoldedTokens {
        /// The tokens folded so far, in the order asked: the readers' filters leave a sentence a
        /// few words to fold, which a short list finds without an array of `count` optionals
        /// made and destroyed for every text.
        var recent: [(index: Int, value: String)] = []
        /// By token, once more than `recentLimit` tokens are folded (a long text read at once).
        var values: [String?] = []
        let count: Int
        init(count: Int) { self.count = count }

        static let recentLimit = 16

        func value(at index: Int) -> String? {
            if !values.isEmpty { return values[index] }
            for entry in recent where entry.index == index { return entry.value }
            return nil
        }

        func store(_ value: String, at index: Int) {
            if values.isEmpty, recent.count < Self.recentLimit {
                // Room for all at once: grown from empty, the list was copied at the second,
                // third and fifth word folded, and most texts fold a few.
                if recent.isEmpty { recent.reserveCapacity(Self.recentLimit) }
                recent.append((index, value))
                return
            }
            if values.isEmpty {
                values = Array(repeating: nil, count: count)
                for entry in recent { values[entry.index] = entry.value }
                recent = []
            }
            values[index] = value
        }
    }

    init(units: [UInt16], segmenter: TextSegmenter) {
        self.units = units
        var tokens: [Token] = []
        units.withUnsafeBufferPointer { buffer in
            segmenter.forEachSegment(in: buffer) { tokens.append($0) }
        }
        self.tokens = tokens
        foldedTokens = FoldedTokens(count: tokens.count)
        (mayHaveDigit, hasUnitsFromU0660) = Self.digitScan(units)
    }

    /// The text of segments made already (ICU word segments of `units`).
    init(units: [UInt16], segments: [Segment]) {
        self.units = units
        tokens = segments
        foldedTokens = FoldedTokens(count: tokens.count)
        (mayHaveDigit, hasUnitsFromU0660) = Self.digitScan(units)
    }

    /// `mayHaveDigit` and `hasUnitsFromU0660`, from the least distance above `0` (ASCII digits
    /// are the units less than 10 above it) and the greatest unit: a minimum and a maximum
    /// need no branch on the data, so the loop is vectorized. Only a text with units from
    /// U+0660 up and no ASCII digit is read a second time.
    static func digitScan(_ units: [UInt16]) -> (mayHaveDigit: Bool, hasUnitsFromU0660: Bool) {
        var leastAboveZero = UInt16.max
        var greatest: UInt16 = 0
        units.withUnsafeBufferPointer { buffer in
            for unit in buffer {
                leastAboveZero = min(leastAboveZero, unit &- 0x30)
                greatest = max(greatest, unit)
            }
        }
        let high = greatest >= 0x0660
        guard leastAboveZero >= 10, high else { return (leastAboveZero < 10, high) }
        // The units from U+0660 up in most texts without an ASCII digit are quotes and dashes
        // (`„…“`, `–`): asked one by one, they leave such a text digitless, so that no token of
        // it is scanned for a digit again. What ICU may segment as a number without a digit
        // `hasDigit` reads counts as one here, so that every number token has a unit the scan
        // finds: a surrogate, and the Arabic decimal separator U+066B (a number token alone).
        let digit = units.contains { $0 >= 0x0660 && ($0 == 0x066B || Unicode.UTF16.isLeadSurrogate($0)
                                                      || Unicode.UTF16.isTrailSurrogate($0) || CodeUnit.isDecimalDigit($0)) }
        return (digit, true)
    }

    func text(_ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer { UTF16.decode(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func text(ofToken index: Int) -> String { text(tokens[index].range) }

    /// The token's text case-folded, for lexicon lookups; empty past either end of the text.
    func folded(_ index: Int) -> String {
        guard isValid(index) else { return "" }
        if let made = foldedTokens.value(at: index) { return made }
        let range = tokens[index].range
        let made = Self.foldedASCII(units[range]) ?? Self.foldedLatin1(units[range]) ?? CaseMapping.fold(text(range))
        foldedTokens.store(made, at: index)
        return made
    }

    /// The units of a valid token, as a buffer: the readers ask the shape of most tokens of a
    /// text, and a slice of `units` for each retained and released the array.
    @inline(__always)
    func withUnits<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt16>) -> Result) -> Result {
        let token = tokens[index]
        return units.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[token.start..<token.end])) }
    }

    /// Whether the token, folded, may be one of the keys `shapes` was made of; asked before
    /// `folded(_:)`, it spares folding the words around a number (`sich 76 Delegierte`).
    func mayBeKey(_ index: Int, in shapes: KeyShapes) -> Bool {
        guard isValid(index) else { return true }
        return withUnits(of: index) { shapes.mayContain(foldingASCII: $0) }
    }

    /// Whether the token, folded, is one of `words`; most tokens are ruled out by their shape
    /// without being folded.
    func isWord(_ index: Int, in words: ShapedWords) -> Bool {
        mayBeKey(index, in: words.shapes) && words.words.contains(folded(index))
    }

    /// Whether the token's folded text may be a key of the lexicon `filter` was made for; asked
    /// before `folded(_:)`, it spares folding most words of a text.
    func mayBeKey(_ index: Int, in filter: ASCIIKeyFilter) -> Bool {
        guard isValid(index) else { return true }
        return withUnits(of: index) { filter.mayContain(foldingASCII: $0) }
    }

    /// Whether the token may be a number word or a compound of them (`NumberWords.mayBeCompound`):
    /// a German text's every word was folded and split into prefixes to find out.
    func mayBeCompound(_ index: Int, in numberWords: NumberWords) -> Bool {
        guard isValid(index) else { return true }
        return withUnits(of: index) { numberWords.mayBeCompound(foldingASCII: $0) }
    }

    /// What `CaseMapping.fold` makes of ASCII code units (only `A`–`Z` change under default
    /// folding), without decoding them to a `String` and folding that: the date and number
    /// readers fold most letter tokens of a text several times. `nil` when a unit is not ASCII.
    static func foldedASCII(_ units: ArraySlice<UInt16>) -> String? {
        guard !units.isEmpty else { return "" }
        for unit in units where unit >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: units.count) { buffer in
            var offset = 0
            for unit in units {
                let byte = UInt8(truncatingIfNeeded: unit)
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                offset += 1
            }
            return offset
        }
    }

    /// What `CaseMapping.fold` makes of Latin-1 code units (`Über`, `März`, `Straße`): default
    /// full folding maps `A`–`Z` and `À`–`Þ` (but `×`) 32 up and `ß` to `ss`; `µ`, which folds to
    /// Greek, is left to ICU, as is any unit above U+00FF. German and French words, which ICU
    /// folded through two copies of the word, are folded on their units. `nil` when a unit is
    /// not Latin-1 or is `µ`.
    static func foldedLatin1(_ units: ArraySlice<UInt16>) -> String? {
        var length = 0
        for unit in units {
            guard unit < 0x100, unit != 0xB5 else { return nil }
            length += unit < 0x80 || unit == 0xDF ? 1 : 2
            if unit == 0xDF { length += 1 }
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var offset = 0
            for unit in units {
                var byte = UInt8(truncatingIfNeeded: unit)
                if byte == 0xDF {
                    buffer[offset] = 0x73
                    buffer[offset + 1] = 0x73
                    offset += 2
                    continue
                }
                if byte >= 0x41 && byte <= 0x5A || byte >= 0xC0 && byte <= 0xDE && byte != 0xD7 { byte |= 0x20 }
                if byte < 0x80 {
                    buffer[offset] = byte
                    offset += 1
                } else {
                    buffer[offset] = 0xC0 | (byte >> 6)
                    buffer[offset + 1] = 0x80 | (byte & 0x3F)
                    offset += 2
                }
            }
            return offset
        }
    }

    /// The index of the token that starts at `offset`, if one does.
    func tokenIndex(startingAt offset: Int) -> Int? {
        let index = tokens.partitionPoint { $0.start < offset }
        return index < tokens.count && tokens[index].start == offset ? index : nil
    }

    // MARK: Token tests

    func isValid(_ index: Int) -> Bool { index >= 0 && index < tokens.count }

    /// The token is exactly one code unit, one of `candidates` (an array: the readers ask this of
    /// most tokens with a literal of one to four units, which a `Set` hashed into anew each time).
    func isSingle(_ index: Int, _ candidates: [UInt16]) -> Bool {
        guard isValid(index), tokens[index].end - tokens[index].start == 1 else { return false }
        return candidates.contains(units[tokens[index].start])
    }

    /// The token is spaces or tabs only (no line break): what may stand between the parts of a date.
    func isInlineSpace(_ index: Int) -> Bool {
        guard isValid(index) else { return false }
        return units[tokens[index].range].allSatisfy(CodeUnit.isInlineSpace)
    }

    /// The token is white space of any kind, line breaks included.
    func isWhitespace(_ index: Int) -> Bool {
        guard isValid(index) else { return false }
        return units[tokens[index].range].allSatisfy(CodeUnit.isWhitespace)
    }

    /// The token is ASCII digits only, `count` of them when given.
    func isDigits(_ index: Int, count: ClosedRange<Int>? = nil) -> Bool {
        guard isValid(index) else { return false }
        let token = tokens[index]
        if let count, !count.contains(token.end - token.start) { return false }
        return units[token.range].allSatisfy(CodeUnit.isASCIIDigit)
    }

    /// The integer value of an ASCII-digit token.
    func integer(_ index: Int) -> Int? { CodeUnit.integer(units[tokens[index].range]) }

    /// The token holds at least one letter.
    func hasLetter(_ index: Int) -> Bool {
        guard isValid(index) else { return false }
        return units[tokens[index].range].contains(where: CodeUnit.isLetter)
    }

    /// The token holds at least one decimal digit (of any script).
    @inline(__always)
    func hasDigit(_ index: Int) -> Bool {
        guard mayHaveDigit, isValid(index) else { return false }
        // On the buffer: the readers ask every token of a text with a digit, and a slice of
        // `units` for each was a tenth of the number reader's time.
        let token = tokens[index]
        return units.withUnsafeBufferPointer { buffer in
            for offset in token.start..<token.end where CodeUnit.isDecimalDigit(buffer[offset]) { return true }
            return false
        }
    }
}

extension Segment {
    var range: Range<Int> { start..<end }
}

// MARK: - Key shapes

/// Rules out words that are no key of a lexicon (month names, number words) by their first
/// two units, last unit and length taken together, as `TokenizedText.folded` would fold them:
/// closer than `ASCIIKeyFilter`, which asks the first and the last letter apart and lets
/// through every word with a non-ASCII letter; the date and number readers ask it of every
/// word of every sentence.
struct KeyShapes: Sendable {
    /// Bit `shape(...) % 4096` set for each key whose canonical decomposition is ASCII: a
    /// `String` equals a key when they are canonically equivalent, so an ASCII word equals
    /// only such a key, and then has its bytes. Two shapes may share a bit: `true` is no proof.
    ///
    /// A word with other units between (`Gespräche`, `Maßnahmen`) has a shape of length 0:
    /// folding and decomposing may change its length, but its first two units and its last,
    /// ASCII, stay the first two and the last scalars of its folded decomposition (ASCII
    /// characters are starters, and fold to one ASCII character). So each key of three
    /// scalars or more whose decomposition has ASCII there is entered with length 0 too.
    private var bits = [UInt64](repeating: 0, count: 64)

    init(keys: some Sequence<String>) {
        for key in keys {
            let scalars = Array(key.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value))
            guard let first = scalars.first, let last = scalars.last, first < 0x80, last < 0x80,
                  scalars[min(1, scalars.count - 1)] < 0x80 else { continue }
            let second = UInt16(scalars[min(1, scalars.count - 1)])
            if scalars.allSatisfy({ $0 < 0x80 }) {
                let bit = Self.shape(UInt16(first), second, UInt16(last), scalars.count)
                bits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            if scalars.count >= 3 {
                let bit = Self.shape(UInt16(first), second, UInt16(last), 0)
                bits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    static func shape(_ first: UInt16, _ second: UInt16, _ last: UInt16, _ count: Int) -> Int {
        shape(edges: edgeHash(first, second, last), count)
    }

    /// The part of `shape` that the first two units and the last make.
    @inline(__always)
    private static func edgeHash(_ first: UInt16, _ second: UInt16, _ last: UInt16) -> UInt32 {
        let hash = UInt32(first) &* 31 &+ UInt32(second)
        return hash &* 31 &+ UInt32(last)
    }

    @inline(__always)
    private static func shape(edges: UInt32, _ count: Int) -> Int {
        let hash = edges &* 31 &+ UInt32(truncatingIfNeeded: count)
        return Int((hash &* 2_654_435_761) >> 20)
    }

    @inline(__always)
    func isSet(_ bit: Int) -> Bool { bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }

    /// `false` only when the units, folded as `TokenizedText.folded` folds them, equal no
    /// key: their first two units and their last are ASCII (`A`–`Z` fold to lower case), and
    /// no key has that shape.
    func mayContain<Units: RandomAccessCollection<UInt16>>(foldingASCII units: Units) -> Bool where Units.Index == Int {
        guard let first = units.first, let last = units.last else { return true }
        let second = units[units.startIndex + min(1, units.count - 1)]
        guard first < 0x80, second < 0x80, last < 0x80 else { return true }
        func folded(_ unit: UInt16) -> UInt16 { unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit }
        // The word's shape has its length when it is all ASCII, else length 0. Most words match
        // neither shape, and then need not be scanned for a unit that is not ASCII (nor, when
        // both match, scanned either): a profile of a news check lost two fifths of this test.
        let edges = Self.edgeHash(folded(first), folded(second), folded(last))
        let asASCII = isSet(Self.shape(edges: edges, units.count)), asOther = isSet(Self.shape(edges: edges, 0))
        guard asASCII != asOther else { return asASCII }
        return units.contains { $0 >= 0x80 } ? asOther : asASCII
    }
}

/// A set of folded words kept with its `KeyShapes`, so that no caller can ask the set without
/// the shapes or pair it with another set's shapes: `TokenizedText.isWord(_:in:)` folds a token
/// only when its shape may be one of the words.
struct ShapedWords: Sendable {
    let words: Set<String>
    let shapes: KeyShapes

    init(_ words: Set<String>) {
        self.words = words
        shapes = KeyShapes(keys: words)
    }

    var isEmpty: Bool { words.isEmpty }
}

// MARK: - Code units

/// Classification of single UTF-16 code units. Surrogates count as letters: the astral planes
/// hold mostly CJK ideographs and historic scripts, and none of the marks Lector looks for.
enum CodeUnit {
    static func isASCIIDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

    static func isDecimalDigit(_ unit: UInt16) -> Bool {
        if isASCIIDigit(unit) { return true }
        // No decimal digit lies between ASCII's and the Arabic-Indic ones (U+0660): Latin,
        // Greek and Cyrillic letters need no property look-up.
        guard unit >= 0x0660, let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.numericType == .decimal
    }

    static func isLetter(_ unit: UInt16) -> Bool {
        // The ASCII letters are the only Alphabetic ASCII characters; no table look-up for them
        // (`QuoteScanner` asks about the neighbours of every bracket).
        if unit < 0x80 { return (unit | 0x20) &- 0x61 < 26 }
        if (0xD800..<0xE000).contains(unit) { return true }
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return Latin1ScalarProperties.isAlphabetic(scalar)
    }

    static func isUppercase(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return Latin1ScalarProperties.isUppercase(scalar)
    }

    /// Spaces that may separate digit groups or a number from its unit, but no line break:
    /// U+0020, tab, NBSP, figure/thin/hair spaces, narrow NBSP.
    static func isInlineSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x20, 0x09, 0xA0, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F: return true
        default: return false
        }
    }

    static func isLineBreak(_ unit: UInt16) -> Bool {
        unit == 0x0A || unit == 0x0D || unit == 0x0B || unit == 0x0C || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }

    static func isWhitespace(_ unit: UInt16) -> Bool {
        if isInlineSpace(unit) || isLineBreak(unit) { return true }
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return Latin1ScalarProperties.isWhitespace(scalar)
    }

    /// The value of a run of ASCII digits; `nil` if empty, not all digits, or too long.
    static func integer<C: Collection<UInt16>>(_ digits: C) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for unit in digits {
            guard isASCIIDigit(unit) else { return nil }
            value = value * 10 + Int(unit - 0x30)
        }
        return value
    }
}
