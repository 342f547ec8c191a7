import Foundation
import LectorICU

/// Word segmentation by ICU's rules (UAX #29 as tailored for the locale), with a fast path for
/// ASCII text.
///
/// ICU's break iterator costs about 10 ns per code unit, as much as all the rest of glossary
/// matching. Runs of ASCII text are split here instead, by the same rules restricted to ASCII
/// (WB5–WB13b: letters, digits, `_`, and `.` `'` `,` `;` between letters or digits); every
/// stretch of text around a non-ASCII code unit goes to ICU, cut at boundaries where ICU's
/// segmentation cannot depend on what lies outside the stretch (before a space or a line break
/// that follows an ASCII character other than a space or CR).
///
/// The word-break class of each ASCII character is read from the ICU in use, once per locale
/// and process, by segmenting probe strings (ICU 72 joins `@` to letters, later versions do
/// not; Finnish and Swedish treat `:` as a mid-letter). The fast path is then checked against
/// ICU on probes covering every ASCII character in every rule context, and turned off if any
/// disagrees: ICU then does everything.
package final class WordSegmenter {
    private let icu: TextSegmenter
    /// The calibrated ASCII classes, or `nil`: no fast path.
    private let classes: [ASCIIClass]?
    package var usesFastPath: Bool { classes != nil }

    package init(locale: String) throws(ICUError) {
        icu = try TextSegmenter(.word, locale: locale)
        classes = Self.calibratedClasses(locale: locale)
    }

    /// Calls `body` with the start, end and kind of every word-like segment (letters, numbers,
    /// kana, ideographs) of `text`, in order: exactly the segments of ICU's word break iterator
    /// whose rule status is not `none`.
    @inline(__always)
    package func forEachWord(in text: UnsafeBufferPointer<UInt16>, _ body: (Int, Int, WordKind) -> Void) {
        if let classes {
            classes.withUnsafeBufferPointer { Self.forEachWordHybrid(in: text, classes: $0, icu: icu, body) }
        } else {
            icu.forEachSegment(in: text) { segment in
                if segment.kind.isWordLike { body(segment.start, segment.end, segment.kind) }
            }
        }
    }

    /// The word-like segments of `forEachWord` as a list (`WordSpans`), for glossary matching
    /// and the rules that read the same words.
    package func words(in document: SourceDocument) -> WordSpans {
        document.utf16.withUnsafeBufferPointer { words(in: $0) }
    }

    package func words(in text: UnsafeBufferPointer<UInt16>) -> WordSpans {
        // About one word per six units of prose: no growth, usually.
        var writer = WordSpans.Writer(expected: text.count / 5)
        forEachWord(in: text) { start, end, kind in writer.append(start: start, end: end, kind: kind) }
        return writer.finish()
    }

    // MARK: - The hybrid walk

    static func forEachWordHybrid(in text: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<ASCIIClass>,
                                  icu: TextSegmenter, _ body: (Int, Int, WordKind) -> Void) {
        forEachStretch(in: text) { start, end in
            forEachASCIIWord(in: text, from: start, to: end, classes: classes, body)
        } island: { start, end in
            let island = UnsafeBufferPointer(rebasing: text[start..<end])
            icu.forEachSegment(in: island) { segment in
                if segment.kind.isWordLike { body(start + segment.start, start + segment.end, segment.kind) }
            }
        }
    }

    /// Cuts `text` into ASCII stretches (`ascii`) and the stretches around its non-ASCII units
    /// that ICU must split (`island`), in order: each island runs from the last safe boundary
    /// before a non-ASCII unit to the first one after it.
    @inline(__always)
    static func forEachStretch(in text: UnsafeBufferPointer<UInt16>, ascii: (Int, Int) -> Void, island: (Int, Int) -> Void) {
        let count = text.count
        var position = 0
        while position < count {
            // The next non-ASCII unit.
            var next = position
            while next < count, text[next] < 0x80 { next += 1 }
            if next == count {
                ascii(position, count)
                return
            }
            // ICU takes the stretch from the last safe boundary before it to the first one after.
            var islandStart = next
            while islandStart > position, !isSafeBoundary(text, islandStart) { islandStart -= 1 }
            var islandEnd = next + 1
            while islandEnd < count, !isSafeBoundary(text, islandEnd) { islandEnd += 1 }
            ascii(position, islandStart)
            island(islandStart, islandEnd)
            position = islandEnd
        }
    }

    /// A position where ICU always breaks and after which its segmentation does not depend on
    /// anything before: a space or line break after an ASCII character other than a space or CR.
    /// (UAX #29 keeps horizontal spaces together, CR with LF, and nothing else across these.)
    @inline(__always)
    static func isSafeBoundary(_ text: UnsafeBufferPointer<UInt16>, _ index: Int) -> Bool {
        let unit = text[index]
        guard unit == 0x20 || unit == 0x0A || unit == 0x0D else { return false }
        let before = text[index - 1]
        return before < 0x80 && before != 0x20 && before != 0x0D
    }

    // MARK: - ASCII

    /// Word-break classes of the ASCII characters (UAX #29), as far as word segments go.
    enum ASCIIClass: UInt8, CaseIterable {
        case other = 0, letter, digit
        /// `_` (ExtendNumLet): joins letters, digits and itself.
        case extendNumLet
        /// Joins letters only (MidLetter; `:` in some locales).
        case midLetter
        /// `.` and `'`: join letters, and digits (MidNumLet, Single_Quote).
        case midNumLet
        /// `,` and `;`: join digits (MidNum).
        case midNum
    }

    /// UAX #29's classes of the ASCII characters, before calibration.
    static let defaultClasses: [ASCIIClass] = (0..<128).map { value -> ASCIIClass in
        switch UInt8(value) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "_"): return .extendNumLet
        case UInt8(ascii: "."), UInt8(ascii: "'"): return .midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        default: return .other
        }
    }

    /// The words of an ASCII stretch `text[start..<end]` that begins at a boundary and ends at
    /// one (or at the end of the text).
    @inline(__always)
    static func forEachASCIIWord(in text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int,
                                 classes: UnsafeBufferPointer<ASCIIClass>, _ body: (Int, Int, WordKind) -> Void) {
        var index = start
        while index < end {
            let first = classes[Int(text[index])]
            guard first == .letter || first == .digit || first == .extendNumLet else {
                index += 1
                continue
            }
            let wordStart = index
            let kind: WordKind
            (index, kind) = asciiWord(in: text, at: index, to: end, first: first, classes: classes)
            if kind != .none { body(wordStart, index, kind) }
        }
    }

    /// The end and the kind of the ASCII word at `start`, whose class `first` is a letter, a
    /// digit or `_`, in a stretch that ends at `end`; `.none` for a lone `_`, which is no word.
    @inline(__always)
    static func asciiWord(in text: UnsafeBufferPointer<UInt16>, at start: Int, to end: Int, first: ASCIIClass,
                          classes: UnsafeBufferPointer<ASCIIClass>) -> (end: Int, kind: WordKind) {
        // ICU's rule status is the one of the rule that joined the last character: a word
        // that ends in a letter is a letter word, one that ends in a digit a number; `_`
        // keeps the status of what precedes it (`__` counts as letters).
        var last = first
        var beforeLast = ASCIIClass.other
        var index = start + 1
        scan: while index < end {
            let next = classes[Int(text[index])]
            switch next {
            case .letter, .digit, .extendNumLet:
                // WB5, WB8–WB10, WB13a, WB13b: letters, digits and `_` stay together.
                beforeLast = last
                last = next
                index += 1
            case .midLetter, .midNumLet, .midNum:
                // WB6/7 (letter · letter) and WB11/12 (digit · digit).
                guard index + 1 < end else { break scan }
                let after = classes[Int(text[index + 1])]
                if last == .letter, after == .letter, next != .midNum {
                    beforeLast = .letter
                    index += 2
                } else if last == .digit, after == .digit, next != .midLetter {
                    beforeLast = .digit
                    index += 2
                } else {
                    break scan
                }
            case .other:
                break scan
            }
        }
        switch last {
        case .letter: return (index, .letter)
        case .digit: return (index, .number)
        default:  // `_`
            return (index, index - start == 1 ? .none : beforeLast == .digit ? .number : .letter)
        }
    }

    // MARK: - Every segment

    /// Every segment of an ASCII stretch, as ICU cuts it (UAX #29 restricted to ASCII): words,
    /// then each other character alone but for a run of spaces (WB3d) and CR LF (WB3).
    @inline(__always)
    static func appendASCIISegments(of text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int,
                                    classes: UnsafeBufferPointer<ASCIIClass>, to segments: inout [Segment]) {
        var index = start
        while index < end {
            let unit = text[index]
            let first = classes[Int(unit)]
            let segmentStart = index
            if first == .letter || first == .digit || first == .extendNumLet {
                let kind: WordKind
                (index, kind) = asciiWord(in: text, at: index, to: end, first: first, classes: classes)
                segments.append(Segment(start: segmentStart, end: index, kind: kind))
                continue
            }
            index += 1
            if unit == 0x20 {
                while index < end, text[index] == 0x20 { index += 1 }
            } else if unit == 0x0D, index < end, text[index] == 0x0A {
                index += 1
            }
            segments.append(Segment(start: segmentStart, end: index, kind: .none))
        }
    }

    /// Appends to `segments` what `TextSegmenter.forEachSegment` of a word segmenter (`icu`)
    /// gives, the ASCII stretches split by `classes` (`allSegmentClasses`) and the rest by `icu`.
    /// Appended in place: handed to a closure, each segment was a call through its context.
    static func appendSegmentsHybrid(of text: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<ASCIIClass>,
                                     icu: TextSegmenter, to segments: inout [Segment]) {
        forEachStretch(in: text) { start, end in
            appendASCIISegments(of: text, from: start, to: end, classes: classes, to: &segments)
        } island: { start, end in
            icu.forEachSegment(in: UnsafeBufferPointer(rebasing: text[start..<end])) { segment in
                segments.append(Segment(start: start + segment.start, end: start + segment.end, kind: segment.kind))
            }
        }
    }

    nonisolated(unsafe) private static var segmentCalibrations: [String: Bool] = [:]

    /// `calibratedClasses(locale:)` when, under them, `forEachSegmentHybrid` also gives ICU's
    /// other segments (spaces, punctuation) on every probe; otherwise `nil`. Worked out once per
    /// locale and process.
    static func allSegmentClasses(locale: String) -> [ASCIIClass]? {
        guard let classes = calibratedClasses(locale: locale) else { return nil }
        calibrationsLock.lock()
        defer { calibrationsLock.unlock() }
        if let known = segmentCalibrations[locale] { return known ? classes : nil }
        // `false` only turns the fast path off: ICU then splits every text.
        let agrees = (try? TextSegmenter(.word, locale: locale)).map { icu in
            classes.withUnsafeBufferPointer { agreesOnAllSegments(segmentProbes(), classes: $0, icu: icu) }
        } ?? false
        segmentCalibrations[locale] = agrees
        return agrees ? classes : nil
    }

    /// Each ASCII character alone, twice, and next to a space, a line break, a letter and a
    /// digit. The word probes (`probes(for:)`) were checked by `calibratedClasses`; outside
    /// words, UAX #29 joins no two ASCII characters but spaces and CR LF, which these find.
    static func segmentProbes() -> [[UInt16]] {
        var result: [[UInt16]] = []
        for unit in UInt16(0)..<128 {
            result += [[unit], [unit, unit], [0x20, unit], [unit, 0x20], [0x0D, unit], [unit, 0x0A], [0x61, unit], [unit, 0x61], [0x31, unit, 0x32]]
        }
        return result
    }

    /// ICU's segments and the fast path's, compared on each probe; `false` at the first that
    /// differs.
    static func agreesOnAllSegments(_ probes: [[UInt16]], classes: UnsafeBufferPointer<ASCIIClass>, icu: TextSegmenter) -> Bool {
        var expected: [Segment] = [], found: [Segment] = []
        for probe in probes {
            expected.removeAll(keepingCapacity: true)
            found.removeAll(keepingCapacity: true)
            probe.withUnsafeBufferPointer { text in
                icu.forEachSegment(in: text) { expected.append($0) }
                appendSegmentsHybrid(of: text, classes: classes, icu: icu, to: &found)
            }
            if expected != found { return false }
        }
        return true
    }

    // MARK: - Calibration against ICU

    nonisolated(unsafe) private static var calibrations: [String: [ASCIIClass]?] = [:]
    private static let calibrationsLock = NSLock()

    /// The ASCII classes under which the fast path gives ICU's words for `locale` on every probe,
    /// or `nil` (worked out once per locale).
    static func calibratedClasses(locale: String) -> [ASCIIClass]? {
        calibrationsLock.lock()
        defer { calibrationsLock.unlock() }
        if let known = calibrations[locale] { return known }
        // `nil` only turns the ASCII fast path off: words then come from ICU's own segmenter.
        let result = (try? TextSegmenter(.word, locale: locale)).flatMap { calibrate(icu: $0) }
        calibrations[locale] = result
        return result
    }

    /// Reads each ASCII character's class off ICU, then checks every probe.
    static func calibrate(icu: TextSegmenter) -> [ASCIIClass]? {
        var classes = defaultClasses
        // The characters the probes are built around must have their default classes.
        for anchor in [0x61, 0x62, 0x31, 0x32, 0x5F] as [UInt16] {
            guard probes(for: anchor).allSatisfy({ agrees(on: $0, classes: classes, icu: icu) }) else { return nil }
        }
        for unit in UInt16(0)..<128 {
            let probes = probes(for: unit)
            let candidates = [classes[Int(unit)]] + ASCIIClass.allCases.filter { $0 != classes[Int(unit)] }
            guard let fitting = candidates.first(where: { candidate in
                classes[Int(unit)] = candidate
                return probes.allSatisfy { agrees(on: $0, classes: classes, icu: icu) }
            }) else { return nil }
            classes[Int(unit)] = fitting
        }
        return classes
    }

    /// One ASCII character alone and in the contexts the rules look at: after and before a
    /// letter, a digit and `_`, and between two letters, two digits, a letter and a digit.
    static func probes(for unit: UInt16) -> [[UInt16]] {
        let a: UInt16 = 0x61, b: UInt16 = 0x62, one: UInt16 = 0x31, two: UInt16 = 0x32, underscore: UInt16 = 0x5F
        var result: [[UInt16]] = [[unit]]
        for other in [a, one, underscore] {
            result.append([other, unit])
            result.append([unit, other])
            result.append([other, unit, other])
        }
        result.append([a, unit, b])
        result.append([one, unit, two])
        result.append([a, unit, one])
        result.append([one, unit, a])
        result.append([a, unit, unit, b])
        result.append([one, unit, unit, two])
        result.append([a, one, unit, b])
        result.append([one, a, unit, two])
        result.append([a, underscore, unit, one])
        result.append([one, underscore, unit, a])
        return result
    }

    /// ICU's word segments and the fast path's, compared.
    static func agrees(on probe: [UInt16], classes: [ASCIIClass], icu: TextSegmenter) -> Bool {
        probe.withUnsafeBufferPointer { text in
            var expected: [(Int, Int, WordKind)] = []
            icu.forEachSegment(in: text) { segment in
                if segment.kind.isWordLike { expected.append((segment.start, segment.end, segment.kind)) }
            }
            var found: [(Int, Int, WordKind)] = []
            classes.withUnsafeBufferPointer { classes in
                forEachWordHybrid(in: text, classes: classes, icu: icu) { found.append(($0, $1, $2)) }
            }
            return expected.count == found.count && zip(expected, found).allSatisfy { $0 == $1 }
        }
    }
}

/// Every segment of a word segmenter's text (words, spaces, punctuation: what
/// `TextSegmenter.forEachSegment` gives), with the ASCII stretches split here as `WordSegmenter`
/// splits their words, and the rest by ICU. ICU's break iterator was most of the time of
/// reading a sentence pair's words for the name and number rules.
package struct SegmentSplitter: Sendable {
    private let classes: [WordSegmenter.ASCIIClass]
    /// The ICU locale whose segments these are.
    package let locale: String

    /// The splitter of a word segmenter of `locale`; `nil` when the fast path does not give
    /// ICU's segments on every probe there (`WordSegmenter.allSegmentClasses`), and ICU must split
    /// everything.
    package init?(locale: String) {
        guard let classes = WordSegmenter.allSegmentClasses(locale: locale) else { return nil }
        self.classes = classes
        self.locale = locale
    }

    /// Appends every segment of `text` to `segments`, in order, as `icu.forEachSegment` gives
    /// them: `icu` must be a word segmenter of `locale`, and splits the stretches around
    /// non-ASCII units.
    package func appendSegments(of text: UnsafeBufferPointer<UInt16>, icu: TextSegmenter, to segments: inout [Segment]) {
        classes.withUnsafeBufferPointer { WordSegmenter.appendSegmentsHybrid(of: text, classes: $0, icu: icu, to: &segments) }
    }
}
