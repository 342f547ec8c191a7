import LectorText

/// The explicit conditions of `garbled.sentence`, each returning what it saw or `nil`.
public enum GarbledConditions {
    /// German `, die Anerkennung …` after a list: an article opening the next item, which MT may
    /// read as a relative pronoun (`, which recognizes …`). Fires when the translation has more
    /// relative clauses after commas than the source, and the source has such an article.
    public static func relativeClause(source: String, target: String, sourceLanguage: String, targetLanguage: String) -> String? {
        // The language's pronouns are taken out only where the source has an article after a
        // comma: taken for every pair, the set, which every thread shares, was retained and
        // released each time (its count moved between the cores).
        guard sourceLanguage == "de", GarbledSignalExtractor.relativePronouns.index(forKey: targetLanguage) != nil else { return nil }
        let sourceWords = GarbledSignalExtractor.tokensAfterCommas(source)
        var articles: [String] = []
        var relatives = 0
        for (word, next, afterNext) in sourceWords {
            let lower = word.lowercased()
            if ["welcher", "welche", "welches", "welchem", "welchen", "dessen", "deren"].contains(lower) {
                relatives += 1
            } else if ["der", "die", "das", "dem", "den", "des"].contains(lower) {
                let nounFollows = next.first?.isUppercase == true
                let adjectiveThenNoun = next.first?.isLowercase == true && afterNext.first?.isUppercase == true
                    && ["e", "en", "er", "es", "em"].contains(where: { next.hasSuffix($0) })
                if nounFollows || adjectiveThenNoun {
                    articles.append("\(word) \(next)")
                } else {
                    relatives += 1
                }
            }
        }
        // Without an article after a comma in the source the translation is not read.
        guard !articles.isEmpty, let targetPronouns = GarbledSignalExtractor.relativePronouns[targetLanguage] else { return nil }
        let targetRelatives = GarbledSignalExtractor.tokensAfterCommas(target).filter { targetPronouns.contains($0.word.lowercased()) }
        guard targetRelatives.count > relatives, let clause = targetRelatives.first else { return nil }
        return "the list item “, \(articles[0])” of the source became a relative clause “, \(clause.word) \(clause.next)” "
            + "(the German article was read as a relative pronoun)"
    }

    // MARK: - Nothing in common

    /// At least this many content words that the dictionary knows on each side.
    static let minimumKnownWords = 4
    /// At most this share of them may have a counterpart on the other side.
    static let maximumAlignedShare = 0.15

    /// A translation that has nothing in common with its source: of the content words the
    /// bilingual dictionary knows on either side, (almost) none has a counterpart on the other
    /// side, where a translation aligns about half of them (see README, *Garbled sentences*).
    static func nothingInCommon(_ counts: AlignmentCounts) -> String? {
        guard counts.sourceKnown >= minimumKnownWords, counts.targetKnown >= minimumKnownWords,
              Double(counts.sourceAligned) <= maximumAlignedShare * Double(counts.sourceKnown),
              Double(counts.targetAligned) <= maximumAlignedShare * Double(counts.targetKnown) else { return nil }
        return "nothing in the translation has a counterpart in the source (\(counts.sourceKnown) source words the dictionary knows, "
            + "\(counts.sourceAligned) aligned; a translation aligns about half)"
    }

    // MARK: - Loops

    /// A degenerate loop: the same one to four words three times in a row (`the talks the talks the
    /// talks`), or, in Japanese and Chinese, the same two to six characters three times in a row.
    /// Words that merely recur (`of the` three times in a long sentence) are ordinary language.
    public static func loop(in target: String, language: String) -> String? {
        loopFinding(in: target, language: language)?.description
    }

    /// `loop(in:language:)` with where the loop stands: `range` (UTF-16 offsets in `target`) spans
    /// its first three repetitions, so the finding lands on the loop and its text stays short
    /// however long the loop runs; the description counts every repetition in the row.
    public static func loopFinding(in target: String, language: String) -> (description: String, range: Range<Int>)? {
        let dense = GarbledSignalExtractor.denseScripts.contains(language)
        if dense {
            let characters = Array(target.filter { !$0.isWhitespace && !$0.isPunctuation })
            guard let run = repeatedRun(characters, lengths: 2...6, minimumUnit: 2) else { return nil }
            let count = repetitions(of: run, in: characters)
            let unit = String(characters[run.start..<(run.start + run.length)])
            let places = itemRanges(in: target) { !$0.isWhitespace && !$0.isPunctuation }
            return ("“\(unit)” repeated \(count)× in a row", span(of: run, in: places))
        }
        let words = GarbledSignalExtractor.words(target.lowercased())
        guard let run = repeatedRun(words, lengths: 1...4, minimumUnit: 1) else { return nil }
        let count = repetitions(of: run, in: words)
        let unit = words[run.start..<(run.start + run.length)].joined(separator: " ")
        let places = wordRanges(in: target)
        // Lower-casing may split or join a word in rare scripts; the sentence is then the place.
        let range = places.count == words.count ? span(of: run, in: places) : 0..<target.utf16.count
        return ("“\(unit)” repeated \(count)× in a row", range)
    }

    /// How many times in a row the run's unit stands from its start (three at least).
    private static func repetitions<T: Equatable>(of run: (start: Int, length: Int), in items: [T]) -> Int {
        let unit = items[run.start..<(run.start + run.length)]
        var count = 3
        var next = run.start + 3 * run.length
        while next + run.length <= items.count, items[next..<(next + run.length)].elementsEqual(unit) {
            count += 1
            next += run.length
        }
        return count
    }

    /// The UTF-16 range from the run's first item to the end of its third repetition.
    private static func span(of run: (start: Int, length: Int), in places: [Range<Int>]) -> Range<Int> {
        places[run.start].lowerBound..<places[run.start + 3 * run.length - 1].upperBound
    }

    /// The UTF-16 ranges of the words `GarbledSignalExtractor.words` reads (runs of letters,
    /// digits and apostrophes).
    private static func wordRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0
        var start: Int?
        for character in text {
            let isWord = character.isLetter || character.isNumber || character == "'" || character == "’"
            if isWord, start == nil { start = offset }
            if !isWord, let begun = start {
                ranges.append(begun..<offset)
                start = nil
            }
            offset += character.utf16.count
        }
        if let begun = start { ranges.append(begun..<offset) }
        return ranges
    }

    /// The UTF-16 range of each character of `text` that `keep` keeps.
    private static func itemRanges(in text: String, keep: (Character) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0
        for character in text {
            let length = character.utf16.count
            if keep(character) { ranges.append(offset..<(offset + length)) }
            offset += length
        }
        return ranges
    }

    /// Whether `loop(in:language:)` can find a loop in this text (not Japanese or Chinese), read
    /// off its code units without making strings: the words of `GarbledSignalExtractor.words` on
    /// ASCII text are the runs of letters, digits and `'`, compared in lower case, and are keyed
    /// here (`wordKey`); equal words have equal keys, so a loop of words is a loop of keys.
    /// `false` only when there is none; `nil` for text with non-ASCII units, which `loop` reads.
    static func mayLoop(ascii units: UnsafeBufferPointer<UInt16>) -> Bool? {
        wordsMayLoop(0..<units.count, of: units, apostrophes: true)
    }

    /// `mayLoop(ascii:)` for all the sentences of a paragraph at once. ICU breaks sentences only
    /// after a terminator, a closing mark, a space or a separator; of the characters of ASCII
    /// words only `'` is one of them (a closing mark). In an ASCII paragraph without `'`, every
    /// sentence's words are therefore a stretch of the paragraph's words, and a paragraph whose
    /// words hold no loop has no sentence with one. `nil` for other paragraphs.
    static func mayLoop(paragraph units: UnsafeBufferPointer<UInt16>) -> Bool? {
        wordsMayLoop(0..<units.count, of: units, apostrophes: false)
    }

    /// `mayLoop(paragraph:)` of `text[paragraph]`, reading `text` past the paragraph's end
    /// where that saves reading units one by one (and answering for the paragraph alone).
    static func mayLoop(paragraph: Range<Int>, of text: UnsafeBufferPointer<UInt16>) -> Bool? {
        wordsMayLoop(paragraph, of: text, apostrophes: false)
    }

    /// Whether `repeatedRun(hashes, lengths: 1...4, minimumUnit: 1)` finds a run (hashes are no
    /// strings, so no run is passed over as a short token).
    static func hasRepeatedRun(_ hashes: [UInt64], lengths: ClosedRange<Int>) -> Bool {
        precondition(lengths == 1...4, "RepeatWatch watches runs of 1 to 4 items")
        var watch = RepeatWatch()
        return hashes.contains { watch.add($0) }
    }

    /// `hasRepeatedRun` one item at a time. A run of `n` items three times in a row is `2n`
    /// items in a row that each equal the item `n` before them: one comparison per item and
    /// length, without the slices `repeatedRun` compares. Most items equal none of the four
    /// before them, and only reset the counts.
    struct RepeatWatch {
        /// The last four items, the latest first.
        private var recent: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        /// How many items came, up to 4.
        private var count = 0
        /// For runs of 1…4 items, how many items in a row equal the one that many before them:
        /// 16 bits each, runs of one item lowest (one register: the word loop has few to spare).
        private var streaks: UInt64 = 0

        /// Adds the next item; whether a run of 1 to 4 items has now come three times in a row
        /// (after which the watch is not to be fed).
        @inline(__always)
        mutating func add(_ item: UInt64) -> Bool {
            let hits = (item == recent.0 ? 1 : 0) | (item == recent.1 ? 2 : 0) | (item == recent.2 ? 4 : 0) | (item == recent.3 ? 8 : 0)
            recent = (item, recent.0, recent.1, recent.2)
            let earlier = count
            count = min(count &+ 1, 4)
            guard hits != 0 else {
                streaks = 0
                return false
            }
            var next: UInt64 = 0
            for length in 1...4 where hits & (1 << (length - 1)) != 0 && earlier >= length {
                let shift = UInt64(16 * (length - 1))
                let streak = (streaks >> shift & 0xFFFF) + 1
                if streak >= 2 * UInt64(length) { return true }
                next |= streak << shift
            }
            streaks = next
            return false
        }
    }

    /// The words of ASCII text (runs of letters, digits and, with `apostrophes`, `'`) fed to a
    /// `RepeatWatch` by key; `nil` for text with a non-ASCII unit, or with a `'` unless
    /// `apostrophes`.
    ///
    /// Sixteen units are classified at a time (`UTF16Lanes`), into one bit each for up to 64
    /// units; the words are read off the bits where they start and end, so the time goes by
    /// word, not by letter (a hash that took every letter in turn was most of the rule's time on
    /// text without a source).
    static func wordsMayLoop(_ range: Range<Int>, of text: UnsafeBufferPointer<UInt16>, apostrophes: Bool) -> Bool? {
        // The keys of one stretch of 64 units (32 words at most) are made before any is watched:
        // the word loop then keeps its state in registers, not the watch's as well.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { keys -> Bool? in
            guard let origin = text.baseAddress, !range.isEmpty else { return false }
            typealias Lanes = UTF16Lanes
            let base = origin + range.lowerBound
            let count = range.count
            // Units that may be loaded (the first `count` are the text's).
            let readable = text.count - range.lowerBound
            var watch = RepeatWatch()
            var looped = false
            // Where a word left open at the end of the last 64 units started, or -1.
            var openWord = -1
            var index = 0
            while index < count {
                let length = min(64, count - index)
                var word: UInt64 = 0
                var rejected = Lanes.Block(repeating: 0)
                var offset = 0
                while offset < length, index + offset + Lanes.Block.scalarCount <= readable {
                    let block = Lanes.load(base + index + offset)
                    let letterOrDigit = Lanes.within(block | 0x20, low: Lanes.Block(repeating: 0x61), widthPlusOne: Lanes.Block(repeating: 26))
                        | Lanes.within(block, low: Lanes.Block(repeating: 0x30), widthPlusOne: Lanes.Block(repeating: 10))
                    let apostrophe = Lanes.equal(block, 0x27)
                    let words = Lanes.bits(apostrophes ? letterOrDigit | apostrophe : letterOrDigit)
                    if length - offset >= Lanes.Block.scalarCount {
                        rejected |= block & 0xFF80
                        if !apostrophes { rejected |= apostrophe }
                        word |= UInt64(words) << offset
                    } else {
                        // The text's last units: what follows them is read, and left out.
                        let inside: UInt16 = (1 << UInt16(length - offset)) - 1
                        let nonASCII = ~Lanes.isZero(block & 0xFF80)
                        guard Lanes.bits(apostrophes ? nonASCII : nonASCII | apostrophe) & inside == 0 else { return nil }
                        word |= UInt64(words & inside) << offset
                    }
                    offset += Lanes.Block.scalarCount
                }
                guard !Lanes.any(rejected, mask: 0xFF80) else { return nil }
                while offset < length {
                    let unit = base[index + offset]
                    guard unit < 0x80, apostrophes || unit != 0x27 else { return nil }
                    let lower = unit | 0x20
                    if (lower >= 0x61 && lower <= 0x7A) || (unit >= 0x30 && unit <= 0x39) || unit == 0x27 { word |= 1 << offset }
                    offset += 1
                }
                // Words start where a word unit follows another unit, and end where a word unit is
                // followed by another unit; starts and ends alternate.
                let before = word << 1 | (openWord >= 0 ? 1 : 0)
                let inside: UInt64 = length == 64 ? ~0 : (1 << UInt64(length)) - 1
                var starts = word & ~before
                var ends = ~word & before & inside
                var keyCount = 0
                while ends != 0 {
                    let end = index &+ ends.trailingZeroBitCount
                    ends &= ends &- 1
                    let start: Int
                    if openWord >= 0 {
                        start = openWord
                        openWord = -1
                    } else {
                        start = index &+ starts.trailingZeroBitCount
                        starts &= starts &- 1
                    }
                    keys[keyCount] = wordKey(base, readable, start..<end)
                    keyCount &+= 1
                }
                if starts != 0 { openWord = index &+ starts.trailingZeroBitCount }
                if !looped { looped = keys[..<keyCount].contains { watch.add($0) } }
                index += length
            }
            if openWord >= 0, !looped, watch.add(wordKey(base, readable, openWord..<count)) { looped = true }
            return looped
        }
    }

    /// A key of the lower-cased ASCII word at `range` of the `count` units readable at `base`, the same for
    /// equal words: its length and its first and last four units (or fewer), lower-cased by
    /// setting bit 5, which maps `A`…`Z` to `a`…`z` and keeps digits and `'`.
    @inline(__always)
    private static func wordKey(_ base: UnsafePointer<UInt16>, _ count: Int, _ range: Range<Int>) -> UInt64 {
        let length = range.upperBound &- range.lowerBound
        // Lanes past the fourth: 4 - length where that is positive, else 0, without a branch on
        // the length (which is not to be guessed).
        let shortfall = (4 &- length) & ~((4 &- length) >> (Int.bitWidth - 1))
        let lanes = 4 &- shortfall
        let keep = UInt64.max >> UInt64(16 &* shortfall)
        let last = range.upperBound &- lanes
        let first: UInt64, final: UInt64
        if range.lowerBound &+ 4 <= count, last &+ 4 <= count {
            first = UInt64(littleEndian: UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self))
            final = UInt64(littleEndian: UnsafeRawPointer(base + last).loadUnaligned(as: UInt64.self))
        } else {
            (first, final) = (units(base, from: range.lowerBound, lanes), units(base, from: last, lanes))
        }
        let lower: UInt64 = 0x0020_0020_0020_0020
        return ((first | lower) & keep) &* 0x9E37_79B9_7F4A_7C15 ^ ((final | lower) & keep) ^ UInt64(truncatingIfNeeded: length) << 8
    }

    /// `lanes` units from `start` in the 16-bit lanes of a `UInt64`, as a little-endian load puts them.
    @inline(never)
    private static func units(_ base: UnsafePointer<UInt16>, from start: Int, _ lanes: Int) -> UInt64 {
        var value: UInt64 = 0
        for lane in 0..<lanes { value |= UInt64(base[start + lane]) << (16 * UInt64(lane)) }
        return value
    }

    /// The first run of `n` items (n in `lengths`) that occurs three times in a row: where it
    /// starts and its length `n`.
    static func repeatedRun<T: Equatable>(_ items: [T], lengths: ClosedRange<Int>,
                                          minimumUnit: Int) -> (start: Int, length: Int)? {
        for length in lengths where items.count >= 3 * length {
            for start in 0...(items.count - 3 * length) {
                let unit = items[start..<(start + length)]
                if items[(start + length)..<(start + 2 * length)].elementsEqual(unit),
                   items[(start + 2 * length)..<(start + 3 * length)].elementsEqual(unit) {
                    // One repeated short token (`ha ha ha`, `1 1 1`) is ordinary in comments.
                    if length == 1, let word = unit.first as? String, word.count < 3 { continue }
                    return (start, length)
                }
            }
        }
        return nil
    }

    // MARK: - Length

    /// Japanese, Chinese and Korean text says in one character what alphabetic text says in about
    /// three; lengths are compared in these comparable units.
    ///
    /// Counted on the string's UTF-8 bytes where they are contiguous (every native string): an
    /// ASCII byte is a scalar of its own, and only a lead byte of a longer sequence is decoded.
    /// The walk over `unicodeScalars` it replaces (`scalarLength`) was about 1,600 instructions a
    /// text, for the source and target of every pair.
    static func comparableLength(_ text: String) -> Double {
        if let units = text.utf8.withContiguousStorageIfAvailable({ comparableUnits(utf8: $0) }) { return Double(units) }
        return scalarLength(text)
    }

    /// `comparableLength` of valid UTF-8 bytes. Eight ASCII bytes are read a step, their white
    /// space marked in each byte's high bit (`asciiWhiteSpace`) and counted a byte lane at a time;
    /// a step with a byte of a longer sequence, and the last bytes, go one scalar at a time.
    private static func comparableUnits(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        var units = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // At most 31 steps before the lanes are added up: a lane then holds at most 31 and
            // all eight at most 248, so their sum (by a multiplication) carries into no lane.
            var lanes: UInt64 = 0
            var steps = 0
            while steps < 31, index &+ 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                guard word & (ones &* 0x80) == 0 else { break }
                lanes &+= asciiWhiteSpace(word) >> 7
                steps &+= 1
                index &+= 8
            }
            units &+= steps &* 8 &- Int(truncatingIfNeeded: (lanes &* ones) >> 56)
            if steps > 0 { continue }
            let lead = bytes[index]
            if lead < 0x80 {
                // ASCII's white space: tab to carriage return (0x09...0x0D), and space.
                units &+= lead == 0x20 || lead &- 0x09 < 5 ? 0 : 1
                index &+= 1
                continue
            }
            // A lead byte: the string's bytes are valid UTF-8, so its continuation bytes follow.
            var value: UInt32
            let length: Int
            switch lead {
            case ..<0xE0: value = UInt32(lead & 0x1F); length = 2
            case ..<0xF0: value = UInt32(lead & 0x0F); length = 3
            default: value = UInt32(lead & 0x07); length = 4
            }
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index &+ offset] & 0x3F) }
            // A String's bytes always decode; were one not to, it would count as a character.
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if !Latin1ScalarProperties.isWhitespace(scalar) { units &+= isDense(scalar) ? 3 : 1 }
            index &+= length
        }
        return units
    }

    /// The high bit of each byte of eight ASCII bytes (every high bit clear) that is white space:
    /// a space, or tab to carriage return. No step borrows or carries across bytes: each byte is
    /// below 0x80 before and at least 0x72 after a subtraction from it with its high bit set.
    @inline(__always)
    private static func asciiWhiteSpace(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80, low = ones &* 0x7F
        let fromSpace = word ^ (ones &* 0x20)
        let isSpace = ~(((fromSpace & low) &+ low) | fromSpace) & high
        let raised = word | high
        let fromTab = raised &- ones &* 0x09, pastReturn = raised &- ones &* 0x0E
        return isSpace | (fromTab & ~pastReturn & high)
    }

    /// `comparableLength` scalar by scalar: strings whose UTF-8 is not contiguous (bridged), and
    /// the reference the byte walk is tested against.
    static func scalarLength(_ text: String) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            // ASCII's white space (tab to carriage return, space) without a call per letter.
            if scalar.value < 0x80 {
                if scalar.value != 0x20 && (scalar.value < 0x09 || scalar.value > 0x0D) { units += 1 }
            } else if !Latin1ScalarProperties.isWhitespace(scalar) {
                units += isDense(scalar) ? 3 : 1
            }
        }
        return Double(units)
    }

    static func isDense(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    /// Bounds of target length / source length in comparable units outside which no translation
    /// in the perturbation suite's tune split falls (see README, *Garbled sentences*); the
    /// defaults of `garbled.sentence`'s options.
    public static let lengthBounds = (low: 0.3, high: 3.2)
    public static let minimumSourceLength = 40

    /// A translation far shorter or longer than its source (ratio outside `bounds`), for sources
    /// of `minimumSourceLength` units or more.
    public static func length(source: String, target: String, bounds: (low: Double, high: Double) = lengthBounds,
                              minimumSourceLength: Int = minimumSourceLength) -> String? {
        let sourceLength = comparableLength(source), targetLength = comparableLength(target)
        guard sourceLength >= Double(minimumSourceLength), targetLength > 0 else { return nil }
        let ratio = targetLength / sourceLength
        guard ratio < bounds.low || ratio > bounds.high else { return nil }
        return "the translation is \(Int((ratio * 100).rounded())) % as long as its source"
            + (ratio < 1 ? " (part of it is missing)" : " (it says more than the source)")
    }
}
